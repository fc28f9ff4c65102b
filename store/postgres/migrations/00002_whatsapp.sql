-- +goose Up
-- WhatsApp may address a person by a LID instead of their number; the pairs
-- seen are kept here (whatsmeow's own device store keeps its copy too).
CREATE TABLE wa_lid_map (
    lid        text PRIMARY KEY,
    phone      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wa_lid_map_phone ON wa_lid_map (phone);

-- Messages from a sender whose number is not known yet: kept, not dropped,
-- and handled once the person tells their number.
CREATE TABLE wa_pending (
    id          bigserial PRIMARY KEY,
    channel     text NOT NULL,
    lid         text NOT NULL,
    ext_id      text NOT NULL,
    text        text NOT NULL DEFAULT '',
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, ext_id)
);

CREATE INDEX outbound_ext ON outbound_messages (channel, ext_id) WHERE ext_id IS NOT NULL;

-- +goose Down
DROP INDEX outbound_ext;
DROP TABLE wa_pending;
DROP TABLE wa_lid_map;
