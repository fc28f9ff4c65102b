package bot

import (
	"context"
	"fmt"
	"sync"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
)

// Group commit. Under load many residents write at once, and most of a
// message's cost in Postgres is per statement and per commit, not per row.
// Messages arriving while transactions are running are gathered (up to
// MaxBatch, one per sender) and handled together in one transaction
// (postgres.Batch): one statement logs them all and reads their senders,
// each flow step runs with its own reads and records, in arrival order, and
// one statement queues all the replies and advances the senders' counters.
// Nothing is acknowledged before the batch committed, so the guarantees are
// those of one message per transaction. When anything in a batch fails, it
// is rolled back and its messages are handled one by one, so one bad
// message never costs the others.
//
// There are no standing workers: a message that finds fewer than
// Committers leaders running starts one, a goroutine that runs batches
// until none is waiting and then ends; every message waits for its own
// result only (a request never leads, so a busy stream of others cannot
// hold its answer back). With nothing else going on a message is handled
// alone at once, as without batching.

type turnJob struct {
	ctx  context.Context
	in   Inbound
	lock *redis.Lock
	sess flow.Session
	done chan turnResult
}

type turnResult struct {
	acc   Accepted
	res   flow.Result
	alive bool
	saved bool // the session was saved and the lock released with the batch's
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
// the session in step with what was stored. saved tells that the batch
// also saved the session and released the lock.
func (p *Pipeline) batched(ctx context.Context, in Inbound, lock *redis.Lock, sess flow.Session) (acc Accepted, res flow.Result, alive, saved bool, err error) {
	job := &turnJob{ctx: ctx, in: in, lock: lock, sess: sess, done: make(chan turnResult, 1)}
	b := &p.batches
	b.mu.Lock()
	b.pending = append(b.pending, job)
	lead := b.running < p.committers()
	if lead {
		b.running++
	}
	b.mu.Unlock()
	if lead {
		go p.lead()
	}
	r := <-job.done
	return r.acc, r.res, r.alive, r.saved, r.err
}

// lead runs batches until no message is waiting.
func (p *Pipeline) lead() {
	b := &p.batches
	for {
		b.mu.Lock()
		jobs := b.take(p.maxBatch())
		if len(jobs) == 0 {
			b.running--
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		p.runBatch(jobs)
	}
}

// take removes up to n waiting messages, in arrival order, at most one per
// sender: a sender's second message waits for the next batch (the Redis
// lock makes that rare: only after it was lost).
func (b *batcher) take(n int) []*turnJob {
	var jobs []*turnJob
	senders := map[domain.Phone]bool{}
	rest := b.pending[:0]
	for _, j := range b.pending {
		if len(jobs) < n && !senders[j.in.From] {
			senders[j.in.From] = true
			jobs = append(jobs, j)
		} else {
			rest = append(rest, j)
		}
	}
	clear(b.pending[len(rest):])
	b.pending = rest
	if len(rest) == 0 {
		b.pending = nil // let the backing array go
	}
	return jobs
}

func (p *Pipeline) runBatch(jobs []*turnJob) {
	if len(jobs) == 1 {
		jobs[0].done <- p.oneByOne(jobs[0])
		return
	}
	p.Metrics.batch(len(jobs))
	// The batch outlives any one request: no request's end cancels it.
	ctx := context.WithoutCancel(jobs[0].ctx)
	var results []turnResult
	err := recovered(func() (err error) {
		results, err = p.tryBatch(ctx, jobs)
		return err
	})
	if err != nil {
		p.Log.Info("batch rolled back; handling its messages one by one", "messages", len(jobs), "err", err)
		for _, j := range jobs {
			j.done <- p.oneByOne(j)
		}
		return
	}
	// The sessions of the batch in one round trip to Redis.
	var saves []redis.Save
	var saveOf []int
	for i, j := range jobs {
		if !results[i].acc.Duplicate {
			saves = append(saves, redis.Save{Lock: j.lock, Session: results[i].res.Session, Keep: results[i].alive})
			saveOf = append(saveOf, i)
		}
	}
	if len(saves) > 0 {
		for k, ok := range p.Sessions.SaveAndReleaseAll(ctx, saves) {
			results[saveOf[k]].saved = ok
		}
	}
	for i, j := range jobs {
		j.done <- results[i]
	}
}

// tryBatch handles the messages in one transaction: one statement logs
// them all and reads their senders, each flow step runs with its own
// reads and records, and one statement queues the replies and advances
// the counters of all but the few that write to many people or delete
// their sender. It commits only when every message went through.
func (p *Pipeline) tryBatch(ctx context.Context, jobs []*turnJob) ([]turnResult, error) {
	batch, err := p.Store.BeginBatch(ctx)
	if err != nil {
		return nil, err
	}
	defer batch.Rollback()
	ins := make([]postgres.Inbound, len(jobs))
	for i, j := range jobs {
		ins[i] = postgres.Inbound{Channel: j.in.Channel, ExtID: j.in.ExtID, Phone: j.in.From, Text: j.in.Text}
	}
	logged, err := batch.LoggedTurns(ctx, ins)
	if err != nil {
		return nil, err
	}
	results := make([]turnResult, len(jobs))
	steps := make([]stepped, len(jobs))
	var fins []postgres.Finish
	var finOf []int // the job of each of fins
	for i, j := range jobs {
		l := logged[i]
		if l.Duplicate {
			results[i] = turnResult{acc: Accepted{Duplicate: true}}
			continue
		}
		input := flow.Input{Channel: j.in.Channel, Text: j.in.Text, Location: j.in.Location}
		st, err := p.step(ctx, l.Turn, j.in, l.InboundID, j.sess, input)
		if err != nil {
			return nil, err
		}
		steps[i] = st
		results[i].acc = Accepted{ID: l.InboundID}
		if len(st.fanOut) > 0 || l.Turn.DeletedContact() {
			if st.res.Session.Seq, err = p.finish(ctx, l.Turn, j.in, st); err != nil {
				return nil, err
			}
			steps[i] = st
			continue
		}
		fins = append(fins, postgres.Finish{Turn: l.Turn, Replies: st.replies, Flow: st.res.Session.Flow, Channel: j.in.Channel})
		finOf = append(finOf, i)
	}
	if len(fins) > 0 {
		seqs, err := batch.FinishAll(ctx, fins)
		if err != nil {
			return nil, err
		}
		for k, i := range finOf {
			steps[i].res.Session.Seq = seqs[k]
		}
	}
	if err := batch.Commit(); err != nil {
		return nil, err
	}
	for i := range jobs {
		if !results[i].acc.Duplicate {
			results[i].res, results[i].alive = steps[i].res, steps[i].alive()
		}
	}
	return results, nil
}

// oneByOne handles a message in a transaction of its own. A leader runs in
// a goroutine of its own, out of reach of the HTTP server's recovery, so a
// panic (a bug a message found) fails that message alone instead of the
// process.
func (p *Pipeline) oneByOne(j *turnJob) (r turnResult) {
	r.err = recovered(func() (err error) {
		r.acc, r.res, r.alive, err = p.alone(j.ctx, j.in, j.sess)
		return err
	})
	return r
}

// recovered runs fn, turning a panic into an error.
func recovered(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	return fn()
}
