-- +goose Up
-- Whether the scope and the number of a channel came from the environment
-- of the serving process that last started with it (SMS_…_SCOPE,
-- …_NUMBER): that process sets them again at its next start, so
-- `suaradesa kanal cakupan` warns that its change lasts until then.
ALTER TABLE kanal ADD COLUMN cakupan_env boolean NOT NULL DEFAULT false,
    ADD COLUMN nomor_env boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE kanal DROP COLUMN cakupan_env, DROP COLUMN nomor_env;
