package web_test

import (
	"context"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/web"
)

var tagRe = regexp.MustCompile(`(?s)<[^>]*>`)

// visible is a page's text as a reader sees it, without tags and values.
func visible(body string) string {
	body = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(body, "")
	return html.UnescapeString(strings.Join(strings.Fields(tagRe.ReplaceAllString(body, " ")), " "))
}

// The raw values a facilitator would read get words: channels, roles,
// languages, genders, states, desa by name.
func TestAdminSpeaksToFacilitator(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, home := fas.get("/admin/")
	if txt := visible(home); !strings.Contains(txt, "(Fasilitator)") || strings.Contains(txt, "(FASILITATOR)") {
		t.Errorf("home: %s", txt)
	}
	if !strings.Contains(home, `<body class="admin">`) {
		t.Error("admin pages without their wide layout")
	}
	_, warga := fas.get("/admin/warga")
	txt := visible(warga)
	for _, want := range []string{"Simulator", "perempuan", "laki-laki", "Kader desa (KPMD)", "Tim Pelaksana Kegiatan (TPK)", "Desa Bimomartani",
		"Bimomartani (sekarang: Bahasa Indonesia)"} {
		if !strings.Contains(txt, want) {
			t.Errorf("people page lacks %q", want)
		}
	}
	for _, raw := range []string{" sim ", "desa 34.04.11", "(id)", " FASILITATOR ", " KPMD ·", " P ", " L "} {
		if strings.Contains(txt, raw) {
			t.Errorf("people page shows the raw %q", raw)
		}
	}
	_, rapat := fas.get("/admin/rapat")
	if txt := visible(rapat); strings.Contains(txt, "DIJADWALKAN") || strings.Contains(txt, "SELESAI") || !strings.Contains(txt, "dijadwalkan") {
		t.Errorf("meetings list: %s", txt)
	}
	_, keg := fas.get("/admin/kegiatan")
	if txt := visible(keg); strings.Contains(txt, "BERJALAN") || !strings.Contains(txt, "sedang dikerjakan") {
		t.Errorf("kegiatan list: %s", txt)
	}

	_, rapatDetail := fas.get("/admin/rapat/R-TANGJ4")
	if txt := visible(rapatDetail); !strings.Contains(txt, "Balai Desa Bimomartani · selesai") {
		t.Errorf("meeting page: %s", txt)
	}
	// A proposal's file is said by its kind, not its MIME type.
	if code, _ := upload(t, fas, "/admin/gagasan/G-HEMAT7/proposal", "berkas", "proposal.pdf", "application/pdf", []byte("%PDF-1.4\n%%EOF\n")); code != http.StatusSeeOther {
		t.Fatalf("proposal upload: %d", code)
	}
	_, gagasan := fas.get("/admin/gagasan/G-HEMAT7")
	if txt := visible(gagasan); !strings.Contains(txt, "proposal.pdf PDF · dilampirkan oleh fas, lewat situs admin") || strings.Contains(txt, "application/pdf") {
		t.Errorf("gagasan page: %s", txt)
	}

	// WhatsApp off: whom to ask, and no setting or command.
	_, wa := fas.get("/admin/whatsapp")
	for _, operator := range []string{"WHATSAPP", "ENABLED", "suaradesa whatsapp", "<code>", "terminal"} {
		if strings.Contains(wa, operator) {
			t.Errorf("whatsapp page speaks to an operator: %q", operator)
		}
	}
}

// fakeWhatsApp is the WhatsApp channel as the admin page sees it (the
// whatsmeow side is out of reach in a test).
type fakeWhatsApp struct {
	numbers     []web.WhatsAppNumber
	code, state string
}

func (f *fakeWhatsApp) Numbers() []web.WhatsAppNumber { return f.numbers }
func (f *fakeWhatsApp) StartPairing(context.Context) error {
	f.code, f.state = "2@abc,def,ghi", "waiting"
	return nil
}
func (f *fakeWhatsApp) Pairing() (string, string) { return f.code, f.state }

// With WhatsApp on, the page says a number's state in words and how to
// pair one in numbered steps, then shows the code.
func TestWhatsAppPageSteps(t *testing.T) {
	s := newSite(t)
	wa := &fakeWhatsApp{numbers: []web.WhatsAppNumber{{Phone: "+6281100000099", State: "logged_out"}}}
	mux := http.NewServeMux()
	(&web.Server{Store: s.st, Log: slog.New(slog.DiscardHandler), WhatsApp: wa}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := (&site{srv: srv, st: s.st}).client(t)
	c.login("fas", fasPassword)
	_, page := c.get("/admin/whatsapp")
	txt := visible(page)
	if !strings.Contains(txt, "+6281100000099 : keluar dari WhatsApp: tautkan ulang nomor ini") || strings.Contains(txt, "logged_out") {
		t.Errorf("number's state: %s", txt)
	}
	if n := strings.Count(regexp.MustCompile(`(?s)<ol class="steps">.*?</ol>`).FindString(page), "<li>"); n != 5 {
		t.Errorf("%d steps: %s", n, page)
	}
	if !strings.Contains(txt, "Perangkat tertaut → Tautkan perangkat") || !strings.Contains(page, `action="/admin/whatsapp/sambung"`) {
		t.Errorf("pairing steps: %s", txt)
	}
	code, _, h := c.post("/admin/whatsapp/sambung", nil)
	if code != http.StatusSeeOther || h.Get("Location") != "/admin/whatsapp" {
		t.Fatalf("pairing: %d", code)
	}
	_, page = c.get("/admin/whatsapp")
	if !strings.Contains(page, `src="/admin/whatsapp/qr.png"`) || !strings.Contains(visible(page), "Kode QR sudah tampil di bawah") {
		t.Errorf("waiting: %s", visible(page))
	}
	for _, operator := range []string{"WHATSAPP_", "suaradesa whatsapp", "<code>"} {
		if strings.Contains(page, operator) {
			t.Errorf("whatsapp page speaks to an operator: %q", operator)
		}
	}
}
