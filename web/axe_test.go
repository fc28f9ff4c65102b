package web_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
)

// axeSource is axe-core's axe.min.js (from the npm registry, used only in
// tests): AXE_CORE_PATH names it; scripts/test.sh installs it and sets it.
func axeSource(t *testing.T) string {
	p := os.Getenv("AXE_CORE_PATH")
	if p == "" {
		if os.Getenv("REQUIRE_BROWSER") != "" {
			t.Fatal("AXE_CORE_PATH is not set (scripts/test.sh installs axe-core)")
		}
		t.Skip("no axe-core: npm install axe-core@4 and set AXE_CORE_PATH to its axe.min.js")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("AXE_CORE_PATH: %v", err)
	}
	return string(b)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeCheck runs axe-core on the page the browser shows and lists each
// violation: rule, impact, the elements, what the rule asks.
func axeCheck(t *testing.T, ctx context.Context, axe, name string) []string {
	t.Helper()
	// What a closed <details> holds is hidden, and axe-core checks only
	// what is shown: open them, as a user would.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => d.open = true)`),
		chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("%s: injecting axe-core: %v", name, err)
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", name, err)
	}
	var out []string
	for _, v := range vs {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		out = append(out, fmt.Sprintf("%s: %s (%s) at %s: %s", name, v.ID, v.Impact, strings.Join(targets, ", "), v.Help))
	}
	return out
}

// axePages opens each page in the browser and checks it; how opens it.
func axePages(t *testing.T, ctx context.Context, axe string, pages []string, open func(string) error) (checked int, found []string) {
	t.Helper()
	for _, p := range pages {
		if err := open(p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		start := time.Now()
		found = append(found, axeCheck(t, ctx, axe, p)...)
		checked++
		if d := time.Since(start); d > 2*time.Second {
			t.Logf("%s: axe-core took %v", p, d.Round(time.Millisecond))
		}
	}
	return checked, found
}

// axe-core finds no violation on the public index, the board and its
// print view, the kecamatan's MAD page, on a phone, and on every admin page, logged in, at a
// laptop's width: each one found is listed with its rule and elements.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	s := newSite(t)
	// Enough complaints for two pages: the list's pagers above and below.
	if _, err := s.st.DB().Exec(`INSERT INTO complaints (code, desa_kode, anonymous, text)
		SELECT 'A-AXE' || lpad(i::text, 3, '0'), '34.04.11.2002', true, 'Selokan mampet ' || i FROM generate_series(1, 60) i`); err != nil {
		t.Fatal(err)
	}
	// A held meeting with its outcome and an election: its berita acara
	// (admin and board) and its page's election form.
	fas := s.client(t)
	fas.login("fas", fasPassword)
	baMeeting(t, s, fas, "R-BAAXE1", domain.MeetingMusdesSosialisasi, domain.AudienceDesa)
	if _, err := s.st.RecordElections(context.Background(), "R-BAAXE1", []domain.Elected{
		{Position: domain.PositionTPK, Name: "Sri Wahyuni", Gender: domain.GenderFemale}}, "test"); err != nil {
		t.Fatal(err)
	}
	pages := detailPages(t, s)
	// A decided MAD: the kecamatan's page, the MAD meeting's page with the
	// Musrenbang export (its gagasan's pages are like the others).
	madFixture(t, s)
	pages = append(pages, "/admin/rapat/"+madDecided)
	pages = append(pages, "/admin/", "/admin/gagasan", "/admin/gagasan?desa=34.04.11.2002", "/admin/rapat", "/admin/kegiatan",
		"/admin/aduan", "/admin/aduan?hal=2&urut=kode", "/admin/warga", "/admin/peta", "/admin/suara", "/admin/whatsapp", "/admin/gagasan/G-TIDAKADA",
		"/admin/rapat/R-BAAXE1/berita-acara")

	navigate := func(ctx context.Context) func(string) error {
		return func(p string) error {
			return chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+p), chromedp.WaitReady(chromedp.CSS(`body`)))
		}
	}
	phone := browser(t, true)
	n, found := axePages(t, phone, axe, []string{"/", "/?q=martani", "/?q=xyzzy", "/desa/34.04.11.2002", "/desa/34.04.11.2002/cetak",
		"/desa/34.04.11.2002/rapat/R-BAAXE1/berita-acara",
		"/kecamatan/34.04.11", "/kecamatan/33.74.01"}, navigate(phone))
	check := func(ctx context.Context, pages []string, open func(string) error) {
		m, more := axePages(t, ctx, axe, pages, open)
		n, found = n+m, append(found, more...)
	}
	// A browser logged in as user; each has its own time budget, so a
	// few pages each.
	// A user logs in once; later browsers carry that session's cookies:
	// the login limiter allows five tries per user and address at once
	// (then one every 20 s), and this test opens more browsers than that.
	sessions := map[string][]*network.Cookie{}
	loggedIn := func(user string) context.Context {
		t.Helper()
		ctx := browser(t, false)
		if cs, ok := sessions[user]; ok {
			var params []*network.CookieParam
			for _, c := range cs {
				params = append(params, &network.CookieParam{Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
					HTTPOnly: c.HTTPOnly, Secure: c.Secure, SameSite: c.SameSite})
			}
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatalf("browser for %s: %v", user, err)
			}
			if _, err := chromedp.Call(ctx, network.SetCookies, network.SetCookiesParams{Cookies: params}); err != nil {
				t.Fatalf("session of %s: %v", user, err)
			}
			return ctx
		}
		err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
			chromedp.SendKeys(`#u`, user), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`)))
		if err != nil {
			t.Fatalf("login %s: %v", user, err)
		}
		got, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
		if err != nil || len(got.Cookies) == 0 {
			t.Fatalf("cookies of %s: %v", user, err)
		}
		sessions[user] = got.Cookies
		return ctx
	}
	admin := browser(t, false)
	check(admin, []string{"/admin/masuk"}, navigate(admin))
	for len(pages) > 0 {
		ctx := loggedIn("fas")
		k := min(len(pages), 5)
		check(ctx, pages[:k], navigate(ctx))
		pages = pages[k:]
	}
	// The confirmation a revocation asks for.
	ctx := loggedIn("fas")
	check(ctx, []string{"konfirmasi cabut peran"}, func(string) error {
		return chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/warga"), chromedp.WaitVisible(`#judul`),
			chromedp.Click(chromedp.CSS(`button.danger`)), chromedp.WaitVisible(`#yakin`))
	})
	// The auditor's page.
	ctx = loggedIn("audit")
	check(ctx, []string{"/admin/akses"}, navigate(ctx))
	// The kabupaten's pages: the overview, the kecamatan bar.
	ctx = loggedIn("fkab")
	check(ctx, []string{"/admin/kabupaten", "/admin/", "/admin/gagasan?kec=34.04.11", "/admin/peta?kec=34.04.11",
		"/admin/gagasan/G-TAMAN4", "/admin/aduan?kec=34.04.11"}, navigate(ctx))
	ctx = loggedIn("akab")
	check(ctx, []string{"/admin/?kec=34.04.11", "/admin/akses"}, navigate(ctx))

	t.Logf("axe-core checked %d pages", n)
	for _, f := range found {
		t.Error(f)
	}
}
