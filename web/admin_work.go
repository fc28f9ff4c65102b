package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// --- export ---

// gagasanCSV exports the filtered gagasan for the RPJMDes and MAD
// documents: what was proposed, where, and how far it got; no sender.
func (s *Server) gagasanCSV(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.ListAdminGagasan(r.Context(), s.gagasanFilter(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="gagasan.csv"`)
	_, _ = w.Write([]byte("\ufeff")) // so that spreadsheet programs read UTF-8
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"kode", "desa", "dusun", "kategori", "judul", "uraian", "tahap", "kk_penerima", "kk_miskin", "tanggal", "lat", "lng", "digabung_ke"})
	optInt := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	optF := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', 6, 64)
	}
	for _, g := range list {
		_ = cw.Write([]string{g.Code, g.DesaNama, g.DusunNama, flows.CategoryText(flows.LangID, g.Category), csvSafe(g.Title), csvSafe(g.Description),
			flows.StageText(flows.LangID, g.Status), optInt(g.Households), optInt(g.PoorHouseholds), g.CreatedAt.Format("2006-01-02"),
			optF(g.Lat), optF(g.Lng), g.MergedInto})
	}
	cw.Flush()
}

// csvSafe keeps a resident's text from being read as a formula by a
// spreadsheet program.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// --- meetings ---

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	all, err := s.Store.MeetingsOfKecamatan(r.Context(), u.KecamatanKode, 300)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var list []domain.Meeting
	for _, m := range all {
		if u.DesaKode == nil || *u.DesaKode == m.DesaKode {
			list = append(list, m)
		}
	}
	s.render(w, http.StatusOK, "admin_rapat", s.adminPage(r, "Rapat", list))
}

type meetingDetailData struct {
	M      *domain.Meeting
	Stats  domain.MeetingStats
	Agenda []agendaItem
}

type agendaItem struct {
	domain.Gagasan
	Next []domain.Status
}

// scoped loads the record named by the path's code and checks that its
// desa is one the user may see (any other is "not found").
func scoped[T any](s *Server, r *http.Request, load func(context.Context, string) (T, error), desaOf func(T) string) (T, error) {
	v, err := load(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		return v, err
	}
	if _, err := s.desaOf(r.Context(), userOf(r), desaOf(v)); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

func (s *Server) meetingFor(r *http.Request) (*domain.Meeting, error) {
	return scoped(s, r, s.Store.MeetingByCode, func(m *domain.Meeting) string { return m.DesaKode })
}

func (s *Server) meetingDetail(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	stats, err := s.Store.MeetingStatsByCode(r.Context(), m.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	agenda, err := s.Store.MeetingAgenda(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := meetingDetailData{M: m, Stats: stats}
	for _, g := range agenda {
		data.Agenda = append(data.Agenda, agendaItem{Gagasan: g, Next: g.Status.Next()})
	}
	s.render(w, http.StatusOK, "admin_rapat_detail", s.adminPage(r, "Rapat "+m.Code, data))
}

// meetingOutcome records attendance and the decision on each agenda item
// ("tetap" leaves it), in one transaction; each moved sender is told.
func (s *Server) meetingOutcome(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hadir, err := formInt(r, "hadir")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	women, err := formInt(r, "perempuan")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	agenda, err := s.Store.MeetingAgenda(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var decisions []postgres.Decision
	for _, g := range agenda {
		v := r.PostFormValue("putusan_" + g.Code)
		if v == "" || v == "tetap" {
			continue
		}
		to, err := domain.ParseStatus(v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		decisions = append(decisions, postgres.Decision{GagasanCode: g.Code, To: to,
			Note: strings.TrimSpace(r.PostFormValue("catatan_" + g.Code))})
	}
	by := "web " + userOf(r).Username
	if err := s.Store.RecordOutcomeByCode(r.Context(), postgres.Outcome{Code: m.Code, Attended: hadir, Women: women, Now: s.now(),
		Decisions: decisions, By: by, Notice: flows.StatusChangedText}); err != nil {
		s.fail(w, r, err)
		return
	}
	if len(decisions) > 0 {
		s.wake()
	}
	done(w, r, "/admin/rapat/"+m.Code, "Hasil rapat dicatat.")
}

// --- kegiatan ---

type kegiatanListData struct {
	Kegiatan []domain.Kegiatan
	Funded   []domain.Gagasan
}

func (s *Server) kegiatanList(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	list, err := s.Store.KegiatanOfKecamatan(r.Context(), u.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var data kegiatanListData
	for _, k := range list {
		if u.DesaKode == nil || *u.DesaKode == k.DesaKode {
			data.Kegiatan = append(data.Kegiatan, k)
		}
	}
	if u.Role == postgres.AdminFasilitator {
		if data.Funded, err = s.Store.FundedWithoutKegiatan(r.Context(), u.KecamatanKode); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, http.StatusOK, "admin_kegiatan", s.adminPage(r, "Kegiatan", data))
}

func (s *Server) kegiatanCreate(w http.ResponseWriter, r *http.Request) {
	gcode := strings.ToUpper(strings.TrimSpace(r.PostFormValue("gagasan")))
	g, _, err := s.Store.AdminGagasanByCode(r.Context(), gcode)
	if err == nil {
		_, err = s.desaOf(r.Context(), userOf(r), g.DesaKode)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	budget, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(r.PostFormValue("anggaran")), 10, 64)
	if err != nil || budget <= 0 {
		s.fail(w, r, domain.Errorf(domain.EINVALID, "anggaran ditulis sebagai bilangan bulat Rupiah, misalnya 150000000"))
		return
	}
	var tpk []domain.Phone
	for _, f := range strings.FieldsFunc(r.PostFormValue("tpk"), func(r rune) bool { return r == ',' || r == '\n' || r == ' ' }) {
		p, err := domain.ParsePhone(f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		tpk = append(tpk, p)
	}
	var volume *float64
	if v := strings.TrimSpace(r.PostFormValue("volume")); v != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil || f <= 0 {
			s.fail(w, r, domain.Errorf(domain.EINVALID, "volume harus berupa angka"))
			return
		}
		volume = &f
	}
	k, err := s.Store.CreateKegiatan(r.Context(), postgres.NewKegiatan{GagasanCode: g.Code, Budget: budget, Volume: volume,
		Unit: strings.TrimSpace(r.PostFormValue("satuan")), TPK: tpk, Notice: flows.StatusChangedText})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/kegiatan/"+k.Code, "Kegiatan "+k.Code+" dibuat.")
}

type kegiatanDetailData struct {
	K        *domain.Kegiatan
	Tranches []domain.Tranche
	Reports  []domain.ProgressReport
}

func (s *Server) kegiatanFor(r *http.Request) (*domain.Kegiatan, error) {
	return scoped(s, r, s.Store.KegiatanByCode, func(k *domain.Kegiatan) string { return k.DesaKode })
}

func (s *Server) kegiatanDetail(w http.ResponseWriter, r *http.Request) {
	k, err := s.kegiatanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tr, err := s.Store.TranchesOf(r.Context(), k.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	reports, err := s.Store.ReportsOf(r.Context(), k.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "admin_kegiatan_detail", s.adminPage(r, "Kegiatan "+k.Code, kegiatanDetailData{K: k, Tranches: tr, Reports: reports}))
}

func (s *Server) kegiatanDisburse(w http.ResponseWriter, r *http.Request) {
	k, err := s.kegiatanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, err := formInt(r, "tahap")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Store.DisburseTranche(r.Context(), k.Code, n, "web "+userOf(r).Username, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/kegiatan/"+k.Code, "Pencairan tahap "+strconv.Itoa(n)+" dicatat.")
}

// --- complaints ---

type complaintData struct {
	Complaints []postgres.AdminComplaint
	Statuses   []domain.ComplaintStatus
}

func (s *Server) complaintList(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.ListComplaints(r.Context(), userOf(r).KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.logAccess(r, "daftar aduan", fmt.Sprintf("%d aduan", len(list))); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "admin_aduan", s.adminPage(r, "Aduan", complaintData{Complaints: list, Statuses: domain.ComplaintStatuses}))
}

func (s *Server) complaintMove(w http.ResponseWriter, r *http.Request) {
	c, err := scoped(s, r, s.Store.ComplaintByCode, func(c *domain.Complaint) string { return c.DesaKode })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	code := c.Code
	note := strings.TrimSpace(r.PostFormValue("jawaban"))
	to := domain.ComplaintStatus(r.PostFormValue("status"))
	err = s.Store.SetComplaintStatus(r.Context(), postgres.ComplaintMove{Code: code, To: to, Note: note, Notice: flows.ComplaintChangedText})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/aduan", "Aduan "+code+": "+flows.ComplaintStageText(flows.LangID, to)+". Pengadu diberi tahu.")
}

// --- people and roles ---

type peopleData struct {
	Query  string
	People []postgres.ContactRow
	Roles  []postgres.RoleListing
	Desa   []domain.Desa
	Kinds  []domain.Role
	Langs  []langChoice
}

func (s *Server) people(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	people, err := s.Store.SearchContacts(r.Context(), u.KecamatanKode, q, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.logAccess(r, "daftar warga", fmt.Sprintf("cari %q: %d orang", q, len(people))); err != nil {
		s.fail(w, r, err)
		return
	}
	desa, err := s.Store.DesaOfKecamatan(r.Context(), u.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var roles []postgres.RoleListing
	for _, d := range desa {
		rs, err := s.Store.ListRoles(r.Context(), d.Kode)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		roles = append(roles, rs...)
	}
	data := peopleData{Query: q, People: people, Roles: roles, Desa: desa, Langs: langChoices(),
		Kinds: []domain.Role{domain.RoleKPMD, domain.RoleTPK, domain.RoleTV, domain.RoleTPU, domain.RoleFasilitator}}
	s.render(w, http.StatusOK, "admin_warga", s.adminPage(r, "Warga dan peran", data))
}

func (s *Server) roleChange(w http.ResponseWriter, r *http.Request) {
	phone, err := domain.ParsePhone(r.PostFormValue("nomor"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	role, err := domain.ParseRole(r.PostFormValue("peran"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.desaOf(r.Context(), userOf(r), r.PostFormValue("desa"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ra := domain.RoleAssignment{Phone: phone, Role: role, DesaKode: d.Kode}
	msg := string(role) + " Desa " + d.Nama + " diberikan kepada " + string(phone) + "."
	if r.PostFormValue("aksi") == "cabut" {
		err = s.Store.RevokeRole(r.Context(), ra)
		msg = string(role) + " Desa " + d.Nama + " dicabut dari " + string(phone) + "."
	} else {
		err = s.Store.GrantRole(r.Context(), ra, "web "+userOf(r).Username)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/warga", msg)
}

func (s *Server) desaImport(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	file, _, err := r.FormFile("csv")
	if err != nil {
		s.fail(w, r, domain.Errorf(domain.EINVALID, "pilih berkas CSV"))
		return
	}
	defer file.Close()
	tz := "WIB"
	if kec, err := s.Store.ListKecamatan(r.Context()); err == nil {
		for _, k := range kec {
			if k.Kode == u.KecamatanKode {
				tz = k.TimeZone
			}
		}
	}
	res, err := s.Store.ImportDesa(r.Context(), file, tz, u.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/warga", "Impor selesai: "+strconv.Itoa(res.Desa)+" desa, "+strconv.Itoa(res.Dusun)+" dusun baru.")
}
