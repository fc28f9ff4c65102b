package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestEmbeddedWilayah: the region list in the binary reads whole, with the
// row counts of idn-area-data 4.0.1 and a time zone for every province.
// (After scripts/wilayah-data.sh brings a new version, put its counts here.)
func TestEmbeddedWilayah(t *testing.T) {
	w, err := postgres.ReadWilayah(configs.Wilayah(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Provinsi) != 38 || len(w.Kabupaten) != 514 || len(w.Kecamatan) != 7285 || len(w.Desa) != 83762 {
		t.Fatalf("embedded list: %d provinsi, %d kabupaten, %d kecamatan, %d desa; want 38, 514, 7285, 83762",
			len(w.Provinsi), len(w.Kabupaten), len(w.Kecamatan), len(w.Desa))
	}
	zones := map[string]int{}
	for _, k := range w.Kecamatan {
		zones[domain.ZoneAbbrev(k.TimeZone)]++
	}
	if zones["WIB"] == 0 || zones["WITA"] == 0 || zones["WIT"] == 0 {
		t.Fatalf("kecamatan per zone %v", zones)
	}
	for _, c := range []struct{ scope, nama string }{{"34.04", "Kabupaten Sleman"}, {"34.04.11", "Ngemplak"}} {
		w, err := postgres.ReadWilayah(configs.Wilayah(), c.scope)
		if err != nil {
			t.Fatal(err)
		}
		got := w.Kabupaten[0].Nama
		if len(c.scope) > 5 {
			got = w.Kecamatan[0].Nama
		}
		if got != c.nama {
			t.Errorf("%s is %q, want %q", c.scope, got, c.nama)
		}
	}
}

// TestWilayahImportAndSeedDemo: `wilayah import 34.04` then `seed demo`
// gives the real Sleman with the demo's dusun and people, and so does the
// other order; a second import changes nothing.
func TestWilayahImportAndSeedDemo(t *testing.T) {
	var dumps []string
	for _, order := range [][]string{{"wilayah", "seed"}, {"seed", "wilayah"}} {
		url := storetest.URL(t)
		env := envOf(map[string]string{"DATABASE_URL": url, "DATA_DIR": t.TempDir()})
		cmd := func(args ...string) string {
			var out bytes.Buffer
			if err := run(context.Background(), args, env, &out, &out); err != nil {
				t.Fatalf("%v: %v\n%s", args, err, out.String())
			}
			return out.String()
		}
		for _, step := range order {
			if step == "seed" {
				cmd("seed", "demo")
				continue
			}
			cmd("wilayah", "import", "34.04")
		}
		if out := cmd("wilayah", "import", "34.04"); !strings.Contains(out, "0 added      0 updated     86 unchanged") {
			t.Fatalf("a second import (%v) changed something:\n%s", order, out)
		}
		dumps = append(dumps, dumpPlaces(t, url))
	}
	if dumps[0] != dumps[1] {
		t.Fatalf("wilayah then seed:\n%s\nseed then wilayah:\n%s", dumps[0], dumps[1])
	}
	for _, want := range []string{"34.04.11.2002 Bimomartani 34.04.11 id +6281100009000", "34.04.17 Cangkringan Asia/Jakarta", "34.04 Kabupaten Sleman 34", "34.04.11.2002 Kejambon"} {
		if !strings.Contains(dumps[0], want) {
			t.Errorf("the dump lacks %q:\n%s", want, dumps[0])
		}
	}
	if n := strings.Count(dumps[0], "\ndesa "); n != 86 {
		t.Errorf("%d desa, want Sleman's 86", n)
	}
}

// dumpPlaces writes the region tables and the dusun, one row a line.
func dumpPlaces(t *testing.T, url string) string {
	t.Helper()
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out strings.Builder
	for _, q := range []string{
		`SELECT 'provinsi ' || concat_ws(' ', kode, nama, tz) FROM provinsi ORDER BY kode`,
		`SELECT 'kabupaten ' || concat_ws(' ', kode, nama, provinsi_kode) FROM kabupaten ORDER BY kode`,
		`SELECT 'kecamatan ' || concat_ws(' ', kode, nama, tz, tranches) FROM kecamatan ORDER BY kode`,
		`SELECT 'desa ' || concat_ws(' ', kode, nama, kecamatan_kode, lang, wa_number, sms_number) FROM desa ORDER BY kode`,
		`SELECT 'dusun ' || concat_ws(' ', desa_kode, nama) FROM dusun ORDER BY desa_kode, nama`,
		`SELECT 'contacts ' || count(*) FROM contacts`,
	} {
		var rows []string
		if err := db.Select(&rows, q); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out.WriteString("\n" + r)
		}
	}
	return out.String()
}
