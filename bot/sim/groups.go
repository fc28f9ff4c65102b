package sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
)

// Simulated WhatsApp groups (docs/ARCHITECTURE.md, "The simulator
// contract"): kept in this process's memory, told to the GroupStore as the
// whatsmeow adapter tells it of real ones, so that the service above sees
// no difference.

// GroupSpec is a group as POST /sim/groups creates it and SIM_GROUPS lists
// them.
type GroupSpec struct {
	JID      string   `json:"jid"` // …@g.us; made up when empty
	Name     string   `json:"name"`
	Members  []string `json:"members"` // phone numbers, in any form ParsePhone reads
	Announce bool     `json:"announce"`
	BotAdmin bool     `json:"bot_admin"`
}

var _ bot.GroupChannel = (*Channel)(nil)

// DefaultGroupGap is the least time between two posts to one simulated
// group, as on WhatsApp (bot/whatsapp.GroupGap).
const DefaultGroupGap = time.Minute

// maxGroupName is WhatsApp's limit on a group's subject.
const maxGroupName = 100

// maxGroupMembers is WhatsApp's limit on a group's participants.
const maxGroupMembers = 1024

// group is one simulated group; the bot's number is in it.
type group struct {
	jid, name string
	announce  bool
	botAdmin  bool
	members   []domain.Phone // sorted
	posted    time.Time      // the last post sent into it
}

func (g *group) canPost() bool { return !g.announce || g.botAdmin }

func (g *group) info() bot.GroupInfo {
	gi := bot.GroupInfo{JID: g.jid, Name: g.name, Announce: g.announce, CanPost: g.canPost(),
		Members: make([]bot.GroupMember, len(g.members))}
	for i, p := range g.members {
		gi.Members[i] = bot.GroupMember{Phone: p}
	}
	return gi
}

func (g *group) member(p domain.Phone) bool {
	_, ok := slices.BinarySearch(g.members, p)
	return ok
}

// IsGroupJID tells whether s names a group: a local part of letters,
// digits, '.', '_' or '-' (at most 64), then "@g.us".
func IsGroupJID(s string) bool {
	local, ok := strings.CutSuffix(s, "@g.us")
	if !ok || local == "" || len(local) > 64 {
		return false
	}
	for _, r := range local {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// ParseGroupSpecs reads SIM_GROUPS's file: a JSON array of groups as
// POST /sim/groups takes them. Each is checked as that request is.
func ParseGroupSpecs(raw []byte) ([]GroupSpec, error) {
	var specs []GroupSpec
	if err := json.Unmarshal(raw, &specs); err != nil {
		return nil, fmt.Errorf("not a JSON array of groups: %w", err)
	}
	seen := map[string]bool{}
	for i, s := range specs {
		if s.JID == "" {
			return nil, fmt.Errorf("group %d: a configured group needs its \"jid\"", i+1)
		}
		if _, err := checkSpec(s); err != nil {
			return nil, fmt.Errorf("group %d: %w", i+1, err)
		}
		if seen[s.JID] {
			return nil, fmt.Errorf("group %d: %s listed twice", i+1, s.JID)
		}
		seen[s.JID] = true
	}
	return specs, nil
}

// checkSpec checks a group's description; every error is a message for
// the client.
func checkSpec(s GroupSpec) (*group, error) {
	g := &group{jid: s.JID, name: strings.TrimSpace(s.Name), announce: s.Announce, botAdmin: s.BotAdmin}
	if g.jid != "" && !IsGroupJID(g.jid) {
		return nil, errors.New("\"jid\" must be letters, digits, '.', '_' or '-' followed by @g.us")
	}
	if g.name == "" || utf8.RuneCountInString(g.name) > maxGroupName {
		return nil, fmt.Errorf("\"name\" is required, at most %d characters", maxGroupName)
	}
	members, err := phones(s.Members, "members")
	if err != nil {
		return nil, err
	}
	if len(members) == 0 {
		return nil, errors.New("\"members\" needs at least one number: a member adds the bot's number")
	}
	if len(members) > maxGroupMembers {
		return nil, fmt.Errorf("a group has at most %d members", maxGroupMembers)
	}
	g.members = members
	return g, nil
}

// phones parses a list of numbers, sorted and without repeats.
func phones(raw []string, field string) ([]domain.Phone, error) {
	out := make([]domain.Phone, 0, len(raw))
	for _, s := range raw {
		p, err := domain.ParsePhone(s)
		if err != nil {
			return nil, fmt.Errorf("bad phone number %q in %q", s, field)
		}
		out = append(out, p)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func (c *Channel) groupGap() time.Duration {
	if c.GroupGap > 0 {
		return c.GroupGap
	}
	return DefaultGroupGap
}

// Groups implements bot.GroupChannel: the simulated groups, by JID.
func (c *Channel) Groups(context.Context) ([]bot.GroupInfo, error) {
	c.gmu.Lock()
	defer c.gmu.Unlock()
	out := make([]bot.GroupInfo, 0, len(c.groups))
	for _, g := range c.groups {
		out = append(out, g.info())
	}
	slices.SortFunc(out, func(a, b bot.GroupInfo) int { return strings.Compare(a.JID, b.JID) })
	return out, nil
}

// LoadGroups adds the configured groups (SIM_GROUPS) at start and tells
// the GroupStore of each, as the WhatsApp adapter announces the joined
// groups after connecting. A group that could not be added is reported
// and the others are still added.
func (c *Channel) LoadGroups(ctx context.Context, specs []GroupSpec) error {
	var errs []error
	for _, s := range specs {
		if _, err := c.addGroup(ctx, s); err != nil {
			errs = append(errs, fmt.Errorf("simulated group %s: %w", s.JID, err))
		}
	}
	return errors.Join(errs...)
}

// errGroupExists and errNoGroup are answered 409 and 404.
var (
	errGroupExists = errors.New("the group exists already: change its members with POST /sim/groups/{jid}/members")
	errNoGroup     = errors.New("no such group (the bot's number is not in it)")
)

// clientError is a request's fault, answered 400 with its message.
type clientError struct{ error }

// addGroup creates a group with the bot's number in it.
func (c *Channel) addGroup(ctx context.Context, s GroupSpec) (groupBody, error) {
	g, err := checkSpec(s)
	if err != nil {
		return groupBody{}, clientError{err}
	}
	if g.jid == "" {
		g.jid = "sim-" + newID()[:12] + "@g.us"
	}
	c.gmu.Lock()
	defer c.gmu.Unlock()
	if _, ok := c.groups[g.jid]; ok {
		return groupBody{}, errGroupExists
	}
	if c.GroupStore != nil {
		if err := c.GroupStore.GroupSeen(ctx, Name, g.info()); err != nil {
			return groupBody{}, err
		}
	}
	if c.groups == nil {
		c.groups = map[string]*group{}
	}
	c.groups[g.jid] = g
	return bodyOf(g), nil
}

// groupsBody is GET /sim/groups's answer; groupBody is one group.
type groupsBody struct {
	Groups []groupBody `json:"groups"`
}

type groupBody struct {
	JID      string   `json:"jid"`
	Name     string   `json:"name"`
	Announce bool     `json:"announce"`
	BotAdmin bool     `json:"bot_admin"`
	CanPost  bool     `json:"can_post"`
	Members  []string `json:"members"`
}

func bodyOf(g *group) groupBody {
	b := groupBody{JID: g.jid, Name: g.name, Announce: g.announce, BotAdmin: g.botAdmin, CanPost: g.canPost(),
		Members: make([]string, len(g.members))}
	for i, p := range g.members {
		b.Members[i] = string(p)
	}
	return b
}

func (c *Channel) listGroups(w http.ResponseWriter, _ *http.Request) {
	c.gmu.Lock()
	out := groupsBody{Groups: make([]groupBody, 0, len(c.groups))}
	for _, g := range c.groups {
		out.Groups = append(out.Groups, bodyOf(g))
	}
	c.gmu.Unlock()
	slices.SortFunc(out.Groups, func(a, b groupBody) int { return strings.Compare(a.JID, b.JID) })
	writeJSON(w, http.StatusOK, out)
}

// maxGroupBody bounds a groups request: a thousand numbers and a name.
const maxGroupBody = 64 << 10

// readJSON decodes a small request body into v; false when it answered an
// error.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxGroupBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{fmt.Sprintf("body larger than %d KB", maxGroupBody>>10)})
		return false
	case err != nil:
		writeJSON(w, http.StatusBadRequest, errorBody{"could not read the body"})
		return false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"malformed JSON"})
		return false
	}
	return true
}

// groupError answers a failed groups request.
func (c *Channel) groupError(w http.ResponseWriter, err error) {
	var ce clientError
	switch {
	case errors.As(err, &ce):
		writeJSON(w, http.StatusBadRequest, errorBody{ce.Error()})
	case errors.Is(err, errGroupExists):
		writeJSON(w, http.StatusConflict, errorBody{err.Error()})
	case errors.Is(err, errNoGroup):
		writeJSON(w, http.StatusNotFound, errorBody{err.Error()})
	default:
		c.Log.Warn("sim groups", "err", err)
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"temporarily unavailable, send again"})
	}
}

func (c *Channel) createGroup(w http.ResponseWriter, r *http.Request) {
	var s GroupSpec
	if !readJSON(w, r, &s) {
		return
	}
	b, err := c.addGroup(r.Context(), s)
	if err != nil {
		c.groupError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, b)
}

// withGroup runs fn on the group named in the path, under the lock.
func (c *Channel) withGroup(r *http.Request, fn func(g *group) error) error {
	jid := r.PathValue("jid")
	c.gmu.Lock()
	defer c.gmu.Unlock()
	g, ok := c.groups[jid]
	if !ok {
		return errNoGroup
	}
	return fn(g)
}

func (c *Channel) changeMembers(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Join  []string `json:"join"`
		Leave []string `json:"leave"`
	}
	if !readJSON(w, r, &b) {
		return
	}
	join, err := phones(b.Join, "join")
	if err == nil {
		var leave []domain.Phone
		if leave, err = phones(b.Leave, "leave"); err == nil {
			err = c.withGroup(r, func(g *group) error { return c.members(r.Context(), g, join, leave) })
		}
	}
	c.groupReply(w, r, err)
}

// members changes a group's members; g's lock is held.
func (c *Channel) members(ctx context.Context, g *group, join, leave []domain.Phone) error {
	var joined, left []bot.GroupMember
	next := slices.Clone(g.members)
	for _, p := range join {
		if !g.member(p) && !slices.Contains(leave, p) {
			joined = append(joined, bot.GroupMember{Phone: p})
			next = append(next, p)
		}
	}
	for _, p := range leave {
		if g.member(p) {
			left = append(left, bot.GroupMember{Phone: p})
			next = slices.DeleteFunc(next, func(q domain.Phone) bool { return q == p })
		}
	}
	if len(next) > maxGroupMembers {
		return clientError{fmt.Errorf("a group has at most %d members", maxGroupMembers)}
	}
	if len(joined)+len(left) == 0 {
		return nil
	}
	if c.GroupStore != nil {
		if err := c.GroupStore.GroupMembersChanged(ctx, Name, g.jid, joined, left); err != nil {
			return err
		}
	}
	slices.Sort(next)
	g.members = next
	return nil
}

func (c *Channel) changeSettings(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Announce *bool `json:"announce"`
		BotAdmin *bool `json:"bot_admin"`
	}
	if !readJSON(w, r, &b) {
		return
	}
	err := c.withGroup(r, func(g *group) error {
		next := *g
		if b.Announce != nil {
			next.announce = *b.Announce
		}
		if b.BotAdmin != nil {
			next.botAdmin = *b.BotAdmin
		}
		if next.announce == g.announce && next.canPost() == g.canPost() {
			g.botAdmin = next.botAdmin
			return nil
		}
		if c.GroupStore != nil {
			if err := c.GroupStore.GroupSettings(r.Context(), Name, g.jid, next.announce, next.canPost()); err != nil {
				return err
			}
		}
		g.announce, g.botAdmin = next.announce, next.botAdmin
		return nil
	})
	c.groupReply(w, r, err)
}

// groupReply answers a change with the group as it is now.
func (c *Channel) groupReply(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		err = c.withGroup(r, func(g *group) error {
			writeJSON(w, http.StatusOK, bodyOf(g))
			return nil
		})
	}
	if err != nil {
		c.groupError(w, err)
	}
}

// deleteGroup removes the bot's number from a group (GroupLeft).
func (c *Channel) deleteGroup(w http.ResponseWriter, r *http.Request) {
	jid := r.PathValue("jid")
	err := c.withGroup(r, func(g *group) error {
		if c.GroupStore != nil {
			if err := c.GroupStore.GroupLeft(r.Context(), Name, jid); err != nil {
				return err
			}
		}
		delete(c.groups, jid)
		return nil
	})
	if err != nil {
		c.groupError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// checkMember refuses a group message from someone who is not in the
// group: WhatsApp would not deliver it.
func (c *Channel) checkMember(jid string, from domain.Phone) error {
	c.gmu.Lock()
	defer c.gmu.Unlock()
	g, ok := c.groups[jid]
	if !ok {
		return fmt.Errorf("no group %s: create it with POST /sim/groups", jid)
	}
	if !g.member(from) {
		return fmt.Errorf("%s is not a member of group %s: add it with POST /sim/groups/{jid}/members", from, jid)
	}
	return nil
}

// post takes the group's slot for a post now, as the WhatsApp adapter
// does: at most one post a GroupGap per group (a DeferError until the
// next slot), none into a group the number is not in (it is told to the
// GroupStore as left) or may not post in.
func (c *Channel) post(ctx context.Context, jid string) error {
	c.gmu.Lock()
	defer c.gmu.Unlock()
	g, ok := c.groups[jid]
	if !ok {
		if c.GroupStore != nil {
			if err := c.GroupStore.GroupLeft(ctx, Name, jid); err != nil {
				return err // retried: the store should learn it
			}
		}
		return &bot.PermanentError{Err: fmt.Errorf("not in group %s", jid)}
	}
	if !g.canPost() {
		return &bot.PermanentError{Err: fmt.Errorf("only admins may post in group %s", jid)}
	}
	now := time.Now()
	if next := g.posted.Add(c.groupGap()); !g.posted.IsZero() && now.Before(next) {
		return &bot.DeferError{Until: next, Reason: "one post per group every " + c.groupGap().String()}
	}
	g.posted = now
	return nil
}
