package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// WhatsApp groups: linking the group a message was posted in, and a
// resident's wish for personal messages.
var groupEffects = []effect{
	effectOf(personal, func(ctx context.Context, a applying, c flow.LinkGroup) error {
		err := a.turn.LinkGroup(ctx, a.in.Channel, c.JID, postgres.GroupLink{DesaKode: c.DesaKode, Audience: c.Audience,
			DusunID: c.DusunID, By: string(a.in.From)})
		// Left or closed since the step read it: the reply says so instead.
		rule, _ := domain.RuleOf(err)
		var key flow.Key
		switch {
		case rule == postgres.ErrGroupLeft:
			key = flow.MsgGrupLeft
		case rule == postgres.ErrGroupNoPost:
			key = flow.MsgGrupNoPost
		default:
			return err
		}
		if a.replies != nil {
			lang := flow.LangID
			if c := a.turn.Contact(); c != nil && c.Lang != "" {
				lang = c.Lang
			}
			*a.replies = []flow.Reply{{Text: flow.Render(lang, key, flow.A{"grup": flow.GroupLabel(lang, c.Name)})}}
		}
		return nil
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.UnlinkGroup) error {
		return a.turn.UnlinkGroup(ctx, a.in.Channel, c.JID)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetWantsPersonal) error {
		return a.turn.SetWantsPersonal(ctx, c.On)
	}),
}

// GroupRecords is the GroupStore of the WhatsApp adapter over the store:
// what it learns of groups is written there, and the one who linked a group
// where the number may no longer post is told in their language
// (flow.MsgGrupCannotPost).
type GroupRecords struct{ Store *postgres.Store }

var _ GroupStore = GroupRecords{}

func groupMembers(ms []GroupMember) []postgres.WAGroupMember {
	out := make([]postgres.WAGroupMember, len(ms))
	for i, m := range ms {
		out[i] = postgres.WAGroupMember{Phone: m.Phone, Admin: m.Admin}
	}
	return out
}

// cannotPost is the message to a group's linker, by language, naming the
// group as a reply does (flow.GroupLabelInside: never "grup 'Grup RT 03'"); the
// store calls it with the group's name as stored.
func cannotPost(name string) postgres.Texts {
	out := make(postgres.Texts, len(flow.Langs))
	for _, l := range flow.Langs {
		out[l] = flow.Render(l, flow.MsgGrupCannotPost, flow.A{"grup": flow.GroupLabelInside(l, name), "nama": "{nama}"})
	}
	return out
}

// GroupSeen implements GroupStore.
func (g GroupRecords) GroupSeen(ctx context.Context, channel string, info GroupInfo) error {
	return g.Store.GroupSeen(ctx, channel, info.JID, info.Name, info.Announce, info.CanPost, groupMembers(info.Members), cannotPost)
}

// GroupLeft implements GroupStore.
func (g GroupRecords) GroupLeft(ctx context.Context, channel, jid string) error {
	return g.Store.GroupLeft(ctx, channel, jid)
}

// GroupMembersChanged implements GroupStore.
func (g GroupRecords) GroupMembersChanged(ctx context.Context, channel, jid string, joined, left []GroupMember) error {
	return g.Store.GroupMembersChanged(ctx, channel, jid, groupMembers(joined), groupMembers(left))
}

// GroupSettings implements GroupStore.
func (g GroupRecords) GroupSettings(ctx context.Context, channel, jid string, announce, canPost bool) error {
	return g.Store.GroupSettings(ctx, channel, jid, announce, canPost, cannotPost)
}
