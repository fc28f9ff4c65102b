package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// postFrom sends a form as the page from (a path with its query) would:
// a browser names that page in Referer.
func (c *client) postFrom(from, path string, form url.Values) (int, string, http.Header) {
	c.t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.s.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.s.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Referer", c.s.srv.URL+from)
	return c.do(req)
}

func fkabClient(t *testing.T, s *site) *client {
	t.Helper()
	c := s.client(t)
	if code := c.login("fkab", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	return c
}

// TestWargaRefusedGrantKeepsWhatWasTyped: a grant refused on the Warga
// page keeps the number typed and the desa chosen. (Only the kecamatan's
// facilitator sees the Warga page: the kabupaten roles do not see who
// residents are, TestWhoSeesResidents.)
func TestWargaRefusedGrantKeepsWhatWasTyped(t *testing.T) {
	s := kabupatenSite(t)
	c := s.client(t)
	if code := c.login("fas", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	code, body, _ := c.postFrom("/admin/warga", "/admin/peran", url.Values{"aksi": {"beri"}, "nomor": {"0812-x"}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}})
	if code != http.StatusBadRequest || !strings.Contains(body, `value="0812-x"`) || !strings.Contains(body, `<option value="34.04.11.2002" selected>`) {
		t.Errorf("a refused grant does not keep what was typed: %d\n%s", code, body)
	}
	if code, _ := fkabClient(t, s).get("/admin/warga?kec=34.04.11"); code != http.StatusForbidden {
		t.Errorf("the kabupaten facilitator opened the Warga page: %d", code)
	}
}

// TestPostKeepsKecamatan: after a form, the redirect (done) keeps the
// kecamatan chosen on the page the form was on, so the page under the
// success message shows what was done; a confirmation keeps it too; the
// detail links of a list, and the detail page's menu, keep it.
func TestPostKeepsKecamatan(t *testing.T) {
	s := kabupatenSite(t)
	c := fkabClient(t, s)
	code, _, h := c.postFrom("/admin/gagasan/G-NGKAP7?kec=34.04.13", "/admin/gagasan/G-NGKAP7/tahap", url.Values{"tahap": {"DIBAHAS"}})
	if loc := h.Get("Location"); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/gagasan/G-NGKAP7?kec=34.04.13&ok=") {
		t.Errorf("move: %d to %q", code, loc)
	}
	// A kecamatan of another kabupaten is not carried.
	code, _, h = c.postFrom("/admin/gagasan/G-NGKAP7?kec=33.74.01", "/admin/gagasan/G-NGKAP7/tahap", url.Values{"tahap": {"USULAN_DESA"}})
	if loc := h.Get("Location"); code != http.StatusSeeOther || strings.Contains(loc, "kec=") {
		t.Errorf("move with a foreign kec: %d to %q", code, loc)
	}
	_, body := c.get("/admin/gagasan?kec=34.04.13")
	if !strings.Contains(body, `href="/admin/gagasan/G-NGKAP7?kec=34.04.13"`) {
		t.Errorf("gagasan list's links drop kec:\n%s", body)
	}
	_, body = c.get("/admin/gagasan/G-NGKAP7?kec=34.04.13")
	if !strings.Contains(body, `href="/admin/rapat?kec=34.04.13"`) {
		t.Errorf("gagasan page's menu drops kec:\n%s", body)
	}
	_, body = c.get("/admin/?kec=34.04.11")
	if strings.Contains(body, `href="/admin/gagasan?desa=34.04.11.2002"`) || !strings.Contains(body, `href="/admin/gagasan?desa=34.04.11.2002&amp;kec=34.04.11"`) {
		t.Errorf("home's links drop kec:\n%s", body)
	}
}

// TestKecamatanBarKeepsFilters: choosing a kecamatan narrows the list as
// it is filtered (stage, search, sort), dropping only the desa, dusun and
// page, which belong to the old choice.
func TestKecamatanBarKeepsFilters(t *testing.T) {
	s := kabupatenSite(t)
	c := fkabClient(t, s)
	_, body := c.get("/admin/gagasan?tahap=DIAJUKAN&q=jalan&urut=judul&desa=34.04.11.2002&dusun=3&hal=2")
	bar := body[strings.Index(body, `class="inline card kecbar"`):]
	bar = bar[:strings.Index(bar, "</form>")]
	for _, want := range []string{`name="tahap" value="DIAJUKAN"`, `name="q" value="jalan"`, `name="urut" value="judul"`} {
		if !strings.Contains(bar, want) {
			t.Errorf("kecamatan bar lacks %s:\n%s", want, bar)
		}
	}
	for _, not := range []string{`name="desa"`, `name="dusun"`, `name="hal"`} {
		if strings.Contains(bar, not) {
			t.Errorf("kecamatan bar keeps %s:\n%s", not, bar)
		}
	}
}

// TestBrowserAdminListsFitAPhone: on a 360 px phone no admin list page of
// a kabupaten facilitator, with or without a kecamatan chosen, is wider
// than the screen: a wide table scrolls inside its own box (a visually
// hidden column heading once stuck out of it, 654 px), its first column
// staying in view.
func TestBrowserAdminListsFitAPhone(t *testing.T) {
	s := kabupatenSite(t)
	ctx := browser(t, true)
	err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, "fkab"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`), chromedp.WaitVisible(`#kec`))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/admin/", "/admin/kabupaten", "/admin/gagasan", "/admin/rapat", "/admin/kegiatan", "/admin/aduan",
		"/admin/peta"} {
		for _, kec := range []string{"", "?kec=34.04.11"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p+kec), chromedp.WaitVisible(`#judul`)); err != nil {
				t.Fatalf("%s%s: %v", p, kec, err)
			}
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if w > 360 {
				t.Errorf("%s%s is %d px wide on a 360 px phone", p, kec, w)
			}
		}
	}
	// The table scrolls, its first column (the row's key: a resident, a
	// kecamatan) stays.
	for _, p := range []string{"/admin/gagasan?kec=34.04.11", "/admin/kabupaten"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p), chromedp.WaitVisible(`#judul`)); err != nil {
			t.Fatal(err)
		}
		pos, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const b = document.querySelector('.scroll'); b.scrollLeft = 200;
			const c = b.querySelector('tbody tr > :first-child');
			return getComputedStyle(c).position + ' ' + Math.round(c.getBoundingClientRect().left - b.getBoundingClientRect().left) })()`))
		if err != nil {
			t.Fatal(err)
		}
		if pos != "sticky 0" {
			t.Errorf("%s: first column after scrolling the table: %q, want sticky at the box's left edge", p, pos)
		}
		screenshot(t, ctx, "admin-"+strings.Trim(strings.ReplaceAll(strings.Split(p, "?")[0], "/admin/", ""), "/")+"-scrolled-360")
	}
}

// TestKabupatenOverviewShowsMADResults: the overview's caption names the
// MAD's results, so their columns (funded, not funded) are there even
// when no gagasan has reached them; an empty cell says 0, and a 0 is no
// link.
func TestKabupatenOverviewShowsMADResults(t *testing.T) {
	s := kabupatenSite(t)
	c := fkabClient(t, s)
	_, body := c.get("/admin/kabupaten")
	table := body[strings.Index(body, `aria-labelledby="h-tahap"`):]
	table = table[:strings.Index(table, "</table>")]
	head := table[:strings.Index(table, "</thead>")]
	for _, st := range []domain.Status{domain.StatusDidanai, domain.StatusTidakDidanai} {
		name := flow.StageText(flow.LangID, st)
		name = name[:strings.IndexAny(name+".", ".,;!")]
		if !strings.Contains(head, `<th scope="col">`+name+`</th>`) {
			t.Errorf("overview lacks the %s column:\n%s", st, head)
		}
		if strings.Contains(table, "tahap="+string(st)+`"`) {
			t.Errorf("a zero of %s is a link:\n%s", st, table)
		}
	}
	if strings.Contains(table, "<td></td>") || !strings.Contains(table, "<td>0</td>") {
		t.Errorf("empty cells are blank, not 0:\n%s", table)
	}
}

// TestPetaAsksForKecamatanFirst: with "Semua kecamatan" the map page
// opens no desa of some kecamatan while the bar says all: it asks for a
// kecamatan; with one chosen it opens that kecamatan's first desa.
func TestPetaAsksForKecamatanFirst(t *testing.T) {
	s := kabupatenSite(t)
	c := fkabClient(t, s)
	_, body := c.get("/admin/peta")
	if !strings.Contains(body, "Pilih kecamatan dulu") || !strings.Contains(body, `<option value="34.04.11">Ngemplak</option>`) || strings.Contains(body, "Peta sosial Desa") {
		t.Errorf("peta, all kecamatan:\n%s", body)
	}
	_, body = c.get("/admin/peta?kec=34.04.13")
	if !strings.Contains(body, "Peta sosial Desa Sardonoharjo") {
		t.Errorf("peta of Ngaglik:\n%s", body)
	}
}

// TestKabupatenListsNameTheKecamatan: a kabupaten-wide list names each
// row's kecamatan beside its desa (two kecamatan may have desa of one
// name); with one kecamatan chosen the column goes. The gagasan export
// always has it, and its title row and file name say whose list it is.
func TestKabupatenListsNameTheKecamatan(t *testing.T) {
	s := kabupatenSite(t)
	c := fkabClient(t, s)
	for _, p := range []string{"/admin/gagasan", "/admin/rapat"} {
		_, body := c.get(p)
		if !strings.Contains(body, "<th>Kecamatan</th>") || !strings.Contains(body, "<td>Ngemplak</td>") {
			t.Errorf("%s, whole kabupaten, names no kecamatan:\n%s", p, body)
		}
		if _, body = c.get(p + "?kec=34.04.11"); strings.Contains(body, "<th>Kecamatan</th>") {
			t.Errorf("%s of one kecamatan has a Kecamatan column", p)
		}
	}
	if _, body := c.get("/admin/aduan"); !strings.Contains(body, ", Kecamatan Ngemplak ·") {
		t.Errorf("aduan, whole kabupaten, names no kecamatan:\n%s", body)
	}
	if _, body := c.get("/admin/"); !strings.Contains(body, "(Kec. Ngemplak)") {
		t.Errorf("home's next tranches, whole kabupaten, name no kecamatan:\n%s", body)
	}
	code, _, h := c.do(mustRequest(t, s.srv.URL+"/admin/gagasan.xlsx?kec=34.04.11"))
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), `filename="gagasan-34.04.11.xlsx"`) {
		t.Errorf("export of Ngemplak: %d, %q", code, h.Get("Content-Disposition"))
	}
	f := openXLSX(t, c, "/admin/gagasan.xlsx?kec=34.04.11")
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) < 3 || rows[0][0] != "Gagasan Kecamatan Ngemplak" || rows[1][1] != "Kecamatan" || rows[2][1] != "Ngemplak" {
		t.Errorf("export of Ngemplak: %v", rows[:min(3, len(rows))])
	}
	f = openXLSX(t, c, "/admin/gagasan.xlsx")
	if rows, _ = f.GetRows(f.GetSheetName(0)); len(rows) < 1 || rows[0][0] != "Gagasan Kabupaten 34.04" {
		t.Errorf("export of the kabupaten: %v", rows[:min(1, len(rows))])
	}
}

func mustRequest(t *testing.T, u string) *http.Request {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
