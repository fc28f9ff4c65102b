package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// madForwardedExport is the list a decided MAD hands to the Musrenbang:
// the proposals it did not fund, in the MAD's order, with their desa,
// category, budget, beneficiaries (jiwa), poor households (KK), where they
// are forwarded and why not funded. No resident is named.
func (s *Server) madForwardedExport(w http.ResponseWriter, r *http.Request) {
	m, kec, host, err := s.Store.DecidedMAD(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err == nil {
		_, err = s.desaOf(r.Context(), userOf(r), host)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	year := strconv.Itoa(m.Year)
	t := table{File: "diteruskan-mad-" + kec.Kode + "-" + year, Sheet: "Diteruskan",
		Title: "Usulan diteruskan ke Musrenbang: " + flow.MeetingTypeText(flow.LangID, m.Type) + " " + year + " Kecamatan " + kec.Nama +
			" (" + m.Code + ", alokasi " + domain.FormatRupiah(m.Allocation) + ")",
		Head: []string{"Kode", "Judul", "Desa", "Kategori", "Anggaran (Rp)", "Penerima manfaat (jiwa)", "KK miskin", "Diteruskan ke",
			"Alasan tidak didanai", "Peringkat MAD"}}
	for _, it := range m.Items {
		if it.Funded {
			continue
		}
		rank := it.Rank
		t.Rows = append(t.Rows, []any{it.Code, it.Title, it.DesaNama, flow.CategoryText(flow.LangID, it.Category), rupiahCell(it.Budget),
			it.Beneficiaries, it.PoorHouseholds, it.ForwardTo, it.ForwardReason, &rank})
	}
	s.serveTable(w, r, t)
}
