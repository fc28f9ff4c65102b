package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestKabupatenOverview: one row per kecamatan of a scope, whatever its
// records, with the counts the tables hold; a kecamatan's scope gives its
// row only, another kabupaten's none of ours.
func TestKabupatenOverview(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	if _, err := st.ImportDesa(ctx, strings.NewReader("34.04.13.2001,Sardonoharjo,Ngaglik,Krajan\n33.74.01.2001,Jatibarang,Mijen,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO gagasan (code, desa_kode, category, title, status) VALUES
		('G-NGKAP7', '34.04.13.2001', 'INFRASTRUKTUR', 'Talud', 'DIDANAI'), ('G-MJEN34', '33.74.01.2001', 'EKONOMI', 'Pasar', 'DIDANAI'),
		('G-KAPAN3', '34.04.11.2002', 'EKONOMI', 'Pasar desa', 'DIDANAI'), ('G-KAPAN4', '34.04.11.2002', 'EKONOMI', 'Kios', 'TIDAK_DIDANAI')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women) VALUES
		('R-KAPAN3', 'MAD_PENETAPAN', '34.04.11.2002', 'MAD', now() - interval '2 days', 'Kecamatan', 'SELESAI', 40, 15),
		('R-KAPAN4', 'MUSDUS', '34.04.11.2002', 'DESA', now() - interval '9 days', 'Balai', 'SELESAI', 25, 10),
		('R-KAPAN6', 'MUSDUS', '34.04.13.2001', 'DESA', now() + interval '9 days', 'Balai', 'DIJADWALKAN', NULL, NULL)`); err != nil {
		t.Fatal(err)
	}
	var want struct {
		Desa      int `db:"desa"`
		Residents int `db:"residents"`
		Women     int `db:"women"`
		Gagasan   int `db:"gagasan"`
		Held      int `db:"held"`
		Attended  int `db:"attended"`
	}
	if err := db.Get(&want, `SELECT (SELECT count(*) FROM desa WHERE kecamatan_kode = '34.04.11') AS desa,
		(SELECT count(*) FROM contacts c JOIN desa d ON d.kode = c.desa_kode WHERE d.kecamatan_kode = '34.04.11' AND c.registered_at IS NOT NULL) AS residents,
		(SELECT count(*) FROM contacts c JOIN desa d ON d.kode = c.desa_kode WHERE d.kecamatan_kode = '34.04.11' AND c.registered_at IS NOT NULL AND c.gender = 'P') AS women,
		(SELECT count(*) FROM gagasan g JOIN desa d ON d.kode = g.desa_kode WHERE d.kecamatan_kode = '34.04.11') AS gagasan,
		(SELECT count(*) FROM meetings m JOIN desa d ON d.kode = m.desa_kode WHERE d.kecamatan_kode = '34.04.11' AND m.status = 'SELESAI') AS held,
		(SELECT coalesce(sum(attended), 0) FROM meetings m JOIN desa d ON d.kode = m.desa_kode WHERE d.kecamatan_kode = '34.04.11' AND m.status = 'SELESAI') AS attended`); err != nil {
		t.Fatal(err)
	}
	if want.Residents == 0 || want.Gagasan == 0 || want.Held == 0 {
		t.Fatalf("the demo has no residents, gagasan or meetings held: %+v", want)
	}
	rows, err := st.KabupatenOverview(ctx, "34.04", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Kode+" "+r.Nama)
	}
	if strings.Join(names, ", ") != "34.04.13 Ngaglik, 34.04.11 Ngemplak" {
		t.Fatalf("kecamatan %v", names)
	}
	ng, nm := rows[0], rows[1]
	total := 0
	for _, n := range nm.Stages {
		total += n
	}
	if nm.MAD != 1 || nm.AttendedWomen != 25 || nm.AttendedWomenPercent() != 38 || nm.Stages[domain.StatusTidakDidanai] != 1 {
		t.Fatalf("Ngemplak's MAD and women %+v", nm)
	}
	if nm.Desa != want.Desa || nm.Residents != want.Residents || nm.Women != want.Women || total != want.Gagasan ||
		nm.Meetings != want.Held || nm.Attended != want.Attended {
		t.Fatalf("Ngemplak %+v, want %+v", nm, want)
	}
	if ng.Desa != 1 || ng.Residents != 0 || ng.Stages[domain.StatusDidanai] != 1 || len(ng.Stages) != 1 || ng.Meetings != 0 || ng.Planned != 1 {
		t.Fatalf("Ngaglik %+v", ng)
	}
	if one, err := st.KabupatenOverview(ctx, "34.04.11", time.Now()); err != nil || len(one) != 1 || one[0].Residents != want.Residents {
		t.Fatalf("one kecamatan's scope: %+v %v", one, err)
	}
	if other, err := st.KabupatenOverview(ctx, "33.74", time.Now()); err != nil || len(other) != 1 || other[0].Nama != "Mijen" {
		t.Fatalf("another kabupaten: %+v %v", other, err)
	}
}

// TestAdminUserScope: a kabupaten user's scope is its kabupaten, which
// reaches every desa of its kecamatan and none of another kabupaten; its
// zone is that of its kecamatan. A kabupaten role needs a kabupaten with a
// kecamatan on the service, and no kecamatan.
func TestAdminUserScope(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.DB().Exec(`UPDATE kecamatan SET tz = 'Asia/Makassar' WHERE kode = '34.04.11'`); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAdminUser(ctx, postgres.AdminUser{Username: "fkab", PasswordHash: "x", Role: postgres.AdminFasilitatorKab, KabupatenKode: "34.04"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []postgres.AdminUser{
		{Username: "a", Role: postgres.AdminAuditorKab, KabupatenKode: "35.01"},
		{Username: "b", Role: postgres.AdminAuditorKab, KabupatenKode: "34.04.11"},
		{Username: "c", Role: postgres.AdminAuditorKab, KabupatenKode: "34.04", KecamatanKode: "34.04.11"},
		{Username: "d", Role: postgres.AdminFasilitator, KabupatenKode: "34.04"},
	} {
		bad.PasswordHash = "x"
		if err := st.CreateAdminUser(ctx, bad); err == nil {
			t.Errorf("created %+v", bad)
		}
	}
	token := []byte("0123456789abcdef0123456789abcdef")
	u, err := st.AdminUserByName(ctx, "fkab")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAdminSession(ctx, token, u.ID, "csrf", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	u, _, err = st.AdminSession(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if u.Scope() != "34.04" || u.KecamatanKode != "" || !u.Kabupaten() || !u.Facilitates() || u.TZ != "Asia/Makassar" {
		t.Fatalf("kabupaten user %+v, scope %s", u, u.Scope())
	}
	for kode, want := range map[string]bool{"34.04.11": true, "34.04.13": true, "34.0": false, "34.05.01": false, "33.74.01": false} {
		if got := u.CanSeeDesa(domain.Desa{Kode: kode + ".2001", KecamatanKode: kode}); got != want {
			t.Errorf("sees a desa of %s: %v", kode, got)
		}
	}
	kec := postgres.AdminUser{Role: postgres.AdminFasilitator, KecamatanKode: "34.04.11"}
	if kec.CanSeeDesa(domain.Desa{Kode: "34.04.13.2001", KecamatanKode: "34.04.13"}) || !kec.CanSeeDesa(domain.Desa{Kode: "34.04.11.2002", KecamatanKode: "34.04.11"}) {
		t.Error("a kecamatan user's reach is not its kecamatan")
	}
}
