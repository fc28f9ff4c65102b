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
	"path/filepath"
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
	// CacheDir holds resized photos (default: a "resized" folder beside
	// the media).
	CacheDir   string
	Checks     []Check
	Log        *slog.Logger
	SimEnabled bool
	// SecureCookies marks the admin cookie Secure (HTTPS only); off only
	// for a service on a loopback address.
	SecureCookies bool
	// Wake tells the dispatcher that the admin queued messages.
	Wake func()
	// Metrics is served at /metrics when set (Prometheus text format).
	Metrics http.Handler
	// WhatsApp is the WhatsApp channel's state and pairing, when this
	// process runs it.
	WhatsApp WhatsAppPanel
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time
	// MinPublicCount is the smallest household count public pages show as
	// a number (default 3): below it, "< 3".
	MinPublicCount int

	pages   pages
	limiter *loginLimiter
	resizer *resizer
}

// Register adds the web routes.
func (s *Server) Register(mux *http.ServeMux) {
	s.pages = mustParsePages()
	s.limiter = newLoginLimiter()
	if s.CacheDir == "" && s.Media != nil {
		s.CacheDir = filepath.Join(filepath.Dir(s.Media.Dir), "resized")
	}
	if s.Media != nil {
		s.resizer = newResizer(s.Media.Budget())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	if s.Metrics != nil {
		mux.Handle("GET /metrics", s.Metrics)
	}
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /desa/{kode}", s.board)
	mux.HandleFunc("GET /desa/{kode}/cetak", s.board)
	mux.HandleFunc("GET /foto/{id}", s.photo)
	s.registerAdmin(mux)
}

func (s *Server) minCount() int {
	if s.MinPublicCount > 0 {
		return s.MinPublicCount
	}
	return domain.DefaultMinPublicCount
}

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

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status := http.StatusOK
	out := map[string]string{}
	for _, c := range s.Checks {
		if err := c.Fn(ctx); err != nil {
			status = http.StatusServiceUnavailable
			out[c.Name] = "down"
			s.Log.Warn("not ready", "check", c.Name, "err", err)
			continue
		}
		out[c.Name] = "ok"
	}
	writeJSON(w, status, out)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
