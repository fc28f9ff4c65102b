package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"sync"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Dispatcher sends the outbound messages that transactions queued: one
// worker per channel claims a batch (replies first), sends it, and records
// every outcome in one statement. A claim holds its rows locked in an open
// transaction for at most Lease, so a crash mid-send makes them available
// again; channels make a resend harmless by using our message id.
type Dispatcher struct {
	Store    *postgres.Store
	Log      *slog.Logger
	MediaDir string
	// OnSent is called after a batch of a channel was recorded as sent,
	// with the batch's recipients.
	OnSent func(channel string, to []domain.Phone)
	// Batch is how many messages a worker claims at once (default 100).
	Batch int
	// Poll is how often a worker looks for work it was not told of
	// (another process's messages, retries); default 1 s.
	Poll time.Duration
	// MaxAttempts before a message is marked failed (default 8).
	MaxAttempts int
	// Lease is how long a claim may hold its messages while sending before
	// Postgres ends it and another worker may take them (default 15 s;
	// paced channels add the pacing of a whole batch).
	Lease time.Duration
	// Metrics counts sends (nil: none).
	Metrics *Metrics
	// Gather is how long a woken worker waits before claiming, so that the
	// replies of messages handled meanwhile go in the same batch (two
	// commits a batch, not a message); default 1 ms (a committed batch of
	// turns already queues its replies together), negative for none.
	Gather time.Duration

	mu      sync.Mutex
	workers map[string]*worker
}

type worker struct {
	ch   Channel
	wake chan struct{}
}

// Add registers a channel. Call before Run.
func (d *Dispatcher) Add(ch Channel) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.workers == nil {
		d.workers = map[string]*worker{}
	}
	d.workers[ch.Name()] = &worker{ch: ch, wake: make(chan struct{}, 1)}
}

// Wake tells the channel's worker that messages are waiting.
func (d *Dispatcher) Wake(channel string) {
	d.mu.Lock()
	w := d.workers[channel]
	d.mu.Unlock()
	if w == nil {
		return
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// WakeAll tells every worker to look for messages (after a scheduler
// queued some for many channels).
func (d *Dispatcher) WakeAll() {
	d.mu.Lock()
	names := make([]string, 0, len(d.workers))
	for n := range d.workers {
		names = append(names, n)
	}
	d.mu.Unlock()
	for _, n := range names {
		d.Wake(n)
	}
}

// Run sends until ctx ends, then returns when every worker has finished the
// batch in hand.
func (d *Dispatcher) Run(ctx context.Context) {
	d.mu.Lock()
	workers := make([]*worker, 0, len(d.workers))
	for _, w := range d.workers {
		workers = append(workers, w)
	}
	d.mu.Unlock()
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.loop(ctx, w)
		}()
	}
	wg.Wait()
}

func (d *Dispatcher) loop(ctx context.Context, w *worker) {
	poll := d.Poll
	if poll <= 0 {
		poll = time.Second
	}
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	backoff := 100 * time.Millisecond
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.wake:
			sleep(ctx, d.gather())
		case <-ticker.C:
		}
		for ctx.Err() == nil {
			n, err := d.sendBatch(ctx, w)
			if err != nil {
				d.Log.Warn("dispatcher", "channel", w.ch.Name(), "err", err)
				sleep(ctx, backoff)
				backoff = min(backoff*2, 10*time.Second)
				break
			}
			backoff = 100 * time.Millisecond
			if n < d.batch() {
				break
			}
		}
	}
}

func (d *Dispatcher) gather() time.Duration {
	if d.Gather == 0 {
		return time.Millisecond
	}
	return max(d.Gather, 0)
}

func (d *Dispatcher) batch() int {
	if d.Batch > 0 {
		return d.Batch
	}
	return 100
}

// sendBatch claims, sends and records one batch; it returns how many it claimed.
func (d *Dispatcher) sendBatch(ctx context.Context, w *worker) (int, error) {
	batch := d.batch()
	lease := d.Lease
	if lease <= 0 {
		lease = 15 * time.Second
	}
	pacer, paced := w.ch.(Pacer)
	if paced {
		// A paced channel claims few at a time, so that a reply queued
		// during a broadcast is not stuck behind a long claimed batch.
		batch = min(batch, 5)
		lease += time.Duration(batch) * pacer.MaxDelay()
	}
	claim, err := d.Store.ClaimOutbound(ctx, w.ch.Name(), batch, lease)
	if err != nil || claim == nil {
		return 0, err
	}
	defer claim.Release()
	msgs := claim.Messages
	maxAttempts := d.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = 8
	}
	// Sending goes on after ctx ends for the claimed batch, so that a
	// graceful shutdown records what it sent.
	sendCtx := context.WithoutCancel(ctx)
	outcomes := make([]postgres.SendOutcome, 0, len(msgs))
	for _, m := range msgs {
		if paced {
			sleep(ctx, pacer.Delay(m.Kind))
		}
		msg := Message{ID: m.ID, To: m.To, Text: m.Text, Kind: m.Kind}
		if m.MediaPath != nil {
			msg.MediaPath = filepath.Join(d.MediaDir, *m.MediaPath)
			msg.MediaMime = *m.MediaMime
		}
		ext, err := send(sendCtx, w.ch, msg)
		o := postgres.SendOutcome{ID: m.ID, ExtID: ext}
		var deferred *DeferError
		status := "sent"
		switch {
		case errors.As(err, &deferred):
			o.Err = err.Error()
			o.Retry = deferred.Until
			status = "retry"
		case err != nil:
			o.Err = err.Error()
			status = "failed"
			if !IsPermanent(err) && m.Attempts < maxAttempts {
				o.Retry = time.Now().Add(retryDelay(m.Attempts))
				status = "retry"
			}
			d.Log.Warn("send failed", "channel", w.ch.Name(), "id", m.ID, "attempt", m.Attempts, "err", err)
		}
		d.Metrics.sent(w.ch.Name(), m.Kind, status, m.CreatedAt)
		outcomes = append(outcomes, o)
	}
	if err := claim.Finish(sendCtx, outcomes); err != nil {
		// The claim ends with the transaction and the batch is claimed
		// again; channels dedupe on our message id.
		return 0, err
	}
	if d.OnSent != nil {
		to := make([]domain.Phone, len(msgs))
		for i, m := range msgs {
			to[i] = m.To
		}
		d.OnSent(w.ch.Name(), to)
	}
	return len(msgs), nil
}

// send is ch.Send with a panic turned into a permanent failure: a message
// that crashes a channel's code must not crash the process, nor come back
// for ever.
func send(ctx context.Context, ch Channel, m Message) (ext string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PermanentError{Err: fmt.Errorf("channel %s panicked: %v", ch.Name(), r)}
		}
	}()
	return ch.Send(ctx, m)
}

// retryDelay backs off exponentially: 2 s, 4 s, … up to 10 minutes.
func retryDelay(attempt int) time.Duration {
	d := time.Duration(math.Pow(2, float64(attempt))) * time.Second
	return min(d, 10*time.Minute)
}

func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
