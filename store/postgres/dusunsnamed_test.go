package postgres_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestDusunsNamed: a turn finds the dusun of a scope by their folded name
// (flow.FoldName: lower case, letters and digits only), in the scope only.
func TestDusunsNamed(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO dusun (desa_kode, nama) VALUES ('34.04.11.2004', 'Kejambon Lor')`); err != nil {
		t.Fatal(err)
	}
	turn, err := st.BeginTurn(ctx, "+6281299999999")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	for _, tc := range []struct {
		scope, folded string
		want          []string // desa kode/name of each dusun found, in order
	}{
		{"", "kejambon", []string{"34.04.11.2002/Kejambon"}},
		{"34.04.11", "kejambonlor", []string{"34.04.11.2004/Kejambon Lor"}},
		{"34.04.11.2004", "kejambon", nil},
		{"34.04.1", "kejambon", nil}, // a code prefix is no scope
		{"34.05", "jetis", nil},
		{"", "", nil},
	} {
		ds, err := turn.DusunsNamed(ctx, tc.scope, tc.folded)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.DesaKode+"/"+d.Nama)
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("DusunsNamed(%q, %q) = %v, want %v", tc.scope, tc.folded, got, tc.want)
		}
	}
}
