package rapat

import (
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// decideOptions is how many options the decision question has: 1 moves
// the gagasan on, 2 rejects it, 3 leaves it undecided.
const decideOptions = 3

// readDecisionPick reads a decision on a gagasan: its number, its label
// (in any language) or the words that name it. The option's words are
// read before any keyword: "lanjut" is option 1 here, not LANJUT.
func (t *turn) readDecisionPick(args flow.A) (int, bool) {
	if n, ok := answer.Number(t.Text); ok {
		return n, n >= 1 && n <= decideOptions
	}
	if i, ok := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskDecision, args)); ok {
		return i + 1, true
	}
	// answer.Decision numbers its values as the question does.
	d := answer.Decide(t.Text)
	return int(d), d != answer.DecideNone
}

// decisionArgs fill the decision question for gagasan g.
func (t *turn) decisionArgs(g domain.Gagasan) flow.A {
	to, _ := nextStage(g.Status)
	return flow.A{"gcode": g.Code, "title": g.Title, "next": flow.Render(t.Lang, flow.StageKeys[string(to)], nil)}
}
