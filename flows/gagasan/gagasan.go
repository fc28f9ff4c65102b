// Package gagasan is a resident's gagasan (an idea for the village) sent by
// chat: the guided flow GAGASAN asks its parts one question at a time; a
// gagasan sent in one message ("GAGASAN lampu jalan di …") is saved at once
// and the detail flow offers to complete it; GAGASAN UNTUK is a KPMD filing
// one for a resident who has no phone.
package gagasan

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Flow names, stored in the session.
const (
	Name       = "gagasan" // the guided flow
	NameDetail = "detail"  // detail for a gagasan saved from one message
	NameUntuk  = "untuk"   // a KPMD filing for a resident (GAGASAN UNTUK)
)

// State is the gagasan being written, kept in the session between
// messages (as JSON). Zero values are answers not given.
type State struct {
	// Code is the gagasan saved from one message that the detail flow
	// completes.
	Code     string          `json:"code,omitempty"`
	Category domain.Category `json:"cat,omitempty"`
	// MapID is the social map's item the gagasan answers.
	MapID     int64            `json:"map,omitempty"`
	MapTitle  string           `json:"map_title,omitempty"`
	Title     string           `json:"title,omitempty"`
	Desc      string           `json:"desc,omitempty"`
	VoiceID   int64            `json:"voice,omitempty"` // a voice note telling the description
	DusunID   int64            `json:"dusun,omitempty"`
	DusunNama string           `json:"dusun_nama,omitempty"`
	Pin       *domain.Location `json:"pin,omitempty"`
	// Households and Poor are nil until answered; 0 is an answer.
	Households *int  `json:"hh,omitempty"`
	Poor       *int  `json:"poor,omitempty"`
	PhotoID    int64 `json:"photo,omitempty"`
	// Skipped counts the optional questions answered with a skip
	// ("LEWATI", "mboten wonten"): answers too when a cancel asks first.
	Skipped int `json:"skipped,omitempty"`
	// Edit is set once the sender chose a part to change at the summary:
	// the answer goes back to the summary.
	Edit bool `json:"edit,omitempty"`
	// Back is the step a "cancel the whole draft?" question returns to
	// when the answer is no.
	Back string `json:"back,omitempty"`
	// For is the resident a KPMD files for (GAGASAN UNTUK).
	For *Resident `json:"for,omitempty"`
	// Extra is a short message at the detail offer that may be more of the
	// gagasan, waiting for "add it?" (step "addask").
	Extra string `json:"extra,omitempty"`
	// Desa is the choice of the resident's desa, for a cadre of several.
	Desa *flow.DesaChoice `json:"pick_desa,omitempty"`
}

// Resident is who a gagasan filed by a KPMD is from.
type Resident struct {
	Name      string        `json:"name,omitempty"`
	DesaKode  string        `json:"desa"`
	DusunID   int64         `json:"dusun,omitempty"`
	DusunNama string        `json:"dusun_nama,omitempty"`
	Gender    domain.Gender `json:"gender,omitempty"`
	Phone     domain.Phone  `json:"phone,omitempty"`
}

// turn is one step of these flows: the engine's turn and the state.
type turn struct {
	*flow.Turn
	s State
}

// run loads the state, runs step and keeps the state while the contact is
// still in one of these flows.
func run(ft *flow.Turn, step func(*turn) error) error {
	s, err := flow.Load[State](ft)
	if err != nil {
		return err
	}
	t := &turn{Turn: ft, s: s}
	err = step(t)
	t.save()
	return err
}

// fresh runs f with an empty state: a keyword starts a gagasan whatever
// flow the contact was in.
func fresh(ft *flow.Turn, f func(*turn) error) error {
	t := &turn{Turn: ft}
	err := f(t)
	t.save()
	return err
}

func (t *turn) save() {
	switch t.Sess.Flow {
	case Name, NameDetail, NameUntuk:
		flow.Save(t.Turn, t.s)
	}
}

// endFlow leaves the flow and forgets the state.
func (t *turn) endFlow() {
	t.EndFlow()
	t.s = State{}
}

// filing tells whether the gagasan is filed for a resident.
func (t *turn) filing() bool { return t.s.For != nil && t.s.For.Name != "" }

// desa is the desa of the gagasan: the KPMD's when filing for a resident,
// else the sender's.
func (t *turn) desa() string {
	if t.filing() {
		return t.s.For.DesaKode
	}
	return t.Contact.DesaKode
}

// homeDusun is the dusun of the person the gagasan is from.
func (t *turn) homeDusun() int64 {
	if t.filing() {
		return t.s.For.DusunID
	}
	return t.Contact.DusunID
}

// start runs GAGASAN (USUL, IDE): with text, the one-message gagasan; with
// UNTUK, filing for a resident; alone, the guided flow.
func start(t *turn, text string) error {
	if strings.EqualFold(strings.Join(strings.Fields(text), " "), "UNTUK") {
		return t.startUntuk()
	}
	if _, kpmd := flow.KPMDDesa(t.Contact); kpmd {
		// "gagasan untuk mbah karto" (and whatever follows: "…,
		// tetangga saya gak punya hp"): a KPMD files for a resident,
		// never as her own gagasan.
		if name, rest, ok := forWhom(text); ok {
			return t.startUntukFor(name, rest)
		}
	}
	held := t.Sess.Held
	t.Sess.Held = 0
	if caption := t.TakeCaption(); text == "" {
		text = caption
	}
	t.endFlow()
	t.s.PhotoID = held
	if text != "" && !VagueTitle(text) {
		return t.quick(text)
	}
	if text != "" {
		// "Gagasan lagi", "usul dong", "gagasan saya ada 2": not a title.
		t.Say(flow.MsgTitleTooVague, nil)
	}
	t.GoTo(Name, "category")
	t.Say(flow.MsgAskCategory, nil)
	return nil
}
