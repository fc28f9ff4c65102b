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

var (
	anyRole       []string
	onlyFasil     = []string{postgres.AdminFasilitator}
	proposalRoles = []string{postgres.AdminFasilitator, postgres.AdminTPU}
	verdictRoles  = []string{postgres.AdminFasilitator, postgres.AdminTV}
)

func (s *Server) registerAdmin(mux *http.ServeMux) {
	admin := http.NewServeMux()
	admin.HandleFunc("GET /admin/masuk", s.loginPage)
	admin.HandleFunc("POST /admin/masuk", s.login)
	admin.HandleFunc("POST /admin/keluar", s.authed(anyRole, s.logout))
	admin.HandleFunc("GET /admin/{$}", s.authed(anyRole, s.home))
	admin.HandleFunc("GET /admin/gagasan", s.authed(anyRole, s.gagasanList))
	admin.HandleFunc("GET /admin/gagasan.csv", s.authed(anyRole, s.gagasanExport))
	admin.HandleFunc("GET /admin/gagasan.xlsx", s.authed(anyRole, s.gagasanExport))
	admin.HandleFunc("GET /admin/gagasan/{code}", s.authed(anyRole, s.gagasanDetail))
	admin.HandleFunc("POST /admin/gagasan/{code}/tahap", s.authed(onlyFasil, form(s.gagasanDetail, s.gagasanMove)))
	admin.HandleFunc("POST /admin/gagasan/{code}/gabung", s.authed(onlyFasil, form(s.gagasanDetail, s.gagasanMerge)))
	admin.HandleFunc("POST /admin/gagasan/{code}/proposal", s.authedUpload(proposalRoles, form(s.gagasanDetail, s.proposalUpload)))
	admin.HandleFunc("POST /admin/gagasan/{code}/verifikasi", s.authed(verdictRoles, form(s.gagasanDetail, s.proposalVerdict)))
	admin.HandleFunc("GET /admin/berkas/{id}", s.authed(anyRole, s.mediaFile))
	admin.HandleFunc("GET /admin/rapat", s.authed(anyRole, s.meetingList))
	admin.HandleFunc("GET /admin/rapat/{code}", s.authed(anyRole, s.meetingDetail))
	admin.HandleFunc("POST /admin/rapat/{code}/hasil", s.authed(onlyFasil, form(s.meetingDetail, s.meetingOutcome)))
	admin.HandleFunc("POST /admin/rapat/{code}/suara", s.authed(onlyFasil, form(s.meetingDetail, s.meetingVoteOpen)))
	admin.HandleFunc("GET /admin/kegiatan", s.authed(anyRole, s.kegiatanList))
	admin.HandleFunc("POST /admin/kegiatan", s.authed(onlyFasil, form(s.kegiatanList, s.kegiatanCreate)))
	admin.HandleFunc("GET /admin/kegiatan/{code}", s.authed(anyRole, s.kegiatanDetail))
	admin.HandleFunc("POST /admin/kegiatan/{code}/cair", s.authed(onlyFasil, form(s.kegiatanDetail, s.kegiatanDisburse)))
	admin.HandleFunc("GET /admin/aduan", s.authed(onlyFasil, s.complaintList))
	admin.HandleFunc("POST /admin/aduan/{code}", s.authed(onlyFasil, form(s.complaintList, s.complaintMove)))
	admin.HandleFunc("GET /admin/warga", s.authed(onlyFasil, s.people))
	admin.HandleFunc("POST /admin/peran", s.authed(onlyFasil, form(s.people, s.roleChange)))
	admin.HandleFunc("POST /admin/desa/impor", s.authedUpload(onlyFasil, form(s.people, s.desaImport)))
	admin.HandleFunc("GET /admin/peta", s.authed(onlyFasil, s.petaPage))
	admin.HandleFunc("GET /admin/peta.csv", s.authed(onlyFasil, s.petaExport))
	admin.HandleFunc("GET /admin/peta.xlsx", s.authed(onlyFasil, s.petaExport))
	admin.HandleFunc("POST /admin/peta/{what}", s.authed(onlyFasil, form(s.petaPage, s.petaChange)))
	admin.HandleFunc("GET /admin/warga/{code}/data", s.authed(onlyFasil, s.personalDataExport))
	admin.HandleFunc("GET /admin/suara", s.authed(onlyFasil, s.voiceList))
	admin.HandleFunc("POST /admin/suara/{code}", s.authed(onlyFasil, form(s.voiceList, s.voiceTranscribe)))
	admin.HandleFunc("POST /admin/desa/bahasa", s.authed(onlyFasil, form(s.people, s.desaLang)))
	admin.HandleFunc("POST /admin/desa/nomor", s.authed(onlyFasil, form(s.people, s.desaNumbers)))
	admin.HandleFunc("GET /admin/akses", s.authed([]string{postgres.AdminAuditor}, s.accessLog))
	admin.HandleFunc("GET /admin/whatsapp", s.authed(onlyFasil, s.whatsappPage))
	admin.HandleFunc("POST /admin/whatsapp/sambung", s.authed(onlyFasil, form(s.whatsappPage, s.whatsappPair)))
	admin.HandleFunc("GET /admin/whatsapp/qr.png", s.authed(onlyFasil, s.whatsappQR))
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
func done(w http.ResponseWriter, r *http.Request, to, msg string) {
	to, frag, _ := strings.Cut(to, "#")
	sep := "?"
	if strings.Contains(to, "?") {
		sep = "&"
	}
	to += sep + "ok=" + url.QueryEscape(msg) + "&oks=" + flashSig(csrfOf(r), msg)
	if frag != "" {
		to += "#" + frag
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
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

// visibleDesa lists the desa of the user's kecamatan that the user may see.
func (s *Server) visibleDesa(r *http.Request) ([]domain.Desa, error) {
	u := userOf(r)
	desa, err := s.Store.DesaOfKecamatan(r.Context(), u.KecamatanKode)
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
	People bool
	// Now is when the page is made: a complaint says how long it waited.
	Now time.Time
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
	desa, err := s.Store.DesaOfKecamatan(r.Context(), u.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var mine []domain.Desa
	for _, d := range desa {
		if u.CanSeeDesa(d) {
			mine = append(mine, d)
		}
	}
	only := ""
	if u.DesaKode != nil {
		only = *u.DesaKode
	}
	h, err := s.Store.FacilitatorHome(r.Context(), u.KecamatanKode, only, seesPeople(u), s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range h.Meetings {
		h.Meetings[i].Title = flow.MeetingTypeText(flow.LangID, domain.MeetingType(h.Meetings[i].Title))
	}
	data := homeData{Desa: mine, H: h, People: seesPeople(u), Now: s.now()}
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
	f := postgres.GagasanFilter{Kecamatan: u.KecamatanKode, Desa: q.Get("desa"), Status: q.Get("tahap"), Category: q.Get("kategori"),
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
	desa, err := s.Store.DesaOfKecamatan(r.Context(), f.Kecamatan)
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
	Voice    []postgres.VoiceNote
	// MergeWhy, RejectWhy and ProposalWhy say what the stage rule lacks
	// for merging, rejecting or attaching a proposal now (empty: allowed).
	MergeWhy, RejectWhy, ProposalWhy string
	// People: the user may see who sent it (see seesPeople).
	People bool
}

// seesPeople tells whether an admin user may see a resident's name, number
// or voice: only a facilitator, as the consent text residents agreed to
// says ("kader (KPMD) dan fasilitator desa"; KPMD work by chat).
func seesPeople(u *postgres.AdminUser) bool { return u.Role == postgres.AdminFasilitator }

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
	if !seesPeople(userOf(r)) {
		// The consent text tells residents that only the KPMD and the
		// facilitators see who they are: a TPU, TV or auditor user sees the
		// gagasan without its sender, and without the voice that would
		// name them.
		g.SenderName, g.ForName, g.FiledByName, g.NotifyPhone, g.ForGender = "", "", "", "", ""
	} else if g.SenderID != nil {
		if err := s.logAccess(r, "lihat pengirim gagasan", "kontak #"+strconv.FormatInt(*g.SenderID, 10)+" ("+g.Code+")"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if g.ForName != "" && seesPeople(userOf(r)) {
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
	data := gagasanDetailData{G: g, History: hist, Next: next, Proposal: prop, Voice: voice, People: seesPeople(userOf(r)),
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
		if !seesPeople(userOf(r)) {
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
// log, no page.
func (s *Server) logAccess(r *http.Request, action, subject string) error {
	return s.Store.LogAccess(r.Context(), postgres.Access{Admin: userOf(r).Username, Action: action, Subject: subject})
}

type accessData struct {
	Log  []postgres.Access
	List *listView
}

func (s *Server) accessLog(w http.ResponseWriter, r *http.Request) {
	lv := listOf(r, "akses", postgres.AccessSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.Access, int, error) {
		return s.Store.AccessPage(r.Context(), lv.Query, p)
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
