// Package peta is the social map (PETA): a KPMD (or facilitator) maps a
// dusun — its problems, potentials and limits, the poverty criteria it
// agreed, its count of poor households — and a resident reads their
// dusun's map and may suggest an item, which waits for a KPMD.
package peta

import (
	"slices"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Name is the flow's name in the session.
const Name = "peta"

// state is what the flow remembers between messages.
type state struct {
	Dusun     int64               `json:"dusun,omitempty"`
	DusunName string              `json:"dusun_nama,omitempty"`
	Kind      domain.MapKind      `json:"kind,omitempty"`
	Title     string              `json:"title,omitempty"`
	Desc      string              `json:"desc,omitempty"`
	Photo     *int64              `json:"photo,omitempty"`
	Item      int64               `json:"item,omitempty"`
	ItemTitle string              `json:"item_title,omitempty"`
	Level     domain.PovertyLevel `json:"level,omitempty"`
}

// Flow is the social map's flow.Flow.
type Flow struct{}

// Name implements flow.Flow.
func (Flow) Name() string { return Name }

// Keywords implements flow.Flow.
func (Flow) Keywords() []string { return []string{"PETA"} }

// Steps implements flow.Flow.
func (Flow) Steps() []flow.StepSpec {
	out := make([]flow.StepSpec, len(steps))
	for i, s := range steps {
		out[i] = s.spec
	}
	return out
}

// Start implements flow.Flow: a KPMD maps a dusun; anyone else reads their
// own dusun's map.
func (Flow) Start(t *flow.Turn, _, _ string) (bool, error) {
	t.EndFlow()
	if !canMap(t.Contact) {
		return true, residentMap(t)
	}
	dusuns, err := t.View.Dusuns(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return true, err
	}
	switch len(dusuns) {
	case 0:
		t.Say(MsgNoDusun, nil)
		return true, nil
	case 1:
		t.GoTo(Name, "menu")
		st := state{Dusun: dusuns[0].ID, DusunName: dusuns[0].Nama}
		err := showMenu(t, &st)
		flow.Save(t, st)
		return true, err
	}
	t.GoTo(Name, "dusun")
	t.Say(MsgAskDusun, flow.A{"list": flow.Numbered(flow.DusunNames(dusuns))})
	return true, nil
}

// Step implements flow.Flow: the answer to the step the session is at.
func (Flow) Step(t *flow.Turn) error {
	if t.Sess.Step == "r_offer" {
		return offerStep(t) // no state: the offer lets any other message go
	}
	st, err := flow.Load[state](t)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(steps, func(s step) bool { return s.spec.Name == t.Sess.Step })
	if i < 0 {
		if !hasDusun(st) {
			return flow.ErrDamaged
		}
		err = showMenu(t, &st) // a step this version does not know
		flow.Save(t, st)
		return err
	}
	s := steps[i]
	if s.needs != nil && !s.needs(st) {
		return flow.ErrDamaged
	}
	if s.back {
		if w := strings.ToUpper(t.Text); w == "SELESAI" || w == "KEMBALI" {
			err = showMenu(t, &st)
			flow.Save(t, st)
			return err
		}
	}
	if err := s.run(t, &st); err != nil {
		return err
	}
	if t.Sess.Flow == Name {
		flow.Save(t, st)
	}
	return nil
}

// step is one question of the flow and the reading of its answers.
type step struct {
	spec flow.StepSpec
	run  func(t *flow.Turn, st *state) error
	// needs tells whether the state holds what the step is about; a state
	// without it is damaged (flow.ErrDamaged), never read as zero.
	needs func(st state) bool
	// back: SELESAI or KEMBALI goes back to the menu.
	back bool
}

// steps are the flow's steps: the map of a dusun (a KPMD's) and the
// resident's suggestion (r_…).
var steps = []step{
	{spec: flow.Pick("dusun"), run: dusunStep},
	{spec: flow.Pick("menu"), run: menuStep, needs: hasDusun},
	{spec: flow.Pick("kind"), run: kindStep, needs: hasDusun, back: true},
	{spec: flow.Free("title"), run: titleStep, needs: hasDusun, back: true},
	{spec: flow.Free("desc"), run: descStep, needs: hasDusun, back: true},
	{spec: flow.Pick("photo"), run: photoStep, needs: hasDusun, back: true},
	{spec: flow.Pick("pin"), run: pinStep, needs: hasNewItem, back: true},
	{spec: flow.Pick("pick"), run: pickStep, needs: hasDusun, back: true},
	{spec: flow.Pick("sug_pick"), run: pickStep, needs: hasDusun, back: true},
	{spec: flow.Pick("action"), run: actionStep, needs: hasItem, back: true},
	{spec: flow.Free("new_title"), run: newTitleStep, needs: hasItem, back: true},
	{spec: flow.Free("new_desc"), run: newDescStep, needs: hasItem, back: true},
	{spec: flow.Pick("sug_action"), run: suggestionStep, needs: hasItem, back: true},
	{spec: flow.Pick("level"), run: levelStep, needs: hasDusun, back: true},
	{spec: flow.Free("criteria"), run: criteriaStep, needs: hasLevel},
	{spec: flow.Pick("count"), run: countStep, needs: hasDusun, back: true},
	{spec: flow.Pick("r_offer")},
	{spec: flow.Pick("r_kind"), run: suggestKindStep},
	{spec: flow.Free("r_title"), run: suggestTitleStep, needs: hasSuggestKind},
}

func hasDusun(st state) bool { return st.Dusun > 0 }

func hasNewItem(st state) bool {
	return hasDusun(st) && slices.Contains(domain.MapKinds, st.Kind) && st.Title != ""
}

func hasItem(st state) bool { return hasDusun(st) && st.Item > 0 }

func hasLevel(st state) bool { return hasDusun(st) && slices.Contains(domain.PovertyLevels, st.Level) }

func hasSuggestKind(st state) bool { return slices.Contains(suggestKinds, st.Kind) }

func canMap(c *domain.Contact) bool {
	return c.HasRole(domain.RoleKPMD, c.DesaKode) || c.HasRole(domain.RoleFasilitator, c.DesaKode)
}
