package flows

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/akun"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/daftar"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/fotogagasan"
	"github.com/suaradesa/suaradesa/flows/gagasan"
	"github.com/suaradesa/suaradesa/flows/grup"
	"github.com/suaradesa/suaradesa/flows/peta"
	"github.com/suaradesa/suaradesa/flows/rapat"
	"github.com/suaradesa/suaradesa/flows/smstext"
	"github.com/suaradesa/suaradesa/flows/suara"
)

// Flow names, stored in the session.
const (
	FlowDaftar  = daftar.Name
	FlowGagasan = gagasan.Name
	FlowDetail  = gagasan.NameDetail
	FlowUntuk   = gagasan.NameUntuk
	FlowUndang  = rapat.FlowUndang
	FlowRapat   = rapat.FlowRapat
	FlowHasil   = rapat.FlowHasil
)

// Step runs one inbound message through the conversation. It is a pure
// function of its arguments: it reads data only through view and changes
// nothing; the returned commands say what to store. An error is returned only
// when the view fails, so that the pipeline can retry the message whole.
func Step(ctx context.Context, env flow.Env, view flow.View, contact *domain.Contact, sess flow.Session, in flow.Input) (res flow.Result, err error) {
	if env.Timeout <= 0 {
		env.Timeout = flow.DefaultTimeout
	}
	t := &turn{&flow.Turn{Ctx: ctx, Env: env, View: view, Contact: contact, In: in, Sess: sess, Lang: flow.LangID}}
	t.Again = t.dispatch
	if contact != nil && contact.Lang != "" {
		t.Lang = contact.Lang
	}
	if t.Sess.Data == nil {
		t.Sess.Data = map[string]string{}
	}
	t.Text = strings.TrimSpace(in.Text)
	if utf8.RuneCountInString(t.Text) > flow.MaxInputRunes {
		t.Text = cutRunes(t.Text, flow.MaxInputRunes)
	}
	if in.MediaRefused {
		t.say(flow.MsgMediaRefused, nil)
	}
	// A message posted in a group: quiet unless it is for the bot.
	if in.Group != nil {
		if err := t.inGroup(); err != nil {
			return flow.Result{}, err
		}
	}
	// A refused file alone is answered so; the conversation waits as it was.
	if in.Group == nil && (!in.MediaRefused || t.Text != "" || in.Location != nil) {
		if err := t.run(); err != nil {
			return flow.Result{}, err
		}
	}
	if t.bySMS() {
		t.pageForSMS()
	}
	t.Sess.At = env.Now
	if t.Sess.Flow == "" {
		t.Sess.Step = ""
		t.Sess.Data = nil
	}
	t.Out.Session = t.Sess
	return t.Out, nil
}

func (t *turn) run() error {
	// A session that does not match the contact's counter was lost (Redis
	// flushed, or a crash between commit and session write).
	if t.Contact != nil && t.Sess.Seq != t.Contact.SessionSeq {
		lostFlow := t.Contact.SessionFlow
		t.Sess = flow.Session{Data: map[string]string{}}
		if lostFlow != "" && lostFlow != FlowPrivasi {
			t.say(flow.MsgSessionLost, nil)
			return t.afterInterruption()
		}
	}
	// The privacy follow-up waits for one message, not for a pause.
	if t.Sess.Flow == FlowPrivasi && t.Env.Now.Sub(t.Sess.At) > t.Env.Timeout {
		t.endFlow()
	}
	// A session naming no listed flow (one a release removed, or a damaged
	// record) is answered as a damaged state is: as if timed out.
	if !t.Sess.Idle() && flowNamed(t.Sess.Flow) == nil {
		t.Sess = flow.Session{Data: map[string]string{}}
		t.say(flow.MsgTimedOut, nil)
		return t.afterInterruption()
	}
	if t.Sess.Paused != nil && flowNamed(t.Sess.Paused.Flow) == nil {
		t.Sess.Paused = nil
	}
	// A soft question left too long (the berita acara's photo and pages)
	// ends quietly: the message is read as a new one.
	if rapat.Soft(t.Sess) && !t.Sess.At.IsZero() && t.Env.Now.Sub(t.Sess.At) > t.Env.Timeout {
		t.endFlow()
	}
	// A flow left idle too long pauses: its answers wait for LANJUT, and
	// so does the message that arrived, unless it is a command.
	if !t.Sess.Idle() && !t.Sess.At.IsZero() && t.Env.Now.Sub(t.Sess.At) > t.Env.Timeout {
		if !t.Contact.Registered() {
			// Registration starts again: nothing was stored before consent.
			t.Sess = flow.Session{Data: map[string]string{}}
			t.say(flow.MsgTimedOut, nil)
			return t.afterInterruption()
		}
		p := &flow.Paused{Flow: t.Sess.Flow, Step: t.Sess.Step, Data: t.Sess.Data, State: t.Sess.State, At: t.Env.Now}
		t.Sess = flow.Session{Data: map[string]string{}, Paused: p}
		if t.In.Media == nil && t.In.Location == nil {
			if kw, _ := splitKeyword(t.Text); kw == "" {
				p.Answer = cutRunes(t.Text, 1000)
			}
		}
		t.say(flow.MsgPaused, nil)
		return t.afterInterruption()
	}
	if t.Sess.Paused != nil && t.Env.Now.Sub(t.Sess.Paused.At) > flow.PausedKeep {
		t.Sess.Paused = nil
	}
	t.More, t.Sess.More = t.Sess.More, ""
	t.Ballot, t.Sess.Ballot = t.Sess.Ballot, 0
	if (t.Sess.Held != 0 || t.Sess.Caption != "") && !t.Sess.At.IsZero() && t.Env.Now.Sub(t.Sess.At) > t.Env.Timeout {
		t.Sess.Held, t.Sess.Caption = 0, ""
	}
	return t.dispatch()
}

// pageForSMS keeps every reply within the channel's SMS budget: a longer
// one is cut at a line, ends with the LAGI hint, and its rest waits in the
// session.
func (t *turn) pageForSMS() {
	// The texts of one turn go as one SMS message: a resident pays per
	// 153-character part, so three short replies in one cost less than
	// three. A reply with an image stays apart.
	var joined []flow.Reply
	for _, r := range t.Out.Replies {
		if n := len(joined); n > 0 && r.MediaID == 0 && joined[n-1].MediaID == 0 {
			joined[n-1].Text += "\n" + r.Text
			continue
		}
		joined = append(joined, r)
	}
	t.Out.Replies = joined
	hint := flow.Render(t.Lang, flow.MsgMoreHint, nil)
	for i, r := range t.Out.Replies {
		page, rest := smstext.PageWithin(r.Text, hint, t.Env.SMSSegments)
		t.Out.Replies[i].Text = page
		if rest != "" {
			t.Sess.More = rest
		}
	}
}

// afterInterruption continues after a lost or timed-out session: a command
// keyword is still obeyed; anything else gets the menu.
func (t *turn) afterInterruption() error {
	if !t.Contact.Registered() {
		return t.dispatch()
	}
	if kw, _ := splitKeyword(t.Text); kw != "" {
		return t.dispatch()
	}
	t.menuHint()
	return nil
}

// resume takes up a paused flow where it stopped: the message that arrived
// after the timeout is its answer, or the step is asked again.
func (t *turn) resume() error {
	p := t.Sess.Paused
	if p == nil {
		t.say(flow.MsgNothingPaused, nil)
		return nil
	}
	t.Sess = flow.Session{Flow: p.Flow, Step: p.Step, Data: p.Data, State: p.State, Seq: t.Sess.Seq}
	if t.Sess.Data == nil {
		t.Sess.Data = map[string]string{}
	}
	if p.Answer != "" {
		t.Text, t.In = p.Answer, flow.Input{Channel: t.In.Channel, Text: p.Answer}
		return t.dispatch()
	}
	if f, ok := flowNamed(t.Sess.Flow).(flow.Reasker); ok {
		if err := f.AskAgain(t.Turn); !errors.Is(err, errNoAskAgain) {
			return err
		}
	}
	t.say(flow.MsgWhoGoOn, nil)
	return nil
}

func (t *turn) dispatch() error {
	if t.Text == "" && t.In.Media == nil && t.In.Location == nil && t.In.NotKept == "" {
		t.say(flow.MsgEmpty, nil)
		return nil
	}
	m := t.read()
	// Each reading is tried in turn; the first that takes the message
	// answers it.
	for _, read := range []func(*reading) (bool, error){t.always, t.gate, t.control, t.questions, t.inWords, t.commandOrStep} {
		if done, err := read(m); done || err != nil {
			return err
		}
	}
	return t.idle()
}

// reading is what dispatch reads of a message before it routes it.
type reading struct {
	kw, arg string       // a command keyword and the rest, or ""
	whole   bool         // the message is the keyword alone
	intent  answer.Found // what the words ask for, read by flows/answer
	// sentence: a request read from the words counts here; where a step
	// takes free text ("saya tidak mau dikirimi pesan lagi" as a
	// complaint's text) it is the answer, unless the message is a whole
	// request.
	sentence bool
}

// read reads the message's keyword and intent.
func (t *turn) read() *reading {
	m := &reading{}
	m.kw, m.arg = splitKeyword(t.Text)
	m.whole = m.arg == ""
	if t.Text != "" {
		m.intent = answer.Intent(t.Text)
	}
	m.sentence = m.intent.Whole || t.Sess.Idle() || !freeTextStep(t.Sess)
	return m
}

// boardHello greets a registered resident who sent a board's HALO with a
// desa's code, says when that desa is not theirs, and lets the question
// waiting go on.
func (t *turn) boardHello(kode string) error {
	own, err := t.DesaName(t.Contact.DesaKode)
	if err != nil {
		return err
	}
	t.say(flow.MsgHaloRegistered, flow.A{"name": t.Contact.Name, "desa": own})
	if kode != t.Contact.DesaKode {
		if ds, err := t.View.DesasIn(t.Ctx, kode); err != nil {
			return err
		} else if len(ds) == 1 {
			t.say(flow.MsgHaloOtherDesa, flow.A{"desa": ds[0].Nama})
		}
	}
	if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
		t.say(flow.MsgWhoGoOn, nil)
	}
	return nil
}

// always reads what works at any point, registered or not: LAGI, opting
// out, deleting one's data, who is writing, who sees one's data.
func (t *turn) always(m *reading) (bool, error) {
	// LAGI continues the last long reply, in or out of any flow.
	if m.kw == "LAGI" && m.whole {
		if t.More == "" {
			t.say(flow.MsgNoMore, nil)
		} else {
			t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: t.More})
		}
		return true, nil
	}

	// Opting out and deleting one's data always work, registered or not.
	// Only the keyword or a whole stop phrase opts out at once: a refusal
	// read from a sentence ("saya tidak mau dikirimi pesan lagi") may be
	// about someone else ("jangan kirim undangan dulu, jamnya salah" at a
	// preview), so it is told how (BERHENTI) instead.
	if (m.kw == "BERHENTI" || m.kw == "STOP") && m.whole || m.intent.Kind == answer.Stop && m.intent.Whole {
		return true, t.optOut()
	}
	if (m.kw == "HAPUS" && strings.EqualFold(m.arg, "DATA")) || (m.kw == "TARIK" && strings.EqualFold(m.arg, "PERSETUJUAN")) ||
		m.intent.Kind == answer.Delete && m.sentence {
		// Withdrawing consent stops all processing: the data goes.
		return true, t.startDelete()
	}
	// "Siapa ini?" is answered at any step, and the step goes on.
	if m.intent.Kind == answer.Who {
		controller := t.Env.Controller
		if controller == "" {
			controller = DefaultController
		}
		t.say(flow.MsgWho, flow.A{"pengendali": controller})
		if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
			t.say(flow.MsgWhoGoOn, nil)
		}
		return true, nil
	}
	if t.thanks() {
		return true, nil
	}
	// "niki gratis mboten?": what messages cost, at any step that takes
	// no free text (the consent too), and the step goes on. Someone not
	// registered who asks it first is asked for consent first.
	if m.kw == "" && t.In.Media == nil && answer.AsksCost(t.Text) && !freeTextStep(t.Sess) &&
		(!t.Sess.Idle() || t.Contact.Registered()) {
		if t.Sess.Flow == FlowDaftar && !t.Contact.Registered() {
			if l := daftar.Lang(t.Turn); l != "" {
				t.Lang = l // the consent's language
			}
		}
		t.say(flow.MsgCost, nil)
		if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
			t.say(flow.MsgWhoGoOn, nil)
		}
		return true, nil
	}
	switch {
	case m.intent.Kind == answer.Privacy && m.sentence:
		return true, t.privacy()
	case (m.intent.Kind == answer.StopHow || m.intent.Kind == answer.Stop) && m.sentence:
		return true, t.stopHow()
	}
	return false, nil
}

// thanks answers a message that only thanks ("matur nuwun", "hatur
// nuhun", "makasih", "terima kasih ya pak") from someone who has agreed to
// the service, and moves nothing: where no question waits (idle, a list
// shown, an offer) with a short "Sama-sama", where one waits with the same
// and "answer the question above" in one reply, so that neither the state
// nor its question is lost and thanks is never a title, a name, a place or
// "not understood". It answers rather than stays silent: every message gets
// a reply (FuzzStep), and on WhatsApp silence reads as a bot that stopped.
// A thanks opened by an answer ("ya terima kasih", "ok makasih") is left to
// a question with choices that reads it as one (its yes), never to a step
// that takes free text (it is no title), and the offer to add detail to a
// gagasan closes on thanks with its own words.
func (t *turn) thanks() bool {
	if t.In.Media != nil || t.In.Location != nil || t.Contact == nil || t.Contact.ConsentAt == nil {
		return false
	}
	thanks, ack := answer.Thanked(t.Text)
	if !thanks || t.Sess.Flow == FlowDetail && (t.Sess.Step == "offer" || t.Sess.Step == "addask") {
		return false
	}
	if t.softStep() || t.Sess.Flow == peta.Name && t.Sess.Step == "r_offer" || t.Sess.Flow == akun.PrivasiName && t.Sess.Step == "others" {
		// No question waits: an offer or an answer any message passes by.
		t.say(flow.MsgThanksReply, nil)
		return true
	}
	if ack && !freeTextStep(t.Sess) && t.isAnswer() {
		return false
	}
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: t.render(flow.MsgThanksReply, nil) + " " + t.render(flow.MsgWhoGoOn, nil)})
	return true
}

// gate reads what comes before any flow: the deletion's question, the
// registration of someone not registered, LANJUT, and MULAI after opting
// out.
func (t *turn) gate(m *reading) (bool, error) {
	if t.Sess.Flow == FlowHapus {
		return true, t.step(akun.Hapus)
	}
	if !t.Contact.Registered() {
		return true, t.step(flowNamed(FlowDaftar))
	}
	// A registered resident scanning a board's QR code ("HALO
	// 34.04.11.2002") is greeted; it moves no one (UBAH DATA does). In
	// UBAH DATA it is registration's answer.
	if kode, ok := answer.BoardHello(t.Text); ok && t.Sess.Flow != FlowDaftar {
		return true, t.boardHello(kode)
	}
	// At a HASIL decision "lanjut" is the option's label, not LANJUT.
	if m.kw == "LANJUT" && m.whole && !(t.Sess.Flow == FlowHasil && t.Sess.Step == "decision") {
		return true, t.resume()
	}
	if t.Contact.OptedOut() && (m.kw == "MULAI" && m.whole || m.intent.Kind == answer.Start) {
		t.cmd(flow.SetOptOut{Out: false})
		t.say(flow.MsgOptedIn, nil)
		return true, nil
	}
	return false, nil
}

// control reads the control keywords (or their sentences: "batal aja
// deh", "menu utama"), which leave any flow.
func (t *turn) control(m *reading) (bool, error) {
	// "batalkan rapat R-…", "R-… dibatalke wae": UNDANG R-…'s cancel
	// confirmation, not BATAL of the step.
	if code, ok := answer.CancelMeeting(t.Text); ok && t.In.Media == nil && (t.Sess.Idle() || !freeTextStep(t.Sess)) {
		return true, rapat.CancelNamed(t.Turn, code)
	}
	// PESAN PRIBADI / PESAN GRUP, or their words ("cekap lumantar grup",
	// the bot's own Javanese), win over a question with choices as MENU
	// does: "pesan pribadi" is no answer to "Balas 1 untuk memindah…".
	// Not while an invitation is written: there "kirim lewat grup saja"
	// speaks of it.
	if on, ok := answer.Personal(t.Text); ok && t.In.Media == nil && t.In.Group == nil && t.Sess.Flow != rapat.FlowUndang &&
		(t.Sess.Idle() || !freeTextStep(t.Sess)) {
		t.endFlow()
		grup.Personal(t.Turn, on)
		return true, nil
	}
	if wargaHelp(m) && (t.Sess.Idle() || !freeTextStep(t.Sess)) {
		t.endFlow()
		t.help(true)
		return true, nil
	}
	// Right after a gagasan was saved from one message, "lho dudu, iku
	// dudu usulan. batalke" or "salah" disowns it: withdrawing it is
	// offered (YA/TIDAK), never a bare "Dibatalkan" that leaves it filed,
	// nor the words added to it.
	if t.In.Media == nil && answer.Disown(t.Text) {
		if code := gagasan.Offered(t.Turn); code != "" {
			return true, t.startTarik(code)
		}
	}
	control := ""
	if m.whole {
		control = m.kw
	}
	switch m.intent.Kind {
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
		t.say(flow.MsgMenu, nil)
		return true, nil
	case "BANTUAN", "HELP":
		t.endFlow()
		t.help(false)
		return true, nil
	case "BATAL":
		switch {
		case t.Sess.Idle():
			t.say(flow.MsgNothingToStop, nil)
		case t.Sess.Flow == FlowRapat && strings.HasPrefix(t.Sess.Step, "move"):
			// Not the meeting: its move is what stops.
			if err := rapat.KeepMeeting(t.Turn); err != nil {
				return true, err
			}
		case t.Sess.Flow == FlowGagasan:
			// A long draft is confirmed first; "gak jadi" at UBAH drops
			// only the change.
			kept, err := gagasan.Cancel(t.Turn, m.whole && m.kw == "BATAL")
			if errors.Is(err, flow.ErrDamaged) {
				kept, err = false, nil // a state not read is cancelled all the same
			}
			if kept || err != nil {
				return true, err
			}
			t.endFlow()
			t.say(flow.MsgCanceled, nil)
		default:
			t.endFlow()
			t.say(flow.MsgCanceled, nil)
		}
		t.menuHint()
		return true, nil
	case "MULAI":
		t.say(flow.MsgOptedIn, nil)
		return true, nil
	}
	return false, nil
}

// questions reads a question about one's own records (or a request that
// is no answer to the step's question); an answer the step can read is
// never a command.
func (t *turn) questions(m *reading) (bool, error) {
	// Inside a flow, an answer the step can read (a skip, a yes or no, a
	// number) is never a command: "mboten ngertos" skips, it is not TIDAK
	// to a meeting. A code in the message makes it one ("TIDAK R-…").
	if !t.Sess.Idle() && m.kw != "" && !hasCode(m.arg) && t.isAnswer() {
		m.kw = ""
	}
	// "rapat dusun" at "Rapat mana?": the dusun meeting listed, not JADWAL.
	if t.Sess.Flow == FlowPilih && (t.Sess.Step == string(domain.RSVPHadir) || t.Sess.Step == string(domain.RSVPTidak)) && m.kw != "" {
		if _, ok := answer.MeetingAudience(t.Text); ok {
			m.kw = ""
		}
	}
	// An answer to a meeting with its code inside a sentence ("kula
	// mboten saged rawuh R-…, putu kula sakit"), where a command would run.
	if t.In.Media == nil && (m.kw == "" || m.kw == "HADIR" || m.kw == "DATANG" || m.kw == "TIDAK") &&
		(t.Sess.Idle() || !freeTextStep(t.Sess)) && hasCode(t.Text) {
		if ans, code, ok := groupRSVP(t.Text); ok {
			return true, t.rsvp(ans, code)
		}
	}
	// A question about one's own records, when no step waits for an answer
	// (a list just shown does not count): "usul kula wau pripun?" asks
	// after the gagasan, it does not send one titled "kula wau pripun".
	if t.softStep() && t.In.Media == nil && !hasCode(t.Text) {
		// "ngarobih data", "abdi tos ngalih ka desa bimomartani": UBAH
		// DATA, the desa named carried to its desa question.
		if m.kw == "" && m.intent.Kind == answer.None {
			if w, _ := answer.Request(t.Text); w == "" {
				if ok, place := answer.ChangeData(t.Text); ok {
					return true, daftar.StartChange(t.Turn, place)
				}
			}
		}
		kind := answer.Ask(t.Text)
		if (kind == answer.Attend || kind == answer.Decline) && m.kw != "" && (m.arg == "" || startsWithDigit(m.arg)) {
			kind = answer.None // "HADIR", "HADIR 2", "TIDAK R-…": the keyword's own reading
		}
		// "mboten saged, wonten pasar" with no step waiting: TIDAK to the
		// invitation open to the resident (none open: not an answer).
		if kind == answer.None && t.Sess.Idle() && (m.kw == "" || m.kw == "TIDAK") && answer.CantCome(t.Text) {
			if code, open, err := t.declinedMeeting(); err != nil || open {
				if err != nil {
					return true, err
				}
				return true, t.rsvp(domain.RSVPTidak, code)
			}
		}
		if done, err := t.ask(kind); done || err != nil {
			return true, err
		}
	} else if !t.Sess.Idle() && !freeTextStep(t.Sess) && t.In.Media == nil && !hasCode(t.Text) {
		// At a question with choices, "abdi hoyong narik usulan" or
		// "kumaha usulan abdi?" is no answer to it: it is done instead.
		switch kind := answer.Ask(t.Text); kind {
		case answer.Withdraw, answer.GagasanStatus, answer.GagasanMeeting, answer.MyData:
			_, err := t.ask(kind)
			return true, err
		}
	}
	return false, nil
}

// inWords reads requests in words (a command said as a sentence, a
// complaint or a question about one) and a photo with no flow to take it.
func (t *turn) inWords(m *reading) (bool, error) {
	// "foto BA R-…", "kirim poto berita acara R-…": FOTO BA R-…, a
	// keyword where one would act (a photo's caption too).
	if m.kw == "" {
		if code, ok := answer.BAPhoto(t.Text); ok {
			m.kw, m.arg = "BA", code
		}
	}
	if m.kw == "" && t.softStep() && t.In.Media == nil {
		// PESAN PRIBADI / PESAN GRUP in words; a group's link written
		// here is told to be written in the group.
		if on, ok := answer.Personal(t.Text); ok {
			grup.Personal(t.Turn, on)
			return true, nil
		}
		if req := answer.Group(t.Text, false); t.In.Group == nil && req.Action != answer.GroupNone {
			grup.InPrivate(t.Turn, req)
			return true, nil
		}
		if t.In.Group == nil && answer.GroupHow(t.Text) {
			// "carane nyambungke grup wa piye?": how, in short.
			t.say(flow.MsgGrupInGroup, nil)
			return true, nil
		}
		// "kula pengin mlebet grup wa rt 03, pripun carane?": groups are
		// the desa's own; the bot adds no one.
		if answer.AsksJoinGroup(t.Text) {
			t.say(flow.MsgGroupJoin, nil)
			return true, nil
		}
	}
	// "waduh salah, tarik aja G-…": TARIK G-…, where no question waits.
	if m.kw == "" && t.softStep() && t.In.Media == nil {
		if code, ok := answer.WithdrawCode(t.Text); ok {
			return true, t.startTarik(code)
		}
	}
	// A request in words when no flow waits for an answer: "mau bikin
	// undangan" is UNDANG, "saya mau usul lampu jalan" is GAGASAN.
	// An offer waits for no answer either (offered): "abdi aya usul deui,
	// lampu jalan…" at the offer to add detail is a new gagasan, "mau
	// bikin undangan musdus" after HASIL's photo question is UNDANG.
	if m.kw == "" && (t.Sess.Idle() || t.offered()) && m.intent.Kind == answer.None && !rapat.KeepsIdea(t.Sess, t.Text) {
		if w, rest := answer.Request(t.Text); w != "" {
			m.kw, m.arg = w, rest
			if (w == "UNDANG" || w == "HASIL" || w == "STATUS") && !hasCode(rest) {
				m.arg = ""
			}
			if w == "UNDANG" && rest != "" && !hasCode(rest) {
				// "mau bikin undangan musdus": the type is in the request.
				return true, rapat.UndangNamed(t.Turn, rest)
			}
		}
	}
	// A complaint or a question about one, in a sentence ("saya mau
	// mengadu soal jalan", "aduan saya gimana?"), where the step does not
	// take free text: the question does not file a complaint.
	if m.intent.Kind == answer.ComplaintStatus && (m.kw == "" || m.kw == "ADUAN" || m.kw == "STATUS") &&
		(t.Sess.Idle() || !freeTextStep(t.Sess)) && !hasCode(t.Text) {
		return true, t.status("")
	}
	if m.kw == "" && m.intent.Kind == answer.Complaint && (t.Sess.Idle() || !freeTextStep(t.Sess)) {
		if t.In.Media != nil && t.In.Media.Kind == flow.MediaImage {
			t.Sess.Held, t.Sess.HeldAt = t.In.Media.ID, t.Env.Now // the photo the complaint came with
		}
		return true, t.complaintOrIdea(m.intent.Rest)
	}
	// A photo with no flow to take it: a TPK's starts a progress report;
	// anyone else's is held for the flow the next message starts.
	if t.Sess.Idle() && t.In.Media != nil && t.In.Media.Kind == flow.MediaImage {
		// "iki foto berita acara musdus kejambon wingi": a cadre's one
		// meeting awaiting its berita acara is offered, the photo held
		// meanwhile (before a TPK's progress report: it names a BA).
		if m.kw == "" && answer.NamesBA(t.Text) {
			held, heldAt := t.Sess.Held, t.Sess.HeldAt
			t.Sess.Held, t.Sess.HeldAt = t.In.Media.ID, t.Env.Now
			if done, err := rapat.OfferBA(t.Turn); done || err != nil {
				return true, err
			}
			t.Sess.Held, t.Sess.HeldAt = held, heldAt
		}
		tpk, err := t.View.KegiatanOfTPK(t.Ctx, t.Contact.Phone)
		if err != nil {
			return true, err
		}
		if len(tpk) > 0 && (m.kw == "" || m.kw == "PROGRES" && !hasCode(m.arg)) || m.kw == "LAPOR" {
			return true, t.startLapor(m.arg)
		}
		t.Sess.Held, t.Sess.HeldAt = t.In.Media.ID, t.Env.Now
	}
	return false, nil
}

// commandOrStep runs a command keyword, or the step of the session's flow.
func (t *turn) commandOrStep(m *reading) (bool, error) {
	// Command keywords start a flow when the contact is idle, or at a step
	// that does not take free text (where "Status jalan…" may be a title).
	if m.kw != "" && (t.Sess.Idle() || !freeTextStep(t.Sess)) {
		if handled, err := t.command(m.kw, m.arg); handled || err != nil {
			return true, err
		}
	}
	if f := flowNamed(t.Sess.Flow); f != nil {
		return true, t.step(f)
	}
	return false, nil
}

// idle answers a message no flow waits for and no reading took: a menu
// number, a photo's caption, a code, or "not understood".
func (t *turn) idle() error {
	// Idle with a suara warga open to the contact: numbers are the ballot
	// ("3 1"), before the menu's numbers.
	if done, err := suara.Plain(t.Turn); done || err != nil {
		return err
	}
	// Idle: a number picks from the contact's own menu (a cadre's and a
	// TPK's items after a resident's); a number of a role's item chosen
	// without the role is refused as such.
	if n, ok := answer.Number(t.Text); ok {
		menu := flow.MainMenuOf(t.Contact)
		item, ok := menu.Pick(n)
		switch {
		case !ok && n > len(menu.Items) && n <= flow.FullMenuLen:
			t.say(flow.MsgMenuNotYours, flow.A{"n": n, "max": len(menu.Items)})
		case !ok:
			t.say(flow.MsgChoiceRange, flow.A{"max": len(menu.Items)})
		case item.Keyword == "BANTUAN":
			t.help(false)
		default:
			kw, arg := splitKeyword(item.Keyword)
			_, err := t.command(kw, arg)
			return err
		}
		return nil
	}
	if t.In.Media != nil && t.In.Media.Kind == flow.MediaImage && t.In.Group == nil && t.Sess.Held == t.In.Media.ID {
		// A photo minutes after her gagasan ("niki fotone got pasar sing
		// banjir"): does it go with it?
		g, err := fotogagasan.Recent(t.Turn)
		if err != nil {
			return err
		}
		if g != nil {
			if contentWords(t.Text) >= minCaptionWords {
				t.Sess.Caption = cutRunes(t.Text, domain.MaxDescriptionLen)
			}
			fotogagasan.Offer(t.Turn, g)
			return nil
		}
	}
	if (t.In.Media != nil || t.In.MediaRefused) && contentWords(t.Text) >= minCaptionWords {
		// A photo's words that named nothing the bot knows wait for
		// GAGASAN or ADUAN, which take them as their text.
		t.Sess.Caption = cutRunes(t.Text, domain.MaxDescriptionLen)
		t.say(flow.MsgCaptionKept, nil)
		return nil
	}
	if t.In.Media != nil {
		t.say(flow.MsgMediaKept, nil)
	}
	if t.In.Media == nil && t.In.Location == nil {
		// A cadre's "R-… sopo wae sing wis jawab": the meeting's status.
		if code, _, ok := domain.LeadingCode(domain.CodeRapat, t.Text); ok && isCadre(t.Contact) {
			return rapat.ShowMeeting(t.Turn, code)
		}
		if domain.LooksLikeCode(t.Text) {
			return t.status(t.Text)
		}
	}
	// "kula nuwun", "sugeng enjing bu": greeted back, with the menu.
	if t.In.Media == nil && t.In.Location == nil && answer.Greeting(t.Text) {
		t.say(flow.MsgGreetIdle, nil)
		return nil
	}
	if t.In.Media == nil {
		t.say(flow.MsgUnknown, nil)
		// With a suara warga open, the words not understood may be a
		// ballot: say how one is given.
		return suara.Hint(t.Turn)
	}
	return nil
}

// step runs the session's flow on the message. A state the flow cannot
// read (damaged, or an older release's value its Legacy cannot read) is
// answered as a timed-out session would be: what the step said is
// dropped, the flow ends, and the person starts again; nothing is lost
// that was stored.
func (t *turn) step(f flow.Flow) error {
	replies, commands := len(t.Out.Replies), len(t.Out.Commands)
	err := f.Step(t.Turn)
	if !errors.Is(err, flow.ErrDamaged) {
		return err
	}
	t.Out.Replies, t.Out.Commands = t.Out.Replies[:replies], t.Out.Commands[:commands]
	t.endFlow()
	t.say(flow.MsgTimedOut, nil)
	return t.afterInterruption()
}

// softStep tells whether no question waits for an answer: the contact is
// idle, or was only offered something (a list to pick from, offered) that
// any other message may pass by.
func (t *turn) softStep() bool {
	return t.Sess.Idle() || t.Sess.Flow == FlowPilih || t.offered()
}

// offered tells whether the step only offers something any other message
// passes by: more detail for a gagasan just saved, the berita acara's
// photo after HASIL or FOTO BA, and its next pages (rapat.Soft).
func (t *turn) offered() bool {
	return t.Sess.Flow == FlowDetail && t.Sess.Step == "offer" || rapat.Soft(t.Sess)
}

// declinedMeeting is the meeting a bare "can't" (answer.CantCome)
// declines: the only coming one, or among several the only one answered
// HADIR (she said HADIR and now cannot); "" with open true lets rsvp list
// them; open false when no meeting is coming.
func (t *turn) declinedMeeting() (code string, open bool, err error) {
	upcoming, err := t.View.MeetingsFor(t.Ctx, t.Contact, t.Env.Now, 5)
	if err != nil || len(upcoming) == 0 {
		return "", false, err
	}
	if len(upcoming) == 1 {
		return upcoming[0].Code, true, nil
	}
	for _, m := range upcoming {
		a, err := t.View.RSVPOf(t.Ctx, m.ID, t.Contact.ID)
		if err != nil {
			return "", false, err
		}
		if a == domain.RSVPHadir {
			if code != "" {
				return "", true, nil // two answered HADIR: which one is asked
			}
			code = m.Code
		}
	}
	return code, true, nil
}

// ask answers a question or request found by answer.Ask; false when kind
// is none of them.
func (t *turn) ask(kind answer.Kind) (bool, error) {
	switch kind {
	case answer.GagasanStatus:
		return true, t.status("")
	case answer.GagasanMeeting:
		return true, t.gagasanMeeting()
	case answer.Withdraw:
		return true, t.startTarik("")
	case answer.Attend:
		return true, t.rsvp(domain.RSVPHadir, "")
	case answer.Decline:
		return true, t.rsvp(domain.RSVPTidak, "")
	case answer.AttendHow:
		t.say(flow.MsgRSVPHow, nil)
		return true, nil
	case answer.InviteHow:
		if len(flow.KPMDDesas(t.Contact)) == 0 {
			return true, t.jadwal() // a resident asking about being invited
		}
		t.say(flow.MsgUndangHow, nil)
		return true, nil
	case answer.MeetingReplies:
		return true, t.meetingReplies()
	case answer.Schedule:
		return true, t.jadwal()
	case answer.MyData:
		return true, t.dataSaya()
	}
	return false, nil
}

// help answers BANTUAN, in one message: the commands of each role the
// contact holds first (a cadre's, a TPK's; a facilitator both), then
// those of every resident — by SMS, where each part costs, only a pointer
// to them (BANTUAN WARGA), and each part is its short variant. Nobody reads
// commands that are not theirs; warga (BANTUAN WARGA) is the resident's
// commands alone, for anyone.
func (t *turn) help(warga bool) {
	var parts []string
	if !warga && flow.IsCadre(t.Contact) {
		parts = append(parts, t.render(flow.MsgHelpKPMD, nil))
	}
	if !warga && flow.IsTPK(t.Contact) {
		parts = append(parts, t.render(flow.MsgHelpTPK, nil))
	}
	if len(parts) > 0 && t.BySMS() {
		parts = append(parts, t.render(flow.MsgHelpWargaPointer, nil))
	} else {
		parts = append(parts, t.render(flow.MsgHelp, nil))
	}
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: strings.Join(parts, "\n")})
}

// wargaHelp tells BANTUAN WARGA (HELP WARGA): the resident's commands
// asked for by a cadre, whose help by SMS points to them.
func wargaHelp(m *reading) bool {
	return (m.kw == "BANTUAN" || m.kw == "HELP") && strings.EqualFold(strings.Trim(m.arg, ".!? "), "WARGA")
}

// command runs a command keyword through the listed flow it starts; it
// reports false when kw is not one, or means nothing here.
func (t *turn) command(kw, arg string) (bool, error) {
	f := flowOfKeyword(kw)
	if f == nil {
		return false, nil
	}
	return f.Start(t.Turn, kw, arg)
}

func (t *turn) optOut() error {
	t.endFlow()
	if t.Contact == nil {
		// The number may be a relative's on a gagasan a KPMD filed.
		t.cmd(flow.ForgetNumber{})
		t.say(flow.MsgOptOutNoData, nil)
		return nil
	}
	t.cmd(flow.SetOptOut{Out: true})
	t.say(flow.MsgOptedOut, nil)
	return nil
}

// freeTextStep tells whether the current step takes free text, where only
// the control keywords (a keyword alone) are treated as keywords.
func freeTextStep(s flow.Session) bool {
	f := flowNamed(s.Flow)
	if f == nil {
		return false
	}
	for _, st := range f.Steps() {
		if st.Name == s.Step {
			return st.FreeText
		}
	}
	return false
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
	if !isKeyword(kw) {
		return "", ""
	}
	return kw, rest
}

// controlWords are the keywords of the engine itself; every other keyword
// is a listed flow's (docs/ARCHITECTURE.md, "Keywords").
var controlWords = []string{"MENU", "BANTUAN", "HELP", "BATAL", "BERHENTI", "STOP", "MULAI", "HAPUS", "LANJUT", "LAGI"}

// errNoAskAgain tells that a flow cannot ask its step again.
var errNoAskAgain = errors.New("flows: the flow cannot ask its step again")

// minCaptionWords is the fewest words naming something that make a photo's
// caption worth keeping ("ini fotonya" is not).
const minCaptionWords = 3

// startsWithDigit tells whether an argument starts with a number ("2" of
// "HADIR 2"), not with words ("bisa datang" of "tidak bisa datang").
func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}
