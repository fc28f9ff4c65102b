-- +goose Up
-- The regions above the kecamatan, from Kemendagri's list (`suaradesa
-- wilayah import`): a province carries the time zone of its kecamatan
-- (WIB, WITA or WIT are set per province, never guessed per desa), a
-- kabupaten/kota groups kecamatan. A kecamatan's kabupaten is the first two
-- parts of its code (34.04.11 is in 34.04), kept as a column so that
-- kabupaten-wide lists use an index.
CREATE TABLE provinsi (
    kode text PRIMARY KEY,
    nama text NOT NULL,
    tz   text NOT NULL DEFAULT 'Asia/Jakarta'
);

CREATE TABLE kabupaten (
    kode          text PRIMARY KEY,
    nama          text NOT NULL,
    provinsi_kode text NOT NULL
);

ALTER TABLE kecamatan ADD COLUMN kabupaten_kode text
    GENERATED ALWAYS AS (split_part(kode, '.', 1) || '.' || split_part(kode, '.', 2)) STORED;
CREATE INDEX kecamatan_kabupaten ON kecamatan (kabupaten_kode);
CREATE INDEX desa_kecamatan ON desa (kecamatan_kode);

-- +goose Down
DROP INDEX desa_kecamatan;
DROP INDEX kecamatan_kabupaten;
ALTER TABLE kecamatan DROP COLUMN kabupaten_kode;
DROP TABLE kabupaten;
DROP TABLE provinsi;
