-- +goose Up
-- The numbers a desa's residents write to (its WhatsApp number and its SMS
-- gateway's number, E.164, '' when not set): the board shows them with a
-- wa.me link and a QR code. Channels do not know their desa or, for SMS
-- gateways, their own number, so they are a setting of the desa
-- ("suaradesa desa nomor").
ALTER TABLE desa ADD COLUMN wa_number text NOT NULL DEFAULT '';
ALTER TABLE desa ADD COLUMN sms_number text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE desa DROP COLUMN sms_number;
ALTER TABLE desa DROP COLUMN wa_number;
