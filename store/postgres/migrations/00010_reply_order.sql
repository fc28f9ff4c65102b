-- +goose Up
-- A recipient's replies go out in the order they were queued, even with two
-- dispatchers: a claim skips a reply while an earlier one to the same
-- number is still unsent. This index answers that question.
CREATE INDEX outbound_unsent_to ON outbound_messages (to_phone, id) WHERE status IN ('queued', 'sending');

-- +goose Down
DROP INDEX outbound_unsent_to;
