package flows

import "github.com/suaradesa/suaradesa/flows/answer"

// FlowPrivasi keeps the answer to "who sees my data?" open for one
// message, so that "pa kades bisa?" after it is answered too; anything
// else is read as a new message.
const FlowPrivasi = "privasi"

// privacy says who sees the person's data and how to see or delete it. At
// a question of a flow, the flow goes on.
func (t *turn) privacy() error {
	t.say(MsgPrivacy, nil)
	// Not over a flow that timed out and waits for LANJUT: its answers stay.
	if t.Contact.Registered() && (t.Sess.Idle() || t.Sess.Flow == FlowPilih) && t.Sess.Paused == nil {
		t.goTo(FlowPrivasi, "others")
		return nil
	}
	t.say(MsgWhoGoOn, nil)
	return nil
}

func (t *turn) privasiStep() error {
	t.endFlow()
	if t.In.Media == nil && answer.AsksAboutSomeone(t.Text) {
		t.say(MsgPrivacyOthers, nil)
		return nil
	}
	return t.dispatch()
}

// stopHow answers "gimana caranya biar gak dikirim pesan?": reply
// BERHENTI. At a question of a flow, the flow goes on.
func (t *turn) stopHow() error {
	t.say(MsgStopHow, nil)
	if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
		t.say(MsgWhoGoOn, nil)
	}
	return nil
}

// keepTextAnswer reads the answer to HAPUS DATA's question whether what
// the person wrote may stay (1) or only the titles (2). A no counts only
// when it is a no and nothing more, or names the titles ("tidak, judul
// saja"): a worried "tidak, jangan dihapus" or "mboten, simpen mawon" may
// mean either, and is asked again; so is any answer holding a no that
// would keep her words.
func (t *turn) keepTextAnswer() (keep, ok bool) {
	if answer.TitleOnly(t.Text) || answer.BareNo(t.Text) {
		return false, true
	}
	if answer.HoldsNo(t.Text) {
		return false, false
	}
	if i, picked := answer.Choice(t.Text, questionOptions(t.Lang, MsgDeleteKeepText, nil)); picked {
		return i == 0, true
	}
	return true, answer.YesNo(t.Text) == answer.Yes
}
