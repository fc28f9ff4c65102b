-- +goose Up
-- The order in which messages were sent, for readers that follow a cursor
-- (the simulator's GET /sim/outbound): a message sent late, after a crash,
-- must come after those sent before it, whatever its row id.
CREATE SEQUENCE outbound_sent_seq;
ALTER TABLE outbound_messages ADD COLUMN sent_seq bigint;
UPDATE outbound_messages SET sent_seq = nextval('outbound_sent_seq')
    WHERE status IN ('sent', 'delivered', 'read');
CREATE INDEX outbound_sent ON outbound_messages (to_phone, sent_seq) WHERE sent_seq IS NOT NULL;

-- +goose Down
DROP INDEX outbound_sent;
ALTER TABLE outbound_messages DROP COLUMN sent_seq;
DROP SEQUENCE outbound_sent_seq;
