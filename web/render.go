package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The pages' words are in the templates, in Bahasa Indonesia; names of
// stages, categories and meetings come from the chat's catalog.
//
//go:embed templates/*.html templates/site.css
var templateFS embed.FS

type pages map[string]*template.Template

var funcs = template.FuncMap{
	"rupiah": domain.FormatRupiah,
	"stage":  func(s domain.Status) string { return flow.StageText(flow.LangID, s) },
	// sstage is a stage's name short enough for a column heading.
	"sstage":   func(s domain.Status) string { return shortStage(flow.StageText(flow.LangID, s)) },
	"category": func(c domain.Category) string { return flow.CategoryText(flow.LangID, c) },
	"mtype":    func(t domain.MeetingType) string { return flow.MeetingTypeText(flow.LangID, t) },
	"cstage":   func(s domain.ComplaintStatus) string { return aduan.StageText(flow.LangID, s) },
	"date":     func(t any, tz string) string { return flow.LongDateText(flow.LangID, timeOf(t).In(location(tz))) },
	"sdate":    func(t any, tz string) string { return flow.ShortDateText(flow.LangID, timeOf(t).In(location(tz))) },
	"day":      func(t any, tz string) string { return flow.DateText(flow.LangID, timeOf(t).In(location(tz))) },
	"clock": func(t any, tz string) string {
		return timeOf(t).In(location(tz)).Format("15.04") + " " + domain.ZoneAbbrev(tz)
	},
	// stamp is a moment in the desa's zone, named: 02/01/2006 15.04 WITA.
	"stamp": func(t any, tz string) string {
		return timeOf(t).In(location(tz)).Format("02/01/2006 15.04") + " " + domain.ZoneAbbrev(tz)
	},
	"zone":      domain.ZoneAbbrev,
	"hasPrefix": strings.HasPrefix,
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
	"pcount":   domain.PublicCount,
	"mkind":    func(k domain.MapKind) string { return flow.MapKindText(flow.LangID, k) },
	"level":    func(l domain.PovertyLevel) string { return flow.LevelText(flow.LangID, l) },
	"css":      func() template.CSS { return template.CSS(siteCSS) },
	"cond":     conditionText,
	"num":      numberText,
	"kstatus":  kegiatanStatusText,
	"channel":  channelText,
	"role":     roleText,
	"position": positionText,
	"lang":     langText,
	"gender":   genderText,
	"mstatus":  meetingStatusText,
	"wastate":  whatsappStateText,
	"filekind": fileKindText,
	"by":       byText,
	"waited":   waitedText,
	// Admin lists (lists.go, templates/list.html).
	"thousands": thousands,
	"inc":       func(n int) int { return n + 1 },
	"dec":       func(n int) int { return n - 1 },
}

// siteCSS is the site's stylesheet, inlined into every page; written once,
// by parsedPages.
var siteCSS string

// parsedPages parses the templates once per process: every Server shares
// them (templates are safe to execute concurrently), and siteCSS is written
// once, not by each Register (tests run several servers in parallel).
var parsedPages = sync.OnceValue(mustParsePages)

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
	if _, err := refusalTexts(); err != nil {
		panic("web/catalog/id.toml: " + err.Error())
	}
	entries, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	// Files named _*.html hold templates every page may use (charts).
	partials, err := fs.Glob(templateFS, "templates/_*.html")
	if err != nil {
		panic(err)
	}
	p := pages{}
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(e, "templates/"), ".html")
		if name == "base" || name == "list" || strings.HasPrefix(name, "_") {
			continue
		}
		files := append([]string{"templates/base.html", "templates/list.html"}, partials...)
		p[name] = template.Must(template.New("base.html").Funcs(funcs).ParseFS(templateFS, append(files, e)...))
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
	// TZ is the zone of the desa the page is about (the user's kecamatan
	// on admin pages).
	TZ   string
	Data any
	// Refused is the form refused on this page, if any (see form); its
	// reason stands above that form, or on top (ErrorOnTop) when the page
	// has no place for it.
	Refused    *refused
	ErrorOnTop bool
	// FrameSrc is the one origin the page may frame (a map), if any.
	FrameSrc string
	// Scope is the kecamatan bar of a kabupaten user's list pages (nil
	// elsewhere).
	Scope *scopeBar
}

// render writes a page; a template error is a 500 with nothing half-written.
func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	t, ok := s.pages[name]
	if !ok {
		s.Log.Error("no template", "name", name)
		http.Error(w, "Maaf, terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	if p.Refused != nil {
		status = http.StatusBadRequest
	}
	var buf bytes.Buffer
	err := t.Execute(&buf, p)
	if err == nil && p.Refused != nil && !bytes.Contains(buf.Bytes(), []byte(`id="ditolak"`)) {
		// The page shows no refused form of that action (a page that
		// says why above each form does): why goes on top.
		buf.Reset()
		p.ErrorOnTop = true
		err = t.Execute(&buf, p)
	}
	if err != nil {
		s.Log.Error("rendering page", "page", name, "err", err)
		http.Error(w, "Maaf, terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	csp := "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
	if p.FrameSrc != "" {
		csp += "; frame-src " + p.FrameSrc
	}
	w.Header().Set("Content-Security-Policy", csp)
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers an error: not found and refusals with their reason, the
// rest as a server error (logged, not shown).
// A refused form is shown again on its page (refuseOnForm); every error
// page of a signed-in user keeps the admin menu.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := domain.ErrorCodeOf(err)
	if (code == domain.EINVALID || code == domain.ECONFLICT) && refusedOf(r) == nil && refuseOnForm(w, r, err) {
		return
	}
	p := page{User: userOf(r), CSRF: csrfOf(r)}
	switch code {
	case domain.ENOTFOUND:
		p.Title, p.Error = "Tidak ditemukan", "Halaman atau data yang dicari tidak ada."
		s.render(w, http.StatusNotFound, "error", p)
		return
	case domain.EINVALID, domain.ECONFLICT:
		p.Title, p.Error = "Tidak dapat diproses", refusalText(err)
		s.render(w, http.StatusBadRequest, "error", p)
		return
	}
	s.Log.Error("web", "path", r.URL.Path, "err", err)
	p.Title, p.Error = "Kesalahan", "Maaf, terjadi kesalahan. Coba lagi sebentar lagi."
	s.render(w, http.StatusInternalServerError, "error", p)
}
