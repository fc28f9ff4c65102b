package postgres_test

import (
	"fmt"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// desasIn reads a scope's desa as a turn's flow does.
func desasIn(t testing.TB, st *postgres.Store, scope string) []domain.DesaPlace {
	t.Helper()
	turn, err := st.BeginTurn(ctx, "+6281299999999")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	ds, err := turn.DesasIn(ctx, scope)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestDesasInFollowsEveryChange: the desa list a turn reads from memory
// is the scope's, with kecamatan and kabupaten names, and follows every
// change to desa, kecamatan and kabupaten, whoever made it (here SQL from
// outside the store, as another process or psql would).
func TestDesasInFollowsEveryChange(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	names := func(ds []domain.DesaPlace) string {
		s := ""
		for _, d := range ds {
			s += fmt.Sprintf("%s %s (%s, %s); ", d.Kode, d.Nama, d.Kecamatan, d.Kabupaten)
		}
		return s
	}
	ngemplak := desasIn(t, st, "34.04.11")
	if len(ngemplak) != 5 || ngemplak[0].Nama != "Bimomartani" || ngemplak[0].Kecamatan != "Ngemplak" {
		t.Fatalf("Ngemplak: %s", names(ngemplak))
	}
	if all := desasIn(t, st, ""); len(all) != 5 {
		t.Fatalf("all: %s", names(all))
	}
	if one := desasIn(t, st, "34.04.11.2002"); len(one) != 1 || one[0].Nama != "Bimomartani" {
		t.Fatalf("by code: %s", names(one))
	}
	if none := desasIn(t, st, "34.05"); len(none) != 0 {
		t.Fatalf("another kabupaten: %s", names(none))
	}
	for _, step := range []struct {
		sql, scope, want string
	}{
		{`INSERT INTO kabupaten (kode, nama, provinsi_kode) VALUES ('34.04', 'Sleman', '34')`, "34.04.11.2002",
			"34.04.11.2002 Bimomartani (Ngemplak, Sleman); "},
		{`INSERT INTO kecamatan (kode, nama, tz) VALUES ('34.04.02', 'Godean', 'Asia/Jakarta');
		  INSERT INTO desa (kode, nama, kecamatan_kode) VALUES ('34.04.02.2003', 'Sidomulyo', '34.04.02')`, "34.04.02",
			"34.04.02.2003 Sidomulyo (Godean, Sleman); "},
		{`UPDATE desa SET nama = 'Sidomulya' WHERE kode = '34.04.02.2003'`, "34.04.02",
			"34.04.02.2003 Sidomulya (Godean, Sleman); "},
		{`UPDATE kecamatan SET nama = 'Godhean' WHERE kode = '34.04.02'`, "34.04.02",
			"34.04.02.2003 Sidomulya (Godhean, Sleman); "},
		{`UPDATE kabupaten SET nama = 'Kab. Sleman' WHERE kode = '34.04'`, "34.04.02",
			"34.04.02.2003 Sidomulya (Godhean, Kab. Sleman); "},
		{`DELETE FROM desa WHERE kode = '34.04.02.2003'`, "34.04.02", ""},
	} {
		if _, err := db.Exec(step.sql); err != nil {
			t.Fatal(err)
		}
		if got := names(desasIn(t, st, step.scope)); got != step.want {
			t.Fatalf("after %s:\n got %s\nwant %s", step.sql, got, step.want)
		}
	}
	// A desa's language is read from the list too.
	if _, err := db.Exec(`UPDATE desa SET lang = 'jv' WHERE kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	if d := desasIn(t, st, "34.04.11.2002"); d[0].Lang != "jv" {
		t.Fatalf("lang %q", d[0].Lang)
	}
}

// BenchmarkDesasIn: a desa step's read of a kabupaten of 300 desa, from
// memory (one version check) and, for comparison, the list from SQL.
func BenchmarkDesasIn(b *testing.B) {
	st := storetest.SeededStore(b)
	if _, err := st.DB().Exec(`INSERT INTO desa (kode, nama, kecamatan_kode)
		SELECT '34.04.11.' || (3000 + i), 'Desa ' || i, '34.04.11' FROM generate_series(1, 295) i`); err != nil {
		b.Fatal(err)
	}
	read := func(b *testing.B, f func(*postgres.Turn) (int, error)) {
		for i := 0; i < b.N; i++ {
			turn, err := st.BeginTurn(ctx, "+6281299999999")
			if err != nil {
				b.Fatal(err)
			}
			n, err := f(turn)
			turn.Rollback()
			if err != nil || n != 300 {
				b.Fatalf("%d desa, %v", n, err)
			}
		}
	}
	b.Run("memory", func(b *testing.B) {
		read(b, func(t *postgres.Turn) (int, error) {
			ds, err := t.DesasIn(ctx, "34.04")
			return len(ds), err
		})
	})
	b.Run("sql", func(b *testing.B) {
		read(b, func(t *postgres.Turn) (int, error) {
			ds, err := t.DesasFromSQL(ctx)
			return len(ds), err
		})
	})
}
