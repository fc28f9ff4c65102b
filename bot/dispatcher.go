package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"slices"
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
	// paced channels add Horizon).
	Lease time.Duration
	// Horizon is how far ahead a paced channel's worker books sends
	// (default 20 s): a message whose time is later stays queued for a
	// later claim, so a claim ends, and records what it sent, within it.
	Horizon time.Duration
	// InFlight is how many claims a paced channel's worker holds at once
	// (default 4; each holds a Postgres connection): while one waits for
	// its times, the next takes the replies queued meanwhile.
	InFlight int
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
			if p, ok := w.ch.(Pacer); ok {
				d.loopPaced(ctx, w, p)
				return
			}
			d.loop(ctx, w, func() (bool, error) {
				n, err := d.sendBatch(ctx, w)
				return n >= d.batch(), err
			})
		}()
	}
	wg.Wait()
}

// loop runs a worker: when woken or polled, it takes steps until a step
// reports no more work; a failed step backs off.
func (d *Dispatcher) loop(ctx context.Context, w *worker, step func() (more bool, err error)) {
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
			more, err := step()
			if err != nil {
				d.Log.Warn("dispatcher", "channel", w.ch.Name(), "err", err)
				sleep(ctx, backoff)
				backoff = min(backoff*2, 10*time.Second)
				break
			}
			backoff = 100 * time.Millisecond
			if !more {
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
	claim, err := d.Store.ClaimOutbound(ctx, w.ch.Name(), batch, lease)
	if err != nil || claim == nil {
		return 0, err
	}
	defer claim.Release()
	msgs := claim.Messages
	// Sending goes on after ctx ends for the claimed batch, so that a
	// graceful shutdown records what it sent.
	sendCtx := context.WithoutCancel(ctx)
	outcomes := make([]postgres.SendOutcome, 0, len(msgs))
	for _, m := range msgs {
		outcomes = append(outcomes, d.sendOne(sendCtx, w, m))
	}
	if err := claim.Finish(sendCtx, outcomes); err != nil {
		// The claim ends with the transaction and the batch is claimed
		// again; channels dedupe on our message id.
		return 0, err
	}
	d.sent(w, msgs)
	return len(msgs), nil
}

func (d *Dispatcher) sent(w *worker, msgs []postgres.QueuedMessage) {
	if d.OnSent != nil && len(msgs) > 0 {
		to := make([]domain.Phone, len(msgs))
		for i, m := range msgs {
			to[i] = m.To
		}
		d.OnSent(w.ch.Name(), to)
	}
}

// sendOne sends one claimed message and tells what became of it.
func (d *Dispatcher) sendOne(sendCtx context.Context, w *worker, m postgres.QueuedMessage) postgres.SendOutcome {
	maxAttempts := d.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = 8
	}
	msg := Message{ID: m.ID, To: m.To, Text: m.Text, Kind: m.Kind}
	if m.Kind == "group" {
		// A post into a group: to_phone holds the group's JID.
		msg.To, msg.Group = "", string(m.To)
	}
	if m.MediaPath != nil {
		msg.MediaPath = filepath.Join(d.MediaDir, *m.MediaPath)
		msg.MediaMime = *m.MediaMime
	}
	ext, err := sendTo(sendCtx, w.ch, msg)
	o := postgres.SendOutcome{ID: m.ID, ExtID: ext}
	var deferred *DeferError
	status := "sent"
	switch {
	case errors.As(err, &deferred):
		o.Err = err.Error()
		o.Retry, o.Deferred = deferred.Until, true // not an attempt
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
	return o
}

// loopPaced is a paced channel's worker: it books each claimed message's
// time with the channel's pacer and holds up to InFlight claims at once,
// so that conversations proceed together, each at its own pace, and a
// reply queued while a claim waits (for a broadcast's slow turn, or for
// another person's reply) is claimed and booked at once.
func (d *Dispatcher) loopPaced(ctx context.Context, w *worker, p Pacer) {
	inFlight := d.InFlight
	if inFlight <= 0 {
		inFlight = 4
	}
	slots := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	defer wg.Wait()
	d.loop(ctx, w, func() (bool, error) {
		select {
		case slots <- struct{}{}:
		default:
			return false, nil // all in flight; the next to finish wakes the worker
		}
		claim, booked, err := d.claimPaced(ctx, w, p)
		if err != nil || claim == nil {
			<-slots
			return false, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.sendPaced(ctx, w, p, claim, booked)
			<-slots
			d.Wake(w.ch.Name())
		}()
		return true, nil
	})
}

type bookedMessage struct {
	m  postgres.QueuedMessage
	at time.Time
}

func (d *Dispatcher) horizon() time.Duration {
	if d.Horizon > 0 {
		return d.Horizon
	}
	return 20 * time.Second
}

// claimPaced claims a batch and books the messages due within the horizon,
// in the order claimed (a person's messages in order: after one that could
// not be booked, that person's later ones wait too). It returns no claim
// when nothing could be booked.
func (d *Dispatcher) claimPaced(ctx context.Context, w *worker, p Pacer) (*postgres.Claim, []bookedMessage, error) {
	lease := d.Lease
	if lease <= 0 {
		lease = 15 * time.Second
	}
	claim, err := d.Store.ClaimOutbound(ctx, w.ch.Name(), d.batch(), lease+d.horizon())
	if err != nil || claim == nil {
		return nil, nil, err
	}
	var booked []bookedMessage
	waiting := map[domain.Phone]bool{}
	for _, m := range claim.Messages {
		if waiting[m.To] {
			continue
		}
		at, ok := p.Book(m.To, m.Kind, d.horizon())
		if !ok {
			waiting[m.To] = true
			continue
		}
		booked = append(booked, bookedMessage{m, at})
	}
	if len(booked) == 0 {
		claim.Release()
		return nil, nil, nil
	}
	slices.SortStableFunc(booked, func(a, b bookedMessage) int { return a.at.Compare(b.at) })
	return claim, booked, nil
}

// sendPaced sends a claim's booked messages each at its time, then records
// them. When ctx ends, the ones not yet sent stay queued.
func (d *Dispatcher) sendPaced(ctx context.Context, w *worker, p Pacer, claim *postgres.Claim, booked []bookedMessage) {
	defer claim.Release()
	sendCtx := context.WithoutCancel(ctx)
	clock := p.Clock()
	typer, _ := w.ch.(Typer)
	outcomes := make([]postgres.SendOutcome, 0, len(booked))
	msgs := make([]postgres.QueuedMessage, 0, len(booked))
	typing := map[domain.Phone]bool{}
	var prevAt, prevSent time.Time
	for _, b := range booked {
		at := b.at
		// A send woken late (a busy machine, a pause) pushes the next one
		// back by as much: two sends of a claim are never closer than they
		// were booked.
		if !prevSent.IsZero() {
			if kept := prevSent.Add(b.at.Sub(prevAt)); kept.After(at) {
				at = kept
			}
		}
		if typer != nil && b.m.Kind != "group" && !typing[b.m.To] && at.Sub(clock.Now()) > time.Second {
			typing[b.m.To] = true
			typer.Typing(sendCtx, b.m.To)
		}
		clock.Sleep(ctx, at.Sub(clock.Now()))
		if ctx.Err() != nil {
			break
		}
		prevAt, prevSent = b.at, clock.Now()
		outcomes = append(outcomes, d.sendOne(sendCtx, w, b.m))
		msgs = append(msgs, b.m)
	}
	if err := claim.Finish(sendCtx, outcomes); err != nil {
		d.Log.Warn("dispatcher", "channel", w.ch.Name(), "err", err)
		return
	}
	d.sent(w, msgs)
}

// sendTo is send, but a group post on a channel that cannot post into
// groups (not a GroupChannel: a group's channel row renamed, or the Cloud
// API) fails for good instead of reaching a phone number.
func sendTo(ctx context.Context, ch Channel, m Message) (string, error) {
	if m.Kind == "group" {
		if _, ok := ch.(GroupChannel); !ok || m.Group == "" {
			return "", &PermanentError{Err: fmt.Errorf("channel %s cannot post into group %q", ch.Name(), m.Group)}
		}
	}
	return send(ctx, ch, m)
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
