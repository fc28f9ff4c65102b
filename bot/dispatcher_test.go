package bot_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
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

// waitFor waits until n different texts were sent, or for at most d.
func (c *pacedChannel) waitFor(n int, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		k := len(c.sends)
		c.mu.Unlock()
		if k >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}
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
	ch.waitFor(6, 10*time.Second)
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
	// A deferral is no attempt: a post deferred a few times and then hit by
	// a temporary error still has its retries.
	var attempts int
	if err := st.DB().Get(&attempts, `SELECT attempts FROM outbound_messages WHERE text = 'later'`); err != nil || attempts != 0 {
		t.Fatalf("a deferral counted as %d attempts (%v)", attempts, err)
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

// A reply queued while a claim of broadcasts waits for their slow turns is
// claimed at once and goes before them.
func TestDispatcherReplyBeforeQueuedBroadcasts(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	ch := &pacedChannel{sends: map[string][]time.Time{}, Scheduler: bot.NewScheduler(bot.Pace{
		Reply: [2]time.Duration{10 * time.Millisecond, 10 * time.Millisecond},
		// Broadcasts far apart, so that a loaded machine's slow commit of
		// the reply (hundreds of ms under load 15) does not lose the race.
		Broadcast: [2]time.Duration{1500 * time.Millisecond, 1500 * time.Millisecond}}, nil)}
	d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 50 * time.Millisecond}
	d.Add(ch)
	queue := func(to domain.Phone, text, kind string, prio int) {
		t.Helper()
		turn, _ := st.BeginTurn(ctx, to)
		if _, err := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: "paced", To: to, Text: text, Kind: kind, Priority: prio}}); err != nil {
			t.Fatal(err)
		}
		if err := turn.Commit(); err != nil {
			t.Fatal(err)
		}
		d.Wake("paced")
	}
	for i := range 3 {
		queue(domain.Phone(fmt.Sprintf("+628123456710%d", i)), fmt.Sprintf("b%d", i+1), "broadcast", postgres.PriorityBroadcast)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { d.Run(runCtx); close(done) }()
	d.Wake("paced")
	time.Sleep(150 * time.Millisecond) // the broadcasts are claimed and wait
	ch.Heard("+6281234567001")
	queue("+6281234567001", "reply", "reply", postgres.PriorityReply)
	ch.waitFor(4, 20*time.Second)
	cancel()
	<-done
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if len(ch.sends["reply"]) != 1 || len(ch.sends["b1"]) != 1 {
		t.Fatalf("sent %v", ch.sends)
	}
	if !ch.sends["reply"][0].Before(ch.sends["b1"][0]) {
		t.Fatalf("the reply waited for the broadcasts claimed before it: reply %v, b1 %v",
			ch.sends["reply"][0].Format("05.000"), ch.sends["b1"][0].Format("05.000"))
	}
}

// roomChannel is a paced channel on a fast clock that tells each person's
// conversation when a message to them left.
type roomChannel struct {
	*bot.Scheduler
	mu   sync.Mutex
	sent map[domain.Phone]chan struct{}
}

func (c *roomChannel) Name() string { return "room" }
func (c *roomChannel) Send(_ context.Context, m bot.Message) (string, error) {
	c.mu.Lock()
	ch := c.sent[m.To]
	c.mu.Unlock()
	ch <- struct{}{}
	return fmt.Sprintf("ext-%d", m.ID), nil
}

// Sixty residents write within a minute and go through six turns, each
// answering 5–15 s after our reply; under a ceiling that allows it, every
// conversation proceeds at its own pace: replies within the burst target
// (p95 ≤ 10 s) and each resident done within three minutes, in the
// channel's virtual time (10 times faster than real, 3 under -race).
func TestDispatcherSixtyConversations(t *testing.T) {
	if testing.Short() {
		t.Skip("plays three minutes in seconds")
	}
	ctx := context.Background()
	st := storetest.Store(t)
	pace := bot.Pace{
		Reply: [2]time.Duration{time.Second, 3 * time.Second}, Gap: [2]time.Duration{1500 * time.Millisecond, 3 * time.Second},
		PerSecond: 10, PerMinute: 600,
	}
	// Postgres runs at real speed, so its share of each wait counts speed
	// times over: a slower clock on a slow (or race-instrumented) run.
	speed := 10.0
	if raceDetector {
		speed = 3
	}
	ch := &roomChannel{Scheduler: bot.NewScheduler(pace, bot.NewScaledClock(speed)), sent: map[domain.Phone]chan struct{}{}}
	d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	d.Add(ch)
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() { d.Run(runCtx); close(stopped) }()
	defer func() { cancel(); <-stopped }()

	clock := ch.Clock()
	var (
		mu         sync.Mutex
		waits      []time.Duration
		done       []time.Duration
		wg         sync.WaitGroup
		failures   []string
		turns, ppl = 6, 60
	)
	for i := range ppl {
		phone := person(i)
		sent := make(chan struct{}, 16)
		ch.mu.Lock()
		ch.sent[phone] = sent
		ch.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			clock.Sleep(ctx, time.Duration(i)*time.Second) // the room writes within a minute
			start := clock.Now()
			for k := range turns {
				if k > 0 {
					clock.Sleep(ctx, 5*time.Second+time.Duration(i*k%10)*time.Second)
				}
				ch.Heard(phone)
				t0 := clock.Now()
				turn, err := st.BeginTurn(ctx, phone)
				if err == nil {
					if _, err = turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: "room", To: phone, Text: fmt.Sprintf("balasan %d", k),
						Kind: "reply", Priority: postgres.PriorityReply}}); err == nil {
						err = turn.Commit()
					}
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
					return
				}
				d.Wake("room")
				select {
				case <-sent:
				case <-time.After(30 * time.Second):
					mu.Lock()
					failures = append(failures, fmt.Sprintf("%s: no reply to turn %d", phone, k))
					mu.Unlock()
					return
				}
				mu.Lock()
				waits = append(waits, clock.Now().Sub(t0))
				mu.Unlock()
			}
			mu.Lock()
			done = append(done, clock.Now().Sub(start))
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d failures, first: %s", len(failures), failures[0])
	}
	p95 := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[(len(s)*95+99)/100-1]
	}
	replyP95, doneP95 := p95(waits), p95(done)
	t.Logf("%d replies: p95 %v; %d residents done: p95 %v (virtual time)", len(waits), replyP95, len(done), doneP95)
	if len(waits) != ppl*turns {
		t.Fatalf("%d replies", len(waits))
	}
	if replyP95 > 10*time.Second || doneP95 > 3*time.Minute {
		t.Fatalf("reply p95 %v (target 10 s), done p95 %v (target 3 min)", replyP95, doneP95)
	}
}
