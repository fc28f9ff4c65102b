package bot

import (
	"context"
	"sync"

	"github.com/suaradesa/suaradesa/flows"
)

// Group commit. Under load many residents write at once, each message a
// short transaction whose cost is mostly fixed: BEGIN, COMMIT and the wait
// for the disk. Messages arriving while transactions are running are
// gathered and handled together in one transaction (postgres.Batch), each
// still with its own statements, in arrival order. Nothing is acknowledged
// before the batch committed, so the guarantees are those of one message
// per transaction. When any message of a batch fails, the batch is rolled
// back and its messages are handled one by one, so one bad message never
// costs the others.
//
// There are no background workers: a message that finds fewer than
// Committers batches running becomes a leader and runs batches until none
// is waiting; others wait for their result. With nothing else going on a
// message is handled alone at once, as without batching.

type turnJob struct {
	ctx  context.Context
	in   Inbound
	sess flows.Session
	done chan turnResult
}

type turnResult struct {
	acc   Accepted
	res   flows.Result
	alive bool
	err   error
}

type batcher struct {
	mu      sync.Mutex
	pending []*turnJob
	running int
}

func (p *Pipeline) maxBatch() int {
	if p.MaxBatch > 0 {
		return p.MaxBatch
	}
	return 32
}

func (p *Pipeline) committers() int {
	if p.Committers > 0 {
		return p.Committers
	}
	return 2
}

// batched hands the message to a batch and waits for its result. Once
// handed over it is handled even if ctx ends, so that the caller can keep
// the session in step with what was stored.
func (p *Pipeline) batched(ctx context.Context, in Inbound, sess flows.Session) (Accepted, flows.Result, bool, error) {
	job := &turnJob{ctx: ctx, in: in, sess: sess, done: make(chan turnResult, 1)}
	b := &p.batches
	b.mu.Lock()
	b.pending = append(b.pending, job)
	lead := b.running < p.committers()
	if lead {
		b.running++
	}
	b.mu.Unlock()
	if lead {
		p.lead()
	}
	r := <-job.done
	return r.acc, r.res, r.alive, r.err
}

// lead runs batches until no message is waiting.
func (p *Pipeline) lead() {
	b := &p.batches
	for {
		b.mu.Lock()
		n := min(len(b.pending), p.maxBatch())
		if n == 0 {
			b.running--
			b.mu.Unlock()
			return
		}
		jobs := b.pending[:n:n]
		b.pending = b.pending[n:]
		if len(b.pending) == 0 {
			b.pending = nil // let the backing array go
		}
		b.mu.Unlock()
		p.runBatch(jobs)
	}
}

func (p *Pipeline) runBatch(jobs []*turnJob) {
	if len(jobs) == 1 {
		j := jobs[0]
		acc, res, alive, err := p.alone(j.ctx, j.in, nil, j.sess)
		j.done <- turnResult{acc, res, alive, err}
		return
	}
	p.Metrics.batch(len(jobs))
	// The batch outlives any one request: no request's end cancels it.
	ctx := context.WithoutCancel(jobs[0].ctx)
	batch, err := p.Store.BeginBatch(ctx)
	if err != nil {
		for _, j := range jobs {
			j.done <- turnResult{err: err}
		}
		return
	}
	results := make([]turnResult, len(jobs))
	for i, j := range jobs {
		acc, res, alive, err := p.turn(ctx, j.in, nil, j.sess, batch)
		if err != nil {
			batch.Rollback()
			p.Log.Info("batch rolled back; handling its messages one by one", "messages", len(jobs), "err", err)
			for _, j := range jobs {
				acc, res, alive, err := p.alone(j.ctx, j.in, nil, j.sess)
				j.done <- turnResult{acc, res, alive, err}
			}
			return
		}
		results[i] = turnResult{acc, res, alive, nil}
	}
	if err := batch.Commit(); err != nil {
		for _, j := range jobs {
			j.done <- turnResult{err: err}
		}
		return
	}
	for i, j := range jobs {
		j.done <- results[i]
	}
}
