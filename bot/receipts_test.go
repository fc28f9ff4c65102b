package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// receiptChannel answers each send with the recipient's delivered receipt
// shortly after, as WhatsApp does, while the dispatcher may still hold the
// message's claim; the receipt goes to the store the way the adapters
// report it (MarkOutboundStatus by the channel's id).
type receiptChannel struct {
	name  string
	st    *postgres.Store
	after time.Duration // from a send to its receipt
	slow  time.Duration // each send takes this long
	wg    sync.WaitGroup
	mu    sync.Mutex
	sent  int
}

func (c *receiptChannel) Name() string { return c.name }
func (c *receiptChannel) Send(_ context.Context, m bot.Message) (string, error) {
	time.Sleep(c.slow)
	ext := fmt.Sprintf("wamid.%d", m.ID)
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		time.Sleep(c.after)
		_, _ = c.st.MarkOutboundStatus(context.Background(), c.name, []string{ext}, "delivered")
	}()
	c.mu.Lock()
	c.sent++
	c.mu.Unlock()
	return ext, nil
}

func (c *receiptChannel) waitSent(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		c.mu.Lock()
		k := c.sent
		c.mu.Unlock()
		if k >= n {
			return
		}
	}
	t.Fatalf("sent fewer than %d", n)
}

// pacedReceiptChannel is a receiptChannel the dispatcher paces.
type pacedReceiptChannel struct {
	*receiptChannel
	*bot.Scheduler
}

// A receipt that arrives while the claim of its message is still open (a
// paced claim holds its messages until its last send, an unpaced one until
// the batch is sent) is not lost: every message ends delivered.
func TestDispatcherKeepsEarlyReceipts(t *testing.T) {
	for _, paced := range []bool{true, false} {
		t.Run(fmt.Sprintf("paced=%v", paced), func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Store(t)
			rc := &receiptChannel{name: "wa", st: st, after: 30 * time.Millisecond}
			var ch bot.Channel = rc
			if paced {
				// Three replies to one person, 300 ms apart: the claim
				// stays open 600 ms after the first send.
				ch = pacedReceiptChannel{rc, bot.NewScheduler(bot.Pace{Gap: [2]time.Duration{300 * time.Millisecond, 300 * time.Millisecond}}, nil)}
			}
			d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 50 * time.Millisecond}
			d.Add(ch)
			to := domain.Phone("+6281234567001")
			var out []postgres.Outbound
			for i := range 3 {
				out = append(out, postgres.Outbound{Channel: "wa", To: to, Text: fmt.Sprintf("balasan %d", i), Kind: "reply", Priority: postgres.PriorityReply})
			}
			turn, _ := st.BeginTurn(ctx, to)
			if _, err := turn.QueueOutbound(ctx, out); err != nil {
				t.Fatal(err)
			}
			if err := turn.Commit(); err != nil {
				t.Fatal(err)
			}
			if !paced {
				// Each unpaced send takes a while (an SMS modem), so the
				// first receipts come before the batch is recorded.
				rc.slow = 100 * time.Millisecond
			}
			runCtx, cancel := context.WithCancel(ctx)
			done := make(chan struct{})
			go func() { d.Run(runCtx); close(done) }()
			d.Wake("wa")
			rc.waitSent(t, 3)
			rc.wg.Wait()
			time.Sleep(100 * time.Millisecond) // the claim is recorded
			cancel()
			<-done
			counts, err := st.OutboundCounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if counts["delivered"] != 3 {
				t.Fatalf("counts %v: receipts were lost", counts)
			}
		})
	}
}
