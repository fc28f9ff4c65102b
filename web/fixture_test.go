package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
	"github.com/suaradesa/suaradesa/web"
)

// site is the whole web side on a real Postgres, with the demo data and its
// activity, the simulator channel and a dispatcher, so that what the admin
// queues reaches residents as it would in the service.
type site struct {
	srv   *httptest.Server
	st    *postgres.Store
	files *media.Local
	logs  *storetest.LogBuffer // the web server's log, debug included
}

const (
	fasPassword   = "rahasia-fasilitator"
	kecamatanDemo = "34.04.11"
	kabupatenDemo = "34.04"
)

// demo is the demo data set the site is seeded with, as the binary reads it.
func demo() postgres.Demo {
	d, err := postgres.ReadDemo(configs.Demo)
	if err != nil {
		panic(err)
	}
	return d
}

func newSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	st := storetest.SeededStore(t)
	dir := t.TempDir()
	files, err := media.NewLocal(dir+"/media", 10<<20)
	if err != nil {
		t.Fatal(err)
	}
	var photos []postgres.Media
	for _, p := range configs.DemoPhotos() {
		m, err := files.Put(p, "image/jpeg")
		if err != nil {
			t.Fatal(err)
		}
		photos = append(photos, postgres.Media{SHA256: m.SHA256, Mime: m.Mime, Kind: m.Kind, Size: m.Size, Path: m.Path})
	}
	if err := st.SeedDemoActivity(ctx, storetest.Demo(t), time.Now(), photos); err != nil {
		t.Fatal(err)
	}
	// Another kecamatan, whose facilitator must see nothing of the demo's.
	if _, err := st.ImportDesa(ctx, strings.NewReader("33.74.01.2001,Jatibarang,Mijen,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(fasPassword), bcrypt.MinCost)
	desa := "34.04.11.2002"
	for _, u := range []postgres.AdminUser{
		{Username: "fas", Role: postgres.AdminFasilitator, KecamatanKode: kecamatanDemo},
		{Username: "tpu", Role: postgres.AdminTPU, KecamatanKode: kecamatanDemo, DesaKode: &desa},
		{Username: "tv", Role: postgres.AdminTV, KecamatanKode: kecamatanDemo},
		{Username: "lain", Role: postgres.AdminFasilitator, KecamatanKode: "33.74.01"},
		{Username: "audit", Role: postgres.AdminAuditor, KecamatanKode: kecamatanDemo},
		// Above the kecamatan: the demo's kabupaten (no kabupaten row: the
		// code is enough), and the other kecamatan's.
		{Username: "fkab", Role: postgres.AdminFasilitatorKab, KabupatenKode: kabupatenDemo},
		{Username: "akab", Role: postgres.AdminAuditorKab, KabupatenKode: kabupatenDemo},
		{Username: "lainkab", Role: postgres.AdminFasilitatorKab, KabupatenKode: "33.74"},
	} {
		u.PasswordHash = string(hash)
		if err := st.CreateAdminUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	h := bottest.New(t, bottest.Options{Store: st, Media: files})
	mux := http.NewServeMux()
	h.Sim(mux)
	logs := &storetest.LogBuffer{}
	w := &web.Server{Store: st, Media: files, Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		SimEnabled: true, Wake: h.Disp.WakeAll, TrustForwardedFor: true, Checks: []web.Check{{Name: "postgres", Fn: st.Ping}}}
	w.Register(mux)
	h.Run(t)
	s := &site{srv: httptest.NewServer(mux), st: st, files: files, logs: logs}
	t.Cleanup(s.srv.Close)
	return s
}

// client is a browser without JavaScript: a cookie jar, no redirects
// followed unless asked.
type client struct {
	t    *testing.T
	s    *site
	http *http.Client
	csrf string
}

func (s *site) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, s: s, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) do(req *http.Request) (int, string, http.Header) {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfRe.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return resp.StatusCode, string(b), resp.Header
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.s.srv.URL+path, nil)
	code, body, _ := c.do(req)
	return code, body
}

// post sends a form as a same-origin page would, with the session's
// CSRF token unless the form sets its own.
func (c *client) post(path string, form url.Values) (int, string, http.Header) {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.s.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.s.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

func (c *client) login(user, password string) int {
	c.t.Helper()
	code, _, _ := c.post("/admin/masuk", url.Values{"username": {user}, "password": {password}})
	if code == http.StatusSeeOther {
		c.get("/admin/") // picks up the session's CSRF token
	}
	return code
}

// flashOf follows a redirect after a form and returns the page.
func (c *client) follow(code int, h http.Header) string {
	c.t.Helper()
	if code != http.StatusSeeOther {
		c.t.Fatalf("form answered %d, want a redirect", code)
	}
	u, _ := url.Parse(h.Get("Location"))
	_, body := c.get(u.RequestURI())
	return body
}

// detailPages are the admin pages of every gagasan, meeting and kegiatan.
func detailPages(t *testing.T, s *site) []string {
	t.Helper()
	var pages []string
	for _, q := range []struct{ prefix, sql string }{
		{"/admin/gagasan/", `SELECT code FROM gagasan ORDER BY code`},
		{"/admin/rapat/", `SELECT code FROM meetings ORDER BY code`},
		{"/admin/kegiatan/", `SELECT code FROM kegiatan ORDER BY code`},
	} {
		var codes []string
		if err := s.st.DB().Select(&codes, q.sql); err != nil {
			t.Fatal(err)
		}
		for _, c := range codes {
			pages = append(pages, q.prefix+c)
		}
	}
	return pages
}
