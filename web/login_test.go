package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestLoginBounds: a login form is a few KB at most, an over-long name is
// refused before the limiter, the database and the log, and a stranger
// guessing a facilitator's password from elsewhere does not lock her out.
func TestLoginBounds(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	postFrom := func(addr string, form url.Values) int {
		req, _ := http.NewRequest("POST", s.srv.URL+"/admin/masuk", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", s.srv.URL)
		req.Header.Set("X-Forwarded-For", addr)
		code, _, _ := c.do(req)
		return code
	}
	huge := url.Values{"username": {strings.Repeat("a", 9<<20)}, "password": {"salah-salah"}}
	if code := postFrom("203.0.113.9", huge); code != http.StatusRequestEntityTooLarge {
		t.Fatalf("9 MB name: %d, want 413", code)
	}
	// A name longer than any user's is refused without counting: twenty
	// of them leave the address's tries (20 at once) untouched.
	long := url.Values{"username": {strings.Repeat("b", 1000)}, "password": {"salah-salah"}}
	for range 20 {
		if code := postFrom("203.0.113.9", long); code != http.StatusUnauthorized {
			t.Fatalf("long name: %d, want 401", code)
		}
	}
	// A stranger guesses fas's password: the sixth try is refused, for
	// the stranger ...
	for range 5 {
		postFrom("203.0.113.9", url.Values{"username": {"fas"}, "password": {"tebak-tebak"}})
	}
	if code := postFrom("203.0.113.9", url.Values{"username": {"FAS"}, "password": {fasPassword}}); code != http.StatusTooManyRequests {
		t.Fatalf("stranger's sixth try: %d, want 429", code)
	}
	// ... and fas, from her own address, still logs in.
	if code := postFrom("198.51.100.7", url.Values{"username": {"fas"}, "password": {fasPassword}}); code != http.StatusSeeOther {
		t.Fatalf("fas after a stranger's guesses: %d, want 303", code)
	}
	c.get("/admin/")
	// Every admin form is bounded: 100 KB of note is refused with 413,
	// a proposal file within the media limit is not.
	if code, body, _ := c.post("/admin/gagasan/G-HEMAT7/tahap", url.Values{"tahap": {"VERIFIKASI"}, "catatan": {strings.Repeat("x", 100<<10)}}); code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "terlalu besar") {
		t.Fatalf("100 KB form: %d", code)
	}
	if code, _ := upload(t, c, "/admin/gagasan/G-HEMAT7/proposal", "berkas", "proposal.pdf", "application/pdf", append([]byte("%PDF-1.4\n"), make([]byte, 1<<20)...)); code != http.StatusSeeOther {
		t.Fatalf("1 MB proposal: %d", code)
	}
}

// TestCSRFFromBodyOnly: the session's token counts only in the form's
// body; one in the address (which ends up in logs and in the Referer) is
// refused.
func TestCSRFFromBodyOnly(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.login("fas", fasPassword)
	req, _ := http.NewRequest("POST", s.srv.URL+"/admin/gagasan/G-HEMAT7/tahap?csrf="+url.QueryEscape(c.csrf), strings.NewReader("tahap=VERIFIKASI"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if code, _, _ := c.do(req); code != http.StatusForbidden {
		t.Fatalf("token in the address: %d, want 403", code)
	}
	if code, _, _ := c.post("/admin/gagasan/G-HEMAT7/tahap", url.Values{"tahap": {"VERIFIKASI"}}); code != http.StatusSeeOther {
		t.Fatalf("token in the body: %d", code)
	}
}
