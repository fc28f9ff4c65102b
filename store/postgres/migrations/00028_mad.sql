-- +goose Up
-- MAD Prioritas and MAD Penetapan (docs/GLOSSARY.md, "Selection").
--
-- A proposal's budget (Rp, required before the MAD ranks it) and whether it
-- came from the women's meeting (MKP); NULL from_mkp means "as the meetings
-- that discussed it say" (a gagasan on an MKP's agenda), a facilitator may
-- set it either way.
ALTER TABLE proposals ADD COLUMN budget bigint CHECK (budget > 0),
    ADD COLUMN beneficiaries integer CHECK (beneficiaries >= 0),
    ADD COLUMN from_mkp boolean;

-- The kecamatan's BLM allocation for one year's cycle, and how its MAD
-- cuts the ranked list: skip_to_fit takes the next proposal that still
-- fits when one does not (as most MADs do) instead of stopping at the
-- first that does not; mkp_share is the least share of a desa's proposals
-- that must come from the MKP (two thirds by default; 0 turns the check
-- off, since editions of the programme differ).
CREATE TABLE allocations (
    kecamatan_kode text NOT NULL REFERENCES kecamatan (kode),
    year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount         bigint NOT NULL CHECK (amount > 0),
    skip_to_fit    boolean NOT NULL DEFAULT true,
    mkp_share      numeric(4, 3) NOT NULL DEFAULT 0.667 CHECK (mkp_share BETWEEN 0 AND 1),
    updated_by     text NOT NULL DEFAULT '',
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kecamatan_kode, year)
);

-- The criteria a kecamatan's MAD scores proposals by, with their weights
-- (the defaults, from the programme's practice, are written by the store
-- when a kecamatan has none).
CREATE TABLE mad_criteria (
    kecamatan_kode text NOT NULL REFERENCES kecamatan (kode),
    key            text NOT NULL CHECK (key ~ '^[a-z_]{1,32}$'),
    label          text NOT NULL,
    weight         integer NOT NULL CHECK (weight BETWEEN 0 AND 100),
    position       integer NOT NULL,
    PRIMARY KEY (kecamatan_kode, key)
);

-- One MAD's ranking (on a MAD_PRIORITAS or MAD_PENETAPAN meeting): the
-- allocation and cut rule it was made with, copied so that the record does
-- not change when the setting does; decided_at is set when the MAD
-- Penetapan was recorded and every proposal moved (one transaction).
CREATE TABLE mad_rankings (
    meeting_id     bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    kecamatan_kode text NOT NULL REFERENCES kecamatan (kode),
    year           integer NOT NULL,
    allocation     bigint NOT NULL CHECK (allocation > 0),
    skip_to_fit    boolean NOT NULL,
    mkp_share      numeric(4, 3) NOT NULL,
    method         text NOT NULL CHECK (method IN ('URUTAN', 'SKOR')),
    recorded_by    text NOT NULL DEFAULT '',
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    decided_at     timestamptz
);
CREATE INDEX mad_rankings_kecamatan ON mad_rankings (kecamatan_kode, year);

-- Each proposal in a ranking: its place, its weighted score when the MAD
-- scored (scores per criterion in scores, key → 0..100), the budget it was
-- ranked with, whether it is funded under the cut, and for one that is not,
-- where it is forwarded to (Musrenbang kecamatan, a named SKPD or funder)
-- and why.
CREATE TABLE mad_items (
    meeting_id     bigint NOT NULL REFERENCES mad_rankings (meeting_id) ON DELETE CASCADE,
    gagasan_id     bigint NOT NULL REFERENCES gagasan (id),
    rank           integer NOT NULL CHECK (rank > 0),
    score          numeric(7, 2),
    scores         jsonb NOT NULL DEFAULT '{}',
    budget         bigint NOT NULL CHECK (budget > 0),
    funded         boolean NOT NULL DEFAULT false,
    forward_to     text NOT NULL DEFAULT '',
    forward_reason text NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, gagasan_id),
    UNIQUE (meeting_id, rank)
);
CREATE INDEX mad_items_gagasan ON mad_items (gagasan_id);

-- The delegates of each desa at a MAD (three per desa in the programme, of
-- whom women), recorded with its outcome.
CREATE TABLE mad_delegates (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    desa_kode  text NOT NULL REFERENCES desa (kode),
    name       text NOT NULL CHECK (length(name) BETWEEN 2 AND 80),
    gender     text NOT NULL CHECK (gender IN ('L', 'P')),
    position   text NOT NULL DEFAULT ''
);
CREATE INDEX mad_delegates_meeting ON mad_delegates (meeting_id, desa_kode);

-- +goose Down
DROP TABLE mad_delegates;
DROP TABLE mad_items;
DROP TABLE mad_rankings;
DROP TABLE mad_criteria;
DROP TABLE allocations;
ALTER TABLE proposals DROP COLUMN from_mkp, DROP COLUMN beneficiaries, DROP COLUMN budget;
