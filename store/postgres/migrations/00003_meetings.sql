-- +goose Up
CREATE TABLE meetings (
    id             bigserial PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    type           text NOT NULL,
    desa_kode      text NOT NULL REFERENCES desa (kode),
    dusun_id       bigint REFERENCES dusun (id),
    audience       text NOT NULL CHECK (audience IN ('DESA', 'DUSUN', 'PEREMPUAN', 'MAD')),
    starts_at      timestamptz NOT NULL,
    place          text NOT NULL,
    agenda         text NOT NULL DEFAULT '',
    status         text NOT NULL DEFAULT 'DIJADWALKAN' CHECK (status IN ('DIJADWALKAN', 'DIBATALKAN', 'SELESAI')),
    created_by     bigint REFERENCES contacts (id) ON DELETE SET NULL,
    attended       integer,
    attended_women integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_desa ON meetings (desa_kode, starts_at);

-- The gagasan a meeting discusses.
CREATE TABLE meeting_agenda (
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    gagasan_id bigint NOT NULL REFERENCES gagasan (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, gagasan_id)
);

-- The recipients of an invitation, fixed when the KPMD answered KIRIM, each
-- with the outbound message that carries it, and their answer.
CREATE TABLE invitations (
    meeting_id  bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    contact_id  bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    outbound_id bigint,
    rsvp        text NOT NULL DEFAULT '' CHECK (rsvp IN ('', 'HADIR', 'TIDAK')),
    rsvp_at     timestamptz,
    PRIMARY KEY (meeting_id, contact_id)
);
CREATE INDEX invitations_contact ON invitations (contact_id);

-- Reminders are rows, so they survive restarts; a worker takes a due one
-- with FOR UPDATE SKIP LOCKED and marks it done in the transaction that
-- queues its messages: sent once, even with two processes.
CREATE TABLE reminders (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    due_at     timestamptz NOT NULL,
    done_at    timestamptz,
    UNIQUE (meeting_id, kind)
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE done_at IS NULL;

-- +goose Down
DROP TABLE reminders;
DROP TABLE invitations;
DROP TABLE meeting_agenda;
DROP TABLE meetings;
