package web_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// say posts one simulated message and checks it was accepted (the pipeline
// handles it before answering).
func (s *site) say(t *testing.T, from string, body map[string]any) {
	t.Helper()
	body["from"] = from
	raw, _ := json.Marshal(body)
	resp, err := http.Post(s.srv.URL+"/sim/inbound", "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("%v: %d", body, resp.StatusCode)
	}
}

// voiceGagasan: a resident of the demo desa sends a gagasan whose
// description is a voice note; its code.
func (s *site) voiceGagasan(t *testing.T) string {
	t.Helper()
	ogg := base64.StdEncoding.EncodeToString(append([]byte("OggS\x00\x02"), make([]byte, 64)...))
	for _, m := range []map[string]any{
		{"text": "halo"}, {"text": "ya"}, {"text": "Tukiyem"}, {"text": "1"}, {"text": "1"}, {"text": "1"},
		{"text": "GAGASAN"}, {"text": "2"}, {"text": "3"}, {"text": "Kandang kambing bersama"},
		{"audio": map[string]any{"mime": "audio/ogg", "data_base64": ogg}},
		{"text": "1"}, {"text": "LEWATI"}, {"text": "LEWATI"}, {"text": "LEWATI"}, {"text": "YA"},
	} {
		s.say(t, "081234567801", m)
	}
	var code string
	if err := s.st.DB().Get(&code, `SELECT code FROM gagasan WHERE title = 'Kandang kambing bersama'`); err != nil {
		var out []string
		_ = s.st.DB().Select(&out, `SELECT text FROM outbound_messages WHERE to_phone = '+6281234567801' ORDER BY id`)
		t.Fatal(err, strings.Join(out, "\n---\n"))
	}
	return code
}

// TestVoiceNotesOnAdmin: a resident answers the description with a voice
// note; the facilitator sees the gagasan flagged "perlu ditulis", plays it
// (logged as an access), writes it down, and the gagasan gets the text.
func TestVoiceNotesOnAdmin(t *testing.T) {
	s := newSite(t)
	code := s.voiceGagasan(t)

	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, list := fas.get("/admin/gagasan")
	if !regexp.MustCompile(code + `</a></td><td>Kandang kambing bersama <span class="tag">perlu ditulis`).MatchString(list) {
		t.Fatalf("the gagasan list does not flag %s", code)
	}
	_, page := fas.get("/admin/suara")
	m := regexp.MustCompile(`<audio controls preload="none" src="(/admin/berkas/\d+)">`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, "perlu ditulis") || !strings.Contains(page, code) {
		t.Fatalf("voice page:\n%s", page)
	}
	st, audio := fas.get(m[1])
	if st != 200 || !strings.HasPrefix(audio, "OggS") {
		t.Fatalf("playing the voice note: %d", st)
	}
	// Another kecamatan's facilitator can neither play nor write it.
	lain := s.client(t)
	lain.login("lain", fasPassword)
	if st, _ := lain.get(m[1]); st != 404 {
		t.Fatalf("another kecamatan played it: %d", st)
	}
	id := regexp.MustCompile(`action="/admin/suara/(\d+)"`).FindStringSubmatch(page)[1]
	if st, _, _ := lain.post("/admin/suara/"+id, url.Values{"isi": {"bukan urusannya"}}); st != 404 {
		t.Fatalf("another kecamatan wrote it: %d", st)
	}
	if st, _, _ := fas.post("/admin/suara/"+id, url.Values{"isi": {"x"}}); st != 400 {
		t.Fatalf("a one-letter transcript was taken: %d", st)
	}
	st, _, h := fas.post("/admin/suara/"+id, url.Values{"isi": {"Kambing warga sering hilang; kandang bersama lebih aman."}})
	if st != http.StatusSeeOther || !strings.Contains(h.Get("Location"), "/admin/gagasan/"+code) {
		t.Fatalf("writing it down: %d %s", st, h.Get("Location"))
	}
	_, detail := fas.get("/admin/gagasan/" + code)
	if strings.Contains(detail, "perlu ditulis") || !strings.Contains(detail, "Kambing warga sering hilang") || !strings.Contains(detail, "Ditulis oleh fas") {
		t.Fatalf("after writing it down:\n%s", detail)
	}
	var desc string
	_ = s.st.DB().Get(&desc, `SELECT description FROM gagasan WHERE code = $1`, code)
	if !strings.HasPrefix(desc, "Kambing warga") {
		t.Fatalf("gagasan description %q", desc)
	}
	audit := s.client(t)
	audit.login("audit", fasPassword)
	if _, log := audit.get("/admin/akses"); !strings.Contains(log, "dengar pesan suara") {
		t.Fatal("playing a voice note was not logged")
	}
}

// TestDesaLanguage: a facilitator sets a desa's default language; another
// kecamatan's desa is out of reach, an unknown language refused.
func TestDesaLanguage(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	if st, _, _ := fas.post("/admin/desa/bahasa", url.Values{"desa": {"34.04.11.2001"}, "bahasa": {"su"}}); st != http.StatusSeeOther {
		t.Fatalf("setting the language: %d", st)
	}
	var lang string
	_ = s.st.DB().Get(&lang, `SELECT lang FROM desa WHERE kode = '34.04.11.2001'`)
	if lang != "su" {
		t.Fatalf("desa language %q", lang)
	}
	if st, _, _ := fas.post("/admin/desa/bahasa", url.Values{"desa": {"34.04.11.2001"}, "bahasa": {"fr"}}); st != 400 {
		t.Fatalf("an unknown language: %d", st)
	}
	if st, _, _ := fas.post("/admin/desa/bahasa", url.Values{"desa": {"33.74.01.2001"}, "bahasa": {"jv"}}); st != 404 {
		t.Fatalf("another kecamatan's desa: %d", st)
	}
	if _, page := fas.get("/admin/warga"); !strings.Contains(page, "Sindumartani (sekarang: Basa Sunda)") {
		t.Fatal("the warga page does not show the desa's language")
	}
}

// TestPersonalDataExport: a facilitator answers a written request with what
// DATA SAYA shows, logged; another kecamatan's facilitator gets nothing.
func TestPersonalDataExport(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	if _, page := fas.get("/admin/warga?q=wartini"); !strings.Contains(page, `/admin/warga/&#43;6281100000013/data`) {
		t.Fatal("no export link on the warga page")
	}
	code, body := fas.get("/admin/warga/+6281100000013/data")
	if code != 200 || !strings.Contains(body, "Nama: Wartini") || !strings.Contains(body, "Nomor: +6281100000013") || !strings.Contains(body, "bahasa: Bahasa Indonesia") {
		t.Fatalf("export %d:\n%s", code, body)
	}
	lain := s.client(t)
	lain.login("lain", fasPassword)
	if code, body := lain.get("/admin/warga/+6281100000013/data"); code != 404 || strings.Contains(body, "Wartini") {
		t.Fatalf("another kecamatan exported it: %d", code)
	}
	audit := s.client(t)
	audit.login("audit", fasPassword)
	if _, log := audit.get("/admin/akses"); !strings.Contains(log, "ekspor data pribadi (permintaan tertulis)") {
		t.Fatal("the export was not logged")
	}
}
