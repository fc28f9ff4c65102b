-- +goose Up
-- A counter bumped by every change to the places a resident chooses from
-- (desa, their kecamatan and kabupaten names, a desa's default language):
-- each process keeps the desa list in memory and reloads it when the
-- counter moved, whoever changed the rows (desa import, wilayah import, the
-- admin site, another process, psql).
CREATE TABLE places_version (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    v   bigint  NOT NULL
);
INSERT INTO places_version (one, v) VALUES (true, 1);

-- +goose StatementBegin
CREATE FUNCTION bump_places_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE places_version SET v = v + 1;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER desa_places_version AFTER INSERT OR DELETE OR UPDATE OF nama, kecamatan_kode, lang OR TRUNCATE ON desa
    FOR EACH STATEMENT EXECUTE FUNCTION bump_places_version();
CREATE TRIGGER kecamatan_places_version AFTER INSERT OR DELETE OR UPDATE OF nama OR TRUNCATE ON kecamatan
    FOR EACH STATEMENT EXECUTE FUNCTION bump_places_version();
CREATE TRIGGER kabupaten_places_version AFTER INSERT OR DELETE OR UPDATE OF nama OR TRUNCATE ON kabupaten
    FOR EACH STATEMENT EXECUTE FUNCTION bump_places_version();

-- +goose Down
DROP TRIGGER kabupaten_places_version ON kabupaten;
DROP TRIGGER kecamatan_places_version ON kecamatan;
DROP TRIGGER desa_places_version ON desa;
DROP FUNCTION bump_places_version();
DROP TABLE places_version;
