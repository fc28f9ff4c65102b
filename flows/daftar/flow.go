// Package daftar is registration: consent first (nothing is stored before
// it), then the language, name, desa, dusun and gender, one question at a
// time or in one message (DAFTAR Nama#Desa#Dusun#P); UBAH DATA asks them
// again of a registered resident.
package daftar

import (
	"strings"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// Name is the flow's name in the session.
const Name = "daftar"

// State is the registration being answered, kept in the session (as
// JSON). Before consent it is all there is of the person.
type State struct {
	// Quick is a DAFTAR Nama#Desa#Dusun message waiting for consent.
	Quick string `json:"quick,omitempty"`
	// Pending is a gagasan the first message carried, saved once the
	// resident has registered.
	Pending string `json:"pending,omitempty"`
	// Lang is the language chosen; DesaLang the desa's, taken when the
	// question was skipped.
	Lang     string `json:"lang,omitempty"`
	DesaLang string `json:"desa_lang,omitempty"`
	// Guess is the language the first message was written in, when it was
	// clearly Basa Jawa or Basa Sunda (answer.GuessLang): the consent is
	// asked in it, and it is kept when the language question is skipped.
	Guess    string `json:"guess,omitempty"`
	Name     string `json:"name,omitempty"`
	Desa     string `json:"desa,omitempty"`
	DesaNama string `json:"desa_nama,omitempty"`
	DusunID  int64  `json:"dusun,omitempty"`
	// DesaChoice is the desa being chosen: the few a typed name could
	// mean, or the desa of the board the resident came from (HALO with
	// its code), to confirm.
	flow.DesaChoice
	// Change is UBAH DATA: a registered resident answering again.
	Change bool `json:"ubah,omitempty"`
	// Gender is UBAH DATA's last answer, kept while a changed name is
	// confirmed.
	Gender string `json:"gender,omitempty"`
	// Moved is the desa named by the sentence that started UBAH DATA
	// ("sudah pindah ke desa …"), read at the desa question.
	Moved string `json:"moved,omitempty"`
}

// turn is one step of registration: the engine's turn, the state, and the
// message's keyword and the rest as the engine read them.
type turn struct {
	*flow.Turn
	s       State
	kw, arg string
}

// Registration runs the message of a contact who has not finished
// registering; kw and arg are its keyword and the rest, as the engine read
// them ("" when no keyword).
func Registration(ft *flow.Turn, kw, arg string) error {
	var s State
	if ft.Sess.Flow == Name {
		var err error
		if s, err = flow.Load[State](ft); err != nil {
			return err
		}
	}
	t := &turn{Turn: ft, s: s, kw: kw, arg: arg}
	err := t.registration()
	if ft.Sess.Flow == Name {
		flow.Save(ft, t.s)
	}
	return err
}

func (t *turn) endFlow() {
	t.EndFlow()
	t.s = State{}
}

// Flow is registration in the list of flows. Its keywords: DAFTAR (a
// registered resident is told so), UBAH DATA, and DATA SAYA, which
// dataSaya answers (the engine's); split is the engine's reading of a
// keyword, for a registered resident answering again.
func Flow(dataSaya func(*flow.Turn) error, split func(text string) (kw, arg string)) flow.Flow {
	return registration{dataSaya: dataSaya, split: split}
}

type registration struct {
	dataSaya func(*flow.Turn) error
	split    func(string) (string, string)
}

func (registration) Name() string       { return Name }
func (registration) Keywords() []string { return []string{"DAFTAR", "DATA", "UBAH"} }

func (f registration) Start(t *flow.Turn, kw, arg string) (bool, error) {
	if kw == "DAFTAR" {
		t.Say(flow.MsgAlreadyRegistered, flow.A{"name": t.Contact.Name})
		return true, nil
	}
	next, _, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(arg)), " ")
	switch {
	case kw == "DATA" && (next == "SAYA" || next == "KULA" || next == "ABDI" || next == "KAULA" || next == "KULO"):
		return true, f.dataSaya(t)
	case kw == "UBAH" && next == "DATA":
		change(t)
		return true, nil
	}
	if t.Sess.Idle() {
		word := kw
		if next != "" {
			word += " " + next
		}
		t.Say(flow.MsgNotYet, flow.A{"word": flow.CutRunes(word, 20)})
		return true, nil
	}
	return false, nil
}

// Step runs UBAH DATA: a registered resident answers the registration
// again.
func (f registration) Step(t *flow.Turn) error {
	kw, arg := f.split(t.Text)
	return Registration(t, kw, arg)
}

func (registration) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick(""), flow.Pick("consent"), flow.Free("name"), flow.Free("desa"), flow.Pick("dusun"),
		flow.Pick("gender"), flow.Pick("lang"), flow.Pick("confirm")}
}

// change asks the registration questions again (UBAH DATA); the answers
// replace the old ones (the registration date stays).
func change(t *flow.Turn) {
	t.EndFlow()
	t.GoTo(Name, "name")
	flow.Save(t, State{Change: true})
	t.Say(flow.MsgUbahIntro, flow.A{"name": t.Contact.Name})
}
