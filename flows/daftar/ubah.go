package daftar

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// keeps tells whether an answer in UBAH DATA keeps the current value: a
// skip ("lewati") or a keep ("tetep weh", "namina mah sami keneh",
// "sarua", "ora ganti").
func keeps(text string) bool {
	return answer.Keep(text) || answer.Skip(text)
}

// sayCurrentDesa tells, in UBAH DATA, the desa the resident is in now and
// that a keep answer keeps it.
func (t *turn) sayCurrentDesa() {
	if !t.s.Change || t.Contact == nil || t.Contact.DesaKode == "" {
		return
	}
	d, ok, err := t.DesaInScope(&flow.DesaChoice{}, t.Contact.DesaKode)
	if err != nil || !ok {
		return
	}
	t.Say(flow.MsgUbahDesaNow, flow.A{"desa": d.Nama})
}

// keepDesa reads a keep answer at UBAH DATA's desa question: the
// resident's current desa and dusun stay, and the gender is asked.
func (t *turn) keepDesa() (bool, error) {
	if !t.s.Change || t.Contact == nil || t.Contact.DesaKode == "" || !keeps(t.Text) {
		return false, nil
	}
	d, ok, err := t.DesaInScope(&flow.DesaChoice{}, t.Contact.DesaKode)
	if err != nil || !ok {
		return false, err
	}
	if t.Contact.DusunID == 0 {
		return true, t.chooseDesa(d.Desa, "", 0)
	}
	t.s.DesaChoice = flow.DesaChoice{}
	t.s.Desa, t.s.DesaNama, t.s.DusunID = d.Kode, d.Nama, t.Contact.DusunID
	t.Sess.Step = "gender"
	t.Say(flow.MsgAskGender, nil)
	return true, nil
}

// askConfirm shows a changed name, old and new, before UBAH DATA saves it.
func (t *turn) askConfirm(g domain.Gender) error {
	t.s.Gender = string(g)
	t.Sess.Step = "confirm"
	t.Say(flow.MsgUbahConfirmName, flow.A{"old": t.Contact.Name, "new": t.s.Name})
	return nil
}

// confirmStep reads the answer to askConfirm: YA saves; a keep saves with
// the old name; TIDAK asks the name again; anything else shows the change
// again.
func (t *turn) confirmStep() error {
	g := domain.Gender(t.s.Gender)
	if t.s.Name == "" {
		// The name asked again after TIDAK.
		if keeps(t.Text) {
			t.s.Name = t.Contact.Name
			return t.save(g)
		}
		name, err := domain.CleanName(nameFrom(t.Text))
		if err != nil {
			t.Say(flow.MsgNameInvalid, nil)
			return nil
		}
		t.s.Name = name
		if name == t.Contact.Name {
			return t.save(g)
		}
		return t.askConfirm(g)
	}
	switch {
	case answer.YesNo(t.Text) == answer.Yes:
		return t.save(g)
	case keeps(t.Text):
		t.s.Name = t.Contact.Name
		return t.save(g)
	case answer.YesNo(t.Text) == answer.No:
		t.s.Name = ""
		t.Say(flow.MsgAskName, nil)
		return nil
	}
	t.Say(flow.MsgUbahConfirmName, flow.A{"old": t.Contact.Name, "new": t.s.Name})
	return nil
}

// StartChange starts UBAH DATA from a sentence ("ngarobih data", "abdi
// tos ngalih ka desa bimomartani"); place, the desa the sentence named,
// is read as the answer to the desa question when it comes. A place is
// carried only when it starts with "desa" or names a desa to choose
// from: "pindah ke rumah mertua" names none.
func StartChange(t *flow.Turn, place string) error {
	if place != "" {
		ok, err := namesDesa(t, place)
		if err != nil {
			return err
		}
		if !ok {
			place = ""
		}
	}
	change(t)
	if place != "" {
		flow.Save(t, State{Change: true, Moved: flow.CutRunes(place, 80)})
	}
	return nil
}

// namesDesa tells whether place starts with "desa" or names a desa the
// number written to serves.
func namesDesa(t *flow.Turn, place string) (bool, error) {
	if ws := answer.Words(place); len(ws) > 0 && ws[0] == "desa" {
		return true, nil
	}
	all, err := t.DesaChoices(&flow.DesaChoice{})
	if err != nil {
		return false, err
	}
	return len(flow.FindDesa(all, place)) > 0, nil
}

// movedDesa reads, at UBAH DATA's desa question, the desa the sentence
// that started it named; false when it named none.
func (t *turn) movedDesa() (bool, error) {
	place := t.s.Moved
	if place == "" {
		return false, nil
	}
	t.s.Moved = ""
	t.Sess.Step = "desa"
	t.Text = place
	return true, t.pickDesa()
}

// otherDesa reads, at the dusun question, an answer that names another
// desa or says the desa taken is wrong ("sanes, widodomartani", "desana
// lepat"): the desa is chosen again, the name and language kept. False
// when the answer is about the dusun (a number, a dusun's name).
func (t *turn) otherDesa(dusuns []domain.Dusun) (bool, error) {
	text := t.Text
	if _, num := answer.Number(text); num || strings.TrimSpace(text) == "" {
		return false, nil
	}
	rest, wrong := answer.WrongPlace(text)
	if !wrong {
		if len(flow.MatchNames(text, flow.DusunNames(dusuns))) > 0 {
			return false, nil
		}
		rest = text
	}
	all, err := t.DesaChoices(&t.s.DesaChoice)
	if err != nil {
		return false, err
	}
	if rest != "" {
		if found := flow.FindDesa(all, rest); len(found) == 1 && all[found[0]].Kode != t.s.Desa {
			return true, t.chooseDesa(all[found[0]].Desa, "", 0)
		}
	}
	if !wrong {
		return false, nil
	}
	// The desa again, from the question; a desa named that was not
	// found is read as its answer.
	t.s.Desa, t.s.DesaNama, t.s.DusunID = "", "", 0
	if rest != "" {
		t.Sess.Step = "desa"
		t.Text = rest
		return true, t.pickDesa()
	}
	return true, t.askDesa()
}
