package postgres_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestAccessLogScope: each line keeps its admin user's scope, lines
// written before the column take their user's (migration 00026), and an
// auditor reads their scope's lines: a kecamatan's its own, a kabupaten's
// those of the kabupaten and of its kecamatan, never another's.
func TestAccessLogScope(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.ImportDesa(ctx, strings.NewReader("34.04.13.2001,Sardonoharjo,Ngaglik,Krajan\n33.74.01.2001,Jatibarang,Mijen,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	for _, u := range []postgres.AdminUser{
		{Username: "fas", Role: postgres.AdminFasilitator, KecamatanKode: "34.04.11"},
		{Username: "ngaglik", Role: postgres.AdminFasilitator, KecamatanKode: "34.04.13"},
		{Username: "mijen", Role: postgres.AdminFasilitator, KecamatanKode: "33.74.01"},
		{Username: "fkab", Role: postgres.AdminFasilitatorKab, KabupatenKode: "34.04"},
	} {
		u.PasswordHash = "x"
		if err := st.CreateAdminUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.MigrateDownTo(ctx, 25); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO access_log (admin, action, subject) VALUES
		('fas', 'lama', 'a'), ('mijen', 'lama', 'b'), ('fkab', 'lama', 'c'), ('dihapus', 'lama', 'd')`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for _, a := range []postgres.Access{{Admin: "fas", Scope: "34.04.11", Action: "baru"}, {Admin: "ngaglik", Scope: "34.04.13", Action: "baru"},
		{Admin: "mijen", Scope: "33.74.01", Action: "baru"}, {Admin: "fkab", Scope: "34.04", Action: "baru"}} {
		if err := st.LogAccess(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	reads := func(scope string) string {
		list, total, err := st.AccessPage(ctx, scope, "", postgres.ListPage{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range list {
			out = append(out, a.Admin+" "+a.Action)
		}
		if total != len(out) {
			t.Errorf("%s: total %d, listed %d", scope, total, len(out))
		}
		slices.Sort(out)
		return strings.Join(out, ", ")
	}
	for scope, want := range map[string]string{
		"34.04.11": "fas baru, fas lama",
		"34.04":    "fas baru, fas lama, fkab baru, fkab lama, ngaglik baru",
		"33.74.01": "mijen baru, mijen lama",
		"33.74":    "mijen baru, mijen lama",
		"34.04.1":  "",
	} {
		if got := reads(scope); got != want {
			t.Errorf("auditor of %s reads %q, want %q", scope, got, want)
		}
	}
}
