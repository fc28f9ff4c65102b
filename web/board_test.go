package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const demoDesa = "34.04.11.2002"

// manySubmittedGagasan adds n gagasan waiting in DIAJUKAN to the demo desa, the
// newest first by code (G-BANY00 is the newest), as a busy desa has.
func manySubmittedGagasan(t *testing.T, s *site, n int) {
	t.Helper()
	for i := range n {
		_, err := s.st.DB().Exec(`WITH g AS (INSERT INTO gagasan (code, desa_kode, dusun_id, category, title, status, created_at, updated_at)
			VALUES ($1, $2, (SELECT id FROM dusun WHERE desa_kode = $2 AND nama = 'Bimo'), 'INFRASTRUKTUR', $3, 'DIAJUKAN', $4, $4) RETURNING id, created_at)
			INSERT INTO gagasan_history (gagasan_id, to_status, changed_by, at) SELECT id, 'DIAJUKAN', 'test', created_at FROM g`,
			fmt.Sprintf("G-BANY%02d", i), demoDesa, fmt.Sprintf("Lampu jalan nomor %d", i), time.Now().Add(-time.Duration(i+1)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestBoardReach: the board says how to reach the bot: the desa's numbers
// as dialled, a wa.me link with HALO typed, a QR code of it, and how to
// start, by SMS too; the printed pages carry the numbers and the code in
// every page's margin and the date they were printed. A desa without
// numbers says whom to ask.
func TestBoardReach(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	_, board := c.get("/desa/" + demoDesa)
	for _, want := range []string{
		`id="nomor-wa" href="https://wa.me/6281100009000?text=HALO%2034.04.11.2002">0811-0000-9000</a>`,
		`id="nomor-sms" href="sms:&#43;6281100009001?body=HALO%2034.04.11.2002">0811-0000-9001</a>`,
		`<img class="qr" src="/desa/34.04.11.2002/qr.svg?n=62811000090006281100009001" width="120" height="120" alt="Kode QR: membuka WhatsApp ke 0811-0000-9000 dengan pesan HALO 34.04.11.2002">`,
		"Cara mulai: kirim <b>HALO 34.04.11.2002</b> ke nomor WhatsApp atau SMS ini",
	} {
		if !strings.Contains(board, want) {
			t.Errorf("board lacks %q", want)
		}
	}
	_, print := c.get("/desa/" + demoDesa + "/cetak")
	for _, want := range []string{"Dicetak pada ", "@bottom-left{content:", "WhatsApp 0811-0000-9000", "SMS 0811-0000-9001",
		`@top-right{content:url("/desa/34.04.11.2002/qr.svg?n=62811000090006281100009001")`, "counter(pages)"} {
		if !strings.Contains(print, want) {
			t.Errorf("print view lacks %q", want)
		}
	}
	// The code is an SVG image, cached (the page and each printed page
	// share it).
	req, _ := http.NewRequest("GET", s.srv.URL+"/desa/34.04.11.2002/qr.svg?n=62811000090006281100009001", nil)
	code, svg, h := c.do(req)
	if code != 200 || h.Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(svg, "<svg") || !strings.Contains(h.Get("Cache-Control"), "max-age") {
		t.Errorf("QR code: %d %v %.40s", code, h, svg)
	}
	// Sindumartani has no numbers yet.
	_, other := c.get("/desa/34.04.11.2001")
	if strings.Contains(other, "wa.me") || strings.Contains(other, "qr.svg") || !strings.Contains(other, "Tanyakan kepada kader desa") {
		t.Error("a desa without numbers shows a link or no advice")
	}
	if code, _ := c.get("/desa/34.04.11.2001/qr.svg"); code != 404 {
		t.Errorf("the QR code of a desa without numbers: %d", code)
	}
	// A desa's name cannot end the printed margin's CSS rule.
	if _, err := s.st.DB().Exec(`UPDATE desa SET nama = 'Sindu"}body{x' WHERE kode = '34.04.11.2001'`); err != nil {
		t.Fatal(err)
	}
	if _, other = c.get("/desa/34.04.11.2001/cetak"); strings.Contains(other, `Sindu"}`) || !strings.Contains(other, `Sindu\22 \7d body\7b x`) {
		t.Error("the desa's name is not escaped in the print CSS")
	}
}

// TestBoardSummaryAndPaging: the board opens with the next meeting, the
// desa's money and its gagasan counted by stage; each stage lists its
// newest three, the rest a page at a time ("lihat semua"); bad paging
// input is refused in words.
func TestBoardSummaryAndPaging(t *testing.T) {
	s := newSite(t)
	manySubmittedGagasan(t, s, 25)
	c := s.client(t)
	code, board := c.get("/desa/" + demoDesa)
	if code != 200 {
		t.Fatalf("board %d", code)
	}
	summary, _, _ := strings.Cut(board, `id="hubungi"`)
	for _, want := range []string{
		`id="rapat-berikut"><b>Rapat berikutnya:</b> Musyawarah Desa Perencanaan`,
		"<dt>Anggaran</dt><dd>Rp 150.000.000</dd>", "<dt>Sudah cair</dt><dd>Rp 60.000.000</dd>", "<dt>Belum cair</dt><dd>Rp 90.000.000</dd>",
		"Gagasan warga: 29", `href="#tahap-DIAJUKAN">Diajukan <b>26</b>`, `href="#tahap-PELAKSANAAN">Dikerjakan <b>1</b>`,
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	_, waiting, ok := strings.Cut(board, `id="tahap-DIAJUKAN"`)
	if !ok {
		t.Fatal("the board has no section of the DIAJUKAN stage")
	}
	waiting, _, _ = strings.Cut(waiting, "</section>")
	if n := strings.Count(waiting, "<li "); n != 3 {
		t.Errorf("DIAJUKAN lists %d gagasan on the board, want the newest 3", n)
	}
	for _, want := range []string{`<li id="G-BANY00"><a href="/desa/34.04.11.2002/gagasan/G-BANY00">`, `href="/desa/34.04.11.2002/gagasan?tahap=DIAJUKAN">Lihat semua 26 gagasan`} {
		if !strings.Contains(waiting, want) {
			t.Errorf("DIAJUKAN lacks %q", want)
		}
	}
	if strings.Contains(waiting, "G-BANY03") || strings.Contains(waiting, "G-PAWAC6") {
		t.Error("the board lists more than the newest of a stage")
	}
	// Complaints: how long the oldest of each stage has waited, and how
	// long finished ones took; never their text.
	if _, err := s.st.DB().Exec(`UPDATE complaints SET created_at = now() - interval '12 days 3 hours' WHERE status = 'DITERIMA'`); err != nil {
		t.Fatal(err)
	}
	var handled string
	if err := s.st.DB().Get(&handled, `UPDATE complaints SET created_at = now() - interval '5 days' WHERE status = 'DITANGANI' RETURNING code`); err != nil {
		t.Fatal(err)
	}
	if err := s.st.SetComplaintStatus(context.Background(), postgres.ComplaintMove{Code: handled, To: domain.ComplaintSelesai, Note: "sudah diperbaiki", Notice: func(string, domain.Complaint, string) string { return "kabar" }}); err != nil {
		t.Fatal(err)
	}
	_, board = c.get("/desa/" + demoDesa)
	if !strings.Contains(board, "1 aduan: selesai ditangani. Rata-rata selesai dalam 5 hari sejak diterima.") {
		t.Error("finished complaints do not say how long they took")
	}
	if !regexp.MustCompile(`1 aduan: diterima[^<]*Terlama menunggu 12 hari sejak diterima`).MatchString(board) {
		t.Error("the complaints do not say how long they waited")
	}

	code, p1 := c.get("/desa/" + demoDesa + "/gagasan?tahap=DIAJUKAN")
	if code != 200 || !strings.Contains(p1, "Gagasan 1–20 dari 26") || strings.Count(p1, "<li ") != 20 ||
		!strings.Contains(p1, `rel="next" href="/desa/34.04.11.2002/gagasan?hal=2&amp;tahap=DIAJUKAN"`) || !strings.Contains(p1, "Halaman 1 dari 2") || strings.Contains(p1, `rel="prev"`) {
		t.Fatalf("page 1 (%d): %s", code, p1)
	}
	_, p2 := c.get("/desa/" + demoDesa + "/gagasan?tahap=DIAJUKAN&hal=2")
	if !strings.Contains(p2, "Gagasan 21–26 dari 26") || strings.Count(p2, "<li ") != 6 || !strings.Contains(p2, `id="G-PAWAC6"`) ||
		!strings.Contains(p2, `rel="prev" href="/desa/34.04.11.2002/gagasan?tahap=DIAJUKAN"`) || strings.Contains(p2, `rel="next"`) {
		t.Fatalf("page 2: %s", p2)
	}
	if _, all := c.get("/desa/" + demoDesa + "/gagasan"); !strings.Contains(all, "Gagasan 1–20 dari 29") {
		t.Error("the list of every stage does not count them all")
	}
	if _, past := c.get("/desa/" + demoDesa + "/gagasan?tahap=DIAJUKAN&hal=9"); !strings.Contains(past, "Halaman ini kosong; ada 26 gagasan") ||
		!strings.Contains(past, `rel="prev" href="/desa/34.04.11.2002/gagasan?hal=2&amp;tahap=DIAJUKAN"`) {
		t.Errorf("a page past the end: %s", past)
	}
	for q, want := range map[string]string{"tahap=XYZ": "Tahap tidak dikenal", "tahap=DITARIK": "Tahap tidak dikenal", "hal=dua": "Nomor halaman tidak dikenal", "hal=0": "Nomor halaman tidak dikenal"} {
		if code, body := c.get("/desa/" + demoDesa + "/gagasan?" + q); code != 400 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want 400 %q", q, code, want)
		}
	}
	if code, _ := c.get("/desa/99.99.99.9999/gagasan"); code != 404 {
		t.Errorf("the list of no desa: %d", code)
	}
}

// TestGagasanPage: every gagasan has its page (the link the bot can send):
// its stage in words, the dates of its stages, why a rejected one was
// rejected and where a merged one went; never its sender. A withdrawn one,
// or one asked for under another desa, is not found.
func TestGagasanPage(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	c := s.client(t)
	notice := func(string, domain.Gagasan, string) string { return "kabar" }
	if _, _, err := s.st.SetGagasanStatus(ctx, postgres.StageMove{Code: "G-PAWAC6", To: domain.StatusDitolak, Note: "sudah ada sumur desa di dekatnya", By: "fas", Notice: notice}); err != nil {
		t.Fatal(err)
	}
	if err := s.st.MergeGagasan(ctx, "G-TAMAN4", "G-HEMAT7", "fas", notice); err != nil {
		t.Fatal(err)
	}
	code, g := c.get("/desa/" + demoDesa + "/gagasan/G-PAWAC6")
	if code != 200 || !strings.Contains(g, "<h1 id=\"judul\">Sumur bor untuk musim kemarau</h1>") || !strings.Contains(g, "Tahap sekarang: Ditolak.") ||
		!strings.Contains(g, "Tidak dilanjutkan. Alasannya sudah dikirim kepada pengusul.") || strings.Contains(g, "sumur desa") || strings.Count(g, "<li>") != 2 {
		t.Fatalf("rejected gagasan page %d: %s", code, g)
	}
	// It was on a coming meeting's agenda; rejected, it names no meeting
	// it will be discussed at.
	if strings.Contains(g, `id="rapat-berikut"`) {
		t.Error("a rejected gagasan's page names a meeting it will be discussed at")
	}
	_, g = c.get("/desa/" + demoDesa + "/gagasan/g-taman4")
	if !strings.Contains(g, `Digabung dengan <a href="/desa/34.04.11.2002/gagasan/G-HEMAT7">Posyandu balita Dusun Bimo (G-HEMAT7)</a>`) {
		t.Errorf("merged gagasan page: %s", g)
	}
	// The board says the same beside each.
	_, board := c.get("/desa/" + demoDesa)
	if !strings.Contains(board, "Tidak dilanjutkan. Alasannya sudah dikirim kepada pengusul.") || strings.Contains(board, "sumur desa") || !strings.Contains(board, `Digabung dengan <a href="/desa/34.04.11.2002/gagasan/G-HEMAT7">`) {
		t.Error("the board does not say why a gagasan went no further")
	}
	for _, pd := range append(personalData(), "Sumur dangkal kering") { // the description stays private too
		if strings.Contains(g, pd) {
			t.Errorf("a gagasan page shows %q", pd)
		}
	}
	if code, _ := c.get("/desa/34.04.11.2001/gagasan/G-PAWAC6"); code != 404 {
		t.Errorf("a gagasan under another desa: %d", code)
	}
	if _, err := s.st.DB().Exec(`UPDATE gagasan SET status = 'DITARIK' WHERE code = 'G-HEMAT7'`); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.get("/desa/" + demoDesa + "/gagasan/G-HEMAT7"); code != 404 {
		t.Errorf("a withdrawn gagasan: %d", code)
	}
}

// TestDesaNumbersAdmin: a facilitator sets a desa's numbers on the warga
// page (an empty field clears one) and the board shows them; a wrong
// number is refused in words, another kecamatan's desa is out of reach,
// and no other role may.
func TestDesaNumbersAdmin(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	if _, page := fas.get("/admin/warga"); !strings.Contains(page, `id="wa-34.04.11.2002" type="tel" name="wa" value="0811-0000-9000"`) {
		t.Fatal("the warga page does not show the desa's numbers")
	}
	code, _, h := fas.post("/admin/desa/nomor", url.Values{"desa": {"34.04.11.2001"}, "wa": {"0812 3456 7000"}, "sms": {""}})
	if page := fas.follow(code, h); !strings.Contains(page, "Nomor di papan informasi Desa Sindumartani disimpan.") {
		t.Fatalf("after saving: %s", page)
	}
	if _, board := fas.get("/desa/34.04.11.2001"); !strings.Contains(board, `href="https://wa.me/6281234567000?text=HALO%2034.04.11.2001">0812-3456-7000</a>`) || strings.Contains(board, `id="nomor-sms"`) {
		t.Error("the board does not show the numbers set")
	}
	if code, body, _ := fas.post("/admin/desa/nomor", url.Values{"desa": {"34.04.11.2001"}, "wa": {"halo"}}); code != 400 || !strings.Contains(body, "Nomor WhatsApp „halo” bukan nomor telepon") {
		t.Errorf("a wrong number: %d %s", code, body)
	}
	if code, _, _ := fas.post("/admin/desa/nomor", url.Values{"desa": {"33.74.01.2001"}, "wa": {"081234567000"}}); code != 404 {
		t.Errorf("another kecamatan's desa: %d", code)
	}
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	if code, _, _ := tpu.post("/admin/desa/nomor", url.Values{"desa": {"34.04.11.2002"}, "wa": {"081234567000"}}); code != 403 {
		t.Errorf("a TPU setting numbers: %d", code)
	}
}
