package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/web"
)

// refusedForm is a form the rules refuse, as a facilitator would send it.
type refusedForm struct {
	name   string
	path   string
	form   url.Values
	reason string   // the Indonesian reason shown
	kept   []string // what must be in the page again: typed values
}

var refusedForms = []refusedForm{
	{"tranche 2 before a 40% report", "/admin/kegiatan/K-KEJAM3/cair", url.Values{"tahap": {"2"}},
		"Tahap 2 baru dapat cair setelah ada laporan kemajuan paling sedikit 40%", nil},
	{"PELAKSANAAN to DITOLAK", "/admin/gagasan/G-KEJAM3/tahap", url.Values{"tahap": {"DITOLAK"}, "catatan": {"tidak sesuai RPJMDes"}},
		"Gagasan pada tahap „Sedang dikerjakan oleh TPK” tidak dapat dipindah ke „Tidak dilanjutkan”", []string{`value="tidak sesuai RPJMDes"`}},
	{"outcome before the meeting", "/admin/rapat/R-MKPAC3/hasil",
		url.Values{"hadir": {"31"}, "perempuan": {"12"}, "putusan_G-TAMAN4": {"USULAN_DESA"}, "catatan_G-TAMAN4": {"disepakati warga"}},
		"Rapat R-MKPAC3 belum dimulai", []string{`value="31"`, `value="12"`, `value="disepakati warga"`, `<option value="USULAN_DESA" selected>`}},
	{"not a possible phone number", "/admin/peran", url.Values{"aksi": {"beri"}, "nomor": {"0812"}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}},
		"Nomor telepon itu tidak mungkin ada", []string{`value="0812"`, `<option value="TPK" selected>`}},
	{"merge into an unknown code", "/admin/gagasan/G-PAWAC6/gabung", url.Values{"ke": {"G-ZZZZZ9"}},
		"Tidak ada gagasan G-ZZZZZ9 untuk tujuan penggabungan", []string{`value="G-ZZZZZ9"`}},
	{"a budget that is no number", "/admin/kegiatan", url.Values{"gagasan": {"G-HEMAT7"}, "anggaran": {"seratus juta"}, "satuan": {"unit"}, "tpk": {"+6281100000012"}},
		"„seratus juta” tidak terbaca sebagai jumlah Rupiah", []string{`value="seratus juta"`, `value="unit"`, `value="&#43;6281100000012"`}},
}

// Every refusal is said in Bahasa Indonesia above the same form, in the
// admin layout (its menu), with what was typed kept; nothing changed.
func TestRefusalOnSameForm(t *testing.T) {
	s := newSite(t)
	fundHemat(t, s)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	for _, f := range refusedForms {
		code, body, _ := fas.post(f.path, f.form)
		if code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", f.name, code)
			continue
		}
		// Why stands right above the form refused, once.
		at := strings.Index(body, `<p class="error" role="alert" id="ditolak" tabindex="-1" autofocus>`+f.reason)
		form := -1
		if at >= 0 {
			form = strings.Index(body[at:], `action="`+f.path+`"`) + at
		}
		if at < 0 || form < at || strings.Count(body[at:form], "<form") != 1 || strings.Count(body, `role="alert"`) != 1 {
			t.Errorf("%s: the reason %q is not right above the form:\n%s", f.name, f.reason, body)
		}
		if !strings.Contains(body, `<a href="/admin/aduan">Aduan</a>`) {
			t.Errorf("%s: the page has no admin menu", f.name)
		}
		if !strings.Contains(body, `action="`+f.path+`"`) {
			t.Errorf("%s: the form is not on the page again", f.name)
		}
		for _, k := range f.kept {
			if !strings.Contains(body, k) {
				t.Errorf("%s: %s not kept", f.name, k)
			}
		}
	}
	// A page without a place above its forms (the map) says why on top,
	// in the layout.
	var dusun string
	if err := s.st.DB().Get(&dusun, `SELECT id::text FROM dusun WHERE desa_kode = '34.04.11.2002' ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	code, body, _ := fas.post("/admin/peta/item", url.Values{"dusun": {dusun}, "jenis": {"MASALAH"}, "judul": {"x"}})
	if code != http.StatusBadRequest || !regexp.MustCompile(`<main>\s*<p class="error" role="alert">Judul isi peta paling sedikit 3 huruf.</p>`).MatchString(body) || !strings.Contains(body, `<a href="/admin/aduan">Aduan</a>`) {
		t.Errorf("a refused map item: %d\n%s", code, body)
	}
	var merged int
	if err := s.st.DB().Get(&merged, `SELECT count(*) FROM gagasan WHERE merged_into IS NOT NULL`); err != nil || merged != 0 {
		t.Fatalf("a refused merge changed something: %d %v", merged, err)
	}
}

// englishFragments are the fixed words of every rule's English message
// that do not also stand in an Indonesian text (some rules' messages are
// Indonesian already): no page may show them.
func englishFragments(t *testing.T) []string {
	texts, err := web.RefusalTexts()
	if err != nil {
		t.Fatal(err)
	}
	var id strings.Builder
	for _, v := range texts {
		id.WriteString(strings.ToLower(v) + "\n")
	}
	verb := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	var out []string
	for _, r := range domain.Rules() {
		for _, part := range verb.Split(r.English, -1) {
			part = strings.Trim(part, " ,.:;()")
			if len(strings.Fields(part)) < 2 || len(part) < 8 || strings.Contains(id.String(), strings.ToLower(part)) {
				continue
			}
			out = append(out, part)
		}
	}
	return out
}

// Golden check: no admin page, nor any refused form, shows an English
// sentence of a domain rule.
func TestNoEnglishRuleOnAdminPages(t *testing.T) {
	s := newSite(t)
	fundHemat(t, s)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	frags := englishFragments(t)
	if len(frags) < 50 {
		t.Fatalf("only %d English fragments: %q", len(frags), frags)
	}
	check := func(what, body string) {
		for _, f := range frags {
			if strings.Contains(body, f) {
				t.Errorf("%s shows English %q", what, f)
			}
		}
	}
	for _, p := range []string{"/admin/", "/admin/gagasan", "/admin/gagasan/G-KEJAM3", "/admin/gagasan/G-PAWAC6", "/admin/rapat",
		"/admin/rapat/R-MKPAC3", "/admin/rapat/R-TANGJ4", "/admin/kegiatan", "/admin/kegiatan/K-KEJAM3", "/admin/aduan", "/admin/warga",
		"/admin/peta", "/admin/suara", "/admin/whatsapp", "/admin/gagasan/G-ZZZZZ9"} {
		_, body := fas.get(p)
		check(p, body)
	}
	for _, f := range refusedForms {
		_, body, _ := fas.post(f.path, f.form)
		check(f.name, body)
	}
	// And one more of each kind the site can meet: a stage the rule
	// refuses, a rejection without reason, a complaint moved back.
	for _, f := range []refusedForm{
		{path: "/admin/gagasan/G-PAWAC6/tahap", form: url.Values{"tahap": {"DIDANAI"}}},
		{path: "/admin/gagasan/G-PAWAC6/tahap", form: url.Values{"tahap": {"DITOLAK"}}},
		{path: "/admin/gagasan/G-PAWAC6/tahap", form: url.Values{"tahap": {"ENTAH"}}},
		{path: "/admin/aduan/A-HAR4NA", form: url.Values{"status": {"DITERIMA"}}},
		{path: "/admin/peran", form: url.Values{"nomor": {"+6281100000012"}, "peran": {"RAJA"}, "desa": {"34.04.11.2002"}}},
	} {
		code, body, _ := fas.post(f.path, f.form)
		if code != http.StatusBadRequest {
			t.Errorf("%s %v: %d", f.path, f.form, code)
		}
		check(f.path, body)
	}
}

// Only what the rules allow now is offered: a disabled action says what
// the rule lacks, in the rule's own words.
func TestOnlyPossibleActions(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, body := fas.get("/admin/kegiatan/K-KEJAM3")
	if !regexp.MustCompile(`<button type="submit" disabled aria-describedby="why-cair">Catat cair tahap 2</button>`).MatchString(body) ||
		!strings.Contains(body, `id="why-cair">Belum dapat dicatat: Tahap 2 baru dapat cair setelah ada laporan kemajuan paling sedikit 40%`) {
		t.Errorf("tranche 2 offered before a 40%% report:\n%s", body)
	}
	_, body = fas.get("/admin/gagasan/G-KEJAM3") // under construction
	for _, want := range []string{`disabled aria-describedby="why-tolak">Tolak</button>`, `disabled aria-describedby="why-gabung">Gabungkan</button>`,
		`id="why-tolak">Tidak dapat ditolak: Gagasan pada tahap „Sedang dikerjakan oleh TPK”`} {
		if !strings.Contains(body, want) {
			t.Errorf("gagasan under construction: no %q", want)
		}
	}
	_, body = fas.get("/admin/gagasan/G-PAWAC6")
	if strings.Contains(body, "why-tolak") || strings.Contains(body, "why-gabung") || !strings.Contains(body, `<button type="submit">Tolak</button>`) {
		t.Error("a gagasan waiting to be discussed cannot be rejected or merged")
	}
	_, body = fas.get("/admin/rapat/R-MKPAC3")
	if !strings.Contains(body, `<fieldset class="bare" disabled aria-describedby="why-hasil">`) || !strings.Contains(body, `id="why-hasil">Rapat R-MKPAC3 belum dimulai`) {
		t.Error("an outcome offered before the meeting")
	}
	// Once the meeting has started, its outcome is offered.
	if _, err := s.st.DB().Exec(`UPDATE meetings SET starts_at = now() - interval '1 hour' WHERE code = 'R-MKPAC3'`); err != nil {
		t.Fatal(err)
	}
	_, body = fas.get("/admin/rapat/R-MKPAC3")
	if strings.Contains(body, "why-hasil") || !strings.Contains(body, `<fieldset class="bare">`) {
		t.Error("the outcome of a meeting that started is not offered")
	}
	if strings.Contains(body, "lewat grup") {
		t.Error("invitations by group shown for a meeting without")
	}
	// Invitations that went by a group post are counted apart.
	if _, err := s.st.DB().Exec(`INSERT INTO invitations (meeting_id, contact_id, by_group)
		SELECT m.id, c.id, true FROM meetings m JOIN contacts c ON c.desa_kode = m.desa_kode WHERE m.code = 'R-MKPAC3' ORDER BY c.id LIMIT 2
		ON CONFLICT (meeting_id, contact_id) DO UPDATE SET outbound_id = NULL, by_group = true`); err != nil {
		t.Fatal(err)
	}
	var n int
	_ = s.st.DB().Get(&n, `SELECT count(*) FROM invitations WHERE by_group`)
	if _, body = fas.get("/admin/rapat/R-MKPAC3"); n == 0 || !strings.Contains(body, fmt.Sprintf("· lewat grup WhatsApp %d ·", n)) {
		t.Errorf("%d invitations by group not shown", n)
	}
}

// Times on admin pages are in the desa's zone, named (they were UTC,
// unnamed).
func TestAdminTimesInDesaZone(t *testing.T) {
	s := newSite(t)
	if _, err := s.st.DB().Exec(`UPDATE kecamatan SET tz = 'Asia/Jayapura' WHERE kode = $1`, kecamatanDemo); err != nil {
		t.Fatal(err)
	}
	var created time.Time
	if err := s.st.DB().Get(&created, `SELECT created_at FROM gagasan WHERE code = 'G-TAMAN4'`); err != nil {
		t.Fatal(err)
	}
	fas := s.client(t)
	fas.login("fas", fasPassword)
	jayapura, _ := time.LoadLocation("Asia/Jayapura")
	_, body := fas.get("/admin/gagasan/G-TAMAN4")
	if want := created.In(jayapura).Format("02/01/2006 15.04") + " WIT"; !strings.Contains(body, want) {
		t.Fatalf("no %q on the gagasan page", want)
	}
}

// fundHemat makes G-HEMAT7 funded, so that the kegiatan form is offered.
func fundHemat(t *testing.T, s *site) {
	if _, err := s.st.DB().Exec(`UPDATE gagasan SET status = 'DIDANAI' WHERE code = 'G-HEMAT7'`); err != nil {
		t.Fatal(err)
	}
}
