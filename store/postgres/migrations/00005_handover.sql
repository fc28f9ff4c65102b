-- +goose Up
-- Members of a kegiatan: the TPK builds it; after the handover the Tim
-- Pemelihara looks after it and reports its condition.
ALTER TABLE kegiatan_tpk ADD COLUMN role text NOT NULL DEFAULT 'TPK' CHECK (role IN ('TPK', 'PEMELIHARA'));
ALTER TABLE kegiatan_tpk DROP CONSTRAINT kegiatan_tpk_pkey;
ALTER TABLE kegiatan_tpk ADD PRIMARY KEY (kegiatan_id, phone, role);
ALTER TABLE kegiatan ADD COLUMN handed_over_at timestamptz;
ALTER TABLE progress_reports ADD COLUMN condition text NOT NULL DEFAULT ''
    CHECK (condition IN ('', 'BAIK', 'RUSAK_RINGAN', 'RUSAK_BERAT'));

-- +goose Down
ALTER TABLE progress_reports DROP COLUMN condition;
ALTER TABLE kegiatan DROP COLUMN handed_over_at;
ALTER TABLE kegiatan_tpk DROP CONSTRAINT kegiatan_tpk_pkey;
ALTER TABLE kegiatan_tpk DROP COLUMN role;
ALTER TABLE kegiatan_tpk ADD PRIMARY KEY (kegiatan_id, phone);
