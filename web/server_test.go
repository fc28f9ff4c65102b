package web_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/suaradesa/suaradesa/store/storetest"
	"github.com/suaradesa/suaradesa/web"
)

func TestPublicPagesAndHealth(t *testing.T) {
	st := storetest.SeededStore(t)
	down := errors.New("down")
	var healthy atomic.Bool
	healthy.Store(true)
	s := &web.Server{Places: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SimEnabled: true,
		Checks: []web.Check{{Name: "postgres", Fn: st.Ping}, {Name: "redis", Fn: func(context.Context) error {
			if healthy.Load() {
				return nil
			}
			return down
		}}}}
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, "Bimomartani") || !strings.Contains(body, "/sim") {
		t.Fatalf("index %d: %s", code, body)
	}
	// The public page never shows the demo people's numbers or names.
	if _, body := get("/"); strings.Contains(body, "81100000001") || strings.Contains(body, "Sri Wahyuni") {
		t.Fatal("public page shows personal data")
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Fatalf("healthz %d", code)
	}
	if code, body := get("/readyz"); code != 200 || !strings.Contains(body, `"redis":"ok"`) {
		t.Fatalf("readyz %d %s", code, body)
	}
	healthy.Store(false)
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, `"redis":"down"`) {
		t.Fatalf("readyz with redis down: %d %s", code, body)
	}
	if code, _ := get("/nosuch"); code != 404 {
		t.Fatalf("unknown path %d", code)
	}
}
