package gagasan

import (
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// manyAnswers is the most answers a draft may hold and still be cancelled
// by one BATAL: more are confirmed first.
const manyAnswers = 3

// Cancel answers a cancel (BATAL, or a phrase such as "gak jadi") in the
// guided gagasan flow; kept reports that the draft stays (the engine then
// says nothing more). At the UBAH question a cancel phrase drops only the
// change: back to the summary. A draft of more than a few answers is
// cancelled only after YA; an explicit BATAL at that question cancels.
func Cancel(ft *flow.Turn, explicit bool) (kept bool, err error) {
	err = run(ft, func(t *turn) error {
		switch {
		case t.Sess.Step == "cancel" && explicit:
			kept = false
		case t.Sess.Step == "cancel":
			// "tidak jadi", "gak jadi" to "cancel the whole draft?" say
			// no: the draft stays.
			kept = true
			return t.cancelAnswer()
		case t.Sess.Step == "edit" && !explicit:
			kept = true
			t.s.Edit = false
			t.Sess.Step = "confirm"
			return t.summary()
		case t.answers() > manyAnswers:
			kept = true
			t.s.Back = t.Sess.Step
			t.Sess.Step = "cancel"
			t.Say(flow.MsgCancelDraft, flow.A{"n": t.answers()})
		}
		return nil
	})
	return kept, err
}

// cancelAnswer reads the answer to "cancel the whole draft?": YA cancels,
// anything else goes back to where the draft was.
func (t *turn) cancelAnswer() error {
	back := t.s.Back
	t.s.Back = ""
	if answer.YesNo(t.Text) == answer.Yes {
		t.endFlow()
		t.Say(flow.MsgCanceled, nil)
		t.MenuHint()
		return nil
	}
	if back == "" || back == "edit" {
		back = "confirm"
	}
	t.Sess.Step = back
	return t.ask(back)
}

// answers counts the answers a draft holds: the resident's for a filing
// and the gagasan's own.
func (t *turn) answers() int {
	s, n := t.s, 0
	for _, given := range []bool{s.Category != "", s.MapID != 0, s.Title != "", s.Desc != "" || s.VoiceID != 0,
		s.DusunID != 0, s.Pin != nil, s.Households != nil, s.Poor != nil, s.PhotoID != 0} {
		if given {
			n++
		}
	}
	if r := s.For; r != nil {
		for _, given := range []bool{r.Name != "", r.DusunID != 0, r.Gender != "", r.Phone != ""} {
			if given {
				n++
			}
		}
	}
	return n
}
