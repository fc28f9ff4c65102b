package flows

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/bot/sms"
	"github.com/suaradesa/suaradesa/domain"
)

// Flow names, stored in the session.
const (
	FlowDaftar  = "daftar"
	FlowGagasan = "gagasan"
	FlowDetail  = "detail"
	FlowHapus   = "hapus"
)

// DefaultTimeout ends a flow left idle this long.
const DefaultTimeout = 30 * time.Minute

// MaxInputRunes is the most of one message a step reads; the full text stays
// in the inbound log.
const MaxInputRunes = 4000

// turn is the working state of one step.
type turn struct {
	ctx     context.Context
	env     Env
	view    View
	contact *domain.Contact
	in      Input
	text    string // trimmed text, cut to MaxInputRunes
	sess    Session
	lang    string
	out     Result
	more    string // the session's More as the turn began
}

// Step runs one inbound message through the conversation. It is a pure
// function of its arguments: it reads data only through view and changes
// nothing; the returned commands say what to store. An error is returned only
// when the view fails, so that the pipeline can retry the message whole.
func Step(ctx context.Context, env Env, view View, contact *domain.Contact, sess Session, in Input) (res Result, err error) {
	if env.Timeout <= 0 {
		env.Timeout = DefaultTimeout
	}
	t := &turn{ctx: ctx, env: env, view: view, contact: contact, in: in, sess: sess, lang: LangID}
	if contact != nil && contact.Lang != "" {
		t.lang = contact.Lang
	}
	if t.sess.Data == nil {
		t.sess.Data = map[string]string{}
	}
	t.text = strings.TrimSpace(in.Text)
	if utf8.RuneCountInString(t.text) > MaxInputRunes {
		t.text = cutRunes(t.text, MaxInputRunes)
	}
	if err := t.run(); err != nil {
		return Result{}, err
	}
	if strings.HasPrefix(in.Channel, "sms:") {
		t.pageForSMS()
	}
	t.sess.At = env.Now
	if t.sess.Flow == "" {
		t.sess.Step = ""
		t.sess.Data = nil
	}
	t.out.Session = t.sess
	return t.out, nil
}

func (t *turn) run() error {
	// A session that does not match the contact's counter was lost (Redis
	// flushed, or a crash between commit and session write).
	if t.contact != nil && t.sess.Seq != t.contact.SessionSeq {
		lostFlow := t.contact.SessionFlow
		t.sess = Session{Data: map[string]string{}}
		if lostFlow != "" {
			t.say(MsgSessionLost, nil)
			return t.afterInterruption()
		}
	}
	// A flow left idle too long ends.
	if !t.sess.Idle() && !t.sess.At.IsZero() && t.env.Now.Sub(t.sess.At) > t.env.Timeout {
		t.sess = Session{Data: map[string]string{}}
		t.say(MsgTimedOut, nil)
		return t.afterInterruption()
	}
	t.more, t.sess.More = t.sess.More, ""
	return t.dispatch()
}

// pageForSMS keeps every reply within sms.MaxSegments: a longer one is cut
// at a line, ends with the LAGI hint, and its rest waits in the session.
func (t *turn) pageForSMS() {
	hint := Render(t.lang, MsgMoreHint, nil)
	for i, r := range t.out.Replies {
		page, rest := sms.Page(r.Text, hint)
		t.out.Replies[i].Text = page
		if rest != "" {
			t.sess.More = rest
		}
	}
}

// afterInterruption continues after a lost or timed-out session: a command
// keyword is still obeyed; anything else gets the menu.
func (t *turn) afterInterruption() error {
	if !t.contact.Registered() {
		return t.dispatch()
	}
	if kw, _ := splitKeyword(t.text); kw != "" {
		return t.dispatch()
	}
	t.say(MsgMenu, nil)
	return nil
}

func (t *turn) dispatch() error {
	if t.text == "" && t.in.Media == nil && t.in.Location == nil {
		t.say(MsgEmpty, nil)
		return nil
	}
	kw, arg := splitKeyword(t.text)
	whole := arg == "" // the message is the keyword alone

	// LAGI continues the last long reply, in or out of any flow.
	if kw == "LAGI" && whole {
		if t.more == "" {
			t.say(MsgNoMore, nil)
		} else {
			t.out.Replies = append(t.out.Replies, Reply{Text: t.more})
		}
		return nil
	}

	// Opting out and deleting one's data always work, registered or not.
	if (kw == "BERHENTI" || kw == "STOP") && whole {
		return t.optOut()
	}
	if (kw == "HAPUS" && strings.EqualFold(arg, "DATA")) || (kw == "TARIK" && strings.EqualFold(arg, "PERSETUJUAN")) {
		// Withdrawing consent stops all processing: the data goes.
		return t.startDelete()
	}
	if t.sess.Flow == FlowHapus {
		return t.hapusStep()
	}
	if !t.contact.Registered() {
		return t.registration(kw, whole)
	}
	if t.contact.OptedOut() && kw == "MULAI" && whole {
		t.cmd(SetOptOut{Out: false})
		t.say(MsgOptedIn, nil)
		return nil
	}
	// Control keywords leave any flow.
	if whole {
		switch kw {
		case "MENU":
			t.endFlow()
			t.say(MsgMenu, nil)
			return nil
		case "BANTUAN", "HELP":
			t.endFlow()
			t.say(MsgHelp, nil)
			return nil
		case "BATAL":
			if t.sess.Idle() {
				t.say(MsgNothingToStop, nil)
			} else {
				t.endFlow()
				t.say(MsgCanceled, nil)
			}
			t.say(MsgMenu, nil)
			return nil
		case "MULAI":
			t.say(MsgOptedIn, nil)
			return nil
		}
	}
	// Command keywords start a flow when the contact is idle, or at a step
	// that does not take free text (where "Status jalan…" may be a title).
	if kw != "" && (t.sess.Idle() || !freeTextStep(t.sess)) {
		if handled, err := t.command(kw, arg); handled || err != nil {
			return err
		}
	}
	switch t.sess.Flow {
	case FlowGagasan:
		return t.gagasanStep()
	case FlowDetail:
		return t.detailStep()
	case FlowUndang:
		return t.undangStep()
	case FlowRapat:
		return t.rapatStep()
	case FlowHasil:
		return t.hasilStep()
	case FlowLapor:
		return t.laporStep()
	case FlowProgres:
		return t.progresStep()
	case FlowAduan:
		return t.aduanStep()
	case FlowPeta:
		return t.petaStep()
	case FlowBahasa:
		return t.bahasaStep()
	case FlowUntuk:
		return t.untukStep()
	case FlowTarik:
		return t.tarikStep()
	case FlowDaftar:
		// UBAH DATA: a registered contact answers the registration again.
		return t.registration(kw, arg == "")
	}
	// Idle: a number picks from the menu.
	if n, ok := atoi(t.text); ok {
		switch n {
		case 1:
			return t.startGagasan("")
		case 2:
			return t.status("")
		case 3:
			return t.jadwal()
		case 4:
			t.say(MsgHelp, nil)
			return nil
		}
		t.say(MsgChoiceRange, A{"max": 4})
		return nil
	}
	if t.in.Media != nil {
		t.say(MsgMediaKept, nil)
	}
	if t.in.Media == nil && t.in.Location == nil && domain.LooksLikeCode(t.text) {
		return t.status(t.text)
	}
	if t.in.Media == nil {
		t.say(MsgUnknown, nil)
	}
	return nil
}

// command runs a command keyword; it reports false when kw is not one.
func (t *turn) command(kw, arg string) (bool, error) {
	switch kw {
	case "GAGASAN", "USUL", "IDE":
		if strings.EqualFold(strings.Join(strings.Fields(arg), " "), "UNTUK") {
			return true, t.startUntuk()
		}
		return true, t.startGagasan(arg)
	case "STATUS", "CEK":
		return true, t.status(arg)
	case "TARIK":
		// TARIK PERSETUJUAN was read in dispatch (withdrawing consent).
		return true, t.startTarik(arg)
	case "DAFTAR":
		t.say(MsgAlreadyRegistered, A{"name": t.contact.Name})
		return true, nil
	case "JADWAL", "RAPAT":
		return true, t.jadwal()
	case "HADIR", "DATANG":
		return true, t.rsvp(domain.RSVPHadir, arg)
	case "TIDAK":
		// "tidak" alone inside a flow is an answer to its question.
		if arg != "" || t.sess.Idle() {
			return true, t.rsvp(domain.RSVPTidak, arg)
		}
	case "UNDANG":
		return true, t.startUndang(arg)
	case "HASIL":
		return true, t.startHasil(arg)
	case "LAPOR":
		return true, t.startLapor()
	case "PROGRES":
		return true, t.progres(arg)
	case "IKUTI":
		return true, t.ikuti(arg)
	case "ADUAN":
		return true, t.startAduan(arg)
	case "PETA":
		return true, t.startPeta()
	case "BAHASA":
		return true, t.startBahasa(arg)
	case "DATA", "UBAH":
		next, _, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(arg)), " ")
		switch {
		case kw == "DATA" && next == "SAYA":
			return true, t.dataSaya()
		case kw == "UBAH" && next == "DATA":
			return true, t.ubahData()
		}
		if t.sess.Idle() {
			word := kw
			if next != "" {
				word += " " + next
			}
			t.say(MsgNotYet, A{"word": cutRunes(word, 20)})
			return true, nil
		}
	}
	return false, nil
}

func (t *turn) optOut() error {
	t.endFlow()
	if t.contact == nil {
		// The number may be a relative's on a gagasan a KPMD filed.
		t.cmd(ForgetNumber{})
		t.say(MsgOptOutNoData, nil)
		return nil
	}
	t.cmd(SetOptOut{Out: true})
	t.say(MsgOptedOut, nil)
	return nil
}

// startDelete asks to confirm HAPUS DATA; with nothing stored there is
// nothing to confirm.
func (t *turn) startDelete() error {
	t.endFlow()
	if t.contact == nil {
		t.cmd(ForgetNumber{})
		t.say(MsgNoDataToDelete, nil)
		return nil
	}
	t.goTo(FlowHapus, "confirm")
	t.say(MsgDeleteConfirm, nil)
	return nil
}

func (t *turn) hapusStep() error {
	if t.sess.Step == "keep_text" {
		// Their gagasan stay in the village's record; the words they wrote
		// stay only if they agree.
		n, _ := atoi(t.text)
		switch {
		case n == 1 || yesNo(t.text) == 1:
			return t.deleteNow(true)
		case n == 2 || yesNo(t.text) == -1:
			return t.deleteNow(false)
		}
		t.say(MsgDeleteKeepText, nil)
		return nil
	}
	switch yesNo(t.text) {
	case 1:
		own, err := t.view.GagasanOf(t.ctx, t.contact.ID, 1)
		if err != nil {
			return err
		}
		if len(own) > 0 {
			t.sess.Step = "keep_text"
			t.say(MsgDeleteKeepText, nil)
			return nil
		}
		return t.deleteNow(false)
	case -1:
		t.endFlow()
		t.say(MsgDeleteKept, nil)
	default:
		t.say(MsgDeleteConfirm, nil)
	}
	return nil
}

func (t *turn) deleteNow(keepText bool) error {
	t.endFlow()
	t.cmd(DeleteContact{KeepText: keepText})
	t.say(MsgDeleted, nil)
	return nil
}

// freeTextStep tells whether the current step takes free text, where only
// the control keywords (a keyword alone) are treated as keywords.
func freeTextStep(s Session) bool {
	switch s.Step {
	case "name", "desa", "title", "description", "place", "agenda", "reason", "move_place", "note", "text",
		"desc", "new_title", "new_desc", "criteria", "r_title":
		return true
	}
	return false
}

// say queues a catalog message; on SMS a shorter "<key>_sms" variant is
// preferred where the catalog has one.
func (t *turn) say(key Key, args A) {
	if strings.HasPrefix(t.in.Channel, "sms:") && HasKey(t.lang, key+"_sms") {
		key += "_sms"
	}
	t.out.Replies = append(t.out.Replies, Reply{Text: Render(t.lang, key, args)})
}

func (t *turn) cmd(c Command) { t.out.Commands = append(t.out.Commands, c) }

func (t *turn) endFlow() {
	t.sess.Flow, t.sess.Step = "", ""
	t.sess.Data = map[string]string{}
}

func (t *turn) goTo(flow, step string) { t.sess.Flow, t.sess.Step = flow, step }

// choice reads a number from 1 to n; otherwise it says the range and
// reports false.
func (t *turn) choice(n int) (int, bool) {
	c, ok := atoi(t.text)
	if !ok || c < 1 || c > n {
		t.say(MsgChoiceRange, A{"max": max(n, 1)})
		return 0, false
	}
	return c, true
}

// splitKeyword returns the first word of text in upper case when it is a
// keyword (letters only), and the rest of the text.
func splitKeyword(text string) (kw, arg string) {
	text = strings.TrimSpace(text)
	end := strings.IndexFunc(text, unicode.IsSpace)
	first, rest := text, ""
	if end >= 0 {
		first, rest = text[:end], strings.TrimSpace(text[end:])
	}
	first = strings.TrimRight(first, ".!?,:")
	if first == "" || len(first) > 12 {
		return "", ""
	}
	for _, r := range first {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII {
			return "", ""
		}
	}
	kw = strings.ToUpper(first)
	if s, ok := synonyms[kw]; ok {
		kw = s
	}
	if _, ok := keywords[kw]; !ok {
		return "", ""
	}
	return kw, rest
}

// keywords are the words that mean a command (DESIGN.md); any other first
// word is ordinary text.
var keywords = map[string]struct{}{
	"MENU": {}, "BANTUAN": {}, "HELP": {}, "DAFTAR": {}, "GAGASAN": {}, "USUL": {}, "IDE": {},
	"STATUS": {}, "CEK": {}, "JADWAL": {}, "HADIR": {}, "TIDAK": {}, "PROGRES": {}, "IKUTI": {},
	"ADUAN": {}, "BATAL": {}, "RAPAT": {}, "DATANG": {}, "BERHENTI": {}, "STOP": {}, "MULAI": {}, "DATA": {}, "UBAH": {},
	"HAPUS": {}, "TARIK": {}, "BAHASA": {}, "PETA": {}, "LAGI": {}, "UNDANG": {}, "HASIL": {}, "LAPOR": {},
}

// yesNo reads a yes (1) or no (-1) answer; 0 when it is neither.
func yesNo(s string) int {
	w := strings.ToUpper(strings.Join(strings.Fields(strings.Trim(strings.TrimSpace(s), ".!")), " "))
	switch {
	case slices.Contains(yesWords, w):
		return 1
	case slices.Contains(noWords, w):
		return -1
	}
	return 0
}

// atoi reads a whole message that is a small number.
func atoi(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" || len(s) > 6 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// firstNumber finds the first whole number in text ("sekitar 40 KK" → 40).
func firstNumber(s string) (int, bool) {
	start := strings.IndexFunc(s, unicode.IsDigit)
	if start < 0 {
		return 0, false
	}
	end := start
	for end < len(s) && s[end] >= '0' && s[end] <= '9' || end < len(s) && s[end] == '.' && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
		end++
	}
	digits := strings.ReplaceAll(s[start:end], ".", "") // 1.200 → 1200
	if len(digits) > 7 {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}

func isSkip(s string) bool {
	switch strings.ToUpper(strings.Trim(strings.TrimSpace(s), ".!")) {
	case "LEWATI", "LEWAT", "SKIP", "TIDAK ADA", "TIDAK TAHU", "BELUM TAHU", "GAK TAHU", "-":
		return true
	}
	return false
}

func cutRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// numbered renders a numbered list, one item a line.
func numbered(items []string) string {
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
