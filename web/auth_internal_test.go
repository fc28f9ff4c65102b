package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestLoginLimiterBounded: no sequence of names and addresses grows the
// limiter beyond its capacity, and the newest entries are kept.
func TestLoginLimiterBounded(t *testing.T) {
	l := newLoginLimiter(100)
	for i := range 10_000 {
		l.allow("198.51.100."+strconv.Itoa(i%250), "nama-"+strconv.Itoa(i))
	}
	if n := l.byID.Len(); n > 100 {
		t.Fatalf("%d entries, want at most 100", n)
	}
	for range 5 {
		l.allow("203.0.113.1", "fas")
	}
	if l.allow("203.0.113.1", "fas") {
		t.Fatal("sixth try allowed")
	}
}

// TestLoginLogsACutName: a refused over-long name reaches the log cut, and
// the limiter not at all.
func TestLoginLogsACutName(t *testing.T) {
	var logs bytes.Buffer
	s := &Server{Log: slog.New(slog.NewTextHandler(&logs, nil))}
	mux := http.NewServeMux()
	s.Register(mux)
	name := strings.Repeat("n", 3000)
	req := httptest.NewRequest("POST", "/admin/masuk", strings.NewReader(url.Values{"username": {name}, "password": {"x"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("long name: %d", rec.Code)
	}
	if logs.Len() > 300 || strings.Contains(logs.String(), name[:100]) || !strings.Contains(logs.String(), "bytes=3000") {
		t.Fatalf("log line %q", logs.String())
	}
	if s.limiter.byID.Len() != 0 {
		t.Fatalf("limiter holds %d entries for a refused name", s.limiter.byID.Len())
	}
}
