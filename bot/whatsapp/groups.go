package whatsapp

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
)

// Groups at the boundary (docs/ARCHITECTURE.md, "Groups"): a message posted
// in a group becomes a bot.Inbound with Group set, and Mentioned when it
// mentions the bot or replies to it; the group events (the number added or
// removed, members joining or leaving, posting restricted to admins) and
// the list of joined groups after each connect go to Config.Groups.

var _ bot.GroupChannel = (*Adapter)(nil)

// inGroup tells whether a message was posted in a group.
func inGroup(info types.MessageInfo) bool { return info.Chat.Server == types.GroupServer }

// isSelf tells whether jid is the bot's own number, by phone or by LID.
func (a *Adapter) isSelf(jid types.JID) bool {
	jid = jid.ToNonAD()
	switch jid.Server {
	case types.DefaultUserServer:
		return "+"+jid.User == string(a.phone)
	case types.HiddenUserServer:
		own := a.LID()
		return !own.IsEmpty() && jid.User == own.User
	}
	return false
}

func (a *Adapter) isSelfString(s string) bool {
	jid, err := types.ParseJID(s)
	return err == nil && a.isSelf(jid)
}

// contextInfo is the context of a message that can mention or quote: the
// kinds the adapter reads (Convert) and video.
func contextInfo(m *waE2E.Message) *waE2E.ContextInfo {
	for _, c := range []interface{ GetContextInfo() *waE2E.ContextInfo }{
		m.GetExtendedTextMessage(), m.GetImageMessage(), m.GetVideoMessage(), m.GetAudioMessage(),
		m.GetDocumentMessage(), m.GetLocationMessage(), m.GetContactMessage(),
		m.GetButtonsResponseMessage(), m.GetListResponseMessage(), m.GetTemplateButtonReplyMessage(),
	} {
		if ci := c.GetContextInfo(); ci != nil {
			return ci
		}
	}
	return nil
}

// mentioned tells whether a group message addresses the bot: it mentions
// the bot's number or LID, or it replies to a message of the bot's (the
// quoted message's sender is the bot, or its id is one we sent).
func (a *Adapter) mentioned(ctx context.Context, m *waE2E.Message) bool {
	ci := contextInfo(m)
	if ci == nil {
		return false
	}
	for _, j := range ci.GetMentionedJID() {
		if a.isSelfString(j) {
			return true
		}
	}
	if p := ci.GetParticipant(); p != "" && a.isSelfString(p) {
		return true
	}
	if id := ci.GetStanzaID(); id != "" {
		if _, err := a.store.OutboundText(ctx, a.name, id); err == nil {
			return true
		}
	}
	return false
}

// unknownMember handles a group message from a member whose number is
// unknown: chatter is dropped; a message to the bot is held and the member
// asked privately for their number (never read from group text: a number
// posted in a group need not be the poster's).
func (a *Adapter) unknownMember(ctx context.Context, lid string, in bot.Inbound) bool {
	if lid == "" || !in.Mentioned {
		a.log.Debug("group message from a member whose number is unknown; ignored")
		return true
	}
	return a.hold(ctx, lid, in)
}

// memberPhone resolves a participant to a phone number: its phone JID,
// else the device store's LID map, else ours. It records the pairs it learns.
func (a *Adapter) memberPhone(ctx context.Context, jid, phoneJID types.JID) (domain.Phone, bool) {
	jid, phoneJID = jid.ToNonAD(), phoneJID.ToNonAD()
	if jid.Server == types.DefaultUserServer {
		phoneJID = jid
	}
	if phoneJID.Server == types.DefaultUserServer {
		phone, err := phoneOf(phoneJID)
		if err != nil {
			return "", false
		}
		if jid.Server == types.HiddenUserServer {
			a.saveLID(ctx, bot.CleanText(jid.String()), phone)
		}
		return phone, true
	}
	if jid.Server != types.HiddenUserServer {
		return "", false
	}
	// resolve's path for a sender with no alternative address.
	phone, _, ok := a.resolve(ctx, types.MessageInfo{MessageSource: types.MessageSource{Sender: jid}})
	return phone, ok
}

// groupInfo converts whatsmeow's group info: members by phone (the bot
// itself left out), CanPost from the bot's admin flag. Members whose number
// cannot be learnt are left out and counted in a log line.
func (a *Adapter) groupInfo(ctx context.Context, g *types.GroupInfo) bot.GroupInfo {
	info := bot.GroupInfo{JID: bot.CleanText(g.JID.ToNonAD().String()), Name: bot.CleanText(g.Name), Announce: g.IsAnnounce}
	admin, unknown := false, 0
	for _, p := range g.Participants {
		if a.isSelf(p.JID) || a.isSelf(p.PhoneNumber) || a.isSelf(p.LID) {
			admin = p.IsAdmin || p.IsSuperAdmin
			continue
		}
		phone, ok := a.memberPhone(ctx, p.JID, p.PhoneNumber)
		if !ok {
			unknown++
			continue
		}
		info.Members = append(info.Members, bot.GroupMember{Phone: phone, Admin: p.IsAdmin || p.IsSuperAdmin})
	}
	if unknown > 0 {
		a.log.Info("group members without a known number left out", "group", info.JID, "unknown", unknown, "known", len(info.Members))
	}
	info.CanPost = !info.Announce || admin
	return info
}

// members resolves the JIDs of a join or leave event.
func (a *Adapter) members(ctx context.Context, group string, jids []types.JID) []bot.GroupMember {
	var out []bot.GroupMember
	unknown := 0
	for _, j := range jids {
		if phone, ok := a.memberPhone(ctx, j, types.EmptyJID); ok {
			out = append(out, bot.GroupMember{Phone: phone})
		} else {
			unknown++
		}
	}
	if unknown > 0 {
		a.log.Info("group members without a known number left out", "group", group, "unknown", unknown, "known", len(out))
	}
	return out
}

// Groups implements bot.GroupChannel: the groups the number is in now.
func (a *Adapter) Groups(ctx context.Context) ([]bot.GroupInfo, error) {
	joined, err := a.client.GetJoinedGroups(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]bot.GroupInfo, 0, len(joined))
	for _, g := range joined {
		if g != nil {
			out = append(out, a.groupInfo(ctx, g))
		}
	}
	return out, nil
}

// SyncGroups records every group the number is in (after each connect: a
// group joined while the service was down is known at once).
func (a *Adapter) SyncGroups(ctx context.Context) error {
	if a.cfg.Groups == nil {
		return nil
	}
	groups, err := a.Groups(ctx)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if err := a.cfg.Groups.GroupSeen(ctx, a.name, g); err != nil {
			return err
		}
	}
	a.log.Info("whatsapp groups read", "groups", len(groups))
	return nil
}

func (a *Adapter) syncGroups() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := a.SyncGroups(ctx); err != nil {
		a.log.Warn("reading joined groups", "err", err)
	}
}

// groupDone logs a group store's failure; false makes WhatsApp deliver the
// notification again.
func (a *Adapter) groupDone(err error, what string) bool {
	if err != nil {
		a.log.Warn("group event not recorded; WhatsApp will deliver it again", "event", what, "err", err)
		return false
	}
	return true
}

// onJoinedGroup: the number was added to a group (or joined by a link).
func (a *Adapter) onJoinedGroup(ctx context.Context, e *events.JoinedGroup) bool {
	if a.cfg.Groups == nil {
		return true
	}
	return a.groupDone(a.cfg.Groups.GroupSeen(ctx, a.name, a.groupInfo(ctx, &e.GroupInfo)), "joined")
}

// onGroupInfo turns a group change into the store's calls: the number
// removed or the group deleted → GroupLeft; the number added back → the
// group read again; members joining or leaving → GroupMembersChanged;
// posting restricted or opened, or the number made or unmade admin →
// GroupSettings; a new name or other admins → the group read again. A
// locked group (only admins edit its name and picture) changes no post.
func (a *Adapter) onGroupInfo(ctx context.Context, e *events.GroupInfo) bool {
	gs := a.cfg.Groups
	if gs == nil {
		return true
	}
	jid := bot.CleanText(e.JID.ToNonAD().String())
	if e.Delete != nil || a.hasSelf(e.Leave) {
		return a.groupDone(gs.GroupLeft(ctx, a.name, jid), "left")
	}
	if a.hasSelf(e.Join) {
		return a.groupDone(a.refreshGroup(ctx, e.JID, false), "rejoined")
	}
	if len(e.Join) > 0 || len(e.Leave) > 0 {
		joined, left := a.members(ctx, jid, e.Join), a.members(ctx, jid, e.Leave)
		if err := gs.GroupMembersChanged(ctx, a.name, jid, joined, left); err != nil {
			return a.groupDone(err, "members")
		}
	}
	settings := e.Announce != nil || a.hasSelf(e.Promote) || a.hasSelf(e.Demote)
	if settings || e.Name != nil || len(e.Promote) > 0 || len(e.Demote) > 0 {
		return a.groupDone(a.refreshGroup(ctx, e.JID, settings), "settings")
	}
	return true
}

// refreshGroup reads a group again and records it; with settings, first
// whether the bot may post there (GroupSettings tells whoever linked the
// group when it may no longer). A group the number is no longer in is
// recorded as left.
func (a *Adapter) refreshGroup(ctx context.Context, jid types.JID, settings bool) error {
	gs := a.cfg.Groups
	g, err := a.client.GetGroupInfo(ctx, jid)
	if gone(err) {
		return gs.GroupLeft(ctx, a.name, bot.CleanText(jid.ToNonAD().String()))
	}
	if err != nil {
		return err
	}
	info := a.groupInfo(ctx, g)
	if settings {
		if err := gs.GroupSettings(ctx, a.name, info.JID, info.Announce, info.CanPost); err != nil {
			return err
		}
	}
	return gs.GroupSeen(ctx, a.name, info)
}

func (a *Adapter) hasSelf(jids []types.JID) bool {
	for _, j := range jids {
		if a.isSelf(j) {
			return true
		}
	}
	return false
}

// gone tells whether whatsmeow reports that the number is not in a group
// (removed) or that the group does not exist (deleted).
func gone(err error) bool {
	return errors.Is(err, whatsmeow.ErrNotInGroup) || errors.Is(err, whatsmeow.ErrGroupNotFound)
}

func isGroupJID(s string) bool { return strings.HasSuffix(s, "@"+types.GroupServer) }
