// Package suara is the suara warga: a KPMD opens a priority vote on a
// coming meeting's agenda (SUARA R-…), every resident of its audience gets
// the numbered list once, and answers with up to three numbers, first
// preference first (SUARA 3 1, or "3 1" alone while the vote is open).
// The vote informs the musyawarah; it does not decide.
package suara

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/rapat"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// Name is the flow's name in the session.
const Name = "suara"

// LateWindow is how long after a vote closed a plain list of numbers is
// still read as a late ballot (and told it is closed) rather than as a
// menu pick.
const LateWindow = 24 * time.Hour

// titleWidth is the narrowest a ballot item's title is cut to (and the
// width of titles in the other vote texts): an SMS-sized list.
const titleWidth = 30

// titleWidths are the widths a ballot's titles are tried at, widest
// first: the widest at which the whole ballot still fits MaxSegments SMS
// of GSM-7 is taken (a title is cut no earlier than the room requires).
var titleWidths = []int{domain.MaxTitleLen, 60, 50, 40, titleWidth}

// state is the vote the KPMD is asked to confirm.
type state struct {
	Code     string    `json:"code"`
	ClosesAt time.Time `json:"closes"`
}

// Flow is SUARA: the KPMD's opening (one confirmation step) and the
// residents' ballots (one turn each, no step).
var Flow = &flow.Typed[state]{Called: Name, Words: []string{"SUARA"}, Stages: steps,
	Starter: func(t *flow.Turn, _, arg string) (bool, error) { return true, Start(t, arg) }}

var steps = []flow.Step[state]{
	{Spec: flow.Pick("confirm"), Run: confirmStep, Needs: func(st state) bool { return st.Code != "" && !st.ClosesAt.IsZero() }},
}

// Start reads SUARA's argument: a meeting's code alone opens its vote (a
// KPMD or facilitator of its desa) or shows its ballot again (a resident
// it went to); numbers are a ballot; nothing shows the open ballot.
func Start(t *flow.Turn, arg string) error {
	t.EndFlow()
	code, rest := splitCode(arg)
	if code != "" {
		if _, ok := answer.Ranked(rest); !ok {
			m, err := rapat.LoadMeeting(t, code)
			if m == nil || err != nil {
				return err
			}
			if flow.MayManage(t.Contact, m.DesaKode) {
				return open(t, m, rest)
			}
		}
	}
	v, err := t.View.VoteSentTo(t.Ctx, t.Contact.ID, code)
	if err != nil {
		return err
	}
	if v == nil {
		t.Say(flow.MsgSuaraNone, nil)
		return nil
	}
	if strings.TrimSpace(rest) == "" {
		if !v.Open(t.Env.Now) {
			closed(t, v)
			return nil
		}
		t.Sess.Ballot = v.ID
		t.Say(flow.MsgSuaraBallot, ballotCut(t.Lang, v.MeetingCode, meetingOf(t, v), v.Items, v.ClosesAt, true))
		return nil
	}
	ns, ok := answer.Ranked(rest)
	if !ok {
		t.Sess.Ballot = v.ID
		t.Say(flow.MsgSuaraRange, rangeArgs(len(v.Items)))
		return nil
	}
	if code == "" && othersOpen(t, v, ns) {
		return nil
	}
	cast(t, v, ns)
	return nil
}

// othersOpen refuses a ballot given without its code while more than one
// vote is open to the contact, asking for SUARA R-… with the numbers.
func othersOpen(t *flow.Turn, v *domain.Vote, ns []int) bool {
	if v.Others == 0 || !v.Open(t.Env.Now) {
		return false
	}
	t.Say(flow.MsgSuaraWhich, flow.A{"n": v.Others + 1, "code": v.MeetingCode, "nums": numsText(ns)})
	return true
}

// Plain reads a message outside any flow as a ballot: a list of numbers
// that answers the ballot the resident just received. It is one only when
// nothing else came from us since that ballot (it was sent after the
// resident's last message was answered) or our last reply was about it
// (saved, changed, shown again, out of range: the session's one-turn
// Ballot marker), so that a number picked from MENU, a time ("17.00") or
// a date ("5/12") is never read as a ballot. A ballot closed less than
// LateWindow ago is told it is closed. With another vote open to the
// resident, the plain answer is refused and the code asked for. It
// reports false, having said nothing, when the message is no ballot.
func Plain(t *flow.Turn) (bool, error) {
	if !t.Sess.Idle() || t.In.Media != nil || timeLike.MatchString(t.Text) {
		return false, nil
	}
	ns, marked, ok := answer.RankedMarked(t.Text)
	if !ok {
		return false, nil
	}
	v, err := answerable(t)
	if v == nil || err != nil {
		return false, err
	}
	// "ganti telu", "telu wae": words that change a ballot or make a choice
	// the only one mean the vote at any time.
	answering := marked || t.Ballot == v.ID || v.SentAt != nil && (t.Sess.At.IsZero() || v.SentAt.After(t.Sess.At))
	if !answering {
		if len(ns) > 1 && v.Open(t.Env.Now) {
			// "2 1" long after the ballot: say how a ballot is given.
			t.Say(flow.MsgSuaraUseWord, flow.A{"code": v.MeetingCode, "nums": numsText(ns)})
			return true, nil
		}
		return false, nil
	}
	if othersOpen(t, v, ns) {
		return true, nil
	}
	cast(t, v, ns)
	return true, nil
}

// HintWindow is how long after a ballot reached a resident a message
// with numbers not understood is answered with how to vote.
const HintWindow = 24 * time.Hour

// Hint says how to answer the vote open to the contact, after a reply
// that did not understand their message. The hint may cost a second SMS,
// so it goes only where the message may be a ballot: right after the
// ballot (it is the last thing the resident read, whatever they answer),
// or with numbers in it (digits or number words) within HintWindow of the
// ballot. Nothing when no vote is open.
func Hint(t *flow.Turn) error {
	v, err := t.View.VoteSentTo(t.Ctx, t.Contact.ID, "")
	if v == nil || err != nil || !v.Open(t.Env.Now) || v.SentAt == nil {
		return err
	}
	ballotLast := t.Sess.At.IsZero() || v.SentAt.After(t.Sess.At)
	fresh := t.Env.Now.Sub(*v.SentAt) < HintWindow && len(answer.Numbers(t.Text)) > 0
	if !ballotLast && !fresh {
		return nil
	}
	t.Say(flow.MsgSuaraHint, flow.A{"code": v.MeetingCode, "nums": Example(len(v.Items))})
	return nil
}

// Example is a ballot of numbers on a list of n items, for examples in
// texts: "2 1" on two items, "3 1" on more.
func Example(n int) string {
	switch {
	case n >= 3:
		return "3 1"
	case n == 2:
		return "2 1"
	}
	return "1"
}

// NewerThanList reports whether the message is a ranked answer and a
// ballot reached the contact after their last turn (when an older
// numbered list was shown, FlowPilih): the newest thing they read is the
// ballot, so its numbers answer it, not the list.
func NewerThanList(t *flow.Turn) (bool, error) {
	if t.In.Media != nil || t.Sess.At.IsZero() || timeLike.MatchString(t.Text) {
		return false, nil
	}
	if _, ok := answer.Ranked(t.Text); !ok {
		return false, nil
	}
	v, err := answerable(t)
	if v == nil || err != nil {
		return false, err
	}
	return v.SentAt != nil && v.SentAt.After(t.Sess.At), nil
}

// answerable is the vote sent to the contact that numbers may answer:
// open, or closed less than LateWindow ago (the answer is then told it is
// closed); nil when none.
func answerable(t *flow.Turn) (*domain.Vote, error) {
	v, err := t.View.VoteSentTo(t.Ctx, t.Contact.ID, "")
	if v == nil || err != nil {
		return nil, err
	}
	if !v.Open(t.Env.Now) && t.Env.Now.Sub(v.ClosesAt) > LateWindow {
		return nil, nil
	}
	return v, nil
}

// timeLike is a time or a date ("17.00", "9:30", "jam 9", "5/12",
// "5-12-2026", "25/11"): never a plain ballot. A ranking written with
// dashes, dots or slashes ("2-1", "3-1-2", "2.1", "2/1") is a ballot: its
// numbers are small (a list has at most ten) and minutes have two digits.
var timeLike = regexp.MustCompile(`(?i)\b(jam|jm|pukul|pkl|tgl|tanggal|tangal)\b|` +
	`\d{1,2}\s*[.:]\s*\d{2}\b|` + // 17.00, 9:30
	`\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}\b|` + // 5/12/2026, 5-12-26
	`\b\d{1,2}\s*[/-]\s*(1[1-9]|[2-9]\d|\d{3,})\b|` + // 5/12: a month or day past ten
	`\b(1[1-9]|[2-9]\d|\d{3,})\s*[/-]\s*\d`) // 25/11

func numsText(ns []int) string {
	ws := make([]string, len(ns))
	for i, n := range ns {
		ws[i] = strconv.Itoa(n)
	}
	return strings.Join(ws, " ")
}

// cast records ns as the contact's ballot in v, or says why not; a vote
// answered without its code while another is open to the contact asks
// for the code.
func cast(t *flow.Turn, v *domain.Vote, ns []int) {
	if !v.Open(t.Env.Now) {
		closed(t, v)
		return
	}
	t.Sess.Ballot = v.ID // the next message of numbers answers it again
	for _, n := range ns {
		if n < 1 || n > len(v.Items) {
			t.Say(flow.MsgSuaraRange, rangeArgs(len(v.Items)))
			return
		}
	}
	if distinct(ns) > domain.MaxChoices {
		t.Say(flow.MsgSuaraTooMany, flow.A{"max": len(v.Items)})
		return
	}
	choices := domain.CleanChoices(ns, len(v.Items))
	tutup := closeText(t.Lang, tzOf(t, v), v.ClosesAt)
	t.Cmd(flow.CastBallot{VoteID: v.ID, Choices: choices, At: t.Env.Now,
		Closed: flow.Render(t.Lang, flow.MsgSuaraClosed, flow.A{"code": v.MeetingCode, "tutup": tutup})})
	key := flow.MsgSuaraSaved
	if len(v.Mine) > 0 {
		key = flow.MsgSuaraChanged
	}
	lines := make([]string, len(choices))
	for i, c := range choices {
		lines[i] = flow.Render(t.Lang, flow.MsgSuaraChoiceLine, flow.A{"rank": i + 1, "n": c,
			"title": flow.ShortenWords(v.Items[c-1].Title, titleWidth)})
	}
	t.Say(key, flow.A{"code": v.MeetingCode, "list": strings.Join(lines, "\n"), "tutup": tutup})
}

// rangeArgs fills the refusal of numbers off a list of n items.
func rangeArgs(n int) flow.A {
	return flow.A{"max": n, "upto": min(domain.MaxChoices, n), "nums": Example(n)}
}

func distinct(ns []int) int {
	seen := map[int]bool{}
	for _, n := range ns {
		seen[n] = true
	}
	return len(seen)
}

func closed(t *flow.Turn, v *domain.Vote) {
	at := v.ClosesAt
	if v.ClosedAt != nil && v.ClosedAt.Before(at) {
		at = *v.ClosedAt
	}
	t.Say(flow.MsgSuaraClosed, flow.A{"code": v.MeetingCode, "tutup": closeText(t.Lang, tzOf(t, v), at)})
}

// open checks a meeting for a vote and asks the KPMD to confirm; rest may
// name an earlier closing time ("sampai besok jam 17").
func open(t *flow.Turn, m *domain.Meeting, rest string) error {
	agenda, err := openable(t, m)
	if agenda == nil || err != nil {
		return err
	}
	closes := m.StartsAt
	if strings.TrimSpace(rest) != "" {
		loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
		w, err := domain.ReadWhen(rest, t.Env.Now, loc)
		if err != nil || !w.HasDate || !w.HasTime || !w.At.After(t.Env.Now) || w.At.After(m.StartsAt) {
			t.Say(flow.MsgSuaraBadClose, flow.A{"code": m.Code, "mulai": closeText(t.Lang, m.TZ, m.StartsAt)})
			return nil
		}
		closes = w.At
	}
	n, err := t.View.CountAudience(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	t.GoTo(Name, "confirm")
	flow.Save(t, state{Code: m.Code, ClosesAt: closes})
	a := ballotCut(t.Lang, m.Code, m, items(agenda), closes, true)
	a["n"] = n
	t.Say(flow.MsgSuaraConfirm, a)
	return nil
}

// openable returns the agenda of a meeting a vote may be opened on now
// (domain.CheckVoteOpen), or nil having said why not.
func openable(t *flow.Turn, m *domain.Meeting) ([]domain.Gagasan, error) {
	v, res, err := t.View.MeetingVote(t.Ctx, m.ID)
	if err != nil {
		return nil, err
	}
	agenda, err := t.View.MeetingAgenda(t.Ctx, m.ID)
	if err != nil {
		return nil, err
	}
	err = domain.CheckVoteOpen(*m, len(agenda), v != nil, t.Env.Now)
	if err == nil {
		return agenda, nil
	}
	rule, _ := domain.RuleOf(err)
	switch {
	case rule != nil && rule.Key == "vote_exists":
		n := 0
		if res != nil {
			n = res.All.Ballots
		}
		t.Say(flow.MsgSuaraExists, flow.A{"code": m.Code, "n": n, "tutup": closeText(t.Lang, m.TZ, v.ClosesAt)})
	case rule != nil && rule.Key == "vote_few_items":
		t.Say(flow.MsgSuaraFewItems, flow.A{"code": m.Code})
	default:
		t.Say(flow.MsgSuaraPast, flow.A{"code": m.Code})
	}
	return nil, nil
}

// confirmStep: KIRIM (or yes) opens the vote, checked again; no keeps it
// unopened.
func confirmStep(t *flow.Turn, st *state) error {
	yes := strings.EqualFold(strings.TrimSpace(t.Text), "KIRIM")
	switch {
	case yes || answer.YesNo(t.Text) == answer.Yes:
	case answer.YesNo(t.Text) == answer.No:
		t.EndFlow()
		t.Say(flow.MsgSuaraKept, flow.A{"code": st.Code})
		return nil
	default:
		t.Say(flow.MsgSuaraConfirmAsk, flow.A{"code": st.Code})
		return nil
	}
	t.EndFlow()
	m, err := rapat.LoadMeeting(t, st.Code)
	if m == nil || err != nil {
		return err
	}
	if !flow.MayManage(t.Contact, m.DesaKode) {
		t.Say(flow.MsgNotKPMD, flow.A{"word": "SUARA"})
		return nil
	}
	agenda, err := openable(t, m)
	if agenda == nil || err != nil {
		return err
	}
	if !st.ClosesAt.After(t.Env.Now) || st.ClosesAt.After(m.StartsAt) {
		t.Say(flow.MsgSuaraBadClose, flow.A{"code": m.Code, "mulai": closeText(t.Lang, m.TZ, m.StartsAt)})
		return nil
	}
	n, err := t.View.CountAudience(t.Ctx, m.DesaKode, m.DusunID, m.Audience)
	if err != nil {
		return err
	}
	its := items(agenda)
	ids := make([]int64, len(agenda))
	for i, g := range agenda {
		ids[i] = g.ID
	}
	texts := map[string]string{}
	for _, l := range flow.Langs {
		texts[l] = BallotText(l, m, its, st.ClosesAt)
	}
	t.Cmd(flow.OpenVote{MeetingID: m.ID, ClosesAt: st.ClosesAt, Items: ids, Ballot: texts,
		Exists: flow.Render(t.Lang, flow.MsgSuaraOpenedBefore, flow.A{"code": m.Code})})
	t.Say(flow.MsgSuaraOpened, flow.A{"code": m.Code, "n": n, "tutup": closeText(t.Lang, m.TZ, st.ClosesAt)})
	return nil
}

func items(agenda []domain.Gagasan) []domain.VoteItem {
	out := make([]domain.VoteItem, len(agenda))
	for i, g := range agenda {
		out[i] = domain.VoteItem{GagasanID: g.ID, Code: g.Code, Title: g.Title}
	}
	return out
}

// BallotText is the ballot a resident receives, in lang: numbered titles
// within MaxSegments SMS of GSM-7 (as the SMS channels send it, "…" as
// "...": smstext.ToGSM7), each title as long as the room allows; a list
// too long even at titleWidth is cut and ends with how to get the rest
// (SUARA).
func BallotText(lang string, m *domain.Meeting, its []domain.VoteItem, closes time.Time) string {
	return flow.Render(lang, flow.MsgSuaraBallot, ballotCut(lang, m.Code, m, its, closes, false))
}

// ballotCut is the ballot's arguments as BallotText sends them: the most
// items, each title at the widest width, that keep the ballot within
// MaxSegments SMS of GSM-7 (whole: every item, at the widest width that
// fits, else titleWidth). The KPMD's preview and a ballot asked for again
// (whole) use it too, so that each reads the titles the residents read.
func ballotCut(lang, code string, m *domain.Meeting, its []domain.VoteItem, closes time.Time, whole bool) flow.A {
	for n := len(its); n > 0; n-- {
		shown := n
		if n == len(its) {
			shown = -1
		} else if whole {
			break
		}
		for _, w := range titleWidths {
			a := ballotArgs(lang, code, m, its, closes, shown, w)
			text := flow.Render(lang, flow.MsgSuaraBallot, a)
			if segs, _ := smstext.Segments(smstext.ToGSM7(text)); segs <= smstext.MaxSegments || shown == 1 && w == titleWidth {
				return a
			}
		}
	}
	return ballotArgs(lang, code, m, its, closes, -1, titleWidth)
}

// ballotArgs fills a ballot's text: the first n items (all when n < 0),
// titles cut to width.
func ballotArgs(lang, code string, m *domain.Meeting, its []domain.VoteItem, closes time.Time, n, width int) flow.A {
	lines := make([]string, len(its))
	for i, it := range its {
		lines[i] = flow.ShortenWords(it.Title, width)
	}
	list := flow.Numbered(lines)
	if n >= 0 && n < len(its) {
		list = flow.Numbered(lines[:n]) + "\n" + flow.Render(lang, flow.MsgSuaraMore, flow.A{"n": len(its) - n})
	}
	a := flow.A{"code": code, "items": list, "max": len(its), "upto": min(domain.MaxChoices, len(its)),
		"nums": Example(len(its)), "jenis": "", "tanggal": ""}
	tz := ""
	if m != nil {
		ma := rapat.MeetingArgs(lang, *m)
		a["jenis"], a["tanggal"] = ma["jenis"], ma["tanggal"]
		tz = m.TZ
	}
	a["tutup"] = closeText(lang, tz, closes)
	return a
}

// meetingOf loads the vote's meeting for its ballot's words; nil when it
// cannot (the ballot is then shown without them).
func meetingOf(t *flow.Turn, v *domain.Vote) *domain.Meeting {
	m, err := t.View.Meeting(t.Ctx, v.MeetingCode)
	if err != nil {
		return nil
	}
	return m
}

func tzOf(t *flow.Turn, v *domain.Vote) string { return t.View.TimeZone(t.Ctx, v.DesaKode) }

// closeText is when a vote closes, in the kecamatan's zone: "5 Desember
// 2026 09.00 WIB".
func closeText(lang, tz string, at time.Time) string { return rapat.CloseText(lang, tz, at) }

// splitCode takes a meeting's code out of SUARA's argument.
func splitCode(arg string) (code, rest string) {
	fields := strings.Fields(arg)
	for i, f := range fields {
		f = strings.Trim(f, ".,!?")
		if !strings.ContainsAny(f, "-0123456789") {
			continue // "rumahku" is no code
		}
		if c, err := domain.ParseCode(domain.CodeRapat, f); err == nil {
			return c, strings.Join(append(fields[:i:i], fields[i+1:]...), " ")
		}
	}
	return "", arg
}

// ResultTexts is the counted vote for the KPMD, in every language; min
// is the board's PUBLIC_MIN_COUNT (ResultText).
func ResultTexts(v domain.Vote, r domain.VoteResult, min int) map[string]string {
	out := map[string]string{}
	for _, l := range flow.Langs {
		out[l] = ResultText(l, v, r, min)
	}
	return out
}

// GroupResultTexts is the counted vote posted into the meeting's linked
// groups, in every language: turnout and the order, without the KPMD's
// pointers.
func GroupResultTexts(v domain.Vote, r domain.VoteResult) map[string]string {
	out := map[string]string{}
	for _, l := range flow.Langs {
		out[l] = flow.Render(l, flow.MsgGroupVote, flow.A{"code": v.MeetingCode, "ballots": r.All.Ballots, "audience": r.Audience,
			"turnout": r.Turnout(), "list": resultLines(l, r)})
	}
	return out
}

// ResultText is the counted vote in lang: turnout by gender and the
// items from the most points down. The split by gender follows the
// board's minimum, the one setting PUBLIC_MIN_COUNT (min; <= 0 the
// default, domain.PublicMin): when a group (women, men, or the rest) has
// between 1 and min-1 ballots, no group is given exactly ("< 3", "3+"),
// or one woman's ballot would be read off the count.
func ResultText(lang string, v domain.Vote, r domain.VoteResult, min int) string {
	women, men := strconv.Itoa(r.Women.Ballots), strconv.Itoa(r.Men.Ballots)
	if min := domain.PublicMin(min); !domain.WholeSplit(min, r.All.Ballots, r.Women.Ballots, r.Men.Ballots) {
		women, men = roughCount(r.Women.Ballots, min), roughCount(r.Men.Ballots, min)
	}
	return flow.Render(lang, flow.MsgSuaraResult, flow.A{"code": v.MeetingCode, "ballots": r.All.Ballots, "audience": r.Audience,
		"turnout": r.Turnout(), "women": women, "men": men, "list": resultLines(lang, r)})
}

// roughCount is a count of a split not shown whole: "< min" below min
// (none included), "min+" from it.
func roughCount(n, min int) string {
	if n < min {
		return "< " + strconv.Itoa(min)
	}
	return strconv.Itoa(min) + "+"
}

// resultLines lists a counted vote's items from the most points down.
func resultLines(lang string, r domain.VoteResult) string {
	lines := make([]string, len(r.Order))
	for i, it := range r.Order {
		lines[i] = flow.Render(lang, flow.MsgSuaraResultLine, flow.A{"rank": r.Rank[it-1], "n": it,
			"title": flow.ShortenWords(r.Items[it-1].Title, titleWidth), "points": r.All.Points[it-1], "first": r.All.First[it-1]})
	}
	return strings.Join(lines, "\n")
}
