-- +goose Up
-- An invitation that went to the resident by a post in a linked WhatsApp
-- group they are a member of, not by a personal message (outbound_id is
-- then NULL): the meeting's counts tell them apart from a resident who
-- answered without having been invited (registered later).
ALTER TABLE invitations ADD COLUMN by_group boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE invitations DROP COLUMN by_group;
