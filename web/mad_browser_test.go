package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// The kecamatan's MAD page and a proposal's page fit a 360 px phone and a
// 1280 px laptop (no page wider than the screen; a wide table scrolls in
// its own box); on the phone the facilitator writes a budget the way
// people do ("75jt") and reads it back as Rp 75.000.000. Saved for review
// (`make screenshots`): kecamatan-360/1280, proposal-360/1280.
func TestBrowserMADBoard(t *testing.T) {
	s := newSite(t)
	madFixture(t, s)
	if _, err := s.st.DB().Exec(`INSERT INTO proposals (gagasan_id, budget, beneficiaries)
		SELECT id, 45000000, 160 FROM gagasan WHERE code = 'G-HEMAT7'`); err != nil {
		t.Fatal(err)
	}
	fits := func(ctx context.Context, name string, width int) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if w > width {
			t.Errorf("%s is %d px wide on a %d px screen", name, w, width)
		}
	}
	open := func(ctx context.Context, p string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p), chromedp.WaitVisible(`#judul`)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	for _, b := range []struct {
		phone bool
		width int
		name  string
	}{{true, 360, "360"}, {false, 1280, "1280"}} {
		ctx := browser(t, b.phone)
		open(ctx, "/kecamatan/34.04.11")
		fits(ctx, "the kecamatan page", b.width)
		screenshot(t, ctx, "kecamatan-"+b.name)
		loginBrowser(t, s, ctx, "fas")
		open(ctx, "/admin/gagasan/G-HEMAT7")
		fits(ctx, "the proposal page", b.width)
		if b.phone {
			err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('anggaran').value = ''`), chromedp.SendKeys(`#anggaran`, "75jt"), chromedp.Submit(`#anggaran`),
				chromedp.WaitVisible(`#flash`))
			if err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('anggaran-proposal').textContent`))
			if err != nil || got != "Rp 75.000.000" {
				t.Errorf("after writing 75jt the page shows %q (%v)", got, err)
			}
			fits(ctx, "the proposal page after saving", b.width)
		}
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(`#angka`)); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "proposal-"+b.name)
	}
}
