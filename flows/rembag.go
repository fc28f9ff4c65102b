package flows

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// rembagLimit bounds the gagasan "when is my idea discussed?" answers
// for: one SMS each at most.
const rembagLimit = 3

// gagasanMeeting answers "usul kula dirembag kapan?": for each of the
// resident's gagasan still in the cycle (newest first, at most
// rembagLimit), the meeting that takes it up at its stage
// (domain.NextMeeting: DIAJUKAN the Musyawarah Dusun of its dusun, DIBAHAS
// the Musdes Perencanaan, …), with its day, hour and place when it is
// scheduled, else that it is not yet and she will be told. Without such a
// gagasan it is the STATUS list.
func (t *turn) gagasanMeeting() error {
	t.endFlow()
	list, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, 20)
	if err != nil {
		return err
	}
	var open []domain.Gagasan
	for _, g := range list {
		if _, ok := domain.NextMeeting(g.Status); ok && len(open) < rembagLimit {
			open = append(open, g)
		}
	}
	if len(open) == 0 {
		return t.statusList()
	}
	upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 20)
	if err != nil {
		return err
	}
	lines := make([]string, 0, len(open))
	for _, g := range open {
		typ, _ := domain.NextMeeting(g.Status)
		title := g.Title
		if t.bySMS() {
			title = shorten(title, 32) // the code tells the rest
		}
		name := flow.MeetingTypeText(t.Lang, typ)
		if typ == domain.MeetingMusdus && g.DusunNama != "" {
			name += " " + g.DusunNama
		}
		a := flow.A{"code": g.Code, "title": title, "rapat": name}
		if m, ok := meetingFor(g, typ, upcoming); ok {
			for k, v := range rapat.MeetingArgs(t.Lang, m) {
				a[k] = v
			}
			lines = append(lines, flow.Render(t.Lang, flow.MsgRembagScheduled, a))
			continue
		}
		lines = append(lines, flow.Render(t.Lang, flow.MsgRembagUnscheduled, a))
	}
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: strings.Join(lines, "\n")})
	return nil
}

// meetingFor is the first of the upcoming meetings of type typ that takes
// up g: of its desa (a MAD, of the kecamatan, is held in one desa for
// all) and, for a Musyawarah Dusun, of its dusun when both are known.
func meetingFor(g domain.Gagasan, typ domain.MeetingType, upcoming []domain.Meeting) (domain.Meeting, bool) {
	mad := typ == domain.MeetingMADPrioritas || typ == domain.MeetingMADPenetapan
	for _, m := range upcoming {
		switch {
		case m.Type != typ || m.Status != domain.MeetingScheduled:
		case !mad && m.DesaKode != g.DesaKode:
		case typ == domain.MeetingMusdus && m.DusunID != nil && g.DusunID != nil && *m.DusunID != *g.DusunID:
		default:
			return m, true
		}
	}
	return domain.Meeting{}, false
}
