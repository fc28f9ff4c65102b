package peta

import (
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// dusunStep: which dusun to map (a desa with several).
func dusunStep(t *flow.Turn, st *state) error {
	dusuns, err := t.View.Dusuns(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	du, ok := t.MatchDusun(dusuns)
	if !ok {
		return nil
	}
	st.Dusun, st.DusunName = du.ID, du.Nama
	return showMenu(t, st)
}

// menuStep: what to do with the dusun's map, or SELESAI.
func menuStep(t *flow.Turn, st *state) error {
	if strings.EqualFold(t.Text, "SELESAI") {
		t.EndFlow()
		t.Say(flow.MsgMenu, nil)
		return nil
	}
	n, ok := t.Choice(len(menu))
	if !ok {
		return nil
	}
	return menu[n-1](t, st)
}

// menu is what the numbers of the map's menu do, in the order its text
// (MsgMenu, MsgMenuNext) lists them.
var menu = []func(t *flow.Turn, st *state) error{
	func(t *flow.Turn, _ *state) error { // 1. add
		t.Sess.Step = "kind"
		t.Say(MsgAskKind, flow.A{"list": flow.Numbered(kindNames(t.Lang, domain.MapKinds))})
		return nil
	},
	func(t *flow.Turn, st *state) error { return offerItems(t, st, false) }, // 2. change or remove
	func(t *flow.Turn, _ *state) error { // 3. criteria
		t.Sess.Step = "level"
		t.Say(MsgAskLevel, nil)
		return nil
	},
	func(t *flow.Turn, st *state) error { // 4. household counts
		t.Sess.Step = "count"
		t.Say(MsgAskCount, flow.A{"dusun": st.DusunName})
		return nil
	},
	func(t *flow.Turn, st *state) error { return offerItems(t, st, true) }, // 5. residents' suggestions
	showFullMap, // 6. the whole map
}

// offerItems lists the items (or the suggestions) to pick one from.
func offerItems(t *flow.Turn, st *state, suggestions bool) error {
	items, err := listItems(t, st, suggestions)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		if suggestions {
			t.Say(MsgSugNone, nil)
		} else {
			t.Say(MsgEmpty, flow.A{"dusun": st.DusunName})
		}
		return showMenu(t, st)
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = flow.MapKindText(t.Lang, it.Kind) + ": " + it.Title
	}
	if suggestions {
		t.Sess.Step = "sug_pick"
		t.Say(MsgSugPick, flow.A{"list": flow.Numbered(names)})
	} else {
		t.Sess.Step = "pick"
		t.Say(MsgPick, flow.A{"list": flow.Numbered(names)})
	}
	return nil
}

func showFullMap(t *flow.Turn, st *state) error {
	m, err := t.View.DusunMap(t.Ctx, st.Dusun)
	if err != nil {
		return err
	}
	t.Say(MsgFull, flow.A{"dusun": st.DusunName, "items": itemsByKind(t.Lang, m.Items, domain.MapKinds),
		"criteria": criteriaText(t.Lang, m.Criteria), "rtm": countText(t.Lang, m.Count)})
	return showMenu(t, st)
}

// kindStep: the kind of a new item.
func kindStep(t *flow.Turn, st *state) error {
	return chooseKind(t, st, domain.MapKinds, "title", MsgAskTitle)
}

// chooseKind reads the kind of an item from kinds, then asks the next step.
func chooseKind(t *flow.Turn, st *state, kinds []domain.MapKind, next string, ask flow.Key) error {
	n, ok := t.Choice(len(kinds))
	if !ok {
		return nil
	}
	st.Kind = kinds[n-1]
	t.Sess.Step = next
	t.Say(ask, nil)
	return nil
}

// titleStep: the new item's title.
func titleStep(t *flow.Turn, st *state) error {
	title, ok := readTitle(t)
	if !ok {
		return nil
	}
	st.Title = title
	t.Sess.Step = "desc"
	t.Say(MsgAskDesc, nil)
	return nil
}

// descStep: its description, or LEWATI.
func descStep(t *flow.Turn, st *state) error {
	if !answer.Skip(t.Text) {
		st.Desc = flow.CutRunes(strings.TrimSpace(t.Text), domain.MaxMapDescLen)
	}
	t.Sess.Step = "photo"
	t.Say(MsgAskPhoto, nil)
	return nil
}

// photoStep: a photo of it, or LEWATI.
func photoStep(t *flow.Turn, st *state) error {
	switch {
	case t.In.Media != nil && t.In.Media.Kind == flow.MediaImage:
		id := t.In.Media.ID
		st.Photo = &id
	case !answer.Skip(t.Text):
		t.Say(MsgAskPhoto, nil)
		return nil
	}
	t.Sess.Step = "pin"
	t.Say(MsgAskPin, nil)
	return nil
}

// pinStep: where it is (a pin), or LEWATI; then the item is added.
func pinStep(t *flow.Turn, st *state) error {
	it := domain.MapItem{DusunID: st.Dusun, Kind: st.Kind, Title: st.Title, Description: st.Desc, PhotoID: st.Photo}
	switch {
	case t.In.Location != nil:
		lat, lng := t.In.Location.Lat, t.In.Location.Lng
		it.Lat, it.Lng = &lat, &lng
	case !answer.Skip(t.Text):
		t.Say(MsgAskPin, nil)
		return nil
	}
	if err := it.Validate(); err != nil {
		return showMenu(t, st) // only a damaged session gets here
	}
	t.Cmd(flow.AddMapItem{Item: it})
	t.Say(MsgSaved, flow.A{"dusun": st.DusunName, "kind": flow.MapKindText(t.Lang, it.Kind), "title": it.Title})
	st.Kind, st.Title, st.Desc, st.Photo = "", "", "", nil
	return showMenuNext(t)
}

// pickStep: which item (or suggestion) of the list.
func pickStep(t *flow.Turn, st *state) error {
	suggestions := t.Sess.Step == "sug_pick"
	items, err := listItems(t, st, suggestions)
	if err != nil {
		return err
	}
	n, ok := t.Choice(len(items))
	if !ok {
		return nil
	}
	st.Item, st.ItemTitle = items[n-1].ID, items[n-1].Title
	if suggestions {
		t.Sess.Step = "sug_action"
		t.Say(MsgSugAction, flow.A{"title": st.ItemTitle})
	} else {
		t.Sess.Step = "action"
		t.Say(MsgItemAction, flow.A{"title": st.ItemTitle})
	}
	return nil
}

// actionStep: change the item's title or description, or remove it.
func actionStep(t *flow.Turn, st *state) error {
	n, ok := t.Choice(3)
	if !ok {
		return nil
	}
	switch n {
	case 1:
		t.Sess.Step = "new_title"
		t.Say(MsgAskNewTitle, nil)
	case 2:
		t.Sess.Step = "new_desc"
		t.Say(MsgAskNewDesc, nil)
	case 3:
		t.Cmd(flow.ChangeMapItem{DusunID: st.Dusun, ID: st.Item, Action: "remove"})
		t.Say(MsgRemoved, flow.A{"title": st.ItemTitle})
		return showMenuNext(t)
	}
	return nil
}

// newTitleStep: the item's new title.
func newTitleStep(t *flow.Turn, st *state) error {
	title, ok := readTitle(t)
	if !ok {
		return nil
	}
	t.Cmd(flow.ChangeMapItem{DusunID: st.Dusun, ID: st.Item, Action: "edit", Title: title})
	t.Say(MsgEdited, flow.A{"title": title})
	return showMenuNext(t)
}

// newDescStep: the item's new description.
func newDescStep(t *flow.Turn, st *state) error {
	desc := flow.CutRunes(strings.TrimSpace(t.Text), domain.MaxMapDescLen)
	if utf8.RuneCountInString(desc) < 3 {
		t.Say(MsgAskNewDesc, nil)
		return nil
	}
	t.Cmd(flow.ChangeMapItem{DusunID: st.Dusun, ID: st.Item, Action: "edit", Desc: desc})
	t.Say(MsgEdited, flow.A{"title": st.ItemTitle})
	return showMenuNext(t)
}

// suggestionStep: take a resident's suggestion into the map, or reject it.
func suggestionStep(t *flow.Turn, st *state) error {
	n, ok := t.Choice(2)
	if !ok {
		return nil
	}
	action, done := "confirm", flow.Key("sug_accepted")
	if n == 2 {
		action, done = "reject", "sug_rejected"
	}
	t.Cmd(flow.ChangeMapItem{DusunID: st.Dusun, ID: st.Item, Action: action})
	t.Say(MsgSugDone, flow.A{"title": st.ItemTitle, "done": flow.Render(t.Lang, done, nil)})
	return showMenuNext(t)
}

// levelStep: the criteria of which level (very poor, poor).
func levelStep(t *flow.Turn, st *state) error {
	n, ok := t.Choice(2)
	if !ok {
		return nil
	}
	st.Level = domain.PovertyLevels[n-1]
	return showCriteria(t, st)
}

// countStep: the dusun's household counts, two or three numbers.
func countStep(t *flow.Turn, st *state) error {
	nums := numbersIn(t.Text)
	if len(nums) < 2 || len(nums) > 3 {
		t.Say(MsgCountBad, nil)
		return nil
	}
	c := domain.RTMCount{DusunID: st.Dusun, SangatMiskin: nums[0], Miskin: nums[1]}
	if len(nums) == 3 {
		c.Total = nums[2]
	}
	if c.Validate() != nil {
		t.Say(MsgCountBad, nil)
		return nil
	}
	t.Cmd(flow.SetRTMCount{Count: c})
	t.Say(MsgCountSaved, flow.A{"dusun": st.DusunName})
	return showMenuNext(t)
}
