-- +goose Up
-- Each access log line keeps the scope of the admin user who looked (a
-- kecamatan's code, 34.04.11, or a kabupaten's, 34.04): an auditor reads
-- the lines of their own scope only (a kabupaten auditor: the kabupaten's
-- and its kecamatan's). Lines already written take their user's scope;
-- those of a user since removed keep '' and show to no auditor.
ALTER TABLE access_log ADD COLUMN scope text NOT NULL DEFAULT '';
UPDATE access_log a SET scope = coalesce(u.kabupaten_kode, u.kecamatan_kode, '')
    FROM admin_users u WHERE u.username = a.admin;
CREATE INDEX access_log_scope_at ON access_log (scope, at DESC);

-- +goose Down
DROP INDEX access_log_scope_at;
ALTER TABLE access_log DROP COLUMN scope;
