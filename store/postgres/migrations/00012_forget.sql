-- +goose Up
-- The reply confirming HAPUS DATA is queued after the contact is gone; it
-- must still be sent, then forgotten: the retention job empties its number
-- and text an hour after sending.
ALTER TABLE outbound_messages ADD COLUMN forget boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE outbound_messages DROP COLUMN forget;
