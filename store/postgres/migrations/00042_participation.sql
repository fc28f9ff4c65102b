-- +goose Up
-- Participation figures (postgres.ParticipationIn) at kecamatan scope read
-- a cycle's rows of each desa through these instead of every row of the
-- kabupaten (`suaradesa bench scale`, README "Participation figures": a
-- kecamatan's figures 122 ms to 41 ms on the scale data set): registered
-- residents with their gender (index only), gagasan and complaints by
-- desa and date, and a complaint's history by complaint (the first answer;
-- the table had no index to find a complaint's lines by).
CREATE INDEX contacts_registered ON contacts (desa_kode, registered_at) INCLUDE (gender) WHERE registered_at IS NOT NULL;
CREATE INDEX gagasan_desa_created ON gagasan (desa_kode, created_at);
CREATE INDEX complaints_desa_created ON complaints (desa_kode, created_at);
CREATE INDEX complaint_history_complaint ON complaint_history (complaint_id, at);

-- +goose Down
DROP INDEX complaint_history_complaint;
DROP INDEX complaints_desa_created;
DROP INDEX gagasan_desa_created;
DROP INDEX contacts_registered;
