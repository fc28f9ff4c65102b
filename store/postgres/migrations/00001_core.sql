-- +goose Up
CREATE TABLE kecamatan (
    kode text PRIMARY KEY,
    nama text NOT NULL,
    tz   text NOT NULL DEFAULT 'Asia/Jakarta'
);

CREATE TABLE desa (
    kode           text PRIMARY KEY,
    nama           text NOT NULL,
    kecamatan_kode text NOT NULL REFERENCES kecamatan (kode)
);

CREATE TABLE dusun (
    id        bigserial PRIMARY KEY,
    desa_kode text NOT NULL REFERENCES desa (kode),
    nama      text NOT NULL,
    UNIQUE (desa_kode, nama)
);

-- A contact is a person, keyed by an E.164 number. The row is created only
-- once the person has given consent.
CREATE TABLE contacts (
    id            bigserial PRIMARY KEY,
    phone         text NOT NULL UNIQUE,
    name          text NOT NULL DEFAULT '',
    desa_kode     text REFERENCES desa (kode),
    dusun_id      bigint REFERENCES dusun (id),
    gender        text NOT NULL DEFAULT '' CHECK (gender IN ('', 'P', 'L')),
    lang          text NOT NULL DEFAULT 'id',
    channel       text NOT NULL DEFAULT '',
    consent_at    timestamptz,
    registered_at timestamptz,
    opted_out_at  timestamptz,
    session_seq   bigint NOT NULL DEFAULT 0,
    session_flow  text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_desa ON contacts (desa_kode, dusun_id);

-- Roles are keyed by phone so that a role can be granted before the person
-- first writes.
CREATE TABLE roles (
    phone      text NOT NULL,
    role       text NOT NULL CHECK (role IN ('KPMD', 'TPK', 'TV', 'TPU', 'FASILITATOR')),
    desa_kode  text NOT NULL REFERENCES desa (kode),
    granted_by text NOT NULL DEFAULT '',
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (phone, role, desa_kode)
);

CREATE TABLE media (
    id         bigserial PRIMARY KEY,
    sha256     text NOT NULL,
    mime       text NOT NULL,
    kind       text NOT NULL,
    size       integer NOT NULL,
    path       text NOT NULL,
    contact_id bigint REFERENCES contacts (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gagasan (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    sender_id       bigint REFERENCES contacts (id) ON DELETE SET NULL,
    desa_kode       text NOT NULL REFERENCES desa (kode),
    dusun_id        bigint REFERENCES dusun (id),
    category        text NOT NULL,
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    lat             double precision,
    lng             double precision,
    households      integer,
    poor_households integer,
    photo_id        bigint REFERENCES media (id),
    status          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gagasan_sender ON gagasan (sender_id, created_at DESC);
CREATE INDEX gagasan_desa ON gagasan (desa_kode, status);

CREATE TABLE gagasan_history (
    id          bigserial PRIMARY KEY,
    gagasan_id  bigint NOT NULL REFERENCES gagasan (id) ON DELETE CASCADE,
    from_status text NOT NULL DEFAULT '',
    to_status   text NOT NULL,
    changed_by  text NOT NULL DEFAULT '',
    note        text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gagasan_history_gagasan ON gagasan_history (gagasan_id, id);

-- Every inbound message that a channel delivered, once: the unique key is
-- the dedupe. The text is kept only for contacts who gave consent.
CREATE TABLE inbound_messages (
    id          bigserial PRIMARY KEY,
    channel     text NOT NULL,
    ext_id      text NOT NULL,
    phone       text NOT NULL,
    contact_id  bigint REFERENCES contacts (id) ON DELETE SET NULL,
    text        text,
    media_id    bigint REFERENCES media (id) ON DELETE SET NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, ext_id)
);

-- Every outbound message is written here, in the transaction that decided
-- it, before it is sent. The dispatcher claims queued rows, sends them and
-- records the outcome.
CREATE TABLE outbound_messages (
    id              bigserial PRIMARY KEY,
    channel         text NOT NULL,
    to_phone        text NOT NULL,
    contact_id      bigint REFERENCES contacts (id) ON DELETE SET NULL,
    text            text NOT NULL,
    media_id        bigint REFERENCES media (id) ON DELETE SET NULL,
    kind            text NOT NULL DEFAULT 'reply',
    priority        smallint NOT NULL DEFAULT 0,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    ext_id          text,
    error           text NOT NULL DEFAULT '',
    inbound_id      bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_pending ON outbound_messages (channel, priority DESC, id)
    WHERE status IN ('queued', 'sending');
CREATE INDEX outbound_to ON outbound_messages (to_phone, id);

-- +goose Down
DROP TABLE outbound_messages;
DROP TABLE inbound_messages;
DROP TABLE gagasan_history;
DROP TABLE gagasan;
DROP TABLE media;
DROP TABLE roles;
DROP TABLE contacts;
DROP TABLE dusun;
DROP TABLE desa;
DROP TABLE kecamatan;
