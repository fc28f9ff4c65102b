package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// Revoking a role and removing a map item or criterion ask first: the
// first post changes nothing and shows what would go, with a button that
// posts the same form confirmed, and a way back.
func TestDestructiveActionsAsk(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	var role struct {
		Phone string `db:"phone"`
		Role  string `db:"role"`
		Desa  string `db:"desa_kode"`
	}
	if err := s.st.DB().Get(&role, `SELECT phone, role, desa_kode FROM roles WHERE desa_kode = '34.04.11.2002' ORDER BY phone LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// The question names the role in words and the person by name
	// (TestFacilitatorWords checks a TPK's words).
	var name string
	_ = s.st.DB().Get(&name, `SELECT name FROM contacts WHERE phone = $1`, role.Phone)
	roleWords := map[string]string{"KPMD": "Kader desa (KPMD)", "TPK": "Tim Pelaksana Kegiatan (TPK)", "TV": "Tim Verifikasi (TV)", "TPU": "Tim Penulis Usulan (TPU)", "FASILITATOR": "Fasilitator"}
	var kej, item, crit int64
	_ = s.st.DB().Get(&kej, `SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' AND nama = 'Kejambon'`)
	dusun := strconv.FormatInt(kej, 10)
	if err := s.st.DB().Get(&item, `SELECT id FROM map_items WHERE title = 'Jalan tanah licin saat hujan'`); err != nil {
		t.Fatal(err)
	}
	if err := s.st.DB().Get(&crit, `INSERT INTO poverty_criteria (dusun_id, level, text) VALUES ($1, 'MISKIN', 'Lantai rumah dari tanah') RETURNING id`, kej); err != nil {
		t.Fatal(err)
	}
	count := func(sql string, args ...any) int {
		var n int
		if err := s.st.DB().Get(&n, sql, args...); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, c := range []struct {
		path     string
		form     url.Values
		question string
		left     func() int
	}{
		{"/admin/peran", url.Values{"aksi": {"cabut"}, "nomor": {role.Phone}, "peran": {role.Role}, "desa": {role.Desa}},
			"Cabut peran " + roleWords[role.Role] + " Desa Bimomartani dari " + name + " (" + role.Phone + ")?",
			func() int {
				return count(`SELECT count(*) FROM roles WHERE phone = $1 AND role = $2 AND desa_kode = $3`, role.Phone, role.Role, role.Desa)
			}},
		{"/admin/peta/ubah", url.Values{"dusun": {dusun}, "id": {strconv.FormatInt(item, 10)}, "aksi": {"hapus"}},
			"Hapus “Jalan tanah licin saat hujan” dari peta Dusun Kejambon?",
			func() int {
				return count(`SELECT count(*) FROM map_items WHERE id = $1 AND removed_at IS NULL`, item)
			}},
		{"/admin/peta/hapus-kriteria", url.Values{"dusun": {dusun}, "id": {strconv.FormatInt(crit, 10)}},
			"Hapus kriteria “Lantai rumah dari tanah” dari Dusun Kejambon?",
			func() int { return count(`SELECT count(*) FROM poverty_criteria WHERE id = $1`, crit) }},
	} {
		code, body, _ := fas.post(c.path, c.form)
		body = strings.ReplaceAll(body, "&#43;", "+")
		if code != http.StatusOK || !strings.Contains(body, c.question) || c.left() != 1 {
			t.Fatalf("%s: %d, question shown %v, still there %d", c.path, code, strings.Contains(body, c.question), c.left())
		}
		if !strings.Contains(body, `<input type="hidden" name="yakin" value="ya">`) || !strings.Contains(body, `id="batal"`) ||
			!strings.Contains(body, `action="`+c.path+`"`) || !strings.Contains(body, `class="danger" id="yakin"`) {
			t.Fatalf("%s: the question has no confirming form or way back", c.path)
		}
		// The confirmation posts the same fields, which the page carries.
		for name, vs := range c.form {
			if !strings.Contains(body, `name="`+name+`" value="`+vs[0]+`"`) {
				t.Fatalf("%s: the question drops %s", c.path, name)
			}
		}
		c.form.Set("yakin", "ya")
		if code, _, _ := fas.post(c.path, c.form); code != http.StatusSeeOther || c.left() != 0 {
			t.Fatalf("%s confirmed: %d, still there %d", c.path, code, c.left())
		}
	}
}
