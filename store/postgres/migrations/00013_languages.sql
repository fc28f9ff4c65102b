-- +goose Up
-- A resident's language: their own choice (BAHASA, or the question at
-- registration), else their desa's default, else Indonesian. An empty
-- contacts.lang means "no choice made".
ALTER TABLE desa ADD COLUMN lang text NOT NULL DEFAULT 'id';
ALTER TABLE contacts ALTER COLUMN lang SET DEFAULT '';
UPDATE contacts SET lang = '' WHERE lang = 'id';

-- Reviewed catalog texts ("suaradesa katalog impor"), applied at start in
-- place of the compiled ones.
CREATE TABLE catalog_texts (
    lang       text NOT NULL,
    key        text NOT NULL,
    text       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lang, key)
);

-- +goose Down
DROP TABLE catalog_texts;
UPDATE contacts SET lang = 'id' WHERE lang = '';
ALTER TABLE contacts ALTER COLUMN lang SET DEFAULT 'id';
ALTER TABLE desa DROP COLUMN lang;
