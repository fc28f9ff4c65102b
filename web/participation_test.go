package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestParticipationOnBoardAndHome: the desa's participation this year on
// its board (counts only, a count of 2 as "< 3" and its share not said,
// nobody named) and on the facilitator's home (every count as it is).
func TestParticipationOnBoardAndHome(t *testing.T) {
	s := newSite(t)
	// A vote closed this year in the demo's desa: 14 recipients (7 women,
	// 7 men), 8 ballots, 2 of them women's.
	if _, err := s.st.DB().Exec(`
		WITH m AS (INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
			VALUES ('R-PRTSP3', 'MUSDUS', '34.04.11.2002', 'DESA',
				date_trunc('year', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta' + interval '3 days', 'Balai', 'SELESAI', 30, 2)
			RETURNING id, starts_at)
		INSERT INTO votes (meeting_id, items, closes_at, closed_at, result) SELECT id, '{1,2}', starts_at, starts_at,
			'{"audience": 14, "audience_women": 7, "audience_men": 7, "all": {"ballots": 8}, "women": {"ballots": 2}, "men": {"ballots": 6}}'
		FROM m`); err != nil {
		t.Fatal(err)
	}
	c := s.client(t)
	code, board := c.get("/desa/34.04.11.2002")
	if code != 200 {
		t.Fatalf("board %d", code)
	}
	i := strings.Index(board, `id="partisipasi-tahun"`)
	if i < 0 {
		t.Fatalf("board without its participation block:\n%s", board)
	}
	block := board[i:]
	block = block[:strings.Index(block, "</section>")]
	for _, want := range []string{
		"8 suara dari 14 warga penerima (57%)",
		// A count of 2, and no share that gives it back; nor the men's
		// 6 ballots of 7, which would give back the one who did not vote.
		"perempuan &lt; 3 dari 7, laki-laki 7 penerima.",
		"Warga terdaftar:", "Gagasan:", "Aduan dijawab dalam 14 hari:",
		"Pemberi suara warga", `id="grafik-perempuan"`,
	} {
		if !strings.Contains(block, want) {
			t.Errorf("board's participation lacks %q:\n%s", want, block)
		}
	}
	if strings.Contains(block, "dari 7 (") || strings.Contains(block, "perempuan 2 ") || strings.Contains(block, "laki-laki 6") {
		t.Errorf("board tells the count of 2:\n%s", block)
	}
	noResidentIn(t, "/desa/…", board)

	if c.login("fas", fasPassword) != http.StatusSeeOther {
		t.Fatal("login")
	}
	_, home := c.get("/admin/")
	for _, want := range []string{"Partisipasi warga, tahun", "<td>8 / 14 (57%)</td><td>2 / 7 (29%)</td><td>6 / 7 (86%)</td>", "Bimomartani"} {
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %q", want)
		}
	}
	// A kabupaten facilitator sees a row per kecamatan, and per desa once
	// a kecamatan is chosen; an auditor of the kecamatan reads the same.
	for _, v := range []struct{ user, path, want string }{
		{"fkab", "/admin/?partisipasi=1", `<th scope="row">Ngemplak</th><td>`},
		{"fkab", "/admin/?tahun=" + strconv.Itoa(time.Now().Year()), `<th scope="row">Ngemplak</th><td>`},
		{"fkab", "/admin/?kec=34.04.11", `<th scope="row">Bimomartani</th><td>`},
		{"audit", "/admin/", `<th scope="row">Bimomartani</th><td>`},
	} {
		o := s.client(t)
		if o.login(v.user, fasPassword) != http.StatusSeeOther {
			t.Fatalf("login %s", v.user)
		}
		if _, page := o.get(v.path); !strings.Contains(page, v.want) || !strings.Contains(page, "<td>8 / 14 (57%)</td>") {
			t.Errorf("%s at %s: no %q with the vote's turnout", v.user, v.path, v.want)
		}
	}
	// The kabupaten's home counts it only when asked: it links to it.
	o := s.client(t)
	if o.login("fkab", fasPassword) != http.StatusSeeOther {
		t.Fatal("login fkab")
	}
	if _, page := o.get("/admin/"); strings.Contains(page, "8 / 14") || !strings.Contains(page, `href="/admin/?partisipasi=1#h-partisipasi"`) {
		t.Errorf("kabupaten home: participation counted on load, or no link to it")
	}
	// Last year's cycle has no such vote.
	_, old := c.get("/admin/?tahun=2000")
	if !strings.Contains(old, "Partisipasi warga, tahun 2000") || strings.Contains(old, "8 / 14") {
		t.Errorf("home of 2000 shows this year's vote")
	}
}

// TestParticipationSmallRest: on the board, a part whose rest is a small
// count is not said either — "Warga terdaftar: 10, perempuan 8" would give
// the two men back — nor is its share; a part of 2 is "< 3"; the admin
// home says every count.
func TestParticipationSmallRest(t *testing.T) {
	s := newSite(t)
	var kode string
	if err := s.st.DB().Get(&kode, `SELECT d.kode FROM desa d WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.desa_kode = d.kode)
		AND d.kecamatan_kode = '34.04.11' ORDER BY d.kode LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// Ten residents, eight of them women; a meeting held this year, 12
	// attending, 2 of them women.
	if _, err := s.st.DB().Exec(`INSERT INTO contacts (phone, name, desa_kode, gender, channel, consent_at, registered_at)
		SELECT '+62819' || lpad(i::text, 8, '0'), 'Warga ' || i, $1, CASE WHEN i <= 8 THEN 'P' ELSE 'L' END, 'sim', now(), now()
		FROM generate_series(1, 10) AS i`, kode); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
		VALUES ('R-PRTSP4', 'MUSDUS', $1, 'DESA', date_trunc('year', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta' + interval '3 days',
			'Balai', 'SELESAI', 12, 2)`, kode); err != nil {
		t.Fatal(err)
	}
	c := s.client(t)
	code, board := c.get("/desa/" + kode)
	if code != 200 {
		t.Fatalf("board %d", code)
	}
	i := strings.Index(board, `id="partisipasi-tahun"`)
	if i < 0 {
		t.Fatalf("board without its participation block:\n%s", board)
	}
	block := board[i:]
	block = block[:strings.Index(block, "</section>")]
	for _, want := range []string{"<b>Warga terdaftar:</b> 10.", "hadir 12, perempuan &lt; 3.", "10 warga</", "12 hadir, &lt; 3 perempuan"} {
		if !strings.Contains(board, want) {
			t.Errorf("board lacks %q:\n%s", want, block)
		}
	}
	for _, leak := range []string{"perempuan 8", " 8 dari", "80%", "20%", "17%", "83%"} {
		if strings.Contains(board, leak) {
			t.Errorf("board gives back a small count (%q):\n%s", leak, block)
		}
	}
	if c.login("fas", fasPassword) != http.StatusSeeOther {
		t.Fatal("login")
	}
	if _, home := c.get("/admin/"); !strings.Contains(home, "<td>10 (8, 80%)</td>") {
		t.Errorf("home lacks the residents as counted")
	}
}
