package rapat

import (
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// decideOptions is how many options the decision question has: 1 moves
// the gagasan on, 2 rejects it, 3 leaves it undecided.
const decideOptions = 3

// readDecisionPick reads a decision on a gagasan: its number, its label
// (in any language) or the words that name it. The option's words are
// read before any keyword: "lanjut" is option 1 here, not LANJUT.
func (t *turn) readDecisionPick(args flow.A) (int, bool) {
	if n, ok := answer.Number(t.Text); ok {
		return n, n >= 1 && n <= decideOptions
	}
	if i, ok := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskDecision, args)); ok {
		return i + 1, true
	}
	// answer.Decision numbers its values as the question does.
	d := answer.Decide(t.Text)
	return int(d), d != answer.DecideNone
}

// decisionArgs fill the decision question for gagasan g.
func (t *turn) decisionArgs(g domain.Gagasan) flow.A {
	to, _ := nextStage(g.Status)
	return flow.A{"gcode": g.Code, "title": g.Title, "next": flow.Render(t.Lang, flow.StageKeys[string(to)], nil)}
}

// CloseText is when a vote closes, in the kecamatan's zone: "5 Desember
// 2026 09.00 WIB".
func CloseText(lang, tz string, at time.Time) string {
	loc := domain.Kecamatan{TimeZone: tz}.Location()
	at = at.In(loc)
	return flow.DateText(lang, at) + " " + at.Format("15.04") + " " + domain.ZoneAbbrev(tz)
}

// sayVoteState says, under a meeting's progress (UNDANG R-…), where its
// suara warga stands: open with how many ballots, closed, or not opened
// (while it still can be).
func (t *turn) sayVoteState(m *domain.Meeting) error {
	v, r, err := t.View.MeetingVote(t.Ctx, m.ID)
	if err != nil {
		return err
	}
	n := 0
	if r != nil {
		n = r.All.Ballots
	}
	switch {
	case v != nil && v.Open(t.Env.Now):
		t.Say(flow.MsgSuaraUndangOpen, flow.A{"code": m.Code, "n": n, "tutup": CloseText(t.Lang, m.TZ, v.ClosesAt)})
	case v != nil:
		t.Say(flow.MsgSuaraUndangClosed, flow.A{"code": m.Code, "n": n})
	case m.Status == domain.MeetingScheduled && m.StartsAt.Sub(t.Env.Now) > voteOfferLead:
		// Offered only while a vote still makes sense: agenda gagasan to
		// order, and a day left to answer (every line costs an SMS).
		agenda, err := t.View.MeetingAgenda(t.Ctx, m.ID)
		if err != nil {
			return err
		}
		if len(agenda) > 0 {
			t.Say(flow.MsgSuaraUndangNone, flow.A{"code": m.Code})
		}
	}
	return nil
}

// voteOfferLead is how long before a meeting the status still offers to
// open its suara warga.
const voteOfferLead = 24 * time.Hour

// sayVoteOrder shows a meeting's suara warga (when it had one) as HASIL
// begins: the agenda from the most points down, beside the decisions to
// record. The vote informs the decisions; it does not make them.
func (t *turn) sayVoteOrder(m *domain.Meeting) error {
	v, r, err := t.View.MeetingVote(t.Ctx, m.ID)
	if v == nil || r == nil || err != nil {
		return err
	}
	lines := make([]string, len(r.Order))
	for i, it := range r.Order {
		lines[i] = flow.Render(t.Lang, flow.MsgSuaraResultLine, flow.A{"rank": r.Rank[it-1], "n": it,
			"title": flow.ShortenWords(r.Items[it-1].Title, 30), "points": r.All.Points[it-1], "first": r.All.First[it-1]})
	}
	key, tutup := flow.MsgSuaraHasil, ""
	if v.Open(t.Env.Now) {
		key, tutup = flow.MsgSuaraHasilOpen, CloseText(t.Lang, m.TZ, v.ClosesAt)
	}
	t.Say(key, flow.A{"code": m.Code, "ballots": r.All.Ballots, "list": strings.Join(lines, "\n"), "tutup": tutup})
	return nil
}

// sayVoteRank says where gagasan g stood in the meeting's suara warga,
// before its decision is asked; nothing when there was no vote on it.
func (t *turn) sayVoteRank(meetingID int64, g domain.Gagasan) error {
	_, r, err := t.View.MeetingVote(t.Ctx, meetingID)
	if r == nil || err != nil {
		return err
	}
	for i, it := range r.Items {
		if it.GagasanID == g.ID || it.Code == g.Code {
			t.Say(flow.MsgSuaraHasilRank, flow.A{"rank": r.Rank[i], "points": r.All.Points[i]})
		}
	}
	return nil
}
