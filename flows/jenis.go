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

// jenisNewWords is the most words an answer to the pick may have: a longer
// message is a new one ("oh iya, lampu jalan di depan balai mati").
const jenisNewWords = 6

// jenisStep reads the pick, with the text the first message told: 1 or
// a word for an idea ("usul", "perbaikan") files the idea, 2 or a word
// for a complaint ("keluhan", "laporan", "sambat") the complaint. A yes or
// an unclear answer asks once more, the text kept; a photo, a long
// message or a command with its own words is read as a new message.
func (t *turn) jenisStep() error {
	text := t.Sess.Data["text"]
	kw, arg := splitKeyword(t.Text)
	_, _, argNamed := answer.ComplaintOrIdea(arg)
	if t.In.Media != nil || len(answer.Words(t.Text)) > jenisNewWords || kw != "" && contentWords(arg) >= 2 && !argNamed {
		t.endFlow()
		return t.dispatch()
	}
	complaint, idea, named := answer.ComplaintOrIdea(t.Text)
	i, ok := 1, complaint && !idea
	switch {
	case idea && !complaint:
		i, ok = 0, true
	case !named:
		i, ok = answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskJenis, nil))
	}
	switch {
	case ok:
	case kw != "" && !named:
		// "STATUS", "JADWAL": another command.
		t.endFlow()
		return t.dispatch()
	case t.Sess.Data["asked"] == "":
		t.Sess.Data["asked"] = "1"
		t.say(flow.MsgAskJenis, nil)
		return nil
	default:
		t.endFlow()
		return t.dispatch()
	}
	t.endFlow()
	if i == 0 {
		_, err := t.command("GAGASAN", text)
		return err
	}
	return t.startAduan(text)
}
