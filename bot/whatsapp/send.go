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
}

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
	return &pacer{p: p, sched: bot.NewScheduler(p.Pace, clock)}
}

// Book implements bot.Pacer.
func (a *Adapter) Book(to domain.Phone, kind string, within time.Duration) (time.Time, bool) {
	return a.pacer.sched.Book(to, kind, within)
}

// Clock implements bot.Pacer.
func (a *Adapter) Clock() bot.Clock { return a.pacer.sched.Clock() }

// Typing implements bot.Typer: the person sees "typing…" while a message
// to them waits for its time.
func (a *Adapter) Typing(ctx context.Context, to domain.Phone) {
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
// outbound row, so a resend after a crash is the same message.
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
	if m.Kind == "broadcast" {
		if ok, until := a.pacer.takeBroadcastSlot(now); !ok {
			return "", &bot.DeferError{Until: until, Reason: "daily broadcast cap reached"}
		}
	}
	chat, err := a.chatFor(string(m.To))
	if err != nil {
		return "", err
	}
	msg := &waE2E.Message{Conversation: proto.String(m.Text)}
	if m.MediaPath != "" {
		data, err := os.ReadFile(m.MediaPath)
		if err != nil {
			return "", &bot.PermanentError{Err: fmt.Errorf("reading media: %w", err)}
		}
		up, err := a.client.Upload(ctx, data, whatsmeow.MediaImage)
		if err != nil {
			return "", fmt.Errorf("uploading image: %w", err)
		}
		msg = &waE2E.Message{ImageMessage: &waE2E.ImageMessage{
			Caption:       proto.String(m.Text),
			Mimetype:      proto.String(m.MediaMime),
			URL:           proto.String(up.URL),
			DirectPath:    proto.String(up.DirectPath),
			MediaKey:      up.MediaKey,
			FileEncSHA256: up.FileEncSHA256,
			FileSHA256:    up.FileSHA256,
			FileLength:    proto.Uint64(up.FileLength),
		}}
	}
	resp, err := a.client.SendMessage(ctx, chat, msg, whatsmeow.SendRequestExtra{ID: a.messageID(m.ID)})
	if err != nil {
		return "", fmt.Errorf("sending: %w", err)
	}
	_ = a.client.SendChatPresence(ctx, chat, types.ChatPresencePaused, types.ChatPresenceMediaText)
	return string(resp.ID), nil
}
