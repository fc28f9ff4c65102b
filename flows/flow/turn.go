package flow

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// DefaultTimeout ends a flow left idle this long.
const DefaultTimeout = 30 * time.Minute

// MaxInputRunes is the most of one message a step reads; the inbound log
// keeps a little more (postgres.MaxStoredText).
const MaxInputRunes = 4000

// Turn is the working state of one step: what came in, what the step may
// read, and what it decides (Out, Sess). Every flow's steps are functions
// of a *Turn; the engine (flows.Step) makes one per message.
type Turn struct {
	Ctx     context.Context
	Env     Env
	View    View
	Contact *domain.Contact
	In      Input
	Text    string // trimmed text, cut to MaxInputRunes
	Sess    Session
	Lang    string
	Out     Result
	More    string // the session's More as the turn began
	Ballot  int64  // the session's Ballot as the turn began
	// Again reads the message afresh, as if no flow waited for it (the
	// engine's dispatch): a step calls it when the message is no answer
	// to its question but something else (a new command, a question).
	Again func() error
}

// BySMS tells whether the message came by a channel with an SMS budget:
// its replies are paged and its shorter _sms texts used.
func (t *Turn) BySMS() bool { return t.Env.SMSSegments > 0 }

// TakeHeld returns the photo held from an earlier message (its media id
// as text, "" when none) and forgets it.
func (t *Turn) TakeHeld() string {
	if t.Sess.Held == 0 {
		return ""
	}
	id := strconv.FormatInt(t.Sess.Held, 10)
	t.Sess.Held = 0
	return id
}

// TakeCaption returns the words held with a photo ("" when none) and
// forgets them.
func (t *Turn) TakeCaption() string {
	c := t.Sess.Caption
	t.Sess.Caption = ""
	return c
}

// IsAnswer tells whether the message reads as an answer to a question:
// a skip, a yes or no, done, keep, or a number.
func (t *Turn) IsAnswer() bool {
	if answer.Skip(t.Text) || answer.Done(t.Text) || answer.Keep(t.Text) || answer.YesNo(t.Text) != answer.Unclear {
		return true
	}
	_, num := answer.Number(t.Text)
	return num
}

// HasCode tells whether s holds a record's code (G-…, R-…, K-…, A-…).
func HasCode(s string) bool {
	for _, w := range strings.Fields(s) {
		if domain.LooksLikeCode(strings.Trim(w, ".,!?")) {
			return true
		}
	}
	return false
}

// MenuHint ends an action: on SMS one line saying MENU shows the choices
// (every SMS costs the resident), elsewhere the menu itself.
func (t *Turn) MenuHint() {
	if t.BySMS() {
		t.Say(MsgMenuHint, nil)
		return
	}
	t.Say(MsgMenu, nil)
}

// Say queues a catalog message; on SMS a shorter "<key>_sms" variant is
// preferred where the catalog has one.
func (t *Turn) Say(key Key, args A) {
	t.Out.Replies = append(t.Out.Replies, Reply{Text: t.Render(key, args)})
}

// Render is a catalog text as say would send it (the "_sms" variant on
// SMS), for a reply built of several texts.
// The main menu is the contact's own (MainMenuOf: a cadre's and a TPK's
// items after a resident's).
func (t *Turn) Render(key Key, args A) string {
	if key == MsgMenu && args["items"] == nil {
		m := MainMenuOf(t.Contact)
		args = m.With(t.Lang, args)
	}
	if t.BySMS() && HasKey(t.Lang, key+"_sms") {
		key += "_sms"
	}
	return Render(t.Lang, key, args)
}

// Cmd queues a command for the store.
func (t *Turn) Cmd(c Command) { t.Out.Commands = append(t.Out.Commands, c) }

// EndFlow leaves the flow: the session is idle, its state gone.
func (t *Turn) EndFlow() {
	t.Sess.Flow, t.Sess.Step = "", ""
	t.Sess.Data = map[string]string{}
	t.Sess.State = nil
}

// GoTo enters a flow at a step; a paused flow is given up for it.
func (t *Turn) GoTo(flow, step string) {
	if t.Sess.Flow != flow {
		// Another flow's state is no state of this one (pilih's codes
		// left in Data made the privacy follow-up read as damaged).
		t.Sess.State = nil
		t.Sess.Data = map[string]string{}
	}
	t.Sess.Flow, t.Sess.Step, t.Sess.Paused = flow, step, nil
}

// Choice reads a number from 1 to n; otherwise it says the range and
// reports false.
func (t *Turn) Choice(n int) (int, bool) {
	c, ok := answer.Number(t.Text)
	if !ok || c < 1 || c > n {
		t.Say(MsgChoiceRange, A{"max": max(n, 1)})
		return 0, false
	}
	return c, true
}

// Choose reads a pick from the numbered list of question key (rendered
// with args): by number, or by the words of an item in any of the three
// languages, or a close misspelling of them. It returns 1 to the number of
// items; otherwise it says the range and reports false.
func (t *Turn) Choose(key Key, args A) (int, bool) {
	opts := QuestionOptions(t.Lang, key, args)
	if i, ok := answer.Choice(t.Text, opts); ok {
		return i + 1, true
	}
	t.Say(MsgChoiceRange, A{"max": max(len(opts), 1)})
	return 0, false
}

// QuestionOptions reads the numbered items ("1. Kategori") of a question
// as options: the label in lang, and the same item's label in the other
// languages as further words.
func QuestionOptions(lang string, key Key, args A) []answer.Option {
	opts := ListItems(Render(lang, key, args))
	for _, l := range Langs {
		if l == lang {
			continue
		}
		for i, label := range ListItems(Render(l, key, args)) {
			if i < len(opts) {
				opts[i].Words = append(opts[i].Words, label.Label)
			}
		}
	}
	return opts
}

// ListItems returns the lines "N. label" of a rendered text, in order.
func ListItems(text string) []answer.Option {
	var out []answer.Option
	for _, line := range strings.Split(text, "\n") {
		num, label, ok := strings.Cut(strings.TrimSpace(line), ". ")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(num); err != nil || n != len(out)+1 {
			continue
		}
		out = append(out, answer.Option{Label: label})
	}
	return out
}

// OptionsOf makes options of plain labels (a list built from data: dusun,
// kegiatan, map items), each with its code when it has one.
func OptionsOf(labels []string, codes []string) []answer.Option {
	out := make([]answer.Option, len(labels))
	for i, l := range labels {
		out[i].Label = l
		if i < len(codes) {
			out[i].Code = codes[i]
		}
	}
	return out
}

// ChooseFrom reads a pick from opts (1-based), saying the range when none
// fits.
func (t *Turn) ChooseFrom(opts []answer.Option) (int, bool) {
	if i, ok := answer.Choice(t.Text, opts); ok {
		return i + 1, true
	}
	t.Say(MsgChoiceRange, A{"max": max(len(opts), 1)})
	return 0, false
}

// FirstCount finds the first whole number in text ("sekitar 40 KK" → 40).
func FirstCount(s string) (int, bool) {
	if ns := answer.Numbers(s); len(ns) > 0 {
		return ns[0], true
	}
	return 0, false
}

func CutRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// Numbered renders a numbered list, one item a line.
func Numbered(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(it)
	}
	return b.String()
}

// ShortenWords cuts s to n characters with an ellipsis at a word's end
// ("Sumur umum di kejambon tos…", not "…tos sa…"); a first word longer
// than half of n is cut within it.
func ShortenWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := CutRunes(s, n-1)
	if i := strings.LastIndexAny(cut, " \t\n"); i > 0 && utf8.RuneCountInString(cut[:i]) >= n/2 {
		cut = strings.TrimRight(cut[:i], " \t\n,.;:-")
	}
	return cut + "…"
}

// Shorten cuts s to n characters with an ellipsis, for summaries.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return CutRunes(s, n-1) + "…"
}

// CodeArg is the code of the kind a command's argument starts with, the
// words after it left out ("G-7KM4XA piye kabare" is G-7KM4XA); arg as it
// is when it starts with none, for ParseCode to refuse.
func CodeArg(kind domain.CodeKind, arg string) string {
	if c, _, ok := domain.LeadingCode(kind, arg); ok {
		return c
	}
	return arg
}
