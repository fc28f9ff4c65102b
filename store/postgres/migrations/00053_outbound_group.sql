-- +goose Up
-- The posts into one group, read when a member answers an invitation in it
-- without the meeting's code ("nggih hadir"): MeetingsPostedIn.
CREATE INDEX outbound_to_group ON outbound_messages (to_group) WHERE to_group IS NOT NULL;

-- +goose Down
DROP INDEX outbound_to_group;
