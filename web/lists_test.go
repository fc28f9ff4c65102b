package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// manyGagasan adds n gagasan to the demo desa, numbered G-BANYAK0001…, the
// higher numbers newer; every tenth is about a "jembatan".
func manyGagasan(t *testing.T, s *site, n int) {
	t.Helper()
	_, err := s.st.DB().Exec(`INSERT INTO gagasan (code, desa_kode, category, title, status, created_at)
		SELECT 'G-BANYAK' || lpad(i::text, 4, '0'), '34.04.11.2002', 'INFRASTRUKTUR',
			CASE WHEN i % 10 = 0 THEN 'Jembatan nomor ' ELSE 'Saluran nomor ' END || i, 'DIBAHAS',
			now() + i * interval '1 minute'
		FROM generate_series(1, $1) i`, n)
	if err != nil {
		t.Fatal(err)
	}
}

var rowCodeRe = regexp.MustCompile(`<tr><td class="nw"><a href="/admin/(?:gagasan|rapat)/([A-Z0-9-]+)">`)

func rowCodes(body string) []string {
	var out []string
	for _, m := range rowCodeRe.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func countLine(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`<span id="jumlah">([^<]*)</span>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the list says no count")
	}
	return m[1]
}

// The gagasan list pages 1,200 gagasan (and the demo's) 50 at a time, says
// "N dari M", sorts by its columns both ways, searches code and text, and
// takes bad parameters as the defaults.
func TestAdminListPages(t *testing.T) {
	s := newSite(t)
	manyGagasan(t, s, 1200)
	var demo int
	if err := s.st.DB().Get(&demo, `SELECT count(*) FROM gagasan g JOIN desa d ON d.kode = g.desa_kode WHERE d.kecamatan_kode = $1`, kecamatanDemo); err != nil {
		t.Fatal(err)
	}
	total := fmt.Sprintf("%d.%03d", demo/1000, demo%1000)
	c := s.client(t)
	c.login("fas", fasPassword)

	_, first := c.get("/admin/gagasan")
	if got, want := countLine(t, first), "1–50 dari "+total+" gagasan"; got != want {
		t.Fatalf("first page says %q, want %q", got, want)
	}
	codes := rowCodes(first)
	if len(codes) != 50 || codes[0] != "G-BANYAK1200" {
		t.Fatalf("first page: %d rows from %v", len(codes), codes[:min(3, len(codes))])
	}
	_, p3 := c.get("/admin/gagasan?hal=3")
	if got := countLine(t, p3); got != "101–150 dari "+total+" gagasan" {
		t.Fatalf("page 3 says %q", got)
	}
	if codes := rowCodes(p3); len(codes) != 50 || codes[0] != "G-BANYAK1100" {
		t.Fatalf("page 3 starts at %v", codes[:1])
	}
	// Every gagasan is on exactly one page.
	seen := map[string]bool{}
	pages := (demo + 49) / 50
	for p := 1; p <= pages; p++ {
		_, body := c.get(fmt.Sprintf("/admin/gagasan?hal=%d&urut=kode&arah=naik", p))
		for _, code := range rowCodes(body) {
			if seen[code] {
				t.Fatalf("%s on two pages", code)
			}
			seen[code] = true
		}
	}
	if len(seen) != demo {
		t.Fatalf("the pages hold %d gagasan of %d", len(seen), demo)
	}
	// The last page, also when asked for one past it.
	_, last := c.get("/admin/gagasan?hal=9999")
	if got := countLine(t, last); !strings.HasPrefix(got, fmt.Sprintf("%d.%03d–", ((pages-1)*50+1)/1000, ((pages-1)*50+1)%1000)) {
		t.Fatalf("past the end: %q", got)
	}
	// Sorting by code, both ways.
	_, up := c.get("/admin/gagasan?urut=kode&arah=naik")
	_, down := c.get("/admin/gagasan?urut=kode&arah=turun")
	if u, d := rowCodes(up), rowCodes(down); u[0] != "G-BANYAK0001" || u[1] != "G-BANYAK0002" || d[0] <= d[1] || d[0] <= u[len(u)-1] {
		t.Fatalf("by code: up %v, down %v", u[:2], d[:2])
	}
	if !strings.Contains(up, `aria-sort="ascending"><a href="/admin/gagasan?arah=turun&amp;urut=kode">Kode ▲`) {
		t.Fatal("the sorted column does not say so, or its link does not reverse it")
	}
	// Search by text and by code, with the filters kept in the pager.
	_, found := c.get("/admin/gagasan?q=jembatan&urut=kode&arah=naik")
	if got := countLine(t, found); got != "1–50 dari 120 gagasan" {
		t.Fatalf("searching jembatan: %q", got)
	}
	if !strings.Contains(found, `href="/admin/gagasan?arah=naik&amp;hal=2&amp;q=jembatan&amp;urut=kode"`) {
		t.Fatal("the next page's link loses the search or the sort")
	}
	if _, one := c.get("/admin/gagasan?q=" + url.QueryEscape("g-banyak0007")); countLine(t, one) != "1–1 dari 1 gagasan" {
		t.Fatalf("searching a code: %q", countLine(t, one))
	}
	// Bad input: defaults, never an error; % and _ are letters.
	for _, q := range []string{"urut=g.id%3BDROP%20TABLE%20gagasan&arah=x&hal=-4", "urut=%27&hal=abc", "q=%25", "q=_"} {
		code, body := c.get("/admin/gagasan?" + q)
		if code != 200 {
			t.Fatalf("%s: %d", q, code)
		}
		got := countLine(t, body)
		if strings.HasPrefix(q, "q=") {
			if got != "0 dari 0 gagasan" {
				t.Fatalf("%s found %q", q, got)
			}
		} else if got != "1–50 dari "+total+" gagasan" || rowCodes(body)[0] != "G-BANYAK1200" {
			t.Fatalf("%s: %q from %s", q, got, rowCodes(body)[0])
		}
	}
}

// Complaints and meetings are filtered like gagasan: by desa, status (and
// type), and searched by code and text.
func TestAdminListFilters(t *testing.T) {
	s := newSite(t)
	_, err := s.st.DB().Exec(`INSERT INTO complaints (code, desa_kode, anonymous, text, status)
		SELECT 'A-BANYAK' || lpad(i::text, 3, '0'), '34.04.11.2002', true,
			CASE WHEN i % 4 = 0 THEN 'Lampu jalan mati ' ELSE 'Selokan mampet ' END || i,
			CASE WHEN i % 2 = 0 THEN 'SELESAI' ELSE 'DITERIMA' END
		FROM generate_series(1, 120) i`)
	if err != nil {
		t.Fatal(err)
	}
	c := s.client(t)
	c.login("fas", fasPassword)
	_, body := c.get("/admin/aduan?q=lampu&status=SELESAI")
	if got := countLine(t, body); got != "1–30 dari 30 aduan" {
		t.Fatalf("lampu, SELESAI: %q", got)
	}
	if strings.Contains(body, "Selokan mampet") || !strings.Contains(body, `<option value="SELESAI" selected>`) {
		t.Fatal("the filtered complaints hold others, or the form forgets the filter")
	}
	_, body = c.get("/admin/aduan?q=a-banyak11&urut=kode&arah=turun")
	if got := countLine(t, body); got != "1–10 dari 10 aduan" || strings.Index(body, "A-BANYAK119") > strings.Index(body, "A-BANYAK110") {
		t.Fatalf("a-banyak11 by code, down: %q", got)
	}
	_, all := c.get("/admin/rapat")
	var n int
	if err := s.st.DB().Get(&n, `SELECT count(*) FROM meetings`); err != nil || n == 0 {
		t.Fatalf("demo meetings: %d %v", n, err)
	}
	if got := countLine(t, all); got != fmt.Sprintf("1–%d dari %d rapat", n, n) {
		t.Fatalf("meetings: %q", got)
	}
	code := rowCodes(all)[0]
	_, one := c.get("/admin/rapat?q=" + strings.ToLower(code))
	if got := rowCodes(one); countLine(t, one) != "1–1 dari 1 rapat" || got[0] != code {
		t.Fatalf("searching %s: %v", code, got)
	}
	if _, none := c.get("/admin/rapat?status=DIBATALKAN&desa=34.04.11.2002"); countLine(t, none) != "0 dari 0 rapat" {
		t.Fatalf("canceled meetings: %q", countLine(t, none))
	}
	// The kegiatan list is searched by code; voice notes too.
	var k string
	if err := s.st.DB().Get(&k, `SELECT code FROM kegiatan ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if _, body := c.get("/admin/kegiatan?q=" + strings.ToLower(k)); countLine(t, body) != "1–1 dari 1 kegiatan" || !strings.Contains(body, "/admin/kegiatan/"+k) {
		t.Fatalf("searching %s: %q", k, countLine(t, body))
	}
	if _, body := c.get("/admin/suara?q=tidak-ada-yang-begini"); countLine(t, body) != "0 dari 0 pesan suara" {
		t.Fatalf("voice notes: %q", countLine(t, body))
	}
	// The access log, once cut at 500 lines, pages.
	if _, err := s.st.DB().Exec(`INSERT INTO access_log (admin, scope, action, subject) SELECT 'fas', '34.04.11', 'daftar warga', 'uji ' || i FROM generate_series(1, 700) i`); err != nil {
		t.Fatal(err)
	}
	var logged int
	if err := s.st.DB().Get(&logged, `SELECT count(*) FROM access_log`); err != nil {
		t.Fatal(err)
	}
	audit := s.client(t)
	audit.login("audit", fasPassword)
	_, body = audit.get("/admin/akses?hal=15")
	if got := countLine(t, body); got != fmt.Sprintf("701–%d dari %d akses", logged, logged) {
		t.Fatalf("access log page 15: %q", got)
	}
}
