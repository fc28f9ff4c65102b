package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBoardPrintWordsAndPhoneNumbers: on paper the board shows no link
// words that do nothing there ("Rincian", "Per kegiatan", "Lihat semua"),
// a kegiatan's tranches read as a list that ends with a full stop, and the
// board says how to send a gagasan; on a 360 px phone each number stays on
// its label ("WhatsApp:", "SMS:"), on its line or the next, the QR code
// never between.
func TestBoardPrintWordsAndPhoneNumbers(t *testing.T) {
	s := newSite(t)
	manySubmittedGagasan(t, s, 25)
	phone := browser(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/"+demoDesa), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatal(err)
	}
	lines, err := chromedp.Run(phone, chromedp.Evaluate[map[string]float64](`(() => {
		const out = {};
		for (const id of ["nomor-wa", "nomor-sms"]) {
			const a = document.getElementById(id), p = a.parentElement;
			const r = document.createRange();
			r.selectNodeContents(p.firstChild);
			out[id] = a.getClientRects()[0].top - r.getBoundingClientRect().bottom;
			out[id + "-lines"] = a.getClientRects().length;
		}
		return out; })()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"nomor-wa", "nomor-sms"} {
		// On its label's line (a negative gap) or the line below (a few px).
		if lines[id] > 6 || lines[id+"-lines"] != 1 {
			t.Errorf("on a phone #%s starts %.0f px below its label's line (%v lines)", id, lines[id], lines[id+"-lines"])
		}
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		if png, err := chromedp.Run(phone, chromedp.Screenshot(`#hubungi`)); err == nil {
			_ = os.WriteFile(dir+"/board-phone-reach.png", png, 0o644)
		}
	}
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/"+demoDesa+"/cetak"), chromedp.WaitVisible(`#judul`), printMedia("print")); err != nil {
		t.Fatal(err)
	}
	paper, err := chromedp.Run(phone, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"Rincian", "Per kegiatan", "Lihat semua"} {
		if strings.Contains(paper, word) {
			t.Errorf("the printed board says %q, a link that does nothing on paper", word)
		}
	}
	_, money, _ := strings.Cut(paper, "Dana cair ")
	money, _, _ = strings.Cut(money, "\n")
	if !strings.HasSuffix(strings.TrimSpace(money), "belum.") || !strings.Contains(money, "; tahap 3") {
		t.Errorf("the tranches read %q", money)
	}
	if !strings.Contains(paper, "Kirim gagasan: tulis GAGASAN lalu isinya.") {
		t.Error("the printed board does not say how to send a gagasan")
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		pdf, err := chromedp.Run(phone, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err == nil {
			_ = os.WriteFile(dir+"/board-print-words.pdf", pdf, 0o644)
		}
	}
}
