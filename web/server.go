// Package web serves the HTTP side of Suara Desa: health checks and the
// public pages. Channels register their own routes on the same mux.
package web

import (
	"context"
	"encoding/json"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Places lists what the public index shows.
type Places interface {
	ListKecamatan(ctx context.Context) ([]domain.Kecamatan, error)
	ListDesa(ctx context.Context) ([]domain.Desa, error)
}

// Check is one readiness check (Postgres, Redis, a channel).
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}

// Server holds the web handlers' dependencies.
type Server struct {
	Places     Places
	Checks     []Check
	Log        *slog.Logger
	SimEnabled bool
}

// Register adds the web routes.
func (s *Server) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /{$}", s.index)
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

var indexTmpl = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Suara Desa</title>
<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:auto;padding:1em;line-height:1.5}h1{color:#075e54}</style>
</head><body>
<h1>Suara Desa</h1>
<p>Layanan gagasan pembangunan desa lewat WhatsApp dan SMS.</p>
{{range .Kecamatan}}<h2>Kecamatan {{.Nama}}</h2>{{end}}
<ul>{{range .Desa}}<li>Desa {{.Nama}} <small>({{.Kode}})</small></li>{{else}}<li>Belum ada desa.</li>{{end}}</ul>
{{if .Sim}}<p><a href="/sim">Coba simulator percakapan</a></p>{{end}}
</body></html>`))

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	kec, err := s.Places.ListKecamatan(r.Context())
	if err != nil {
		s.fail(w, err)
		return
	}
	desa, err := s.Places.ListDesa(r.Context())
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = indexTmpl.Execute(w, map[string]any{"Kecamatan": kec, "Desa": desa, "Sim": s.SimEnabled})
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	s.Log.Error("web", "err", err)
	http.Error(w, "Maaf, ada gangguan. Silakan coba lagi.", http.StatusServiceUnavailable)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
