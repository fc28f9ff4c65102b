package rapat

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// MeetingArgs are the placeholders every meeting message uses.
func MeetingArgs(lang string, m domain.Meeting) flow.A {
	loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
	at := m.StartsAt.In(loc)
	scope := flow.Render(lang, flow.MsgScopeDesa, flow.A{"desa": m.DesaNama})
	switch {
	case m.Audience == domain.AudienceDusun && m.Type == domain.MeetingMusdus:
		scope = flow.Render(lang, flow.MsgScopeDusunOnly, flow.A{"dusun": m.DusunNama, "desa": m.DesaNama})
	case m.Audience == domain.AudienceDusun:
		scope = flow.Render(lang, flow.MsgScopeDusun, flow.A{"dusun": m.DusunNama, "desa": m.DesaNama})
	case m.Audience == domain.AudiencePerempuan && m.Type != domain.MeetingMKP:
		scope = flow.Render(lang, flow.MsgScopePerempuan, flow.A{"desa": m.DesaNama})
	case m.Audience == domain.AudienceMAD:
		scope = flow.Render(lang, flow.MsgScopeMAD, nil)
	}
	agenda := agendaText(lang, m.Agenda)
	if agenda == "" {
		agenda = flow.Render(lang, flow.MsgNone, nil)
	}
	return flow.A{
		"jenis": flow.Render(lang, flow.MeetingTypeKeys[string(m.Type)], nil), "lingkup": scope,
		"hari": flow.DayName(lang, at.Weekday()), "tanggal": flow.DateText(lang, at),
		"jam": at.Format("15.04"), "zona": domain.ZoneAbbrev(m.TZ), "tempat": m.Place, "agenda": agenda, "kode": m.Code,
	}
}

// agendaText is a stored agenda in lang: one made of the gagasan picked
// for the meeting is stored in Indonesian (flow.MsgAgendaGagasan) and read in
// the reader's language; an agenda the KPMD wrote stays as written.
func agendaText(lang, agenda string) string {
	if lang == flow.LangID {
		return agenda
	}
	before, after, _ := strings.Cut(flow.Render(flow.LangID, flow.MsgAgendaGagasan, flow.A{"titles": "\x00"}), "\x00")
	titles, ok := strings.CutPrefix(agenda, before)
	if !ok || before == "" {
		return agenda
	}
	if titles, ok = strings.CutSuffix(titles, after); !ok {
		return agenda
	}
	return flow.Render(lang, flow.MsgAgendaGagasan, flow.A{"titles": titles})
}

// InviteText renders a meeting's invitation; "{nama}" stays for each
// recipient's name.
func InviteText(lang string, m domain.Meeting) string {
	return meetingText(lang, flow.MsgInvite, m)
}

// meetingText renders a message about meeting m; "{nama}" stays for each
// recipient's name.
func meetingText(lang string, key flow.Key, m domain.Meeting) string {
	a := MeetingArgs(lang, m)
	a["nama"] = "{nama}"
	return flow.Render(lang, key, a)
}

// meetingTexts renders a message about meeting m in every language.
func meetingTexts(key flow.Key, m domain.Meeting) map[string]string {
	out := make(map[string]string, len(flow.Langs))
	for _, l := range flow.Langs {
		out[l] = meetingText(l, key, m)
	}
	return out
}

// byAnswer adds to texts, a message to a meeting's invitees by language,
// its variants for those who answered: key_hadir for HADIR, key_tidak for
// TIDAK, where the catalog has them (domain.RSVP.TextKey; the store gives
// each invitee the text of their answer), each rendered by render.
func byAnswer(texts map[string]string, key flow.Key, render func(lang string, key flow.Key) string) map[string]string {
	for _, r := range []domain.RSVP{domain.RSVPHadir, domain.RSVPTidak} {
		k := key + "_" + flow.Key(strings.ToLower(string(r)))
		if !flow.HasKey(flow.LangID, k) {
			continue
		}
		for _, l := range flow.Langs {
			texts[r.TextKey(l)] = render(l, k)
		}
	}
	return texts
}

// MovedTexts is the notice of a moved meeting to its invitees, in every
// language, with the words for those who answered (who are not asked
// again: "Anda sudah menjawab HADIR; bila berhalangan balas TIDAK").
func MovedTexts(m domain.Meeting) map[string]string {
	return byAnswer(meetingTexts(flow.MsgMovedNotice, m), flow.MsgMovedNotice, func(l string, k flow.Key) string {
		return meetingText(l, k, m)
	})
}

// ReminderTexts renders a reminder in every language, with the words for
// those who answered HADIR (who are not asked again; those who answered
// TIDAK get none).
func ReminderTexts(m domain.Meeting, kind string) map[string]string {
	return byAnswer(reminderTexts(flow.MsgReminder, m, kind), flow.MsgReminder, func(l string, k flow.Key) string {
		return reminderText(l, k, m, kind)
	})
}

// GroupReminderTexts renders a reminder posted into a group in every
// language.
func GroupReminderTexts(m domain.Meeting, kind string) map[string]string {
	return reminderTexts(flow.MsgGroupReminder, m, kind)
}

func reminderTexts(key flow.Key, m domain.Meeting, kind string) map[string]string {
	out := make(map[string]string, len(flow.Langs))
	for _, l := range flow.Langs {
		out[l] = reminderText(l, key, m, kind)
	}
	return out
}

// ReminderText renders a reminder of kind H-n (n days before) or J-n (n
// hours before); "{nama}" stays for each recipient's name.
func ReminderText(lang string, m domain.Meeting, kind string) string {
	return reminderText(lang, flow.MsgReminder, m, kind)
}

func reminderText(lang string, key flow.Key, m domain.Meeting, kind string) string {
	a := MeetingArgs(lang, m)
	a["nama"] = "{nama}"
	switch {
	case kind == "H-1":
		a["kapan"] = flow.Render(lang, flow.MsgReminderH1, nil)
	case strings.HasPrefix(kind, "H-"):
		a["kapan"] = flow.Render(lang, flow.MsgReminderDays, flow.A{"n": strings.TrimPrefix(kind, "H-")})
	default:
		a["kapan"] = flow.Render(lang, flow.MsgReminderJ2, nil)
	}
	return flow.Render(lang, key, a)
}

func (t *turn) startUndang(arg string) error {
	t.endFlow()
	if arg != "" {
		return t.manageMeeting(arg)
	}
	desas := flow.KPMDDesas(t.Contact)
	if len(desas) == 0 {
		t.Say(flow.MsgNotKPMD, flow.A{"word": "UNDANG"})
		return nil
	}
	if len(desas) > 1 {
		// A cadre of several desa says which desa's meeting it is.
		t.GoTo(FlowUndang, "desa")
		t.s.Pick = &flow.DesaChoice{Within: desas}
		if ok, err := t.AskDesa(t.s.Pick); err != nil || !ok {
			t.endFlow()
			return err
		}
		return nil
	}
	t.GoTo(FlowUndang, "type")
	t.s.Desa = desas[0]
	return t.askUndang("type")
}

// readUndangDesa reads the desa of the meeting (a cadre of several), then
// asks its type.
func (t *turn) readUndangDesa() error {
	if t.s.Pick == nil {
		return flow.ErrDamaged
	}
	d, ok, err := t.ReadDesa(t.s.Pick)
	if err != nil || !ok {
		return err
	}
	t.s.Pick = nil
	t.s.Desa = d.Kode
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
		opts[i].Label = flow.Render(t.Lang, flow.MeetingTypeKeys[string(mt)], nil)
		for _, l := range flow.Langs {
			opts[i].Words = append(opts[i].Words, flow.Render(l, flow.MeetingTypeKeys[string(mt)], nil))
		}
		opts[i].Words = append(opts[i].Words, meetingTypeWords[mt]...)
	}
	return opts
}

// undangNamed starts an invitation whose request named its type ("mau
// bikin undangan musdus"): the type question is answered by it.
func (t *turn) undangNamed(rest string) error {
	if err := t.startUndang(""); err != nil || t.Sess.Flow != FlowUndang || t.Sess.Step != "type" {
		return err // a cadre of several desa is asked the desa first
	}
	named, ok := t.namedType(rest)
	if !ok {
		return nil
	}
	t.Out.Replies = nil
	t.Text = named
	return t.undangStep()
}

// namedType is the part of a request that names the meeting's type: all of
// it, or its first words when more follows ("musdus kejambon jumat depan
// jam 7": a number there is no type's number).
func (t *turn) namedType(rest string) (string, bool) {
	opts := t.meetingTypeOptions()
	if _, ok := answer.Choice(rest, opts); ok {
		return rest, true
	}
	words := strings.Fields(rest)
	for n := min(3, len(words)-1); n >= 1; n-- {
		if _, ok := answer.Choice(strings.Join(words[:n], " "), opts); ok {
			return strings.Join(words[:n], " "), true
		}
	}
	return "", false
}

func meetingTypeNames(lang string) []string {
	out := make([]string, len(domain.MeetingTypes))
	for i, mt := range domain.MeetingTypes {
		out[i] = flow.Render(lang, flow.MeetingTypeKeys[string(mt)], nil)
	}
	return out
}

func (t *turn) askUndang(step string) error {
	s := &t.s
	t.Sess.Step = step
	switch step {
	case "type":
		t.Say(flow.MsgAskMeetingType, flow.A{"list": flow.Numbered(meetingTypeNames(t.Lang))})
	case "audience":
		name, err := t.DesaName(s.Desa)
		if err != nil {
			return err
		}
		t.Say(flow.MsgAskAudience, flow.A{"desa": name})
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, s.Desa)
		if err != nil {
			return err
		}
		t.Say(flow.MsgAskMeetDusun, flow.A{"list": flow.Numbered(flow.DusunNames(dusuns))})
	case "when":
		t.Say(flow.MsgAskWhen, nil)
	case "place":
		t.Say(flow.MsgAskPlace, nil)
	case "agenda":
		if s.Type.DiscussesGagasan() {
			waiting, err := t.View.WaitingGagasan(t.Ctx, s.Desa, idPtr(s.DusunID), 9)
			if err != nil {
				return err
			}
			if len(waiting) > 0 {
				items := make([]string, len(waiting))
				s.Waiting = make([]Waiting, len(waiting))
				for i, g := range waiting {
					items[i] = g.Code + " " + g.Title
					s.Waiting[i] = Waiting{ID: g.ID, Title: g.Title}
				}
				t.Say(flow.MsgAskAgendaPick, flow.A{"list": flow.Numbered(items), "contoh": agendaExample(len(items))})
				return nil
			}
		}
		t.Say(flow.MsgAskAgenda, nil)
	case "preview":
		return t.preview()
	}
	return nil
}

// draft builds the meeting the KPMD is composing.
func (t *turn) draft() (domain.Meeting, error) {
	s := t.s
	m := domain.Meeting{
		Code: s.Code, Type: s.Type, DesaKode: s.Desa, DusunID: idPtr(s.DusunID),
		Audience: s.Audience, Place: s.Place, Agenda: s.Agenda, StartsAt: s.When,
		TZ: t.View.TimeZone(t.Ctx, s.Desa), Status: domain.MeetingScheduled,
	}
	name, err := t.DesaName(m.DesaKode)
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
	a := MeetingArgs(t.Lang, m)
	a["nama"] = flow.Render(t.Lang, flow.MsgPreviewName, nil)
	a["kode"] = "R-xxxxxx"
	t.Say(flow.MsgPreview, flow.A{"n": n, "text": flow.Render(t.Lang, flow.MsgInvite, a)})
	if n == 0 {
		t.Say(flow.MsgNoRecipients, nil)
		return nil
	}
	reach, err := t.View.GroupReach(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	if reach.Groups > 0 {
		key := flow.MsgPreviewGroups
		switch {
		case reach.ByGroup == 0:
			key = flow.MsgPreviewGroupsNoneNew
		case reach.SMS == 0:
			key = flow.MsgPreviewGroupsNoSMS
		}
		t.Say(key, flow.A{"groups": reach.Groups, "members": reach.ByGroup, "personal": reach.Personal, "sms": reach.SMS})
	}
	t.Say(flow.MsgPreviewHint, nil)
	return nil
}

func (t *turn) undangStep() error {
	var next string
	var err error
	switch t.Sess.Step {
	case "desa":
		return t.readUndangDesa()
	case "type":
		next = t.readMeetingType()
	case "audience":
		next, err = t.readAudience()
	case "dusun":
		next, err = t.readMeetDusun()
	case "when":
		next = t.readWhen()
	case "place":
		next = t.readPlace()
	case "agenda":
		if t.readAgenda() {
			next = "preview"
		}
	case "preview":
		return t.previewStep()
	case "edit":
		return t.meetEditStep()
	default:
		t.endFlow()
		t.Say(flow.MsgMenu, nil)
		return nil
	}
	if next == "" || err != nil {
		return err // asked again
	}
	// Editing from the preview goes back to it once the part is answered
	// (a new type or audience may need its follow-up questions first).
	if t.s.Edit && (next == "when" && !t.s.When.IsZero() || next == "place" || next == "agenda") {
		next = "preview"
	}
	return t.askUndang(next)
}

// readMeetingType reads the type of meeting; a MAD or an MKP has its
// audience by its type. It returns the next step, "" when it asked again.
func (t *turn) readMeetingType() string {
	n, ok := t.ChooseFrom(t.meetingTypeOptions())
	if !ok {
		return ""
	}
	mt := domain.MeetingTypes[n-1]
	t.s.Type = mt
	switch {
	case mt.IsMAD():
		t.s.Audience, t.s.DusunID = domain.AudienceMAD, 0
		return "when"
	case mt == domain.MeetingMKP:
		t.s.Audience, t.s.DusunID = domain.AudiencePerempuan, 0
		return "when"
	}
	return "audience"
}

// readAudience reads who is invited: the desa, one dusun (perhaps named in
// the same answer) or its women.
func (t *turn) readAudience() (string, error) {
	desaNama, err := t.DesaName(t.s.Desa)
	if err != nil {
		return "", err
	}
	dusuns, err := t.View.Dusuns(t.Ctx, t.s.Desa)
	if err != nil {
		return "", err
	}
	opts := flow.QuestionOptions(t.Lang, flow.MsgAskAudience, flow.A{"desa": desaNama})
	if len(opts) == 3 {
		// "warga dusun kejambon", "semua warga", "ibu-ibu"
		opts[0].Words = append(opts[0].Words, "semua warga", "seluruh warga", "warga desa", "satu desa", "sedesa", "desa")
		opts[1].Words = append(opts[1].Words, "dusun", "warga dusun", "satu dusun", "sedusun", "dukuh", "padukuhan")
		opts[2].Words = append(opts[2].Words, "perempuan", "ibu ibu", "wanita", "kaum perempuan", "mkp", "estri")
		for _, du := range dusuns {
			opts[1].Words = append(opts[1].Words, du.Nama)
		}
	}
	n, ok := t.ChooseFrom(opts)
	if !ok {
		return "", nil
	}
	t.s.Audience = audiences[n-1]
	t.s.DusunID = 0
	if n != 2 {
		return "when", nil
	}
	// The dusun named in the same answer needs no question.
	if m := flow.MatchNames(t.Text, flow.DusunNames(dusuns)); len(m) == 1 && !isNumberOnly(t.Text) {
		t.s.DusunID = dusuns[m[0]].ID
		return "when", nil
	}
	return "dusun", nil
}

// readMeetDusun reads the dusun invited.
func (t *turn) readMeetDusun() (string, error) {
	dusuns, err := t.View.Dusuns(t.Ctx, t.s.Desa)
	if err != nil {
		return "", err
	}
	du, ok := t.MatchDusun(dusuns)
	if !ok {
		return "", nil
	}
	t.s.DusunID = du.ID
	return "when", nil
}

// readWhen reads the meeting's day and hour, over as many messages as it
// takes.
func (t *turn) readWhen() string {
	loc := domain.Kecamatan{TimeZone: t.View.TimeZone(t.Ctx, t.s.Desa)}.Location()
	at, ok := t.readMeetingTime(loc)
	if !ok {
		return ""
	}
	t.s.When = at
	if place := placeWithTime(t.Text, t.Env.Now); place != "" {
		// "jumat depan jam 8 malem di rumah pak RT": no place question.
		t.s.Place = place
		return "agenda"
	}
	return "place"
}

// readPlace reads where the meeting is held.
func (t *turn) readPlace() string {
	place := cleanPlace(t.Text)
	if n := utf8.RuneCountInString(place); n < 2 || n > 120 || !flow.HasLetter(place) {
		t.Say(flow.MsgPlaceInvalid, nil)
		return ""
	}
	t.s.Place = place
	return "agenda"
}

// previewStep reads the answer to the invitation shown before it is sent:
// YA sends it, a change names the part to change or asks which.
func (t *turn) previewStep() error {
	switch {
	case answer.Change(t.Text) || answer.ChangeVerbFirst(t.Text) && changedPart(t.Text) != "":
		// "ubah waktunya", "ganti tempat", "ubah tempate": that part at once.
		if part := changedPart(t.Text); part != "" {
			t.s.Edit = true
			return t.askUndang(part)
		}
		t.Sess.Step = "edit"
		t.Say(flow.MsgAskMeetEdit, nil)
		return nil
	case answer.YesNo(t.Text) == answer.Yes:
		return t.sendInvitation()
	}
	loc := domain.Kecamatan{TimeZone: t.View.TimeZone(t.Ctx, t.s.Desa)}.Location()
	if at, ok, read := t.correctWhen(t.s.When, loc); read {
		// "sabtu 12 saja": the new time, shown again.
		if ok {
			t.s.When = at
			return t.preview()
		}
		return nil
	}
	t.Say(flow.MsgPreviewHint, nil)
	return nil
}

// meetEditSteps are the steps that ask again the parts of
// flow.MeetEditMenu.
var meetEditSteps = map[flow.Key]string{
	flow.MsgMeetEditType: "type", flow.MsgMeetEditAudience: "audience", flow.MsgMeetEditWhen: "when",
	flow.MsgMeetEditPlace: "place", flow.MsgMeetEditAgenda: "agenda",
}

// meetEditStep reads which part of the invitation to change.
func (t *turn) meetEditStep() error {
	n, ok := t.Choose(flow.MsgAskMeetEdit, nil)
	if !ok {
		return nil
	}
	item, _ := flow.MeetEditMenu.Pick(n)
	t.s.Edit = true
	return t.askUndang(meetEditSteps[item.Label])
}

var numberList = regexp.MustCompile(`^[\d\s,;]+$`)

// readAgenda reads numbers of waiting gagasan ("1,3", SEMUA) or free text;
// false means it asked again.
func (t *turn) readAgenda() bool {
	t.s.AgendaIDs = nil
	if answer.Skip(t.Text) {
		t.s.Agenda = ""
		return true
	}
	waiting := t.s.Waiting
	picks := agendaPicks(t.Text, waiting)
	if len(picks) == 0 {
		if len(waiting) > 0 && numberList.MatchString(t.Text) {
			t.Say(flow.MsgChoiceRange, flow.A{"max": len(waiting)})
			return false
		}
		if t.Text == "" {
			t.Say(flow.MsgAskAgenda, nil)
			return false
		}
		t.s.Agenda = flow.CutRunes(strings.TrimSpace(t.Text), 600)
		return true
	}
	var titles []string
	for _, p := range picks {
		t.s.AgendaIDs = append(t.s.AgendaIDs, waiting[p-1].ID)
		titles = append(titles, waiting[p-1].Title)
	}
	// Stored in Indonesian, the language of the record and the board;
	// each reader reads it in theirs (agendaText).
	t.s.Agenda = flow.CutRunes(flow.Render(flow.LangID, flow.MsgAgendaGagasan, flow.A{"titles": strings.Join(titles, "; ")}), 600)
	return true
}

// allWords pick every waiting gagasan: SEMUA, "kabeh" and "sedaya"
// (jv), "sadayana" and "sadaya" (su).
var allWords = map[string]bool{"semua": true, "semuanya": true, "semua nya": true, "seluruhnya": true, "kabeh": true,
	"kabeh e": true, "kabehe": true, "sedaya": true, "sedanten": true, "sadayana": true, "sadaya": true, "sadayana wae": true}

// agendaExample is the example of numbers the agenda question gives for
// a list of n: "1,3", or "1,2" when there are two.
func agendaExample(n int) string {
	switch {
	case n >= 3:
		return "1,3"
	case n == 2:
		return "1,2"
	}
	return "1"
}

// agendaPicks reads which waiting gagasan an answer picks (1-based): SEMUA,
// their numbers ("1,3"), or one named by its words ("yg sumur bor aja");
// none when it is another agenda.
func agendaPicks(text string, waiting []Waiting) []int {
	var picks []int
	if allWords[answer.Normal(text)] {
		for i := range waiting {
			picks = append(picks, i+1)
		}
		return picks
	}
	if len(waiting) == 0 {
		return nil
	}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(waiting) {
			picks = nil
			break
		}
		picks = append(picks, n)
	}
	if len(picks) > 0 || numberList.MatchString(text) {
		return picks
	}
	labels := make([]string, len(waiting))
	codes := make([]string, len(waiting))
	for i, w := range waiting {
		labels[i] = w.Title
		if c, _, ok := strings.Cut(w.Title, " "); ok && domain.LooksLikeCode(c) {
			codes[i] = c
		}
	}
	if i, ok := answer.Choice(text, flow.OptionsOf(labels, codes)); ok {
		return []int{i + 1}
	}
	return nil
}

func (t *turn) sendInvitation() error {
	t.s.Code = t.Env.NewCode(domain.CodeRapat)
	m, err := t.draft()
	if err != nil {
		return err
	}
	if err := m.Validate(t.Env.Now); err != nil {
		// The time passed while the KPMD was composing.
		t.Sess.Step = "when"
		t.Say(flow.MsgWhenPast, flow.A{"when": m.StartsAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location()).Format("02/01/2006 15.04")})
		return nil
	}
	n, err := t.View.CountAudience(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	if n == 0 {
		t.Say(flow.MsgNoRecipients, nil)
		return nil
	}
	t.Cmd(flow.CreateMeeting{Meeting: m, Agenda: t.s.AgendaIDs, Invite: meetingTexts(flow.MsgInvite, m),
		Post: meetingTexts(flow.MsgGroupInvite, m)})
	t.endFlow()
	t.Say(flow.MsgInviteSent, flow.A{"code": m.Code, "n": n})
	return nil
}

// loadMeeting reads a meeting by a typed code; on failure it has replied.
// A code followed by other words ("R-F7XM6X sopo wae") is that code.
func (t *turn) loadMeeting(arg string) (*domain.Meeting, error) {
	code, err := domain.ParseCode(domain.CodeRapat, flow.CodeArg(domain.CodeRapat, arg))
	if err != nil {
		t.Say(flow.MsgRapatBadCode, flow.A{"text": flow.CutRunes(strings.TrimSpace(arg), 20)})
		return nil, nil
	}
	m, err := t.View.Meeting(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.Say(flow.MsgRapatNotFound, flow.A{"code": code})
		return nil, nil
	}
	return m, err
}

// managedMeeting loads the meeting a typed code names when the contact may
// manage it (word is the command, for the refusal); nil when not, and then
// it has replied.
func (t *turn) managedMeeting(arg, word string) (*domain.Meeting, error) {
	m, err := t.loadMeeting(arg)
	if m == nil || err != nil {
		return nil, err
	}
	if !flow.MayManage(t.Contact, m.DesaKode) {
		t.Say(flow.MsgNotKPMD, flow.A{"word": word})
		return nil, nil
	}
	return m, nil
}

// manageMeeting shows a meeting's progress to its KPMD and offers to move
// or cancel it (UNDANG R-…).
func (t *turn) manageMeeting(arg string) error {
	m, err := t.managedMeeting(arg, "UNDANG")
	if m == nil || err != nil {
		return err
	}
	st, err := t.View.MeetingStats(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	a := MeetingArgs(t.Lang, *m)
	a["code"], a["invited"], a["sent"], a["delivered"] = m.Code, st.Invited, st.Sent, st.Delivered
	a["hadir"], a["women"], a["tidak"], a["unanswered"] = st.Hadir, st.HadirWomen, st.Tidak, st.Unanswered
	t.Say(flow.MsgRapatStats, a)
	if err := t.sayAnswerers(m.ID, st); err != nil {
		return err
	}
	if st.ByGroup > 0 {
		t.Say(flow.MsgRapatStatsGroup, flow.A{"n": st.ByGroup})
	}
	if err := t.sayVoteState(m); err != nil {
		return err
	}
	if m.Status != domain.MeetingScheduled {
		t.Say(flow.MsgRapatClosed, flow.A{"code": m.Code, "status": strings.ToLower(string(m.Status))})
		return nil
	}
	t.GoTo(FlowRapat, "manage")
	t.s.Code = m.Code
	t.Say(flow.MsgRapatManage, nil)
	return nil
}

// answerersShown is how many answers the status names: more would not fit
// a phone's screen (the counts say how many).
const answerersShown = 10

// sayAnswerers names, for the meeting's cadre (managedMeeting checked the
// role), who answered HADIR and TIDAK, when no more than answerersShown did.
func (t *turn) sayAnswerers(meetingID int64, st domain.MeetingStats) error {
	if n := st.Hadir + st.Tidak; n == 0 || n > answerersShown {
		return nil
	}
	list, err := t.View.MeetingAnswerers(t.Ctx, meetingID, answerersShown)
	if err != nil {
		return err
	}
	var hadir, tidak []string
	for _, a := range list {
		if a.RSVP == domain.RSVPHadir {
			hadir = append(hadir, a.Name)
		} else {
			tidak = append(tidak, a.Name)
		}
	}
	if len(hadir) > 0 {
		t.Say(flow.MsgRapatNamesHadir, flow.A{"names": strings.Join(hadir, ", ")})
	}
	if len(tidak) > 0 {
		t.Say(flow.MsgRapatNamesTidak, flow.A{"names": strings.Join(tidak, ", ")})
	}
	return nil
}

// sessionMeeting loads the meeting the flow is about; nil when it is gone
// (the flow then ended with a reply).
func (t *turn) sessionMeeting() (*domain.Meeting, error) {
	code := t.s.Code
	m, err := t.View.Meeting(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.endFlow()
		t.Say(flow.MsgRapatNotFound, flow.A{"code": code})
		return nil, nil
	}
	return m, err
}

func (t *turn) rapatStep() error {
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	switch t.Sess.Step {
	case "manage":
		t.manageStep(*m)
	case "move_when":
		t.moveWhenStep(*m)
	case "move_place":
		t.movePlaceStep(*m)
	case "move_confirm":
		t.moveConfirmStep(*m)
	case "cancel":
		t.cancelStep(*m)
	}
	return nil
}

// manageOptions are the answers to flow.MsgRapatManage: move, or cancel.
var manageOptions = []answer.Option{
	{Label: "pindah", Words: []string{"pindah waktu", "pindah tempat", "ubah waktu", "ganti jam", "ganti waktu", "waktu", "tempat", "jam", "undur", "diundur", "majukan", "geser", "ganti tempat", "ubah tempat", "ngalih", "ngalihaken", "ngalihkeun"}},
	{Label: "batalkan rapat", Words: []string{"batalkan rapatnya", "rapat batal", "dibatalkan", "batalin rapat", "wurungaken", "bolaykeun"}},
}

// manageStep reads whether the meeting is moved or cancelled.
func (t *turn) manageStep(m domain.Meeting) {
	n, _ := answer.Choice(t.Text, manageOptions)
	switch n + 1 {
	case 1:
		t.Sess.Step = "move_when"
		t.Say(flow.MsgAskMoveWhen, nil)
	case 2:
		t.Sess.Step = "cancel"
		t.Say(flow.MsgConfirmCancel, flow.A{"code": m.Code})
	default:
		t.Say(flow.MsgRapatManage, nil)
	}
}

// moveWhenStep reads the meeting's new day and hour.
func (t *turn) moveWhenStep(m domain.Meeting) {
	at, ok := t.readMeetingTime(domain.Kecamatan{TimeZone: m.TZ}.Location())
	if !ok {
		return
	}
	t.s.When = at
	if place := placeWithTime(t.Text, t.Env.Now); place != "" {
		t.s.Place = place
		t.Sess.Step = "move_confirm"
		t.sayMoveConfirm(m)
		return
	}
	t.Sess.Step = "move_place"
	t.Say(flow.MsgAskMovePlace, flow.A{"tempat": m.Place})
}

// movePlaceStep reads the new place ("tetap": the same), then says the
// move back before every invitee is told: a misread time must not reach
// a whole dusun.
func (t *turn) movePlaceStep(m domain.Meeting) {
	place := cleanPlace(t.Text)
	if answer.Keep(t.Text) {
		// "tetap", "sama saja", "tetep": the place stays.
		place = m.Place
	}
	if n := utf8.RuneCountInString(place); n < 2 || n > 120 {
		t.Say(flow.MsgPlaceInvalid, nil)
		return
	}
	t.s.Place = place
	t.Sess.Step = "move_confirm"
	t.sayMoveConfirm(m)
}

// moved is meeting m at the day, hour and place of the move in the
// session.
func (t *turn) moved(m domain.Meeting) domain.Meeting {
	m.StartsAt, m.Place = t.s.When, t.s.Place
	return m
}

// moveConfirmStep reads YA (every invitee is told) or TIDAK (the meeting
// stays).
func (t *turn) moveConfirmStep(m domain.Meeting) {
	// "lho dudu, sabtu tgl 12": a date or an hour is a correction, shown
	// again before anyone is told.
	if at, ok, read := t.correctWhen(t.s.When, domain.Kecamatan{TimeZone: m.TZ}.Location()); read {
		if ok {
			t.s.When = at
			t.sayMoveConfirm(m)
		}
		return
	}
	moved := t.moved(m)
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		t.Cmd(flow.MoveMeeting{MeetingID: m.ID, At: moved.StartsAt, Place: moved.Place, Notice: MovedTexts(moved),
			Post: meetingTexts(flow.MsgGroupMoved, moved)})
		t.endFlow()
		t.Say(flow.MsgMoved, flow.A{"code": m.Code})
	case answer.No:
		t.endFlow()
		t.Say(flow.MsgMoveKept, MeetingArgs(t.Lang, m))
	default:
		t.sayMoveConfirm(m)
	}
}

// cancelStep reads YA (the meeting is cancelled and every invitee told)
// or TIDAK.
func (t *turn) cancelStep(m domain.Meeting) {
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		t.Cmd(flow.CancelMeeting{MeetingID: m.ID, Notice: meetingTexts(flow.MsgCanceledNotice, m),
			Post: meetingTexts(flow.MsgGroupCanceled, m)})
		t.endFlow()
		t.Say(flow.MsgRapatCanceled, flow.A{"code": m.Code})
	case answer.No:
		t.endFlow()
		t.Say(flow.MsgMenu, nil)
	default:
		t.Say(flow.MsgConfirmCancel, flow.A{"code": m.Code})
	}
}

// startHasil begins recording a meeting's outcome (HASIL R-…).
func (t *turn) startHasil(arg string) error {
	t.endFlow()
	if _, ok := flow.KPMDDesa(t.Contact); !ok {
		t.Say(flow.MsgNotKPMD, flow.A{"word": "HASIL"})
		return nil
	}
	if strings.TrimSpace(arg) == "" {
		t.Say(flow.MsgHasilNeedCode, nil)
		return nil
	}
	m, err := t.managedMeeting(arg, "HASIL")
	if m == nil || err != nil {
		return err
	}
	if m.StartsAt.After(t.Env.Now) {
		t.Say(flow.MsgHasilNotHeld, flow.A{"code": m.Code})
		return nil
	}
	t.GoTo(FlowHasil, "attended")
	t.s.Code = m.Code
	if m.Attended != nil {
		// Recorded before: a correction is confirmed first, never a
		// silent overwrite.
		t.Sess.Step = "again"
		return t.sayRecorded(*m)
	}
	if err := t.askAttended(m); err != nil {
		return err
	}
	// "hasil R-… sing teko 14 wedoke 6": the words after the code answer
	// the attendance question just asked.
	_, rest, _ := domain.LeadingCode(domain.CodeRapat, arg)
	if _, counted := flow.FirstCount(rest); !counted {
		return nil
	}
	t.Out.Replies = t.Out.Replies[:len(t.Out.Replies)-1]
	t.Text = rest
	return t.hasilStep()
}

// askAttended shows the meeting's suara warga (when it had one) and asks
// how many attended.
func (t *turn) askAttended(m *domain.Meeting) error {
	t.Sess.Step = "attended"
	if err := t.sayVoteOrder(m); err != nil {
		return err
	}
	t.Say(flow.MsgAskAttended, flow.A{"code": m.Code})
	return nil
}

// sayRecorded shows a meeting's recorded outcome and asks whether to
// change it.
func (t *turn) sayRecorded(m domain.Meeting) error {
	decided, err := t.View.MeetingDecisions(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	women := 0
	if m.AttendedWomen != nil {
		women = *m.AttendedWomen
	}
	t.Say(flow.MsgHasilRecorded, flow.A{"code": m.Code, "n": *m.Attended, "women": women, "decided": len(decided)})
	return nil
}

// againStep reads whether a recorded outcome is corrected: YA asks it
// anew, TIDAK leaves it.
func (t *turn) againStep(m *domain.Meeting) error {
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		return t.askAttended(m)
	case answer.No:
		t.endFlow()
		t.Say(flow.MsgCanceled, nil)
		return nil
	}
	if m.Attended == nil {
		return t.askAttended(m)
	}
	return t.sayRecorded(*m)
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
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	if t.Sess.Step == "ba_photo" {
		return t.baPhotoStep(*m, flow.MsgBAAskPhoto)
	}
	switch {
	case t.Sess.Step == "again":
		return t.againStep(m)
	case (t.Sess.Step == "attended" || t.Sess.Step == "women") && answer.Cancel(t.Text):
		// "eh salah, wurung": nothing is recorded.
		t.endFlow()
		t.Say(flow.MsgCanceled, nil)
		return nil
	}
	agenda, err := t.hasilAgenda(m.ID)
	if err != nil {
		return err
	}
	i := t.s.Next
	asked := false
	switch t.Sess.Step {
	case "others":
		if agenda, asked, err = t.readOthers(agenda); err != nil || asked {
			return err
		}
	case "attended":
		if !t.readAttended() {
			return nil
		}
	case "women":
		asked = !t.readWomen()
	case "decision":
		i, asked = t.readDecision(agenda, i)
	case "reason":
		i, asked = t.readReason(agenda, i)
	}
	if asked {
		return nil
	}
	return t.nextDecision(*m, agenda, i)
}

// hasilAgenda is the gagasan HASIL decides on: the meeting's agenda, then
// the others it discussed (State.Others).
func (t *turn) hasilAgenda(meetingID int64) ([]domain.Gagasan, error) {
	agenda, err := t.View.MeetingAgenda(t.Ctx, meetingID)
	if err != nil {
		return nil, err
	}
	for _, code := range t.s.Others {
		g, _, err := t.View.Gagasan(t.Ctx, code)
		if errors.Is(err, domain.ErrNotFound) {
			continue // withdrawn or deleted since
		}
		if err != nil {
			return nil, err
		}
		agenda = append(agenda, *g)
	}
	return agenda, nil
}

// othersLimit bounds the list of other waiting gagasan: a phone shows a
// few lines.
const othersLimit = 9

// otherWaiting lists the gagasan of the meeting's dusun (or desa) waiting
// to be discussed that are not on its agenda and can still move: those
// filed after the invitation, or left off a typed agenda.
func (t *turn) otherWaiting(m domain.Meeting, agenda []domain.Gagasan) ([]domain.Gagasan, error) {
	if !m.Type.DiscussesGagasan() {
		return nil, nil
	}
	waiting, err := t.View.WaitingGagasan(t.Ctx, m.DesaKode, m.DusunID, othersLimit+len(agenda))
	if err != nil {
		return nil, err
	}
	var out []domain.Gagasan
	for _, g := range waiting {
		_, movable := nextStage(g.Status)
		if movable && len(out) < othersLimit && !slices.ContainsFunc(agenda, func(a domain.Gagasan) bool { return a.Code == g.Code }) {
			out = append(out, g)
		}
	}
	return out, nil
}

// askOthers asks once, after the agenda, which other waiting gagasan the
// meeting discussed; false when there are none to ask about.
func (t *turn) askOthers(m domain.Meeting, agenda []domain.Gagasan) (bool, error) {
	t.s.OthersAsked = true
	others, err := t.otherWaiting(m, agenda)
	if err != nil || len(others) == 0 {
		return false, err
	}
	items := make([]string, len(others))
	t.s.OthersShown = make([]string, len(others))
	for i, g := range others {
		items[i] = g.Code + " " + flow.ShortenWords(g.Title, 40)
		t.s.OthersShown[i] = g.Code
	}
	t.Sess.Step = "others"
	t.Say(flow.MsgHasilOthers, flow.A{"list": flow.Numbered(items)})
	return true, nil
}

// readOthers reads which other gagasan were discussed: their numbers
// (their decisions are asked next, as the agenda's) or a skip. It returns
// the gagasan to decide on, and true when it asked again.
func (t *turn) readOthers(agenda []domain.Gagasan) ([]domain.Gagasan, bool, error) {
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return agenda, true, err
	}
	fresh, err := t.otherWaiting(*m, agenda)
	if err != nil {
		return agenda, true, err
	}
	// The numbers mean the list as it was shown: a gagasan withdrawn or
	// moved since keeps its number and is passed over, and no other takes
	// its place.
	others := fresh
	if len(t.s.OthersShown) > 0 {
		others = make([]domain.Gagasan, len(t.s.OthersShown))
		for i, code := range t.s.OthersShown {
			if j := slices.IndexFunc(fresh, func(g domain.Gagasan) bool { return g.Code == code }); j >= 0 {
				others[i] = fresh[j]
			}
		}
	}
	if answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No || answer.Done(t.Text) || len(others) == 0 {
		return agenda, false, nil
	}
	waiting := make([]Waiting, len(others))
	for i, g := range others {
		waiting[i] = Waiting{Title: g.Code + " " + g.Title}
	}
	picks := agendaPicks(t.Text, waiting)
	if len(picks) == 0 {
		t.Say(flow.MsgChoiceRange, flow.A{"max": len(others)})
		return agenda, true, nil
	}
	for _, n := range picks {
		if g := others[n-1]; g.Code != "" && !slices.Contains(t.s.Others, g.Code) {
			t.s.Others = append(t.s.Others, g.Code)
			agenda = append(agenda, g)
		}
	}
	return agenda, false, nil
}

// readAttended reads how many attended, and asks how many of them were
// women.
// "yg dtg 23 org, ibu2nya 9" answers both: true, and the decisions come
// next.
func (t *turn) readAttended() bool {
	if n, women, ok := answer.CountAndWomen(t.Text); ok && n <= 100000 {
		t.s.Attended, t.s.Women = n, women
		return true
	}
	n, ok := flow.FirstCount(t.Text)
	if !ok || n > 100000 {
		t.Say(flow.MsgNeedNumber, nil)
		return false
	}
	t.s.Attended = n
	t.Sess.Step = "women"
	t.Say(flow.MsgAskWomen, flow.A{"n": n})
	return false
}

// readWomen reads how many women attended: no more than all. False means
// it asked again.
func (t *turn) readWomen() bool {
	n, ok := flow.FirstCount(t.Text)
	total := t.s.Attended
	if !ok {
		t.Say(flow.MsgNeedNumber, nil)
		return false
	}
	if n > total {
		t.Say(flow.MsgWomenTooMany, flow.A{"n": total})
		return false
	}
	t.s.Women = n
	return true
}

// readDecision reads the decision on agenda item i (1 moves it on, 2
// rejects it and asks why, 3 leaves it); it returns the next item, and
// true when it asked something.
func (t *turn) readDecision(agenda []domain.Gagasan, i int) (int, bool) {
	if i >= len(agenda) {
		return i, false
	}
	g := agenda[i]
	n, ok := t.readDecisionPick(t.decisionArgs(g))
	if !ok {
		n = 0
	}
	switch n {
	case 1:
		if to, ok := nextStage(g.Status); ok {
			t.s.Decisions = append(t.s.Decisions, flow.Decision{GagasanCode: g.Code, To: to})
		}
	case 2:
		// "ditolak, kudu ning BBWS sing ngurus": the reason came with it.
		if reason := answer.DecisionRest(t.Text); utf8.RuneCountInString(reason) >= 3 && flow.HasLetter(reason) {
			t.s.Decisions = append(t.s.Decisions, rejection(g.Code, reason))
			return i + 1, false
		}
		t.Sess.Step = "reason"
		t.Say(flow.MsgAskReason, nil)
		return i, true
	case 3:
	default:
		t.Say(flow.MsgChoiceRange, flow.A{"max": 3})
		return i, true
	}
	return i + 1, false
}

// readReason reads why agenda item i was rejected.
func (t *turn) readReason(agenda []domain.Gagasan, i int) (int, bool) {
	reason := strings.TrimSpace(t.Text)
	if utf8.RuneCountInString(reason) < 3 || i >= len(agenda) {
		t.Say(flow.MsgAskReason, nil)
		return i, true
	}
	t.s.Decisions = append(t.s.Decisions, rejection(agenda[i].Code, reason))
	return i + 1, false
}

// rejection is the decision to reject gagasan code for reason.
func rejection(code, reason string) flow.Decision {
	return flow.Decision{GagasanCode: code, To: domain.StatusDitolak, Note: strings.ReplaceAll(flow.CutRunes(reason, 300), "\n", " ")}
}

// nextDecision asks about the next gagasan of the agenda that can still
// move, from item i; after the last it records the outcome.
func (t *turn) nextDecision(m domain.Meeting, agenda []domain.Gagasan, i int) error {
	// A gagasan this meeting already moved (HASIL run again) is shown
	// with its decision, not offered the stage after it.
	before, err := t.View.MeetingDecisions(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	for i < len(agenda) {
		if to, ok := before[agenda[i].Code]; ok {
			t.Say(flow.MsgHasilDecidedBefore, flow.A{"gcode": agenda[i].Code, "title": flow.ShortenWords(agenda[i].Title, 40), "status": flow.StageText(t.Lang, to)})
			i++
			continue
		}
		if _, ok := nextStage(agenda[i].Status); ok {
			break
		}
		i++
	}
	t.s.Next = i
	if i >= len(agenda) && !t.s.OthersAsked {
		if asked, err := t.askOthers(m, agenda); asked || err != nil {
			return err
		}
	}
	if i < len(agenda) {
		t.Sess.Step = "decision"
		if err := t.sayVoteRank(m.ID, agenda[i]); err != nil {
			return err
		}
		t.Say(flow.MsgAskDecision, t.decisionArgs(agenda[i]))
		return nil
	}
	attended, women := t.s.Attended, t.s.Women
	a := MeetingArgs(t.Lang, m)
	decidedAt := flow.Render(t.Lang, flow.MsgDecidedAt, flow.A{"jenis": a["jenis"], "tanggal": a["tanggal"]})
	decisions := t.s.Decisions
	for i := range decisions {
		if decisions[i].Note == "" {
			decisions[i].Note = decidedAt // a decision to move on; a rejection has its reason
		}
	}
	// The result posted lists the decisions recorded before too.
	all := slices.Clone(decisions)
	for _, g := range agenda {
		if to, ok := before[g.Code]; ok {
			all = append(all, flow.Decision{GagasanCode: g.Code, To: to})
		}
	}
	// HASIL again: the group hears of it only when something changed,
	// then as a correction.
	var post map[string]string
	switch {
	case m.Attended == nil:
		post = outcomeTexts(flow.MsgGroupOutcome, m, agenda, attended, women, all)
	case *m.Attended != attended || m.AttendedWomen == nil || *m.AttendedWomen != women || len(decisions) > 0:
		post = outcomeTexts(flow.MsgGroupOutcomeFix, m, agenda, attended, women, all)
	}
	t.Cmd(flow.RecordOutcome{MeetingID: m.ID, Attended: attended, Women: women, Decisions: decisions, Post: post})
	saved := flow.MsgOutcomeSaved
	if len(decisions) == 0 {
		saved = flow.MsgOutcomeSavedNoNotice // no gagasan moved: no sender is told
	}
	t.Say(saved, flow.A{"code": m.Code, "n": attended, "women": women, "decided": len(all)})
	t.askBAPhoto(m)
	return nil
}

// outcomeTexts renders a held meeting's result posted into the linked
// groups (key: the result, or its correction), in every language:
// attendance and each decided gagasan's new stage.
func outcomeTexts(key flow.Key, m domain.Meeting, agenda []domain.Gagasan, attended, women int, decisions []flow.Decision) map[string]string {
	titles := map[string]string{}
	for _, g := range agenda {
		titles[g.Code] = g.Title
	}
	out := make(map[string]string, len(flow.Langs))
	for _, l := range flow.Langs {
		list := ""
		for _, d := range decisions {
			list += "\n" + flow.Render(l, flow.MsgGroupDecision, flow.A{"code": d.GagasanCode,
				"title": flow.ShortenWords(titles[d.GagasanCode], 60), "status": flow.StageText(l, d.To)})
		}
		a := MeetingArgs(l, m)
		a["n"], a["women"], a["list"] = attended, women, list
		out[l] = flow.Render(l, key, a)
	}
	return out
}

// readMeetingTime reads a meeting's day and hour over as many messages as
// it takes: what ReadWhen could not read is asked for ("besok pagi" → "jam
// berapa?" with 08.00 as a suggestion), never taken from today; a day that
// rolled into next year or lies more than 90 days ahead is confirmed in
// words first. It reports false when it asked something.
func (t *turn) readMeetingTime(loc *time.Location) (time.Time, bool) {
	d := &t.s.Asking
	if c := d.Confirm; !c.IsZero() {
		d.Confirm = time.Time{}
		if answer.YesNo(t.Text) == answer.Yes {
			return c, true
		}
	}
	a, ok := t.readWhenAnswer(loc)
	if !ok || t.askWhenRest(a, loc) {
		return time.Time{}, false
	}
	return t.meetingAt(a, loc)
}

// whenAnswer is a meeting's time as read so far: the day ("2006-01-02")
// and hour ("15:04") of this answer and the earlier ones, and what
// domain.ReadWhen made of this answer (read is false when nothing).
type whenAnswer struct {
	date, clock string
	w           domain.When
	read        bool
}

// readWhenAnswer adds this answer to the day and hour read before: "YA"
// takes the hour suggested, a bare "7" answers "jam berapa?". False means
// nothing could be read and the hint was said.
func (t *turn) readWhenAnswer(loc *time.Location) (whenAnswer, bool) {
	d := &t.s.Asking
	a := whenAnswer{date: d.Date, clock: d.Hour}
	suggested := d.Suggest
	d.Suggest = ""
	w, err := domain.ReadWhen(t.Text, t.Env.Now, loc)
	if a.date != "" && a.clock == "" && (err != nil || !w.HasTime && !w.HasDate) {
		// The answer to "jam berapa?": "7", "setengah 8", "19.30".
		if w2, err2 := domain.ReadWhen("jam "+t.Text, t.Env.Now, loc); err2 == nil && (w2.HasTime || w2.Unplaced) && !w2.HasDate {
			w, err = w2, nil
		}
	}
	a.w, a.read = w, err == nil
	switch {
	case err != nil && t.sayWeekdayMismatch(w):
		return a, false
	case suggested != "" && answer.YesNo(t.Text) == answer.Yes:
		a.clock = suggested
	case a.read && w.Unplaced && d.PM:
		// "besok sore", then "jam 3": 15.00; "jam 3" alone is asked.
		if w.HasDate {
			a.date = w.Date.Format("2006-01-02")
		}
		a.clock = fmt.Sprintf("%02d:%02d", w.SuggestHour, w.SuggestMinute)
	case a.read:
		if w.HasDate {
			a.date = w.Date.Format("2006-01-02")
		}
		if w.HasTime {
			h := w.Hour
			if d.PM && h < 12 && !morning(t.Text) {
				// "besok malam", then "jam 7": 19.00, not 07.00.
				h += 12
			}
			a.clock = fmt.Sprintf("%02d:%02d", h, w.Minute)
		}
		if w.SuggestHour < 0 && suggested != "" {
			d.Suggest = suggested // kept until the hour is asked
		}
	default:
		t.Say(flow.MsgWhenHint, nil)
		return a, false
	}
	return a, true
}

// askWhenRest asks for what the answers have not told yet (the hour, with
// a suggestion when the day named a part of it, or the day), or refuses a
// day already past; it reports true when it said something.
func (t *turn) askWhenRest(a whenAnswer, loc *time.Location) bool {
	d := &t.s.Asking
	now := t.Env.Now.In(loc)
	if day, perr := time.ParseInLocation("2006-01-02", a.date, loc); perr == nil && a.clock == "" && day.AddDate(0, 0, 1).Before(now) {
		// "kemarin": a day already past needs no hour to be refused.
		t.Say(flow.MsgWhenPast, flow.A{"when": flow.DayName(t.Lang, day.Weekday()) + " " + day.Format("02/01/2006")})
		return true
	}
	switch {
	case a.date != "" && a.clock == "":
		d.Date = a.date
		if a.read && a.w.Confirm {
			d.Roll = true // confirmed in words once the hour is known
		}
		s := d.Suggest
		if a.read && a.w.SuggestHour >= 0 {
			s = fmt.Sprintf("%02d:%02d", a.w.SuggestHour, a.w.SuggestMinute)
		}
		if s != "" {
			d.Suggest = s
			if s >= "12:00" {
				d.PM = true
			}
			t.Say(flow.MsgAskHour, flow.A{"saran": strings.Replace(s, ":", ".", 1)})
		} else {
			t.Say(flow.MsgAskHourNoHint, nil)
		}
		return true
	case a.date == "" && a.clock != "":
		d.Hour = a.clock
		t.Say(flow.MsgAskDay, nil)
		return true
	case a.date == "" && a.clock == "" && a.read && a.w.SuggestHour >= 0:
		// "ba'da isya": the hour is suggested once the day is known.
		d.Suggest = fmt.Sprintf("%02d:%02d", a.w.SuggestHour, a.w.SuggestMinute)
		t.Say(flow.MsgAskDay, nil)
		return true
	}
	return false
}

// meetingAt is the meeting's time once day and hour are known: refused
// when past, confirmed in words first when the day rolled into next year
// or lies more than 90 days ahead.
func (t *turn) meetingAt(a whenAnswer, loc *time.Location) (time.Time, bool) {
	d := &t.s.Asking
	now := t.Env.Now.In(loc)
	rolled := d.Roll
	*d = WhenAnswers{}
	day, err1 := time.ParseInLocation("2006-01-02", a.date, loc)
	hm, err2 := time.Parse("15:04", a.clock)
	if err1 != nil || err2 != nil {
		t.Say(flow.MsgWhenHint, nil)
		return time.Time{}, false
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
	if a.read && a.w.HasDate && a.w.HasTime {
		at = a.w.At
	}
	if !at.After(now) {
		t.Say(flow.MsgWhenPast, flow.A{"when": flow.DayName(t.Lang, at.Weekday()) + " " + at.Format("02/01/2006 15.04")})
		return time.Time{}, false
	}
	if a.read && a.w.Confirm || rolled || at.Sub(now) > 90*24*time.Hour {
		d.Confirm = at
		t.Say(flow.MsgConfirmWhen, flow.A{"hari": flow.DayName(t.Lang, at.Weekday()), "tanggal": flow.DateText(t.Lang, at), "jam": at.Format("15.04")})
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
		case "waktu", "jam", "tanggal", "hari", "wekdal", "waktos", "tabuh", "dinten",
			"jame", "tanggale", "dinane", "wektu", "wektune", "waktune", "dina": // Javanese ngoko: "ubah jame"
			return "when"
		case "tempat", "lokasi", "papan", "panggenan", "tempate", "panggonan", "panggonane", "lokasine":
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
	words := withoutFillers(strings.Fields(strings.TrimSpace(text)))
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
	return flow.UpperFirst(strings.Join(words, " "))
}
