-- +goose Up
-- GAGASAN UNTUK: a KPMD files a gagasan for a resident without a phone.
-- The gagasan has no sender; it records whom it is for (name, gender,
-- dusun), who filed it, and optionally a relative's number that receives
-- its status (on the channel the KPMD used).
ALTER TABLE gagasan
    ADD COLUMN for_name       text NOT NULL DEFAULT '',
    ADD COLUMN for_gender     text NOT NULL DEFAULT '',
    ADD COLUMN for_dusun_id   bigint REFERENCES dusun (id),
    ADD COLUMN filed_by       bigint REFERENCES contacts (id) ON DELETE SET NULL,
    ADD COLUMN notify_phone   text NOT NULL DEFAULT '',
    ADD COLUMN notify_channel text NOT NULL DEFAULT '';
CREATE INDEX gagasan_notify_phone ON gagasan (notify_phone) WHERE notify_phone <> '';

-- A voice note that answers a free-text question (a gagasan's description,
-- a complaint, a progress note). It stays with its record and is flagged
-- "perlu ditulis" until someone on the admin site writes what it says.
CREATE TABLE voice_notes (
    id             bigserial PRIMARY KEY,
    media_id       bigint NOT NULL REFERENCES media (id),
    desa_kode      text NOT NULL REFERENCES desa (kode),
    gagasan_id     bigint REFERENCES gagasan (id) ON DELETE CASCADE,
    complaint_id   bigint REFERENCES complaints (id) ON DELETE CASCADE,
    report_id      bigint REFERENCES progress_reports (id) ON DELETE CASCADE,
    transcript     text NOT NULL DEFAULT '',
    transcribed_by text NOT NULL DEFAULT '',
    transcribed_at timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(gagasan_id, complaint_id, report_id) = 1)
);
CREATE INDEX voice_notes_todo ON voice_notes (desa_kode, created_at) WHERE transcribed_at IS NULL;
CREATE INDEX voice_notes_gagasan ON voice_notes (gagasan_id) WHERE gagasan_id IS NOT NULL;
CREATE INDEX voice_notes_complaint ON voice_notes (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX voice_notes_report ON voice_notes (report_id) WHERE report_id IS NOT NULL;

-- Media of a person who used HAPUS DATA is forgotten by the next retention
-- run (hourly), not after the retention period: their photos that no public
-- record holds, and their voice notes.
ALTER TABLE media ADD COLUMN forget boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE media DROP COLUMN forget;
DROP TABLE voice_notes;
DROP INDEX gagasan_notify_phone;
ALTER TABLE gagasan DROP COLUMN for_name, DROP COLUMN for_gender, DROP COLUMN for_dusun_id,
    DROP COLUMN filed_by, DROP COLUMN notify_phone, DROP COLUMN notify_channel;
