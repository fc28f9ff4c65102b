package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/storetest"
)

// The home page's blocks stay one query each and fast with many desa:
// 400 more desa in the demo kecamatan, with 10,000 gagasan, 800 new
// complaints and 400 meetings past without an outcome.
func TestFacilitatorHomeManyDesa(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	var before int
	if err := db.Get(&before, `SELECT count(*) FROM complaints WHERE status = 'DITERIMA'`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO desa (kode, nama, kecamatan_kode) SELECT '34.04.11.' || (3000 + i), 'Desa ' || i, '34.04.11' FROM generate_series(1, 400) i`,
		`INSERT INTO gagasan (code, desa_kode, category, title, status)
			SELECT 'G-T' || lpad(i::text, 5, '0'), '34.04.11.' || (3000 + i % 400 + 1), 'INFRASTRUKTUR', 'Gagasan ' || i,
				(ARRAY['DIAJUKAN', 'DIBAHAS', 'USULAN_DESA', 'VERIFIKASI', 'DITOLAK'])[i % 5 + 1]
			FROM generate_series(1, 10000) i`,
		`INSERT INTO complaints (code, desa_kode, anonymous, text, status)
			SELECT 'A-T' || lpad(i::text, 5, '0'), '34.04.11.' || (3000 + i % 400 + 1), true, 'aduan', 'DITERIMA' FROM generate_series(1, 800) i`,
		`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place)
			SELECT 'R-T' || lpad(i::text, 5, '0'), 'MUSDUS', '34.04.11.' || (3000 + i), 'DESA', now() - interval '3 days', 'Balai'
			FROM generate_series(1, 400) i`,
		`ANALYZE`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	h, err := st.FacilitatorHome(ctx, "34.04.11", "", true, true, time.Now())
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("home with %d desa: %v", len(h.Stages), took)
	if h.ComplaintsCount != before+800 || len(h.Complaints) != 8 || h.MeetingsCount < 400 || len(h.Stages) < 400 {
		t.Fatalf("complaints %d (%d listed), meetings %d, desa %d", h.ComplaintsCount, len(h.Complaints), h.MeetingsCount, len(h.Stages))
	}
	if took > 2*time.Second {
		t.Fatalf("home took %v", took)
	}
}
