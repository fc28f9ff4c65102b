package whatsapp

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"google.golang.org/protobuf/proto"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
)

// Pace is how fast a number sends: each conversation at its own pace
// under the number's ceiling (bot.Pace), and broadcasts stop at a daily
// cap that ramps up for a new number.
type Pace struct {
	bot.Pace
	// DailyCap bounds broadcast messages a day (default 300).
	DailyCap int
	// RampStart is when the number began sending; the cap is then
	// RampPerDay × days since (default 50 a day), up to DailyCap.
	RampStart  time.Time
	RampPerDay int
}

// DefaultPace: a reply 1–3 s after the person's message (the typing
// indicator shows meanwhile) and 1.5–3 s after our previous message to
// them; at most 1 message a second and 30 a minute over all conversations
// of the number (README, "Pacing", gives the evidence); pushes 4–8 s apart,
// broadcasts 12–25 s apart (about 3 a minute), at most 300 broadcasts a day.
func DefaultPace() Pace {
	return Pace{
		Pace: bot.Pace{
			Reply:     [2]time.Duration{1 * time.Second, 3 * time.Second},
			Gap:       [2]time.Duration{1500 * time.Millisecond, 3 * time.Second},
			Push:      [2]time.Duration{4 * time.Second, 8 * time.Second},
			Broadcast: [2]time.Duration{12 * time.Second, 25 * time.Second},
			PerSecond: 1,
			PerMinute: 30,
		},
		DailyCap:   300,
		RampPerDay: 50,
	}
}

type pacer struct {
	p     Pace
	sched *bot.Scheduler
	mu    sync.Mutex
	day   string
	count int
	// Per group: the latest post booked and the latest sent.
	groupBooked, groupPosted map[string]time.Time
}

// GroupGap is the least time between two posts to one group.
const GroupGap = time.Minute

func newPacer(p Pace, clock bot.Clock) *pacer {
	d := DefaultPace()
	for _, r := range []struct{ dst, def *[2]time.Duration }{
		{&p.Reply, &d.Reply}, {&p.Gap, &d.Gap}, {&p.Push, &d.Push}, {&p.Broadcast, &d.Broadcast}} {
		if r.dst[1] == 0 {
			*r.dst = *r.def
		}
	}
	if p.PerSecond <= 0 {
		p.PerSecond = d.PerSecond
	}
	if p.PerMinute <= 0 {
		p.PerMinute = d.PerMinute
	}
	if p.DailyCap <= 0 {
		p.DailyCap = d.DailyCap
	}
	if p.RampPerDay <= 0 {
		p.RampPerDay = d.RampPerDay
	}
	return &pacer{p: p, sched: bot.NewScheduler(p.Pace, clock),
		groupBooked: map[string]time.Time{}, groupPosted: map[string]time.Time{}}
}

// Book implements bot.Pacer. A post to a group (to is its JID) is not
// booked within GroupGap of the group's previous one.
func (a *Adapter) Book(to domain.Phone, kind string, within time.Duration) (time.Time, bool) {
	if !isGroupJID(string(to)) {
		return a.pacer.sched.Book(to, kind, within)
	}
	p := a.pacer
	p.mu.Lock()
	defer p.mu.Unlock()
	if next := p.groupNext(string(to)); next.After(a.Now()) {
		return next, false
	}
	at, ok := p.sched.Book(to, kind, within)
	if ok {
		p.groupBooked[string(to)] = at
	}
	return at, ok
}

// groupNext is the earliest time of the group's next post. p.mu is held.
func (p *pacer) groupNext(jid string) time.Time {
	last := p.groupBooked[jid]
	if posted := p.groupPosted[jid]; posted.After(last) {
		last = posted
	}
	if last.IsZero() {
		return last
	}
	return last.Add(GroupGap)
}

// takeGroupSlot records a post to a group now, or reports when the next
// may go. A failed send keeps its slot: it may have reached the group.
func (p *pacer) takeGroupSlot(jid string, now time.Time) (bool, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if last := p.groupPosted[jid]; !last.IsZero() && now.Before(last.Add(GroupGap)) {
		return false, last.Add(GroupGap)
	}
	p.groupPosted[jid] = now
	return true, time.Time{}
}

// Clock implements bot.Pacer.
func (a *Adapter) Clock() bot.Clock { return a.pacer.sched.Clock() }

// Typing implements bot.Typer: the person sees "typing…" while a message
// to them waits for its time.
func (a *Adapter) Typing(ctx context.Context, to domain.Phone) {
	if isGroupJID(string(to)) {
		return // no "typing…" in a group
	}
	chat, err := a.chatFor(string(to))
	if err != nil {
		return
	}
	if err := a.client.SendChatPresence(ctx, chat, types.ChatPresenceComposing, types.ChatPresenceMediaText); err != nil {
		a.log.Debug("typing indicator", "err", err)
	}
}

// DailyCap is the broadcast cap for the day of now.
func (p Pace) DailyCapAt(now time.Time) int {
	if p.RampStart.IsZero() || p.RampPerDay <= 0 {
		return p.DailyCap
	}
	days := int(now.Sub(p.RampStart).Hours()/24) + 1
	return max(p.RampPerDay, min(p.DailyCap, days*p.RampPerDay))
}

// takeBroadcastSlot counts a broadcast against today's cap, or reports
// when the next day starts.
func (p *pacer) takeBroadcastSlot(now time.Time) (bool, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	day := now.Format("2006-01-02")
	if day != p.day {
		p.day, p.count = day, 0
	}
	if p.count >= p.p.DailyCapAt(now) {
		y, m, d := now.Date()
		return false, time.Date(y, m, d+1, 7, 0, 0, 0, now.Location()) // tomorrow morning
	}
	p.count++
	return true, time.Time{}
}

// Send implements bot.Channel. It sends with an id derived from the
// outbound row, so a resend after a crash is the same message. A message
// with Group set is posted in that group, at most one a GroupGap.
func (a *Adapter) Send(ctx context.Context, m bot.Message) (string, error) {
	now := a.Now()
	switch st := a.State(); {
	case st == StateBanned:
		return "", &bot.DeferError{Until: time.Unix(a.bannedUntil.Load(), 0), Reason: "number temporarily banned"}
	case st.Stopped():
		return "", &bot.DeferError{Until: now.Add(time.Hour), Reason: "number " + string(st)}
	case st != StateConnected:
		return "", fmt.Errorf("whatsapp %s", st)
	}
	group := m.Group
	if group == "" && isGroupJID(string(m.To)) {
		group = string(m.To) // a queued group post holds the JID as its recipient
	}
	var chat types.JID
	if group != "" {
		jid, err := types.ParseJID(group)
		if err != nil || jid.Server != types.GroupServer {
			return "", &bot.PermanentError{Err: fmt.Errorf("not a group: %q", group)}
		}
		chat = jid
	} else {
		if m.Kind == "broadcast" {
			if ok, until := a.pacer.takeBroadcastSlot(now); !ok {
				return "", &bot.DeferError{Until: until, Reason: "daily broadcast cap reached"}
			}
		}
		var err error
		if chat, err = a.chatFor(string(m.To)); err != nil {
			return "", err
		}
	}
	msg, err := a.outMessage(ctx, m)
	if err != nil {
		return "", err
	}
	if group != "" {
		// Taken once the message is built: a failed upload keeps no slot.
		if ok, until := a.pacer.takeGroupSlot(group, a.Now()); !ok {
			return "", &bot.DeferError{Until: until, Reason: "one post a minute per group"}
		}
	}
	resp, err := a.client.SendMessage(ctx, chat, msg, whatsmeow.SendRequestExtra{ID: a.messageID(m.ID)})
	if err != nil {
		if group != "" {
			return "", a.groupRefused(ctx, chat, err)
		}
		return "", fmt.Errorf("sending: %w", err)
	}
	if group == "" {
		_ = a.client.SendChatPresence(ctx, chat, types.ChatPresencePaused, types.ChatPresenceMediaText)
	}
	return string(resp.ID), nil
}

// outMessage is m as WhatsApp carries it: text, or an uploaded image with
// the text as its caption.
func (a *Adapter) outMessage(ctx context.Context, m bot.Message) (*waE2E.Message, error) {
	if m.MediaPath == "" {
		return &waE2E.Message{Conversation: proto.String(m.Text)}, nil
	}
	data, err := os.ReadFile(m.MediaPath)
	if err != nil {
		return nil, &bot.PermanentError{Err: fmt.Errorf("reading media: %w", err)}
	}
	up, err := a.client.Upload(ctx, data, whatsmeow.MediaImage)
	if err != nil {
		return nil, fmt.Errorf("uploading image: %w", err)
	}
	return &waE2E.Message{ImageMessage: &waE2E.ImageMessage{
		Caption:       proto.String(m.Text),
		Mimetype:      proto.String(m.MediaMime),
		URL:           proto.String(up.URL),
		DirectPath:    proto.String(up.DirectPath),
		MediaKey:      up.MediaKey,
		FileEncSHA256: up.FileEncSHA256,
		FileSHA256:    up.FileSHA256,
		FileLength:    proto.Uint64(up.FileLength),
	}}, nil
}

// groupRefused explains a failed post by reading the group again: the
// number is no longer in it (GroupLeft) or may not post there, only
// admins may (GroupSettings); both fail for good. Anything else is
// retried.
func (a *Adapter) groupRefused(ctx context.Context, jid types.JID, sendErr error) error {
	a.groupMu.Lock() // not written under a group sync's snapshot
	defer a.groupMu.Unlock()
	g, err := a.client.GetGroupInfo(ctx, jid)
	gs, group := a.cfg.Groups, bot.CleanText(jid.String())
	switch {
	case gone(sendErr) || gone(err):
		if gs != nil {
			if err := gs.GroupLeft(ctx, a.name, group); err != nil {
				a.log.Warn("recording a left group", "err", err)
			}
		}
		return &bot.PermanentError{Err: fmt.Errorf("the number is not in the group: %w", sendErr)}
	case err == nil && g != nil:
		if info := a.groupInfo(ctx, g); !info.CanPost {
			if gs != nil {
				if err := gs.GroupSettings(ctx, a.name, group, info.Announce, false); err != nil {
					a.log.Warn("recording group settings", "err", err)
				}
			}
			return &bot.PermanentError{Err: fmt.Errorf("only admins may post in the group: %w", sendErr)}
		}
	}
	return fmt.Errorf("sending: %w", sendErr)
}
