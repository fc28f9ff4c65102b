package whatsapp

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"google.golang.org/protobuf/proto"

	"github.com/suaradesa/suaradesa/bot"
)

// Pace is how fast a number sends. WhatsApp bans numbers that send in
// bursts, so every send waits a random delay in its kind's range; replies to
// someone who just wrote are quick, broadcasts slow, and broadcasts stop at
// a daily cap that ramps up for a new number.
type Pace struct {
	Reply, Push, Broadcast [2]time.Duration // min and max delay before a send
	// DailyCap bounds broadcast messages a day (default 300).
	DailyCap int
	// RampStart is when the number began sending; the cap is then
	// RampPerDay × days since (default 50 a day), up to DailyCap.
	RampStart  time.Time
	RampPerDay int
}

// DefaultPace: replies after 1–3 s, pushes after 4–8 s, broadcasts one every
// 12–25 s (about 3 a minute), at most 300 broadcasts a day.
func DefaultPace() Pace {
	return Pace{
		Reply:      [2]time.Duration{1 * time.Second, 3 * time.Second},
		Push:       [2]time.Duration{4 * time.Second, 8 * time.Second},
		Broadcast:  [2]time.Duration{12 * time.Second, 25 * time.Second},
		DailyCap:   300,
		RampPerDay: 50,
	}
}

type pacer struct {
	p     Pace
	mu    sync.Mutex
	day   string
	count int
}

func newPacer(p Pace) *pacer {
	d := DefaultPace()
	if p.Reply[1] == 0 {
		p.Reply = d.Reply
	}
	if p.Push[1] == 0 {
		p.Push = d.Push
	}
	if p.Broadcast[1] == 0 {
		p.Broadcast = d.Broadcast
	}
	if p.DailyCap <= 0 {
		p.DailyCap = d.DailyCap
	}
	if p.RampPerDay <= 0 {
		p.RampPerDay = d.RampPerDay
	}
	return &pacer{p: p}
}

func jitter(r [2]time.Duration) time.Duration {
	if r[1] <= r[0] {
		return r[0]
	}
	return r[0] + rand.N(r[1]-r[0])
}

// Delay implements bot.Pacer.
func (a *Adapter) Delay(kind string) time.Duration {
	switch kind {
	case "broadcast":
		return jitter(a.pacer.p.Broadcast)
	case "push":
		return jitter(a.pacer.p.Push)
	}
	return jitter(a.pacer.p.Reply)
}

// MaxDelay implements bot.Pacer.
func (a *Adapter) MaxDelay() time.Duration { return a.pacer.p.Broadcast[1] }

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
