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
		case !explicit && freeStep[t.Sess.Step] && !saysBatal(t.Text):
			// "gak jadi" where a title or a description is written is
			// a refusal, not the word BATAL: the draft goes only after YA.
			kept = true
			t.askCancel()
		case t.Sess.Step == "edit" && !explicit:
			kept = true
			t.s.Edit = false
			t.Sess.Step = "confirm"
			return t.summary()
		case t.answers()+t.s.Skipped > manyAnswers:
			// A skip answered a question too: four answers of which one
			// was "LEWATI" are asked about before they go (the question
			// counts the answers that would be lost).
			kept = true
			t.s.Back = t.Sess.Step
			t.Sess.Step = "cancel"
			t.Say(flow.MsgCancelDraft, flow.A{"n": t.answers()})
		}
		return nil
	})
	return kept, err
}

// freeStep are the steps of the guided flow that take free text.
var freeStep = map[string]bool{"title": true, "description": true, "forname": true}

// askCancel asks whether to cancel the draft; TIDAK goes back to the
// step asked.
func (t *turn) askCancel() {
	t.s.Back = t.Sess.Step
	t.Sess.Step = "cancel"
	t.Say(flow.MsgCancelDraftAsk, nil)
}

// refusal tells whether text reads as "no, never mind" ("mboten sida",
// "sampun mboten usah", "tidak usah", "teu jadi", "henteu kedah"): a cancel
// phrase, or only words of refusal with a negation and a "needed/going
// ahead" word.
func refusal(text string) bool {
	if answer.Cancel(text) {
		return true
	}
	neg, need := false, false
	for _, w := range answer.Words(text) {
		switch {
		case refusalNeg[w]:
			neg = true
		case refusalNeed[w]:
			need = true
		case !refusalSoft[w]:
			return false
		}
	}
	return neg && need
}

// saysBatal tells whether text holds the word for cancel itself ("batal
// aja deh", "wurung", "bolay"), not only a refusal.
func saysBatal(text string) bool {
	for _, w := range answer.Words(text) {
		switch w {
		case "batal", "batalkan", "dibatalkan", "batalin", "cancel", "wurung", "bolay", "batalaken", "bolaykeun":
			return true
		}
	}
	return false
}

var (
	refusalNeg = map[string]bool{"tidak": true, "gak": true, "ga": true, "nggak": true, "ndak": true, "enggak": true,
		"mboten": true, "ora": true, "teu": true, "henteu": true, "ulah": true}
	refusalNeed = map[string]bool{"usah": true, "jadi": true, "sida": true, "sido": true, "sios": true, "dados": true,
		"kedah": true, "perlu": true, "butuh": true, "susah": true, "kudu": true}
	refusalSoft = map[string]bool{"sampun": true, "mpun": true, "wis": true, "sudah": true, "udah": true, "lah": true,
		"ah": true, "deh": true, "dong": true, "mawon": true, "wae": true, "aja": true, "saja": true, "lho": true,
		"kok": true, "pak": true, "bu": true, "mbah": true, "kula": true, "saya": true, "abdi": true, "nggih": true,
		"ya": true, "yo": true, "we": true, "atuh": true, "euy": true, "nya": true, "heula": true, "riyin": true, "dulu": true}
)

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
