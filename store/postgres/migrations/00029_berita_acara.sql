-- +goose Up
-- The photo of a meeting's signed paper berita acara, sent by the KPMD after
-- HASIL (or later with FOTO BA R-…), kept with the meeting.
ALTER TABLE meetings ADD COLUMN ba_media_id bigint REFERENCES media (id) ON DELETE SET NULL,
    ADD COLUMN ba_sent_by bigint REFERENCES contacts (id) ON DELETE SET NULL,
    ADD COLUMN ba_sent_at timestamptz;

-- +goose Down
ALTER TABLE meetings DROP COLUMN ba_sent_at, DROP COLUMN ba_sent_by, DROP COLUMN ba_media_id;
