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
	"github.com/suaradesa/suaradesa/flows/flow"
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
		own := a.ownLID()
		return !own.IsEmpty() && jid.User == own.User
	}
	return false
}

// ownLID is the number's own LID: the device's, else (a session paired
// before LIDs) the device store's LID map's for the number, kept once found
// and asked again at most once a minute while unknown.
func (a *Adapter) ownLID() types.JID {
	if own := a.LID(); !own.IsEmpty() {
		return own
	}
	if found := a.ownLIDFound.Load(); found != nil {
		return *found
	}
	if a.lids == nil || time.Since(time.Unix(0, a.ownLIDMissed.Load())) < time.Minute {
		return types.EmptyJID // asked within the minute: a group's members cost one query, not each
	}
	ctx, cancel := context.WithTimeout(a.lifeCtx(), 5*time.Second)
	defer cancel()
	own, err := a.lids.GetLIDForPN(ctx, types.NewJID(strings.TrimPrefix(string(a.phone), "+"), types.DefaultUserServer))
	if err != nil || own.IsEmpty() {
		a.ownLIDMissed.Store(time.Now().UnixNano())
		return types.EmptyJID
	}
	own = own.ToNonAD()
	a.ownLIDFound.Store(&own)
	return own
}

// maybeSelf tells whether s may be the bot although isSelf says no: a LID
// while the number's own LID is unknown, or an address that cannot be read.
func (a *Adapter) maybeSelf(s string) bool {
	jid, err := types.ParseJID(s)
	if err != nil {
		return true
	}
	return jid.Server == types.HiddenUserServer && a.ownLID().IsEmpty()
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
// quoted message's sender is the bot, or its id is one we sent). The id is
// looked up only when the quoted sender may be the bot: replies among
// members cost no query.
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
	if p := ci.GetParticipant(); p != "" {
		if a.isSelfString(p) {
			return true
		}
		if !a.maybeSelf(p) {
			return false // a reply to another member
		}
	}
	if id := ci.GetStanzaID(); id != "" {
		if _, err := a.store.OutboundText(ctx, a.name, id); err == nil {
			return true
		}
	}
	return false
}

// unknownMember handles a group message from a member whose number is
// unknown: it is dropped. When it addressed the bot, the member is asked
// privately for their number, once (a notice logged under the LID). The
// message is not held: replayed later it would be a personal message,
// without its group, answering whatever their private conversation waits
// for. The number is never read from group text: a number posted in a
// group need not be the poster's.
func (a *Adapter) unknownMember(ctx context.Context, lid string, in bot.Inbound) bool {
	if lid == "" || !in.Mentioned {
		a.log.Debug("group message from a member whose number is unknown; ignored")
		return true
	}
	question := flow.Render(flow.LangID, flow.MsgAskNumber, nil)
	if _, err := a.store.Notice(ctx, a.name, "asknumber/"+lid, domain.Phone(lid), question); err != nil {
		a.log.Warn("asking a group member for their number", "err", err)
		return false
	}
	return true
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

// members resolves the JIDs of a join or leave event; false when one of
// them has no known number.
func (a *Adapter) members(ctx context.Context, jids []types.JID) ([]bot.GroupMember, bool) {
	var out []bot.GroupMember
	for _, j := range jids {
		phone, ok := a.memberPhone(ctx, j, types.EmptyJID)
		if !ok {
			return nil, false
		}
		out = append(out, bot.GroupMember{Phone: phone})
	}
	return out, true
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

// SyncGroups records every group the number is in (after a connect: a
// group joined while the service was down is known at once). It holds the
// group lock from the read to the last write: a join or leave handled
// meanwhile waits and is applied over the snapshot, never under it.
func (a *Adapter) SyncGroups(ctx context.Context) error {
	if a.cfg.Groups == nil {
		return nil
	}
	a.groupMu.Lock()
	defer a.groupMu.Unlock()
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

// startGroupSync starts a SyncGroups in the background, unless one runs,
// one started within Config.GroupSyncEvery, or the adapter's context ended.
func (a *Adapter) startGroupSync() {
	life := a.lifeCtx()
	if a.cfg.Groups == nil || life.Err() != nil {
		return
	}
	now := a.Now()
	if last := a.lastSync.Load(); last != 0 && now.Sub(time.Unix(0, last)) < a.cfg.GroupSyncEvery {
		return
	}
	if !a.syncing.CompareAndSwap(false, true) {
		return
	}
	a.lastSync.Store(now.UnixNano())
	go func() {
		defer a.syncing.Store(false)
		ctx, cancel := context.WithTimeout(life, time.Minute)
		defer cancel()
		if err := a.SyncGroups(ctx); err != nil {
			a.log.Warn("reading joined groups", "err", err)
		}
	}()
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
	a.groupMu.Lock()
	defer a.groupMu.Unlock()
	return a.groupDone(a.cfg.Groups.GroupSeen(ctx, a.name, a.groupInfo(ctx, &e.GroupInfo)), "joined")
}

// onGroupInfo turns a group change into the store's calls: the number
// removed or the group deleted → GroupLeft; the number added back → the
// group read again; members joining or leaving → GroupMembersChanged;
// posting restricted or opened, or the number made or unmade admin →
// GroupSettings; a new name or other admins → the group read again. A
// join or leave with a member whose number is unknown reads the group again
// instead (a leaver left in would get no personal message). A locked group
// (only admins edit its name and picture) changes no post.
func (a *Adapter) onGroupInfo(ctx context.Context, e *events.GroupInfo) bool {
	gs := a.cfg.Groups
	if gs == nil {
		return true
	}
	a.groupMu.Lock()
	defer a.groupMu.Unlock()
	jid := bot.CleanText(e.JID.ToNonAD().String())
	if e.Delete != nil || a.hasSelf(e.Leave) {
		return a.groupDone(gs.GroupLeft(ctx, a.name, jid), "left")
	}
	if a.hasSelf(e.Join) {
		return a.groupDone(a.refreshGroup(ctx, e.JID, false), "rejoined")
	}
	if len(e.Join) > 0 || len(e.Leave) > 0 {
		joined, ok1 := a.members(ctx, e.Join)
		left, ok2 := a.members(ctx, e.Leave)
		var err error
		if ok1 && ok2 {
			err = gs.GroupMembersChanged(ctx, a.name, jid, joined, left)
		} else {
			a.log.Info("a joining or leaving member's number is unknown; the group is read again", "group", jid)
			err = a.refreshGroup(ctx, e.JID, false)
		}
		if err != nil {
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
	if g == nil {
		return errors.New("whatsapp returned no group info")
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
