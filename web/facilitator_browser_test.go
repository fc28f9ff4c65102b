package web_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// The pages this round changed, on a laptop and on a 360 px phone: the
// complaints with a reply's history, the kegiatan with the paid date, the
// Tolak question naming the coming meeting, then that meeting with the
// rejected item struck, and the home. Nothing is wider than the screen.
func TestBrowserFacilitatorFixes(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	fas.get("/admin/aduan")
	fas.post("/admin/aduan/A-HAR4NA", url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Sudah kami tanyakan ke TPK."}})
	fas.post("/admin/aduan/A-HAR4NA", url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Mandor dipanggil Senin."}})
	if _, err := s.st.DB().Exec(`INSERT INTO progress_reports (kegiatan_id, percent, by_name) SELECT id, 45, 'uji' FROM kegiatan WHERE code = 'K-KEJAM3'`); err != nil {
		t.Fatal(err)
	}
	onScreens(t, s, func(ctx context.Context, phone bool, size string) {
		for _, p := range []struct{ name, path, wait string }{
			{"aduan", "/admin/aduan#A-HAR4NA", `#s-A-HAR4NA`},
			{"kegiatan-cair", "/admin/kegiatan/K-KEJAM3", `#tanggal-cair`},
			{"gagasan-tolak", "/admin/gagasan/G-PAWAC6", `#alasan-tolak`},
		} {
			if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p.path), chromedp.WaitVisible(p.wait)); err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			fits(t, ctx, p.name, phone)
			screenshot(t, ctx, "wfixa-"+p.name+"-"+size)
		}
		if phone {
			return
		}
		// Tolak asks, naming the coming meeting; confirmed, the meeting
		// shows the item struck.
		err := chromedp.Do(ctx,
			chromedp.SendKeys(`#alasan-tolak`, "Lahan belum tersedia"),
			chromedp.Submit(`#alasan-tolak`),
			chromedp.WaitVisible(`#yakin`),
		)
		if err != nil {
			t.Fatalf("Tolak: %v", err)
		}
		screenshot(t, ctx, "wfixa-tolak-tanya-"+size)
		err = chromedp.Do(ctx, chromedp.Click(`#yakin`), chromedp.WaitVisible(`#flash`),
			chromedp.Navigate(s.srv.URL+"/admin/rapat/R-MKPAC3"), chromedp.WaitVisible(`#agenda-G-PAWAC6`))
		if err != nil {
			t.Fatalf("after Tolak: %v", err)
		}
		screenshot(t, ctx, "wfixa-rapat-"+size)
	})
	ctx := browser(t, true)
	adminIn(t, ctx, s)
	for _, p := range []struct{ name, path, wait string }{
		{"rapat", "/admin/rapat/R-MKPAC3", `#agenda-G-PAWAC6`},
		{"home", "/admin/", `#h-aduan`},
		{"board", "/desa/34.04.11.2002", `#rapat`},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p.path), chromedp.WaitVisible(p.wait)); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		fits(t, ctx, p.name, true)
		screenshot(t, ctx, "wfixa-"+p.name+"-360")
	}
}

// onScreens runs see in a 360 px phone's browser, then a 1280 px
// laptop's, each logged in as the facilitator; size names the width.
func onScreens(t *testing.T, s *site, see func(ctx context.Context, phone bool, size string)) {
	t.Helper()
	for _, phone := range []bool{true, false} {
		size := "1280"
		if phone {
			size = "360"
		}
		ctx := browser(t, phone)
		adminIn(t, ctx, s)
		see(ctx, phone, size)
	}
}

// fits fails when a phone's page is wider than its screen.
func fits(t *testing.T, ctx context.Context, name string, phone bool) {
	t.Helper()
	if !phone {
		return
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil || wide {
		t.Errorf("%s is wider than a 360 px phone (%v)", name, err)
	}
}
