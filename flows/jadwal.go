package flows

import (
	"slices"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/flows/flow"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// FlowJadwal is the meeting commands of every resident (JADWAL, HADIR,
// TIDAK): no session waits in it; a list they show is answered by FlowPilih.
const FlowJadwal = "jadwal"

// rsvp records HADIR or TIDAK, for the meeting named or the only one coming.
func (t *turn) rsvp(answer domain.RSVP, arg string) error {
	t.endFlow()
	var m *domain.Meeting
	if strings.TrimSpace(arg) != "" {
		var err error
		if m, err = rapat.LoadMeeting(t.Turn, arg); m == nil || err != nil {
			return err
		}
	} else {
		upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
		if err != nil {
			return err
		}
		switch len(upcoming) {
		case 0:
			t.say(flow.MsgRSVPNone, nil)
			return nil
		case 1:
			m = &upcoming[0]
		default:
			return t.jadwalList(upcoming, flow.MsgRSVPWhich, string(answer))
		}
	}
	// Codes are on the public boards: someone neither invited nor in the
	// audience is answered as for a code that does not exist.
	if ok, err := t.View.MayAnswer(t.Ctx, m.ID, t.Contact.ID); err != nil || !ok {
		switch {
		case err == nil && t.In.Group != nil:
			// Answering the group's post: the meeting is not theirs.
			a := rapat.MeetingArgs(t.Lang, *m)
			a["code"] = m.Code
			t.say(flow.MsgGrupRSVPNotAudience, a)
		case err == nil:
			t.say(flow.MsgRapatNotFound, flow.A{"code": m.Code})
		}
		return err
	}
	if m.Status != domain.MeetingScheduled || !m.StartsAt.After(t.Env.Now) {
		t.say(flow.MsgRSVPPast, flow.A{"code": m.Code})
		return nil
	}
	t.cmd(flow.SetRSVP{MeetingID: m.ID, Answer: answer})
	a := rapat.MeetingArgs(t.Lang, *m)
	a["answer"], a["code"] = string(answer), m.Code
	if said, ok := t.otherDay(*m); ok {
		// "sesuk jam 9 kula rawuh" for a meeting next week: the day she
		// named is not the meeting's, said plainly in the same message.
		a["disebut"] = said
		t.say(flow.MsgRSVPSavedOtherDay, a)
		return nil
	}
	t.say(flow.MsgRSVPSaved, a)
	return nil
}

// otherDay is the day an answer to meeting m named ("besok", "Kamis 3
// Desember 2026"), when it named one and it is not the meeting's day. A
// bare number (a list's choice) and meeting codes are not read for a day.
func (t *turn) otherDay(m domain.Meeting) (string, bool) {
	if _, num := answer.Number(t.Text); num {
		return "", false
	}
	var words []string
	for _, w := range strings.Fields(t.Text) {
		if !domain.LooksLikeCode(strings.Trim(w, ".,!?")) {
			words = append(words, w)
		}
	}
	loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
	when, err := domain.ReadWhen(strings.Join(words, " "), t.Env.Now, loc)
	if err != nil || !when.HasDate {
		return "", false
	}
	at := m.StartsAt.In(loc)
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, loc)
	if when.Date.Equal(day) {
		return "", false
	}
	now := t.Env.Now.In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	switch {
	case when.Date.Equal(today):
		return flow.Render(t.Lang, flow.MsgRSVPDayToday, nil), true
	case when.Date.Equal(today.AddDate(0, 0, 1)):
		return flow.Render(t.Lang, flow.MsgRSVPDayTomorrow, nil), true
	}
	return flow.DayName(t.Lang, when.Date.Weekday()) + " " + flow.DateText(t.Lang, when.Date), true
}

func (t *turn) jadwal() error {
	t.endFlow()
	upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
	if err != nil {
		return err
	}
	if len(upcoming) == 0 {
		t.say(flow.MsgJadwalNone, nil)
		return nil
	}
	return t.jadwalList(upcoming, flow.MsgJadwalHead, "")
}

// jadwalList lists meetings with the contact's answers; head is the first
// line (the schedule, or "which meeting?" for HADIR/TIDAK without a code).
func (t *turn) jadwalList(ms []domain.Meeting, head flow.Key, word string) error {
	lines := make([]string, 0, len(ms))
	for i, m := range ms {
		r, err := t.View.RSVPOf(t.Ctx, m.ID, t.Contact.ID)
		if err != nil {
			return err
		}
		a := rapat.MeetingArgs(t.Lang, m)
		a["i"] = i + 1
		a["jawaban"] = flow.Render(t.Lang, map[domain.RSVP]flow.Key{domain.RSVPHadir: flow.MsgAnswerHadir, domain.RSVPTidak: flow.MsgAnswerTidak, "": flow.MsgAnswerNone}[r], nil)
		lines = append(lines, flow.Render(t.Lang, flow.MsgJadwalLine, a))
	}
	if head == flow.MsgJadwalHead {
		t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: flow.Render(t.Lang, flow.MsgJadwalHead, nil) + "\n" +
			strings.Join(lines, "\n") + "\n" + flow.Render(t.Lang, flow.MsgJadwalFoot, nil)})
		return nil
	}
	t.say(head, flow.A{"word": word, "list": strings.Join(lines, "\n")})
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	t.offerPick(word, codes)
	return nil
}

// meetingReplies answers a cadre's "who answered the invitation?" ("sopo
// wae sing wis bales undangan musdus?") with the answers to the one coming
// meeting of their desa it names (by its type, or the only one); anyone
// else, or a question that fits several meetings, gets the schedule.
func (t *turn) meetingReplies() error {
	desas := flow.KPMDDesas(t.Contact)
	if len(desas) == 0 {
		return t.jadwal()
	}
	upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
	if err != nil {
		return err
	}
	named := answer.MeetingTypeWords(t.Text)
	var mine []domain.Meeting
	for _, m := range upcoming {
		if slices.Contains(desas, m.DesaKode) && (len(named) == 0 || slices.Contains(named, m.Type)) {
			mine = append(mine, m)
		}
	}
	if len(mine) != 1 {
		return t.jadwal()
	}
	return rapat.Manage(t.Turn, mine[0].Code)
}
