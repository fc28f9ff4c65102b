-- +goose Up
-- What a post into a group stands in for (docs/ARCHITECTURE.md, "Groups"):
-- the personal copies of a meeting's invitation, move, cancellation or
-- reminder that its group's members did not get. When the post fails for
-- good, or waits longer than the SMS fallback's wait, the fallback round
-- queues those copies instead (ReleaseGroupPosts) and sets settled_at; a
-- post that was sent is settled with nothing to do.
CREATE TABLE group_post_copies (
    post_id     bigint PRIMARY KEY REFERENCES outbound_messages (id) ON DELETE CASCADE,
    meeting_id  bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text        jsonb NOT NULL,                -- the personal message by language ({nama})
    kind        text NOT NULL,                 -- its outbound kind and priority
    priority    int NOT NULL,
    invitation  boolean NOT NULL,              -- the invitation: invitations.group_post names it
    skip_tidak  boolean NOT NULL DEFAULT false,-- not to those who answered TIDAK (reminders)
    settled_at  timestamptz
);
CREATE INDEX group_post_copies_open ON group_post_copies (post_id) WHERE settled_at IS NULL;

-- The post that reached an invitee instead of a personal invitation
-- (by_group): the meeting's counts take it only once that post was sent.
ALTER TABLE invitations ADD COLUMN group_post bigint REFERENCES outbound_messages (id) ON DELETE SET NULL;
CREATE INDEX invitations_group_post ON invitations (group_post) WHERE group_post IS NOT NULL;

-- +goose Down
DROP INDEX invitations_group_post;
ALTER TABLE invitations DROP COLUMN group_post;
DROP TABLE group_post_copies;
