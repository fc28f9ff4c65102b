package web_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The MAD in a browser without JavaScript help: the facilitator ranks the
// demo MAD's proposals by the form and records the Penetapan through its
// confirmation; the page fits a 360 px phone before and after, and
// axe-core finds nothing on it (when AXE_CORE_PATH is set).
func TestBrowserMADPage(t *testing.T) {
	s := madSite(t)
	const page = "/admin/rapat/R-MAPEN7/mad"
	login := func(ctx context.Context) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
			chromedp.SendKeys(`#u`, "fas"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`))); err != nil {
			t.Fatalf("login: %v", err)
		}
	}
	fits := func(ctx context.Context, name string) {
		t.Helper()
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if overflow {
			t.Errorf("%s is wider than a 360 px phone", name)
		}
	}
	axe := ""
	if p := strings.TrimSpace(os.Getenv("AXE_CORE_PATH")); p != "" {
		axe = axeSource(t)
	}
	admin := browser(t, false)
	login(admin)
	if err := chromedp.Do(admin, chromedp.Navigate(s.srv.URL+page), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatal(err)
	}
	var found []string
	if axe != "" {
		found = append(found, axeCheck(t, admin, axe, "MAD before ranking")...)
	}
	// The order: the proposals as listed.
	for i, c := range madCodes {
		if err := chromedp.Do(admin, chromedp.SetValue(`#r_`+c, string(rune('1'+i)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(admin, chromedp.Click(`button[value="simpan"]`), chromedp.WaitVisible(`#flash`)); err != nil {
		t.Fatalf("saving the ranking: %v", err)
	}
	if flash, _ := chromedp.Run(admin, chromedp.Text(`#flash`)); !strings.Contains(flash, "4 dari 7 usulan") {
		t.Fatalf("after ranking: %q", flash)
	}
	screenshot(t, admin, "admin-mad-peringkat")
	if axe != "" {
		found = append(found, axeCheck(t, admin, axe, "MAD ranked")...)
	}
	phone := browser(t, true)
	login(phone)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+page), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatal(err)
	}
	fits(phone, "the MAD page, ranked")
	screenshot(t, phone, "admin-phone-mad-peringkat")

	// The Penetapan: delegates, the defaults for the forwards, confirmed.
	err := chromedp.Do(admin,
		chromedp.SendKeys(`#u_34\.04\.11\.2002_1_nama`, "Sri Wahyuni"),
		chromedp.SendKeys(`#u_34\.04\.11\.2001_1_nama`, "Sukiman"),
		chromedp.SetValue(`#u_34\.04\.11\.2001_1_jk`, "L"),
		chromedp.Click(`form[action$="/penetapan"] button[type="submit"]`),
		chromedp.WaitVisible(`#yakin`))
	if err != nil {
		t.Fatalf("asking to confirm: %v", err)
	}
	if axe != "" {
		found = append(found, axeCheck(t, admin, axe, "MAD confirmation")...)
	}
	if err := chromedp.Do(admin, chromedp.Click(`#yakin`), chromedp.WaitVisible(`#flash`)); err != nil {
		t.Fatalf("confirming: %v", err)
	}
	if flash, _ := chromedp.Run(admin, chromedp.Text(`#flash`)); !strings.Contains(flash, "4 didanai, 3 diteruskan") {
		t.Fatalf("after the Penetapan: %q", flash)
	}
	screenshot(t, admin, "admin-mad-penetapan")
	if axe != "" {
		found = append(found, axeCheck(t, admin, axe, "MAD decided")...)
	}
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+page), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatal(err)
	}
	fits(phone, "the MAD page, decided")
	screenshot(t, phone, "admin-phone-mad-penetapan")
	for _, f := range found {
		t.Error(f)
	}
}
