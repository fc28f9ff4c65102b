-- +goose Up
-- A resident's ballots by contact: HAPUS DATA's cascade and DATA SAYA's
-- list of the votes they answered read them without a scan.
CREATE INDEX ballots_contact ON ballots (contact_id);

-- +goose Down
DROP INDEX ballots_contact;
