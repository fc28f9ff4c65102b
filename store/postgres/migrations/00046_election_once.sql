-- +goose Up
-- A meeting records each person once per position and desa: recording its
-- elections replaces them (postgres.RecordElections), and a form posted
-- twice before this migration doubled its rows: the later copies go.
DELETE FROM meeting_elections e USING meeting_elections f
WHERE f.meeting_id = e.meeting_id AND f.position = e.position AND f.desa_kode = e.desa_kode
    AND f.name = e.name AND f.id < e.id;
CREATE UNIQUE INDEX meeting_elections_once ON meeting_elections (meeting_id, position, desa_kode, name);

-- When a meeting's outcome was recorded (HASIL, the admin form, the CLI):
-- its berita acara lists decisions as recorded with it when this is set.
-- A meeting held before: set when its decisions were, by the test the
-- berita acara made until now (no stage change without a meeting between
-- its start and its last update), which a later update (a photo sent, a
-- vote closed) no longer undoes.
ALTER TABLE meetings ADD COLUMN outcome_at timestamptz;
UPDATE meetings m SET outcome_at = m.updated_at
WHERE m.status = 'SELESAI' AND NOT EXISTS (SELECT 1 FROM meeting_agenda a JOIN gagasan_history h ON h.gagasan_id = a.gagasan_id
    WHERE a.meeting_id = m.id AND h.meeting_id IS NULL AND h.at >= m.starts_at AND h.at <= m.updated_at
        AND (h.changed_by LIKE 'KPMD %' OR h.changed_by LIKE 'web %'));

-- +goose Down
ALTER TABLE meetings DROP COLUMN outcome_at;
DROP INDEX meeting_elections_once;
