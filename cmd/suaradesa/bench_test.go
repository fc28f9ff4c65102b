package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
)

// The load generator drives a real service through the simulator, measures
// the floor on the same servers, and ends with the one line tools read.
func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	p, env := seededService(t, 10)
	var out bytes.Buffer
	args := []string{"bench", "--url", "http://" + p.addr, "--residents", "6", "--concurrency", "3", "--think", "20ms",
		"--pid", strconv.Itoa(p.cmd.Process.Pid)}
	if err := run(context.Background(), args, func(k string) string { return envValue(env, k) }, &out, &out); err != nil {
		t.Fatalf("bench: %v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	fields := map[string]float64{}
	for _, f := range strings.Fields(strings.TrimPrefix(last, "bench: ")) {
		k, v, ok := strings.Cut(f, "=")
		n, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			t.Fatalf("field %q in %q", f, last)
		}
		fields[k] = n
	}
	for _, k := range []string{"msgs_per_s", "p50_ms", "p95_ms", "p99_ms", "floor_msgs_per_s", "ratio", "peak_rss_mb", "paced_p50_ms", "paced_p99_ms"} {
		if fields[k] <= 0 {
			t.Errorf("%s = %v in %q", k, fields[k], last)
		}
	}
	if v, ok := fields["errors"]; !ok || v != 0 {
		t.Errorf("errors = %v in %q", v, last)
	}
	if !strings.Contains(out.String(), "service: 60 messages") || !strings.Contains(out.String(), "paced: 3 residents at once") {
		t.Errorf("report:\n%s", out.String())
	}
}
