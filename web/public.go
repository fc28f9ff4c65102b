package web

import (
	"net/http"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

type indexData struct {
	Kecamatan []kecamatanDesa
	Sim       bool
}

type kecamatanDesa struct {
	domain.Kecamatan
	Desa []domain.Desa
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	kec, err := s.Store.ListKecamatan(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	desa, err := s.Store.ListDesa(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := indexData{Sim: s.SimEnabled}
	for _, k := range kec {
		kd := kecamatanDesa{Kecamatan: k}
		for _, d := range desa {
			if d.KecamatanKode == k.Kode {
				kd.Desa = append(kd.Desa, d)
			}
		}
		data.Kecamatan = append(data.Kecamatan, kd)
	}
	s.render(w, http.StatusOK, "index", page{Title: "Papan Informasi Desa", Data: data})
}

// boardData is a desa's board, with its gagasan grouped by stage in the
// order of the program's cycle.
type boardData struct {
	*postgres.Board
	Stages []stageGroup
	// ComplaintCounts in the order of their stages, empty ones left out.
	ComplaintCounts []complaintCount
	Map             mapView
	Charts          *boardCharts
}

// mapView is a desa's social map as the board shows it: counts only, a
// small count as "< 3".
type mapView struct {
	Dusun   []dusunView
	Total   domain.RTMCount
	Counted int
	Min     int
	// Linked gagasan by code: the board's gagasan list names what each answers.
	Answers map[string]string
	// DesaKinds is the desa's map: every dusun's items by kind.
	DesaKinds []desaKind
}

type desaKind struct {
	Kind  domain.MapKind
	Count int
}

type dusunView struct {
	Nama     string
	Kinds    []kindView
	Criteria []criteriaView
	Count    *domain.RTMCount
}

type kindView struct {
	Kind  domain.MapKind
	Items []itemView
}

type itemView struct {
	domain.MapItem
	Answers []postgres.BoardGagasan
}

type criteriaView struct {
	Level domain.PovertyLevel
	Texts []string
}

func buildMapView(m *postgres.DesaMap, min int) mapView {
	v := mapView{Total: m.Count, Counted: m.Counted, Min: min, Answers: map[string]string{}}
	for _, k := range domain.MapKinds {
		if n := len(m.ItemsOf(k)); n > 0 {
			v.DesaKinds = append(v.DesaKinds, desaKind{k, n})
		}
	}
	for _, du := range m.Dusun {
		dv := dusunView{Nama: du.Dusun.Nama, Count: du.Count}
		for _, k := range domain.MapKinds {
			kv := kindView{Kind: k}
			for _, it := range du.Items {
				if it.Kind == k {
					kv.Items = append(kv.Items, itemView{MapItem: it, Answers: m.Answers[it.ID]})
					for _, g := range m.Answers[it.ID] {
						v.Answers[g.Code] = it.Title
					}
				}
			}
			if len(kv.Items) > 0 {
				dv.Kinds = append(dv.Kinds, kv)
			}
		}
		for _, l := range domain.PovertyLevels {
			cv := criteriaView{Level: l}
			for _, c := range du.Criteria {
				if c.Level == l {
					cv.Texts = append(cv.Texts, c.Text)
				}
			}
			if len(cv.Texts) > 0 {
				dv.Criteria = append(dv.Criteria, cv)
			}
		}
		v.Dusun = append(v.Dusun, dv)
	}
	return v
}

type stageGroup struct {
	Status  domain.Status
	Gagasan []postgres.BoardGagasan
}

type complaintCount struct {
	Status domain.ComplaintStatus
	N      int
}

func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	b, err := s.Store.Board(r.Context(), r.PathValue("kode"), s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := s.Store.DesaMapOf(r.Context(), b.Desa.Kode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := boardData{Board: b, Map: buildMapView(m, s.minCount())}
	if data.Charts, err = s.boardCharts(r.Context(), b); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, st := range domain.Statuses {
		g := stageGroup{Status: st}
		for _, x := range b.Gagasan {
			if x.Status == st {
				g.Gagasan = append(g.Gagasan, x)
			}
		}
		if len(g.Gagasan) > 0 {
			data.Stages = append(data.Stages, g)
		}
	}
	for _, st := range domain.ComplaintStatuses {
		if n := b.Complaints[st]; n > 0 {
			data.ComplaintCounts = append(data.ComplaintCounts, complaintCount{st, n})
		}
	}
	p := page{Title: "Papan Informasi Desa " + b.Desa.Nama, Data: data, Print: strings.HasSuffix(r.URL.Path, "/cetak")}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "board", p)
}
