package flows

import (
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/grup"
)

// In a WhatsApp group the bot stays quiet (docs/ARCHITECTURE.md, "Groups"):
// a message posted there is acted on only when it mentions the bot (it runs
// as a personal message would), or carries what a member may say there —
// an answer to a meeting with its code (HADIR R-…, TIDAK R-…, "insyaallah
// rawuh R-…") or a link or unlink of the group (HUBUNGKAN DUSUN KEJAMBON,
// LEPASKAN GRUP). Every answer goes to the sender's own chat.

// ForGroup tells whether a message posted in a group is for the bot; the
// pipeline stores nothing of one that is not. sender reads the sender's
// contact (nil when they have none), asked only for an answer to a meeting
// or a link: from someone not registered an answer with its code is not
// for the bot, nor a link from anyone who is not a KPMD or facilitator —
// unless they mentioned the bot. Otherwise the bot would log them and
// write privately to a number that never wrote to it (a ban risk).
func ForGroup(text string, mentioned bool, sender func() *domain.Contact) bool {
	text = withoutMentions(text)
	if mentioned {
		return strings.TrimSpace(text) != ""
	}
	if _, _, ok := groupRSVP(text); ok || codelessRSVP(text) != "" || groupKeyword(text) != "" {
		c := sender()
		return c != nil && c.Registered()
	}
	if answer.Group(text, false).Action == answer.GroupNone {
		return false
	}
	c := sender()
	return c != nil && len(flow.KPMDDesas(c)) > 0
}

// inGroup runs a message posted in a group (t.In.Group set).
func (t *turn) inGroup() error {
	t.Text = withoutMentions(t.Text)
	if !ForGroup(t.Text, t.In.Group.Mentioned, func() *domain.Contact { return t.Contact }) {
		return nil // what the pipeline does not even log
	}
	req := answer.Group(t.Text, t.In.Group.Mentioned)
	ans, code, isRSVP := groupRSVP(t.Text)
	if req.Action == answer.GroupNone && !isRSVP {
		if t.In.Group.Mentioned && t.Text != "" && answer.GroupTalk(t.Text) && t.Contact != nil && len(flow.KPMDDesas(t.Contact)) > 0 {
			// "@Suara Desa tolong grup iki disambungke": a cadre's link
			// not understood is shown how to write it, privately.
			t.say(flow.MsgGrupHint, nil)
			return nil
		}
		if t.In.Group.Mentioned && t.Text != "" {
			return t.run() // as in private chat
		}
		if ans := codelessRSVP(t.Text); ans != "" {
			return t.groupRSVPPosted(ans)
		}
		if kw := groupKeyword(t.Text); kw != "" {
			t.groupNudge(kw)
		}
		return nil
	}
	if t.Contact != nil && t.Sess.Seq != t.Contact.SessionSeq {
		// A lost session is dropped quietly: the group is no place to say so.
		t.Sess = flow.Session{Data: map[string]string{}}
	}
	if req.Action != answer.GroupNone {
		return grup.Group(t.Turn, req)
	}
	if !t.Contact.Registered() {
		t.say(flow.MsgGrupRSVPRegister, nil)
		return nil
	}
	// A one-turn answer: the conversation in private chat waits as it was.
	kept := t.Sess
	err := t.rsvp(ans, code)
	t.Sess = kept
	return err
}

// groupRSVP reads an answer to a meeting, in a group or in private: HADIR
// or TIDAK (or their Javanese and Sundanese words) or a sentence meaning
// it, with the meeting's code anywhere in it. Without a code "saya hadir"
// is group chatter.
func groupRSVP(text string) (domain.RSVP, string, bool) {
	code := ""
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,!?:;()\"'")
		if !domain.LooksLikeCode(w) {
			continue
		}
		if c, err := domain.ParseCode(domain.CodeRapat, w); err == nil {
			code = c
			break
		}
	}
	if code == "" {
		return "", "", false
	}
	switch kw, _ := splitKeyword(text); kw {
	case "HADIR", "DATANG":
		return domain.RSVPHadir, code, true
	case "TIDAK":
		return domain.RSVPTidak, code, true
	}
	// The code inside a longer sentence: "wah kula mboten saged rawuh
	// R-…, putu kula sakit".
	kind := answer.MeetingAnswer(text)
	if kind == answer.None {
		kind = answer.Ask(text)
	}
	switch kind {
	case answer.Attend:
		return domain.RSVPHadir, code, true
	case answer.Decline:
		return domain.RSVPTidak, code, true
	}
	return "", "", false
}

// withoutMentions drops the mentions of a group message ("@62811…", and
// the bot's name as a member sees it: "@Suara Desa").
func withoutMentions(text string) string {
	if !strings.Contains(text, "@") {
		return text
	}
	fields := strings.Fields(text)
	out := fields[:0]
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if strings.HasPrefix(f, "@") && len(f) > 1 {
			if strings.EqualFold(strings.Trim(f, "@,:"), "suara") && i+1 < len(fields) &&
				strings.EqualFold(strings.Trim(fields[i+1], ",:"), "desa") {
				i++ // "@Suara Desa"
			}
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// maxCodelessWords bounds an answer without a code in a group: "nggih,
// insyaallah hadir" is one; a longer message is the group's talk.
const maxCodelessWords = 6

// codelessRSVP reads an answer to a meeting written in a group without
// its code: "nggih hadir", "insyaallah rawuh", "mboten saged", HADIR
// (answer.BareAnswer: nothing else in it).
// Whether it answers a meeting depends on what was posted into the group
// (groupRSVPPosted); "" when it is no answer.
func codelessRSVP(text string) domain.RSVP {
	if hasCode(text) || len(answer.Words(text)) > maxCodelessWords {
		return ""
	}
	// Only the answer and courtesy: "hadir 3 orang kemarin" is talk, and
	// "tidak" alone answers someone in the group, not the meeting.
	kind := answer.BareAnswer(text)
	if kw, arg := splitKeyword(text); arg == "" && (kw == "HADIR" || kw == "DATANG") {
		kind = answer.Attend
	}
	switch kind {
	case answer.Attend:
		return domain.RSVPHadir
	case answer.Decline:
		return domain.RSVPTidak
	}
	return ""
}

// groupRSVPPosted records an answer written in a group without a code for
// the coming meeting whose invitation was posted into this group and that
// the sender may answer, and confirms it privately, naming the meeting;
// with several it asks privately which; with none, or from someone not
// registered, it stays quiet: it was the group's talk.
func (t *turn) groupRSVPPosted(ans domain.RSVP) error {
	if !t.Contact.Registered() {
		return nil
	}
	if t.Sess.Seq != t.Contact.SessionSeq {
		t.Sess = flow.Session{Data: map[string]string{}}
	}
	ms, err := t.View.MeetingsPostedIn(t.Ctx, t.In.Group.JID, t.Contact, t.Env.Now, 5)
	if err != nil || len(ms) == 0 {
		return err
	}
	if len(ms) > 1 {
		// The list waits in private chat for the number, as HADIR's does.
		return t.jadwalList(ms, flow.MsgRSVPWhich, string(ans))
	}
	kept := t.Sess
	err = t.rsvp(ans, ms[0].Code)
	t.Sess = kept
	return err
}

// groupKeyword reads a resident's command written in a group, as one
// written in private chat would be: GAGASAN …, or JADWAL, BANTUAN, PESAN
// PRIBADI, PESAN GRUP, DATA SAYA alone ("jadwal posyandu besok" is the
// group's talk). It returns the keyword to write privately, or "".
func groupKeyword(text string) string {
	f := strings.Fields(strings.ToUpper(strings.Trim(strings.TrimSpace(text), ".!?")))
	switch {
	case len(f) == 0:
		return ""
	case f[0] == "GAGASAN" || f[0] == "USUL" && len(f) > 1:
		return "GAGASAN"
	case len(f) == 1 && (f[0] == "JADWAL" || f[0] == "BANTUAN"):
		return f[0]
	case len(f) == 2 && (f[0] == "PESAN" && (f[1] == "PRIBADI" || f[1] == "GRUP") || f[0] == "DATA" && f[1] == "SAYA"):
		return f[0] + " " + f[1]
	}
	return ""
}

// groupNudge tells a registered resident who wrote a keyword in a group,
// privately and at most once a day, that the group is not read: write it
// here. Someone not registered is told nothing (the group's talk).
func (t *turn) groupNudge(kw string) {
	if !t.Contact.Registered() {
		return
	}
	if t.Sess.Seq != t.Contact.SessionSeq {
		t.Sess = flow.Session{Data: map[string]string{}}
	}
	if !t.Sess.Nudged.IsZero() && t.Env.Now.Sub(t.Sess.Nudged) < 24*time.Hour {
		return
	}
	t.Sess.Nudged = t.Env.Now
	t.say(flow.MsgGrupNudge, flow.A{"kw": kw})
}
