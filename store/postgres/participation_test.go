package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// participationFixture fills two desa of a kecamatan of their own
// (Ngaglik, WIB) with what each figure counts and what it must not; the
// cycle is 2025 and now is 5 January 2026 (UTC).
func participationFixture(t *testing.T, db *sqlx.DB) {
	t.Helper()
	for _, q := range []string{
		// Desa A: three women and two men registered in 2025; a woman
		// registered in 2026 and one who only consented are not counted.
		// Desa B: one man.
		`INSERT INTO contacts (phone, name, desa_kode, gender, consent_at, registered_at) VALUES
			('+6281390000001', 'Wati', '34.04.13.2001', 'P', '2025-02-01', '2025-02-01'),
			('+6281390000002', 'Sri', '34.04.13.2001', 'P', '2025-02-01', '2025-02-01'),
			('+6281390000003', 'Yuni', '34.04.13.2001', 'P', '2025-02-01', '2025-02-01'),
			('+6281390000004', 'Budi', '34.04.13.2001', 'L', '2025-02-01', '2025-02-01'),
			('+6281390000005', 'Joko', '34.04.13.2001', 'L', '2025-02-01', '2025-02-01'),
			('+6281390000006', 'Rina', '34.04.13.2001', 'P', '2026-01-02', '2026-01-02'),
			('+6281390000007', 'Tini', '34.04.13.2001', 'P', '2025-02-01', NULL),
			('+6281390000008', 'Agus', '34.04.13.2002', 'L', '2025-02-01', '2025-02-01')`,
		`INSERT INTO map_items (dusun_id, kind, title) SELECT id, 'MASALAH', 'Jalan rusak' FROM dusun WHERE desa_kode = '34.04.13.2001'`,
		// Gagasan of desa A. Women's: G1 (a woman sent it), G3 (filed for
		// a woman), G9 (sent at 00:30 WIB on 1 January 2025). Not in the
		// cycle: G10 (23:30 WIB on 31 December 2024); withdrawn: G8.
		`INSERT INTO gagasan (code, sender_id, desa_kode, category, title, status, created_at, for_name, for_gender, map_item_id) VALUES
			('G-PAR001', (SELECT id FROM contacts WHERE phone = '+6281390000001'), '34.04.13.2001', 'EKONOMI', 'Satu', 'DIAJUKAN', '2025-03-01', '', '', NULL),
			('G-PAR002', (SELECT id FROM contacts WHERE phone = '+6281390000004'), '34.04.13.2001', 'EKONOMI', 'Dua', 'DIAJUKAN', '2025-03-01', '', '', NULL),
			('G-PAR003', NULL, '34.04.13.2001', 'EKONOMI', 'Tiga', 'DIAJUKAN', '2025-03-01', 'Sumi', 'P', NULL),
			('G-PAR004', (SELECT id FROM contacts WHERE phone = '+6281390000004'), '34.04.13.2001', 'EKONOMI', 'Empat', 'DIBAHAS', '2025-03-01', '', '', NULL),
			('G-PAR005', (SELECT id FROM contacts WHERE phone = '+6281390000004'), '34.04.13.2001', 'EKONOMI', 'Lima', 'DIBAHAS', '2025-03-01', '', '', NULL),
			('G-PAR006', (SELECT id FROM contacts WHERE phone = '+6281390000005'), '34.04.13.2001', 'EKONOMI', 'Enam', 'DIBAHAS', '2025-03-01', '', '', NULL),
			('G-PAR007', (SELECT id FROM contacts WHERE phone = '+6281390000005'), '34.04.13.2001', 'EKONOMI', 'Tujuh', 'DIAJUKAN', '2025-03-01', '', '',
				(SELECT min(id) FROM map_items WHERE title = 'Jalan rusak')),
			('G-PAR008', (SELECT id FROM contacts WHERE phone = '+6281390000002'), '34.04.13.2001', 'EKONOMI', 'Delapan', 'DITARIK', '2025-03-01', '', '', NULL),
			('G-PAR009', (SELECT id FROM contacts WHERE phone = '+6281390000003'), '34.04.13.2001', 'EKONOMI', 'Sembilan', 'DIAJUKAN', '2024-12-31 17:30+00', '', '', NULL),
			('G-PAR010', (SELECT id FROM contacts WHERE phone = '+6281390000003'), '34.04.13.2001', 'EKONOMI', 'Sepuluh', 'DIAJUKAN', '2024-12-31 16:30+00', '', '', NULL)`,
		// From the MKP: G4 on an MKP's agenda; G6 set by a facilitator;
		// not G5 (on the agenda, set to no) nor G2 (on a cancelled MKP's).
		`INSERT INTO proposals (gagasan_id, from_mkp) SELECT id, code = 'G-PAR006' FROM gagasan WHERE code IN ('G-PAR005', 'G-PAR006')`,
		// Meetings of desa A: R1 and R2 held with attendance (20 of whom
		// 18 women, 30 of whom 9), R3 to come, R4 held without it, R5
		// cancelled; desa B held R6 (10, 5 women) and one in 2024.
		`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women) VALUES
			('R-PAR001', 'MKP', '34.04.13.2001', 'PEREMPUAN', '2025-04-01 02:00+00', 'Balai', 'SELESAI', 20, 18),
			('R-PAR002', 'MUSDUS', '34.04.13.2001', 'DESA', '2025-05-01 02:00+00', 'Balai', 'SELESAI', 30, 9),
			('R-PAR003', 'MUSDUS', '34.04.13.2001', 'DESA', '2026-02-01 02:00+00', 'Balai', 'DIJADWALKAN', NULL, NULL),
			('R-PAR004', 'MUSDES_PERENCANAAN', '34.04.13.2001', 'DESA', '2025-06-01 02:00+00', 'Balai', 'SELESAI', NULL, NULL),
			('R-PAR005', 'MKP', '34.04.13.2001', 'PEREMPUAN', '2025-07-01 02:00+00', 'Balai', 'DIBATALKAN', NULL, NULL),
			('R-PAR006', 'MUSDUS', '34.04.13.2002', 'DESA', '2025-05-01 02:00+00', 'Balai', 'SELESAI', 10, 5),
			('R-PAR007', 'MUSDUS', '34.04.13.2002', 'DESA', '2024-05-01 02:00+00', 'Balai', 'SELESAI', 99, 1)`,
		`INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT m.id, g.id FROM meetings m, gagasan g
			WHERE (m.code = 'R-PAR001' AND g.code IN ('G-PAR004', 'G-PAR005')) OR (m.code = 'R-PAR005' AND g.code = 'G-PAR002')`,
		// Votes: R2's counted (10 recipients, 6 women and 4 men; 7
		// ballots, 5 of women and 2 of men); R3's still open; R5's on a
		// cancelled meeting; R6's in desa B (4 of 5).
		`INSERT INTO votes (meeting_id, items, closes_at, closed_at, result) SELECT m.id, '{1,2}', m.starts_at, CASE WHEN v.res IS NULL THEN NULL ELSE m.starts_at END, v.res::jsonb
			FROM meetings m JOIN (VALUES
				('R-PAR002', '{"audience": 10, "audience_women": 6, "audience_men": 4, "all": {"ballots": 7}, "women": {"ballots": 5}, "men": {"ballots": 2}}'),
				('R-PAR003', NULL),
				('R-PAR005', '{"audience": 50, "audience_women": 50, "audience_men": 0, "all": {"ballots": 50}, "women": {"ballots": 50}, "men": {"ballots": 0}}'),
				('R-PAR006', '{"audience": 5, "audience_women": 2, "audience_men": 3, "all": {"ballots": 4}, "women": {"ballots": 2}, "men": {"ballots": 2}}')
			) AS v(code, res) ON v.code = m.code`,
		// Complaints of desa A, filed in 2025: K1 moved on day 3, K2 a
		// reply at DITERIMA a minute before its 14 days ended, K3 moved on
		// day 15 (late), K4 never answered, K5 filed 8 days before now (not
		// due yet), K6 filed 8 days before now and answered the next day;
		// K7 filed in 2024.
		`INSERT INTO complaints (code, desa_kode, anonymous, text, created_at) VALUES
			('A-PAR001', '34.04.13.2001', false, 'x', '2025-03-01 03:00+00'), ('A-PAR002', '34.04.13.2001', false, 'x', '2025-03-01 03:00+00'),
			('A-PAR003', '34.04.13.2001', false, 'x', '2025-03-01 03:00+00'), ('A-PAR004', '34.04.13.2001', false, 'x', '2025-03-01 03:00+00'),
			('A-PAR005', '34.04.13.2001', false, 'x', '2025-12-28 00:00+00'), ('A-PAR006', '34.04.13.2001', false, 'x', '2025-12-28 00:00+00'),
			('A-PAR007', '34.04.13.2001', false, 'x', '2024-03-01 03:00+00')`,
		`INSERT INTO complaint_history (complaint_id, status, note, at) SELECT id, 'DITERIMA', '', created_at FROM complaints WHERE code LIKE 'A-PAR%'`,
		`INSERT INTO complaint_history (complaint_id, status, note, at) SELECT c.id, h.status, h.note, c.created_at + h.after::interval
			FROM complaints c JOIN (VALUES ('A-PAR001', 'DIVERIFIKASI', '', '3 days'), ('A-PAR002', 'DITERIMA', 'Sedang dicek', '13 days 23 hours 59 minutes'),
				('A-PAR003', 'DIVERIFIKASI', '', '15 days'), ('A-PAR006', 'DITANGANI', '', '1 day'), ('A-PAR007', 'SELESAI', '', '1 day')) AS h(code, status, note, after)
			ON h.code = c.code`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

// TestParticipationFigures: each figure counts what domain.Participation
// says over the cycle, per desa, per kecamatan and for the kabupaten.
func TestParticipationFigures(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.ImportDesa(ctx, strings.NewReader("34.04.13.2001,Sardonoharjo,Ngaglik,Krajan\n34.04.13.2002,Sukoharjo,Ngaglik,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	participationFixture(t, st.DB())
	now := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	rep, err := st.ParticipationIn(ctx, "34.04.13", 2025, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 2 || rep.Rows[0].Nama != "Sardonoharjo" || rep.Rows[1].Nama != "Sukoharjo" {
		t.Fatalf("rows %+v", rep.Rows)
	}
	a, b := rep.Rows[0], rep.Rows[1]
	want := domain.Participation{Kode: "34.04.13.2001", Nama: "Sardonoharjo",
		Residents: 5, ResidentsWomen: 3,
		Gagasan: 8, GagasanWomen: 3, GagasanMKP: 2, GagasanMap: 1,
		Meetings: 2, Attended: 50, AttendedWomen: 27,
		Votes: 1, VoteAudience: 10, VoteAudienceWomen: 6, VoteAudienceMen: 4, Ballots: 7, BallotsWomen: 5, BallotsMen: 2,
		Complaints: 6, ComplaintsDue: 5, ComplaintsAnswered: 3}
	if a != want {
		t.Fatalf("desa A\n got %+v\nwant %+v", a, want)
	}
	if a.ResidentsWomenPercent() != 60 || a.AttendedWomenPercent() != 54 || a.Turnout() != 70 || a.TurnoutWomen() != 83 ||
		a.TurnoutMen() != 50 || a.AnsweredPercent() != 60 {
		t.Fatalf("desa A's shares %d %d %d %d %d %d", a.ResidentsWomenPercent(), a.AttendedWomenPercent(), a.Turnout(),
			a.TurnoutWomen(), a.TurnoutMen(), a.AnsweredPercent())
	}
	if b.Residents != 1 || b.Meetings != 1 || b.Attended != 10 || b.Votes != 1 || b.Ballots != 4 || b.Gagasan != 0 || b.Complaints != 0 {
		t.Fatalf("desa B %+v", b)
	}
	if rep.Total.Residents != 6 || rep.Total.Attended != 60 || rep.Total.AttendedWomen != 32 || rep.Total.Ballots != 11 || rep.Total.ComplaintsDue != 5 {
		t.Fatalf("kecamatan total %+v", rep.Total)
	}
	var codes []string
	for _, m := range rep.Meetings {
		codes = append(codes, m.Code+" "+m.DesaKode)
	}
	if strings.Join(codes, ", ") != "R-PAR001 34.04.13.2001, R-PAR002 34.04.13.2001, R-PAR006 34.04.13.2002" ||
		rep.Meetings[0].WomenPercent() != 90 || rep.Meetings[1].WomenPercent() != 30 {
		t.Fatalf("meetings %+v", rep.Meetings)
	}
	// One desa's scope; the year before sees only what was then.
	if one, err := st.ParticipationIn(ctx, "34.04.13.2001", 2025, now); err != nil || len(one.Rows) != 1 || one.Rows[0] != want || len(one.Meetings) != 2 {
		t.Fatalf("one desa: %+v %v", one, err)
	}
	if old, err := st.ParticipationIn(ctx, "34.04.13", 2024, now); err != nil || old.Total.Gagasan != 1 || old.Total.Residents != 0 ||
		old.Total.Attended != 99 || old.Total.Complaints != 1 || old.Total.ComplaintsAnswered != 1 {
		t.Fatalf("2024: %+v %v", old.Total, err)
	}
	// The kabupaten: a row per kecamatan, Ngaglik's equal to its own report.
	kab, err := st.ParticipationIn(ctx, "34.04", 2025, now)
	if err != nil {
		t.Fatal(err)
	}
	var ng *domain.Participation
	for i, r := range kab.Rows {
		if r.Kode == "34.04.13" {
			ng = &kab.Rows[i]
		}
	}
	if ng == nil || len(kab.Rows) < 2 || ng.Nama != "Ngaglik" {
		t.Fatalf("kabupaten rows %+v", kab.Rows)
	}
	wantNg := rep.Total
	wantNg.Kode, wantNg.Nama = "34.04.13", "Ngaglik"
	if *ng != wantNg {
		t.Fatalf("Ngaglik in the kabupaten\n got %+v\nwant %+v", *ng, wantNg)
	}
	var sum domain.Participation
	for _, r := range kab.Rows {
		sum.Add(r)
	}
	if sum.Residents != kab.Total.Residents || sum.Gagasan != kab.Total.Gagasan {
		t.Fatalf("kabupaten total %+v, rows add up to %+v", kab.Total, sum)
	}
}
