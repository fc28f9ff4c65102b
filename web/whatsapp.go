package web

import (
	"context"
	"net/http"
	"strings"

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
	// Scope is the region the number serves (the kanal table; "" for
	// all), filled by the page.
	Scope string
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
		kanals, err := s.Store.Kanals(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		names, codes := map[string]string{}, map[string]string{}
		for _, k := range kanals {
			names[k.Nama] = strings.TrimSpace(k.CakupanNama + " " + k.Cakupan)
			codes[k.Nama] = k.Cakupan
		}
		mine := userOf(r).Scope()
		var shown []WhatsAppNumber
		for _, n := range data.Numbers {
			// A facilitator sees the numbers that serve their residents
			// (a wider scope, or everywhere) and those within their scope,
			// not another region's.
			if c := codes["whatsapp:"+n.Phone]; domain.InScope(c, mine) || domain.InScope(mine, c) {
				n.Scope = names["whatsapp:"+n.Phone]
				shown = append(shown, n)
			}
		}
		data.Numbers = shown
		data.Code, data.State = s.WhatsApp.Pairing()
	}
	s.render(w, http.StatusOK, "admin_whatsapp", s.adminPage(r, "WhatsApp", data))
}

func (s *Server) whatsappPair(w http.ResponseWriter, r *http.Request) {
	if s.WhatsApp == nil {
		s.fail(w, r, ruleWhatsappDisabled.Err())
		return
	}
	if err := s.WhatsApp.StartPairing(r.Context()); err != nil {
		s.Log.Warn("whatsapp pairing", "err", err)
		s.fail(w, r, ruleWhatsappUnreachable.Err(err))
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

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleWhatsappDisabled    = domain.NewRule("whatsapp_disabled", domain.EINVALID, "saluran WhatsApp tidak aktif di layanan ini (WHATSAPP_ENABLED)")
	ruleWhatsappUnreachable = domain.NewRule("whatsapp_unreachable", domain.EINVALID, "WhatsApp tidak dapat dihubungi dari server: %v")
)
