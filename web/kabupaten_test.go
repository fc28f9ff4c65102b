package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/web"
)

// kabupatenSite is the site with a second kecamatan in the demo's
// kabupaten (Ngaglik, 34.04.13) and a gagasan in it and one in the other
// kabupaten's kecamatan (Mijen, 33.74.01).
func kabupatenSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	if _, err := s.st.ImportDesa(context.Background(), strings.NewReader("34.04.13.2001,Sardonoharjo,Ngaglik,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.DB().Exec(`INSERT INTO gagasan (code, desa_kode, category, title, status) VALUES
		('G-NGKAP7', '34.04.13.2001', 'INFRASTRUKTUR', 'Talud sungai Ngaglik', 'DIAJUKAN'),
		('G-MJEN34', '33.74.01.2001', 'INFRASTRUKTUR', 'Jalan tani Mijen', 'DIAJUKAN')`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestKabupatenFacilitatorScope: a kabupaten facilitator sees every
// kecamatan of the kabupaten, narrows to one by the kecamatan bar (kept in
// the address), and sees nothing of another kabupaten; a kecamatan
// facilitator still sees only theirs; the other kabupaten's facilitator
// nothing of this one.
func TestKabupatenFacilitatorScope(t *testing.T) {
	s := kabupatenSite(t)
	fkab := s.client(t)
	if code := fkab.login("fkab", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	lists := func(c *client, path string, want, not []string) {
		t.Helper()
		code, body := c.get(path)
		if code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", path, w)
			}
		}
		for _, n := range not {
			if strings.Contains(body, n) {
				t.Errorf("%s shows %s", path, n)
			}
		}
	}
	lists(fkab, "/admin/gagasan", []string{"G-TAMAN4", "G-NGKAP7", `name="kec"`, "Ngaglik", "Ngemplak"}, []string{"G-MJEN34", "Mijen"})
	// The choice stays in the menu's links and the list's own filter form.
	lists(fkab, "/admin/gagasan?kec=34.04.13", []string{"G-NGKAP7", "Sardonoharjo", `href="/admin/rapat?kec=34.04.13"`,
		`<input type="hidden" name="kec" value="34.04.13">`}, []string{"G-TAMAN4"})
	lists(fkab, "/admin/peta", []string{"Pilih kecamatan dulu", "Ngemplak"}, []string{"Bimomartani"})
	lists(fkab, "/admin/peta?kec=34.04.11", []string{"Bimomartani"}, nil)
	lists(fkab, "/admin/peta?desa=34.04.13.2001", []string{"Sardonoharjo"}, []string{"Bimomartani"})
	lists(fkab, "/admin/gagasan?kec=34.04.11&desa=34.04.11.2002", []string{"G-TAMAN4"}, []string{"G-NGKAP7"})
	// A kecamatan of another kabupaten in the address is ignored.
	lists(fkab, "/admin/gagasan?kec=33.74.01", []string{"G-TAMAN4", "G-NGKAP7"}, []string{"G-MJEN34"})
	lists(fkab, "/admin/gagasan?desa=33.74.01.2001", nil, []string{"G-MJEN34"})
	lists(fkab, "/admin/rapat?kec=34.04.11", []string{`name="kec"`}, nil)
	if code, _ := fkab.get("/admin/gagasan/G-NGKAP7"); code != 200 {
		t.Errorf("F-Kab on a gagasan of its kabupaten: %d", code)
	}
	if code, _ := fkab.get("/admin/gagasan/G-MJEN34"); code != 404 {
		t.Errorf("F-Kab on a gagasan of another kabupaten: %d", code)
	}
	if code, _ := fkab.get("/admin/peta?desa=33.74.01.2001"); code != 404 {
		t.Errorf("F-Kab on the map of another kabupaten's desa: %d", code)
	}
	// It acts as a facilitator does, in any kecamatan of the kabupaten.
	code, _, h := fkab.post("/admin/gagasan/G-NGKAP7/tahap", url.Values{"tahap": {"DIBAHAS"}})
	if fkab.follow(code, h); statusOf(t, s, "G-NGKAP7") != domain.StatusDibahas {
		t.Errorf("F-Kab's move not made: %s", statusOf(t, s, "G-NGKAP7"))
	}
	if code, _, _ := fkab.post("/admin/gagasan/G-MJEN34/tahap", url.Values{"tahap": {"DIBAHAS"}}); code != 404 {
		t.Errorf("F-Kab moved another kabupaten's gagasan: %d", code)
	}
	// The kecamatan facilitator: still only theirs, and no kecamatan bar.
	fas := s.client(t)
	fas.login("fas", fasPassword)
	lists(fas, "/admin/gagasan", []string{"G-TAMAN4"}, []string{"G-NGKAP7", "G-MJEN34", `name="kec"`})
	lists(fas, "/admin/gagasan?kec=34.04.13", []string{"G-TAMAN4"}, []string{"G-NGKAP7"})
	if code, _ := fas.get("/admin/gagasan/G-NGKAP7"); code != 404 {
		t.Errorf("kecamatan facilitator on another kecamatan's gagasan: %d", code)
	}
	if code, _ := fas.get("/admin/kabupaten"); code != 403 {
		t.Errorf("kecamatan facilitator on the kabupaten overview: %d", code)
	}
	// The other kabupaten's facilitator: nothing of this one.
	other := s.client(t)
	other.login("lainkab", fasPassword)
	lists(other, "/admin/gagasan", []string{"G-MJEN34"}, []string{"G-TAMAN4", "G-NGKAP7"})
	if code, _ := other.get("/admin/gagasan/G-TAMAN4"); code != 404 {
		t.Errorf("other kabupaten on our gagasan: %d", code)
	}
	if code, _, _ := other.post("/admin/gagasan/G-NGKAP7/tahap", url.Values{"tahap": {"USULAN_DESA"}}); code != 404 {
		t.Errorf("other kabupaten moved our gagasan: %d", code)
	}
}

// TestKabupatenOverview: one row per kecamatan of the kabupaten, with the
// counts of the database; none of another kabupaten.
func TestKabupatenOverview(t *testing.T) {
	s := kabupatenSite(t)
	c := s.client(t)
	c.login("akab", fasPassword)
	code, body := c.get("/admin/kabupaten")
	if code != 200 {
		t.Fatalf("overview %d", code)
	}
	if !strings.Contains(body, "Kabupaten 34.04") || strings.Contains(body, "Mijen") {
		t.Fatalf("overview names the wrong kecamatan or kabupaten:\n%s", body)
	}
	var want struct {
		Residents int `db:"residents"`
		Women     int `db:"women"`
	}
	if err := s.st.DB().Get(&want, `SELECT count(*) AS residents, count(*) FILTER (WHERE gender = 'P') AS women
		FROM contacts c JOIN desa d ON d.kode = c.desa_kode WHERE d.kecamatan_kode = '34.04.11' AND c.registered_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`<th scope="row"><a href="/admin/\?kec=34.04.11">Ngemplak</a></th><td>(\d+)</td><td>(\d+)</td><td>(\d+)`).FindStringSubmatch(body)
	if row == nil || row[1] != "5" || row[2] != itoa(want.Residents) || row[3] != itoa(want.Women) {
		t.Fatalf("Ngemplak's row %v, want 5 desa, %d residents, %d women", row, want.Residents, want.Women)
	}
	if !strings.Contains(body, `<th scope="row"><a href="/admin/?kec=34.04.13">Ngaglik</a></th><td>1</td><td>0</td><td>0</td>`) {
		t.Fatal("Ngaglik's row is not 1 desa and no resident")
	}
	// With its row imported, the kabupaten is named.
	if _, err := s.st.DB().Exec(`INSERT INTO kabupaten (kode, nama, provinsi_kode) VALUES ('34.04', 'Kabupaten Sleman', '34')`); err != nil {
		t.Fatal(err)
	}
	if _, body := c.get("/admin/kabupaten"); !strings.Contains(body, "Kabupaten Sleman: per kecamatan") {
		t.Fatal("the kabupaten's name is not shown")
	}
}

// TestReadOnlyAuditorChangesNothing: the kabupaten auditor reads what the
// kabupaten facilitator reads (without residents' names), and the access
// log; every POST route of the route table refuses it with the catalog's
// text, and nothing changes.
func TestReadOnlyAuditorChangesNothing(t *testing.T) {
	s := kabupatenSite(t)
	c := s.client(t)
	if code := c.login("akab", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	for _, p := range []string{"/admin/", "/admin/kabupaten", "/admin/gagasan?kec=34.04.13", "/admin/gagasan/G-TAMAN4", "/admin/rapat",
		"/admin/kegiatan", "/admin/peta?desa=34.04.11.2002", "/admin/akses"} {
		if code, _ := c.get(p); code != 200 {
			t.Errorf("auditor reads %s: %d", p, code)
		}
	}
	count := func() (n int) {
		t.Helper()
		if err := s.st.DB().Get(&n, `SELECT (SELECT count(*) FROM gagasan_history) + (SELECT count(*) FROM outbound_messages)
			+ (SELECT count(*) FROM roles) + (SELECT count(*) FROM map_items) + (SELECT count(*) FROM tranches WHERE disbursed_at IS NOT NULL)
			+ (SELECT count(*) FROM kegiatan) + (SELECT count(*) FROM desa WHERE lang <> '')`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	routes := web.AdminPostRoutes()
	if len(routes) < 10 {
		t.Fatalf("the route table lists %d POST routes", len(routes))
	}
	params := strings.NewReplacer("{code}", "G-TAMAN4", "{what}", "tambah", "{id}", "1")
	for _, rt := range routes {
		if rt == "/admin/masuk" || rt == "/admin/keluar" {
			continue
		}
		code, body, _ := c.post(params.Replace(rt), url.Values{"tahap": {"USULAN_DESA"}, "desa": {"34.04.11.2002"}, "bahasa": {"jv"},
			"nomor": {"081100000012"}, "peran": {"KPMD"}, "ke": {"G-KEJAM3"}})
		if code != 403 || !strings.Contains(body, "hanya untuk membaca") {
			t.Errorf("POST %s by the auditor: %d", rt, code)
		}
	}
	if after := count(); after != before || statusOf(t, s, "G-TAMAN4") != domain.StatusDibahas {
		t.Fatalf("the auditor changed something: %d rows before, %d after", before, after)
	}
	// Logging out is no change.
	if code, _, _ := c.post("/admin/keluar", nil); code != http.StatusSeeOther {
		t.Fatalf("auditor cannot log out: %d", code)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestKabupatenForms: the pages offer the kabupaten facilitator the
// facilitator's forms (stage moves, proposal, meeting outcome and vote,
// kegiatan and tranches), the ones the routes let them send; the
// kabupaten auditor gets none but logging out.
func TestKabupatenForms(t *testing.T) {
	s := kabupatenSite(t)
	// A funded gagasan without its kegiatan: the kegiatan list's form.
	if _, err := s.st.DB().Exec(`INSERT INTO gagasan (code, desa_kode, category, title, status) VALUES
		('G-KAPAN3', '34.04.11.2002', 'EKONOMI', 'Pasar desa', 'DIDANAI')`); err != nil {
		t.Fatal(err)
	}
	var meeting, kegiatan string
	if err := s.st.DB().Get(&meeting, `SELECT code FROM meetings WHERE desa_kode LIKE '34.04.11.%' ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if err := s.st.DB().Get(&kegiatan, `SELECT code FROM kegiatan WHERE desa_kode LIKE '34.04.11.%' ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/admin/gagasan/G-TAMAN4", "/admin/rapat/" + meeting, "/admin/kegiatan", "/admin/kegiatan/" + kegiatan}
	formRe := regexp.MustCompile(`<form method="post" action="([^"]+)"`)
	forms := func(who, path string) []string {
		c := s.client(t)
		c.login(who, fasPassword)
		code, body := c.get(path)
		if code != 200 {
			t.Fatalf("%s on %s: %d", who, path, code)
		}
		var out []string
		for _, m := range formRe.FindAllStringSubmatch(body, -1) {
			if m[1] != "/admin/keluar" && !strings.HasPrefix(m[1], "/admin/suara/") {
				out = append(out, m[1])
			}
		}
		return out
	}
	for _, p := range pages {
		fas, fkab, akab := forms("fas", p), forms("fkab", p), forms("akab", p)
		t.Logf("%s: facilitator %v, F-Kab %v, auditor %v", p, fas, fkab, akab)
		if len(fas) == 0 {
			t.Fatalf("%s: the facilitator has no form: the test reads the wrong page", p)
		}
		// Elections name residents and grant roles by their numbers: the
		// kecamatan's facilitator records them, as on the people page.
		fasRecords := slices.DeleteFunc(slices.Clone(fas), func(f string) bool { return strings.HasSuffix(f, "/pemilihan") })
		if strings.Join(fkab, " ") != strings.Join(fasRecords, " ") {
			t.Errorf("%s: F-Kab's forms %v, the facilitator's %v", p, fkab, fas)
		}
		if len(akab) != 0 {
			t.Errorf("%s: the kabupaten auditor has forms %v", p, akab)
		}
	}
}
