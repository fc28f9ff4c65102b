package flows

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// Flow names of meetings.
const (
	FlowUndang = "undang" // a KPMD creates a meeting and its invitation
	FlowRapat  = "rapat"  // a KPMD manages a meeting: move or cancel
	FlowHasil  = "hasil"  // a KPMD records a meeting's outcome
)

// kpmdDesa returns the desa where the contact may invite: one where they
// are KPMD or facilitator.
func kpmdDesa(c *domain.Contact) (string, bool) {
	for _, r := range c.Roles {
		if r.Role == domain.RoleKPMD || r.Role == domain.RoleFasilitator {
			return r.DesaKode, true
		}
	}
	return "", false
}

func mayManage(c *domain.Contact, desaKode string) bool {
	return c.HasRole(domain.RoleKPMD, desaKode) || c.HasRole(domain.RoleFasilitator, desaKode)
}

// meetingArgs are the placeholders every meeting message uses.
func meetingArgs(lang string, m domain.Meeting) A {
	loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
	at := m.StartsAt.In(loc)
	scope := Render(lang, MsgScopeDesa, A{"desa": m.DesaNama})
	switch {
	case m.Audience == domain.AudienceDusun && m.Type == domain.MeetingMusdus:
		scope = Render(lang, MsgScopeDusunOnly, A{"dusun": m.DusunNama, "desa": m.DesaNama})
	case m.Audience == domain.AudienceDusun:
		scope = Render(lang, MsgScopeDusun, A{"dusun": m.DusunNama, "desa": m.DesaNama})
	case m.Audience == domain.AudiencePerempuan && m.Type != domain.MeetingMKP:
		scope = Render(lang, MsgScopePerempuan, A{"desa": m.DesaNama})
	case m.Audience == domain.AudienceMAD:
		scope = Render(lang, MsgScopeMAD, nil)
	}
	agenda := agendaText(lang, m.Agenda)
	if agenda == "" {
		agenda = Render(lang, MsgNone, nil)
	}
	return A{
		"jenis": Render(lang, meetingTypeKeys[string(m.Type)], nil), "lingkup": scope,
		"hari": DayName(lang, at.Weekday()), "tanggal": DateText(lang, at),
		"jam": at.Format("15.04"), "zona": domain.ZoneAbbrev(m.TZ), "tempat": m.Place, "agenda": agenda, "kode": m.Code,
	}
}

// agendaText is a stored agenda in lang: one made of the gagasan picked
// for the meeting is stored in Indonesian (MsgAgendaGagasan) and read in
// the reader's language; an agenda the KPMD wrote stays as written.
func agendaText(lang, agenda string) string {
	if lang == LangID {
		return agenda
	}
	before, after, _ := strings.Cut(Render(LangID, MsgAgendaGagasan, A{"titles": "\x00"}), "\x00")
	titles, ok := strings.CutPrefix(agenda, before)
	if !ok || before == "" {
		return agenda
	}
	if titles, ok = strings.CutSuffix(titles, after); !ok {
		return agenda
	}
	return Render(lang, MsgAgendaGagasan, A{"titles": titles})
}

// InviteText renders a meeting's invitation; "{nama}" stays for each
// recipient's name.
func InviteText(lang string, m domain.Meeting) string {
	return meetingText(lang, MsgInvite, m)
}

// meetingText renders a message about meeting m; "{nama}" stays for each
// recipient's name.
func meetingText(lang string, key Key, m domain.Meeting) string {
	a := meetingArgs(lang, m)
	a["nama"] = "{nama}"
	return Render(lang, key, a)
}

// meetingTexts renders a message about meeting m in every language.
func meetingTexts(key Key, m domain.Meeting) map[string]string {
	out := make(map[string]string, len(Langs))
	for _, l := range Langs {
		out[l] = meetingText(l, key, m)
	}
	return out
}

// ReminderTexts renders a reminder in every language.
func ReminderTexts(m domain.Meeting, kind string) map[string]string {
	out := make(map[string]string, len(Langs))
	for _, l := range Langs {
		out[l] = ReminderText(l, m, kind)
	}
	return out
}

// ReminderText renders a reminder of kind H-n (n days before) or J-n (n
// hours before); "{nama}" stays for each recipient's name.
func ReminderText(lang string, m domain.Meeting, kind string) string {
	a := meetingArgs(lang, m)
	a["nama"] = "{nama}"
	switch {
	case kind == "H-1":
		a["kapan"] = Render(lang, MsgReminderH1, nil)
	case strings.HasPrefix(kind, "H-"):
		a["kapan"] = Render(lang, MsgReminderDays, A{"n": strings.TrimPrefix(kind, "H-")})
	default:
		a["kapan"] = Render(lang, MsgReminderJ2, nil)
	}
	return Render(lang, MsgReminder, a)
}

func (t *turn) startUndang(arg string) error {
	t.endFlow()
	if arg != "" {
		return t.manageMeeting(arg)
	}
	desa, ok := kpmdDesa(t.Contact)
	if !ok {
		t.say(MsgNotKPMD, A{"word": "UNDANG"})
		return nil
	}
	t.goTo(FlowUndang, "type")
	t.Sess.Data["desa"] = desa
	return t.askUndang("type")
}

// meetingTypeWords are the short names cadres use for meeting types.
var meetingTypeWords = map[domain.MeetingType][]string{
	domain.MeetingMusdus:              {"musdus", "musyawarah dusun", "rapat dusun"},
	domain.MeetingMKP:                 {"mkp", "musdes perempuan", "musyawarah perempuan", "rapat perempuan"},
	domain.MeetingMusdesSosialisasi:   {"musdes sosialisasi", "sosialisasi desa"},
	domain.MeetingMusdesPerencanaan:   {"musdes perencanaan", "musdes", "musyawarah desa", "rapat desa"},
	domain.MeetingMusdesInformasi:     {"musdes informasi", "informasi hasil mad"},
	domain.MeetingPertanggungjawaban:  {"musdes pertanggungjawaban", "pertanggungjawaban", "lpj", "mdp"},
	domain.MeetingSerahTerima:         {"serah terima", "musdes serah terima", "mdst"},
	domain.MeetingMADSosialisasi:      {"mad sosialisasi", "mad 1", "mad awal"},
	domain.MeetingMADPrioritas:        {"mad prioritas", "mad perangkingan", "mad ranking"},
	domain.MeetingMADPenetapan:        {"mad penetapan", "mad akhir"},
	domain.MeetingPelatihanKPMD:       {"pelatihan kpmd", "pelatihan kader"},
	domain.MeetingPelatihanPemelihara: {"pelatihan pemelihara", "pelatihan tim pemelihara"},
}

// meetingTypeOptions are the meeting types as a list to pick from, by
// number, name in any language or short name ("musdus").
func (t *turn) meetingTypeOptions() []answer.Option {
	opts := make([]answer.Option, len(domain.MeetingTypes))
	for i, mt := range domain.MeetingTypes {
		opts[i].Label = Render(t.Lang, meetingTypeKeys[string(mt)], nil)
		for _, l := range Langs {
			opts[i].Words = append(opts[i].Words, Render(l, meetingTypeKeys[string(mt)], nil))
		}
		opts[i].Words = append(opts[i].Words, meetingTypeWords[mt]...)
	}
	return opts
}

// undangNamed starts an invitation whose request named its type ("mau
// bikin undangan musdus"): the type question is answered by it.
func (t *turn) undangNamed(rest string) error {
	if err := t.startUndang(""); err != nil || t.Sess.Flow != FlowUndang {
		return err
	}
	if _, ok := answer.Choice(rest, t.meetingTypeOptions()); !ok {
		return nil
	}
	t.Out.Replies = nil
	t.Text = rest
	return t.undangStep()
}

func meetingTypeNames(lang string) []string {
	out := make([]string, len(domain.MeetingTypes))
	for i, mt := range domain.MeetingTypes {
		out[i] = Render(lang, meetingTypeKeys[string(mt)], nil)
	}
	return out
}

func (t *turn) askUndang(step string) error {
	d := t.Sess.Data
	t.Sess.Step = step
	switch step {
	case "type":
		t.say(MsgAskMeetingType, A{"list": numbered(meetingTypeNames(t.Lang))})
	case "audience":
		name, err := t.desaName(d["desa"])
		if err != nil {
			return err
		}
		t.say(MsgAskAudience, A{"desa": name})
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, d["desa"])
		if err != nil {
			return err
		}
		t.say(MsgAskMeetDusun, A{"list": numbered(dusunNames(dusuns))})
	case "when":
		t.say(MsgAskWhen, nil)
	case "place":
		t.say(MsgAskPlace, nil)
	case "agenda":
		mt := domain.MeetingType(d["type"])
		if mt.DiscussesGagasan() {
			waiting, err := t.View.WaitingGagasan(t.Ctx, d["desa"], int64Ptr(d["dusun"]), 9)
			if err != nil {
				return err
			}
			if len(waiting) > 0 {
				items := make([]string, len(waiting))
				ids := make([]string, len(waiting))
				for i, g := range waiting {
					items[i] = g.Code + " " + g.Title
					ids[i] = strconv.FormatInt(g.ID, 10) + ":" + g.Title
				}
				d["waiting"] = strings.Join(ids, "\n")
				t.say(MsgAskAgendaPick, A{"list": numbered(items)})
				return nil
			}
		}
		t.say(MsgAskAgenda, nil)
	case "preview":
		return t.preview()
	}
	return nil
}

// draft builds the meeting the KPMD is composing.
func (t *turn) draft() (domain.Meeting, error) {
	d := t.Sess.Data
	m := domain.Meeting{
		Code: d["code"], Type: domain.MeetingType(d["type"]), DesaKode: d["desa"], DusunID: int64Ptr(d["dusun"]),
		Audience: domain.Audience(d["audience"]), Place: d["place"], Agenda: d["agenda"],
		TZ: t.View.TimeZone(t.Ctx, d["desa"]), Status: domain.MeetingScheduled,
	}
	if at, err := time.Parse(time.RFC3339, d["when"]); err == nil {
		m.StartsAt = at
	}
	name, err := t.desaName(m.DesaKode)
	if err != nil {
		return m, err
	}
	m.DesaNama = name
	if m.DusunID != nil {
		dusuns, err := t.View.Dusuns(t.Ctx, m.DesaKode)
		if err != nil {
			return m, err
		}
		for _, du := range dusuns {
			if du.ID == *m.DusunID {
				m.DusunNama = du.Nama
			}
		}
	}
	return m, nil
}

func (t *turn) preview() error {
	m, err := t.draft()
	if err != nil {
		return err
	}
	n, err := t.View.CountAudience(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	t.Sess.Step = "preview"
	a := meetingArgs(t.Lang, m)
	a["nama"] = Render(t.Lang, MsgPreviewName, nil)
	a["kode"] = "R-xxxxxx"
	t.say(MsgPreview, A{"n": n, "text": Render(t.Lang, MsgInvite, a)})
	if n == 0 {
		t.say(MsgNoRecipients, nil)
		return nil
	}
	t.say(MsgPreviewHint, nil)
	return nil
}

func (t *turn) undangStep() error {
	d := t.Sess.Data
	step := t.Sess.Step
	next := ""
	switch step {
	case "type":
		n, ok := t.chooseFrom(t.meetingTypeOptions())
		if !ok {
			return nil
		}
		mt := domain.MeetingTypes[n-1]
		d["type"] = string(mt)
		switch {
		case mt.IsMAD():
			d["audience"], next = string(domain.AudienceMAD), "when"
			delete(d, "dusun")
		case mt == domain.MeetingMKP:
			d["audience"], next = string(domain.AudiencePerempuan), "when"
			delete(d, "dusun")
		default:
			next = "audience"
		}
	case "audience":
		desaNama, err := t.desaName(d["desa"])
		if err != nil {
			return err
		}
		dusuns, err := t.View.Dusuns(t.Ctx, d["desa"])
		if err != nil {
			return err
		}
		opts := questionOptions(t.Lang, MsgAskAudience, A{"desa": desaNama})
		if len(opts) == 3 {
			// "warga dusun kejambon", "semua warga", "ibu-ibu"
			opts[0].Words = append(opts[0].Words, "semua warga", "seluruh warga", "warga desa", "satu desa", "sedesa", "desa")
			opts[1].Words = append(opts[1].Words, "dusun", "warga dusun", "satu dusun", "sedusun", "dukuh", "padukuhan")
			opts[2].Words = append(opts[2].Words, "perempuan", "ibu ibu", "wanita", "kaum perempuan", "mkp", "estri")
			for _, du := range dusuns {
				opts[1].Words = append(opts[1].Words, du.Nama)
			}
		}
		n, ok := t.chooseFrom(opts)
		if !ok {
			return nil
		}
		d["audience"] = []string{"", string(domain.AudienceDesa), string(domain.AudienceDusun), string(domain.AudiencePerempuan)}[n]
		delete(d, "dusun")
		next = "when"
		if n == 2 {
			next = "dusun"
			// The dusun named in the same answer needs no question.
			if m := MatchNames(t.Text, dusunNames(dusuns)); len(m) == 1 && !isNumberOnly(t.Text) {
				d["dusun"] = strconv.FormatInt(dusuns[m[0]].ID, 10)
				next = "when"
			}
		}
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, d["desa"])
		if err != nil {
			return err
		}
		du, ok := t.matchDusun(dusuns)
		if !ok {
			return nil
		}
		d["dusun"] = strconv.FormatInt(du.ID, 10)
		next = "when"
	case "when":
		loc := domain.Kecamatan{TimeZone: t.View.TimeZone(t.Ctx, d["desa"])}.Location()
		at, ok := t.readMeetingTime(loc)
		if !ok {
			return nil
		}
		d["when"] = at.Format(time.RFC3339)
		next = "place"
	case "place":
		place := cleanPlace(t.Text)
		if n := utf8.RuneCountInString(place); n < 2 || n > 120 || !hasLetter(place) {
			t.say(MsgPlaceInvalid, nil)
			return nil
		}
		d["place"] = place
		next = "agenda"
	case "agenda":
		if !t.readAgenda() {
			return nil
		}
		next = "preview"
	case "preview":
		switch {
		case answer.Change(t.Text):
			// "ubah waktunya", "ganti tempat": that part at once.
			if part := changedPart(t.Text); part != "" {
				d["edit"] = "1"
				return t.askUndang(part)
			}
			t.Sess.Step = "edit"
			t.say(MsgAskMeetEdit, nil)
			return nil
		case answer.YesNo(t.Text) == answer.Yes:
			return t.sendInvitation()
		}
		t.say(MsgPreviewHint, nil)
		return nil
	case "edit":
		n, ok := t.choose(MsgAskMeetEdit, nil)
		if !ok {
			return nil
		}
		d["edit"] = "1"
		return t.askUndang([]string{"", "type", "audience", "when", "place", "agenda"}[n])
	default:
		t.endFlow()
		t.say(MsgMenu, nil)
		return nil
	}
	// Editing from the preview goes back to it once the part is answered
	// (a new type or audience may need its follow-up questions first).
	if d["edit"] == "1" && (next == "when" && d["when"] != "" || next == "place" || next == "agenda") {
		next = "preview"
	}
	return t.askUndang(next)
}

var numberList = regexp.MustCompile(`^[\d\s,;]+$`)

// readAgenda reads numbers of waiting gagasan ("1,3", SEMUA) or free text;
// false means it asked again.
func (t *turn) readAgenda() bool {
	d := t.Sess.Data
	delete(d, "agenda_ids")
	if answer.Skip(t.Text) {
		d["agenda"] = ""
		return true
	}
	var waiting []string
	if d["waiting"] != "" {
		waiting = strings.Split(d["waiting"], "\n")
	}
	var picks []int
	if strings.EqualFold(t.Text, "SEMUA") {
		for i := range waiting {
			picks = append(picks, i+1)
		}
	} else if len(waiting) > 0 {
		for _, f := range strings.FieldsFunc(t.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(waiting) {
				picks = nil
				break
			}
			picks = append(picks, n)
		}
	}
	if len(picks) == 0 && len(waiting) > 0 && !numberList.MatchString(t.Text) {
		// "yg sumur bor aja": a waiting gagasan named by its words.
		labels := make([]string, len(waiting))
		codes := make([]string, len(waiting))
		for i, w := range waiting {
			_, title, _ := strings.Cut(w, ":")
			labels[i] = title
			if c, _, ok := strings.Cut(title, " "); ok && domain.LooksLikeCode(c) {
				codes[i] = c
			}
		}
		if i, ok := answer.Choice(t.Text, optionsOf(labels, codes)); ok {
			picks = []int{i + 1}
		}
	}
	if len(picks) == 0 {
		if len(waiting) > 0 && numberList.MatchString(t.Text) {
			t.say(MsgChoiceRange, A{"max": len(waiting)})
			return false
		}
		if t.Text == "" {
			t.say(MsgAskAgenda, nil)
			return false
		}
		d["agenda"] = cutRunes(strings.TrimSpace(t.Text), 600)
		return true
	}
	var ids, titles []string
	for _, p := range picks {
		id, title, _ := strings.Cut(waiting[p-1], ":")
		ids = append(ids, id)
		titles = append(titles, title)
	}
	d["agenda_ids"] = strings.Join(ids, ",")
	// Stored in Indonesian, the language of the record and the board;
	// each reader reads it in theirs (agendaText).
	d["agenda"] = cutRunes(Render(LangID, MsgAgendaGagasan, A{"titles": strings.Join(titles, "; ")}), 600)
	return true
}

func (t *turn) sendInvitation() error {
	d := t.Sess.Data
	d["code"] = t.Env.NewCode(domain.CodeRapat)
	m, err := t.draft()
	if err != nil {
		return err
	}
	if err := m.Validate(t.Env.Now); err != nil {
		// The time passed while the KPMD was composing.
		t.Sess.Step = "when"
		t.say(MsgWhenPast, A{"when": m.StartsAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location()).Format("02/01/2006 15.04")})
		return nil
	}
	n, err := t.View.CountAudience(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	if n == 0 {
		t.say(MsgNoRecipients, nil)
		return nil
	}
	var agenda []int64
	for _, s := range strings.Split(d["agenda_ids"], ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			agenda = append(agenda, id)
		}
	}
	t.cmd(CreateMeeting{Meeting: m, Agenda: agenda, Invite: meetingTexts(MsgInvite, m)})
	t.endFlow()
	t.say(MsgInviteSent, A{"code": m.Code, "n": n})
	return nil
}

// loadMeeting reads a meeting by a typed code; on failure it has replied.
func (t *turn) loadMeeting(arg string) (*domain.Meeting, error) {
	code, err := domain.ParseCode(domain.CodeRapat, arg)
	if err != nil {
		t.say(MsgRapatBadCode, A{"text": cutRunes(strings.TrimSpace(arg), 20)})
		return nil, nil
	}
	m, err := t.View.Meeting(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.say(MsgRapatNotFound, A{"code": code})
		return nil, nil
	}
	return m, err
}

// manageMeeting shows a meeting's progress to its KPMD and offers to move
// or cancel it (UNDANG R-…).
func (t *turn) manageMeeting(arg string) error {
	m, err := t.loadMeeting(arg)
	if m == nil || err != nil {
		return err
	}
	if !mayManage(t.Contact, m.DesaKode) {
		t.say(MsgNotKPMD, A{"word": "UNDANG"})
		return nil
	}
	st, err := t.View.MeetingStats(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	a := meetingArgs(t.Lang, *m)
	a["code"], a["invited"], a["sent"], a["delivered"] = m.Code, st.Invited, st.Sent, st.Delivered
	a["hadir"], a["women"], a["tidak"], a["unanswered"] = st.Hadir, st.HadirWomen, st.Tidak, st.Unanswered
	t.say(MsgRapatStats, a)
	if m.Status != domain.MeetingScheduled {
		t.say(MsgRapatClosed, A{"code": m.Code, "status": strings.ToLower(string(m.Status))})
		return nil
	}
	t.goTo(FlowRapat, "manage")
	t.Sess.Data["code"] = m.Code
	t.say(MsgRapatManage, nil)
	return nil
}

// sessionMeeting loads the meeting the flow is about; nil when it is gone
// (the flow then ended with a reply).
func (t *turn) sessionMeeting() (*domain.Meeting, error) {
	code := t.Sess.Data["code"]
	m, err := t.View.Meeting(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.endFlow()
		t.say(MsgRapatNotFound, A{"code": code})
		return nil, nil
	}
	return m, err
}

func (t *turn) rapatStep() error {
	d := t.Sess.Data
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	switch t.Sess.Step {
	case "manage":
		n, _ := answer.Choice(t.Text, []answer.Option{
			{Label: "pindah", Words: []string{"pindah waktu", "pindah tempat", "ubah waktu", "ganti jam", "ganti waktu", "waktu", "tempat", "jam", "undur", "diundur", "majukan", "geser", "ganti tempat", "ubah tempat", "ngalih", "ngalihaken", "ngalihkeun"}},
			{Label: "batalkan rapat", Words: []string{"batalkan rapatnya", "rapat batal", "dibatalkan", "batalin rapat", "wurungaken", "bolaykeun"}},
		})
		switch n + 1 {
		case 1:
			t.Sess.Step = "move_when"
			t.say(MsgAskMoveWhen, nil)
		case 2:
			t.Sess.Step = "cancel"
			t.say(MsgConfirmCancel, A{"code": m.Code})
		default:
			t.say(MsgRapatManage, nil)
		}
	case "move_when":
		at, ok := t.readMeetingTime(domain.Kecamatan{TimeZone: m.TZ}.Location())
		if !ok {
			return nil
		}
		d["when"] = at.Format(time.RFC3339)
		t.Sess.Step = "move_place"
		t.say(MsgAskMovePlace, A{"tempat": m.Place})
	case "move_place":
		place := cleanPlace(t.Text)
		if answer.Keep(t.Text) {
			// "tetap", "sama saja", "tetep": the place stays.
			place = m.Place
		}
		if n := utf8.RuneCountInString(place); n < 2 || n > 120 {
			t.say(MsgPlaceInvalid, nil)
			return nil
		}
		// The new day, hour and place are said back before every invitee
		// is told: a misread time must not reach a whole dusun.
		at, _ := time.Parse(time.RFC3339, d["when"])
		moved := *m
		moved.StartsAt, moved.Place = at, place
		d["place"] = place
		t.Sess.Step = "move_confirm"
		t.say(MsgMoveConfirm, meetingArgs(t.Lang, moved))
	case "move_confirm":
		at, _ := time.Parse(time.RFC3339, d["when"])
		moved := *m
		moved.StartsAt, moved.Place = at, d["place"]
		switch answer.YesNo(t.Text) {
		case answer.Yes:
			t.cmd(MoveMeeting{MeetingID: m.ID, At: at, Place: moved.Place, Notice: meetingTexts(MsgMovedNotice, moved)})
			t.endFlow()
			t.say(MsgMoved, A{"code": m.Code})
		case answer.No:
			t.endFlow()
			t.say(MsgMoveKept, meetingArgs(t.Lang, *m))
		default:
			t.say(MsgMoveConfirm, meetingArgs(t.Lang, moved))
		}
	case "cancel":
		switch answer.YesNo(t.Text) {
		case answer.Yes:
			t.cmd(CancelMeeting{MeetingID: m.ID, Notice: meetingTexts(MsgCanceledNotice, *m)})
			t.endFlow()
			t.say(MsgRapatCanceled, A{"code": m.Code})
		case answer.No:
			t.endFlow()
			t.say(MsgMenu, nil)
		default:
			t.say(MsgConfirmCancel, A{"code": m.Code})
		}
	}
	return nil
}

// rsvp records HADIR or TIDAK, for the meeting named or the only one coming.
func (t *turn) rsvp(answer domain.RSVP, arg string) error {
	t.endFlow()
	var m *domain.Meeting
	if strings.TrimSpace(arg) != "" {
		var err error
		if m, err = t.loadMeeting(arg); m == nil || err != nil {
			return err
		}
	} else {
		upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
		if err != nil {
			return err
		}
		switch len(upcoming) {
		case 0:
			t.say(MsgRSVPNone, nil)
			return nil
		case 1:
			m = &upcoming[0]
		default:
			return t.jadwalList(upcoming, MsgRSVPWhich, string(answer))
		}
	}
	// Codes are on the public boards: someone neither invited nor in the
	// audience is answered as for a code that does not exist.
	if ok, err := t.View.MayAnswer(t.Ctx, m.ID, t.Contact.ID); err != nil || !ok {
		if err == nil {
			t.say(MsgRapatNotFound, A{"code": m.Code})
		}
		return err
	}
	if m.Status != domain.MeetingScheduled || !m.StartsAt.After(t.Env.Now) {
		t.say(MsgRSVPPast, A{"code": m.Code})
		return nil
	}
	t.cmd(SetRSVP{MeetingID: m.ID, Answer: answer})
	a := meetingArgs(t.Lang, *m)
	a["answer"], a["code"] = string(answer), m.Code
	t.say(MsgRSVPSaved, a)
	return nil
}

func (t *turn) jadwal() error {
	t.endFlow()
	upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
	if err != nil {
		return err
	}
	if len(upcoming) == 0 {
		t.say(MsgJadwalNone, nil)
		return nil
	}
	return t.jadwalList(upcoming, MsgJadwalHead, "")
}

// jadwalList lists meetings with the contact's answers; head is the first
// line (the schedule, or "which meeting?" for HADIR/TIDAK without a code).
func (t *turn) jadwalList(ms []domain.Meeting, head Key, word string) error {
	lines := make([]string, 0, len(ms))
	for i, m := range ms {
		r, err := t.View.RSVPOf(t.Ctx, m.ID, t.Contact.ID)
		if err != nil {
			return err
		}
		a := meetingArgs(t.Lang, m)
		a["i"] = i + 1
		a["jawaban"] = Render(t.Lang, map[domain.RSVP]Key{domain.RSVPHadir: MsgAnswerHadir, domain.RSVPTidak: MsgAnswerTidak, "": MsgAnswerNone}[r], nil)
		lines = append(lines, Render(t.Lang, MsgJadwalLine, a))
	}
	if head == MsgJadwalHead {
		t.Out.Replies = append(t.Out.Replies, Reply{Text: Render(t.Lang, MsgJadwalHead, nil) + "\n" +
			strings.Join(lines, "\n") + "\n" + Render(t.Lang, MsgJadwalFoot, nil)})
		return nil
	}
	t.say(head, A{"word": word, "list": strings.Join(lines, "\n")})
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	t.offerPick(word, codes)
	return nil
}

// startHasil begins recording a meeting's outcome (HASIL R-…).
func (t *turn) startHasil(arg string) error {
	t.endFlow()
	if _, ok := kpmdDesa(t.Contact); !ok {
		t.say(MsgNotKPMD, A{"word": "HASIL"})
		return nil
	}
	if strings.TrimSpace(arg) == "" {
		t.say(MsgRapatBadCode, A{"text": ""})
		return nil
	}
	m, err := t.loadMeeting(arg)
	if m == nil || err != nil {
		return err
	}
	if !mayManage(t.Contact, m.DesaKode) {
		t.say(MsgNotKPMD, A{"word": "HASIL"})
		return nil
	}
	if m.StartsAt.After(t.Env.Now) {
		t.say(MsgHasilNotHeld, A{"code": m.Code})
		return nil
	}
	t.goTo(FlowHasil, "attended")
	t.Sess.Data["code"] = m.Code
	t.say(MsgAskAttended, A{"code": m.Code})
	return nil
}

// nextStage is the stage a "lanjut" decision moves a gagasan to.
func nextStage(s domain.Status) (domain.Status, bool) {
	for _, n := range s.Next() {
		if n != domain.StatusDigabung && n != domain.StatusDitolak {
			return n, true
		}
	}
	return "", false
}

func (t *turn) hasilStep() error {
	d := t.Sess.Data
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	agenda, err := t.View.MeetingAgenda(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	i, _ := strconv.Atoi(d["i"])
	switch t.Sess.Step {
	case "attended":
		n, ok := firstCount(t.Text)
		if !ok || n > 100000 {
			t.say(MsgNeedNumber, nil)
			return nil
		}
		d["attended"] = strconv.Itoa(n)
		t.Sess.Step = "women"
		t.say(MsgAskWomen, A{"n": n})
		return nil
	case "women":
		n, ok := firstCount(t.Text)
		total, _ := strconv.Atoi(d["attended"])
		if !ok {
			t.say(MsgNeedNumber, nil)
			return nil
		}
		if n > total {
			t.say(MsgWomenTooMany, A{"n": total})
			return nil
		}
		d["women"] = strconv.Itoa(n)
	case "decision":
		if i >= len(agenda) {
			break
		}
		g := agenda[i]
		switch n, _ := answer.Number(t.Text); n {
		case 1:
			if to, ok := nextStage(g.Status); ok {
				d["dec"] += g.Code + "=" + string(to) + "\n"
			}
			i++
		case 2:
			t.Sess.Step = "reason"
			t.say(MsgAskReason, nil)
			return nil
		case 3:
			i++
		default:
			t.say(MsgChoiceRange, A{"max": 3})
			return nil
		}
	case "reason":
		reason := strings.TrimSpace(t.Text)
		if utf8.RuneCountInString(reason) < 3 || i >= len(agenda) {
			t.say(MsgAskReason, nil)
			return nil
		}
		d["dec"] += agenda[i].Code + "=" + string(domain.StatusDitolak) + "=" + strings.ReplaceAll(cutRunes(reason, 300), "\n", " ") + "\n"
		i++
	}
	d["i"] = strconv.Itoa(i)
	// The next gagasan that can still move, if any.
	for i < len(agenda) {
		if _, ok := nextStage(agenda[i].Status); ok {
			break
		}
		i++
	}
	d["i"] = strconv.Itoa(i)
	if i < len(agenda) {
		g := agenda[i]
		to, _ := nextStage(g.Status)
		t.Sess.Step = "decision"
		t.say(MsgAskDecision, A{"gcode": g.Code, "title": g.Title, "next": StageText(t.Lang, to)})
		return nil
	}
	attended, _ := strconv.Atoi(d["attended"])
	women, _ := strconv.Atoi(d["women"])
	a := meetingArgs(t.Lang, *m)
	decidedAt := Render(t.Lang, MsgDecidedAt, A{"jenis": a["jenis"], "tanggal": a["tanggal"]})
	var decisions []Decision
	for _, line := range strings.Split(strings.TrimSpace(d["dec"]), "\n") {
		parts := strings.SplitN(line, "=", 3)
		if len(parts) < 2 {
			continue
		}
		note := decidedAt
		if len(parts) == 3 {
			note = parts[2]
		}
		decisions = append(decisions, Decision{GagasanCode: parts[0], To: domain.Status(parts[1]), Note: note})
	}
	t.cmd(RecordOutcome{MeetingID: m.ID, Attended: attended, Women: women, Decisions: decisions})
	t.endFlow()
	t.say(MsgOutcomeSaved, A{"code": m.Code, "n": attended, "women": women, "decided": len(decisions)})
	return nil
}

// readMeetingTime reads a meeting's day and hour over as many messages as
// it takes: what ReadWhen could not read is asked for ("besok pagi" → "jam
// berapa?" with 08.00 as a suggestion), never taken from today; a day that
// rolled into next year or lies more than 90 days ahead is confirmed in
// words first. It reports false when it asked something.
func (t *turn) readMeetingTime(loc *time.Location) (time.Time, bool) {
	d := t.Sess.Data
	now := t.Env.Now.In(loc)
	if c := d["when_confirm"]; c != "" {
		delete(d, "when_confirm")
		if answer.YesNo(t.Text) == answer.Yes {
			if at, err := time.Parse(time.RFC3339, c); err == nil {
				return at, true
			}
		}
	}
	date, clock := d["when_date"], d["when_hour"]
	suggested := d["when_suggest"]
	delete(d, "when_suggest")
	w, err := domain.ReadWhen(t.Text, t.Env.Now, loc)
	if date != "" && clock == "" && (err != nil || !w.HasTime && !w.HasDate) {
		// The answer to "jam berapa?": "7", "setengah 8", "19.30".
		if w2, err2 := domain.ReadWhen("jam "+t.Text, t.Env.Now, loc); err2 == nil && w2.HasTime && !w2.HasDate {
			w, err = w2, nil
		}
	}
	switch {
	case suggested != "" && answer.YesNo(t.Text) == answer.Yes:
		clock = suggested
	case err == nil:
		if w.HasDate {
			date = w.Date.Format("2006-01-02")
		}
		if w.HasTime {
			h := w.Hour
			if d["when_pm"] != "" && h < 12 && !morning(t.Text) {
				// "besok malam", then "jam 7": 19.00, not 07.00.
				h += 12
			}
			clock = fmt.Sprintf("%02d:%02d", h, w.Minute)
		}
		if w.SuggestHour < 0 && suggested != "" {
			d["when_suggest"] = suggested // kept until the hour is asked
		}
	default:
		t.say(MsgWhenHint, nil)
		return time.Time{}, false
	}
	if day, perr := time.ParseInLocation("2006-01-02", date, loc); perr == nil && clock == "" && day.AddDate(0, 0, 1).Before(now) {
		// "kemarin": a day already past needs no hour to be refused.
		t.say(MsgWhenPast, A{"when": DayName(t.Lang, day.Weekday()) + " " + day.Format("02/01/2006")})
		return time.Time{}, false
	}
	switch {
	case date != "" && clock == "":
		d["when_date"] = date
		if err == nil && w.Confirm {
			d["when_roll"] = "1" // confirmed in words once the hour is known
		}
		s := d["when_suggest"]
		if err == nil && w.SuggestHour >= 0 {
			s = fmt.Sprintf("%02d:%02d", w.SuggestHour, w.SuggestMinute)
		}
		if s != "" {
			d["when_suggest"] = s
			if s >= "12:00" {
				d["when_pm"] = "1"
			}
			t.say(MsgAskHour, A{"saran": strings.Replace(s, ":", ".", 1)})
		} else {
			t.say(MsgAskHourNoHint, nil)
		}
		return time.Time{}, false
	case date == "" && clock != "":
		d["when_hour"] = clock
		t.say(MsgAskDay, nil)
		return time.Time{}, false
	case date == "" && clock == "" && err == nil && w.SuggestHour >= 0:
		// "ba'da isya": the hour is suggested once the day is known.
		d["when_suggest"] = fmt.Sprintf("%02d:%02d", w.SuggestHour, w.SuggestMinute)
		t.say(MsgAskDay, nil)
		return time.Time{}, false
	}
	delete(d, "when_date")
	delete(d, "when_hour")
	delete(d, "when_pm")
	delete(d, "when_suggest")
	rolled := d["when_roll"] != ""
	delete(d, "when_roll")
	day, err1 := time.ParseInLocation("2006-01-02", date, loc)
	hm, err2 := time.Parse("15:04", clock)
	if err1 != nil || err2 != nil {
		t.say(MsgWhenHint, nil)
		return time.Time{}, false
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
	if err == nil && w.HasDate && w.HasTime {
		at = w.At
	}
	if !at.After(now) {
		t.say(MsgWhenPast, A{"when": DayName(t.Lang, at.Weekday()) + " " + at.Format("02/01/2006 15.04")})
		return time.Time{}, false
	}
	if err == nil && w.Confirm || rolled || at.Sub(now) > 90*24*time.Hour {
		d["when_confirm"] = at.Format(time.RFC3339)
		t.say(MsgConfirmWhen, A{"hari": DayName(t.Lang, at.Weekday()), "tanggal": DateText(t.Lang, at), "jam": at.Format("15.04")})
		return time.Time{}, false
	}
	return at, true
}

// morning tells whether text names a morning hour ("jam 7 pagi").
func morning(text string) bool {
	for _, w := range strings.Fields(answer.Normal(text)) {
		switch w {
		case "pagi", "subuh", "isuk", "enjing", "esuk", "injing":
			return true
		}
	}
	return false
}

// changedPart is the part of a meeting a change names ("ubah waktunya",
// "ganti tempat"), or "" when it names none.
func changedPart(text string) string {
	for _, w := range strings.Fields(answer.Normal(text)) {
		switch strings.TrimSuffix(strings.TrimSuffix(w, "nya"), "ipun") {
		case "waktu", "jam", "tanggal", "hari", "wekdal", "waktos", "tabuh", "dinten":
			return "when"
		case "tempat", "lokasi", "papan", "panggenan":
			return "place"
		case "agenda", "acara":
			return "agenda"
		case "peserta", "undangan", "yang diundang":
			return "audience"
		case "jenis":
			return "type"
		}
	}
	return ""
}

// isNumberOnly tells whether text is a number and nothing else.
func isNumberOnly(text string) bool {
	_, ok := answer.Number(text)
	return ok
}

// cleanPlace is a meeting place as the invitation shows it: "di balai
// dusun aja" is "Balai dusun", without the preposition before it or the
// particles after it.
func cleanPlace(text string) string {
	words := strings.Fields(strings.TrimSpace(text))
	for len(words) > 1 {
		switch strings.ToLower(words[0]) {
		case "di", "ke", "ten", "wonten", "ing", "dina", "di:", "tempatnya", "tempat", "panggenanipun":
			words = words[1:]
			continue
		}
		break
	}
	for len(words) > 1 && answer.Normal(words[len(words)-1]) == "" {
		words = words[:len(words)-1] // "aja", "deh", "pak", "mawon"
	}
	return upperFirst(strings.Join(words, " "))
}
