package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// adminIn logs a browser in as the facilitator; it lands on the home page.
func adminIn(t *testing.T, ctx context.Context, s *site) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.srv.URL+"/admin/"),
		chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, "fas"),
		chromedp.SendKeys(`#p`, fasPassword),
		chromedp.Submit(`#p`),
		chromedp.WaitVisible(`#h-cair`),
	)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
}

// A facilitator's journey on a laptop: log in to the home page of what
// waits, follow a blocked tranche to its kegiatan (the action disabled,
// with why), send a form the rules refuse and see why in Bahasa Indonesia
// with what was typed kept, then succeed. The same pages fit a 360 px
// phone.
func TestBrowserFacilitatorJourney(t *testing.T) {
	s := newSite(t)
	admin := browser(t, false)
	adminIn(t, admin, s)
	home, err := chromedp.Run(admin, chromedp.Text(`main`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(home, "Aduan baru") || !strings.Contains(home, "tertahan") {
		t.Fatalf("home: %s", home)
	}
	screenshot(t, admin, "admin-home")

	// The blocked tranche, followed from the home page.
	err = chromedp.Do(admin,
		chromedp.Click(`a[href="/admin/kegiatan/K-KEJAM3"]`),
		chromedp.WaitVisible(`#why-cair`),
	)
	if err != nil {
		t.Fatalf("kegiatan: %v", err)
	}
	disabled, err := chromedp.Run(admin, chromedp.Evaluate[bool](`document.querySelector('[aria-describedby="why-cair"]').disabled`))
	if err != nil || !disabled {
		t.Fatalf("Catat cair offered before its report: %v", err)
	}
	screenshot(t, admin, "admin-kegiatan")

	// A merge into a code that does not exist: refused on the same form.
	err = chromedp.Do(admin,
		chromedp.Navigate(s.srv.URL+"/admin/gagasan/G-PAWAC6"),
		chromedp.WaitVisible(`#ke`),
		chromedp.SendKeys(`#ke`, "G-ZZZZZ9"),
		chromedp.Submit(`#ke`),
		chromedp.WaitVisible(`p.error`),
	)
	if err != nil {
		t.Fatalf("refused merge: %v", err)
	}
	why, err := chromedp.Run(admin, chromedp.Text(`p.error`))
	if err != nil {
		t.Fatal(err)
	}
	kept, err := chromedp.Run(admin, chromedp.Value(`#ke`))
	if err != nil {
		t.Fatal(err)
	}
	menu, err := chromedp.Run(admin, chromedp.Evaluate[bool](`!!document.querySelector('header a[href="/admin/aduan"]')`))
	if err != nil {
		t.Fatal(err)
	}
	// Why is in view, right above the form (focused), not at the top of a
	// long page.
	inView, err := chromedp.Run(admin, chromedp.Evaluate[bool](`(() => { const e = document.getElementById('ditolak'); const r = e.getBoundingClientRect();
		return document.activeElement === e && r.top >= 0 && r.bottom <= window.innerHeight &&
			e.nextElementSibling.getAttribute('action') === '/admin/gagasan/G-PAWAC6/gabung'; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(why, "Tidak ada gagasan G-ZZZZZ9") || kept != "G-ZZZZZ9" || !menu || !inView {
		t.Fatalf("refusal %q, kept %q, menu %v, in view above its form %v", why, kept, menu, inView)
	}
	screenshot(t, admin, "admin-refused")

	// Corrected, it succeeds.
	err = chromedp.Do(admin,
		chromedp.SetValue(`#ke`, "G-TAMAN4"),
		chromedp.Submit(`#ke`),
		chromedp.WaitVisible(`#flash`),
	)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	flash, err := chromedp.Run(admin, chromedp.Text(`#flash`))
	if err != nil || flash != "Digabung dengan G-TAMAN4." {
		t.Fatalf("after the merge: %q %v", flash, err)
	}

	// On a phone, the home page and a refused form fit the screen.
	phone := browser(t, true)
	adminIn(t, phone, s)
	for _, page := range []string{"/admin/", "/admin/kegiatan/K-KEJAM3", "/admin/rapat/R-MKPAC3"} {
		if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+page), chromedp.WaitVisible(`#judul`)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		overflow, err := chromedp.Run(phone, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if overflow {
			t.Errorf("%s is wider than a 360 px phone", page)
		}
		screenshot(t, phone, "admin-phone-"+map[string]string{"/admin/": "home", "/admin/kegiatan/K-KEJAM3": "kegiatan", "/admin/rapat/R-MKPAC3": "rapat"}[page])
	}
}
