package flows

import (
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/rapat"

	"github.com/suaradesa/suaradesa/domain"
)

// statusListLimit bounds STATUS alone: a feature phone shows a few lines.
const statusListLimit = 5

func (t *turn) status(arg string) error {
	t.endFlow()
	if strings.TrimSpace(arg) == "" {
		return t.statusList()
	}
	switch first := strings.ToUpper(strings.TrimSpace(arg)); {
	case strings.HasPrefix(first, "A-"), strings.HasPrefix(first, "A "):
		return t.aduanStatus(arg)
	case strings.HasPrefix(first, "K-"):
		return t.kegiatanDetail(arg)
	}
	if _, _, gagasan := domain.LeadingCode(domain.CodeGagasan, arg); !gagasan {
		// "cek undangan R-…": a cadre asks how a meeting's invitation
		// went (what UNDANG R-… shows).
		if code, ok := rapat.MeetingCodeIn(arg); ok && isCadre(t.Contact) {
			return rapat.ShowMeeting(t.Turn, code)
		}
	}
	code, err := domain.ParseCode(domain.CodeGagasan, flow.CodeArg(domain.CodeGagasan, arg))
	if err != nil {
		t.say(flow.MsgStatusBadCode, flow.A{"text": cutRunes(strings.TrimSpace(arg), 20)})
		return nil
	}
	g, hist, err := t.View.Gagasan(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.say(flow.MsgStatusNotFound, flow.A{"code": code})
		return nil
	}
	if err != nil {
		return err
	}
	loc := t.location(g.DesaKode)
	own := g.SenderID != nil && domain.ContactID(*g.SenderID) == t.Contact.ID
	var lines []string
	for _, h := range hist {
		note := ""
		if h.Note != "" && own {
			note = flow.Render(t.Lang, flow.MsgStatusNote, flow.A{"note": h.Note})
		}
		lines = append(lines, flow.Render(t.Lang, flow.MsgStatusHistLine, flow.A{
			"date":  h.At.In(loc).Format("02/01/2006"),
			"stage": flow.StageText(t.Lang, h.To),
			"note":  note,
		}))
	}
	t.say(flow.MsgStatusOne, flow.A{
		"code":    g.Code,
		"title":   g.Title,
		"stage":   flow.StageText(t.Lang, g.Status),
		"history": strings.Join(lines, "\n"),
	})
	if g.MapItemTitle != "" {
		t.say(flow.MsgMapLinkLine, flow.A{"title": g.MapItemTitle})
	}
	if !own {
		t.say(flow.MsgStatusOtherHint, nil)
	}
	return nil
}

// statusList lists the resident's own gagasan, then their complaints,
// numbered on (at most statusListLimit of each). Gagasan still in the
// cycle come first, newest first; those that left it (withdrawn, rejected,
// merged) after them: a gagasan withdrawn yesterday does not head the
// list above the one she is waiting on.
func (t *turn) statusList() error {
	list, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, 4*statusListLimit)
	if err != nil {
		return err
	}
	sort.SliceStable(list, func(i, j int) bool { return !list[i].Status.LeftCycle() && list[j].Status.LeftCycle() })
	if len(list) > statusListLimit {
		list = list[:statusListLimit]
	}
	complaints, err := t.View.ComplaintsOf(t.Ctx, t.Contact.ID, statusListLimit)
	if err != nil {
		return err
	}
	if len(list) == 0 && len(complaints) == 0 {
		t.say(flow.MsgStatusNone, nil)
		return nil
	}
	head := flow.MsgStatusListHead
	if len(complaints) > 0 {
		head = flow.MsgStatusListHeadAll
	}
	lines := []string{t.render(head, nil)}
	sms := t.bySMS()
	for i, g := range list {
		title := g.Title
		if sms {
			title = shorten(title, 32) // the code tells the rest
		}
		lines = append(lines, flow.Render(t.Lang, flow.MsgStatusListLine, flow.A{
			"i": i + 1, "code": g.Code, "title": title, "stage": flow.StageText(t.Lang, g.Status),
		}))
	}
	for i, c := range complaints {
		lines = append(lines, flow.Render(t.Lang, flow.MsgStatusListAduan, flow.A{
			"i": len(list) + i + 1, "code": c.Code, "text": t.firstWords(c), "stage": aduan.StageText(t.Lang, c.Status),
		}))
	}
	lines = append(lines, t.render(flow.MsgStatusListFoot, nil))
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: strings.Join(lines, "\n")})
	// "1" next is the first of this list, not the menu's first choice.
	codes := make([]string, 0, len(list)+len(complaints))
	for _, g := range list {
		codes = append(codes, g.Code)
	}
	for _, c := range complaints {
		codes = append(codes, c.Code)
	}
	t.offerPick("status", codes)
	return nil
}

// complaintWords and complaintRunes bound the start of a complaint that
// its line in the STATUS list shows.
const (
	complaintWords = 5
	complaintRunes = 32
)

// firstWords is the start of a complaint's text, on one line; a voice
// complaint not written down yet is named as such.
func (t *turn) firstWords(c domain.Complaint) string {
	words := strings.Fields(c.Text)
	if len(words) == 0 {
		return flow.Render(t.Lang, flow.MsgVoiceWord, nil)
	}
	cut := len(words) > complaintWords
	if cut {
		words = words[:complaintWords]
	}
	s := strings.Join(words, " ")
	if utf8.RuneCountInString(s) > complaintRunes {
		s, cut = strings.TrimSpace(cutRunes(s, complaintRunes)), true
	}
	if cut {
		s += "..."
	}
	return s
}

// ForwardReasonDefault is why a MAD did not fund a proposal when it wrote
// no reason, in lang (postgres.Penetapan.DefaultReason).
func ForwardReasonDefault(lang string) string {
	return flow.Render(lang, flow.MsgMADReasonDefault, nil)
}

// StatusChangedText is the message that tells a sender their gagasan moved.
func StatusChangedText(lang string, g domain.Gagasan, note string) string {
	n := ""
	if note != "" {
		n = flow.Render(lang, flow.MsgStatusNote, flow.A{"note": note})
	}
	if g.ForName != "" {
		// To the relative of a resident a KPMD filed for.
		return flow.Render(lang, flow.MsgUntukChanged, flow.A{
			"name": g.ForName, "code": g.Code, "title": g.Title, "stage": flow.StageText(lang, g.Status), "note": n,
		})
	}
	return flow.Render(lang, flow.MsgStatusChanged, flow.A{
		"code": g.Code, "title": g.Title, "stage": flow.StageText(lang, g.Status), "note": n,
	})
}

// isCadre tells whether the contact is KPMD or facilitator of some desa.
func isCadre(c *domain.Contact) bool {
	_, ok := flow.KPMDDesa(c)
	return ok
}
