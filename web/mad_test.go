package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
)

// madSite is the site with the demo MAD's proposals of three desa, LAYAK
// with budgets, and its meetings held, unranked.
func madSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	if err := s.st.SeedDemoMADProposals(context.Background(), time.Now()); err != nil {
		t.Fatal(err)
	}
	return s
}

var madCodes = []string{"G-TAPAK4", "G-PANGN6", "G-AYRWT7", "G-JEMTN3", "G-PYNKM4", "G-KEPRM9", "G-PAMNY6"}

// madRanks is a ranking form: the proposals in madCodes' order.
func madRanks(action string) url.Values {
	f := url.Values{"cara": {"URUTAN"}, "aksi": {action}}
	for i, c := range madCodes {
		f.Set("r_"+c, string(rune('1'+i)))
	}
	return f
}

func (s *site) stage(t *testing.T, code string) domain.Status {
	t.Helper()
	var st domain.Status
	if err := s.st.DB().Get(&st, `SELECT status FROM gagasan WHERE code = $1`, code); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestMADFormRoundTrip: on the MAD Penetapan's page the facilitator sees
// the proposals by desa with budgets; one without a budget links to its
// page and ranking is refused until it has one; a preview records
// nothing; "Simpan peringkat" records; the Penetapan asks first, then
// moves every proposal, tells the senders and shows the delegates with
// the women among them; a second Penetapan is refused.
func TestMADFormRoundTrip(t *testing.T) {
	s := madSite(t)
	c := s.client(t)
	c.login("fas", fasPassword)
	const page = "/admin/rapat/R-MAPEN7/mad"
	if _, body := c.get("/admin/rapat/R-MAPEN7"); !strings.Contains(body, `href="`+page+`"`) {
		t.Fatal("the meeting page does not link its MAD page")
	}
	code, body := c.get(page)
	if code != 200 || !strings.Contains(body, "Desa Sindumartani") || !strings.Contains(body, "Rp 220.000.000") || !strings.Contains(body, "Alokasi Rp 500.000.000") {
		t.Fatalf("MAD page %d:\n%s", code, body)
	}

	// A proposal without a budget: shown with its link; ranking refused.
	if _, err := s.st.DB().Exec(`UPDATE proposals SET budget = NULL WHERE gagasan_id = (SELECT id FROM gagasan WHERE code = 'G-PAMNY6')`); err != nil {
		t.Fatal(err)
	}
	_, body = c.get(page)
	if !strings.Contains(body, `belum ada anggaran — <a href="/admin/gagasan/G-PAMNY6">`) || !strings.Contains(body, `id="why-peringkat"`) {
		t.Fatalf("no-budget proposal not shown as such:\n%s", body)
	}
	code, body, _ = c.post(page+"/peringkat", madRanks("simpan"))
	if code != http.StatusBadRequest || !strings.Contains(body, "Usulan G-PAMNY6 belum punya anggaran") {
		t.Fatalf("ranking with a budget missing: %d\n%s", code, body)
	}
	if _, err := s.st.DB().Exec(`UPDATE proposals SET budget = 140000000 WHERE gagasan_id = (SELECT id FROM gagasan WHERE code = 'G-PAMNY6')`); err != nil {
		t.Fatal(err)
	}

	// A rank given twice is refused on the form, with what was typed.
	bad := madRanks("simpan")
	bad.Set("r_G-PAMNY6", "1")
	if code, body, _ := c.post(page+"/peringkat", bad); code != http.StatusBadRequest || !strings.Contains(body, "Peringkat 1 diberikan dua kali") ||
		!strings.Contains(body, `name="r_G-PAMNY6" type="number" min="1" value="1"`) {
		t.Fatalf("a rank twice: %d\n%s", code, body)
	}
	// The preview shows the cut and the MKP check and records nothing.
	code, body, _ = c.post(page+"/peringkat", madRanks("pratinjau"))
	if code != 200 || !strings.Contains(body, `id="pratinjau"`) || !strings.Contains(body, "4 usulan didanai (Rp 450.000.000)") ||
		!strings.Contains(body, "Desa Bimomartani: 2 dari 3 usulan dari MKP — memenuhi syarat") ||
		!strings.Contains(body, "Desa Sindumartani: 1 dari 2 usulan dari MKP — <b>belum memenuhi syarat") {
		t.Fatalf("preview %d:\n%s", code, body)
	}
	var n int
	if err := s.st.DB().Get(&n, `SELECT count(*) FROM mad_rankings`); err != nil || n != 0 {
		t.Fatalf("a preview recorded %d rankings (%v)", n, err)
	}
	body = c.postFollow(page+"/peringkat", madRanks("simpan"))
	if !strings.Contains(body, "Peringkat disimpan: 4 dari 7 usulan masuk alokasi.") {
		t.Fatalf("after saving:\n%s", body)
	}
	for _, g := range madCodes {
		if st := s.stage(t, g); st != domain.StatusPrioritasMAD {
			t.Fatalf("%s at %s after the ranking", g, st)
		}
	}

	// The Penetapan: forwards, delegates, a confirmation first.
	pen := url.Values{"ke_G-JEMTN3": {"Dinas PU Sleman"}, "alasan_G-JEMTN3": {"Di luar batas biaya"},
		"u_34.04.11.2002_1_nama": {"Sri Wahyuni"}, "u_34.04.11.2002_1_jk": {"P"}, "u_34.04.11.2002_1_jabatan": {"KPMD"},
		"u_34.04.11.2002_2_nama": {"Suparjo"}, "u_34.04.11.2002_2_jk": {"L"},
		"u_34.04.11.2001_1_nama": {"Wagiyem"}, "u_34.04.11.2001_1_jk": {"P"}}
	_, body = c.get(page)
	for _, g := range []string{"G-JEMTN3", "G-KEPRM9", "G-PAMNY6"} {
		if !strings.Contains(body, `name="ke_`+g+`" maxlength="120" value="Musrenbang Kecamatan"`) ||
			!strings.Contains(body, `name="alasan_`+g+`" maxlength="300" placeholder="Alokasi BLM tidak cukup" value=""`) {
			t.Fatalf("no forward field for %s:\n%s", g, body)
		}
	}
	// G-KEPRM9's reason is left empty: the default, which its sender
	// reads in their language.
	pen.Set("ke_G-KEPRM9", "Musrenbang Kecamatan")
	pen.Set("alasan_G-KEPRM9", "")
	pen.Set("ke_G-PAMNY6", "Musrenbang Kecamatan")
	pen.Set("alasan_G-PAMNY6", "Alokasi BLM tidak cukup")
	short := url.Values{}
	for k, v := range pen {
		short[k] = v
	}
	short.Set("alasan_G-PAMNY6", "ab")
	if code, body, _ := c.post(page+"/penetapan", short); code != http.StatusBadRequest || !strings.Contains(body, "mengapa usulan G-PAMNY6 tidak didanai") {
		t.Fatalf("a forward with a reason too short: %d\n%s", code, body)
	}
	code, body, _ = c.post(page+"/penetapan", pen)
	if code != 200 || !strings.Contains(body, "Tetapkan hasil MAD?") || !strings.Contains(body, "4 usulan didanai, 3 usulan tidak didanai") {
		t.Fatalf("no confirmation: %d\n%s", code, body)
	}
	if st := s.stage(t, "G-TAPAK4"); st != domain.StatusPrioritasMAD {
		t.Fatal("the question moved a proposal")
	}
	var before int
	_ = s.st.DB().Get(&before, `SELECT count(*) FROM outbound_messages`)
	// Sindumartani's number is in a group linked to the whole desa.
	if _, err := s.st.DB().Exec(`INSERT INTO wa_groups (channel, jid, name, can_post, desa_kode, audience, linked_by, linked_at)
		VALUES ('whatsapp', 'sindu@g.us', 'Warga Sindumartani', true, '34.04.11.2001', 'DESA', 'KPMD', now())`); err != nil {
		t.Fatal(err)
	}
	// G-KEPRM9 was filed for a resident of Umbulmartani: their relative
	// hears in the desa's language.
	if _, err := s.st.DB().Exec(`UPDATE desa SET lang = 'jv' WHERE kode = '34.04.11.2005'`); err != nil {
		t.Fatal(err)
	}
	pen.Set("yakin", "1")
	body = c.postFollow(page+"/penetapan", pen)
	if !strings.Contains(body, "Penetapan MAD dicatat: 4 didanai, 3 diteruskan") || !strings.Contains(body, "dikirim ke 1 grup WhatsApp desa") || !strings.Contains(body, "Desa Bimomartani</b> (1 perempuan dari 2 utusan)") ||
		!strings.Contains(body, "diteruskan ke Dinas PU Sleman (Di luar batas biaya)") {
		t.Fatalf("after the Penetapan:\n%s", body)
	}
	for _, g := range madCodes {
		want := domain.StatusDidanai
		if g == "G-JEMTN3" || g == "G-KEPRM9" || g == "G-PAMNY6" {
			want = domain.StatusDiteruskan
		}
		if st := s.stage(t, g); st != want {
			t.Errorf("%s at %s, want %s", g, st, want)
		}
	}
	var after int
	_ = s.st.DB().Get(&after, `SELECT count(*) FROM outbound_messages WHERE kind <> 'group'`)
	// The three Bimomartani senders and the two relatives' numbers.
	if after-before != 5 {
		t.Errorf("%d messages queued, want 5", after-before)
	}
	// One post of Sindumartani's result, with the kecamatan board's link.
	var posts []string
	_ = s.st.DB().Select(&posts, `SELECT text FROM outbound_messages WHERE kind = 'group' AND to_phone = 'sindu@g.us'`)
	if len(posts) != 1 || !strings.Contains(posts[0], "Desa Sindumartani:\nDidanai:\n1. Posyandu Dusun Kemasan (Rp 90.000.000)") ||
		!strings.Contains(posts[0], "Dinas PU Sleman") || !strings.Contains(posts[0], "Rincian: http://") ||
		!strings.HasSuffix(posts[0], "/kecamatan/34.04.11") || strings.Contains(posts[0], "Wagiyem") {
		t.Errorf("Sindumartani's group posts: %q", posts)
	}
	var told string
	if err := s.st.DB().Get(&told, `SELECT text FROM outbound_messages WHERE text LIKE '%G-KEPRM9%' ORDER BY id DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if want := "Musrenbang Kecamatan: " + flows.ForwardReasonDefault("jv"); !strings.Contains(told, want) {
		t.Errorf("G-KEPRM9's relative (Javanese desa) told %q, want %q", told, want)
	}
	if !strings.Contains(body, "diteruskan ke Musrenbang Kecamatan (Alokasi BLM tidak cukup)") {
		t.Errorf("the default reason not on the page:\n%s", body)
	}
	if code, body, _ := c.post(page+"/penetapan", pen); code != http.StatusBadRequest || !strings.Contains(body, "sudah dicatat") {
		t.Fatalf("second Penetapan: %d\n%s", code, body)
	}
	if strings.Contains(body, `action="`+page+`/peringkat"`) {
		t.Error("a decided MAD still offers the ranking form")
	}
}

// TestMADRoles: an auditor reads the MAD page without its forms and may
// not post; a TPU (one desa) does not see it; another kecamatan's
// facilitator finds nothing; the kabupaten facilitator works in the
// kecamatan chosen, which the redirect keeps; settings are checked.
func TestMADRoles(t *testing.T) {
	s := madSite(t)
	const page = "/admin/rapat/R-MAPRY4/mad"
	a := s.client(t)
	a.login("audit", fasPassword)
	code, body := a.get(page)
	if code != 200 || !strings.Contains(body, "G-TAPAK4") || strings.Contains(body, "Simpan peringkat") || strings.Contains(body, "Simpan alokasi") {
		t.Fatalf("auditor: %d\n%s", code, body)
	}
	if code, _, _ := a.post(page+"/peringkat", madRanks("simpan")); code != http.StatusForbidden {
		t.Fatalf("auditor posts: %d", code)
	}
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	if code, _ := tpu.get(page); code != http.StatusForbidden {
		t.Fatalf("TPU reads the MAD: %d", code)
	}
	if code, body := tpu.get("/admin/rapat/R-MAPRY4"); code != 200 || strings.Contains(body, page) {
		t.Fatalf("the TPU's meeting page links the MAD page it may not see (%d)", code)
	}
	lain := s.client(t)
	lain.login("lain", fasPassword)
	if code, _ := lain.get(page); code != http.StatusNotFound {
		t.Fatalf("another kecamatan reads the MAD: %d", code)
	}
	if code, _, _ := lain.post(page+"/alokasi", url.Values{"jumlah": {"1"}, "mkp": {"0"}}); code != http.StatusNotFound {
		t.Fatalf("another kecamatan sets the allocation: %d", code)
	}

	k := s.client(t)
	k.login("fkab", fasPassword)
	if code, _ := k.get(page + "?kec=34.04.11"); code != 200 {
		t.Fatalf("kabupaten facilitator: %d", code)
	}
	code, _, h := k.post(page+"/alokasi?kec=34.04.11", url.Values{"jumlah": {"600 juta"}, "potong": {"berhenti"}, "mkp": {"0,5"}})
	if code != http.StatusSeeOther || !strings.Contains(h.Get("Location"), "kec=34.04.11") {
		t.Fatalf("allocation: %d %s", code, h.Get("Location"))
	}
	body = k.follow(code, h)
	if !strings.Contains(body, "Alokasi Rp 600.000.000 · daftar berhenti di usulan pertama yang tidak muat · syarat usulan MKP per desa paling sedikit 0,500") {
		t.Fatalf("allocation not shown:\n%s", body)
	}
	if code, body, _ := k.post(page+"/alokasi", url.Values{"jumlah": {"banyak"}, "mkp": {"0,5"}}); code != http.StatusBadRequest || !strings.Contains(body, "tidak terbaca sebagai jumlah Rupiah") {
		t.Fatalf("allocation typed in words: %d", code)
	}
	crit := url.Values{"k_1": {"manfaat"}, "l_1": {"Manfaat"}, "w_1": {"60"}, "k_2": {"urgensi"}, "l_2": {"Urgensi"}, "w_2": {"30"}}
	if code, body, _ := k.post(page+"/kriteria", crit); code != http.StatusBadRequest || !strings.Contains(body, "Jumlah bobot kriteria 90") {
		t.Fatalf("weights of 90: %d\n%s", code, body)
	}
	crit.Set("w_2", "40")
	if body := k.postFollow(page+"/kriteria", crit); !strings.Contains(body, "<td>Urgensi</td><td>40%</td>") {
		t.Fatalf("criteria not saved:\n%s", body)
	}
	// Scores by the kecamatan's criteria, in the preview.
	if _, body := k.get(page + "?kec=34.04.11&cara=SKOR"); !strings.Contains(body, `name="s_G-TAPAK4_urgensi"`) || strings.Contains(body, `name="r_G-TAPAK4"`) {
		t.Fatalf("the scoring form:\n%s", body)
	}
	f := url.Values{"cara": {"SKOR"}, "aksi": {"pratinjau"}}
	for i, c := range madCodes {
		f.Set("s_"+c+"_manfaat", "50")
		f.Set("s_"+c+"_urgensi", string(rune('0'+i)))
	}
	if code, body, _ := k.post(page+"/peringkat", f); code != 200 || !strings.Contains(body, "<td>G-PANGN6 Pelatihan olahan pangan ibu-ibu</td><td>Bimomartani</td><td>Rp 60.000.000</td><td>30,40</td>") {
		t.Fatalf("scored preview: %d\n%s", code, body)
	}
	// A Prioritas has no Penetapan.
	if code, body, _ := k.post(page+"/penetapan", url.Values{"yakin": {"1"}}); code != http.StatusBadRequest {
		t.Fatalf("Penetapan on a Prioritas: %d\n%s", code, body)
	}
}

// postFollow posts a form and follows its redirect to the page.
func (c *client) postFollow(path string, form url.Values) string {
	c.t.Helper()
	code, _, h := c.post(path, form)
	return c.follow(code, h)
}

// TestMADPageStaleAndReaders: a ranking made under an allocation that has
// changed since is not offered for the Penetapan (the page says to save
// it again) and the page shows the cycle's year; the MAD page is read by
// facilitators and auditors only, as its export: not by the Tim
// Verifikasi, whose meeting page does not link it either.
func TestMADPageStaleAndReaders(t *testing.T) {
	s := madSite(t)
	c := s.client(t)
	c.login("fas", fasPassword)
	const page = "/admin/rapat/R-MAPEN7/mad"
	if body := c.postFollow(page+"/peringkat", madRanks("simpan")); !strings.Contains(body, "Peringkat disimpan") {
		t.Fatalf("ranking:\n%s", body)
	}
	_, body := c.get(page)
	if !strings.Contains(body, `action="`+page+`/penetapan"`) || !strings.Contains(body, `id="siklus">Siklus tahun `) {
		t.Fatalf("the Penetapan form or the cycle's year missing:\n%s", body)
	}
	if _, err := s.st.DB().Exec(`UPDATE allocations SET amount = 225000000`); err != nil {
		t.Fatal(err)
	}
	_, body = c.get(page)
	if strings.Contains(body, `action="`+page+`/penetapan"`) || !strings.Contains(body, "Alokasi BLM atau aturan potongannya berubah sejak peringkat disimpan") {
		t.Fatalf("a stale ranking offered for the Penetapan:\n%s", body)
	}

	tv := s.client(t)
	tv.login("tv", fasPassword)
	if code, _ := tv.get(page); code != http.StatusForbidden {
		t.Errorf("the Tim Verifikasi reads the MAD page: %d", code)
	}
	if _, body := tv.get("/admin/rapat/R-MAPEN7"); strings.Contains(body, `id="halaman-mad"`) {
		t.Error("the TV's meeting page links the MAD page")
	}
	a := s.client(t)
	a.login("audit", fasPassword)
	if code, _ := a.get(page); code != 200 {
		t.Errorf("auditor: %d", code)
	}
}
