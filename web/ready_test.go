package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/suaradesa/suaradesa/store/storetest"
	"github.com/suaradesa/suaradesa/web"
)

// TestReadyPerChannel: a stopped modem daemon or a logged-out WhatsApp
// number is reported in /readyz's body but leaves the service ready (200),
// so a load balancer keeps the other channels; only Postgres or Redis down
// is 503.
func TestReadyPerChannel(t *testing.T) {
	st := storetest.Store(t)
	var redisUp, modemUp atomic.Bool
	redisUp.Store(true)
	state := func(up *atomic.Bool) func(context.Context) error {
		return func(context.Context) error {
			if up.Load() {
				return nil
			}
			return errors.New("down")
		}
	}
	s := &web.Server{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Checks: []web.Check{{Name: "postgres", Fn: st.Ping}, {Name: "redis", Fn: state(&redisUp)}},
		Channels: []web.Check{{Name: "sms:gammu", Fn: state(&modemUp)},
			{Name: "whatsapp:+6281200000001", Fn: func(context.Context) error { return nil }}}}
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ready := func() (int, map[string]any) {
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, body
	}
	code, body := ready()
	ch, _ := body["channels"].(map[string]any)
	if code != 200 || body["postgres"] != "ok" || ch["sms:gammu"] != "down" || ch["whatsapp:+6281200000001"] != "ok" {
		t.Fatalf("modem down: %d %v", code, body)
	}
	modemUp.Store(true)
	if code, body := ready(); code != 200 || body["channels"].(map[string]any)["sms:gammu"] != "ok" {
		t.Fatalf("all up: %d %v", code, body)
	}
	redisUp.Store(false)
	if code, body := ready(); code != 503 || body["redis"] != "down" {
		t.Fatalf("redis down: %d %v", code, body)
	}
}
