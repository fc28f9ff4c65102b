package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

type petaData struct {
	Desa    domain.Desa
	AllDesa []domain.Desa
	Map     *postgres.DesaMap
	Dusun   []domain.Dusun
	Kinds   []domain.MapKind
	Levels  []domain.PovertyLevel
	History []postgres.MapChange
	// Choose: a kabupaten user with no kecamatan chosen is asked for one.
	Choose bool
}

// petaDesa is the desa of ?desa= (or the user's first) and its map.
func (s *Server) petaDesa(r *http.Request) (domain.Desa, []domain.Desa, *postgres.DesaMap, error) {
	d, all, err := s.chosenDesa(r)
	if err != nil {
		return d, all, nil, err
	}
	m, err := s.Store.DesaMapOf(r.Context(), d.Kode)
	return d, all, m, err
}

// chosenDesa is the desa of ?desa= (or the user's first; a kabupaten
// user's first of the kabupaten), with the desa its page offers to choose
// from (those of its kecamatan).
func (s *Server) chosenDesa(r *http.Request) (domain.Desa, []domain.Desa, error) {
	u := userOf(r)
	all, err := s.visibleDesa(r)
	if err != nil {
		return domain.Desa{}, nil, err
	}
	kode := r.URL.Query().Get("desa")
	if kode == "" && len(all) == 0 && u.Kabupaten() {
		// A whole kabupaten: its first desa, and its kecamatan's below.
		if every, err := s.Store.DesaInScope(r.Context(), scopeOf(r)); err != nil {
			return domain.Desa{}, nil, err
		} else if len(every) > 0 {
			kode = every[0].Kode
		}
	}
	if kode == "" && len(all) > 0 {
		kode = all[0].Kode
	}
	d, err := s.desaOf(r.Context(), u, kode)
	if err != nil {
		return d, nil, err
	}
	if !slices.ContainsFunc(all, func(x domain.Desa) bool { return x.Kode == d.Kode }) {
		// The choice offers the desa of its kecamatan.
		if all, err = s.Store.DesaInScope(r.Context(), d.KecamatanKode); err != nil {
			return d, nil, err
		}
	}
	return d, all, nil
}

func (s *Server) petaPage(w http.ResponseWriter, r *http.Request) {
	if userOf(r).Kabupaten() && chosenKec(r) == "" && r.URL.Query().Get("desa") == "" {
		// A whole kabupaten has no one desa to open: its kecamatan first.
		s.render(w, http.StatusOK, "admin_peta", s.adminPage(r, "Peta sosial", petaData{Choose: true}))
		return
	}
	d, all, m, err := s.petaDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hist, err := s.Store.MapHistory(r.Context(), d.Kode, 30)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := petaData{Desa: d, AllDesa: all, Map: m, Kinds: domain.MapKinds, Levels: domain.PovertyLevels, History: hist}
	for _, du := range m.Dusun {
		data.Dusun = append(data.Dusun, du.Dusun)
	}
	s.render(w, http.StatusOK, "admin_peta", s.adminPage(r, "Peta sosial "+d.Nama, data))
}

// dusunFor reads the form's dusun, one of a desa the user may see.
func (s *Server) dusunFor(r *http.Request) (domain.Dusun, error) {
	id, _ := strconv.ParseInt(r.PostFormValue("dusun"), 10, 64)
	du, err := s.Store.DusunByID(r.Context(), id)
	if err != nil {
		return du, err
	}
	_, err = s.desaOf(r.Context(), userOf(r), du.DesaKode)
	return du, err
}

// petaChange runs one change to a dusun's map and returns to the page.
func (s *Server) petaChange(w http.ResponseWriter, r *http.Request) {
	du, err := s.dusunFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	by := "web " + userOf(r).Username
	ctx := r.Context()
	msg := "Peta Dusun " + du.Nama + " diperbarui."
	switch r.PathValue("what") {
	case "item":
		err = s.Store.AdminAddMapItem(ctx, domain.MapItem{DusunID: du.ID, Kind: domain.MapKind(r.PostFormValue("jenis")),
			Title: r.PostFormValue("judul"), Description: r.PostFormValue("uraian")}, by)
	case "ubah":
		id, _ := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
		action := map[string]string{"hapus": "remove", "terima": "confirm", "tolak": "reject"}[r.PostFormValue("aksi")]
		if action == "remove" && !s.confirmed(w, r, "Hapus dari peta?", "Hapus “"+s.mapText(r, du, id, false)+"” dari peta Dusun "+du.Nama+
			"? Perubahan ini tercatat di riwayat.", "Ya, hapus dari peta", "/admin/peta?desa="+du.DesaKode) {
			return
		}
		err = s.Store.AdminChangeMapItem(ctx, postgres.MapItemChange{DusunID: du.ID, ID: id, Action: action}, by)
	case "kriteria":
		err = s.Store.AdminAddCriterion(ctx, du.ID, domain.PovertyLevel(r.PostFormValue("tingkat")), r.PostFormValue("kriteria"), by)
	case "hapus-kriteria":
		id, _ := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
		if !s.confirmed(w, r, "Hapus kriteria?", "Hapus kriteria “"+s.mapText(r, du, id, true)+"” dari Dusun "+du.Nama+
			"? Perubahan ini tercatat di riwayat.", "Ya, hapus kriteria", "/admin/peta?desa="+du.DesaKode) {
			return
		}
		err = s.Store.AdminRemoveCriterion(ctx, du.ID, id, by)
	case "rtm":
		c := domain.RTMCount{DusunID: du.ID}
		if c.SangatMiskin, err = formInt(r, "sangat_miskin"); err == nil {
			if c.Miskin, err = formInt(r, "miskin"); err == nil {
				if v := strings.TrimSpace(r.PostFormValue("total")); v != "" {
					c.Total, err = formInt(r, "total")
				}
			}
		}
		if err == nil {
			err = s.Store.AdminSetRTMCount(ctx, c, by)
		}
	default:
		err = domain.Errorf(domain.ENOTFOUND, "no such change")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/peta?desa="+du.DesaKode, msg)
}

// petaExport exports a desa's map: one row per item, then the counts and
// criteria of each dusun. Counts are exact here: the facilitator's export
// is not a public page.
func (s *Server) petaExport(w http.ResponseWriter, r *http.Request) {
	d, _, m, err := s.petaDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	t := table{File: "peta-" + d.Kode, Title: "Peta sosial Desa " + d.Nama, Sheet: d.Nama,
		Head: []string{"Desa", "Dusun", "Jenis", "Judul", "Uraian", "Gagasan yang menjawab", "RTM sangat miskin", "RTM miskin", "Seluruh KK"}}
	for _, du := range m.Dusun {
		for _, it := range du.Items {
			var codes []string
			for _, g := range m.Answers[it.ID] {
				codes = append(codes, g.Code)
			}
			t.Rows = append(t.Rows, []any{d.Nama, du.Dusun.Nama, flow.MapKindText(flow.LangID, it.Kind), it.Title, it.Description, strings.Join(codes, " ")})
		}
		if c := du.Count; c != nil {
			var total *int
			if c.Total > 0 {
				total = &c.Total
			}
			t.Rows = append(t.Rows, []any{d.Nama, du.Dusun.Nama, "Jumlah RTM", "sangat miskin " + strconv.Itoa(c.SangatMiskin) +
				", miskin " + strconv.Itoa(c.Miskin) + ", seluruh KK " + strconv.Itoa(c.Total), "", "", &c.SangatMiskin, &c.Miskin, total})
		}
		for _, c := range du.Criteria {
			t.Rows = append(t.Rows, []any{d.Nama, du.Dusun.Nama, "Kriteria " + flow.LevelText(flow.LangID, c.Level), c.Text, "", ""})
		}
	}
	s.serveTable(w, r, t)
}

// mapText names a map item or criterion of a dusun for a question ("…"
// when it is not there: the change itself then says so).
func (s *Server) mapText(r *http.Request, du domain.Dusun, id int64, criterion bool) string {
	m, err := s.Store.DesaMapOf(r.Context(), du.DesaKode)
	if err != nil {
		return "…"
	}
	for _, dm := range m.Dusun {
		if dm.Dusun.ID != du.ID {
			continue
		}
		if criterion {
			for _, c := range dm.Criteria {
				if c.ID == id {
					return c.Text
				}
			}
		}
		for _, it := range dm.Items {
			if !criterion && it.ID == id {
				return it.Title
			}
		}
	}
	return "…"
}
