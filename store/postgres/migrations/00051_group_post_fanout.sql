-- +goose Up
-- The posts of one fan-out (one notice of a meeting, into several groups,
-- in one statement) are released together (ReleaseGroupPosts): fanout is
-- the least post id of the statement. starts_at, place and status are the
-- meeting's when the notice went: a copy is released only while the
-- meeting is still so (a moved meeting's invitation, a cancelled
-- meeting's move are not).
ALTER TABLE group_post_copies ADD COLUMN fanout bigint,
    ADD COLUMN starts_at timestamptz, ADD COLUMN place text, ADD COLUMN status text;
UPDATE group_post_copies c SET fanout = (SELECT min(c2.post_id) FROM group_post_copies c2
        JOIN outbound_messages o2 ON o2.id = c2.post_id JOIN outbound_messages o ON o.id = c.post_id
        WHERE c2.meeting_id = c.meeting_id AND c2.kind = c.kind AND c2.invitation = c.invitation AND o2.created_at = o.created_at),
    starts_at = m.starts_at, place = m.place,
    status = CASE WHEN c.kind = 'push' THEN m.status ELSE 'DIJADWALKAN' END
    FROM meetings m WHERE m.id = c.meeting_id;
UPDATE group_post_copies SET fanout = post_id WHERE fanout IS NULL;
ALTER TABLE group_post_copies ALTER COLUMN fanout SET NOT NULL, ALTER COLUMN starts_at SET NOT NULL,
    ALTER COLUMN place SET NOT NULL, ALTER COLUMN status SET NOT NULL;
CREATE INDEX group_post_copies_fanout ON group_post_copies (fanout);

-- +goose Down
DROP INDEX group_post_copies_fanout;
ALTER TABLE group_post_copies DROP COLUMN fanout, DROP COLUMN starts_at, DROP COLUMN place, DROP COLUMN status;
