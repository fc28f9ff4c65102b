-- +goose Up
-- A delivered, read or failed report can arrive before the dispatcher has
-- recorded the channel's id of the message (its claim commits after the
-- batch is sent, a paced claim after its last send, up to its horizon).
-- Such a report waits here and is applied when the id is recorded
-- (MarkOutboundStatus and FailOutbound keep it, Claim.Finish applies it).
-- Reports of messages that are not ours (sent from the phone itself) are
-- removed by Purge after a day.
CREATE TABLE outbound_receipts (
    channel     text NOT NULL,
    ext_id      text NOT NULL,
    status      text NOT NULL CHECK (status IN ('delivered', 'read', 'failed')),
    error       text,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, ext_id)
);

-- +goose Down
DROP TABLE outbound_receipts;
