package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The pages' words are in the templates, in Bahasa Indonesia; names of
// stages, categories and meetings come from the chat's catalog.
//
//go:embed templates/*.html templates/site.css
var templateFS embed.FS

type pages map[string]*template.Template

var funcs = template.FuncMap{
	"rupiah":   domain.Rupiah,
	"stage":    func(s domain.Status) string { return flows.StageText(flows.LangID, s) },
	"category": func(c domain.Category) string { return flows.CategoryText(flows.LangID, c) },
	"mtype":    func(t domain.MeetingType) string { return flows.MeetingTypeText(flows.LangID, t) },
	"cstage":   func(s domain.ComplaintStatus) string { return flows.ComplaintStageText(flows.LangID, s) },
	"date":     func(t any, tz string) string { return flows.LongDateText(flows.LangID, timeOf(t).In(location(tz))) },
	"sdate":    func(t any) string { return flows.ShortDateText(flows.LangID, timeOf(t).In(location(""))) },
	"clock": func(t any, tz string) string {
		return timeOf(t).In(location(tz)).Format("15.04") + " " + domain.ZoneAbbrev(tz)
	},
	"stamp": func(t any) string { return timeOf(t).In(location("")).Format("02/01/2006 15.04") },
	"zone":  domain.ZoneAbbrev,
	"deref": func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	},
	"str": func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	},
	"join":  strings.Join,
	"split": strings.Fields,
	// pcount shows a household count on a public page ("< 3" when small).
	"pcount": domain.PublicCount,
	"mkind":  func(k domain.MapKind) string { return flows.MapKindText(flows.LangID, k) },
	"level":  func(l domain.PovertyLevel) string { return flows.LevelText(flows.LangID, l) },
	"css":    func() template.CSS { return template.CSS(siteCSS) },
}

var siteCSS string

// timeOf takes a time or a pointer to one (nil is the zero time).
func timeOf(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case *time.Time:
		if t != nil {
			return *t
		}
	}
	return time.Time{}
}

func location(tz string) *time.Location {
	return domain.Kecamatan{TimeZone: tz}.Location()
}

func mustParsePages() pages {
	css, err := fs.ReadFile(templateFS, "templates/site.css")
	if err != nil {
		panic(err)
	}
	siteCSS = string(css)
	entries, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	p := pages{}
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(e, "templates/"), ".html")
		if name == "base" || strings.HasPrefix(name, "_") {
			continue
		}
		// Files named _*.html hold parts that any page may use.
		p[name] = template.Must(template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/_*.html", e))
	}
	return p
}

// page is what every template gets.
type page struct {
	Title string
	User  *postgres.AdminUser
	CSRF  string
	Flash string
	Error string
	Print bool
	Data  any
}

// render writes a page; a template error is a 500 with nothing half-written.
func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	t, ok := s.pages[name]
	if !ok {
		s.Log.Error("no template", "name", name)
		http.Error(w, "Maaf, terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		s.Log.Error("rendering page", "page", name, "err", err)
		http.Error(w, "Maaf, terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers an error: not found and refusals with their reason, the
// rest as a server error (logged, not shown).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch domain.ErrorCodeOf(err) {
	case domain.ENOTFOUND:
		s.render(w, http.StatusNotFound, "error", page{Title: "Tidak ditemukan", Error: "Halaman atau data yang dicari tidak ada."})
		return
	case domain.EINVALID:
		s.render(w, http.StatusBadRequest, "error", page{Title: "Tidak dapat diproses", Error: domain.ErrorMessageOf(err)})
		return
	}
	s.Log.Error("web", "path", r.URL.Path, "err", err)
	s.render(w, http.StatusInternalServerError, "error", page{Title: "Kesalahan", Error: "Maaf, terjadi kesalahan. Coba lagi sebentar lagi."})
}
