package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestWhoSeesResidents: the consent text tells residents that only the
// KPMD and the facilitators see their name and number. Every admin role
// opens every admin page that could show a resident; only the facilitators
// (of the kecamatan and of the kabupaten) see one, and only their views
// are in the access log.
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
	sees := map[string]bool{"fas": true, "fkab": true}
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
	if strings.Join(views, " ") != "fas fkab" {
		t.Fatalf("access log names %v, want only fas and fkab", views)
	}
}

// TestVoiceOnlyForFacilitators: a voice names its speaker, so TPU, TV and
// auditor users neither get the player on a gagasan nor the file.
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
	for _, role := range []string{"tpu", "tv", "audit"} {
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
