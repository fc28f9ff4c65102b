package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// `role list` names the meeting whose election granted a role, and "-"
// for one granted by hand.
func TestRoleListShowsSourceMeeting(t *testing.T) {
	ctx := context.Background()
	dbURL := storetest.URL(t)
	st, err := postgres.Open(ctx, dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SeedDemo(ctx, storetest.Demo(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
		VALUES ('R-PILIH1', 'MUSDES_SOSIALISASI', '34.04.11.2002', 'DESA', $1, 'Balai Desa', 'SELESAI', 30, 12)`, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	e, err := domain.CheckElected(domain.ElectedInput{Position: "TPK", Name: "sri wahyuni", Gender: "p", Phone: "0812 7000 1234"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.RecordElections(ctx, "R-PILIH1", []domain.Elected{e}, "test"); err != nil || n != 1 {
		t.Fatalf("elections: %d %v", n, err)
	}
	env := envOf(map[string]string{"DATABASE_URL": dbURL, "DATA_DIR": t.TempDir()})
	var out bytes.Buffer
	if err := run(ctx, []string{"role", "list", "34.04.11.2002"}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	var elected, byHand bool
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "DESA":
			if f[len(f)-1] != "SOURCE" {
				t.Fatalf("heading %q", line)
			}
		case f[2] == "+6281270001234":
			elected = f[1] == "TPK" && f[len(f)-1] == "R-PILIH1"
		case f[len(f)-1] == "-":
			byHand = true
		}
	}
	if !elected || !byHand {
		t.Fatalf("role list (elected %v, by hand %v):\n%s", elected, byHand, out.String())
	}
}
