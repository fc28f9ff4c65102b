// Package aduan is a resident's complaint (ADUAN): its text (or a voice
// note), a photo, and whether it is anonymous; the facilitators of the desa
// receive it. A complaint's stage is shown only to its sender.
package aduan

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Name is the flow's name in the session.
const Name = "aduan"

// state is what the flow remembers between messages.
type state struct {
	Text  string `json:"text,omitempty"`
	Photo int64  `json:"photo,omitempty"`
	Voice int64  `json:"voice,omitempty"`
}

// Flow is the complaint's flow.
var Flow = &flow.Typed[state]{Called: Name, Words: []string{"ADUAN"}, Stages: steps,
	Starter: func(t *flow.Turn, _, arg string) (bool, error) { return true, Start(t, arg) }}

var steps = []flow.Step[state]{
	{Spec: flow.Free("text"), Run: textStep},
	{Spec: flow.Pick("photo"), Run: photoStep, Needs: hasText},
	{Spec: flow.Pick("anon"), Run: anonStep, Needs: hasText},
}

func hasText(st state) bool { return st.Text != "" || st.Voice != 0 }

// Start begins a complaint; text may already tell it (ADUAN …, a sentence
// read as a complaint, a photo's held caption), and a photo held from an
// earlier message is its photo.
func Start(t *flow.Turn, text string) error {
	var st state
	st.Photo = t.Sess.Held
	t.Sess.Held = 0
	if caption := t.TakeCaption(); strings.TrimSpace(text) == "" {
		text = caption
	}
	t.EndFlow()
	t.GoTo(Name, "text")
	defer func() { flow.Save(t, st) }()
	if strings.TrimSpace(text) == "" {
		t.Say(flow.MsgAduanText, nil)
		return nil
	}
	st.Text = flow.CutRunes(strings.TrimSpace(text), 1000)
	askPhotoOrAnon(t, st)
	return nil
}

// askPhotoOrAnon asks for a photo, or (with one) whether to hide the name.
func askPhotoOrAnon(t *flow.Turn, st state) {
	if st.Photo != 0 {
		t.Sess.Step = "anon"
		t.Say(flow.MsgAduanAnon, nil)
		return
	}
	t.Sess.Step = "photo"
	t.Say(flow.MsgAduanPhoto, nil)
}

// textStep: what the complaint is about (a voice note may tell it).
func textStep(t *flow.Turn, st *state) error {
	image := t.In.Media != nil && t.In.Media.Kind == flow.MediaImage
	if t.In.Media != nil && t.In.Media.Kind == flow.MediaAudio {
		// A voice note tells the complaint; someone writes it down.
		st.Voice = t.In.Media.ID
		st.Text = flow.CutRunes(t.Text, 1000)
		t.Sess.Step = "photo"
		t.Say(flow.MsgVoiceKept, nil)
		t.Say(flow.MsgAduanPhoto, nil)
		return nil
	}
	if utf8.RuneCountInString(t.Text) < 3 || !flow.HasLetter(t.Text) {
		if image {
			st.Photo = t.In.Media.ID
		}
		t.Say(flow.MsgAduanText, nil)
		return nil
	}
	if utf8.RuneCountInString(t.Text) > 1000 {
		t.Say(flow.MsgTooLong, flow.A{"n": 1000})
	}
	st.Text = flow.CutRunes(t.Text, 1000)
	if image {
		st.Photo = t.In.Media.ID
	}
	askPhotoOrAnon(t, *st)
	return nil
}

// photoStep: a photo of it, or none.
func photoStep(t *flow.Turn, st *state) error {
	switch {
	case t.In.Media != nil && t.In.Media.Kind == flow.MediaImage:
		st.Photo = t.In.Media.ID
	case answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
		// "teu aya potona", "henteu": no photo
	default:
		t.Say(flow.MsgAduanPhoto, nil)
		return nil
	}
	t.Sess.Step = "anon"
	t.Say(flow.MsgAduanAnon, nil)
	return nil
}

// anonStep: whether the sender's name is hidden; then it is filed.
func anonStep(t *flow.Turn, st *state) error {
	// "ngagem nami kula mawon", "tanpa nama aja": the choice in words.
	anon, said := answer.Anonymity(t.Text)
	i, picked := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAduanAnon, nil))
	switch n := i + 1; {
	case said:
	case picked && n == 1 || !picked && answer.YesNo(t.Text) == answer.Yes:
		anon = true
	case picked && n == 2 || !picked && answer.YesNo(t.Text) == answer.No:
	default:
		// Not the question again word for word: how to answer it.
		t.Say(flow.MsgAduanAnonHint, nil)
		return nil
	}
	c := domain.Complaint{Code: t.Env.NewCode(domain.CodeAduan), DesaKode: t.Contact.DesaKode, Anonymous: anon,
		Text: st.Text, PhotoID: idOrNil(st.Photo), Status: domain.ComplaintDiterima, VoiceID: idOrNil(st.Voice)}
	saved := flow.MsgAduanSaved
	if anon {
		// "… kula Sumarni 0812…": anonymous means her own name and
		// number leave the text too, and she is told so.
		hidden, err := t.View.HideSender(t.Ctx, c.Text)
		if err != nil {
			return err
		}
		if hidden != c.Text {
			c.Text, saved = hidden, flow.MsgAduanSavedHidden
		}
	}
	text := c.Text
	if c.VoiceID != nil && text == "" {
		text = flow.Render(flow.LangID, flow.MsgVoiceWord, nil)
	}
	from := flow.Render(t.Lang, flow.MsgAduanAnonName, nil)
	if !anon {
		from = t.Contact.Name + " (" + string(t.Contact.Phone) + ")"
	}
	desa, err := t.DesaName(c.DesaKode)
	if err != nil {
		return err
	}
	t.Cmd(flow.CreateComplaint{Complaint: c, ForFasilitator: flow.Render(flow.LangID, flow.MsgAduanFasil,
		flow.A{"code": c.Code, "from": from, "desa": desa, "text": text})})
	t.EndFlow()
	t.Say(saved, flow.A{"code": c.Code})
	return nil
}

func idOrNil(id int64) *int64 {
	if id <= 0 {
		return nil
	}
	return &id
}

// Status shows a complaint's stage to the one who sent it; to anyone else
// it does not exist (its text may name people).
func Status(t *flow.Turn, arg string) error {
	code, err := domain.ParseCode(domain.CodeAduan, arg)
	if err != nil {
		t.Say(flow.MsgAduanNotFound, flow.A{"code": flow.CutRunes(strings.TrimSpace(arg), 20)})
		return nil
	}
	c, err := t.View.Complaint(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && (c.ContactID == nil || domain.ContactID(*c.ContactID) != t.Contact.ID)) {
		t.Say(flow.MsgAduanNotFound, flow.A{"code": code})
		return nil
	}
	if err != nil {
		return err
	}
	t.Say(flow.MsgAduanStatus, flow.A{"code": c.Code, "stage": StageText(t.Lang, c.Status)})
	return nil
}

// StageText is a complaint's stage in plain words.
func StageText(lang string, s domain.ComplaintStatus) string {
	return flow.Render(lang, flow.ComplaintStageKeys[string(s)], nil)
}

// ChangedText tells a complainant their complaint moved.
func ChangedText(lang string, c domain.Complaint, note string) string {
	n := ""
	if note != "" {
		n = flow.Render(lang, flow.MsgStatusNote, flow.A{"note": note})
	}
	return flow.Render(lang, flow.MsgAduanChanged, flow.A{"code": c.Code, "stage": StageText(lang, c.Status), "note": n})
}
