package bot_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The WhatsApp adapter is paced by the dispatcher.
var _ bot.Pacer = (*whatsapp.Adapter)(nil)

// pacedChannel records when each message was sent; it fails the first
// send of "flaky", defers "later" and panics on "boom".
type pacedChannel struct {
	*bot.Scheduler
	mu    sync.Mutex
	sends map[string][]time.Time
	flaky bool
}

func newPacedChannel() *pacedChannel {
	return &pacedChannel{sends: map[string][]time.Time{}, Scheduler: bot.NewScheduler(bot.Pace{
		Reply:     [2]time.Duration{10 * time.Millisecond, 10 * time.Millisecond},
		Broadcast: [2]time.Duration{150 * time.Millisecond, 150 * time.Millisecond}}, nil)}
}

func (c *pacedChannel) Name() string { return "paced" }
func (c *pacedChannel) Send(_ context.Context, m bot.Message) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m.Text == "flaky" && !c.flaky {
		c.flaky = true
		return "", errors.New("network")
	}
	if m.Text == "boom" {
		panic("a channel bug")
	}
	if m.Text == "later" {
		return "", &bot.DeferError{Until: time.Now().Add(time.Hour), Reason: "cap"}
	}
	c.sends[m.Text] = append(c.sends[m.Text], time.Now())
	return "ext-" + m.Text, nil
}

func TestDispatcherPacesRetriesAndDefers(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	ch := newPacedChannel()
	d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 50 * time.Millisecond}
	d.Add(ch)
	to := domain.Phone("+6281234567001")
	var out []postgres.Outbound
	for _, text := range []string{"b1", "b2", "b3", "b4"} {
		out = append(out, postgres.Outbound{Channel: "paced", To: to, Text: text, Kind: "broadcast", Priority: postgres.PriorityBroadcast})
	}
	out = append(out,
		postgres.Outbound{Channel: "paced", To: to, Text: "reply", Kind: "reply", Priority: postgres.PriorityReply},
		postgres.Outbound{Channel: "paced", To: to, Text: "flaky", Kind: "reply", Priority: postgres.PriorityReply},
		postgres.Outbound{Channel: "paced", To: to, Text: "later", Kind: "broadcast", Priority: postgres.PriorityBroadcast},
		postgres.Outbound{Channel: "paced", To: to, Text: "boom", Kind: "broadcast", Priority: postgres.PriorityBroadcast})
	turn, _ := st.BeginTurn(ctx, to)
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { d.Run(runCtx); close(done) }()
	d.Wake("paced")
	deadline := time.Now().Add(10 * time.Second)
	for {
		ch.mu.Lock()
		n := len(ch.sends)
		ch.mu.Unlock()
		if n == 6 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The retry of "flaky" waits its back-off (2 s); the rest is done.
	time.Sleep(2500 * time.Millisecond)
	cancel()
	<-done

	ch.mu.Lock()
	defer ch.mu.Unlock()
	for _, text := range []string{"b1", "b2", "b3", "b4", "reply", "flaky"} {
		if len(ch.sends[text]) != 1 {
			t.Fatalf("%s sent %d times", text, len(ch.sends[text]))
		}
	}
	// Replies go before broadcasts; broadcasts are spaced by their delay.
	if !ch.sends["reply"][0].Before(ch.sends["b1"][0]) {
		t.Fatal("a broadcast went before a reply")
	}
	for i := 2; i <= 4; i++ {
		gap := ch.sends["b"+string(rune('0'+i))][0].Sub(ch.sends["b"+string(rune('0'+i-1))][0])
		if gap < 140*time.Millisecond {
			t.Fatalf("broadcasts %d and %d only %v apart", i-1, i, gap)
		}
	}
	counts, _ := st.OutboundCounts(ctx)
	// "later" waits for its time without failing; "boom", which made the
	// channel panic, failed for good; the others are sent.
	if counts["sent"] != 6 || counts["queued"] != 1 || counts["failed"] != 1 {
		t.Fatalf("counts %v", counts)
	}
}

// rateChannel is paced at a configured interval and counts sends.
type rateChannel struct {
	*bot.Scheduler
	interval time.Duration
	mu       sync.Mutex
	n        int
}

func (c *rateChannel) Name() string { return "rate" }
func (c *rateChannel) Send(context.Context, bot.Message) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return "", nil
}

// BenchmarkPacedSendRate sends a broadcast through the dispatcher to a
// channel paced at 50 messages a second and reports the measured rate
// against the configured one (WhatsApp's default is about 3 a minute; the
// mechanism is the same, only slower).
//
//	go test ./bot -run '^$' -bench PacedSendRate -benchtime 1x
func BenchmarkPacedSendRate(b *testing.B) {
	ctx := context.Background()
	st := storetest.Store(b)
	interval := 20 * time.Millisecond
	ch := &rateChannel{interval: interval, Scheduler: bot.NewScheduler(bot.Pace{Broadcast: [2]time.Duration{interval, interval}}, nil)}
	d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 10 * time.Millisecond}
	d.Add(ch)
	const total = 250
	out := make([]postgres.Outbound, total)
	for i := range out {
		out[i] = postgres.Outbound{Channel: "rate", To: "+6281234567001", Text: "undangan", Kind: "broadcast"}
	}
	turn, _ := st.BeginTurn(ctx, "+6281234567001")
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		b.Fatal(err)
	}
	_ = turn.Commit()
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	b.ResetTimer()
	start := time.Now()
	go d.Run(runCtx)
	for {
		ch.mu.Lock()
		n := ch.n
		ch.mu.Unlock()
		if n >= total {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(total)/elapsed.Seconds(), "measured_msgs/s")
	b.ReportMetric(float64(time.Second/ch.interval), "configured_msgs/s")
}
