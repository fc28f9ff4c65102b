-- +goose Up
-- The admin site: its users (facilitators of a kecamatan; TPU and TV
-- members; auditors), their sessions, and what it records that chat does
-- not: a gagasan merged into another, written proposals and the TV's
-- verdict.
CREATE TABLE admin_users (
    id             bigserial PRIMARY KEY,
    username       text NOT NULL UNIQUE,
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('FASILITATOR', 'TPU', 'TV', 'AUDITOR')),
    kecamatan_kode text NOT NULL REFERENCES kecamatan (kode),
    desa_kode      text REFERENCES desa (kode), -- TPU: its desa only
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);

-- Sessions are stored by the SHA-256 of their cookie token: a copy of the
-- table does not let anyone log in.
CREATE TABLE admin_sessions (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    csrf       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);

ALTER TABLE gagasan ADD COLUMN merged_into bigint REFERENCES gagasan (id);

CREATE TABLE proposals (
    gagasan_id  bigint PRIMARY KEY REFERENCES gagasan (id) ON DELETE CASCADE,
    verdict     text CHECK (verdict IN ('LAYAK', 'TIDAK_LAYAK')),
    reason      text NOT NULL DEFAULT '',
    verdict_by  text NOT NULL DEFAULT '',
    verdict_at  timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE proposal_files (
    id          bigserial PRIMARY KEY,
    gagasan_id  bigint NOT NULL REFERENCES gagasan (id) ON DELETE CASCADE,
    media_id    bigint NOT NULL REFERENCES media (id),
    name        text NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE proposal_files;
DROP TABLE proposals;
ALTER TABLE gagasan DROP COLUMN merged_into;
DROP TABLE admin_sessions;
DROP TABLE admin_users;
