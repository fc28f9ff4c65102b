package rapat

import (
	"errors"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/gagasan"
)

// The photo of a meeting's signed paper berita acara: HASIL asks for it
// once the outcome is recorded (step ba_photo), and FOTO BA R-… sends it
// later, with the photo attached or asked for next. By SMS, which carries
// no photo, it is not asked: the KPMD is told to send it by WhatsApp.
//
// A berita acara often has several pages: after a photo is kept, the
// photos that follow within BAPageWindow are its next pages (step more).
// These questions are soft (Soft): a message that is neither a photo nor
// a skip ends them quietly and is read as a new message. A photo or PDF
// scan is taken; a PDF is kept as a file.

// BAPageWindow is how long after a page the next photo is still a page of
// the same berita acara.
const BAPageWindow = 5 * time.Minute

// BAHeldFresh is how recent a photo sent before FOTO BA R-… must be for
// it to be taken as the berita acara: an older one (a road photo sent
// earlier in the session) is not, and the photo is asked for.
const BAHeldFresh = 2 * time.Minute

// Soft tells whether s waits at one of the berita acara's soft questions
// (HASIL's last, FOTO BA's photo, its next pages): any other message may
// pass them by, and they end instead of pausing.
func Soft(s flow.Session) bool {
	return s.Flow == FlowHasil && s.Step == "ba_photo" || s.Flow == FlowFotoBA
}

// KeepsIdea tells whether s waits at a berita acara photo question
// (HASIL's, FOTO BA's) where text, a gagasan in words, is no new gagasan
// but said the question again (baPhotoStep): the engine leaves it to the
// step.
func KeepsIdea(s flow.Session, text string) bool {
	return (s.Flow == FlowHasil && s.Step == "ba_photo" || s.Flow == FlowFotoBA && s.Step == "photo") && savesIdea(text)
}

// errPassOn is a step's word that the message is no answer to it: the
// flow has ended and the message is read afresh (passOn).
var errPassOn = errors.New("no answer to the question: read afresh")

// passOn reads the message afresh when the step said errPassOn, once the
// state is saved (run), so that the new flow's state is its own.
func passOn(t *flow.Turn, err error) error {
	if errors.Is(err, errPassOn) {
		return t.Again()
	}
	return err
}

// FlowFotoBA is FOTO BA R-… waiting for its photo.
const FlowFotoBA = "fotoba"

// FotoBA is FOTO BA R-… (also "BA R-…", "foto berita acara R-…": the
// engine reads those with answer.BAPhoto and starts it as BA).
func FotoBA() flow.Flow { return fotoBA{} }

type fotoBA struct{}

func (fotoBA) Name() string       { return FlowFotoBA }
func (fotoBA) Keywords() []string { return []string{"BA"} }
func (fotoBA) Start(t *flow.Turn, _, arg string) (bool, error) {
	if !flow.HasCode(arg) {
		if _, kader := flow.KPMDDesa(t.Contact); !kader {
			return false, nil // "ba" from a resident is ordinary text
		}
		if !t.Sess.Idle() {
			return false, nil // inside a flow "ba" is the step's to read; only a code interrupts
		}
		t.Say(flow.MsgBANeedCode, nil)
		return true, nil
	}
	return true, fresh(t, func(t *turn) error { return t.startFotoBA(meetingCodeIn(arg)) })
}

func (fotoBA) Step(t *flow.Turn) error { return passOn(t, run(t, (*turn).fotoBAStep)) }
func (fotoBA) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick("photo"), flow.Pick("more"), flow.Pick("confirm")}
}

// meetingCodeIn is the word of arg that is a meeting's code ("rapat
// R-7KM4XA" names R-7KM4XA), or arg as it is when none is.
func meetingCodeIn(arg string) string {
	if c, ok := MeetingCodeIn(arg); ok {
		return c
	}
	return arg
}

// MeetingCodeIn is the first word of arg that is a meeting's code ("cek
// undangan R-MTYAJA" names R-MTYAJA), or a code arg starts with however
// typed ("R F7XM6X"); false when none is.
func MeetingCodeIn(arg string) (string, bool) {
	if c, _, ok := domain.LeadingCode(domain.CodeRapat, arg); ok {
		return c, true
	}
	for _, w := range strings.Fields(arg) {
		if c, err := domain.ParseCode(domain.CodeRapat, strings.Trim(w, ".,;:!?")); err == nil {
			return c, true
		}
	}
	return "", false
}

// startFotoBA reads FOTO BA R-…: a KPMD or facilitator of the meeting's
// desa, a meeting already begun and not cancelled; the photo is the one
// attached (or held from the message before), else it is asked for.
func (t *turn) startFotoBA(arg string) error {
	t.endFlow()
	// A photo with FOTO BA as its caption was held by the engine as a
	// photo with no flow: it is this one, kept once. A photo sent just
	// before FOTO BA (BAHeldFresh) is held too, and is the one meant.
	// Either is for the berita acara alone: refused, no other flow takes
	// it. An older one is not taken: the photo is asked for.
	held, heldAt := t.Sess.Held, t.Sess.HeldAt
	own := t.In.Media != nil && held == t.In.Media.ID
	recent := held != 0 && !own && t.In.Media == nil && !heldAt.IsZero() && t.Env.Now.Sub(heldAt) <= BAHeldFresh
	if own || recent {
		t.Sess.Held, t.Sess.HeldAt = 0, time.Time{}
	}
	if _, ok := flow.KPMDDesa(t.Contact); !ok {
		t.Say(flow.MsgNotKPMD, flow.A{"word": "FOTO BA"})
		return nil
	}
	m, err := t.managedMeeting(arg, "FOTO BA")
	if m == nil || err != nil {
		return err
	}
	switch {
	case m.Status == domain.MeetingCanceled:
		t.Say(flow.MsgBACanceled, flow.A{"code": m.Code})
		return nil
	case m.StartsAt.After(t.Env.Now):
		t.Say(flow.MsgBANotHeld, flow.A{"code": m.Code})
		return nil
	}
	switch {
	case baFile(t.In.Media):
		t.saveBA(*m, t.In.Media.ID)
		return nil
	case recent:
		at := heldAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location())
		t.Say(flow.MsgBAHeldUsed, flow.A{"code": m.Code, "jam": at.Format("15.04")})
		t.saveBA(*m, held)
		return nil
	}
	if t.BySMS() {
		t.Say(flow.MsgBAByWA, flow.A{"code": m.Code})
		return nil
	}
	t.GoTo(FlowFotoBA, "photo")
	t.s.Code = m.Code
	if t.In.Media != nil {
		t.Say(flow.MsgBANotImage, flow.A{"code": m.Code})
		return nil
	}
	t.Say(flow.MsgBAAskPhoto, flow.A{"code": m.Code})
	return nil
}

func (t *turn) fotoBAStep() error {
	switch t.Sess.Step {
	case "more":
		return t.baMoreStep()
	case "confirm":
		return t.baConfirmStep()
	}
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	return t.baPhotoStep(*m, flow.MsgBAAskPhoto)
}

// askBAPhoto ends HASIL with the question for the photo of the signed
// berita acara; by SMS, which carries no photo, it says how to send it by
// WhatsApp instead and the flow ends.
func (t *turn) askBAPhoto(m domain.Meeting) {
	if t.BySMS() {
		t.endFlow()
		t.Say(flow.MsgBAByWA, flow.A{"code": m.Code})
		return
	}
	t.s = State{Code: m.Code}
	t.Sess.Step = "ba_photo"
	t.Say(flow.MsgBAAsk, flow.A{"code": m.Code})
}

// baPhotoStep reads the answer to the photo question (ask is the question,
// said again to a yes): a photo or PDF is kept, a skip (LEWATI, "nanti",
// "mengko", "engke", "belum ada") ends without it, and any other text
// ends the question quietly and is read afresh (errPassOn): "mau bikin
// undangan musdus" after HASIL is UNDANG.
func (t *turn) baPhotoStep(m domain.Meeting, ask flow.Key) error {
	switch {
	case baFile(t.In.Media):
		t.saveBA(m, t.In.Media.ID)
	case t.In.Media != nil:
		t.Say(flow.MsgBANotImage, flow.A{"code": m.Code})
	case answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
		t.endFlow()
		t.Say(flow.MsgBASkipped, flow.A{"code": m.Code})
	case answer.YesNo(t.Text) == answer.Yes:
		t.Say(ask, flow.A{"code": m.Code})
	case savesIdea(t.Text):
		// "lho usulan lampu gang … lanjut kabeh" speaks of the meeting
		// just recorded: read afresh it would be filed as a public
		// gagasan. The question is said again (GAGASAN … still files one).
		t.Say(ask, flow.A{"code": m.Code})
	default:
		t.endFlow()
		return errPassOn
	}
	return nil
}

// savesIdea tells whether text, read afresh, would be saved at once as a
// gagasan in words ("usulan lampu gang …"); a request with no idea in it
// ("saya mau usul lagi") starts the guided flow and is let through.
func savesIdea(text string) bool {
	w, rest := answer.Request(text)
	return w == "GAGASAN" && !gagasan.VagueTitle(rest)
}

// baMoreStep reads what follows a kept page: a photo or PDF within
// BAPageWindow of the last message is the next page; "sudah", LEWATI or
// no ends with the count of pages; anything else, or a photo later, ends
// the step quietly and is read afresh (a TPK's photo an hour later is a
// progress report, not page 2).
func (t *turn) baMoreStep() error {
	late := !t.Sess.At.IsZero() && t.Env.Now.Sub(t.Sess.At) > BAPageWindow
	switch {
	case !late && baFile(t.In.Media):
		m, err := t.sessionMeeting()
		if m == nil || err != nil {
			return err
		}
		t.Cmd(flow.SetBAPhoto{MeetingID: m.ID, MediaID: t.In.Media.ID, At: t.Env.Now, Page: true})
		t.s.Pages++
		t.Say(flow.MsgBAPageSaved, flow.A{"code": m.Code, "n": t.s.Pages})
		return nil
	case !late && t.In.Media == nil && (answer.Done(t.Text) || answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No):
		code, n := t.s.Code, t.s.Pages
		t.endFlow()
		t.Say(flow.MsgBAPagesDone, flow.A{"code": code, "n": n})
		return nil
	}
	t.endFlow()
	return errPassOn
}

// saveBA keeps file id as the first page of meeting m's signed berita
// acara and says so (replacing the one sent before, which stays on
// record); the photos that follow are its next pages (step more).
func (t *turn) saveBA(m domain.Meeting, id int64) {
	t.Cmd(flow.SetBAPhoto{MeetingID: m.ID, MediaID: id, At: t.Env.Now})
	t.GoTo(FlowFotoBA, "more")
	t.s = State{Code: m.Code, Pages: 1}
	if m.BAMediaID != nil && *m.BAMediaID != id && m.BASentAt != nil {
		at := m.BASentAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location())
		t.Say(flow.MsgBAReplaced, flow.A{"code": m.Code, "tanggal": flow.DateText(t.Lang, at)})
		return
	}
	t.Say(flow.MsgBASaved, flow.A{"code": m.Code})
}

// baFile tells whether an attachment can be a berita acara: a photo, or a
// document that is a PDF scan or a picture sent as a file.
func baFile(m *flow.Media) bool {
	return m != nil && (m.Kind == flow.MediaImage || m.Mime == "application/pdf" || strings.HasPrefix(m.Mime, "image/"))
}

// OfferBA answers a cadre's photo whose caption names a berita acara
// without a code ("iki foto berita acara musdus kejambon wingi"): with
// exactly one of their meetings awaiting its photo, "for the berita acara
// of R-…? YA"; the photo waits held meanwhile. False when none or several
// await one (the caller answers as for any photo).
func OfferBA(ft *flow.Turn) (bool, error) {
	desas := flow.KPMDDesas(ft.Contact)
	if len(desas) == 0 || ft.Sess.Held == 0 {
		return false, nil
	}
	ms, err := ft.View.MeetingsAwaitingBA(ft.Ctx, desas, ft.Env.Now, 2)
	if err != nil || len(ms) != 1 {
		return false, err
	}
	return true, fresh(ft, func(t *turn) error {
		t.GoTo(FlowFotoBA, "confirm")
		t.s.Code = ms[0].Code
		t.Say(flow.MsgBAConfirm, flow.A{"code": ms[0].Code})
		return nil
	})
}

// baConfirmStep reads the answer to OfferBA: YA keeps the held photo as
// the meeting's berita acara, TIDAK leaves it held for what comes next;
// anything else is read afresh.
func (t *turn) baConfirmStep() error {
	code := t.s.Code
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		held := t.Sess.Held
		t.endFlow()
		m, err := t.managedMeeting(code, "FOTO BA")
		if m == nil || err != nil {
			return err
		}
		if held == 0 {
			return t.startFotoBA(code) // the photo is gone: asked for
		}
		t.Sess.Held, t.Sess.HeldAt = 0, time.Time{}
		t.saveBA(*m, held)
		return nil
	case answer.No:
		t.endFlow()
		t.Say(flow.MsgCanceled, nil)
		return nil
	}
	t.endFlow()
	return errPassOn
}
