package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserKabupaten: on a phone (360 px) and a laptop, a kabupaten
// facilitator opens the overview per kecamatan, chooses a kecamatan in the
// bar (a GET form: the choice is in the address and the menu keeps it),
// and the public index's search finds a desa typed with a typo; no page
// is wider than the screen.
func TestBrowserKabupaten(t *testing.T) {
	s := kabupatenSite(t)
	for _, phone := range []bool{true, false} {
		ctx := browser(t, phone)
		size := map[bool]string{true: "360", false: "1280"}[phone]
		fits := func(what string) {
			t.Helper()
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if phone && w > 360 {
				t.Errorf("%s is %d px wide on a 360 px phone", what, w)
			}
		}
		err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/"), chromedp.WaitVisible(`#cari`),
			chromedp.SendKeys(`#cari`, "bimomartni"), chromedp.Submit(`#cari`), chromedp.WaitVisible(`p[role=status]`))
		if err != nil {
			t.Fatalf("index search: %v", err)
		}
		found, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(found, "Desa Bimomartani") || strings.Contains(found, "Desa Sardonoharjo") {
			t.Errorf("index search found:\n%s", found)
		}
		fits("the index")
		screenshot(t, ctx, "index-cari-"+size)
		err = chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/"), chromedp.WaitVisible(`#cari`))
		if err != nil {
			t.Fatal(err)
		}
		fits("the index")
		screenshot(t, ctx, "index-"+size)

		err = chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
			chromedp.SendKeys(`#u`, "fkab"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
			chromedp.WaitVisible(`#kec`),
			chromedp.Navigate(s.srv.URL+"/admin/kabupaten"), chromedp.WaitVisible(`#h-tahap`))
		if err != nil {
			t.Fatalf("overview: %v", err)
		}
		overview, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(overview, "Ngemplak") || !strings.Contains(overview, "Ngaglik") {
			t.Errorf("overview:\n%s", overview)
		}
		fits("the overview")
		screenshot(t, ctx, "admin-kabupaten-"+size)

		err = chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/gagasan"), chromedp.WaitVisible(`#kec`),
			chromedp.SetValue(`#kec`, "34.04.13"), chromedp.Submit(`#kec`), chromedp.WaitReady(`#desa option[value="34.04.13.2001"]`))
		if err != nil {
			t.Fatalf("choosing a kecamatan: %v", err)
		}
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		list, _ := chromedp.Run(ctx, chromedp.Text(`main`))
		menu, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('nav a[href^="/admin/rapat"]').getAttribute('href')`))
		if !strings.Contains(loc, "kec=34.04.13") || !strings.Contains(list, "G-NGKAP7") || strings.Contains(list, "G-TAMAN4") || menu != "/admin/rapat?kec=34.04.13" {
			t.Errorf("after choosing Ngaglik: %s, menu %q, list:\n%s", loc, menu, list)
		}
		fits("the gagasan list")
		screenshot(t, ctx, "admin-gagasan-kec-"+size)
	}
}
