package flows

import (
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// stepJenis is the pick between an idea and a complaint (FlowPilih): a
// message that tells of something broken, without the word for a
// complaint ("kula badhe matur, saluran irigasi … rusak"), may be either.
const stepJenis = "jenis"

// complaintOrIdea starts a complaint read from the words (text is its
// text); one that only tells of broken infrastructure asks first whether
// it is an idea for its repair (GAGASAN) or a complaint (ADUAN).
func (t *turn) complaintOrIdea(text string) error {
	if t.In.Media != nil || !answer.BrokenThing(t.Text) || answer.SaysComplaint(t.Text) {
		return t.startAduan(text)
	}
	t.goTo(FlowPilih, stepJenis)
	t.Sess.Data["text"] = cutRunes(text, 1000)
	t.say(flow.MsgAskJenis, nil)
	return nil
}

// jenisStep reads the pick: 1 the idea, 2 the complaint, with the text
// the first message told; anything else is read as a new message.
func (t *turn) jenisStep() error {
	text := t.Sess.Data["text"]
	i, ok := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskJenis, nil))
	t.endFlow()
	if !ok || t.In.Media != nil {
		return t.dispatch()
	}
	if i == 0 {
		_, err := t.command("GAGASAN", text)
		return err
	}
	return t.startAduan(text)
}
