-- +goose Up
-- A channel's scope: the region the number serves (a Kemendagri code prefix:
-- a province 34, a kabupaten 34.04, a kecamatan 34.04.11 or a desa
-- 34.04.11.2002; '' = everywhere) and the number residents write to (E.164,
-- '' when unknown: WhatsApp channels know theirs, an SMS gateway is told).
-- Set by `suaradesa kanal cakupan` (or SMS_…_SCOPE at start); `seen_at` is
-- when a serving process last said it runs the channel (every minute; a
-- channel seen in the last 5 minutes is active). The flows offer a
-- scoped number's region only, a desa's board shows the narrowest active
-- number covering it, and a contact whose channel is not active is pushed
-- by the narrowest active channel covering their desa.
CREATE TABLE kanal (
    nama       text PRIMARY KEY,
    cakupan    text NOT NULL DEFAULT '',
    nomor      text NOT NULL DEFAULT '',
    seen_at    timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE kanal;
