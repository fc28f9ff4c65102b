package postgres_test

import (
	"reflect"
	"testing"

	"github.com/suaradesa/suaradesa/store/storetest"
)

// A kecamatan's page with two decided MADs: each with its own proposals
// in rank order (no facilitator's reason) and its own delegates counted
// by desa, the newest first; a ranking not decided is not there. The
// proposals are those the Musrenbang export reads for the same MAD
// (DecidedMAD), but for the reason.
func TestKecamatanBoardTwoMADs(t *testing.T) {
	st := storetest.SeededStore(t)
	st.DB().MustExec(`
		INSERT INTO gagasan (code, desa_kode, category, title, status, poor_households) VALUES
			('G-KBMA01', '34.04.11.2002', 'INFRASTRUKTUR', 'Talud irigasi', 'DIDANAI', 25),
			('G-KBMA02', '34.04.11.2001', 'KESEHATAN', 'Air bersih Jetis', 'DITERUSKAN', NULL),
			('G-KBMB01', '34.04.11.2005', 'PENDIDIKAN', 'Rehab PAUD', 'DIDANAI', 9),
			('G-KBMB02', '34.04.11.2002', 'EKONOMI', 'Simpan pinjam', 'DIDANAI', NULL),
			('G-KBMB03', '34.04.11.2001', 'EKONOMI', 'Pasar desa', 'DITERUSKAN', NULL),
			('G-KBMC01', '34.04.11.2005', 'EKONOMI', 'Belum ditetapkan', 'PRIORITAS_MAD', NULL);
		INSERT INTO proposals (gagasan_id, verdict, reason, budget, beneficiaries)
			SELECT id, 'LAYAK', 'layak', 1, 100 + id % 7 FROM gagasan WHERE code LIKE 'G-KBM%';
		INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status) VALUES
			('R-KBMAD1', 'MAD_PENETAPAN', '34.04.11.2002', 'MAD', '2025-03-10 02:00+00', 'Pendopo', 'SELESAI'),
			('R-KBMAD2', 'MAD_PENETAPAN', '34.04.11.2002', 'MAD', '2026-03-10 02:00+00', 'Pendopo', 'SELESAI'),
			('R-KBMAD3', 'MAD_PRIORITAS', '34.04.11.2002', 'MAD', '2026-11-10 02:00+00', 'Pendopo', 'SELESAI');
		INSERT INTO mad_rankings (meeting_id, kecamatan_kode, year, allocation, skip_to_fit, mkp_share, method, decided_at)
			SELECT id, '34.04.11', x.year, x.alloc, x.skip, 0.667, x.method, x.decided FROM meetings m,
			(VALUES ('R-KBMAD1', 2025, 300000000, false, 'URUTAN', '2025-03-10 06:00+00'::timestamptz),
				('R-KBMAD2', 2026, 400000000, true, 'SKOR', '2026-03-10 06:00+00'),
				('R-KBMAD3', 2027, 500000000, true, 'SKOR', NULL)) AS x (code, year, alloc, skip, method, decided)
			WHERE m.code = x.code;
		INSERT INTO mad_items (meeting_id, gagasan_id, rank, budget, funded, forward_to, forward_reason)
			SELECT m.id, g.id, x.rank, x.budget, x.funded, x.fwd, x.reason
			FROM (VALUES ('R-KBMAD1', 'G-KBMA02', 2, 200000000, false, 'Musrenbang Kecamatan', 'Pak Lurah minta ditunda'),
				('R-KBMAD1', 'G-KBMA01', 1, 150000000, true, '', ''),
				('R-KBMAD2', 'G-KBMB01', 1, 120000000, true, '', ''),
				('R-KBMAD2', 'G-KBMB03', 3, 90000000, false, 'Dinas Perdagangan', 'alasan fasilitator'),
				('R-KBMAD2', 'G-KBMB02', 2, 80000000, true, '', ''),
				('R-KBMAD3', 'G-KBMC01', 1, 250000000, false, '', '')) AS x (code, gcode, rank, budget, funded, fwd, reason)
			JOIN meetings m ON m.code = x.code JOIN gagasan g ON g.code = x.gcode;
		INSERT INTO mad_delegates (meeting_id, desa_kode, name, gender, position)
			SELECT m.id, x.desa, x.name, x.gender, 'utusan'
			FROM (VALUES ('R-KBMAD1', '34.04.11.2002', 'Sutarmi', 'P'), ('R-KBMAD1', '34.04.11.2002', 'Slamet', 'L'),
				('R-KBMAD1', '34.04.11.2001', 'Ngatini', 'P'),
				('R-KBMAD2', '34.04.11.2005', 'Sumarno', 'L'), ('R-KBMAD2', '34.04.11.2005', 'Wagiyem', 'P'),
				('R-KBMAD2', '34.04.11.2005', 'Painem', 'P'), ('R-KBMAD2', '34.04.11.2002', 'Tukiman', 'L'),
				('R-KBMAD3', '34.04.11.2001', 'Belum', 'P')) AS x (code, desa, name, gender)
			JOIN meetings m ON m.code = x.code;`)
	b, err := st.KecamatanBoard(ctx, "34.04.11")
	if err != nil {
		t.Fatal(err)
	}
	if b.Kecamatan.Nama != "Ngemplak" || len(b.Desa) == 0 {
		t.Fatalf("kecamatan %+v, %d desa", b.Kecamatan, len(b.Desa))
	}
	type item struct {
		Rank   int
		Code   string
		Budget int64
		Funded bool
		To     string
	}
	type delegates struct {
		Desa     string
		N, Women int
	}
	want := []struct {
		code       string
		year       int
		allocation int64
		method     string
		items      []item
		delegates  []delegates
	}{
		{"R-KBMAD2", 2026, 400000000, "SKOR",
			[]item{{1, "G-KBMB01", 120000000, true, ""}, {2, "G-KBMB02", 80000000, true, ""}, {3, "G-KBMB03", 90000000, false, "Dinas Perdagangan"}},
			[]delegates{{"Bimomartani", 1, 0}, {"Umbulmartani", 3, 2}}},
		{"R-KBMAD1", 2025, 300000000, "URUTAN",
			[]item{{1, "G-KBMA01", 150000000, true, ""}, {2, "G-KBMA02", 200000000, false, "Musrenbang Kecamatan"}},
			[]delegates{{"Bimomartani", 2, 1}, {"Sindumartani", 1, 1}}},
	}
	if len(b.MADs) != len(want) {
		t.Fatalf("%d MADs: %+v", len(b.MADs), b.MADs)
	}
	for i, w := range want {
		m := b.MADs[i]
		if m.Code != w.code || m.Year != w.year || m.Allocation != w.allocation || m.Method != w.method {
			t.Errorf("MAD %d: %+v", i, m)
		}
		var items []item
		for _, it := range m.Items {
			items = append(items, item{it.Rank, it.Code, it.Budget, it.Funded, it.ForwardTo})
			if it.ForwardReason != "" {
				t.Errorf("%s: the facilitator's reason %q is public", m.Code, it.ForwardReason)
			}
		}
		if !reflect.DeepEqual(items, w.items) {
			t.Errorf("%s proposals %+v, want %+v", m.Code, items, w.items)
		}
		var ds []delegates
		for _, d := range m.Delegates {
			ds = append(ds, delegates{d.DesaNama, d.N, d.Women})
		}
		if !reflect.DeepEqual(ds, w.delegates) {
			t.Errorf("%s delegates %+v, want %+v", m.Code, ds, w.delegates)
		}
		export, _, _, err := st.DecidedMAD(ctx, m.Code)
		if err != nil {
			t.Fatal(err)
		}
		for j := range export.Items {
			export.Items[j].ForwardReason = ""
		}
		if !reflect.DeepEqual(export.Items, m.Items) {
			t.Errorf("%s: the page's proposals differ from the export's:\n%+v\n%+v", m.Code, m.Items, export.Items)
		}
	}
}
