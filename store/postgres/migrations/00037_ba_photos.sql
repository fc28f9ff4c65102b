-- +goose Up
-- Every photo of a meeting's signed paper berita acara that was sent (FOTO
-- BA, or the last question of HASIL): meetings.ba_media_id (00029) is the
-- newest, the ones it replaced stay here with their files (no lost data).
CREATE TABLE meeting_ba_photos (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    media_id   bigint NOT NULL REFERENCES media (id),
    sent_by    bigint REFERENCES contacts (id) ON DELETE SET NULL,
    sent_at    timestamptz NOT NULL,
    UNIQUE (meeting_id, media_id)
);

-- The board shows a meeting's photo only once a facilitator looked at it
-- (a paper may carry residents' names); a new photo waits for a new look.
ALTER TABLE meetings ADD COLUMN ba_public_at timestamptz, ADD COLUMN ba_public_by text;

-- +goose Down
ALTER TABLE meetings DROP COLUMN ba_public_by, DROP COLUMN ba_public_at;
DROP TABLE meeting_ba_photos;
