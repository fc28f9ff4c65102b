package web_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// loginBrowser logs a browser in as user and waits for the admin menu.
func loginBrowser(t *testing.T, s *site, ctx context.Context, user string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, user), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`)))
	if err != nil {
		t.Fatalf("login %s: %v", user, err)
	}
}

// A facilitator in a browser sorts the gagasan list, downloads its XLSX
// export by its link and opens it; the lists, the map and a confirmation
// are saved for review (`make screenshots`) at a laptop's width and on a
// phone.
func TestBrowserListsAndExport(t *testing.T) {
	s := newSite(t)
	admin := browser(t, false)
	loginBrowser(t, s, admin, "fas")
	err := chromedp.Do(admin, chromedp.Navigate(s.srv.URL+"/admin/gagasan?desa=34.04.11.2002"), chromedp.WaitVisible(`#jumlah`),
		chromedp.Click(chromedp.CSS(`th a[href*="urut=kode"]`)), chromedp.WaitVisible(chromedp.CSS(`th[aria-sort="ascending"]`)))
	if err != nil {
		t.Fatalf("sorting by code: %v", err)
	}
	first, err := chromedp.Run(admin, chromedp.Text(chromedp.CSS(`tbody tr td a`)))
	if err != nil {
		t.Fatal(err)
	}
	var want string
	if err := s.st.DB().Get(&want, `SELECT min(code) FROM gagasan WHERE desa_kode = '34.04.11.2002'`); err != nil || first != want {
		t.Fatalf("sorted by code, the list starts with %q, want %q (%v)", first, want, err)
	}
	screenshot(t, admin, "admin-gagasan-daftar")

	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(admin, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(admin, chromedp.Click(chromedp.CSS(`a[href^="/admin/gagasan.xlsx"]`))); err != nil {
		t.Fatal(err)
	}
	var file string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(dir, "gagasan*.xlsx")); len(m) > 0 {
			file = m[0]
			t.Logf("downloaded %s", filepath.Base(file))
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no download after 20 s: %v", entries)
		}
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatalf("the download is no XLSX: %v", err)
	}
	defer f.Close()
	if r := rowOf(t, f, "Bimomartani", want); r < 3 {
		t.Fatalf("%s on row %d", want, r)
	}

	if os.Getenv("SCREENSHOTS") == "" {
		return
	}
	for _, p := range []struct{ name, path string }{
		{"admin-aduan", "/admin/aduan"}, {"admin-rapat", "/admin/rapat"}, {"admin-warga", "/admin/warga"},
		{"admin-peta", "/admin/peta?desa=34.04.11.2002"},
	} {
		if err := chromedp.Do(admin, chromedp.Navigate(s.srv.URL+p.path), chromedp.WaitVisible(`#judul`),
			chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => d.open = true)`)); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		screenshot(t, admin, p.name)
	}
	if err := chromedp.Do(admin, chromedp.Navigate(s.srv.URL+"/admin/warga"), chromedp.WaitVisible(`#judul`),
		chromedp.Click(chromedp.CSS(`button.danger`)), chromedp.WaitVisible(`#yakin`)); err != nil {
		t.Fatal(err)
	}
	screenshot(t, admin, "admin-konfirmasi")
	phone := browser(t, true)
	loginBrowser(t, s, phone, "fas")
	for _, p := range []struct{ name, path string }{
		{"admin-gagasan-daftar-hp", "/admin/gagasan"}, {"admin-aduan-hp", "/admin/aduan"}, {"admin-peta-hp", "/admin/peta?desa=34.04.11.2002"},
	} {
		if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+p.path), chromedp.WaitVisible(`#judul`)); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		screenshot(t, phone, p.name)
	}
}
