package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The scale data set loads once on an empty database, and the report runs
// on it (here a fiftieth of it) and prints every figure; its fan-outs
// reach every reachable resident and leave nothing behind.
func TestScaleCommand(t *testing.T) {
	ctx := context.Background()
	dbURL := storetest.URL(t)
	env := envOf(map[string]string{"DATABASE_URL": dbURL, "DATA_DIR": t.TempDir(), "LOG_LEVEL": "warn"})
	var out bytes.Buffer
	if err := run(ctx, []string{"seed", "scale", "--fraction", "0.02"}, env, &out, &out); err != nil {
		t.Fatalf("seed scale: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "scale data set loaded in") || !strings.Contains(out.String(), "6 kecamatan, 6 desa, 24 dusun, 2000 residents") {
		t.Errorf("seed scale said:\n%s", out.String())
	}
	if err := run(ctx, []string{"seed", "scale", "--fraction", "0.02"}, env, &out, &out); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Errorf("second seed scale: %v, want a refusal", err)
	}
	st, err := postgres.Open(ctx, dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	count := func(q string) int {
		var n int
		if err := st.DB().GetContext(ctx, &n, q); err != nil {
			t.Fatal(err)
		}
		return n
	}
	reachable := count(`SELECT count(*) FROM contacts WHERE registered_at IS NOT NULL AND opted_out_at IS NULL AND channel <> ''`)
	holders := count(`SELECT count(DISTINCT c.id) FROM contacts c JOIN roles r ON r.phone = c.phone
		WHERE c.registered_at IS NOT NULL AND c.opted_out_at IS NULL AND c.channel <> ''`)
	queued := count(`SELECT count(*) FROM outbound_messages`)

	out.Reset()
	if err := run(ctx, []string{"bench", "scale", "--requests", "3"}, env, &out, &out); err != nil {
		t.Fatalf("bench scale: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	fields := map[string]float64{}
	for _, f := range strings.Fields(strings.TrimPrefix(last, "scale: ")) {
		k, v, ok := strings.Cut(f, "=")
		n, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			t.Fatalf("field %q in %q", f, last)
		}
		fields[k] = n
	}
	for _, page := range []string{"board", "print", "home", "gagasan", "meetings", "meeting", "people"} {
		for _, p := range []string{"_p50_ms", "_p95_ms"} {
			if fields[page+p] <= 0 {
				t.Errorf("%s%s = %v in %q", page, p, fields[page+p], last)
			}
		}
	}
	if fields["db_mb"] <= 0 {
		t.Errorf("db_mb = %v", fields["db_mb"])
	}
	// The organiser, the data set's KPMD (reachable, a role holder), is
	// not invited to her own meetings: everyone else is.
	if n := fields["fanout_residents_n"]; int(n) != reachable-1 {
		t.Errorf("the fan-out to every desa invited %v, %d residents are reachable (the organiser one of them)", n, reachable)
	}
	if n := fields["fanout_kabupaten_n"]; int(n) != holders-1 {
		t.Errorf("the kabupaten's MAD invited %v, %d role holders are reachable (the organiser one of them)", n, holders)
	}
	if n := fields["fanout_kecamatan_n"]; n <= 0 || n >= fields["fanout_kabupaten_n"] {
		t.Errorf("the kecamatan's MAD invited %v of %v", n, fields["fanout_kabupaten_n"])
	}
	if n := count(`SELECT count(*) FROM outbound_messages`); n != queued {
		t.Errorf("%d messages queued after the report, %d before", n, queued)
	}
}
