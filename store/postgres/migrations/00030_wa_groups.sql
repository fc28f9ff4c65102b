-- +goose Up
-- WhatsApp groups the bot's number is in (docs/ARCHITECTURE.md, "Groups").
-- A row is written when the adapter learns of a group (joined, group info,
-- the list of joined groups at connect); left_at when the number was
-- removed or left; announce when only admins may post (then the bot cannot
-- post either unless it is an admin: can_post). A group is posted into
-- only when someone linked it to an audience (linked_at set).
CREATE TABLE wa_groups (
    id            bigserial PRIMARY KEY,
    channel       text NOT NULL,                 -- whatsapp:+62… (the number that is in it)
    jid           text NOT NULL,                 -- …@g.us
    name          text NOT NULL DEFAULT '',
    announce      boolean NOT NULL DEFAULT false,
    can_post      boolean NOT NULL DEFAULT true,
    seen_at       timestamptz NOT NULL DEFAULT now(),
    left_at       timestamptz,
    -- The audience it is linked to: a desa (DESA), one of its dusun (DUSUN)
    -- or the desa's women (PEREMPUAN), as meetings' audiences.
    desa_kode     text REFERENCES desa (kode),
    audience      text CHECK (audience IN ('DESA', 'DUSUN', 'PEREMPUAN')),
    dusun_id      bigint REFERENCES dusun (id),
    linked_by     text NOT NULL DEFAULT '',
    linked_at     timestamptz,
    last_post_at  timestamptz,
    UNIQUE (channel, jid),
    CHECK ((audience IS NULL) = (desa_kode IS NULL)),
    CHECK ((audience = 'DUSUN') = (dusun_id IS NOT NULL))
);
CREATE INDEX wa_groups_desa ON wa_groups (desa_kode) WHERE linked_at IS NOT NULL AND left_at IS NULL;

-- Members of a group by phone (resolved from LIDs by the adapter), replaced
-- whole when the adapter reads the participant list and changed by join
-- and leave events.
CREATE TABLE wa_group_members (
    group_id bigint NOT NULL REFERENCES wa_groups (id) ON DELETE CASCADE,
    phone    text NOT NULL,
    admin    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (group_id, phone)
);
CREATE INDEX wa_group_members_phone ON wa_group_members (phone);

-- A resident who asked for personal messages even when a linked group of
-- theirs gets the post (PESAN PRIBADI, or a choice in DATA SAYA).
ALTER TABLE contacts ADD COLUMN wants_personal boolean NOT NULL DEFAULT false;

-- A post into a group is an outbound row like any other (exactly once by the
-- same queue): kind 'group', to_phone holding the group's JID, and to_group
-- naming the group row.
ALTER TABLE outbound_messages ADD COLUMN to_group bigint REFERENCES wa_groups (id) ON DELETE SET NULL;

-- +goose Down
ALTER TABLE outbound_messages DROP COLUMN to_group;
ALTER TABLE contacts DROP COLUMN wants_personal;
DROP TABLE wa_group_members;
DROP TABLE wa_groups;
