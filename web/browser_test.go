package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// chromium finds the browser: CHROMIUM_PATH, else Debian's chromium.
// scripts/test.sh installs it and sets REQUIRE_BROWSER, so that CI fails
// rather than skips when it is missing.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found (apt-get install chromium)")
	}
	t.Skip("no Chromium: apt-get install chromium, or set CHROMIUM_PATH")
	return ""
}

// browser opens a headless Chromium; the page is phone-sized when phone.
// Selectors are element ids: chromedp takes a plain string as a DOM search,
// which also matches text, such as the page's own CSS.
func browser(t *testing.T, phone bool) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium(t)), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-dev-shm-usage", true))
	if phone {
		opts = append(opts, chromedp.UserAgent("Mozilla/5.0 (Linux; Android 10; Redmi 9A) Mobile"))
	} else {
		opts = append(opts, chromedp.WindowSize(1280, 900))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 180*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if phone {
		// A cheap phone's screen: 360 CSS pixels wide (a headless window
		// cannot be narrower than 500, so the page is emulated).
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2))); err != nil {
			t.Fatal(err)
		}
	}
	return ctx
}

// screenshot saves the page to $SCREENSHOTS/name.png when SCREENSHOTS is
// set (`make screenshots`).
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	_ = os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A facilitator logs in, moves a gagasan to the next stage; its sender
// gets a chat message through the simulator; the public board on a phone
// shows the change.
func TestBrowserJourney(t *testing.T) {
	s := newSite(t)
	admin := browser(t, false)
	err := chromedp.Do(admin,
		chromedp.Navigate(s.srv.URL+"/admin/"),
		chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, "fas"),
		chromedp.SendKeys(`#p`, fasPassword),
		chromedp.Submit(`#p`),
		chromedp.WaitVisible(`a[href="/admin/gagasan"]`),
		chromedp.Navigate(s.srv.URL+"/admin/gagasan/G-TAMAN4"),
		chromedp.WaitVisible(`#ke-tahap`),
	)
	if err != nil {
		t.Fatalf("login and open: %v", err)
	}
	screenshot(t, admin, "admin-gagasan")
	err = chromedp.Do(admin,
		chromedp.SetValue(`#ke-tahap`, string(domain.StatusUsulanDesa)),
		chromedp.SendKeys(`#catatan`, "disepakati di Musdes"),
		chromedp.Submit(`#catatan`),
		chromedp.WaitVisible(`#flash`),
	)
	if err != nil {
		t.Fatalf("move: %v", err)
	}
	flash, err := chromedp.Run(admin, chromedp.Text(`#flash`))
	if err != nil {
		t.Fatal(err)
	}
	stage, err := chromedp.Run(admin, chromedp.Text(`#tahap-sekarang`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(flash, "Pengirim diberi tahu") || stage != flow.StageText(flow.LangID, domain.StatusUsulanDesa) {
		t.Fatalf("after the move: flash %q, stage %q", flash, stage)
	}

	// The sender (Wartini, a demo resident on the simulator) got it.
	resp, err := http.Get(s.srv.URL + "/sim/outbound?to=%2B6281100000013&wait=10s")
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Messages []struct{ Text string } `json:"messages"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if len(out.Messages) != 1 || !strings.Contains(out.Messages[0].Text, "G-TAMAN4") || !strings.Contains(out.Messages[0].Text, "disepakati di Musdes") {
		t.Fatalf("the sender's chat: %+v", out.Messages)
	}

	// The public board, on a phone: the gagasan is under its new stage,
	// and nothing is wider than the screen.
	phone := browser(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002"), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatalf("board: %v", err)
	}
	section, err := chromedp.Run(phone, chromedp.Evaluate[string](`(() => { const sec = document.getElementById(`+
		jsString("tahap-"+string(domain.StatusUsulanDesa))+`); return sec ? sec.textContent : ""; })()`))
	if err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(phone, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(section, "Pelatihan menjahit untuk ibu-ibu") {
		t.Fatalf("the board's %q section holds %q", domain.StatusUsulanDesa, section)
	}
	if overflow {
		t.Fatal("the board is wider than a 360 px phone")
	}
	screenshot(t, phone, "board-phone")
	if os.Getenv("SCREENSHOTS") != "" {
		_ = chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002/cetak"), chromedp.WaitVisible(`#judul`))
		screenshot(t, phone, "board-print")
		_ = chromedp.Do(admin, chromedp.Navigate(s.srv.URL+"/admin/kegiatan/K-KEJAM3"), chromedp.WaitVisible(`#judul`))
		screenshot(t, admin, "admin-kegiatan")
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// A resident opens a kegiatan's page on a 360 px phone: it fits the
// screen, needs no script, and its charts are drawn at a readable size
// (the drawing is a phone's width, so its 13 px text stays near 13 px).
func TestBrowserKegiatan(t *testing.T) {
	s := newSite(t)
	reportWithPin(t, s)
	phone := browser(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+kegiatanPath), chromedp.WaitVisible(`#judul`)); err != nil {
		t.Fatalf("kegiatan page: %v", err)
	}
	type state struct {
		Overflow bool
		Scripts  int
		Charts   []float64
		Coords   string
	}
	got, err := chromedp.Run(phone, chromedp.Evaluate[state](`({
		Overflow: document.documentElement.scrollWidth > window.innerWidth,
		Scripts: document.scripts.length,
		Charts: [...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().width),
		Coords: document.querySelector('#koordinat').textContent,
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Overflow || got.Scripts != 0 || got.Coords != "-7.731200, 110.447100" {
		t.Fatalf("on a phone: %+v", got)
	}
	if len(got.Charts) != 2 {
		t.Fatalf("charts: %v", got.Charts)
	}
	for _, w := range got.Charts {
		if w < 300 || w > 360 {
			t.Errorf("a chart %v px wide on a 360 px phone", w)
		}
	}
	screenshot(t, phone, "kegiatan-phone")

	// A facilitator's laptop: the admin pages use its width.
	laptop := browser(t, false)
	err = chromedp.Do(laptop,
		chromedp.Navigate(s.srv.URL+"/admin/"),
		chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, "fas"),
		chromedp.SendKeys(`#p`, fasPassword),
		chromedp.Submit(`#p`),
		chromedp.WaitVisible(`a[href="/admin/gagasan"]`),
		chromedp.Navigate(s.srv.URL+"/admin/warga"),
		chromedp.WaitVisible(`#judul`),
	)
	if err != nil {
		t.Fatalf("admin: %v", err)
	}
	width, err := chromedp.Run(laptop, chromedp.Evaluate[float64](`document.querySelector('main').getBoundingClientRect().width`))
	if err != nil || width < 1100 {
		t.Errorf("the people page is %v px wide on a 1280 px laptop (%v)", width, err)
	}
	if os.Getenv("SCREENSHOTS") != "" {
		screenshot(t, laptop, "admin-warga")
		_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+"/admin/whatsapp"), chromedp.WaitVisible(`#judul`))
		screenshot(t, laptop, "admin-whatsapp")
		_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+kegiatanPath), chromedp.WaitVisible(`#judul`))
		screenshot(t, laptop, "kegiatan-laptop")
		_ = chromedp.Do(laptop, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002"), chromedp.WaitVisible(`#judul`))
		screenshot(t, laptop, "board-laptop")
		_ = chromedp.Do(laptop, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}), chromedp.Navigate(s.srv.URL+kegiatanPath), chromedp.WaitVisible(`#judul`))
		screenshot(t, laptop, "kegiatan-print")
	}
}
