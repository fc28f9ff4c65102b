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
	// Min is the board's smallest count shown as a number.
	Min int
	// Sec numbers the sections that follow the attendance (1).
	Sec baSections
}

// baSections are the numbers of a berita acara's sections after the
// attendance, which depend on what the meeting has: the kegiatan a Musdes
// Pertanggungjawaban accounted for, then the agenda, the suara warga when
// there was one, and the elected.
type baSections struct{ Kegiatan, Agenda, Vote, Elected int }

// numberSections numbers the sections of a berita acara of a meeting of
// type t, with or without a suara warga.
func numberSections(t domain.MeetingType, vote bool) baSections {
	var s baSections
	n := 1
	next := func() int { n++; return n }
	if t == domain.MeetingPertanggungjawaban {
		s.Kegiatan = next()
	}
	s.Agenda = next()
	if vote {
		s.Vote = next()
	}
	s.Elected = next()
	return s
}

// positionCount is how many a meeting elected to one position, and how
// many of them are women (Women: as the board shows it, publicWomen).
type positionCount struct {
	Position domain.Position
	N        int
	Women    string
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
	d := beritaAcaraData{M: m, BA: ba, Public: public, Back: "/admin/rapat/" + m.Code, Min: s.minCount()}
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
		d.Positions = countPositions(ba.Elected, min)
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
	d.Sec = numberSections(m.Type, d.Vote != nil)
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
// order: the board's berita acara names no one, and shows the women among
// them as publicWomen does.
func countPositions(elected []domain.Elected, min int) []positionCount {
	var out []positionCount
	for _, pos := range domain.Positions {
		c, women := positionCount{Position: pos}, 0
		for _, e := range elected {
			if e.Position == pos {
				c.N++
				if e.Gender == domain.GenderFemale {
					women++
				}
			}
		}
		if c.N > 0 {
			c.Women = publicWomen(c.N, women, min)
			out = append(out, c)
		}
	}
	return out
}

// publicWomen is how a public page shows the women among n people: as
// domain.PublicCount does, and "< min" whatever their number when the n
// people are fewer than min, since "1 orang, 0 perempuan" tells a
// person's gender as well as "1 orang, 1 perempuan".
func publicWomen(n, women, min int) string {
	if n > 0 && n < min {
		return domain.PublicCount(1, min)
	}
	return domain.PublicCount(women, min)
}

// electionRows is how many rows the admin meeting page's election form
// offers at least, electionBlanks how many empty ones below those
// recorded at least; maxElectionRows bounds the rows read.
const (
	electionRows    = 6
	electionBlanks  = 2
	maxElectionRows = 60
)

// electRow is one row of the election form: its number and what it holds
// (the recorded person, or what was typed in a refused form).
type electRow struct {
	N                                       int
	Position, Name, Gender, Phone, DesaKode string
	// Positions are what its select offers (domain.RowPositions).
	Positions []domain.Position
}

// electionField is the form's field name of row i.
func electionField(i int, name string) string { return "pilih_" + strconv.Itoa(i) + "_" + name }

// meetingElections sets whom a held meeting elected (the rows of the form
// with a name or a number; an emptied row removes its person), granting
// the roles of those with a mobile number in the same transaction and
// revoking those the meeting granted to people no longer on it. Every
// row's mistakes are reported at once.
func (s *Server) meetingElections(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var rows []domain.ElectedInput
	for i := 1; i <= maxElectionRows; i++ {
		f := func(name string) string { return strings.TrimSpace(r.PostFormValue(electionField(i, name))) }
		rows = append(rows, domain.ElectedInput{Position: f("jabatan"), Name: f("nama"), Gender: f("jk"), Phone: f("nomor"), DesaKode: f("desa")})
	}
	recorded, err := s.Store.MeetingElections(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	elected, err := domain.CheckElections(m.Type, recorded, rows)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, e := range elected {
		if e.DesaKode != "" {
			// A MAD elects for any desa of the kecamatan, but only
			// those the user may see.
			if _, err := s.desaOf(r.Context(), userOf(r), e.DesaKode); err != nil {
				s.fail(w, r, domain.ElectionDesaErr(e.DesaKode))
				return
			}
		}
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
// and the form's rows, the recorded ones filled in (saving again edits
// them) or, after a refusal, as typed.
func (s *Server) electionsOf(r *http.Request, m *domain.Meeting, data *meetingDetailData) error {
	var err error
	if data.Elected, err = s.Store.MeetingElections(r.Context(), m.ID); err != nil {
		return err
	}
	data.ElectionWhy = whyNot(domain.CheckElectionMeeting(*m, len(data.Elected)))
	data.SeesPhones = userOf(r).SeesPeople()
	if ref := refusedOf(r); ref != nil && ref.Path == "/admin/rapat/"+m.Code+"/pemilihan" {
		for i := 1; i <= maxElectionRows; i++ {
			f := func(name string) string { return ref.Form.Get(electionField(i, name)) }
			row := electRow{N: i, Position: f("jabatan"), Name: f("nama"), Gender: f("jk"), Phone: f("nomor"), DesaKode: f("desa")}
			if row.Name == "" && row.Phone == "" && i > max(electionRows, len(data.Elected)+electionBlanks) {
				break
			}
			data.ElectRows = append(data.ElectRows, row)
		}
	} else {
		for i, e := range data.Elected {
			data.ElectRows = append(data.ElectRows, electRow{N: i + 1, Position: string(e.Position), Name: e.Name,
				Gender: string(e.Gender), Phone: string(e.Phone), DesaKode: e.DesaKode})
		}
		for i := len(data.Elected) + 1; i <= max(electionRows, len(data.Elected)+electionBlanks) && i <= maxElectionRows; i++ {
			data.ElectRows = append(data.ElectRows, electRow{N: i})
		}
	}
	for i := range data.ElectRows {
		data.ElectRows[i].Positions = domain.RowPositions(m.Type, data.Elected, i)
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
