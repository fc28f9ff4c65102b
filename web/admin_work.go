package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// --- export ---

// gagasanExport exports the filtered gagasan for the RPJMDes and MAD
// documents: what was proposed, where, and how far it got; no sender.
func (s *Server) gagasanExport(w http.ResponseWriter, r *http.Request) {
	f := s.gagasanFilter(r)
	list, err := s.Store.ListAdminGagasan(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	t := table{File: "gagasan", Title: "Gagasan", Sheet: "Gagasan",
		Head: []string{"Kode", "Kecamatan", "Desa", "Dusun", "Kategori", "Judul", "Uraian", "Tahap", "KK penerima manfaat", "KK miskin", "Tanggal masuk",
			"Lintang", "Bujur", "Digabung ke gagasan"}}
	// A spreadsheet is read out of context: its title row and file name
	// say whose gagasan these are (a desa, a kecamatan, a kabupaten).
	if f.Desa != "" {
		if d, err := s.desaOf(r.Context(), userOf(r), f.Desa); err == nil {
			t.Title, t.Sheet, t.File = "Gagasan Desa "+d.Nama, d.Nama, "gagasan-"+d.Kode
		}
	} else if nama := s.scopeName(r, f.Scope); nama != "" {
		t.Title, t.Sheet, t.File = "Gagasan "+nama, nama, "gagasan-"+f.Scope
	}
	zones := map[string]*time.Location{}
	for _, g := range list {
		if zones[g.DesaKode] == nil {
			zones[g.DesaKode] = location(s.Store.DesaTimeZone(r.Context(), g.DesaKode))
		}
		t.Rows = append(t.Rows, []any{g.Code, g.KecamatanNama, g.DesaNama, g.DusunNama, flow.CategoryText(flow.LangID, g.Category), g.Title, g.Description,
			flow.StageText(flow.LangID, g.Status), g.Households, g.PoorHouseholds, day(g.CreatedAt.In(zones[g.DesaKode])),
			g.Lat, g.Lng, g.MergedInto})
	}
	s.serveTable(w, r, t)
}

// --- meetings ---

type meetingListData struct {
	Meetings []domain.Meeting
	Filter   postgres.MeetingFilter
	Desa     []domain.Desa
	Types    []domain.MeetingType
	Statuses []domain.MeetingStatus
	List     *listView
}

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	q := r.URL.Query()
	f := postgres.MeetingFilter{Scope: scopeOf(r), Desa: q.Get("desa"), Type: q.Get("jenis"), Status: q.Get("status"), Query: q.Get("q")}
	if u.DesaKode != nil {
		f.Desa = *u.DesaKode
	}
	lv := listOf(r, "rapat", postgres.MeetingSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]domain.Meeting, int, error) {
		return s.Store.MeetingPage(r.Context(), f, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	desa, err := s.visibleDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := meetingListData{Meetings: list, Filter: f, Desa: desa, Types: domain.MeetingTypes, List: lv,
		Statuses: []domain.MeetingStatus{domain.MeetingScheduled, domain.MeetingHeld, domain.MeetingCanceled}}
	s.render(w, http.StatusOK, "admin_rapat", s.adminPage(r, "Rapat", data))
}

type meetingDetailData struct {
	M *domain.Meeting
	// OutcomeWhy says why no outcome can be recorded yet ("": it can).
	OutcomeWhy string
	Stats      domain.MeetingStats
	Agenda     []agendaItem
	// Vote is the meeting's suara warga (nil when none); VoteWhy says why
	// one cannot be opened now ("": it can).
	Vote    *voteView
	VoteWhy string
	// VotePast: the meeting was held, cancelled or has begun; no vote is
	// offered for it.
	VotePast bool
	// BA is the photo of the signed berita acara, with those it replaced.
	BA baPhotoView
	// Elected are whom the held meeting elected; ElectionWhy says why none
	// can be recorded now ("": they can), ElectRows are the form's rows,
	// ElectDesa are the desa a MAD elected for (nil: the meeting's; a
	// MAD elects nobody now, its rows recorded before may be corrected);
	// SeesPhones: the user sees the elected people's numbers
	// (AdminUser.SeesPeople).
	Elected     []domain.Elected
	ElectionWhy string
	ElectRows   []electRow
	ElectDesa   []domain.Desa
	SeesPhones  bool
	// MADKecamatan is, for a MAD whose Penetapan was recorded, its
	// kecamatan ("" otherwise): its forwarded proposals export for the
	// Musrenbang, its results are on the kecamatan's public page.
	MADKecamatan string
}

// agendaItem is a gagasan on a meeting's agenda with the decisions the
// meeting may take on it; one that left the cycle since (rejected, merged,
// withdrawn) has none and is shown as such.
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
	data := meetingDetailData{M: m, Stats: stats, OutcomeWhy: whyNot(domain.CheckOutcomeTime(m.Code, m.StartsAt, s.now()))}
	for _, g := range agenda {
		item := agendaItem{Gagasan: g}
		if !g.Status.LeftCycle() {
			item.Next = g.Status.Next()
		}
		data.Agenda = append(data.Agenda, item)
	}
	if err := s.electionsOf(r, m, &data); err != nil {
		s.fail(w, r, err)
		return
	}
	data.VotePast = m.Status != domain.MeetingScheduled || !m.StartsAt.After(s.now())
	if data.Vote, data.VoteWhy, err = s.adminVote(r, m, len(agenda)); err != nil {
		s.fail(w, r, err)
		return
	}
	if data.BA, err = s.baPhotosOf(r, m); err != nil {
		s.fail(w, r, err)
		return
	}
	if m.Type == domain.MeetingMADPrioritas || m.Type == domain.MeetingMADPenetapan {
		if data.MADKecamatan, err = s.Store.MADDecidedIn(r.Context(), m.ID); err != nil {
			s.fail(w, r, err)
			return
		}
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
		if v == "" || v == "tetap" || g.Status.LeftCycle() {
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
	Desa     []domain.Desa
	DesaKode string
	List     *listView
}

func (s *Server) kegiatanList(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	desa := r.URL.Query().Get("desa")
	if u.DesaKode != nil {
		desa = *u.DesaKode
	}
	lv := listOf(r, "kegiatan", postgres.KegiatanSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]domain.Kegiatan, int, error) {
		return s.Store.KegiatanPage(r.Context(), scopeOf(r), desa, lv.Query, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := kegiatanListData{Kegiatan: list, DesaKode: desa, List: lv}
	if data.Desa, err = s.visibleDesa(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if u.Facilitates() {
		if data.Funded, err = s.Store.FundedWithoutKegiatan(r.Context(), scopeOf(r)); err != nil {
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
	budget, err := domain.ParseRupiah(r.PostFormValue("anggaran"))
	if err != nil {
		s.fail(w, r, err)
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
			s.fail(w, r, ruleVolumeNumber.Err())
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
	// Next is the tranche to disburse next (0: all are); NextWhy what the
	// rule lacks for it now ("": it may be recorded).
	Next    int
	NextWhy string
	// Today and Earliest bound the date the money was paid (YYYY-MM-DD in
	// the desa's zone; Earliest "" for the first tranche).
	Today, Earliest string
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
	zone := location(s.Store.DesaTimeZone(r.Context(), k.DesaKode))
	data := kegiatanDetailData{K: k, Tranches: tr, Reports: reports, Today: s.now().In(zone).Format("2006-01-02")}
	for i, t := range tr {
		if t.DisbursedAt == nil {
			data.Next = t.No
			if i > 0 && tr[i-1].DisbursedAt != nil {
				data.Earliest = tr[i-1].DisbursedAt.In(zone).Format("2006-01-02")
			}
			break
		}
	}
	if data.Next > 0 {
		facts, err := s.Store.DisbursementFacts(r.Context(), k, data.Next, s.now())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		data.NextWhy = whyNot(domain.CheckDisburse(data.Next, facts))
	}
	s.render(w, http.StatusOK, "admin_kegiatan_detail", s.adminPage(r, "Kegiatan "+k.Code, data))
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
	tr, err := s.Store.TranchesOf(r.Context(), k.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n < 1 || n > len(tr) {
		s.fail(w, r, ruleNotWholeNumber.Err("tahap"))
		return
	}
	now, zone := s.now(), location(s.Store.DesaTimeZone(r.Context(), k.DesaKode))
	var prev *time.Time
	if n >= 2 {
		prev = tr[n-2].DisbursedAt
	}
	paid, err := paidAt(r.PostFormValue("tanggal"), now, zone, prev)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The rules first, as of the day paid, so that a refusal is said on
	// the form, not after the question (the store checks them again).
	err = domain.CheckDisburseDate(paid, now, prev)
	if err == nil {
		var facts domain.DisbursementFacts
		if facts, err = s.Store.DisbursementFacts(r.Context(), k, n, paid); err == nil {
			err = domain.CheckDisburse(n, facts)
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.confirmed(w, r, "Catat dana cair?", "Catat dana tahap "+strconv.Itoa(n)+" ("+domain.FormatRupiah(tr[n-1].Amount)+") kegiatan "+k.Code+
		" „"+k.Title+"” cair pada "+flow.LongDateText(flow.LangID, paid.In(zone))+"? Catatan pencairan tetap dan tampil di papan informasi desa.",
		"Ya, catat cair", "/admin/kegiatan/"+k.Code) {
		return
	}
	if err := s.Store.DisburseTrancheOn(r.Context(), k.Code, n, "web "+userOf(r).Username, paid, now); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/kegiatan/"+k.Code, "Pencairan tahap "+strconv.Itoa(n)+" dicatat.")
}

// paidAt is when money was paid, from a form's date (YYYY-MM-DD in the
// desa's zone; empty: today): today is now, an earlier day its noon, or
// just after the previous tranche when that was paid later the same day.
func paidAt(v string, now time.Time, zone *time.Location, prev *time.Time) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return now, nil
	}
	d, err := time.ParseInLocation("2006-01-02", v, zone)
	if err != nil {
		return now, ruleDateFormat.Err()
	}
	if y, m, dd := now.In(zone).Date(); d.Equal(time.Date(y, m, dd, 0, 0, 0, 0, zone)) {
		return now, nil
	}
	paid := d.Add(12 * time.Hour)
	if prev != nil && paid.Before(*prev) && prev.In(zone).Format("2006-01-02") == v {
		paid = prev.Add(time.Minute)
	}
	return paid, nil
}

// --- complaints ---

type complaintData struct {
	Complaints []complaintRow
	Statuses   []domain.ComplaintStatus
	Filter     postgres.ComplaintFilter
	Desa       []domain.Desa
	List       *listView
	// People: the user may see who complained (AdminUser.SeesPeople).
	People bool
}

func (s *Server) complaintList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := postgres.ComplaintFilter{Scope: scopeOf(r), Desa: q.Get("desa"), Status: q.Get("status"), Query: q.Get("q")}
	lv := listOf(r, "aduan", postgres.ComplaintSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.AdminComplaint, int, error) {
		return s.Store.ComplaintPage(r.Context(), f, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if userOf(r).SeesPeople() {
		// Only a list that names its senders is a view of personal data.
		if err := s.logAccess(r, "daftar aduan", fmt.Sprintf("%d aduan", len(list))); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	desa, err := s.visibleDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	hist, err := s.Store.ComplaintHistories(r.Context(), ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := complaintData{Statuses: domain.ComplaintStatuses, Filter: f, Desa: desa, List: lv, People: userOf(r).SeesPeople()}
	for _, c := range list {
		if !data.People {
			// A kabupaten facilitator answers complaints without knowing
			// who sent them (AdminUser.SeesPeople).
			c.SenderName, c.ContactID = "", nil
		}
		row := complaintRow{AdminComplaint: c, History: hist[c.ID]}
		for _, st := range domain.ComplaintStatuses {
			if domain.CheckComplaintReply(c.Status, st, "jawaban") == nil {
				row.Choices = append(row.Choices, st)
			}
		}
		data.Complaints = append(data.Complaints, row)
	}
	s.render(w, http.StatusOK, "admin_aduan", s.adminPage(r, "Aduan", data))
}

// complaintRow is a complaint with its history and the stages the
// facilitator may choose now: its own (a reply that leaves it there) and
// the later ones.
type complaintRow struct {
	postgres.AdminComplaint
	History []postgres.ComplaintNote
	Choices []domain.ComplaintStatus
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
	err = s.Store.SetComplaintStatus(r.Context(), postgres.ComplaintMove{Code: code, To: to, Note: note, Notice: aduan.ChangedText})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	if to == c.Status {
		done(w, r, "/admin/aduan#"+code, "Jawaban untuk pengadu "+code+" dikirim; tahap tetap "+
			strings.TrimSuffix(aduan.StageText(flow.LangID, to), ".")+".")
		return
	}
	done(w, r, "/admin/aduan#"+code, "Aduan "+code+": "+strings.TrimSuffix(aduan.StageText(flow.LangID, to), ".")+". Pengadu diberi tahu.")
}

// --- people and roles ---

type peopleData struct {
	Query  string
	People []postgres.ContactRow
	Roles  []postgres.RoleListing
	Desa   []domain.Desa
	Kinds  []domain.Role
	Langs  []langChoice
	List   *listView
	// Numbers are each desa's numbers on its board, as dialled.
	Numbers []desaNumberRow
}

// desaNumberRow is a desa's own numbers (the form's) and, when it has
// none, the ones its board shows all the same: its scope's channels'.
type desaNumberRow struct{ Kode, Nama, WA, SMS, ShownWA, ShownSMS string }

func (s *Server) people(w http.ResponseWriter, r *http.Request) {
	lv := listOf(r, "warga", postgres.ContactSort.SortKeys(), false)
	q := lv.Query
	people, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.ContactRow, int, error) {
		return s.Store.ContactPage(r.Context(), scopeOf(r), q, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The search's text is not logged: it is often a resident's name.
	what := fmt.Sprintf("%d orang", len(people))
	if q != "" {
		what = "pencarian: " + what
	}
	if err := s.logAccess(r, "daftar warga", what); err != nil {
		s.fail(w, r, err)
		return
	}
	desa, err := s.visibleDesa(r)
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
	numbers, err := s.Store.DesaContacts(r.Context(), scopeOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	shown, err := s.Store.BoardNumbers(r.Context(), scopeOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var rows []desaNumberRow
	for _, d := range desa {
		v, b := newReach(d.Kode, numbers[d.Kode]), newReach(d.Kode, shown[d.Kode])
		row := desaNumberRow{Kode: d.Kode, Nama: d.Nama, WA: v.WA, SMS: v.SMS}
		if v.WA == "" && v.SMS == "" {
			row.ShownWA, row.ShownSMS = b.WA, b.SMS
		}
		rows = append(rows, row)
	}
	data := peopleData{Query: q, People: people, Roles: roles, Desa: desa, Langs: langChoices(), Numbers: rows, List: lv,
		Kinds: []domain.Role{domain.RoleKPMD, domain.RoleTPK, domain.RoleTV, domain.RoleTPU, domain.RoleFasilitator}}
	s.render(w, http.StatusOK, "admin_warga", s.adminPage(r, "Warga dan peran", data))
}

func (s *Server) roleChange(w http.ResponseWriter, r *http.Request) {
	grant := r.PostFormValue("aksi") != "cabut"
	// A number granted a role is typed, and must be a valid Indonesian
	// one; a revoked one comes from the list as stored, whatever it is.
	parse := domain.ParsePhone
	if grant {
		parse = domain.ParseTypedPhone
	}
	phone, err := parse(r.PostFormValue("nomor"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	role, err := domain.ParseRole(r.PostFormValue("peran"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.formDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ra := domain.RoleAssignment{Phone: phone, Role: role, DesaKode: d.Kode}
	msg := string(role) + " Desa " + d.Nama + " diberikan kepada " + string(phone) + "."
	if !grant {
		who := string(phone)
		if c, err := s.Store.ContactByPhone(r.Context(), phone); err == nil && c.Name != "" {
			who = c.Name + " (" + who + ")"
		}
		if !s.confirmed(w, r, "Cabut peran?", "Cabut peran "+roleText(role)+" Desa "+d.Nama+" dari "+who+
			"? Nomor ini tidak lagi dapat memakai perintah "+string(role)+" lewat chat.", "Ya, cabut peran", "/admin/warga") {
			return
		}
		err = s.Store.RevokeRole(r.Context(), ra)
		msg = string(role) + " Desa " + d.Nama + " dicabut dari " + string(phone) + "."
	} else if err = s.Store.GrantRole(r.Context(), ra, "web "+userOf(r).Username); err == nil {
		// Granted all the same: a TPK or KPMD is often named at the
		// musyawarah before their first chat, and the role waits for them.
		// Said plainly, so a mistyped number is noticed now.
		var c *domain.Contact
		if c, err = s.Store.ContactByPhone(r.Context(), phone); domain.ErrorCodeOf(err) == domain.ENOTFOUND || (err == nil && !c.Registered()) {
			msg += " Nomor " + dialled(phone) + " belum terdaftar: perannya berlaku setelah ia mendaftar lewat chat. Periksa lagi nomornya bila ia sudah mendaftar."
			err = nil
		}
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
		s.fail(w, r, ruleCsvMissing.Err())
		return
	}
	defer file.Close()
	// The kecamatan's zone; a kabupaten lies in one province, one zone.
	tz := "WIB"
	if kec, err := s.Store.KecamatanInScope(r.Context(), u.Scope()); err == nil && len(kec) > 0 {
		tz = kec[0].TimeZone
	}
	res, err := s.Store.ImportDesa(r.Context(), file, tz, u.Scope())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/warga", "Impor selesai: "+strconv.Itoa(res.Desa)+" desa, "+strconv.Itoa(res.Dusun)+" dusun baru.")
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleVolumeNumber = domain.NewRule("volume_number", domain.EINVALID, "volume harus berupa angka")
	ruleCsvMissing   = domain.NewRule("csv_missing", domain.EINVALID, "pilih berkas CSV")
	ruleDateFormat   = domain.NewRule("date_format", domain.EINVALID, "write the date as YYYY-MM-DD")
)
