// Package contoh is the example flow of docs/ARCHITECTURE.md ("How to
// add a flow"): CONTOH asks one question and repeats the answer.
package contoh

import "github.com/suaradesa/suaradesa/flows/flow"

// Message keys.
const (
	MsgAsk  flow.Key = "contoh_ask"
	MsgDone flow.Key = "contoh_done"
)

type state struct {
	Asked int `json:"asked"`
}

// Flow is the example's flow.
var Flow = &flow.Typed[state]{Called: "contoh", Words: []string{"CONTOH"}, Stages: steps,
	Starter: func(t *flow.Turn, _, _ string) (bool, error) {
		t.EndFlow()
		t.GoTo("contoh", "answer")
		flow.Save(t, state{Asked: 1})
		t.Say(MsgAsk, nil)
		return true, nil
	}}

var steps = []flow.Step[state]{
	{Spec: flow.Free("answer"), Run: answerStep, Needs: func(st state) bool { return st.Asked > 0 }},
}

// answerStep: any text is the answer.
func answerStep(t *flow.Turn, _ *state) error {
	t.EndFlow()
	t.Say(MsgDone, flow.A{"text": flow.CutRunes(t.Text, 100)})
	return nil
}
