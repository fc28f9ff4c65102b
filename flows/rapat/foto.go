package rapat

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The photo of a meeting's signed paper berita acara: HASIL asks for it
// once the outcome is recorded (step ba_photo), and FOTO BA R-… sends it
// later, with the photo attached or asked for next. By SMS, which carries
// no photo, it is not asked: the KPMD is told to send it by WhatsApp.

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
		t.EndFlow()
		t.Say(flow.MsgBANeedCode, nil)
		return true, nil
	}
	return true, fresh(t, func(t *turn) error { return t.startFotoBA(meetingCodeIn(arg)) })
}

func (fotoBA) Step(t *flow.Turn) error { return run(t, (*turn).fotoBAStep) }
func (fotoBA) Steps() []flow.StepSpec  { return []flow.StepSpec{flow.Pick("photo")} }

// meetingCodeIn is the word of arg that is a meeting's code ("rapat
// R-7KM4XA" names R-7KM4XA), or arg as it is when none is.
func meetingCodeIn(arg string) string {
	for _, w := range strings.Fields(arg) {
		if c, err := domain.ParseCode(domain.CodeRapat, w); err == nil {
			return c
		}
	}
	return arg
}

// startFotoBA reads FOTO BA R-…: a KPMD or facilitator of the meeting's
// desa, a meeting already begun and not cancelled; the photo is the one
// attached (or held from the message before), else it is asked for.
func (t *turn) startFotoBA(arg string) error {
	t.endFlow()
	// A photo with FOTO BA as its caption was held by the engine as a
	// photo with no flow: it is this one, kept once. A photo sent just
	// before FOTO BA is held too, and is the one meant. Either is for the
	// berita acara alone: refused, no other flow takes it.
	held := t.Sess.Held
	t.Sess.Held = 0
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
	case image(t.In.Media):
		t.saveBA(*m, t.In.Media.ID)
		return nil
	case held != 0 && t.In.Media == nil:
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
	m, err := t.sessionMeeting()
	if m == nil || err != nil {
		return err
	}
	t.baPhotoStep(*m, flow.MsgBAAskPhoto)
	return nil
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
// said again when the answer is none): a photo is kept, a skip (LEWATI,
// "nanti", "mengko", "engke", "belum ada") ends without it.
func (t *turn) baPhotoStep(m domain.Meeting, ask flow.Key) {
	switch {
	case image(t.In.Media):
		t.saveBA(m, t.In.Media.ID)
	case t.In.Media != nil:
		t.Say(flow.MsgBANotImage, flow.A{"code": m.Code})
	case answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
		t.endFlow()
		t.Say(flow.MsgBASkipped, flow.A{"code": m.Code})
	default:
		t.Say(ask, flow.A{"code": m.Code})
	}
}

// saveBA keeps photo id as meeting m's signed berita acara and says so:
// replacing the one sent before, which stays on record.
func (t *turn) saveBA(m domain.Meeting, id int64) {
	t.Cmd(flow.SetBAPhoto{MeetingID: m.ID, MediaID: id, At: t.Env.Now})
	t.endFlow()
	if m.BAMediaID != nil && *m.BAMediaID != id && m.BASentAt != nil {
		at := m.BASentAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location())
		t.Say(flow.MsgBAReplaced, flow.A{"code": m.Code, "tanggal": flow.DateText(t.Lang, at)})
		return
	}
	t.Say(flow.MsgBASaved, flow.A{"code": m.Code})
}

// image tells whether an attachment is a photo.
func image(m *flow.Media) bool { return m != nil && m.Kind == flow.MediaImage }
