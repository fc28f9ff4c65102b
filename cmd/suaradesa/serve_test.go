package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestServeStopsMetricsWithTheRest: the metrics and profiler listener is
// shut down with the rest, gracefully: a profile being taken when serve is
// told to stop is finished and sent (it was cut off when serve returned),
// and when serve returns the listener is gone.
func TestServeStopsMetricsWithTheRest(t *testing.T) {
	env := sharedServers(t, 13)
	metricsAddr := freeAddr(t)
	env = append(env, "HTTP_ADDR="+freeAddr(t), "METRICS_ADDR="+metricsAddr)
	cfg, err := loadConfig(func(k string) string { return envValue(env, k) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	client := &http.Client{Timeout: 20 * time.Second}
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := client.Get("http://" + metricsAddr + "/metrics"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Since(start) > 20*time.Second {
			t.Fatal("the metrics listener did not come up")
		}
	}
	type result struct {
		status int
		size   int
		err    error
	}
	profile := make(chan result, 1)
	go func() {
		resp, err := client.Get("http://" + metricsAddr + "/debug/pprof/profile?seconds=2")
		if err != nil {
			profile <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		profile <- result{status: resp.StatusCode, size: len(b), err: err}
	}()
	time.Sleep(500 * time.Millisecond) // the profile is under way
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return")
	}
	if r := <-profile; r.err != nil || r.status != 200 || r.size == 0 {
		t.Fatalf("the profile under way was cut off: status %d, %d bytes, %v", r.status, r.size, r.err)
	}
	if c, err := net.DialTimeout("tcp", metricsAddr, time.Second); err == nil {
		c.Close()
		t.Fatal("the metrics listener is still open after serve returned")
	}
}
