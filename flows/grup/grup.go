// Package grup is what a WhatsApp group asks of the bot about itself —
// linking the group to an audience of a desa (HUBUNGKAN DUSUN KEJAMBON)
// and unlinking it (LEPASKAN GRUP), by a KPMD or facilitator of the desa —
// and a resident's wish for personal messages when their group gets the
// post (PESAN PRIBADI, PESAN GRUP). Every answer goes to the sender's own
// chat, never into the group (docs/ARCHITECTURE.md, "Groups").
package grup

import (
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// Name is the flow's name in the session: a cadre of several desa choosing
// the desa of a link, in private chat.
const Name = "grup"

// state is the link waiting for its desa.
type state struct {
	JID      string           `json:"jid"`
	Grup     string           `json:"grup,omitempty"`
	Name     string           `json:"name,omitempty"`
	Audience domain.Audience  `json:"aud"`
	Place    string           `json:"place,omitempty"`
	Pick     *flow.DesaChoice `json:"pick,omitempty"`
}

// Flow is the link's desa question; the commands start from the group
// (Group) or from a sentence (Personal), not from a keyword.
var Flow = &flow.Typed[state]{Called: Name, Stages: []flow.Step[state]{
	{Spec: flow.Pick("desa"), Run: desaStep, Needs: func(st state) bool { return st.Pick != nil && st.JID != "" }},
}}

// Group answers a link or unlink written in a group (t.In.Group set),
// privately; req is what answer.Group read.
func Group(t *flow.Turn, req answer.GroupRequest) error {
	g := t.In.Group
	if !t.Contact.Registered() {
		t.Say(flow.MsgGrupRefused, nil)
		return nil
	}
	name := groupName(t, g)
	if req.Action == answer.GroupUnlink {
		return unlink(t, g, name)
	}
	// Their desa that the group's number serves: a cadre of a desa the
	// number does not serve is refused as anyone else is.
	var desas []string
	for _, d := range flow.KPMDDesas(t.Contact) {
		if domain.InScope(d, t.Env.Scope) {
			desas = append(desas, d)
		}
	}
	if len(desas) == 0 {
		t.Say(flow.MsgGrupRefused, nil)
		return nil
	}
	switch {
	case g.Left:
		t.Say(flow.MsgGrupLeft, flow.A{"grup": name})
		return nil
	case g.Known && !g.CanPost:
		t.Say(flow.MsgGrupNoPost, flow.A{"grup": name})
		return nil
	}
	// Linked to a desa not theirs: only that desa's cadres change it.
	if g.Audience != "" && !flow.MayManage(t.Contact, g.DesaKode) {
		t.Say(flow.MsgGrupRefused, nil)
		return nil
	}
	st := state{JID: g.JID, Grup: name, Name: g.Name, Audience: domain.Audience(req.Audience), Place: req.Place}
	if len(desas) == 1 {
		return link(t, &st, desas[0])
	}
	if st.Audience == domain.AudienceDesa && st.Place != "" {
		// "HUBUNGKAN DESA SINDUMARTANI": the desa named, among theirs.
		places, err := t.DesaChoices(&flow.DesaChoice{Within: desas})
		if err != nil {
			return err
		}
		if found := flow.FindDesa(places, st.Place); len(found) == 1 {
			return link(t, &st, places[found[0]].Kode)
		}
	}
	if !t.Sess.Idle() && t.Sess.Flow != Name {
		// The question needs the private conversation: the one under way
		// ends, and they are told so.
		t.Say(flow.MsgGrupDesaChosenEnds, nil)
	}
	t.EndFlow()
	t.GoTo(Name, "desa")
	st.Pick = &flow.DesaChoice{Within: desas}
	flow.Save(t, st)
	if ok, err := t.AskDesa(st.Pick); err != nil || !ok {
		t.EndFlow()
		return err
	}
	return nil
}

// desaStep reads the desa of a link (a cadre of several desa).
func desaStep(t *flow.Turn, st *state) error {
	d, ok, err := t.ReadDesa(st.Pick)
	if err != nil || !ok {
		return err
	}
	st.Pick = nil
	t.EndFlow()
	return link(t, st, d.Kode)
}

// link links the group to the audience in desa, reading the dusun for
// DUSUN; on a dusun not found it says which there are.
func link(t *flow.Turn, st *state, desa string) error {
	desaName, err := t.DesaName(desa)
	if err != nil {
		return err
	}
	a := flow.A{"grup": st.Grup, "desa": desaName}
	cmd := flow.LinkGroup{JID: st.JID, Name: st.Name, DesaKode: desa, Audience: st.Audience}
	key := flow.MsgGrupLinkedDesa
	switch st.Audience {
	case domain.AudiencePerempuan:
		key = flow.MsgGrupLinkedPerempuan
	case domain.AudienceDusun:
		dusuns, err := t.View.Dusuns(t.Ctx, desa)
		if err != nil {
			return err
		}
		found := flow.MatchNames(st.Place, flow.DusunNames(dusuns))
		if len(found) != 1 && flow.FoldName(st.Place) == flow.FoldName(desaName) {
			// "@Suara Desa sambungke bimomartani": the desa's own name.
			st.Audience, st.Place = domain.AudienceDesa, ""
			return link(t, st, desa)
		}
		if len(found) != 1 {
			a["text"], a["list"] = flow.CutRunes(st.Place, 40), flow.Numbered(flow.DusunNames(dusuns))
			t.Say(flow.MsgGrupDusunNotFound, a)
			return nil
		}
		d := dusuns[found[0]]
		cmd.DusunID, a["dusun"] = &d.ID, d.Nama
		key = flow.MsgGrupLinkedDusun
	}
	t.Cmd(cmd)
	t.Say(key, a)
	return sentBefore(t, cmd)
}

// sentBefore names the coming meetings of the audience just linked whose
// invitation went out before the link: it is not in the group (the
// persona waited for it there), its reminders will be.
func sentBefore(t *flow.Turn, l flow.LinkGroup) error {
	ms, err := t.View.MeetingsNotPostedIn(t.Ctx, l.JID, l.DesaKode, t.Env.Now, 5)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if domain.GroupPostsFor(m.Audience, m.DusunID).Gets(l.Audience, l.DusunID) {
			t.Say(flow.MsgGrupSentBefore, rapat.MeetingArgs(t.Lang, m))
		}
	}
	return nil
}

// unlink unlinks the group, by a KPMD or facilitator of its desa.
func unlink(t *flow.Turn, g *flow.GroupInput, name string) error {
	switch {
	case g.Audience == "" && len(flow.KPMDDesas(t.Contact)) == 0:
		t.Say(flow.MsgGrupRefused, nil)
	case g.Audience == "":
		t.Say(flow.MsgGrupNotLinked, flow.A{"grup": name})
	case !flow.MayManage(t.Contact, g.DesaKode):
		t.Say(flow.MsgGrupRefused, nil)
	default:
		t.Cmd(flow.UnlinkGroup{JID: g.JID})
		t.Say(flow.MsgGrupUnlinked, flow.A{"grup": name})
	}
	return nil
}

// groupName is the group's name for a reply (flow.GroupLabel): quoted, or
// "ini" when the adapter has not told it yet.
func groupName(t *flow.Turn, g *flow.GroupInput) string {
	return flow.GroupLabel(t.Lang, g.Name)
}

// Personal records a resident's wish for personal messages even when
// their group gets the post (on), or for the group's post alone.
func Personal(t *flow.Turn, on bool) {
	t.Cmd(flow.SetWantsPersonal{On: on})
	if on {
		t.Say(flow.MsgPesanPribadiOn, nil)
		return
	}
	t.Say(flow.MsgPesanPribadiOff, nil)
}

// InPrivate answers a link or an unlink written in private chat: it is
// written in the group.
func InPrivate(t *flow.Turn, req answer.GroupRequest) {
	if req.Action == answer.GroupUnlink {
		t.Say(flow.MsgGrupInGroupUnlink, nil)
		return
	}
	t.Say(flow.MsgGrupInGroup, nil)
}
