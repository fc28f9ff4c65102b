-- +goose Up
-- outbound_to (to_phone, id) served no query the service runs often: the
-- simulator reads by (to_phone, sent_seq), the reply-order check by the
-- unsent rows' index. Every outbound row paid for it three times (insert,
-- claim, sent), in the busiest table.
DROP INDEX outbound_to;

-- +goose Down
CREATE INDEX outbound_to ON outbound_messages (to_phone, id);
