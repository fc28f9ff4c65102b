package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// withGroups gives the demo's number (it serves the demo's kecamatan) two
// groups, one restricted to admins, and another kecamatan's number one.
func withGroups(t *testing.T, s *site) (rt, pkk, other int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.st.DB().Exec(`INSERT INTO kanal (nama, cakupan) VALUES ('whatsapp:+6281100000099', '34.04.11'),
		('whatsapp:+6281100000098', '33.74.01')`); err != nil {
		t.Fatal(err)
	}
	members := []postgres.WAGroupMember{{Phone: "+6281100000001", Admin: true}, {Phone: "+6281100000011"}, {Phone: "+6281100000012"}}
	for _, g := range []struct {
		channel, jid, name string
		canPost            bool
	}{
		{"whatsapp:+6281100000099", "1@g.us", "RT 03 Kejambon", true},
		{"whatsapp:+6281100000099", "2@g.us", "PKK Bimomartani", false},
		{"whatsapp:+6281100000098", "3@g.us", "Warga Jatibarang", true},
	} {
		if err := s.st.GroupSeen(ctx, g.channel, g.jid, g.name, !g.canPost, g.canPost, members, nil); err != nil {
			t.Fatal(err)
		}
	}
	id := func(jid string) int64 {
		var id int64
		if err := s.st.DB().Get(&id, `SELECT id FROM wa_groups WHERE jid = $1`, jid); err != nil {
			t.Fatal(err)
		}
		return id
	}
	return id("1@g.us"), id("2@g.us"), id("3@g.us")
}

// TestGroupsPage: the facilitator sees the desa's groups, links one to a
// dusun, changes and unlinks it; a group of a number that does not serve
// the desa, or one where only admins post, is refused with why; the
// auditor reads and cannot change.
func TestGroupsPage(t *testing.T) {
	s := newSite(t)
	rt, pkk, other := withGroups(t, s)
	c := s.client(t)
	c.login("fas", fasPassword)
	code, body := c.get("/admin/grup?desa=34.04.11.2002")
	if code != http.StatusOK || !strings.Contains(body, "RT 03 Kejambon") || !strings.Contains(body, "3 anggota") ||
		!strings.Contains(body, "Suara Desa tidak bisa mengirim ke sini") || strings.Contains(body, "Warga Jatibarang") {
		t.Fatalf("groups page %d:\n%s", code, body)
	}
	var kejambon int64
	_ = s.st.DB().Get(&kejambon, `SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' AND nama = 'Kejambon'`)
	path := "/admin/grup/" + strconv.FormatInt(rt, 10)
	code, _, h := c.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {strconv.FormatInt(kejambon, 10)}})
	if page := c.follow(code, h); !strings.Contains(page, "Grup „RT 03 Kejambon” terhubung ke Dusun Kejambon.") ||
		!strings.Contains(page, "oleh web fas") {
		t.Fatalf("after linking:\n%s", page)
	}
	linked, _ := postgres.LinkedGroups(context.Background(), s.st.DB(), "34.04.11.2002", domain.AudienceDusun, &kejambon)
	if len(linked) != 1 || linked[0].ID != rt {
		t.Fatalf("linked groups %+v", linked)
	}
	code, _, h = c.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"PEREMPUAN"}})
	if page := c.follow(code, h); !strings.Contains(page, "warga perempuan Desa Bimomartani") {
		t.Fatalf("after changing:\n%s", page)
	}
	// Refused: a group of another kecamatan's number; one where only
	// admins post; a dusun of another desa.
	for _, bad := range []struct {
		path string
		form url.Values
		want string
	}{
		{"/admin/grup/" + strconv.FormatInt(other, 10), url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"DESA"}}, "tidak melayani Desa Bimomartani"},
		{"/admin/grup/" + strconv.FormatInt(pkk, 10), url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"DESA"}}, "hanya admin yang boleh mengirim"},
		{path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"999999"}}, ""},
		{path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"x"}}, "Pilih tujuannya"},
	} {
		code, body, _ := c.post(bad.path, bad.form)
		if code == http.StatusSeeOther || !strings.Contains(body, bad.want) {
			t.Fatalf("%s %v: %d\n%s", bad.path, bad.form, code, body)
		}
	}
	// Unlink: asked first, then done.
	code, body, _ = c.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"LEPAS"}})
	if code != http.StatusOK || !strings.Contains(body, "Lepaskan grup „RT 03 Kejambon”?") {
		t.Fatalf("unlink asks: %d\n%s", code, body)
	}
	code, _, h = c.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"LEPAS"}, "yakin": {"1"}})
	if page := c.follow(code, h); !strings.Contains(page, "dilepas") || strings.Contains(page, "Terhubung ke") {
		t.Fatalf("after unlinking:\n%s", page)
	}
	// The other kecamatan's facilitator cannot open or link the desa.
	l := s.client(t)
	l.login("lain", fasPassword)
	if code, _ := l.get("/admin/grup?desa=34.04.11.2002"); code != http.StatusNotFound {
		t.Fatalf("another kecamatan's facilitator: %d", code)
	}
	if code, _, _ := l.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"DESA"}}); code == http.StatusSeeOther {
		t.Fatal("another kecamatan's facilitator linked a group")
	}
	// The auditor reads; no form, and a POST is refused.
	a := s.client(t)
	a.login("audit", fasPassword)
	code, body = a.get("/admin/grup?desa=34.04.11.2002")
	if code != http.StatusOK || !strings.Contains(body, "RT 03 Kejambon") || strings.Contains(body, `action="/admin/grup/`) {
		t.Fatalf("the auditor's page %d:\n%s", code, body)
	}
	if code, _, _ := a.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"DESA"}}); code != http.StatusForbidden {
		t.Fatalf("the auditor's POST: %d", code)
	}
}

// TestGroupsPageOtherRegion: with a number serving everywhere, the
// facilitator of another kecamatan sees its unlinked groups but not one
// linked to Bimomartani (nor who linked it), and can neither take that
// group over to his desa nor unlink it.
func TestGroupsPageOtherRegion(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	if _, err := s.st.DB().Exec(`INSERT INTO kanal (nama, cakupan) VALUES ('whatsapp:+6281100000097', '')`); err != nil {
		t.Fatal(err)
	}
	for jid, name := range map[string]string{"7@g.us": "Grup Bimomartani Terhubung", "8@g.us": "Grup Bebas"} {
		if err := s.st.GroupSeen(ctx, "whatsapp:+6281100000097", jid, name, false, true, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	var linked int64
	if err := s.st.DB().Get(&linked, `SELECT id FROM wa_groups WHERE jid = '7@g.us'`); err != nil {
		t.Fatal(err)
	}
	if err := s.st.LinkGroup(ctx, linked, postgres.GroupLink{DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		By: "+6281100000001"}); err != nil {
		t.Fatal(err)
	}
	l := s.client(t)
	l.login("lain", fasPassword)
	code, body := l.get("/admin/grup?desa=33.74.01.2001")
	if code != http.StatusOK || !strings.Contains(body, "Grup Bebas") || strings.Contains(body, "Grup Bimomartani Terhubung") ||
		strings.Contains(body, "Sri Wahyuni") || strings.Contains(body, "Bimomartani") {
		t.Fatalf("another kecamatan's page %d:\n%s", code, body)
	}
	path := "/admin/grup/" + strconv.FormatInt(linked, 10)
	for _, form := range []url.Values{
		{"desa": {"33.74.01.2001"}, "tujuan": {"DESA"}},
		{"desa": {"33.74.01.2001"}, "tujuan": {"LEPAS"}, "yakin": {"1"}},
	} {
		if code, _, _ := l.post(path, form); code == http.StatusSeeOther {
			t.Fatalf("another kecamatan's facilitator changed the group: %v", form)
		}
	}
	if got, _ := postgres.LinkedGroups(ctx, s.st.DB(), "34.04.11.2002", domain.AudienceDesa, nil); len(got) != 1 || got[0].ID != linked {
		t.Fatalf("Bimomartani's group after the other kecamatan's tries: %+v", got)
	}
	// Bimomartani's facilitator still changes it.
	c := s.client(t)
	c.login("fas", fasPassword)
	if code, _, _ := c.post(path, url.Values{"desa": {"34.04.11.2002"}, "tujuan": {"PEREMPUAN"}}); code != http.StatusSeeOther {
		t.Fatalf("the desa's facilitator: %d", code)
	}
}

// TestGroupsPageLinkerAndEmpty: a linker by chat with no name shows as a
// number only to those who see residents (not the auditor); a desa with
// no group gets its WhatsApp number and how to add it, and is told when
// the service does not run WhatsApp.
func TestGroupsPageLinkerAndEmpty(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.login("fas", fasPassword)
	code, body := c.get("/admin/grup?desa=34.04.11.2002")
	for _, want := range []string{"Belum ada grup", "WhatsApp belum dinyalakan di layanan Suara Desa ini", "Tambah anggota",
		"Jadikan admin grup", "HUBUNGKAN DUSUN"} {
		if code != http.StatusOK || !strings.Contains(body, want) {
			t.Fatalf("the page without groups lacks %q: %d\n%s", want, code, body)
		}
	}
	if _, err := s.st.DB().Exec(`UPDATE desa SET wa_number = '+6281122223333' WHERE kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	if _, body := c.get("/admin/grup?desa=34.04.11.2002"); !strings.Contains(body, "6281122223333</b>") {
		t.Fatalf("the desa's number is not shown:\n%s", body)
	}
	rt, _, _ := withGroups(t, s)
	if err := s.st.LinkGroup(context.Background(), rt, postgres.GroupLink{DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		By: "+6281399990007"}); err != nil {
		t.Fatal(err)
	}
	if _, body := c.get("/admin/grup?desa=34.04.11.2002"); !strings.Contains(body, "oleh &#43;6281399990007") || strings.Contains(body, "Belum ada grup") {
		t.Fatalf("the facilitator's page:\n%s", body)
	}
	a := s.client(t)
	a.login("audit", fasPassword)
	if _, body := a.get("/admin/grup?desa=34.04.11.2002"); strings.Contains(body, "6281399990007") || !strings.Contains(body, "oleh seorang kader lewat chat") {
		t.Fatalf("the auditor sees the linker's number:\n%s", body)
	}
}

// TestBrowserGroupsPage: the page on a laptop and a 360 px phone, linked
// and not, with no axe finding.
func TestBrowserGroupsPage(t *testing.T) {
	axe := axeSource(t)
	s := newSite(t)
	rt, _, other := withGroups(t, s)
	if err := s.st.LinkGroup(context.Background(), rt, postgres.GroupLink{DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		By: "+6281100000001"}); err != nil {
		t.Fatal(err)
	}
	// The other kecamatan's desa without a group.
	for _, q := range []string{`DELETE FROM wa_group_members WHERE group_id = $1`, `DELETE FROM wa_groups WHERE id = $1`} {
		if _, err := s.st.DB().Exec(q, other); err != nil {
			t.Fatal(err)
		}
	}
	for _, phone := range []bool{false, true} {
		ctx := browser(t, phone)
		// A desa of another kecamatan's facilitator, with no group yet.
		err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
			chromedp.SendKeys(`#u`, "lain"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`)),
			chromedp.Navigate(s.srv.URL+"/admin/grup?desa=33.74.01.2001"), chromedp.WaitVisible(`#tanpa-grup`))
		if err != nil {
			t.Fatal(err)
		}
		if phone {
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			if err != nil || wide {
				t.Fatalf("the empty page is wider than a 360 px phone: %v", err)
			}
			screenshot(t, ctx, "admin-grup-kosong-phone")
		} else {
			screenshot(t, ctx, "admin-grup-kosong")
		}
		if found := axeCheck(t, ctx, axe, "/admin/grup (kosong)"); len(found) > 0 {
			t.Fatalf("axe: %v", found)
		}
		if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		err = chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
			chromedp.SendKeys(`#u`, "fas"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`)),
			chromedp.Navigate(s.srv.URL+"/admin/grup?desa=34.04.11.2002"), chromedp.WaitVisible(`#judul`))
		if err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil || !strings.Contains(text, "Terhubung ke seluruh Desa Bimomartani") || !strings.Contains(text, "oleh Sri Wahyuni (KPMD)") {
			t.Fatalf("page text %q, %v", text, err)
		}
		if phone {
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			if err != nil || wide {
				t.Fatalf("the page is wider than a 360 px phone: %v", err)
			}
			screenshot(t, ctx, "admin-grup-phone")
		} else {
			screenshot(t, ctx, "admin-grup")
		}
		if found := axeCheck(t, ctx, axe, "/admin/grup"); len(found) > 0 {
			t.Fatalf("axe: %v", found)
		}
	}
}
