-- +goose Up
-- The admin lists' default orders, so that a page of a kecamatan's rows is
-- read in order and stops at its 50th instead of sorting every row of the
-- kabupaten (`suaradesa bench scale`, README "At kabupaten scale"): the
-- gagasan list, newest first (54 ms to 5 ms on 30,000 gagasan), and the
-- residents list by name (125 ms to 17 ms on 100,000 residents).
CREATE INDEX gagasan_created ON gagasan (created_at DESC NULLS LAST, id DESC NULLS LAST);
CREATE INDEX contacts_name ON contacts (lower(name), id);
-- The meetings to come, which JADWAL and HADIR look through for the
-- resident's (instead of every meeting of the kabupaten).
CREATE INDEX meetings_coming ON meetings (starts_at) WHERE status = 'DIJADWALKAN';

-- +goose Down
DROP INDEX meetings_coming;
DROP INDEX contacts_name;
DROP INDEX gagasan_created;
