-- +goose Up
-- One person across SMS and WhatsApp: contacts.channel is where pushes and
-- broadcasts go, the last channel the person wrote on unless a facilitator
-- pinned one. A push or broadcast that WhatsApp could not deliver moves to
-- an SMS channel; rerouted_from keeps where it was first queued.
ALTER TABLE contacts ADD COLUMN channel_pinned boolean NOT NULL DEFAULT false;
ALTER TABLE outbound_messages ADD COLUMN rerouted_from text;
CREATE INDEX outbound_fallback ON outbound_messages (created_at)
    WHERE kind IN ('push', 'broadcast') AND status IN ('queued', 'failed') AND rerouted_from IS NULL;

-- +goose Down
DROP INDEX outbound_fallback;
ALTER TABLE outbound_messages DROP COLUMN rerouted_from;
ALTER TABLE contacts DROP COLUMN channel_pinned;
