package web

import (
	"net/http"
	"sort"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// A kecamatan's public page on the board: the inter-village meeting's
// (MAD) decided results by desa — each proposal's place, budget and
// whether it is funded or forwarded and where — the allocation and what it
// funded, and the delegates counted. Never a resident's or a delegate's
// name (the store selects none).

type kecamatanBoardData struct {
	*postgres.KecamatanBoard
	MADs []madView
}

// madView is one decided MAD as the page draws it.
type madView struct {
	postgres.PublicMAD
	Funded, Remaining     int64
	NFunded, NForwarded   int
	Desa                  []madDesa
	Delegates, DelegatesP int
	// DelegatesPText is the women among the delegates as the board shows
	// them (publicWomen).
	DelegatesPText string
}

// madDesa is one desa's part of a MAD: its proposals in rank order and its
// delegates.
type madDesa struct {
	Kode, Nama string
	Items      []postgres.MADItem
	Funded     int64
	Delegates  postgres.DelegateCount
	// WomenText is the women among its delegates as the board shows them.
	WomenText string
}

func newMADView(m postgres.PublicMAD, min int) madView {
	v := madView{PublicMAD: m, Funded: m.Funded()}
	v.Remaining = m.Allocation - v.Funded
	byDesa := map[string]*madDesa{}
	desa := func(kode, nama string) *madDesa {
		if byDesa[kode] == nil {
			byDesa[kode] = &madDesa{Kode: kode, Nama: nama}
		}
		return byDesa[kode]
	}
	for _, it := range m.Items {
		d := desa(it.DesaKode, it.DesaNama)
		d.Items = append(d.Items, it)
		if it.Funded {
			d.Funded += it.Budget
			v.NFunded++
		} else {
			v.NForwarded++
		}
	}
	for _, c := range m.Delegates {
		desa(c.DesaKode, c.DesaNama).Delegates = c
		v.Delegates += c.N
		v.DelegatesP += c.Women
	}
	for _, d := range byDesa {
		d.WomenText = publicWomen(d.Delegates.N, d.Delegates.Women, min)
		v.Desa = append(v.Desa, *d)
	}
	v.DelegatesPText = publicWomen(v.Delegates, v.DelegatesP, min)
	sort.Slice(v.Desa, func(i, j int) bool {
		if v.Desa[i].Nama != v.Desa[j].Nama {
			return v.Desa[i].Nama < v.Desa[j].Nama
		}
		return v.Desa[i].Kode < v.Desa[j].Kode
	})
	return v
}

func (s *Server) kecamatanBoard(w http.ResponseWriter, r *http.Request) {
	b, err := s.Store.KecamatanBoard(r.Context(), r.PathValue("kode"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := kecamatanBoardData{KecamatanBoard: b}
	for _, m := range b.MADs {
		data.MADs = append(data.MADs, newMADView(m, s.minCount()))
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "kecamatan", page{Title: "Hasil MAD Kecamatan " + b.Kecamatan.Nama, Data: data})
}
