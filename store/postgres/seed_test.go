package postgres_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestReadDemo: the demo data set the binary embeds reads as the one the
// tests seed from the source tree, with its fixed numbers; a damaged file
// is refused with its name.
func TestReadDemo(t *testing.T) {
	embedded, err := postgres.ReadDemo(configs.Demo)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(embedded, storetest.Demo(t)) {
		t.Fatal("the embedded demo differs from the source tree's")
	}
	staff, residents := embedded.Staff(), embedded.Residents()
	if len(staff) != 3 || staff[0].Phone != "+6281100000001" || staff[0].Role != "KPMD" || staff[1].Role != "TPK" ||
		len(residents) != 3 || residents[0].Name != "Siti Aminah" || residents[0].Role != "" || len(embedded.DesaCSV) == 0 {
		t.Fatalf("demo %+v %+v", staff, residents)
	}
	desa := &fstest.MapFile{Data: []byte("kode,nama,kecamatan,dusun\n")}
	for name, fsys := range map[string]fstest.MapFS{
		"no people file": {postgres.DemoDesaFile: desa},
		"no desa file":   {postgres.DemoPeopleFile: {Data: []byte("phone,name,role,desa_kode,dusun,gender\n")}},
		"wrong header":   {postgres.DemoDesaFile: desa, postgres.DemoPeopleFile: {Data: []byte("phone,name\n+6281100000001,Sri\n")}},
		"short row":      {postgres.DemoDesaFile: desa, postgres.DemoPeopleFile: {Data: []byte("phone,name,role,desa_kode,dusun,gender\n+6281100000001,Sri\n")}},
		"empty":          {postgres.DemoDesaFile: desa, postgres.DemoPeopleFile: {Data: []byte("# nothing\n")}},
	} {
		if _, err := postgres.ReadDemo(fsys); err == nil || !strings.Contains(err.Error(), "demo data") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
