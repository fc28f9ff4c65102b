-- +goose Up
-- The social map of each dusun: items (potentials, problems, limits of
-- resources), the community's criteria for poor and very poor households,
-- and the counts of households in each (never a list of them). Every change
-- is kept in map_history with who and when. A gagasan may point at the
-- problem or potential it answers.
CREATE TABLE map_items (
    id           bigserial PRIMARY KEY,
    dusun_id     bigint NOT NULL REFERENCES dusun (id),
    kind         text NOT NULL CHECK (kind IN ('POTENSI', 'MASALAH', 'KETERBATASAN_SDA', 'KETERBATASAN_SDM', 'KETERBATASAN_LAIN')),
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    photo_id     bigint REFERENCES media (id),
    lat          double precision,
    lng          double precision,
    suggested    boolean NOT NULL DEFAULT false, -- a resident's, until a KPMD confirms it
    suggested_by bigint REFERENCES contacts (id) ON DELETE SET NULL,
    created_by   text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    removed_at   timestamptz
);
CREATE INDEX map_items_dusun ON map_items (dusun_id) WHERE removed_at IS NULL;

CREATE TABLE poverty_criteria (
    id         bigserial PRIMARY KEY,
    dusun_id   bigint NOT NULL REFERENCES dusun (id),
    level      text NOT NULL CHECK (level IN ('SANGAT_MISKIN', 'MISKIN')),
    text       text NOT NULL,
    created_by text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX poverty_criteria_dusun ON poverty_criteria (dusun_id);

CREATE TABLE rtm_counts (
    dusun_id      bigint PRIMARY KEY REFERENCES dusun (id),
    sangat_miskin integer NOT NULL CHECK (sangat_miskin >= 0),
    miskin        integer NOT NULL CHECK (miskin >= 0),
    total         integer NOT NULL DEFAULT 0 CHECK (total >= 0),
    updated_by    text NOT NULL DEFAULT '',
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE map_history (
    id       bigserial PRIMARY KEY,
    dusun_id bigint NOT NULL REFERENCES dusun (id),
    what     text NOT NULL, -- item, criterion, count
    ref_id   bigint,
    action   text NOT NULL, -- add, edit, remove, confirm, reject, set
    detail   text NOT NULL DEFAULT '',
    by       text NOT NULL DEFAULT '',
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_history_dusun ON map_history (dusun_id, at);

ALTER TABLE gagasan ADD COLUMN map_item_id bigint REFERENCES map_items (id);

-- +goose Down
ALTER TABLE gagasan DROP COLUMN map_item_id;
DROP TABLE map_history;
DROP TABLE rtm_counts;
DROP TABLE poverty_criteria;
DROP TABLE map_items;
