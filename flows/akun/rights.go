package akun

import (
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The rights' flows' names in the session.
const (
	HapusName   = "hapus"   // HAPUS DATA: confirm, then whether her words stay
	PrivasiName = "privasi" // the answer to "who sees my data?", open for one message
)

// Hapus is the deletion of one's data (HAPUS DATA, TARIK PERSETUJUAN, or a
// sentence meaning it), which the engine reads before any flow; it has no
// keyword of its own.
var Hapus = &flow.Typed[none]{Called: HapusName, Stages: []flow.Step[none]{
	{Spec: flow.Pick("confirm"), Run: confirmDelete},
	{Spec: flow.Pick("keep_text"), Run: keepText},
}}

// StartDelete asks to confirm HAPUS DATA; with nothing stored there is
// nothing to confirm.
func StartDelete(t *flow.Turn) error {
	t.EndFlow()
	if t.Contact == nil {
		t.Cmd(flow.ForgetNumber{})
		t.Say(flow.MsgNoDataToDelete, nil)
		return nil
	}
	t.GoTo(HapusName, "confirm")
	t.Say(flow.MsgDeleteConfirm, nil)
	return nil
}

// confirmDelete: yes deletes (asking first whether her words may stay
// when she wrote any); no keeps everything.
func confirmDelete(t *flow.Turn, _ *none) error {
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		own, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, 1)
		if err != nil {
			return err
		}
		complaints, err := t.View.ComplaintsOf(t.Ctx, t.Contact.ID, 1)
		if err != nil {
			return err
		}
		if len(own) > 0 || len(complaints) > 0 {
			t.Sess.Step = "keep_text"
			t.Say(flow.MsgDeleteKeepText, nil)
			return nil
		}
		deleteNow(t, false)
	case answer.No:
		t.EndFlow()
		t.Say(flow.MsgDeleteKept, nil)
	default:
		t.Say(flow.MsgDeleteConfirm, nil)
	}
	return nil
}

// keepText: their gagasan stay in the village's record; the words they
// wrote (gagasan, complaints, map suggestions) and their photos stay only
// if they agree.
func keepText(t *flow.Turn, _ *none) error {
	if keep, ok := keepTextAnswer(t); ok {
		deleteNow(t, keep)
		return nil
	}
	t.Say(flow.MsgDeleteKeepHint, nil)
	return nil
}

func deleteNow(t *flow.Turn, keepText bool) {
	t.EndFlow()
	t.Cmd(flow.DeleteContact{KeepText: keepText})
	t.Say(flow.MsgDeleted, nil)
}

// keepTextAnswer reads the answer to HAPUS DATA's question whether what
// the person wrote may stay (1) or only the titles (2). A no counts only
// when it is a no and nothing more, or names the titles ("tidak, judul
// saja"): a worried "tidak, jangan dihapus" or "mboten, simpen mawon" may
// mean either, and is asked again; so is any answer holding a no that
// would keep her words.
func keepTextAnswer(t *flow.Turn) (keep, ok bool) {
	if answer.TitleOnly(t.Text) || answer.BareNo(t.Text) {
		return false, true
	}
	if answer.HoldsNo(t.Text) {
		return false, false
	}
	if i, picked := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgDeleteKeepText, nil)); picked {
		return i == 0, true
	}
	return true, answer.YesNo(t.Text) == answer.Yes
}

// Privasi keeps the answer to "who sees my data?" open for one message,
// so that "pa kades bisa?" after it is answered too; anything else is read
// as a new message.
var Privasi = &flow.Typed[none]{Called: PrivasiName, Stages: []flow.Step[none]{
	{Spec: flow.Pick("others"), Run: othersStep},
}}

// Privacy says who sees the person's data and how to see or delete it.
// soft: no question of a flow waits (idle, or a list just shown); at a
// question, the flow goes on.
func Privacy(t *flow.Turn, soft bool) error {
	t.Say(flow.MsgPrivacy, nil)
	// Not over a flow that timed out and waits for LANJUT: its answers stay.
	if t.Contact.Registered() && soft && t.Sess.Paused == nil {
		t.GoTo(PrivasiName, "others")
		return nil
	}
	t.Say(flow.MsgWhoGoOn, nil)
	return nil
}

// othersStep: a question about someone else's access is answered; any
// other message is read afresh.
func othersStep(t *flow.Turn, _ *none) error {
	t.EndFlow()
	if t.In.Media == nil && answer.AsksAboutSomeone(t.Text) {
		t.Say(flow.MsgPrivacyOthers, nil)
		return nil
	}
	return t.Again()
}
