-- +goose Up
ALTER TABLE kecamatan ADD COLUMN tranches text NOT NULL DEFAULT '40,40,20';

CREATE TABLE kegiatan (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    gagasan_id bigint NOT NULL UNIQUE REFERENCES gagasan (id),
    desa_kode  text NOT NULL REFERENCES desa (kode),
    title      text NOT NULL,
    budget     bigint NOT NULL CHECK (budget > 0),
    volume     double precision,
    unit       text NOT NULL DEFAULT '',
    status     text NOT NULL DEFAULT 'BERJALAN' CHECK (status IN ('BERJALAN', 'SELESAI', 'DISERAHTERIMAKAN')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The TPK members who may report on a kegiatan, by phone.
CREATE TABLE kegiatan_tpk (
    kegiatan_id bigint NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    phone       text NOT NULL,
    PRIMARY KEY (kegiatan_id, phone)
);
CREATE INDEX kegiatan_tpk_phone ON kegiatan_tpk (phone);

CREATE TABLE tranches (
    kegiatan_id  bigint NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    no           integer NOT NULL,
    percent      integer NOT NULL,
    amount       bigint NOT NULL,
    disbursed_at timestamptz,
    disbursed_by text NOT NULL DEFAULT '',
    PRIMARY KEY (kegiatan_id, no)
);

CREATE TABLE progress_reports (
    id          bigserial PRIMARY KEY,
    kegiatan_id bigint NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    percent     integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    reason      text NOT NULL DEFAULT '',
    note        text NOT NULL DEFAULT '',
    workers     integer,
    women       integer,
    person_days integer,
    lat         double precision,
    lng         double precision,
    by_contact  bigint REFERENCES contacts (id) ON DELETE SET NULL,
    by_name     text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX progress_reports_kegiatan ON progress_reports (kegiatan_id, id DESC);

CREATE TABLE report_photos (
    report_id bigint NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
    media_id  bigint NOT NULL REFERENCES media (id),
    caption   text NOT NULL DEFAULT '',
    position  integer NOT NULL,
    PRIMARY KEY (report_id, position)
);

CREATE TABLE followers (
    kegiatan_id bigint NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    contact_id  bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    since       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kegiatan_id, contact_id)
);

-- Complaints (pengaduan). An anonymous one keeps no link to its sender
-- beyond what is needed to tell them of its progress (contact_id), and that
-- link is never shown to a facilitator.
CREATE TABLE complaints (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    desa_kode  text NOT NULL REFERENCES desa (kode),
    contact_id bigint REFERENCES contacts (id) ON DELETE SET NULL,
    anonymous  boolean NOT NULL,
    text       text NOT NULL,
    photo_id   bigint REFERENCES media (id),
    status     text NOT NULL DEFAULT 'DITERIMA' CHECK (status IN ('DITERIMA', 'DIVERIFIKASI', 'DITERUSKAN', 'DITANGANI', 'SELESAI')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE complaint_history (
    id           bigserial PRIMARY KEY,
    complaint_id bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    status       text NOT NULL,
    note         text NOT NULL DEFAULT '',
    at           timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE complaint_history;
DROP TABLE complaints;
DROP TABLE followers;
DROP TABLE report_photos;
DROP TABLE progress_reports;
DROP TABLE tranches;
DROP TABLE kegiatan_tpk;
DROP TABLE kegiatan;
ALTER TABLE kecamatan DROP COLUMN tranches;
