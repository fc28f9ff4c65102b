package peta

import (
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// residentMap shows a resident their dusun's map, titles only, and offers
// to suggest an item.
func residentMap(t *flow.Turn) error {
	if t.Contact.DusunID == 0 {
		t.Say(MsgNoDusunSelf, nil)
		return nil
	}
	m, err := t.View.DusunMap(t.Ctx, t.Contact.DusunID)
	if err != nil {
		return err
	}
	t.GoTo(Name, "r_offer")
	if len(m.Items) == 0 {
		t.Say(MsgResidentNone, flow.A{"dusun": m.Dusun.Nama})
		return nil
	}
	var kinds []domain.MapKind
	for _, k := range domain.MapKinds {
		for _, it := range m.Items {
			if it.Kind == k {
				kinds = append(kinds, k)
				break
			}
		}
	}
	t.Say(MsgResident, flow.A{"dusun": m.Dusun.Nama, "items": itemsByKind(t.Lang, m.Items, kinds)})
	return nil
}

// suggestKinds are the kinds a resident may suggest.
var suggestKinds = []domain.MapKind{domain.MapMasalah, domain.MapPotensi, domain.MapBatasLain}

// offerStep: 1 suggests an item; anything else is a message of its own,
// read as if idle.
func offerStep(t *flow.Turn) error {
	if n, ok := answer.Number(t.Text); !ok || n != 1 {
		t.EndFlow()
		return t.Again()
	}
	t.Sess.Step = "r_kind"
	t.Say(MsgSugKind, nil)
	return nil
}

// suggestKindStep: what the suggestion is about.
func suggestKindStep(t *flow.Turn, st *state) error {
	return chooseKind(t, st, suggestKinds, "r_title", MsgSugTitle)
}

// suggestTitleStep: the suggestion in short; it goes to the KPMD.
func suggestTitleStep(t *flow.Turn, st *state) error {
	title, ok := readTitle(t)
	if !ok {
		return nil
	}
	t.Cmd(flow.AddMapItem{Item: domain.MapItem{DusunID: t.Contact.DusunID, Kind: st.Kind, Title: title}, Suggest: true})
	t.EndFlow()
	t.Say(MsgSugThanks, flow.A{"title": title})
	return nil
}
