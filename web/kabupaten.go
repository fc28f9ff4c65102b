package web

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// scopeBar is the kecamatan chooser a kabupaten user has on the pages that
// list things: a GET form (no JavaScript) whose choice, ?kec=, stays in the
// address and in the menu's links (KecQ), and narrows every list
// (scopeOf).
type scopeBar struct {
	Path      string
	Kec       string
	Kecamatan []domain.Kecamatan
	// Keep are the page's other filters (stage, search, sort), which the
	// bar's form carries on as hidden fields: choosing a kecamatan narrows
	// the list, it does not reset it. A desa or dusun, which lie in one
	// kecamatan, and the page number are not kept.
	Keep []formField
}

// notKept are the query's fields the kecamatan bar drops (see Keep).
var notKept = map[string]bool{"kec": true, "desa": true, "dusun": true, "hal": true, "ok": true, "oks": true}

// scopedPages are the pages that take ?kec= (list pages and the home).
var scopedPages = map[string]bool{"/admin/": true, "/admin/gagasan": true, "/admin/rapat": true, "/admin/kegiatan": true,
	"/admin/aduan": true, "/admin/warga": true, "/admin/suara": true, "/admin/peta": true}

// scopeBar is the bar of a kabupaten user's page (nil for anyone else, or
// a page that is no list).
func (s *Server) scopeBar(r *http.Request) *scopeBar {
	u := userOf(r)
	if u == nil || !u.Kabupaten() {
		return nil
	}
	b := &scopeBar{Path: r.URL.Path}
	if sc := scopeOf(r); sc != u.Scope() {
		b.Kec = sc
	}
	if !scopedPages[r.URL.Path] {
		if b.Kec == "" {
			return nil
		}
		return &scopeBar{Kec: b.Kec} // only the menu's links keep it
	}
	kec, err := s.Store.KecamatanInScope(r.Context(), u.Scope())
	if err != nil {
		s.Log.Warn("kecamatan bar", "err", err)
		return nil
	}
	b.Kecamatan = kec
	q := r.URL.Query()
	for _, name := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[name] {
			if !notKept[name] && v != "" {
				b.Keep = append(b.Keep, formField{Name: name, Value: v})
			}
		}
	}
	return b
}

// K is an admin address with the chosen kecamatan kept (?kec=, see
// withKec): detail pages' links and back links.
func (p page) K(to string) string {
	if p.Scope == nil {
		return to
	}
	return withKec(to, p.Scope.Kec)
}

// scopeName names a scope, a kecamatan or a kabupaten, as its title:
// "Kecamatan Ngemplak", "Kabupaten Sleman" (the code when the kabupaten's
// name is not loaded); "" when the store cannot say.
func (s *Server) scopeName(r *http.Request, scope string) string {
	if strings.Count(scope, ".") == 2 {
		kec, err := s.Store.KecamatanInScope(r.Context(), scope)
		if err != nil || len(kec) != 1 {
			return ""
		}
		return "Kecamatan " + kec[0].Nama
	}
	nama, ok, err := s.Store.KabupatenName(r.Context(), scope)
	switch {
	case err != nil:
		return ""
	case !ok:
		return "Kabupaten " + scope
	}
	return strings.TrimSpace(nama)
}

// AllKec tells whether the page shows a whole kabupaten (a kabupaten
// user, no kecamatan chosen): its lists name each row's kecamatan.
func (p page) AllKec() bool { return p.Scope != nil && p.Scope.Kec == "" }

// KecQ is the chosen kecamatan as a query for the menu's links ("" for
// the whole kabupaten).
func (p page) KecQ() string {
	if p.Scope == nil || p.Scope.Kec == "" {
		return ""
	}
	return "?kec=" + url.QueryEscape(p.Scope.Kec)
}

type kabupatenData struct {
	Kode     string
	Nama     string
	Rows     []postgres.KecamatanFigures
	Stages   []domain.Status
	Total    postgres.KecamatanFigures
	Imported bool
}

// kabupatenOverview shows every kecamatan of the user's kabupaten side by
// side: desa, residents and the women among them, gagasan per stage (the
// MAD's results: funded, not funded), meetings held and their attendance;
// one query grouped by kecamatan.
func (s *Server) kabupatenOverview(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	rows, err := s.Store.KabupatenOverview(r.Context(), u.Scope(), s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := kabupatenData{Kode: u.Scope(), Rows: rows, Total: postgres.KecamatanFigures{Stages: map[domain.Status]int{}}}
	if nama, ok, err := s.Store.KabupatenName(r.Context(), u.Scope()); err != nil {
		s.fail(w, r, err)
		return
	} else if ok {
		data.Nama, data.Imported = nama, true
	}
	for _, k := range rows {
		t := &data.Total
		t.Desa += k.Desa
		t.Residents += k.Residents
		t.Women += k.Women
		t.Meetings += k.Meetings
		t.MAD += k.MAD
		t.Planned += k.Planned
		t.Attended += k.Attended
		t.AttendedWomen += k.AttendedWomen
		for st, n := range k.Stages {
			t.Stages[st] += n
		}
	}
	// The MAD's results, funded and not funded, are always columns (the
	// caption names them): a zero is news too.
	for _, st := range domain.Statuses {
		if data.Total.Stages[st] > 0 || st == domain.StatusDidanai || st == domain.StatusTidakDidanai {
			data.Stages = append(data.Stages, st)
		}
	}
	title := "Kabupaten " + data.Kode
	if data.Imported {
		title = strings.TrimSpace(data.Nama)
	}
	s.render(w, http.StatusOK, "admin_kabupaten", s.adminPage(r, title, data))
}
