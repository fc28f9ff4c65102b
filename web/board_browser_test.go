package web_test

import (
	"bytes"
	"context"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// TestBoardBrowser: on a 360 px phone the board's first screen answers
// "what is coming, where is the money, where is my idea" even with a long
// list of gagasan; printed (print media, A4), the numbers and the QR code
// are there, the text is 11 pt at least, headings stay with what follows
// and the progress bars are drawn without background graphics.
func TestBoardBrowser(t *testing.T) {
	s := newSite(t)
	manySubmittedGagasan(t, s, 25)
	phone := browser(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/"+demoDesa), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatalf("board: %v", err)
	}
	first, err := chromedp.Run(phone, chromedp.Evaluate[map[string]float64](`(() => {
		const out = {screen: window.innerHeight, overflow: document.documentElement.scrollWidth - window.innerWidth};
		for (const id of ["rapat-berikut", "dana", "gagasan-ringkas"]) out[id] = document.getElementById(id).getBoundingClientRect().bottom;
		const card = document.getElementById("dana").getBoundingClientRect().right;
		out.spill = Math.max(...[...document.querySelectorAll("#ringkasan dd, #ringkasan li")].map(e => e.getBoundingClientRect().right)) - card;
		return out; })()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"rapat-berikut", "dana", "gagasan-ringkas"} {
		if first[id] == 0 || first[id] > first["screen"] {
			t.Errorf("#%s ends at %.0f px, below the phone's first screen (%.0f px)", id, first[id], first["screen"])
		}
	}
	if first["spill"] > 0 {
		t.Errorf("the summary's figures spill %.0f px out of their cards", first["spill"])
	}
	if first["overflow"] > 0 {
		t.Errorf("the board is %.0f px wider than a 360 px phone", first["overflow"])
	}
	shot(t, phone, "board-phone-first")
	screenshot(t, phone, "board-phone")

	// The QR code, as a phone's camera reads it off the screen, opens a
	// WhatsApp chat to the desa's number with HALO and its code typed.
	png, err := chromedp.Run(phone, chromedp.Screenshot(`#hubungi .qr`))
	if err != nil {
		t.Fatal(err)
	}
	if got := readQR(t, png); got != "https://wa.me/6281100009000?text=HALO%2034.04.11.2002" {
		t.Errorf("the QR code reads %q", got)
	}

	// The print view, as the printer sees it.
	err = chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/"+demoDesa+"/cetak"), chromedp.WaitVisible(`#judul`),
		printMedia("print"))
	if err != nil {
		t.Fatal(err)
	}
	paper, err := chromedp.Run(phone, chromedp.Evaluate[map[string]any](`(() => {
		const visible = e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
		let small = 1000, where = "";
		for (const e of document.querySelectorAll("main *")) {
			if (!visible(e) || e.closest("svg")) continue;
			if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
			const px = parseFloat(getComputedStyle(e).fontSize);
			if (px < small) { small = px; where = e.outerHTML.slice(0, 80); }
		}
		const bar = document.querySelector(".bar span"), qr = document.querySelector("#hubungi .qr");
		return {
			smallestPt: small * 72 / 96, smallest: where,
			wa: visible(document.getElementById("nomor-wa")) ? document.getElementById("nomor-wa").textContent : "",
			qrWidth: visible(qr) ? qr.getBoundingClientRect().width : 0,
			printed: document.getElementById("dicetak") ? document.getElementById("dicetak").textContent : "",
			barInk: bar ? parseFloat(getComputedStyle(bar).borderTopWidth) : 0,
			h2Break: getComputedStyle(document.querySelector("h2")).breakAfter,
			header: visible(document.querySelector("header.top")),
		}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if pt := paper["smallestPt"].(float64); pt < 11 {
		t.Errorf("printed text of %.1f pt: %v", pt, paper["smallest"])
	}
	if paper["wa"] != "0811-0000-9000" || paper["qrWidth"].(float64) < 80 {
		t.Errorf("printed without the number or the QR code: %v", paper)
	}
	if !regexp.MustCompile(`^\s*Dicetak pada \w+, \d+ \w+ 20\d\d, pukul \d\d\.\d\d WIB$`).MatchString(paper["printed"].(string)) {
		t.Errorf("printed date: %q", paper["printed"])
	}
	if paper["barInk"].(float64) < 5 || paper["h2Break"] != "avoid" || paper["header"] == true {
		t.Errorf("print layout: %v", paper)
	}
	shot(t, phone, "board-print-first")
	pdf, err := chromedp.Run(phone, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)); n < 2 || n > 6 {
		t.Errorf("the board prints on %d A4 pages", n)
	}
	if dir := os.Getenv("SCREENSHOTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "board-print.pdf"), pdf, 0o644)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("no PDF")
	}

	if os.Getenv("SCREENSHOTS") != "" {
		laptop := browser(t, false)
		for name, path := range map[string]string{"board-laptop": "/desa/" + demoDesa, "gagasan-list-laptop": "/desa/" + demoDesa + "/gagasan?tahap=DIAJUKAN"} {
			_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+path), chromedp.WaitVisible(`#judul`))
			screenshot(t, laptop, name)
		}
		_ = chromedp.Do(phone, printMedia(""), chromedp.Navigate(s.srv.URL+"/desa/"+demoDesa+"/gagasan/G-KEJAM3"), chromedp.WaitVisible(`#judul`))
		screenshot(t, phone, "gagasan-page-phone")
	}
}

// printMedia emulates a CSS media type ("print"; "" for the screen again).
func printMedia(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// readQR decodes the QR code in a PNG image.
func readQR(t *testing.T, png []byte) string {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code read: %v", err)
	}
	return res.GetText()
}

// shot saves what the screen shows (not the whole page) to
// $SCREENSHOTS/name.png.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	_ = os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
