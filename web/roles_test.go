package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestWhoSeesResidents: the consent text tells residents that only the
// KPMD and the desa's facilitator see their name and number
// (AdminUser.SeesPeople). Every admin role opens every admin page that
// could show a resident; only the kecamatan's facilitator sees one, and
// only their views are in the access log. The kabupaten facilitator still
// handles complaints, without the sender, and has no residents' pages.
func TestWhoSeesResidents(t *testing.T) {
	s := newSite(t)
	pages := detailPages(t, s)
	pages = append(pages, "/admin/", "/admin/gagasan", "/admin/gagasan.csv", "/admin/rapat", "/admin/kegiatan",
		"/admin/aduan", "/admin/warga", "/admin/warga?q=siti", "/admin/peta", "/admin/peta.csv", "/admin/suara", "/admin/akses")
	var residents []string
	for _, p := range demo().Residents() {
		n := strings.TrimPrefix(p.Phone, "+62")
		residents = append(residents, p.Name, p.Phone, "0"+n, "62"+n)
	}
	sees := map[string]bool{"fas": true}
	for _, role := range []string{"fas", "tpu", "tv", "audit", "fkab", "akab"} {
		c := s.client(t)
		c.login(role, fasPassword)
		seen := 0
		for _, p := range pages {
			code, body := c.get(p)
			for _, who := range residents {
				if strings.Contains(body, who) {
					seen++
					if !sees[role] {
						t.Errorf("%s sees %q on %s (%d)", role, who, p, code)
					}
				}
			}
		}
		if sees[role] && seen == 0 {
			t.Fatalf("%s sees no resident: the pages list is wrong", role)
		}
	}
	var views []string
	if err := s.st.DB().Select(&views, `SELECT DISTINCT admin FROM access_log ORDER BY admin`); err != nil {
		t.Fatal(err)
	}
	if strings.Join(views, " ") != "fas" {
		t.Fatalf("access log names %v, want only fas", views)
	}
	fkab := s.client(t)
	fkab.login("fkab", fasPassword)
	for _, p := range []string{"/admin/warga", "/admin/suara", "/admin/warga/" + demo().Residents()[0].Phone + "/data"} {
		if code, _ := fkab.get(p); code != 403 {
			t.Errorf("F-Kab on %s: %d, want 403", p, code)
		}
	}
	if code, body := fkab.get("/admin/aduan"); code != 200 || !strings.Contains(body, `action="/admin/aduan/`) ||
		!strings.Contains(body, "Pengadu: hanya terlihat oleh kader dan fasilitator desa") {
		t.Errorf("F-Kab's complaints page (%d) lacks the reply form or the hidden sender", code)
	}
	if _, body := fkab.get("/admin/"); !strings.Contains(body, `id="h-aduan"`) || strings.Contains(body, `id="h-suara"`) ||
		strings.Contains(body, `href="/admin/warga`) {
		t.Error("F-Kab's home: want new complaints, no voice notes, no residents link")
	}
}

// TestVoiceOnlyForFacilitators: a voice names its speaker, so TPU, TV,
// auditor and kabupaten users neither get the player on a gagasan nor the file.
func TestVoiceOnlyForFacilitators(t *testing.T) {
	s := newSite(t)
	code := s.voiceGagasan(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, page := fas.get("/admin/gagasan/" + code)
	m := regexp.MustCompile(`<audio controls preload="none" src="(/admin/berkas/\d+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the facilitator has no player:\n%s", page)
	}
	for _, role := range []string{"tpu", "tv", "audit", "fkab", "akab"} {
		c := s.client(t)
		c.login(role, fasPassword)
		if st, page := c.get("/admin/gagasan/" + code); st != 200 || strings.Contains(page, "<audio") {
			t.Errorf("%s on the gagasan: %d, player shown %v", role, st, strings.Contains(page, "<audio"))
		}
		if st, _ := c.get(m[1]); st != 404 {
			t.Errorf("%s played the voice note: %d", role, st)
		}
	}
}

// TestAccessLogScopedAndNameless: a search of the residents page is logged
// by its count, not its text (often a resident's name); an auditor reads
// the lines of their own scope only (the kecamatan's, or the kabupaten's
// with its kecamatan's).
func TestAccessLogScopedAndNameless(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	if code, _ := fas.get("/admin/warga?q=Siti+Aminah"); code != 200 {
		t.Fatalf("search: %d", code)
	}
	lain := s.client(t)
	lain.login("lain", fasPassword)
	if code, _ := lain.get("/admin/warga?q=Rahasia+Mijen"); code != 200 {
		t.Fatalf("other kecamatan's search: %d", code)
	}
	var subjects []string
	if err := s.st.DB().Select(&subjects, `SELECT subject FROM access_log WHERE action = 'daftar warga'`); err != nil {
		t.Fatal(err)
	}
	if len(subjects) != 2 {
		t.Fatalf("logged %v, want the two searches", subjects)
	}
	for _, sub := range subjects {
		if strings.Contains(sub, "Siti") || strings.Contains(sub, "Mijen") || !strings.Contains(sub, "orang") {
			t.Errorf("log line %q: want the count, not the search", sub)
		}
	}
	for _, who := range []string{"audit", "akab"} {
		c := s.client(t)
		c.login(who, fasPassword)
		code, body := c.get("/admin/akses")
		if code != 200 || !strings.Contains(body, "<td>fas</td>") || strings.Contains(body, "<td>lain</td>") {
			t.Errorf("%s's access log (%d): want fas's lines, not lain's (another kabupaten)", who, code)
		}
	}
}
