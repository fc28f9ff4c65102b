package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Who may use an admin route. A kabupaten facilitator (FASILITATOR_KAB)
// does what a kecamatan's facilitator does on records, in every kecamatan
// of the kabupaten, but not the pages about residents themselves
// (peopleRoles: the consent text names only the KPMD and the desa's
// facilitator as those who see them); a kabupaten auditor (AUDITOR_KAB)
// reads what the kabupaten facilitator reads and changes nothing: no POST
// route lists it.
var (
	anyRole       []string
	onlyFasil     = rolesWhere((*postgres.AdminUser).Facilitates)
	peopleRoles   = rolesWhere((*postgres.AdminUser).SeesPeople)
	fasilReaders  = rolesWhere((*postgres.AdminUser).ReadsPeta)
	proposalRoles = rolesWhere((*postgres.AdminUser).WritesProposals)
	verdictRoles  = rolesWhere((*postgres.AdminUser).Verifies)
	auditors      = rolesWhere((*postgres.AdminUser).Audits)
	groupReaders  = rolesWhere((*postgres.AdminUser).ReadsGroups)
	// madReaders read a MAD (its page, and once decided its lists): the
	// facilitators who run it and take its lists to the Musrenbang, and
	// the auditors. One rule (AdminUser.ReadsMAD), README "The MAD".
	madReaders    = rolesWhere((*postgres.AdminUser).ReadsMAD)
	kabupatenRole = rolesWhere(func(u *postgres.AdminUser) bool { return postgres.KabupatenRole(u.Role) })
)

// rolesWhere lists the roles whose users the rule allows: a route's roles
// are read from the same AdminUser method the pages ask (.User.Facilitates,
// .User.SeesPeople …), so a form is shown exactly to those who may send it.
func rolesWhere(rule func(*postgres.AdminUser) bool) []string {
	var out []string
	for _, role := range postgres.AdminRoles {
		if rule(&postgres.AdminUser{Role: role}) {
			out = append(out, role)
		}
	}
	return out
}

// adminRoute is one route of the admin site: its pattern, who may use it
// (nil: any user; login alone needs none), whether its form carries a file.
type adminRoute struct {
	pattern string
	roles   []string
	upload  bool
	public  bool
	h       func(s *Server) http.HandlerFunc
}

// adminRoutes is every admin route, with its roles: the one table the
// site's authorisation by role is read from (TestReadOnlyAuditorChangesNothing
// walks its POST routes).
var adminRoutes = []adminRoute{
	{pattern: "GET /admin/masuk", public: true, h: func(s *Server) http.HandlerFunc { return s.loginPage }},
	{pattern: "POST /admin/masuk", public: true, h: func(s *Server) http.HandlerFunc { return s.login }},
	{pattern: "POST /admin/keluar", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.logout }},
	{pattern: "GET /admin/{$}", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.home }},
	{pattern: "GET /admin/kabupaten", roles: kabupatenRole, h: func(s *Server) http.HandlerFunc { return s.kabupatenOverview }},
	{pattern: "GET /admin/gagasan", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.gagasanList }},
	{pattern: "GET /admin/gagasan.csv", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.gagasanExport }},
	{pattern: "GET /admin/gagasan.xlsx", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.gagasanExport }},
	{pattern: "GET /admin/gagasan/{code}", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.gagasanDetail }},
	{pattern: "POST /admin/gagasan/{code}/tahap", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.gagasanDetail, s.gagasanMove) }},
	{pattern: "POST /admin/gagasan/{code}/gabung", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.gagasanDetail, s.gagasanMerge) }},
	{pattern: "POST /admin/gagasan/{code}/proposal", roles: proposalRoles, upload: true, h: func(s *Server) http.HandlerFunc { return form(s.gagasanDetail, s.proposalUpload) }},
	{pattern: "POST /admin/gagasan/{code}/verifikasi", roles: verdictRoles, h: func(s *Server) http.HandlerFunc { return form(s.gagasanDetail, s.proposalVerdict) }},
	{pattern: "POST /admin/gagasan/{code}/anggaran", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.gagasanDetail, s.proposalFigures) }},
	{pattern: "GET /admin/berkas/{id}", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.mediaFile }},
	{pattern: "GET /admin/rapat", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.meetingList }},
	{pattern: "GET /admin/rapat/{code}", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.meetingDetail }},
	{pattern: "POST /admin/rapat/{code}/hasil", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.meetingDetail, s.meetingOutcome) }},
	{pattern: "POST /admin/rapat/{code}/suara", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.meetingDetail, s.meetingVoteOpen) }},
	{pattern: "POST /admin/rapat/{code}/ba", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.meetingDetail, s.meetingBAShow) }},
	{pattern: "POST /admin/rapat/{code}/pemilihan", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return form(s.meetingDetail, s.meetingElections) }},
	{pattern: "GET /admin/rapat/{code}/berita-acara", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.adminBeritaAcara }},
	{pattern: "GET /admin/rapat/{code}/diteruskan.xlsx", roles: madReaders, h: func(s *Server) http.HandlerFunc { return s.madForwardedExport }},
	{pattern: "GET /admin/rapat/{code}/diteruskan.csv", roles: madReaders, h: func(s *Server) http.HandlerFunc { return s.madForwardedExport }},
	{pattern: "GET /admin/rapat/{code}/mad", roles: madReaders, h: func(s *Server) http.HandlerFunc { return s.madPage }},
	{pattern: "POST /admin/rapat/{code}/mad/alokasi", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.madPage, s.madAllocation) }},
	{pattern: "POST /admin/rapat/{code}/mad/kriteria", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.madPage, s.madCriteria) }},
	{pattern: "POST /admin/rapat/{code}/mad/peringkat", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.madPage, s.madRank) }},
	{pattern: "POST /admin/rapat/{code}/mad/penetapan", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.madPage, s.madPenetapan) }},
	{pattern: "GET /admin/kegiatan", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.kegiatanList }},
	{pattern: "POST /admin/kegiatan", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.kegiatanList, s.kegiatanCreate) }},
	{pattern: "GET /admin/kegiatan/{code}", roles: anyRole, h: func(s *Server) http.HandlerFunc { return s.kegiatanDetail }},
	{pattern: "POST /admin/kegiatan/{code}/cair", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.kegiatanDetail, s.kegiatanDisburse) }},
	{pattern: "GET /admin/aduan", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return s.complaintList }},
	{pattern: "POST /admin/aduan/{code}", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.complaintList, s.complaintMove) }},
	{pattern: "GET /admin/warga", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return s.people }},
	{pattern: "POST /admin/peran", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return form(s.people, s.roleChange) }},
	{pattern: "POST /admin/desa/impor", roles: peopleRoles, upload: true, h: func(s *Server) http.HandlerFunc { return form(s.people, s.desaImport) }},
	{pattern: "GET /admin/peta", roles: fasilReaders, h: func(s *Server) http.HandlerFunc { return s.petaPage }},
	{pattern: "GET /admin/peta.csv", roles: fasilReaders, h: func(s *Server) http.HandlerFunc { return s.petaExport }},
	{pattern: "GET /admin/peta.xlsx", roles: fasilReaders, h: func(s *Server) http.HandlerFunc { return s.petaExport }},
	{pattern: "POST /admin/peta/{what}", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.petaPage, s.petaChange) }},
	{pattern: "GET /admin/warga/{code}/data", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return s.personalDataExport }},
	{pattern: "GET /admin/suara", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return s.voiceList }},
	{pattern: "POST /admin/suara/{code}", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return form(s.voiceList, s.voiceTranscribe) }},
	{pattern: "POST /admin/desa/bahasa", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return form(s.people, s.desaLang) }},
	{pattern: "POST /admin/desa/nomor", roles: peopleRoles, h: func(s *Server) http.HandlerFunc { return form(s.people, s.desaNumbers) }},
	{pattern: "GET /admin/akses", roles: auditors, h: func(s *Server) http.HandlerFunc { return s.accessLog }},
	{pattern: "GET /admin/grup", roles: groupReaders, h: func(s *Server) http.HandlerFunc { return s.groupsPage }},
	{pattern: "POST /admin/grup/{id}", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.groupsPage, s.groupLink) }},
	{pattern: "GET /admin/whatsapp", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return s.whatsappPage }},
	{pattern: "POST /admin/whatsapp/sambung", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return form(s.whatsappPage, s.whatsappPair) }},
	{pattern: "GET /admin/whatsapp/qr.png", roles: onlyFasil, h: func(s *Server) http.HandlerFunc { return s.whatsappQR }},
}

func (s *Server) registerAdmin(mux *http.ServeMux) {
	admin := http.NewServeMux()
	for _, rt := range adminRoutes {
		h := rt.h(s)
		switch {
		case rt.public:
		case rt.upload:
			h = s.authedUpload(rt.roles, h)
		default:
			h = s.authed(rt.roles, h)
		}
		admin.HandleFunc(rt.pattern, h)
	}
	// Browsers say where a request comes from (Sec-Fetch-Site, Origin): a
	// cross-site POST is refused before any handler; the session's token
	// in every form is the second lock.
	mux.Handle("/admin/", http.NewCrossOriginProtection().Handler(admin))
}

// page fills the parts every admin page has.
func (s *Server) adminPage(r *http.Request, title string, data any) page {
	p := page{Title: title, User: userOf(r), CSRF: csrfOf(r), Flash: flashOf(r), Data: data}
	if p.User != nil {
		p.TZ = p.User.TZ
		p.Scope = s.scopeBar(r)
	}
	if ref := refusedOf(r); ref != nil {
		p.Refused, p.Error, p.Flash = ref, ref.Message, ""
	}
	return p
}

// done redirects after a change, with a short message for the next page.
// The message travels in the address signed with the session's secret
// CSRF token (flashSig): a link made elsewhere, with any ?ok= text, shows
// no green banner.
// The kecamatan a kabupaten user chose stays in it (chosenKec).
func done(w http.ResponseWriter, r *http.Request, to, msg string) {
	to, frag, _ := strings.Cut(withKec(to, chosenKec(r)), "#")
	sep := "?"
	if strings.Contains(to, "?") {
		sep = "&"
	}
	to += sep + "ok=" + url.QueryEscape(msg) + "&oks=" + flashSig(csrfOf(r), msg)
	http.Redirect(w, r, to+fragment(frag), http.StatusSeeOther)
}

// flashSig signs a success message for one session.
func flashSig(secret, msg string) string {
	m := hmac.New(sha256.New, []byte("flash\x00"+secret))
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// flashOf is the success message of the address, when this session's
// done signed it ("" otherwise).
func flashOf(r *http.Request) string {
	q := r.URL.Query()
	msg, secret := q.Get("ok"), csrfOf(r)
	if msg == "" || secret == "" || !hmac.Equal([]byte(q.Get("oks")), []byte(flashSig(secret, msg))) {
		return ""
	}
	return msg
}

// desaOf loads a desa the user may see; any other is "not found", so that
// the admin site does not tell what exists elsewhere.
func (s *Server) desaOf(ctx context.Context, u *postgres.AdminUser, kode string) (domain.Desa, error) {
	d, err := s.Store.DesaByKode(ctx, kode)
	if err != nil {
		return d, err
	}
	if !u.CanSeeDesa(d) {
		return d, domain.Errorf(domain.ENOTFOUND, "no desa %s", kode)
	}
	return d, nil
}

// scopeOf is the region a request works in: the user's own (a kecamatan or
// a kabupaten, AdminUser.Scope), narrowed to one kecamatan of it by ?kec=
// (a kabupaten user's choice, kept in the address). A kec outside the
// user's scope is ignored.
func scopeOf(r *http.Request) string {
	if k := chosenKec(r); k != "" {
		return k
	}
	return userOf(r).Scope()
}

// chosenKec is the kecamatan a kabupaten user chose in the kecamatan bar
// ("" for none, or a kec outside the user's scope): the address's ?kec=,
// else a posted form's kec field, else, for a form, the kec of the page it
// was posted from (its Referer, same host). A POST's redirect (done), a
// refused form's page and a confirmation keep it so.
func chosenKec(r *http.Request) string {
	u := userOf(r)
	if u == nil {
		return ""
	}
	k := r.URL.Query().Get("kec")
	if k == "" && r.Method == http.MethodPost {
		k = r.PostForm.Get("kec")
		if ref, err := url.Parse(r.Referer()); k == "" && err == nil && ref.Host == r.Host {
			k = ref.Query().Get("kec")
		}
	}
	if k == "" || strings.Count(k, ".") != 2 || !domain.InScope(k, u.Scope()) || k == u.Scope() {
		return ""
	}
	return k
}

// withKec is an admin address with the chosen kecamatan kec added (before
// its #fragment), unless it names one already.
func withKec(to, kec string) string {
	if kec == "" {
		return to
	}
	to, frag, _ := strings.Cut(to, "#")
	if u, err := url.Parse(to); err == nil && u.Query().Has("kec") {
		return to + fragment(frag)
	}
	sep := "?"
	if strings.Contains(to, "?") {
		sep = "&"
	}
	return to + sep + "kec=" + url.QueryEscape(kec) + fragment(frag)
}

func fragment(f string) string {
	if f == "" {
		return ""
	}
	return "#" + f
}

// visibleDesa lists the desa of the request's scope that the user may see.
// A whole kabupaten gives none: its hundreds of desa are chosen by
// kecamatan first (the kecamatan bar, scopeBar).
func (s *Server) visibleDesa(r *http.Request) ([]domain.Desa, error) {
	u := userOf(r)
	scope := scopeOf(r)
	if strings.Count(scope, ".") < 2 {
		return nil, nil
	}
	desa, err := s.Store.DesaInScope(r.Context(), scope)
	if err != nil {
		return nil, err
	}
	var mine []domain.Desa
	for _, d := range desa {
		if u.CanSeeDesa(d) {
			mine = append(mine, d)
		}
	}
	return mine, nil
}

type homeData struct {
	Desa     []domain.Desa
	H        postgres.Home
	Tranches []homeTranche
	// Stages are the stages some desa has gagasan at, in the cycle's order.
	Stages []domain.Status
	// Complaints: the user handles complaints (a facilitator); People: the
	// user sees residents, so their voice notes (AdminUser.SeesPeople).
	Complaints, People bool
	// Participation is the scope's cycle (?tahun=), per desa or per
	// kecamatan.
	Participation *homeParticipation
	// ParticipationAsk: a kabupaten's home links to its participation
	// (?partisipasi=1) instead of counting it on every load.
	ParticipationAsk bool
	// Now is when the page is made: a complaint says how long it waited.
	Now time.Time
	// Kabupaten: the page is about a whole kabupaten; its gagasan per
	// desa are on the overview per kecamatan instead.
	Kabupaten bool
}

// homeTranche is a kegiatan's next tranche: ready, or why not (the rule's
// reason, domain.CheckDisburse).
type homeTranche struct {
	postgres.HomeTranche
	Why string
}

// home is what needs the facilitator now, each item a link: new
// complaints, voice notes to write down, meetings past without an outcome,
// tranches ready or blocked, proposals waiting for the TV, gagasan per
// stage per desa.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	mine, err := s.visibleDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	only := ""
	if u.DesaKode != nil {
		only = *u.DesaKode
	}
	scope := scopeOf(r)
	h, err := s.Store.FacilitatorHome(r.Context(), scope, only, u.Facilitates(), u.SeesPeople(), s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range h.Meetings {
		h.Meetings[i].Title = flow.MeetingTypeText(flow.LangID, domain.MeetingType(h.Meetings[i].Title))
	}
	data := homeData{Desa: mine, H: h, Complaints: u.Facilitates(), People: u.SeesPeople(), Now: s.now(), Kabupaten: strings.Count(scope, ".") < 2}
	pscope := scope
	if only != "" {
		pscope = only
	}
	// A whole kabupaten's participation takes 0.4–1 s on 300 desa: it is
	// counted when asked (the link, or a year chosen), not on every load.
	q := r.URL.Query()
	if data.Kabupaten && only == "" && q.Get("partisipasi") == "" && q.Get("tahun") == "" {
		data.ParticipationAsk = true
	} else if data.Participation, err = s.homeParticipation(r, pscope); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, t := range h.Tranches {
		data.Tranches = append(data.Tranches, homeTranche{HomeTranche: t, Why: whyNot(domain.CheckDisburse(t.Next, t.Facts))})
	}
	for _, st := range domain.Statuses {
		for _, d := range h.Stages {
			if d.Count[st] > 0 {
				data.Stages = append(data.Stages, st)
				break
			}
		}
	}
	s.render(w, http.StatusOK, "admin_home", s.adminPage(r, "Beranda", data))
}

// --- gagasan ---

type gagasanListData struct {
	Filter     postgres.GagasanFilter
	Desa       []domain.Desa
	Dusun      []domain.Dusun
	Statuses   []domain.Status
	Categories []domain.Category
	Gagasan    []postgres.AdminGagasan
	List       *listView
}

func (s *Server) gagasanFilter(r *http.Request) postgres.GagasanFilter {
	q := r.URL.Query()
	u := userOf(r)
	f := postgres.GagasanFilter{Scope: scopeOf(r), Desa: q.Get("desa"), Status: q.Get("tahap"), Category: q.Get("kategori"),
		Query: strings.TrimSpace(q.Get("q"))}
	if u.DesaKode != nil {
		f.Desa = *u.DesaKode
	}
	f.DusunID, _ = strconv.ParseInt(q.Get("dusun"), 10, 64)
	return f
}

func (s *Server) gagasanList(w http.ResponseWriter, r *http.Request) {
	f := s.gagasanFilter(r)
	lv := listOf(r, "gagasan", postgres.GagasanSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.AdminGagasan, int, error) {
		return s.Store.GagasanPage(r.Context(), f, p)
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
	data := gagasanListData{Filter: f, Desa: desa, Statuses: domain.Statuses, Categories: domain.Categories, Gagasan: list, List: lv}
	if f.Desa != "" {
		if data.Dusun, err = s.Store.ListDusun(r.Context(), f.Desa); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, http.StatusOK, "admin_gagasan", s.adminPage(r, "Gagasan", data))
}

type gagasanDetailData struct {
	G        *postgres.AdminGagasan
	History  []domain.StatusChange
	Next     []domain.Status
	Proposal postgres.Proposal
	// Figures are the proposal's budget, beneficiaries and MKP origin.
	Figures figuresView
	Voice   []postgres.VoiceNote
	// MergeWhy, RejectWhy and ProposalWhy say what the stage rule lacks
	// for merging, rejecting or attaching a proposal now (empty: allowed).
	MergeWhy, RejectWhy, ProposalWhy string
	// People: the user may see who sent it (AdminUser.SeesPeople).
	People bool
}

// gagasanFor loads a gagasan the user may see.
func (s *Server) gagasanFor(r *http.Request) (*postgres.AdminGagasan, []domain.StatusChange, error) {
	g, hist, err := s.Store.AdminGagasanByCode(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.desaOf(r.Context(), userOf(r), g.DesaKode); err != nil {
		return nil, nil, err
	}
	return g, hist, nil
}

func (s *Server) gagasanDetail(w http.ResponseWriter, r *http.Request) {
	g, hist, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	prop, err := s.Store.ProposalOf(r.Context(), g.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var next []domain.Status
	for _, st := range g.Status.Next() {
		if st != domain.StatusDigabung && st != domain.StatusDitolak {
			next = append(next, st)
		}
	}
	if !userOf(r).SeesPeople() {
		// The consent text tells residents that only the KPMD and the
		// desa's facilitator see who they are: a kabupaten, TPU, TV or
		// auditor user sees the gagasan without its sender, and without
		// the voice that would name them.
		g.SenderName, g.ForName, g.FiledByName, g.NotifyPhone, g.ForGender = "", "", "", "", ""
	} else if g.SenderID != nil {
		if err := s.logAccess(r, "lihat pengirim gagasan", "kontak #"+strconv.FormatInt(*g.SenderID, 10)+" ("+g.Code+")"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if g.ForName != "" && userOf(r).SeesPeople() {
		if err := s.logAccess(r, "lihat warga yang diwakili KPMD", g.Code); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	voice, err := s.Store.VoiceNotesOf(r.Context(), g.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := gagasanDetailData{G: g, History: hist, Next: next, Proposal: prop, Figures: newFiguresView(prop), Voice: voice, People: userOf(r).SeesPeople(),
		MergeWhy: whyNot(domain.CheckTransition(g.Status, domain.StatusDigabung, "")),
		// Any reason will do: the form asks for it; the rule is asked only
		// whether the stage allows a rejection.
		RejectWhy:   whyNot(domain.CheckTransition(g.Status, domain.StatusDitolak, "alasan")),
		ProposalWhy: whyNot(postgres.CheckProposalStage(g.Status))}
	s.render(w, http.StatusOK, "admin_gagasan_detail", s.adminPage(r, g.Code+" "+g.Title, data))
}

func (s *Server) gagasanMove(w http.ResponseWriter, r *http.Request) {
	g, _, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	to, err := domain.ParseStatus(r.PostFormValue("tahap"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	note := strings.TrimSpace(r.PostFormValue("catatan"))
	if to == domain.StatusDitolak {
		if err := domain.CheckTransition(g.Status, to, note); err != nil {
			s.fail(w, r, err)
			return
		}
		coming, err := s.Store.ComingMeetingsWith(r.Context(), g.ID, s.now())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		q := "Tolak gagasan " + g.Code + " „" + g.Title + "”? Pengirim menerima alasan ini: „" + note +
			"”. Penolakan tidak dapat dibatalkan: gagasan keluar dari siklus."
		for _, m := range coming {
			q += " Gagasan ini ada di agenda " + flow.MeetingTypeText(flow.LangID, m.Type) + " " + m.Code + " (" +
				flow.LongDateText(flow.LangID, m.StartsAt.In(location(m.TZ))) + "); di sana akan tertulis sudah ditolak, tanpa keputusan."
		}
		if !s.confirmed(w, r, "Tolak gagasan?", q, "Ya, tolak gagasan", "/admin/gagasan/"+g.Code) {
			return
		}
	}
	_, notified, err := s.Store.SetGagasanStatus(r.Context(), postgres.StageMove{Code: g.Code, To: to, Note: note,
		By: "web " + userOf(r).Username, Notice: flows.StatusChangedText})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Tahap sekarang: " + strings.TrimSuffix(flow.StageText(flow.LangID, to), ".") + "."
	if notified {
		msg += " Pengirim diberi tahu lewat pesan."
		s.wake()
	}
	done(w, r, "/admin/gagasan/"+g.Code, msg)
}

func (s *Server) gagasanMerge(w http.ResponseWriter, r *http.Request) {
	g, _, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	into := strings.ToUpper(strings.TrimSpace(r.PostFormValue("ke")))
	if code, err := domain.ParseCode(domain.CodeGagasan, into); err == nil {
		into = code
	}
	if err := s.Store.MergeGagasan(r.Context(), g.Code, into, "web "+userOf(r).Username, flows.StatusChangedText); err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/gagasan/"+g.Code, "Digabung dengan "+into+".")
}

func (s *Server) proposalUpload(w http.ResponseWriter, r *http.Request) {
	g, _, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	file, hdr, err := r.FormFile("berkas")
	if err != nil {
		s.fail(w, r, ruleUploadMissing.Err())
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		s.fail(w, r, ruleUploadUnreadable.Err())
		return
	}
	stored, err := s.Media.Put(data, hdr.Header.Get("Content-Type"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name := hdr.Filename
	if len([]rune(name)) > 120 {
		name = string([]rune(name)[:120])
	}
	m := postgres.Media{SHA256: stored.SHA256, Mime: stored.Mime, Kind: stored.Kind, Size: stored.Size, Path: stored.Path}
	if err := s.Store.AddProposalFile(r.Context(), g.Code, m, name, "web "+userOf(r).Username); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/gagasan/"+g.Code, "Berkas proposal dilampirkan.")
}

func (s *Server) proposalVerdict(w http.ResponseWriter, r *http.Request) {
	g, _, err := s.gagasanFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	err = s.Store.SetVerdict(r.Context(), g.Code, r.PostFormValue("putusan"), strings.TrimSpace(r.PostFormValue("alasan")), "web "+userOf(r).Username)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/gagasan/"+g.Code, "Hasil verifikasi dicatat.")
}

// mediaFile serves a file of a record the user may see: a gagasan's photo,
// a report's photo, a complaint's photo, a proposal.
func (s *Server) mediaFile(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "no file"))
		return
	}
	desa, err := s.Store.MediaDesa(r.Context(), id)
	if err == nil {
		_, err = s.desaOf(r.Context(), userOf(r), desa)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	path, mime, err := s.Store.MediaRecord(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if strings.HasPrefix(mime, "audio/") {
		// A voice identifies a person: only those who may see residents
		// hear it, and listening is an access to their data.
		if !userOf(r).SeesPeople() {
			s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "no file"))
			return
		}
		if err := s.logAccess(r, "dengar pesan suara", "berkas #"+strconv.FormatInt(id, 10)); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if w2, _ := strconv.Atoi(r.URL.Query().Get("w")); photoWidths[w2] && strings.HasPrefix(mime, "image/") {
		s.serveResized(w, r, id, path, w2)
		return
	}
	s.serveFile(w, r, path, mime)
}

// serveFile sends a stored file as it is, shown inline under its type.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, path, mime string) {
	f, err := s.Media.Open(path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", mime)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", "inline")
	_, _ = io.Copy(w, f)
}

// formInt reads a whole number from a form field.
func formInt(r *http.Request, name string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(name)))
	if err != nil {
		return 0, ruleNotWholeNumber.Err(name)
	}
	return n, nil
}

// logAccess records a view of personal data before the page shows it: no
// log, no page. The line keeps the user's scope: the auditors of that
// scope read it.
func (s *Server) logAccess(r *http.Request, action, subject string) error {
	u := userOf(r)
	return s.Store.LogAccess(r.Context(), postgres.Access{Admin: u.Username, Scope: u.Scope(), Action: action, Subject: subject})
}

type accessData struct {
	Log  []postgres.Access
	List *listView
}

func (s *Server) accessLog(w http.ResponseWriter, r *http.Request) {
	lv := listOf(r, "akses", postgres.AccessSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.Access, int, error) {
		return s.Store.AccessPage(r.Context(), userOf(r).Scope(), lv.Query, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "admin_akses", s.adminPage(r, "Log akses data pribadi", accessData{Log: list, List: lv}))
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleUploadMissing    = domain.NewRule("upload_missing", domain.EINVALID, "pilih berkas PDF atau foto untuk dilampirkan")
	ruleUploadUnreadable = domain.NewRule("upload_unreadable", domain.EINVALID, "berkas tidak dapat dibaca")
	ruleNotWholeNumber   = domain.NewRule("not_whole_number", domain.EINVALID, "%s harus berupa bilangan bulat")
)
