-- +goose Up
-- A role names the meeting whose election granted it (source_meeting_id,
-- 00041), and only such a role is revoked when that meeting's list is
-- saved without the person. An election grants on the admin site, with
-- granted_by 'web <user>' (postgres.RecordElections); a role whose
-- granted_by is another's ('cli', 'seed': by hand), or whose meeting has
-- no election of that number to that position in that desa, was not
-- granted by it: it names no meeting, and is kept as a role given by hand.
UPDATE roles r SET source_meeting_id = NULL
WHERE r.source_meeting_id IS NOT NULL
    AND (r.granted_by NOT LIKE 'web %'
        OR NOT EXISTS (SELECT 1 FROM meeting_elections e WHERE e.meeting_id = r.source_meeting_id
            AND e.phone = r.phone AND e.position = r.role AND e.desa_kode = r.desa_kode));

-- +goose Down
-- The sources cleared are not restored.
