package flows

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/smstext"
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

// MaxInputRunes is the most of one message a step reads; the inbound log
// keeps a little more (postgres.MaxStoredText).
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
	if in.MediaRefused {
		t.say(MsgMediaRefused, nil)
	}
	// A refused file alone is answered so; the conversation waits as it was.
	if !in.MediaRefused || t.text != "" || in.Location != nil {
		if err := t.run(); err != nil {
			return Result{}, err
		}
	}
	if t.bySMS() {
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
		if lostFlow != "" && lostFlow != FlowPrivasi {
			t.say(MsgSessionLost, nil)
			return t.afterInterruption()
		}
	}
	// The privacy follow-up waits for one message, not for a pause.
	if t.sess.Flow == FlowPrivasi && t.env.Now.Sub(t.sess.At) > t.env.Timeout {
		t.endFlow()
	}
	// A flow left idle too long pauses: its answers wait for LANJUT, and
	// so does the message that arrived, unless it is a command.
	if !t.sess.Idle() && !t.sess.At.IsZero() && t.env.Now.Sub(t.sess.At) > t.env.Timeout {
		if !t.contact.Registered() {
			// Registration starts again: nothing was stored before consent.
			t.sess = Session{Data: map[string]string{}}
			t.say(MsgTimedOut, nil)
			return t.afterInterruption()
		}
		p := &Paused{Flow: t.sess.Flow, Step: t.sess.Step, Data: t.sess.Data, At: t.env.Now}
		t.sess = Session{Data: map[string]string{}, Paused: p}
		if t.in.Media == nil && t.in.Location == nil {
			if kw, _ := splitKeyword(t.text); kw == "" {
				p.Answer = cutRunes(t.text, 1000)
			}
		}
		t.say(MsgPaused, nil)
		return t.afterInterruption()
	}
	if t.sess.Paused != nil && t.env.Now.Sub(t.sess.Paused.At) > PausedKeep {
		t.sess.Paused = nil
	}
	t.more, t.sess.More = t.sess.More, ""
	if (t.sess.Held != 0 || t.sess.Caption != "") && !t.sess.At.IsZero() && t.env.Now.Sub(t.sess.At) > t.env.Timeout {
		t.sess.Held, t.sess.Caption = 0, ""
	}
	return t.dispatch()
}

// bySMS tells whether the message came by a channel with an SMS budget:
// its replies are paged and its shorter _sms texts used.
func (t *turn) bySMS() bool { return t.env.SMSSegments > 0 }

// pageForSMS keeps every reply within the channel's SMS budget: a longer
// one is cut at a line, ends with the LAGI hint, and its rest waits in the
// session.
func (t *turn) pageForSMS() {
	// The texts of one turn go as one SMS message: a resident pays per
	// 153-character part, so three short replies in one cost less than
	// three. A reply with an image stays apart.
	var joined []Reply
	for _, r := range t.out.Replies {
		if n := len(joined); n > 0 && r.MediaID == 0 && joined[n-1].MediaID == 0 {
			joined[n-1].Text += "\n" + r.Text
			continue
		}
		joined = append(joined, r)
	}
	t.out.Replies = joined
	hint := Render(t.lang, MsgMoreHint, nil)
	for i, r := range t.out.Replies {
		page, rest := smstext.PageWithin(r.Text, hint, t.env.SMSSegments)
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
	t.menuHint()
	return nil
}

// resume takes up a paused flow where it stopped: the message that arrived
// after the timeout is its answer, or the step is asked again.
func (t *turn) resume() error {
	p := t.sess.Paused
	if p == nil {
		t.say(MsgNothingPaused, nil)
		return nil
	}
	t.sess = Session{Flow: p.Flow, Step: p.Step, Data: p.Data, Seq: t.sess.Seq}
	if t.sess.Data == nil {
		t.sess.Data = map[string]string{}
	}
	if p.Answer != "" {
		t.text, t.in = p.Answer, Input{Channel: t.in.Channel, Text: p.Answer}
		return t.dispatch()
	}
	switch t.sess.Flow {
	case FlowGagasan, FlowDetail:
		return t.askField(t.sess.Step)
	case FlowUndang:
		return t.askUndang(t.sess.Step)
	}
	t.say(MsgWhoGoOn, nil)
	return nil
}

func (t *turn) dispatch() error {
	if t.text == "" && t.in.Media == nil && t.in.Location == nil && t.in.NotKept == "" {
		t.say(MsgEmpty, nil)
		return nil
	}
	kw, arg := splitKeyword(t.text)
	whole := arg == "" // the message is the keyword alone
	var intent answer.Found
	if t.text != "" {
		intent = answer.Intent(t.text)
	}

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
	// A sentence ("saya tidak mau dikirimi pesan lagi") is no request
	// where a step takes free text: there it is the answer.
	// Only the keyword or a whole stop phrase opts out at once: a refusal
	// read from a sentence ("saya tidak mau dikirimi pesan lagi") may be
	// about someone else ("jangan kirim undangan dulu, jamnya salah" at a
	// preview), so it is told how (BERHENTI) instead.
	sentence := intent.Whole || t.sess.Idle() || !freeTextStep(t.sess)
	if (kw == "BERHENTI" || kw == "STOP") && whole || intent.Kind == answer.Stop && intent.Whole {
		return t.optOut()
	}
	if (kw == "HAPUS" && strings.EqualFold(arg, "DATA")) || (kw == "TARIK" && strings.EqualFold(arg, "PERSETUJUAN")) ||
		intent.Kind == answer.Delete && sentence {
		// Withdrawing consent stops all processing: the data goes.
		return t.startDelete()
	}
	// "Siapa ini?" is answered at any step, and the step goes on.
	if intent.Kind == answer.Who {
		controller := t.env.Controller
		if controller == "" {
			controller = DefaultController
		}
		t.say(MsgWho, A{"pengendali": controller})
		if !t.sess.Idle() && t.sess.Flow != FlowPilih {
			t.say(MsgWhoGoOn, nil)
		}
		return nil
	}
	switch {
	case intent.Kind == answer.Privacy && sentence:
		return t.privacy()
	case (intent.Kind == answer.StopHow || intent.Kind == answer.Stop) && sentence:
		return t.stopHow()
	}
	if t.sess.Flow == FlowHapus {
		return t.hapusStep()
	}
	if !t.contact.Registered() {
		return t.registration(kw, whole)
	}
	if kw == "LANJUT" && whole {
		return t.resume()
	}
	if t.contact.OptedOut() && (kw == "MULAI" && whole || intent.Kind == answer.Start) {
		t.cmd(SetOptOut{Out: false})
		t.say(MsgOptedIn, nil)
		return nil
	}
	// Control keywords (or their sentences: "batal aja deh", "menu utama")
	// leave any flow.
	control := ""
	if whole {
		control = kw
	}
	switch intent.Kind {
	case answer.CancelIntent:
		control = "BATAL"
	case answer.Menu:
		control = "MENU"
	case answer.Help:
		control = "BANTUAN"
	case answer.Start:
		control = "MULAI"
	}
	switch control {
	case "MENU":
		t.endFlow()
		t.say(MsgMenu, nil)
		return nil
	case "BANTUAN", "HELP":
		t.endFlow()
		t.help()
		return nil
	case "BATAL":
		switch {
		case t.sess.Idle():
			t.say(MsgNothingToStop, nil)
		case t.sess.Flow == FlowRapat && strings.HasPrefix(t.sess.Step, "move"):
			// Not the meeting: its move is what stops.
			m, err := t.sessionMeeting()
			if err != nil {
				return err
			}
			t.endFlow()
			if m != nil {
				t.say(MsgMoveKept, meetingArgs(t.lang, *m))
			}
		default:
			t.endFlow()
			t.say(MsgCanceled, nil)
		}
		t.menuHint()
		return nil
	case "MULAI":
		t.say(MsgOptedIn, nil)
		return nil
	}
	// Inside a flow, an answer the step can read (a skip, a yes or no, a
	// number) is never a command: "mboten ngertos" skips, it is not TIDAK
	// to a meeting. A code in the message makes it one ("TIDAK R-…").
	if !t.sess.Idle() && kw != "" && !hasCode(arg) && t.isAnswer() {
		kw = ""
	}
	// A question about one's own records, when no step waits for an answer
	// (a list just shown does not count): "usul kula wau pripun?" asks
	// after the gagasan, it does not send one titled "kula wau pripun".
	if t.softStep() && t.in.Media == nil && !hasCode(t.text) {
		kind := answer.Ask(t.text)
		if (kind == answer.Attend || kind == answer.Decline) && kw != "" {
			kind = answer.None // "HADIR 123", "TIDAK R-…": the keyword's own reading
		}
		if done, err := t.ask(kind); done || err != nil {
			return err
		}
	} else if !t.sess.Idle() && !freeTextStep(t.sess) && t.in.Media == nil && !hasCode(t.text) {
		// At a question with choices, "abdi hoyong narik usulan" or
		// "kumaha usulan abdi?" is no answer to it: it is done instead.
		switch kind := answer.Ask(t.text); kind {
		case answer.Withdraw, answer.GagasanStatus, answer.MyData:
			_, err := t.ask(kind)
			return err
		}
	}
	// A request in words when no flow waits for an answer: "mau bikin
	// undangan" is UNDANG, "saya mau usul lampu jalan" is GAGASAN.
	if kw == "" && t.sess.Idle() && intent.Kind == answer.None {
		if w, rest := answer.Request(t.text); w != "" {
			kw, arg = w, rest
			if (w == "UNDANG" || w == "HASIL" || w == "STATUS") && !hasCode(rest) {
				arg = ""
			}
			if w == "UNDANG" && rest != "" && !hasCode(rest) {
				// "mau bikin undangan musdus": the type is in the request.
				return t.undangNamed(rest)
			}
		}
	}
	// A complaint or a question about one, in a sentence ("saya mau
	// mengadu soal jalan", "aduan saya gimana?"), where the step does not
	// take free text: the question does not file a complaint.
	if intent.Kind == answer.ComplaintStatus && (kw == "" || kw == "ADUAN" || kw == "STATUS") &&
		(t.sess.Idle() || !freeTextStep(t.sess)) && !hasCode(t.text) {
		return t.status("")
	}
	if kw == "" && intent.Kind == answer.Complaint && (t.sess.Idle() || !freeTextStep(t.sess)) {
		if t.in.Media != nil && t.in.Media.Kind == MediaImage {
			t.sess.Held = t.in.Media.ID // the photo the complaint came with
		}
		return t.startAduan(intent.Rest)
	}
	// A photo with no flow to take it: a TPK's starts a progress report;
	// anyone else's is held for the flow the next message starts.
	if t.sess.Idle() && t.in.Media != nil && t.in.Media.Kind == MediaImage {
		tpk, err := t.view.KegiatanOfTPK(t.ctx, t.contact.Phone)
		if err != nil {
			return err
		}
		if len(tpk) > 0 && (kw == "" || kw == "PROGRES" && !hasCode(arg)) || kw == "LAPOR" {
			return t.startLapor(arg)
		}
		t.sess.Held = t.in.Media.ID
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
	case FlowPilih:
		return t.pilihStep()
	case FlowTarik:
		return t.tarikStep()
	case FlowPrivasi:
		return t.privasiStep()
	case FlowDaftar:
		// UBAH DATA: a registered contact answers the registration again.
		return t.registration(kw, arg == "")
	}
	// Idle: a number picks from the menu.
	if n, ok := answer.Number(t.text); ok {
		item, ok := mainMenu.pick(n)
		switch {
		case !ok:
			t.say(MsgChoiceRange, A{"max": len(mainMenu.items)})
		case item.keyword == "BANTUAN":
			t.help()
		default:
			_, err := t.command(item.keyword, "")
			return err
		}
		return nil
	}
	if (t.in.Media != nil || t.in.MediaRefused) && contentWords(t.text) >= minCaptionWords {
		// A photo's words that named nothing the bot knows wait for
		// GAGASAN or ADUAN, which take them as their text.
		t.sess.Caption = cutRunes(t.text, domain.MaxDescriptionLen)
		t.say(MsgCaptionKept, nil)
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

// softStep tells whether no question waits for an answer: the contact is
// idle, or was only offered something (a list to pick from, more detail
// for a gagasan just saved) that any other message may pass by.
func (t *turn) softStep() bool {
	return t.sess.Idle() || t.sess.Flow == FlowPilih || t.sess.Flow == FlowDetail && t.sess.Step == "offer"
}

// ask answers a question or request found by answer.Ask; false when kind
// is none of them.
func (t *turn) ask(kind answer.Kind) (bool, error) {
	switch kind {
	case answer.GagasanStatus:
		return true, t.status("")
	case answer.Withdraw:
		return true, t.startTarik("")
	case answer.Attend:
		return true, t.rsvp(domain.RSVPHadir, "")
	case answer.Decline:
		return true, t.rsvp(domain.RSVPTidak, "")
	case answer.Schedule:
		return true, t.jadwal()
	case answer.MyData:
		return true, t.dataSaya()
	}
	return false, nil
}

// takeHeld returns the photo held from an earlier message (its media id
// as text, "" when none) and forgets it.
func (t *turn) takeHeld() string {
	if t.sess.Held == 0 {
		return ""
	}
	id := strconv.FormatInt(t.sess.Held, 10)
	t.sess.Held = 0
	return id
}

// takeCaption returns the words held with a photo ("" when none) and
// forgets them.
func (t *turn) takeCaption() string {
	c := t.sess.Caption
	t.sess.Caption = ""
	return c
}

// minCaptionWords is the fewest words naming something that make a photo's
// caption worth keeping ("ini fotonya" is not).
const minCaptionWords = 3

// isAnswer tells whether the message reads as an answer to a question:
// a skip, a yes or no, done, keep, or a number.
func (t *turn) isAnswer() bool {
	if answer.Skip(t.text) || answer.Done(t.text) || answer.Keep(t.text) || answer.YesNo(t.text) != answer.Unclear {
		return true
	}
	_, num := answer.Number(t.text)
	return num
}

// hasCode tells whether s holds a record's code (G-…, R-…, K-…, A-…).
func hasCode(s string) bool {
	for _, w := range strings.Fields(s) {
		if domain.LooksLikeCode(strings.Trim(w, ".,!?")) {
			return true
		}
	}
	return false
}

// help answers BANTUAN: the commands of every resident, then those of
// each role the contact holds (a KPMD's, a TPK's; a facilitator does
// both), in one message — nobody reads commands that are not theirs, and
// by SMS each part is its short variant.
func (t *turn) help() {
	parts := []string{t.render(MsgHelp, nil)}
	if t.contact.HasRole(domain.RoleKPMD, "") || t.contact.HasRole(domain.RoleFasilitator, "") {
		parts = append(parts, t.render(MsgHelpKPMD, nil))
	}
	if t.contact.HasRole(domain.RoleTPK, "") || t.contact.HasRole(domain.RoleFasilitator, "") {
		parts = append(parts, t.render(MsgHelpTPK, nil))
	}
	t.out.Replies = append(t.out.Replies, Reply{Text: strings.Join(parts, "\n")})
}

// menuHint ends an action: on SMS one line saying MENU shows the choices
// (every SMS costs the resident), elsewhere the menu itself.
func (t *turn) menuHint() {
	if t.bySMS() {
		t.say(MsgMenuHint, nil)
		return
	}
	t.say(MsgMenu, nil)
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
		if !hasCode(arg) && !strings.ContainsAny(arg, "0123456789") {
			arg = "" // "hadir pak", "hadir insyaallah": not a code
		}
		return true, t.rsvp(domain.RSVPHadir, arg)
	case "TIDAK":
		// "tidak" alone inside a flow is an answer to its question, and
		// "tidak tahu" anywhere is not an answer to a meeting.
		if hasCode(arg) || arg == "" && t.sess.Idle() {
			return true, t.rsvp(domain.RSVPTidak, arg)
		}
	case "UNDANG":
		return true, t.startUndang(arg)
	case "HASIL":
		return true, t.startHasil(arg)
	case "LAPOR":
		return true, t.startLapor(arg)
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
		case kw == "DATA" && (next == "SAYA" || next == "KULA" || next == "ABDI" || next == "KAULA" || next == "KULO"):
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
		// (gagasan, complaints, map suggestions) and their photos stay
		// only if they agree.
		if keep, ok := t.keepTextAnswer(); ok {
			return t.deleteNow(keep)
		}
		t.say(MsgDeleteKeepHint, nil)
		return nil
	}
	switch answer.YesNo(t.text) {
	case answer.Yes:
		own, err := t.view.GagasanOf(t.ctx, t.contact.ID, 1)
		if err != nil {
			return err
		}
		complaints, err := t.view.ComplaintsOf(t.ctx, t.contact.ID, 1)
		if err != nil {
			return err
		}
		if len(own) > 0 || len(complaints) > 0 {
			t.sess.Step = "keep_text"
			t.say(MsgDeleteKeepText, nil)
			return nil
		}
		return t.deleteNow(false)
	case answer.No:
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
	if t.bySMS() && HasKey(t.lang, key+"_sms") {
		key += "_sms"
	}
	t.out.Replies = append(t.out.Replies, Reply{Text: Render(t.lang, key, args)})
}

// render is a catalog text as say would send it (the "_sms" variant on
// SMS), for a reply built of several texts.
func (t *turn) render(key Key, args A) string {
	if t.bySMS() && HasKey(t.lang, key+"_sms") {
		key += "_sms"
	}
	return Render(t.lang, key, args)
}

func (t *turn) cmd(c Command) { t.out.Commands = append(t.out.Commands, c) }

func (t *turn) endFlow() {
	t.sess.Flow, t.sess.Step = "", ""
	t.sess.Data = map[string]string{}
}

// goTo enters a flow at a step; a paused flow is given up for it.
func (t *turn) goTo(flow, step string) {
	t.sess.Flow, t.sess.Step, t.sess.Paused = flow, step, nil
}

// choice reads a number from 1 to n; otherwise it says the range and
// reports false.
func (t *turn) choice(n int) (int, bool) {
	c, ok := answer.Number(t.text)
	if !ok || c < 1 || c > n {
		t.say(MsgChoiceRange, A{"max": max(n, 1)})
		return 0, false
	}
	return c, true
}

// choose reads a pick from the numbered list of question key (rendered
// with args): by number, or by the words of an item in any of the three
// languages, or a close misspelling of them. It returns 1 to the number of
// items; otherwise it says the range and reports false.
func (t *turn) choose(key Key, args A) (int, bool) {
	opts := questionOptions(t.lang, key, args)
	if i, ok := answer.Choice(t.text, opts); ok {
		return i + 1, true
	}
	t.say(MsgChoiceRange, A{"max": max(len(opts), 1)})
	return 0, false
}

// questionOptions reads the numbered items ("1. Kategori") of a question
// as options: the label in lang, and the same item's label in the other
// languages as further words.
func questionOptions(lang string, key Key, args A) []answer.Option {
	opts := listItems(Render(lang, key, args))
	for _, l := range Langs {
		if l == lang {
			continue
		}
		for i, label := range listItems(Render(l, key, args)) {
			if i < len(opts) {
				opts[i].Words = append(opts[i].Words, label.Label)
			}
		}
	}
	return opts
}

// listItems returns the lines "N. label" of a rendered text, in order.
func listItems(text string) []answer.Option {
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

// optionsOf makes options of plain labels (a list built from data: dusun,
// kegiatan, map items), each with its code when it has one.
func optionsOf(labels []string, codes []string) []answer.Option {
	out := make([]answer.Option, len(labels))
	for i, l := range labels {
		out[i].Label = l
		if i < len(codes) {
			out[i].Code = codes[i]
		}
	}
	return out
}

// chooseFrom reads a pick from opts (1-based), saying the range when none
// fits.
func (t *turn) chooseFrom(opts []answer.Option) (int, bool) {
	if i, ok := answer.Choice(t.text, opts); ok {
		return i + 1, true
	}
	t.say(MsgChoiceRange, A{"max": max(len(opts), 1)})
	return 0, false
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

// keywords are the words that mean a command (docs/ARCHITECTURE.md,
// "Keywords"); any other first word is ordinary text.
var keywords = map[string]struct{}{
	"MENU": {}, "BANTUAN": {}, "HELP": {}, "DAFTAR": {}, "GAGASAN": {}, "USUL": {}, "IDE": {},
	"STATUS": {}, "CEK": {}, "JADWAL": {}, "HADIR": {}, "TIDAK": {}, "PROGRES": {}, "IKUTI": {},
	"ADUAN": {}, "BATAL": {}, "RAPAT": {}, "DATANG": {}, "BERHENTI": {}, "STOP": {}, "MULAI": {}, "DATA": {}, "UBAH": {},
	"HAPUS": {}, "TARIK": {}, "BAHASA": {}, "LANJUT": {}, "PETA": {}, "LAGI": {}, "UNDANG": {}, "HASIL": {}, "LAPOR": {},
}

// firstCount finds the first whole number in text ("sekitar 40 KK" → 40).
func firstCount(s string) (int, bool) {
	if ns := answer.Numbers(s); len(ns) > 0 {
		return ns[0], true
	}
	return 0, false
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
