-- +goose Up
-- Who a meeting elected (KPMD, TPK, TPU, Tim Pemelihara, the desa's
-- delegates to the MAD, the women's delegates of the MKP), recorded with
-- the meeting's outcome on the admin site and printed on its berita acara.
-- desa_kode is the desa the person serves (a MAD meeting elects for
-- several). phone is '' when none was given.
CREATE TABLE meeting_elections (
    id          bigserial PRIMARY KEY,
    meeting_id  bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    text NOT NULL CHECK (position IN ('KPMD', 'TPK', 'TPU', 'PEMELIHARA', 'DELEGASI_MAD', 'DELEGASI_MKP')),
    name        text NOT NULL,
    gender      text NOT NULL CHECK (gender IN ('L', 'P')),
    phone       text NOT NULL DEFAULT '',
    desa_kode   text NOT NULL REFERENCES desa (kode),
    recorded_by text NOT NULL DEFAULT '',
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (position <> 'DELEGASI_MKP' OR gender = 'P')
);
CREATE INDEX meeting_elections_meeting ON meeting_elections (meeting_id, id);

-- A role an election granted names the meeting it came from; a role
-- granted by hand has none.
ALTER TABLE roles ADD COLUMN source_meeting_id bigint REFERENCES meetings (id) ON DELETE SET NULL;

-- A stage change a meeting's outcome decided names the meeting, so that
-- its berita acara lists each decision (changes before this migration
-- have none: their berita acara says the decision was not recorded).
ALTER TABLE gagasan_history ADD COLUMN meeting_id bigint REFERENCES meetings (id) ON DELETE SET NULL;
CREATE INDEX gagasan_history_meeting ON gagasan_history (meeting_id) WHERE meeting_id IS NOT NULL;

-- +goose Down
DROP INDEX gagasan_history_meeting;
ALTER TABLE gagasan_history DROP COLUMN meeting_id;
ALTER TABLE roles DROP COLUMN source_meeting_id;
DROP TABLE meeting_elections;
