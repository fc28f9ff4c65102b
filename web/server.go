// Package web serves the HTTP side of Suara Desa: health checks, the public
// Papan Informasi of every desa, and the facilitators' admin site. Pages
// are rendered on the server, small, and usable without JavaScript: most
// visitors are on cheap phones and slow data. Channels register their own
// routes on the same mux.
package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Check is one readiness check (Postgres, Redis, a channel).
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}

// Server holds the web handlers' dependencies.
type Server struct {
	Store *postgres.Store
	// Media is where photos and uploaded proposals are stored.
	Media *media.Local
	// CacheDir holds resized photos (default: the media store's
	// ResizedDir, whose copies go when their file is removed).
	CacheDir string
	// Checks are what the whole service needs (Postgres, Redis): one down
	// makes /readyz answer 503.
	Checks []Check
	// Channels are checked and reported in /readyz too, but one down (a
	// stopped modem daemon, a logged-out WhatsApp number) leaves the
	// service ready: the residents' other channels still work.
	Channels   []Check
	Log        *slog.Logger
	SimEnabled bool
	// SecureCookies marks the admin cookie Secure (HTTPS only): set when
	// PUBLIC_URL is https, whatever address the service listens on.
	SecureCookies bool
	// TrustForwardedFor: the service is behind a reverse proxy on this
	// host that appends the client's address to X-Forwarded-For (nginx's
	// $proxy_add_x_forwarded_for, Caddy's default); the login limits then
	// count per client, not per proxy.
	TrustForwardedFor bool
	// Wake tells the dispatcher that the admin queued messages.
	Wake func()
	// WhatsApp is the WhatsApp channel's state and pairing, when this
	// process runs it.
	WhatsApp WhatsAppPanel
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time
	// PublicURL is where residents reach the board (PUBLIC_URL), for the
	// links in group posts; empty (a service only this machine reaches):
	// the address of the admin's request.
	PublicURL string
	// MinPublicCount is the smallest household count public pages show as
	// a number (default 3): below it, "< 3".
	MinPublicCount int

	pages   pages
	limiter *loginLimiter
	resizer *resizer
}

// Register adds the web routes.
func (s *Server) Register(mux *http.ServeMux) {
	s.pages = parsedPages()
	s.limiter = newLoginLimiter(limiterEntries)
	if s.CacheDir == "" && s.Media != nil {
		s.CacheDir = s.Media.ResizedDir()
	}
	if s.Media != nil {
		s.resizer = newResizer(s.Media.Budget())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /desa/{kode}", s.board)
	mux.HandleFunc("GET /kecamatan/{kode}", s.kecamatanBoard)
	mux.HandleFunc("GET /desa/{kode}/cetak", s.board)
	mux.HandleFunc("GET /desa/{kode}/kegiatan/{code}", s.kegiatanPage)
	mux.HandleFunc("GET /desa/{kode}/qr.svg", s.qr)
	mux.HandleFunc("GET /desa/{kode}/gagasan", s.publicGagasanList)
	mux.HandleFunc("GET /desa/{kode}/gagasan/{code}", s.gagasanPage)
	mux.HandleFunc("GET /foto/{id}", s.photo)
	mux.HandleFunc("GET /desa/{kode}/rapat/{code}/berita-acara", s.publicBeritaAcara)
	mux.HandleFunc("GET /cetak.js", s.printScript)
	s.registerAdmin(mux)
}

func (s *Server) minCount() int { return domain.PublicMin(s.MinPublicCount) }

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) wake() {
	if s.Wake != nil {
		s.Wake()
	}
}

// readyz answers 503 only when Postgres or Redis is down; every channel's
// state is in the body ("channels"), for alerting on one.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status := http.StatusOK
	out := map[string]any{}
	for _, c := range s.Checks {
		out[c.Name] = s.check(ctx, c)
		if out[c.Name] != "ok" {
			status = http.StatusServiceUnavailable
		}
	}
	if len(s.Channels) > 0 {
		channels := map[string]string{}
		for _, c := range s.Channels {
			channels[c.Name] = s.check(ctx, c)
		}
		out["channels"] = channels
	}
	writeJSON(w, status, out)
}

// check runs one readiness check: "ok" or "down".
func (s *Server) check(ctx context.Context, c Check) string {
	if err := c.Fn(ctx); err != nil {
		s.Log.Warn("not ready", "check", c.Name, "err", err)
		return "down"
	}
	return "ok"
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
