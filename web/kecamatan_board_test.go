package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// The MAD of the demo kecamatan as the MAD Penetapan leaves it, written
// straight into the tables (00028_mad.sql): three desa's proposals ranked
// within Rp 400.000.000, two funded and two forwarded, delegates with
// names; a sender and a delegate whose names must never be public; and a
// MAD Prioritas still being ranked (not decided: not public).
const (
	madDecided   = "R-MADPE5"
	madUndecided = "R-MADPR5"
	// Names no public page may show.
	senderName   = "Painem Rahayu"
	delegateName = "Sutarmi Wulandari"
	// The facilitator's reason for forwarding, written for the sender.
	forwardReason = "Pak Sukirman minta ditunda"
)

func madFixture(t *testing.T, s *site) {
	t.Helper()
	_, err := s.st.DB().Exec(`
		INSERT INTO contacts (phone, name, desa_kode, gender, consent_at, registered_at)
			VALUES ('+6281100007771', '` + senderName + `', '34.04.11.2001', 'P', now(), now());
		INSERT INTO gagasan (code, sender_id, desa_kode, category, title, status, households, poor_households) VALUES
			('G-MADAA1', NULL, '34.04.11.2002', 'INFRASTRUKTUR', 'Talud saluran irigasi Kejambon', 'DIDANAI', 60, 25),
			('G-MADBB2', (SELECT id FROM contacts WHERE phone = '+6281100007771'), '34.04.11.2001', 'KESEHATAN', 'Air bersih Dusun Jetis', 'DIDANAI', 80, 30),
			('G-MADCC3', NULL, '34.04.11.2005', 'INFRASTRUKTUR', 'Jembatan gantung Umbulsari', 'DITERUSKAN', 120, 45),
			('G-MADDD4', (SELECT id FROM contacts WHERE phone = '+6281100007771'), '34.04.11.2001', 'EKONOMI', 'Simpan pinjam kelompok perempuan', 'DITERUSKAN', NULL, 12),
			('G-MADEE5', NULL, '34.04.11.2005', 'PENDIDIKAN', 'Usulan yang belum ditetapkan', 'PRIORITAS_MAD', NULL, NULL);
		INSERT INTO proposals (gagasan_id, verdict, reason, budget, beneficiaries, from_mkp)
			SELECT id, 'LAYAK', 'layak', 1, 240, code = 'G-MADDD4' FROM gagasan WHERE code LIKE 'G-MAD%';
		INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status) VALUES
			('` + madDecided + `', 'MAD_PENETAPAN', '34.04.11.2002', 'MAD', '2026-03-10 02:00+00', 'Pendopo Kecamatan Ngemplak', 'SELESAI'),
			('` + madUndecided + `', 'MAD_PRIORITAS', '34.04.11.2002', 'MAD', '2026-11-10 02:00+00', 'Pendopo Kecamatan Ngemplak', 'SELESAI');
		INSERT INTO mad_rankings (meeting_id, kecamatan_kode, year, allocation, skip_to_fit, mkp_share, method, decided_at)
			SELECT id, '34.04.11', 2026, 400000000, true, 0.667, 'URUTAN', '2026-03-10 06:00+00' FROM meetings WHERE code = '` + madDecided + `';
		INSERT INTO mad_rankings (meeting_id, kecamatan_kode, year, allocation, skip_to_fit, mkp_share, method)
			SELECT id, '34.04.11', 2027, 500000000, true, 0.667, 'SKOR' FROM meetings WHERE code = '` + madUndecided + `';
		INSERT INTO mad_items (meeting_id, gagasan_id, rank, budget, funded, forward_to, forward_reason)
			SELECT m.id, g.id, x.rank, x.budget, x.funded, x.forward_to, x.reason
			FROM (VALUES ('G-MADAA1', 1, 150000000, true, '', ''),
				('G-MADCC3', 2, 300000000, false, 'Musrenbang Kecamatan', 'Dana MAD tidak cukup'),
				('G-MADBB2', 3, 175000000, true, '', ''),
				('G-MADDD4', 4, 90000000, false, 'Dinas Koperasi dan UKM', '` + forwardReason + `')) AS x (code, rank, budget, funded, forward_to, reason)
			JOIN gagasan g ON g.code = x.code, meetings m WHERE m.code = '` + madDecided + `';
		INSERT INTO mad_items (meeting_id, gagasan_id, rank, budget)
			SELECT m.id, g.id, 1, 250000000 FROM meetings m, gagasan g WHERE m.code = '` + madUndecided + `' AND g.code = 'G-MADEE5';
		INSERT INTO mad_delegates (meeting_id, desa_kode, name, gender, position)
			SELECT m.id, x.desa, x.name, x.gender, 'utusan' FROM meetings m,
			(VALUES ('34.04.11.2002', '` + delegateName + `', 'P'), ('34.04.11.2002', 'Slamet Riyadi', 'L'), ('34.04.11.2002', 'Tukiman', 'L'),
				('34.04.11.2001', 'Ngatini', 'P'), ('34.04.11.2001', 'Wagiyem', 'P'), ('34.04.11.2001', 'Paijo', 'L'),
				('34.04.11.2005', 'Sumarno', 'L')) AS x (desa, name, gender)
			WHERE m.code = '` + madDecided + `';
		INSERT INTO mad_delegates (meeting_id, desa_kode, name, gender)
			SELECT id, '34.04.11.2005', 'Delegasi Belum Ditetapkan', 'P' FROM meetings WHERE code = '` + madUndecided + `';`)
	if err != nil {
		t.Fatal(err)
	}
}

// The kecamatan's public page shows the decided MAD by desa — rank, title,
// budget, funded or forwarded and where — the allocation and what it
// funded, the delegates counted with the women among them; it names no
// resident, no delegate, and not the facilitator's reason for forwarding;
// a ranking still being drawn up is not shown. Each desa's board and the
// public index link to it.
func TestKecamatanBoardShowsDecidedMAD(t *testing.T) {
	s := newSite(t)
	madFixture(t, s)
	c := s.client(t)
	code, body := c.get("/kecamatan/34.04.11")
	if code != 200 {
		t.Fatalf("kecamatan page: %d", code)
	}
	for _, want := range []string{
		"Hasil MAD Kecamatan Ngemplak", "MAD Penetapan Usulan 2026",
		`<dt>Alokasi dana kecamatan</dt><dd>Rp 400.000.000</dd>`,
		`<dt>Didanai (2 usulan)</dt><dd>Rp 325.000.000</dd>`,
		`<dt>Sisa alokasi</dt><dd>Rp 75.000.000</dd>`,
		"Usulan yang tidak muat dalam sisa alokasi dilewati",
		`<a href="/desa/34.04.11.2005/gagasan/G-MADCC3">Jembatan gantung Umbulsari</a>`,
		`<td><span class="nw">Rp 300.000.000</span><br>Diteruskan ke Musrenbang Kecamatan</td>`,
		"Diteruskan ke Musrenbang Kecamatan",
		"Diteruskan ke Dinas Koperasi dan UKM",
		"<b>Didanai</b>",
		"Utusan desa: 7 orang, 3 perempuan.",
		// Women below the board's minimum, and among fewer people than
		// it, are not told: "1 orang, 0 perempuan" names a man.
		"utusan 3 orang, &lt; 3 perempuan", // Sindumartani: 2
		"utusan 1 orang, &lt; 3 perempuan", // Umbulmartani: 0
		`<a href="/desa/34.04.11.2003">Desa Widodomartani</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("kecamatan page lacks %q", want)
		}
	}
	// Desa by name: Bimomartani, Sindumartani, Umbulmartani; within a
	// desa, proposals in rank order.
	if i, j, k := strings.Index(body, `id="mad-R-MADPE5-34.04.11.2002"`), strings.Index(body, `id="mad-R-MADPE5-34.04.11.2001"`),
		strings.Index(body, `id="mad-R-MADPE5-34.04.11.2005"`); i < 0 || !(i < j && j < k) {
		t.Errorf("desa sections out of order: %d %d %d", i, j, k)
	}
	if i, j := strings.Index(body, "Air bersih Dusun Jetis"), strings.Index(body, "Simpan pinjam kelompok perempuan"); i < 0 || i > j {
		t.Error("Sindumartani's proposals are not in rank order")
	}
	for _, never := range []string{senderName, delegateName, "Slamet Riyadi", forwardReason, "Dana MAD tidak cukup",
		"Usulan yang belum ditetapkan", "2027", "Delegasi Belum Ditetapkan", "+62811"} {
		if strings.Contains(body, never) {
			t.Errorf("kecamatan page shows %q", never)
		}
	}
	for _, p := range []string{"/desa/34.04.11.2002", "/"} {
		if _, body := c.get(p); !strings.Contains(body, `<a href="/kecamatan/34.04.11">Hasil MAD Kecamatan Ngemplak</a>`) {
			t.Errorf("%s does not link to the kecamatan page", p)
		}
	}
	if code, _ := c.get("/kecamatan/99.99.99"); code != http.StatusNotFound {
		t.Errorf("an unknown kecamatan: %d", code)
	}
	// Another kecamatan, no MAD decided: said so.
	if _, body := c.get("/kecamatan/33.74.01"); !strings.Contains(body, "Belum ada MAD yang ditetapkan di Kecamatan Mijen") {
		t.Error("a kecamatan without a MAD does not say so")
	}
}
