package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// A proposal's figures on its gagasan's page: the budget, the people it
// serves and whether it came from the women's meeting (MKP), written by
// the facilitator, read by the Tim Verifikasi and the MAD.

// figuresView is a proposal's figures as the page shows them and as its
// form offers them again.
type figuresView struct {
	// Budget is written as people read it ("Rp 150.000.000"), "" when not
	// yet known; the form reads it back with domain.ParseRupiah.
	Budget string
	// Beneficiaries is a count of people (jiwa), "" when not known.
	Beneficiaries string
	// MKP is the form's choice: "" (as the meetings say), "ya", "tidak";
	// MKPText says what it comes to.
	MKP, MKPText string
}

func newFiguresView(p postgres.Proposal) figuresView {
	v := figuresView{}
	if p.Budget != nil {
		v.Budget = domain.FormatRupiah(*p.Budget)
	}
	if p.Beneficiaries != nil {
		v.Beneficiaries = strconv.Itoa(*p.Beneficiaries)
	}
	switch {
	case p.FromMKP != nil && *p.FromMKP:
		v.MKP, v.MKPText = "ya", "Ya (ditetapkan fasilitator)"
	case p.FromMKP != nil:
		v.MKP, v.MKPText = "tidak", "Tidak (ditetapkan fasilitator)"
	case p.OnMKPAgenda:
		v.MKPText = "Ya: dibahas di Musyawarah Khusus Perempuan"
	default:
		v.MKPText = "Tidak: belum dibahas di Musyawarah Khusus Perempuan"
	}
	return v
}

// proposalFigures records a proposal's figures from its form; an empty
// field clears what was written.
func (s *Server) proposalFigures(w http.ResponseWriter, r *http.Request) {
	g, _, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var f postgres.ProposalFigures
	if v := strings.TrimSpace(r.PostFormValue("anggaran")); v != "" {
		n, err := domain.ParseRupiah(v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f.Budget = &n
	}
	if strings.TrimSpace(r.PostFormValue("penerima")) != "" {
		n, err := formInt(r, "penerima")
		if err != nil {
			s.fail(w, r, err)
			return
		}
		f.Beneficiaries = &n
	}
	switch r.PostFormValue("mkp") {
	case "":
	case "ya", "tidak":
		yes := r.PostFormValue("mkp") == "ya"
		f.FromMKP = &yes
	default:
		s.fail(w, r, ruleMKPChoice.Err())
		return
	}
	if err := s.Store.SetProposalFigures(r.Context(), g.Code, f); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/gagasan/"+g.Code+"#angka", "Anggaran dan penerima manfaat disimpan.")
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var ruleMKPChoice = domain.NewRule("mkp_choice", domain.EINVALID, "from the MKP: yes, no or as the meetings say")
