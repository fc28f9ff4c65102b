package web_test

import (
	"bytes"
	"context"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
)

var (
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]`)
	pdfPageObj  = regexp.MustCompile(`/Type\s*/Page\b`)
)

// pdfPageSizes are the sizes of a PDF's pages in points, from their media
// boxes.
func pdfPageSizes(t *testing.T, pdf []byte) [][2]float64 {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF: %.20q", pdf)
	}
	var out [][2]float64
	for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		out = append(out, [2]float64{v[2] - v[0], v[3] - v[1]})
	}
	if n := len(pdfPageObj.FindAll(pdf, -1)); n != len(out) {
		t.Fatalf("%d page objects, %d media boxes", n, len(out))
	}
	return out
}

// The berita acara of each meeting type renders on a phone without
// sideways scrolling and prints on A4: its own @page asks for A4 (a
// print to US Letter that prefers the page's size comes out A4), on one
// or two pages, the signature blanks on paper, the button and the links
// not. The Musdes Pertanggungjawaban lists seven kegiatan and still fits.
func TestBeritaAcaraPrintsOnA4(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	meetings := []struct {
		code string
		typ  domain.MeetingType
		aud  domain.Audience
	}{
		{"R-BAMUS1", domain.MeetingMusdus, domain.AudienceDesa},
		{"R-BAMKP1", domain.MeetingMKP, domain.AudiencePerempuan},
		{"R-BAMDP1", domain.MeetingMusdesPerencanaan, domain.AudienceDesa},
		{"R-BAMAD1", domain.MeetingMADPrioritas, domain.AudienceMAD},
		{"R-BAPJB1", domain.MeetingPertanggungjawaban, domain.AudienceDesa},
	}
	baKegiatan(t, s, 6) // with the demo's K-KEJAM3: seven
	for _, m := range meetings {
		baMeeting(t, s, fas, m.code, m.typ, m.aud)
	}
	phone := browser(t, true)
	for _, m := range meetings {
		path := "/desa/34.04.11.2002/rapat/" + m.code + "/berita-acara"
		if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+path), chromedp.WaitVisible(`#cetak`)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got, err := chromedp.Run(phone, chromedp.Evaluate[map[string]any](`({
				overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				title: document.querySelector("h1").innerText,
				blanks: document.querySelectorAll(".ttd .garis").length,
				kegiatan: document.querySelectorAll(".ba-kegiatan tbody tr").length,
			})`))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		kegiatan := 0.0
		if m.typ == domain.MeetingPertanggungjawaban {
			kegiatan = 7
		}
		if got["overflow"].(float64) > 0 || got["blanks"].(float64) != 3 || got["kegiatan"].(float64) != kegiatan {
			t.Errorf("%s at 360 px: %v", path, got)
		}
		screenshot(t, phone, "berita-acara-"+m.code+"-phone")

		// What the paper shows: no button, no header, the blanks.
		if err := chromedp.Do(phone, printMedia("print")); err != nil {
			t.Fatal(err)
		}
		paper, err := chromedp.Run(phone, chromedp.Evaluate[map[string]any](`({
				button: document.querySelector("#cetak").getClientRects().length,
				header: document.querySelector("header.top").getClientRects().length,
				blanks: document.querySelector(".ttd").getClientRects().length,
			})`))
		if err != nil {
			t.Fatal(err)
		}
		if paper["button"].(float64) != 0 || paper["header"].(float64) != 0 || paper["blanks"].(float64) == 0 {
			t.Errorf("%s printed: %v", path, paper)
		}
		if err := chromedp.Do(phone, printMedia("")); err != nil {
			t.Fatal(err)
		}
		for _, opt := range []struct {
			name string
			opts []chromedp.PDFOption
		}{
			{"A4 paper", []chromedp.PDFOption{chromedp.PDFPaper(chromedp.PaperA4)}},
			{"Letter paper, the page's own size preferred", []chromedp.PDFOption{chromedp.PDFPaper(chromedp.PaperLetter), chromedp.PDFPreferCSSPageSize()}},
		} {
			pdf, err := chromedp.Run(phone, chromedp.PrintToPDF(opt.opts...))
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPageSizes(t, pdf)
			if len(pages) < 1 || len(pages) > 2 {
				t.Errorf("%s (%s): %d pages", path, opt.name, len(pages))
			}
			for _, p := range pages {
				// A4 is 210 × 297 mm: 595.3 × 841.9 pt.
				if math.Abs(p[0]-595.3) > 2 || math.Abs(p[1]-841.9) > 2 {
					t.Errorf("%s (%s): a page of %.1f × %.1f pt, not A4", path, opt.name, p[0], p[1])
				}
			}
			if dir := os.Getenv("SCREENSHOTS"); dir != "" && opt.name == "A4 paper" {
				_ = os.WriteFile(filepath.Join(dir, "berita-acara-"+m.code+".pdf"), pdf, 0o644)
			}
		}
	}
	if os.Getenv("SCREENSHOTS") != "" {
		laptop := browser(t, false)
		_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002/rapat/R-BAMDP1/berita-acara"), chromedp.WaitVisible(`#cetak`))
		screenshot(t, laptop, "berita-acara-laptop")
		_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002/rapat/R-BAPJB1/berita-acara"), chromedp.WaitVisible(`#cetak`))
		screenshot(t, laptop, "berita-acara-pertanggungjawaban-laptop")
	}
}

// The meeting page's elected people and the admin berita acara on a 360 px
// phone and a laptop: nothing wider than the screen, and a long name on
// the berita acara breaks between words only (no syllable a line: its
// cell is at least as wide as its longest word).
func TestElectedReadableOnPhone(t *testing.T) {
	s, _, _ := siteWithElected(t, "R-BAHP01", url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Sri Wahyuningsih Kusumawardani"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"},
		"pilih_2_jabatan": {"TPK"}, "pilih_2_nama": {"Bambang Sutrisno"}, "pilih_2_jk": {"L"}, "pilih_2_nomor": {"0813-2900-1122"},
		"pilih_3_jabatan": {"TPU"}, "pilih_3_nama": {"Tukiyem Lestari"}, "pilih_3_jk": {"P"}})
	onScreens(t, s, func(ctx context.Context, phone bool, size string) {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/rapat/R-BAHP01"), chromedp.WaitVisible(`#pemilihan`)); err != nil {
			t.Fatal(err)
		}
		fits(t, ctx, "meeting page", phone)
		screenshot(t, ctx, "rapat-terpilih-"+size)
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/rapat/R-BAHP01/berita-acara")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(`table.ba-pilih`)); err != nil {
			t.Fatal(err)
		}
		fits(t, ctx, "berita acara", phone)
		narrow, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".ba-pilih tbody td:first-child")].filter(td => {
				const r = document.createRange(); r.selectNodeContents(td);
				const word = Math.max(...td.innerText.split(" ").map(w => { const s = document.createElement("span"); s.textContent = w; s.style.whiteSpace = "nowrap"; td.appendChild(s); const x = s.getBoundingClientRect().width; s.remove(); return x; }));
				return td.clientWidth < word;
			}).map(td => td.innerText)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(narrow) > 0 {
			t.Errorf("at %s px names are broken inside words: %v", size, narrow)
		}
		screenshot(t, ctx, "berita-acara-terpilih-"+size)

		// A refused election form: its reasons a list, one line a row.
		if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL+"/admin/rapat/R-BAHP01"), chromedp.WaitVisible(`#pemilihan`),
			chromedp.SetValue(`[name=pilih_4_nama]`, "Bejo"),
			chromedp.SetValue(`[name=pilih_5_nama]`, "Darto"), chromedp.SetValue(`[name=pilih_5_nomor]`, "12345"),
			chromedp.Submit(`[name=pilih_5_nama]`), chromedp.WaitVisible(`#ditolak li`)); err != nil {
			t.Fatal(err)
		}
		lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#ditolak li")].map(li => li.innerText)`))
		if err != nil || len(lines) != 2 || !strings.HasPrefix(lines[0], "Orang ke-4: ") || !strings.HasPrefix(lines[1], "Orang ke-5: ") {
			t.Errorf("at %s px the refused rows: %q %v", size, lines, err)
		}
		fits(t, ctx, "refused election form", phone)
		screenshot(t, ctx, "rapat-pemilihan-ditolak-"+size)
	})
}
