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
func (Flow) Steps() []flow.StepSpec { return flow.Specs(steps) }

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
	return flow.RunStep(t, Name, steps)
}

// steps are the flow's steps: the map of a dusun (a KPMD's) and the
// resident's suggestion (r_…). Each reads one question's answers.
var steps = []flow.Step[state]{
	{Spec: flow.Pick("dusun"), Run: dusunStep},
	{Spec: flow.Pick("menu"), Run: menuStep, Needs: hasDusun},
	{Spec: flow.Pick("kind"), Run: back(kindStep), Needs: hasDusun},
	{Spec: flow.Free("title"), Run: back(titleStep), Needs: hasDusun},
	{Spec: flow.Free("desc"), Run: back(descStep), Needs: hasDusun},
	{Spec: flow.Pick("photo"), Run: back(photoStep), Needs: hasDusun},
	{Spec: flow.Pick("pin"), Run: back(pinStep), Needs: hasNewItem},
	{Spec: flow.Pick("pick"), Run: back(pickStep), Needs: hasDusun},
	{Spec: flow.Pick("sug_pick"), Run: back(pickStep), Needs: hasDusun},
	{Spec: flow.Pick("action"), Run: back(actionStep), Needs: hasItem},
	{Spec: flow.Free("new_title"), Run: back(newTitleStep), Needs: hasItem},
	{Spec: flow.Free("new_desc"), Run: back(newDescStep), Needs: hasItem},
	{Spec: flow.Pick("sug_action"), Run: back(suggestionStep), Needs: hasItem},
	{Spec: flow.Pick("level"), Run: back(levelStep), Needs: hasDusun},
	{Spec: flow.Free("criteria"), Run: criteriaStep, Needs: hasLevel},
	{Spec: flow.Pick("count"), Run: back(countStep), Needs: hasDusun},
	{Spec: flow.Pick("r_offer")}, // Step answers it: it has no state
	{Spec: flow.Pick("r_kind"), Run: suggestKindStep},
	{Spec: flow.Free("r_title"), Run: suggestTitleStep, Needs: hasSuggestKind},
}

// back lets SELESAI or KEMBALI go back to the menu from a step.
func back(run func(t *flow.Turn, st *state) error) func(t *flow.Turn, st *state) error {
	return func(t *flow.Turn, st *state) error {
		if w := strings.ToUpper(t.Text); w == "SELESAI" || w == "KEMBALI" {
			return showMenu(t, st)
		}
		return run(t, st)
	}
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
