-- +goose Up
-- A signed berita acara often has several pages: the photos sent one after
-- the other (a few minutes apart at most) are the pages of one set. A
-- meeting's berita acara is the set of its ba_media_id (page 1); a new
-- first page ("replace") starts a new set, the older sets stay.
ALTER TABLE meeting_ba_photos ADD COLUMN set_id bigint, ADD COLUMN page int NOT NULL DEFAULT 1;
UPDATE meeting_ba_photos SET set_id = id;
-- A photo kept on the meeting before 00037 listed every photo.
INSERT INTO meeting_ba_photos (meeting_id, media_id, sent_by, sent_at, set_id, page)
    SELECT m.id, m.ba_media_id, m.ba_sent_by, COALESCE(m.ba_sent_at, m.updated_at), 0, 1 FROM meetings m
    WHERE m.ba_media_id IS NOT NULL
    ON CONFLICT (meeting_id, media_id) DO NOTHING;
UPDATE meeting_ba_photos SET set_id = id WHERE set_id = 0;
ALTER TABLE meeting_ba_photos ALTER COLUMN set_id SET NOT NULL;
CREATE INDEX meeting_ba_photos_set ON meeting_ba_photos (set_id, page);

-- +goose Down
-- Pages after the first stay, as photos of their own.
DROP INDEX meeting_ba_photos_set;
ALTER TABLE meeting_ba_photos DROP COLUMN page, DROP COLUMN set_id;
