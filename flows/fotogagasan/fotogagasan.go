// Package fotogagasan is a photo sent with no flow to take it, by a
// resident whose gagasan sent in the last day still waits to be discussed
// without a photo ("niki fotone got pasar sing banjir", minutes after
// GAGASAN): she is asked whether it goes with that gagasan. YA attaches
// it; TIDAK keeps it and its words for GAGASAN or ADUAN, as any photo
// with no flow to take it; anything else is read afresh, the photo kept
// as with TIDAK.
package fotogagasan

import (
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Name is the flow's name in the session.
const Name = "fotogagasan"

// Within is how long after a gagasan was sent a photo is offered to it.
const Within = 24 * time.Hour

// scan is how many of the resident's newest gagasan are looked through.
const scan = 3

// state is the photo and the gagasan it is offered to. The photo and its
// words stay held meanwhile (Session.Held, Caption), for a command sent
// instead of an answer (GAGASAN, ADUAN) to take as before.
type state struct {
	Code  string `json:"code,omitempty"`
	Photo int64  `json:"photo,omitempty"`
}

// Flow is the question "add this photo to G-…?".
var Flow = &flow.Typed[state]{Called: Name, Stages: []flow.Step[state]{
	{Spec: flow.Pick("ask"), Run: askStep, Needs: func(st state) bool { return st.Code != "" && st.Photo != 0 }},
}}

// Recent is the resident's newest gagasan sent within Within of now that
// still waits to be discussed and has no photo: the one a photo sent now
// may belong to.
func Recent(t *flow.Turn) (*domain.Gagasan, error) {
	own, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, scan)
	if err != nil {
		return nil, err
	}
	for _, g := range own {
		if g.Status == domain.StatusDiajukan && g.PhotoID == nil && g.FiledBy == nil &&
			!g.CreatedAt.Before(t.Env.Now.Add(-Within)) {
			return &g, nil
		}
	}
	return nil, nil
}

// Offer asks whether the photo held from this message goes with
// gagasan g.
func Offer(t *flow.Turn, g *domain.Gagasan) {
	t.GoTo(Name, "ask")
	flow.Save(t, state{Code: g.Code, Photo: t.Sess.Held})
	title := g.Title
	if t.BySMS() {
		title = flow.Shorten(title, 32)
	}
	t.Say(flow.MsgFotoGagasanAsk, flow.A{"code": g.Code, "title": title})
}

func askStep(t *flow.Turn, st *state) error {
	yn := answer.YesNo(t.Text)
	if t.In.Media != nil || t.In.Location != nil {
		yn = answer.Unclear
	}
	t.EndFlow()
	switch {
	case yn == answer.Yes:
		if t.Sess.Held == st.Photo {
			t.Sess.Held, t.Sess.HeldAt, t.Sess.Caption = 0, time.Time{}, ""
		}
		t.Cmd(flow.AttachGagasanPhoto{Code: st.Code, PhotoID: st.Photo})
		t.Say(flow.MsgFotoGagasanAdded, flow.A{"code": st.Code})
		return nil
	case yn == answer.No && t.Sess.Caption != "":
		// Kept, as a photo with no flow to take it, with its words.
		t.Say(flow.MsgCaptionKept, nil)
		return nil
	case yn == answer.No:
		t.Say(flow.MsgMediaKept, nil)
		return nil
	}
	return t.Again()
}
