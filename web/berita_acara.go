package web

import (
	_ "embed"
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The berita acara of a held meeting: the minutes the program files,
// printed on A4 through the browser's own print (Cetak / Simpan PDF): the
// page is the document, so what is printed is what is checked on screen,
// with no second layout to keep in step (README, "Berita acara"). The
// admin's version names the elected people; the board's, for a held
// musyawarah, names no resident (elected people by position and count).

// beritaAcaraData is what templates/berita_acara.html prints.
type beritaAcaraData struct {
	M  *domain.Meeting
	BA *postgres.BeritaAcara
	// Public: the board's version (no names, no decision notes, counts
	// as the board shows them).
	Public bool
	Vote   *voteView
	// Women is the women who attended, as this version shows it.
	Women string
	// WomenPct is their share of those who attended, in whole percent.
	WomenPct int
	// Positions are the public version's elected people, counted.
	Positions []positionCount
	Photo     string
	Back      string
}

// positionCount is how many a meeting elected to one position, and how
// many of them are women.
type positionCount struct {
	Position domain.Position
	N, Women int
}

// adminBeritaAcara is a held meeting's berita acara on the admin site.
func (s *Server) adminBeritaAcara(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.beritaAcara(w, r, m, false)
}

// publicBeritaAcara is a held musyawarah's berita acara on the board;
// any other meeting (another desa's, not held, a training) is not found.
func (s *Server) publicBeritaAcara(w http.ResponseWriter, r *http.Request) {
	m, err := s.Store.MeetingByCode(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err == nil && (m.DesaKode != r.PathValue("kode") || m.Status != domain.MeetingHeld || m.Type.IsTraining()) {
		err = domain.Errorf(domain.ENOTFOUND, "no berita acara")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.beritaAcara(w, r, m, true)
}

func (s *Server) beritaAcara(w http.ResponseWriter, r *http.Request, m *domain.Meeting, public bool) {
	if m.Status != domain.MeetingHeld {
		s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "meeting %s has no outcome", m.Code))
		return
	}
	ba, err := s.Store.MeetingBeritaAcara(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := beritaAcaraData{M: m, BA: ba, Public: public, Back: "/admin/rapat/" + m.Code}
	attended, women := 0, 0
	if m.Attended != nil && m.AttendedWomen != nil {
		attended, women = *m.Attended, *m.AttendedWomen
	}
	d.WomenPct = domain.Percent(women, attended)
	d.Women = strconv.Itoa(women)
	v, res, err := s.Store.MeetingVote(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names, err := s.Store.DusunNames(r.Context(), m.DesaKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if public {
		d.Back = "/desa/" + m.DesaKode
		min := s.minCount()
		d.Women = domain.PublicCount(women, min)
		d.Positions = countPositions(ba.Elected)
		if ba.PhotoID != 0 && ba.PhotoPublic { // a facilitator checked it for residents' names
			d.Photo = "/foto/" + strconv.FormatInt(ba.PhotoID, 10) + "?w=1024"
		}
		if v != nil && res != nil && !v.Open(s.now()) {
			vv := newVoteView(*m, *v, *res, names, s.now(), func(n int) string { return domain.PublicCount(n, min) }, min)
			d.Vote = &vv
		}
	} else {
		if ba.PhotoID != 0 {
			d.Photo = "/admin/berkas/" + strconv.FormatInt(ba.PhotoID, 10)
		}
		if v != nil && res != nil {
			vv := voteViewOf(*m, *v, *res, names, s.now(), strconv.Itoa, 0, s.minCount())
			d.Vote = &vv
		}
	}
	title := "Berita acara " + m.Code
	var p page
	if public {
		p = page{Title: title, Data: d}
	} else {
		p = s.adminPage(r, title, d)
	}
	p.TZ, p.Print = m.TZ, true
	s.render(w, http.StatusOK, "berita_acara", p)
}

// countPositions counts the elected by position, in domain.Positions'
// order: the board's berita acara names no one.
func countPositions(elected []domain.Elected) []positionCount {
	var out []positionCount
	for _, pos := range domain.Positions {
		c := positionCount{Position: pos}
		for _, e := range elected {
			if e.Position == pos {
				c.N++
				if e.Gender == domain.GenderFemale {
					c.Women++
				}
			}
		}
		if c.N > 0 {
			out = append(out, c)
		}
	}
	return out
}

// electionRows is how many people the admin meeting page's election form
// takes at once.
const electionRows = 6

// meetingElections records whom a held meeting elected (the rows of the
// form with a name or a number), granting the roles of those with a phone
// number in the same transaction.
func (s *Server) meetingElections(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var elected []domain.Elected
	for i := 1; i <= electionRows; i++ {
		f := func(name string) string {
			return strings.TrimSpace(r.PostFormValue("pilih_" + strconv.Itoa(i) + "_" + name))
		}
		if f("nama") == "" && f("nomor") == "" {
			continue
		}
		e, err := domain.CheckElected(domain.ElectedInput{Position: f("jabatan"), Name: f("nama"), Gender: f("jk"), Phone: f("nomor"), DesaKode: f("desa")})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if e.DesaKode != "" {
			// A MAD elects for any desa of the kecamatan, but only
			// those the user may see.
			if _, err := s.desaOf(r.Context(), userOf(r), e.DesaKode); err != nil {
				s.fail(w, r, domain.ElectionDesaErr(e.DesaKode))
				return
			}
		}
		elected = append(elected, e)
	}
	n, err := s.Store.RecordElections(r.Context(), m.Code, elected, "web "+userOf(r).Username)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := adminText("elections_recorded", map[string]any{"n": len(elected)})
	if n > 0 {
		msg += " " + adminText("elections_roles", map[string]any{"n": n})
	}
	done(w, r, "/admin/rapat/"+m.Code+"#pemilihan", msg)
}

// electionsOf fills the admin meeting page's elections: those recorded
// and what the form offers.
func (s *Server) electionsOf(r *http.Request, m *domain.Meeting, data *meetingDetailData) error {
	var err error
	if data.Elected, err = s.Store.MeetingElections(r.Context(), m.ID); err != nil {
		return err
	}
	data.ElectionWhy = whyNot(domain.CheckElectionMeeting(*m))
	data.Positions = domain.Positions
	for i := 1; i <= electionRows; i++ {
		data.ElectRows = append(data.ElectRows, i)
	}
	if m.Type.IsMAD() {
		desa, err := s.Store.DesaInScope(r.Context(), domain.KecamatanKodeOf(m.DesaKode))
		if err != nil {
			return err
		}
		for _, d := range desa {
			if userOf(r).CanSeeDesa(d) {
				data.ElectDesa = append(data.ElectDesa, d)
			}
		}
	}
	return nil
}

// printJS is the one script of the site: the "Cetak / Simpan PDF" button
// of a berita acara calls the browser's print (a page without it prints
// with Ctrl+P all the same).
//
//go:embed templates/cetak.js
var printJS []byte

func (s *Server) printScript(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(printJS)
}
