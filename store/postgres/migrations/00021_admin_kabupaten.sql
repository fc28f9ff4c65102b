-- +goose Up
-- Admin users above the kecamatan: a kabupaten facilitator (F-Kab) and a
-- read-only kabupaten auditor belong to a kabupaten (its code, 34.04)
-- instead of a kecamatan. The kabupaten row need not exist (`wilayah
-- import` fills it): the kecamatan whose kabupaten_kode it is are theirs.
ALTER TABLE admin_users ADD COLUMN kabupaten_kode text CHECK (kabupaten_kode ~ '^[0-9]{2}\.[0-9]{2}$');
ALTER TABLE admin_users ALTER COLUMN kecamatan_kode DROP NOT NULL;
ALTER TABLE admin_users DROP CONSTRAINT admin_users_role_check;
ALTER TABLE admin_users ADD CONSTRAINT admin_users_role_check
    CHECK (role IN ('FASILITATOR', 'TPU', 'TV', 'AUDITOR', 'FASILITATOR_KAB', 'AUDITOR_KAB'));
-- A user has either a kecamatan or a kabupaten, as its role says.
ALTER TABLE admin_users ADD CONSTRAINT admin_users_scope CHECK (CASE
    WHEN role IN ('FASILITATOR_KAB', 'AUDITOR_KAB') THEN kabupaten_kode IS NOT NULL AND kecamatan_kode IS NULL AND desa_kode IS NULL
    ELSE kecamatan_kode IS NOT NULL AND kabupaten_kode IS NULL END);

-- +goose Down
DELETE FROM admin_users WHERE kabupaten_kode IS NOT NULL;
ALTER TABLE admin_users DROP CONSTRAINT admin_users_scope;
ALTER TABLE admin_users DROP CONSTRAINT admin_users_role_check;
ALTER TABLE admin_users ADD CONSTRAINT admin_users_role_check CHECK (role IN ('FASILITATOR', 'TPU', 'TV', 'AUDITOR'));
ALTER TABLE admin_users ALTER COLUMN kecamatan_kode SET NOT NULL;
ALTER TABLE admin_users DROP COLUMN kabupaten_kode;
