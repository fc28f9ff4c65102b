package postgres_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// extract is a few rows of idn-area-data's own CSV files (testdata/wilayah):
// kabupaten Sleman whole, and one kecamatan in each of a WIB, a WITA and a
// WIT province.
var extract = os.DirFS("testdata/wilayah")

func readWilayah(t *testing.T, scope string) postgres.Wilayah {
	t.Helper()
	w, err := postgres.ReadWilayah(extract, scope)
	if err != nil {
		t.Fatalf("ReadWilayah(%s): %v", scope, err)
	}
	return w
}

func TestReadWilayah(t *testing.T) {
	w := readWilayah(t, "34.04")
	if len(w.Provinsi) != 1 || w.Provinsi[0] != (domain.Provinsi{Kode: "34", Nama: "Daerah Istimewa Yogyakarta", TimeZone: "Asia/Jakarta"}) {
		t.Fatalf("provinsi %+v", w.Provinsi)
	}
	if len(w.Kabupaten) != 1 || w.Kabupaten[0] != (domain.Kabupaten{Kode: "34.04", Nama: "Kabupaten Sleman", ProvinsiKode: "34"}) {
		t.Fatalf("kabupaten %+v (34.01 of the extract must stay out)", w.Kabupaten)
	}
	if len(w.Kecamatan) != 17 || len(w.Desa) != 86 {
		t.Fatalf("Sleman: %d kecamatan, %d desa; want 17 and 86", len(w.Kecamatan), len(w.Desa))
	}
	// A kecamatan brings its province and kabupaten, and its province's zone.
	for scope, want := range map[string]struct {
		prov, kab, kec, zone string
		desa                 int
	}{
		"34.04.11": {"Daerah Istimewa Yogyakarta", "Kabupaten Sleman", "Ngemplak", "WIB", 5},
		"51.71.01": {"Bali", "Kota Denpasar", "Denpasar Selatan", "WITA", 10},
		"94.01.01": {"Papua Tengah", "Kabupaten Nabire", "Nabire", "WIT", 12},
	} {
		w := readWilayah(t, scope)
		if len(w.Provinsi) != 1 || w.Provinsi[0].Nama != want.prov || len(w.Kabupaten) != 1 || w.Kabupaten[0].Nama != want.kab ||
			len(w.Kecamatan) != 1 || w.Kecamatan[0].Nama != want.kec || domain.ZoneAbbrev(w.Kecamatan[0].TimeZone) != want.zone ||
			len(w.Desa) != want.desa {
			t.Errorf("%s: %+v", scope, w)
		}
	}
	// Bimomartani is 34.04.11.2002, as the list says.
	for _, d := range readWilayah(t, "34.04.11").Desa {
		if d.Nama == "Bimomartani" && d.Kode != "34.04.11.2002" {
			t.Errorf("Bimomartani is %s", d.Kode)
		}
	}
	// A code of the wrong form, or not in the list, is refused clearly.
	for scope, rule := range map[string]string{"34.04.11.2002": "wilayah_kode_form", "Sleman": "wilayah_kode_form",
		"99": "wilayah_unknown", "34.99": "wilayah_unknown", "34.04.99": "wilayah_unknown", "51.01": "wilayah_unknown"} {
		_, err := postgres.ReadWilayah(extract, scope)
		if domain.ErrorCodeOf(err) != domain.EINVALID || !asRule(err, rule) {
			t.Errorf("ReadWilayah(%s) = %v, want the rule %s", scope, err, rule)
		}
	}
	// A province the time zone table does not know is an error, not WIB.
	bad := fstest.MapFS{
		"provinces.csv": {Data: []byte("code,name\n97,Provinsi Baru\n")},
		"regencies.csv": {Data: []byte("code,province_code,name\n")},
		"districts.csv": {Data: []byte("code,regency_code,name\n")},
		"villages.csv":  {Data: []byte("code,district_code,name\n")},
	}
	if _, err := postgres.ReadWilayah(bad, "97"); err == nil || !strings.Contains(err.Error(), "no time zone") {
		t.Errorf("a province without a zone: %v", err)
	}
	bad["provinces.csv"] = &fstest.MapFile{Data: []byte("code,name\n34,Daerah Istimewa Yogyakarta\n")}
	bad["regencies.csv"] = &fstest.MapFile{Data: []byte("kode,nama\n")}
	if _, err := postgres.ReadWilayah(bad, ""); err == nil || !strings.Contains(err.Error(), "first line") {
		t.Errorf("a file of another shape: %v", err)
	}
}

func asRule(err error, key string) bool {
	var de *domain.Error
	return errors.As(err, &de) && de.Rule != nil && de.Rule.Key == key
}

// TestImportWilayah: a kabupaten and then kecamatan of other provinces
// load with their codes, names and zones; a second import changes nothing
// and local data (a desa's language and board numbers, dusun) stays; a
// name the list corrects is counted updated.
func TestImportWilayah(t *testing.T) {
	st := storetest.Store(t)
	sleman := readWilayah(t, "34.04")
	res, err := st.ImportWilayah(ctx, sleman)
	if err != nil {
		t.Fatal(err)
	}
	want := postgres.WilayahResult{Provinsi: postgres.WilayahCounts{Added: 1}, Kabupaten: postgres.WilayahCounts{Added: 1},
		Kecamatan: postgres.WilayahCounts{Added: 17}, Desa: postgres.WilayahCounts{Added: 86}}
	if res != want {
		t.Fatalf("first import %+v, want %+v", res, want)
	}
	// Local data: a language, board numbers, dusun (desa import).
	if err := st.SetDesaLang(ctx, "34.04.11.2002", "jv"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDesaContact(ctx, "34.04.11.2002", postgres.DesaContact{WA: "+6281100009000"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportDesa(ctx, strings.NewReader("34.04.11.2002,Bimomartani,Ngemplak,Kejambon\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	res, err = st.ImportWilayah(ctx, sleman)
	want = postgres.WilayahResult{Provinsi: postgres.WilayahCounts{Unchanged: 1}, Kabupaten: postgres.WilayahCounts{Unchanged: 1},
		Kecamatan: postgres.WilayahCounts{Unchanged: 17}, Desa: postgres.WilayahCounts{Unchanged: 86}}
	if err != nil || res != want {
		t.Fatalf("second import %+v, %v; want %+v", res, err, want)
	}
	var local struct {
		Lang string `db:"lang"`
		WA   string `db:"wa_number"`
		Nama string `db:"nama"`
	}
	if err := st.DB().GetContext(ctx, &local, `SELECT lang, wa_number, nama FROM desa WHERE kode = '34.04.11.2002'`); err != nil ||
		local.Lang != "jv" || local.WA != "+6281100009000" || local.Nama != "Bimomartani" {
		t.Fatalf("Bimomartani after a second import: %+v, %v", local, err)
	}
	if dusun, err := st.ListDusun(ctx, "34.04.11.2002"); err != nil || len(dusun) != 1 {
		t.Fatalf("dusun after a second import %+v, %v", dusun, err)
	}
	// A name that differs from the list is put right, and counted.
	if _, err := st.DB().ExecContext(ctx, `UPDATE desa SET nama = 'Bimo' WHERE kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	if res, err := st.ImportWilayah(ctx, sleman); err != nil || res.Desa != (postgres.WilayahCounts{Updated: 1, Unchanged: 85}) {
		t.Fatalf("import over a changed name: %+v, %v", res.Desa, err)
	}
	// Kecamatan of a WITA and a WIT province, and one more of province 34.
	for _, scope := range []string{"51.71.01", "94.01.01", "34.01.01"} {
		res, err := st.ImportWilayah(ctx, readWilayah(t, scope))
		if err != nil || res.Kecamatan.Added != 1 || res.Kabupaten.Added != 1 {
			t.Fatalf("import %s: %+v, %v", scope, res, err)
		}
		if scope == "34.01.01" && res.Provinsi != (postgres.WilayahCounts{Unchanged: 1}) {
			t.Fatalf("province 34 imported again: %+v", res.Provinsi)
		}
	}
	zones := map[string]string{}
	kec, err := st.ListKecamatan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kec {
		zones[k.Kode] = domain.ZoneAbbrev(k.TimeZone)
	}
	if len(kec) != 20 || zones["34.04.11"] != "WIB" || zones["34.01.01"] != "WIB" || zones["51.71.01"] != "WITA" || zones["94.01.01"] != "WIT" {
		t.Fatalf("kecamatan zones %v", zones)
	}
	var kab []domain.Kabupaten
	if err := st.DB().SelectContext(ctx, &kab, `SELECT kode, nama, provinsi_kode FROM kabupaten ORDER BY kode`); err != nil ||
		len(kab) != 4 || kab[3] != (domain.Kabupaten{Kode: "94.01", Nama: "Kabupaten Nabire", ProvinsiKode: "94"}) {
		t.Fatalf("kabupaten %+v, %v", kab, err)
	}
	if tz := st.DesaTimeZone(ctx, "94.01.01.1001"); tz != "Asia/Jayapura" {
		t.Fatalf("Wonorejo (Nabire) is in %s", tz)
	}
	// `desa import` of dusun, WIB by default, keeps the list's zone.
	if _, err := st.ImportDesa(ctx, strings.NewReader("94.01.01.1001,Wonorejo,Nabire,Kampung Satu\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	if tz := st.DesaTimeZone(ctx, "94.01.01.1001"); tz != "Asia/Jayapura" {
		t.Fatalf("desa import moved Nabire to %s", tz)
	}
}
