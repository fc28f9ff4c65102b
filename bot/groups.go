package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/domain"
)

// GroupChannel is a channel that can post into groups (the WhatsApp
// adapter on whatsmeow; the Cloud API cannot for a number like ours: see
// the README, "WhatsApp groups"). Send with Message.Group set posts there.
type GroupChannel interface {
	Channel
	// Groups lists the groups the number is in now, with their members.
	Groups(ctx context.Context) ([]GroupInfo, error)
}

// GroupInfo is what the adapter knows of one group.
type GroupInfo struct {
	JID      string // …@g.us
	Name     string
	Announce bool // only admins may post
	CanPost  bool // false when Announce and the bot is not an admin
	Members  []GroupMember
}

// GroupMember is one participant, by phone (resolved from a LID by the
// adapter; a participant whose number it cannot learn is left out).
type GroupMember struct {
	Phone domain.Phone
	Admin bool
}

// GroupStore records what the adapter learns of groups. The adapter calls
// it from group events (the bot added or removed, members joining or
// leaving, the group's settings changed) and after connecting (the list of
// joined groups); every call is idempotent.
type GroupStore interface {
	// GroupSeen writes the group and replaces its members with info's.
	GroupSeen(ctx context.Context, channel string, info GroupInfo) error
	// GroupLeft marks the group as left by the bot's number (removed, or
	// the group deleted); it is never posted into again until seen.
	GroupLeft(ctx context.Context, channel, jid string) error
	// GroupMembersChanged adds (joined) or removes (left) members.
	GroupMembersChanged(ctx context.Context, channel, jid string, joined, left []GroupMember) error
	// GroupSettings records that posting was restricted to admins (or
	// opened again) and whether the bot may still post; when it may no
	// longer, the store tells whoever linked the group.
	GroupSettings(ctx context.Context, channel, jid string, announce, canPost bool) error
}
