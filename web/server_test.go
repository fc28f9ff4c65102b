package web_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/storetest"
	"github.com/suaradesa/suaradesa/web"
)

func TestHealth(t *testing.T) {
	st := storetest.Store(t)
	var healthy atomic.Bool
	healthy.Store(true)
	s := &web.Server{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Checks: []web.Check{{Name: "postgres", Fn: st.Ping}, {Name: "redis", Fn: func(context.Context) error {
			if healthy.Load() {
				return nil
			}
			return errors.New("down")
		}}}}
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Fatalf("healthz %d", code)
	}
	if code, body := get("/readyz"); code != 200 || !strings.Contains(body, `"redis":"ok"`) {
		t.Fatalf("readyz %d %s", code, body)
	}
	healthy.Store(false)
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, `"redis":"down"`) {
		t.Fatalf("readyz with redis down: %d %s", code, body)
	}
	if code, _ := get("/nosuch"); code != 404 {
		t.Fatalf("unknown path %d", code)
	}
}

// personalData is every name and number of the seeded people, in the forms
// a number is written.
func personalData() []string {
	var out []string
	for _, p := range demo().People {
		n := strings.TrimPrefix(p.Phone, "+62")
		out = append(out, p.Phone, "62"+n, "0"+n, n, p.Name)
	}
	return out
}

func TestPublicBoard(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	code, index := c.get("/")
	if code != 200 || !strings.Contains(index, `href="/desa/34.04.11.2002"`) || !strings.Contains(index, "Kecamatan Ngemplak") {
		t.Fatalf("index %d: %s", code, index)
	}
	code, board := c.get("/desa/34.04.11.2002")
	if code != 200 {
		t.Fatalf("board %d", code)
	}
	for _, want := range []string{
		"Papan Informasi Desa Bimomartani",
		"Musyawarah Desa Perencanaan", "Balai Desa Bimomartani", "Pelatihan menjahit untuk ibu-ibu; Sumur bor", // upcoming, with agenda
		"Sumur bor untuk musim kemarau", "Posyandu balita Dusun Bimo", "Dusun Sambiroto", // gagasan by stage
		"Perbaikan jalan Dusun Kejambon", "Rp 150.000.000", "Dana cair Rp 60.000.000", "width:35%", `src="/foto/`, // kegiatan
		"Musyawarah Desa Pertanggungjawaban", "Hadir 46 orang, perempuan 19", // accountability
		"1 aduan: diterima", // complaints counted by status
		// The social map, derived from the dusun maps; small counts hidden.
		"Peta sosial", "Peta desa: 2 Masalah, 2 Potensi, 1 Keterbatasan sumber daya manusia", "Jalan tanah licin saat hujan", `Dijawab gagasan <a href="/desa/34.04.11.2002/gagasan/G-KEJAM3"><span class="nw">G-KEJAM3</span></a>`, "Menjawab peta: Jalan tanah licin",
		"sangat miskin <b>7</b>, miskin <b>40</b> dari 300 kepala keluarga", "Rumah tangga miskin: sangat miskin &lt; 3, miskin 18 dari 140 kepala keluarga", "Kriteria miskin: Rumah berlantai tanah",
	} {
		if !strings.Contains(board, want) {
			t.Errorf("board lacks %q", want)
		}
	}
	// No resident is named or numbered; no complaint text is shown.
	pages := map[string]string{"/": index, "/desa/…": board}
	_, pages["/desa/…/cetak"] = c.get("/desa/34.04.11.2002/cetak")
	for path, body := range pages {
		noResidentIn(t, path, body, "Material batu", "belum menerima upah")
	}
	if !strings.Contains(pages["/desa/…/cetak"], `class="print"`) {
		t.Error("print view without its print layout")
	}
	if code, body := c.get("/desa/99.99.99.9999"); code != 404 || !strings.Contains(body, "tidak ada") {
		t.Fatalf("unknown desa %d", code)
	}

	// Photos are served resized, and cached; media that is not a progress
	// photo is not served at all.
	m := regexp.MustCompile(`/foto/(\d+)\?w=320`).FindStringSubmatch(board)
	if m == nil {
		t.Fatal("no photo on the board")
	}
	for range 2 {
		resp, err := http.Get(s.srv.URL + m[0])
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if resp.StatusCode != 200 || err != nil || format != "jpeg" || cfg.Width != 320 || cfg.Height != 240 {
			t.Fatalf("photo %d %s %+v %v", resp.StatusCode, format, cfg, err)
		}
		if len(b) > 40<<10 {
			t.Fatalf("a 320 px photo of %d KB is too heavy for slow data", len(b)>>10)
		}
	}
	cached, _ := filepath.Glob(filepath.Join(filepath.Dir(s.files.Dir), "resized", "*-320.jpg"))
	if len(cached) != 1 {
		t.Fatalf("resized cache holds %v", cached)
	}
	var private int64
	if err := s.st.DB().Get(&private, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ('00', 'image/jpeg', 'image', 1, 'x/y.jpg') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.get("/foto/" + strconv.FormatInt(private, 10)); code != 404 {
		t.Fatalf("a private photo answered %d", code)
	}
}

func TestAdminLoginAndProtections(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	if code, _ := c.get("/admin/"); code != http.StatusSeeOther {
		t.Fatalf("admin without login: %d", code)
	}
	if code := c.login("fas", "salah-sekali"); code != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", code)
	}
	if code := c.login("tidakada", fasPassword); code != http.StatusUnauthorized {
		t.Fatalf("unknown user: %d", code)
	}
	// Guessing is slowed: the sixth try in a row for one name is refused,
	// even with the right password.
	for range 4 {
		c.login("fas", "salah-lagi")
	}
	if code := c.login("fas", fasPassword); code != http.StatusTooManyRequests {
		t.Fatalf("sixth try: %d", code)
	}

	c2 := s.client(t)
	form := url.Values{"username": {"tpu"}, "password": {fasPassword}}
	code, _, h := c2.post("/admin/masuk", form)
	if code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	cookie := h.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/admin"} {
		if !strings.Contains(cookie, want) {
			t.Fatalf("session cookie %q lacks %s", cookie, want)
		}
	}
	if code, body := c2.get("/admin/"); code != 200 || !strings.Contains(body, "tpu") {
		t.Fatalf("home %d", code)
	}
	// A form without the session's token is refused, and so is a
	// cross-site one even with it.
	if code, body, _ := c2.post("/admin/gagasan/G-HEMAT7/proposal", url.Values{"csrf": {"palsu"}}); code != 403 || !strings.Contains(body, "Formulir kedaluwarsa") {
		t.Fatalf("forged token: %d", code)
	}
	req, _ := http.NewRequest("POST", s.srv.URL+"/admin/gagasan/G-HEMAT7/tahap", strings.NewReader("tahap=VERIFIKASI&csrf="+c2.csrf))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://jahat.example")
	if code, _, _ := c2.do(req); code != 403 {
		t.Fatalf("cross-site post: %d", code)
	}
	// A TPU member may not move a gagasan.
	if code, body, _ := c2.post("/admin/gagasan/G-HEMAT7/tahap", url.Values{"tahap": {"VERIFIKASI"}}); code != 403 || !strings.Contains(body, "tidak boleh") {
		t.Fatalf("TPU moving a gagasan: %d", code)
	}
	// Logging out ends the session on the server.
	code, _, _ = c2.post("/admin/keluar", nil)
	if code != http.StatusSeeOther {
		t.Fatalf("logout %d", code)
	}
	if code, _ := c2.get("/admin/"); code != http.StatusSeeOther {
		t.Fatalf("after logout: %d", code)
	}
}

func statusOf(t *testing.T, s *site, code string) domain.Status {
	var st string
	if err := s.st.DB().Get(&st, `SELECT status FROM gagasan WHERE code = $1`, code); err != nil {
		t.Fatal(err)
	}
	return domain.Status(st)
}

func TestAdminGagasan(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	if code := c.login("fas", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	code, list := c.get("/admin/gagasan?desa=34.04.11.2002&tahap=DIBAHAS")
	if code != 200 || !strings.Contains(list, "G-TAMAN4") || strings.Contains(list, "G-PAWAC6") {
		t.Fatalf("filtered list %d", code)
	}
	_, detail := c.get("/admin/gagasan/G-TAMAN4")
	if !strings.Contains(detail, "Wartini") || !strings.Contains(detail, "Pindah tahap") || strings.Contains(detail, "Verifikasi TV") {
		t.Fatal("detail lacks the sender or the actions, or shows a verdict never given")
	}
	// Move to the next stage: the sender is told by chat.
	code, _, h := c.post("/admin/gagasan/G-TAMAN4/tahap", url.Values{"tahap": {"USULAN_DESA"}, "catatan": {"disepakati di Musdes"}})
	page := c.follow(code, h)
	if !strings.Contains(page, "Pengirim diberi tahu") || statusOf(t, s, "G-TAMAN4") != domain.StatusUsulanDesa {
		t.Fatalf("move: %s", statusOf(t, s, "G-TAMAN4"))
	}
	var pushed string
	if err := s.st.DB().Get(&pushed, `SELECT text FROM outbound_messages WHERE to_phone = '+6281100000013' AND kind = 'push' ORDER BY id DESC LIMIT 1`); err != nil ||
		!strings.Contains(pushed, "G-TAMAN4") || !strings.Contains(pushed, "disepakati di Musdes") {
		t.Fatalf("sender's message %q %v", pushed, err)
	}
	// A move the stage rule refuses answers with its reason; a rejection
	// needs one.
	if code, body, _ := c.post("/admin/gagasan/G-PAWAC6/tahap", url.Values{"tahap": {"DIDANAI"}}); code != 400 || !strings.Contains(body, "tidak dapat dipindah") {
		t.Fatalf("illegal move: %d", code)
	}
	if code, body, _ := c.post("/admin/gagasan/G-PAWAC6/tahap", url.Values{"tahap": {"DITOLAK"}}); code != 400 || !strings.Contains(body, "perlu alasannya") {
		t.Fatalf("rejection without reason: %d", code)
	}
	// Merge: the merged one points at the other.
	code, _, h = c.post("/admin/gagasan/G-PAWAC6/gabung", url.Values{"ke": {"g-taman4"}})
	if page := c.follow(code, h); !strings.Contains(page, "digabung ke") || statusOf(t, s, "G-PAWAC6") != domain.StatusDigabung {
		t.Fatal("merge not shown")
	}
	// Export: what was proposed, no sender.
	code, csv := c.get("/admin/gagasan.csv?desa=34.04.11.2002")
	if code != 200 || !strings.Contains(csv, "Kode,Kecamatan,Desa,Dusun") || !strings.Contains(csv, "G-KEJAM3") || !strings.Contains(csv, "G-PAWAC6") {
		t.Fatalf("csv %d: %s", code, csv)
	}
	for _, pd := range personalData() {
		if strings.Contains(csv, pd) {
			t.Fatalf("csv shows %q", pd)
		}
	}
	// A facilitator of another kecamatan sees nothing of this one.
	other := s.client(t)
	other.login("lain", fasPassword)
	if code, _ := other.get("/admin/gagasan/G-TAMAN4"); code != 404 {
		t.Fatalf("other kecamatan: %d", code)
	}
	if _, body := other.get("/admin/gagasan"); strings.Contains(body, "G-TAMAN4") {
		t.Fatal("other kecamatan lists our gagasan")
	}
}

func upload(t *testing.T, c *client, path, field, name, mime string, data []byte) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", c.csrf)
	h := make(map[string][]string)
	h["Content-Disposition"] = []string{`form-data; name="` + field + `"; filename="` + name + `"`}
	h["Content-Type"] = []string{mime}
	fw, _ := mw.CreatePart(h)
	_, _ = fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.s.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	code, body, _ := c.do(req)
	return code, body
}

func TestAdminWork(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	fas := s.client(t)
	fas.login("fas", fasPassword)

	// Proposals: a TPU member attaches one to an adopted gagasan; a TV
	// member records the verdict; the facilitator sees both.
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	if code, _ := upload(t, tpu, "/admin/gagasan/G-PAWAC6/proposal", "berkas", "proposal.pdf", "application/pdf", pdf); code != 400 {
		t.Fatalf("proposal for a gagasan not adopted: %d", code)
	}
	if code, _ := upload(t, tpu, "/admin/gagasan/G-HEMAT7/proposal", "berkas", "proposal.pdf", "application/pdf", pdf); code != http.StatusSeeOther {
		t.Fatalf("proposal upload %d", code)
	}
	tv := s.client(t)
	tv.login("tv", fasPassword)
	tv.get("/admin/gagasan/G-HEMAT7")
	if code, _, _ := tv.post("/admin/gagasan/G-HEMAT7/verifikasi", url.Values{"putusan": {"LAYAK"}, "alasan": {"biaya wajar, lahan tersedia"}}); code != http.StatusSeeOther {
		t.Fatalf("verdict %d", code)
	}
	_, detail := fas.get("/admin/gagasan/G-HEMAT7")
	if !strings.Contains(detail, "proposal.pdf") || !strings.Contains(detail, "biaya wajar") {
		t.Fatal("proposal or verdict not shown")
	}
	fileURL := regexp.MustCompile(`/admin/berkas/\d+`).FindString(detail)
	if code, body := fas.get(fileURL); code != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Fatalf("proposal file %d", code)
	}
	other := s.client(t)
	other.login("lain", fasPassword)
	if code, _ := other.get(fileURL); code != 404 {
		t.Fatalf("proposal of another kecamatan served: %d", code)
	}

	// Meetings: an outcome before the meeting is refused with its reason;
	// the held one's attendance shows.
	fas.get("/admin/rapat/R-MKPAC3")
	if code, body, _ := fas.post("/admin/rapat/R-MKPAC3/hasil", url.Values{"hadir": {"30"}, "perempuan": {"12"}}); code != 400 || !strings.Contains(body, "belum dimulai") {
		t.Fatalf("outcome before the meeting: %d", code)
	}
	if _, body := fas.get("/admin/rapat"); !strings.Contains(body, "R-TANGJ4") || !strings.Contains(body, "46 (19 P)") {
		t.Fatal("meeting list")
	}

	// Kegiatan: the second tranche is refused (progress too low), with
	// the rule's reason.
	fas.get("/admin/kegiatan/K-KEJAM3")
	code, body, _ := fas.post("/admin/kegiatan/K-KEJAM3/cair", url.Values{"tahap": {"2"}})
	if code != 400 || !strings.Contains(body, "%") {
		t.Fatalf("second tranche: %d %s", code, body)
	}

	// Complaints: answered and moved; the complainant is told.
	fas.get("/admin/aduan")
	code, _, h := fas.post("/admin/aduan/A-HAR4NA", url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Sudah kami tanyakan ke TPK."}})
	if page := fas.follow(code, h); !strings.Contains(page, "Pengadu diberi tahu") {
		t.Fatal("complaint move not confirmed")
	}
	var told int
	_ = s.st.DB().Get(&told, `SELECT count(*) FROM outbound_messages WHERE to_phone = '+6281100000012' AND text LIKE '%A-HAR4NA%'`)
	if told != 1 {
		t.Fatalf("complainant told %d times", told)
	}

	// People and roles: search, grant, revoke.
	if _, body := fas.get("/admin/warga?q=wartini"); !strings.Contains(body, "6281100000013") || strings.Contains(body, "Bambang") {
		t.Fatalf("search by name: %s", body)
	}
	fas.post("/admin/peran", url.Values{"nomor": {"0811-0000-0012"}, "peran": {"TPU"}, "desa": {"34.04.11.2002"}, "aksi": {"beri"}})
	roles, _ := s.st.ListRoles(ctx, "34.04.11.2002")
	found := false
	for _, r := range roles {
		found = found || (r.Phone == "+6281100000012" && r.Role == domain.RoleTPU)
	}
	if !found {
		t.Fatal("role not granted")
	}
	if code, _, _ := fas.post("/admin/peran", url.Values{"nomor": {"+6281100000012"}, "peran": {"TPU"}, "desa": {"33.74.01.2001"}}); code != 404 {
		t.Fatalf("role in another kecamatan: %d", code)
	}
	// Import: rows of another kecamatan are refused, ours are taken.
	fas.get("/admin/warga")
	if code, _ := upload(t, fas, "/admin/desa/impor", "csv", "desa.csv", "text/csv", []byte("33.74.01.2002,Lain,Mijen,A\n")); code != 400 {
		t.Fatalf("import of another kecamatan: %d", code)
	}
	if code, _ := upload(t, fas, "/admin/desa/impor", "csv", "desa.csv", "text/csv", []byte("34.04.11.2002,Bimomartani,Ngemplak,Dusun Baru\n")); code != http.StatusSeeOther {
		t.Fatalf("import %d", code)
	}
	dusun, _ := s.st.ListDusun(ctx, "34.04.11.2002")
	if len(dusun) != 4 {
		t.Fatalf("dusun after import: %+v", dusun)
	}
	// WhatsApp off in this process: the page tells the facilitator whom
	// to ask (TestAdminSpeaksToFacilitator checks it names no setting).
	if _, body := fas.get("/admin/whatsapp"); !strings.Contains(body, "minta pengelola server Suara Desa menyalakan saluran WhatsApp") {
		t.Fatal("whatsapp page")
	}
}

func TestAdminPeta(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	code, page := fas.get("/admin/peta?desa=34.04.11.2002")
	if code != 200 || !strings.Contains(page, "Jalan tanah licin saat hujan") || !strings.Contains(page, "sangat miskin 2, miskin 18, seluruh KK 140") {
		t.Fatalf("peta page %d", code)
	}
	var kej int64
	_ = s.st.DB().Get(&kej, `SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' AND nama = 'Kejambon'`)
	dusun := strconv.FormatInt(kej, 10)
	post := func(path string, v url.Values) (int, string) {
		t.Helper()
		v.Set("dusun", dusun)
		code, body, h := fas.post(path, v)
		if code == http.StatusSeeOther {
			body = fas.follow(code, h)
		}
		return code, body
	}
	if code, body := post("/admin/peta/item", url.Values{"jenis": {"MASALAH"}, "judul": {"Air sumur kering saat kemarau"}}); code != http.StatusSeeOther || !strings.Contains(body, "Air sumur kering") {
		t.Fatalf("add item %d", code)
	}
	if code, _ := post("/admin/peta/item", url.Values{"jenis": {"MASALAH"}, "judul": {"x"}}); code != 400 {
		t.Fatalf("short title %d", code)
	}
	if code, _ := post("/admin/peta/rtm", url.Values{"sangat_miskin": {"90"}, "miskin": {"90"}, "total": {"100"}}); code != 400 {
		t.Fatalf("impossible counts %d", code)
	}
	if code, body := post("/admin/peta/kriteria", url.Values{"tingkat": {"SANGAT_MISKIN"}, "kriteria": {"Tidak punya rumah sendiri"}}); code != http.StatusSeeOther || !strings.Contains(body, "Tidak punya rumah sendiri") {
		t.Fatalf("criterion %d", code)
	}
	var item int64
	_ = s.st.DB().Get(&item, `SELECT id FROM map_items WHERE title = 'Air sumur kering saat kemarau'`)
	if code, body := post("/admin/peta/ubah", url.Values{"id": {strconv.FormatInt(item, 10)}, "aksi": {"hapus"}, "yakin": {"ya"}}); code != http.StatusSeeOther || !strings.Contains(body, "item remove: Air sumur kering") {
		t.Fatalf("remove %d", code)
	}
	code, csv := fas.get("/admin/peta.csv?desa=34.04.11.2002")
	if code != 200 || !strings.Contains(csv, "Kejambon,Masalah,Jalan tanah licin saat hujan") || !strings.Contains(csv, "G-KEJAM3") || !strings.Contains(csv, "Jumlah RTM") {
		t.Fatalf("csv %d: %s", code, csv)
	}
	for _, pd := range personalData() {
		if strings.Contains(csv, pd) {
			t.Fatalf("map csv shows %q", pd)
		}
	}
	// Another kecamatan's facilitator cannot touch this dusun; a TPU member
	// cannot edit the map.
	other := s.client(t)
	other.login("lain", fasPassword)
	other.get("/admin/")
	if code, _, _ := other.post("/admin/peta/item", url.Values{"dusun": {dusun}, "jenis": {"MASALAH"}, "judul": {"Masuk dari luar"}}); code != 404 {
		t.Fatalf("other kecamatan %d", code)
	}
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	if code, _, _ := tpu.post("/admin/peta/item", url.Values{"dusun": {dusun}, "jenis": {"MASALAH"}, "judul": {"Dari TPU"}}); code != 403 {
		t.Fatalf("tpu %d", code)
	}
}

// Every view of a resident's personal data on the admin site is logged;
// only an auditor reads the log.
func TestAccessLog(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	fas.get("/admin/gagasan/G-TAMAN4")
	fas.get("/admin/warga?q=wartini")
	fas.get("/admin/aduan")
	if code, _ := fas.get("/admin/akses"); code != 403 {
		t.Fatalf("a facilitator read the access log: %d", code)
	}
	audit := s.client(t)
	audit.login("audit", fasPassword)
	code, page := audit.get("/admin/akses")
	if code != 200 {
		t.Fatalf("access log %d", code)
	}
	for _, want := range []string{"lihat pengirim gagasan", "(G-TAMAN4)", "daftar warga", "pencarian: 1 orang", "daftar aduan"} {
		if !strings.Contains(page, want) {
			t.Errorf("access log lacks %q", want)
		}
	}
	if strings.Count(page, "<td>fas</td>") != 3 {
		t.Fatalf("want 3 accesses by fas:\n%s", page)
	}
}
