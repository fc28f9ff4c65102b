package web

import (
	"context"
	"net/http"

	"github.com/skip2/go-qrcode"

	"github.com/suaradesa/suaradesa/domain"
)

// WhatsAppPanel is what the admin site shows of the WhatsApp channel: the
// state of each number this process connects, and pairing a new one by a
// QR code on the page.
type WhatsAppPanel interface {
	Numbers() []WhatsAppNumber
	StartPairing(ctx context.Context) error
	// Pairing is the code to show now ("" when none) and the state:
	// "", "waiting", "paired" or "failed".
	Pairing() (code, state string)
}

// WhatsAppNumber is one connected number.
type WhatsAppNumber struct {
	Phone string
	State string
}

type whatsappData struct {
	Enabled bool
	Numbers []WhatsAppNumber
	Code    string
	State   string
}

func (s *Server) whatsappPage(w http.ResponseWriter, r *http.Request) {
	data := whatsappData{Enabled: s.WhatsApp != nil}
	if s.WhatsApp != nil {
		data.Numbers = s.WhatsApp.Numbers()
		data.Code, data.State = s.WhatsApp.Pairing()
	}
	s.render(w, http.StatusOK, "admin_whatsapp", s.adminPage(r, "WhatsApp", data))
}

func (s *Server) whatsappPair(w http.ResponseWriter, r *http.Request) {
	if s.WhatsApp == nil {
		s.fail(w, r, domain.Errorf(domain.EINVALID, "WhatsApp belum dinyalakan di layanan ini. Minta pengelola server menyalakannya."))
		return
	}
	if err := s.WhatsApp.StartPairing(r.Context()); err != nil {
		s.Log.Warn("whatsapp pairing", "err", err)
		s.fail(w, r, domain.Errorf(domain.EINVALID, "WhatsApp tidak dapat dihubungi dari server. Coba lagi sebentar lagi; bila tetap gagal, beri tahu pengelola server."))
		return
	}
	http.Redirect(w, r, "/admin/whatsapp", http.StatusSeeOther)
}

// whatsappQR draws the current pairing code; the page reloads it.
func (s *Server) whatsappQR(w http.ResponseWriter, r *http.Request) {
	if s.WhatsApp == nil {
		http.NotFound(w, r)
		return
	}
	code, _ := s.WhatsApp.Pairing()
	if code == "" {
		http.NotFound(w, r)
		return
	}
	png, err := qrcode.Encode(code, qrcode.Medium, 320)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(png)
}
