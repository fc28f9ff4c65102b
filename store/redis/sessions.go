// Package redis keeps what is fast and may be lost: conversation sessions
// and the per-contact lock. Losing all of it loses no record: a lost session
// is detected by the contact's message counter in Postgres and the resident
// is told to start again.
package redis

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Sessions stores conversation sessions and per-contact locks.
type Sessions struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration
	lease  time.Duration

	mu      sync.Mutex
	pending []*acquireReq // first tries waiting for a locker
	lockers int           // lockers running
}

// Options configure Sessions.
type Options struct {
	// Prefix namespaces the keys (tests use one per test).
	Prefix string
	// TTL is how long an untouched session is kept (default 7 days); the
	// conversation time-out itself is decided by the flows.
	TTL time.Duration
	// Lease is how long a lock holds when its holder dies (default 5 s).
	// A turn takes milliseconds; should one outlast the lease, the contact's
	// row lock in Postgres still keeps two turns apart, and the session
	// counter detects a session written out of order.
	Lease time.Duration
}

// Connect parses a redis:// URL and checks that Redis answers.
func Connect(ctx context.Context, url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("parsing REDIS_URL: %w", err)
	}
	opt.PoolSize = 50
	opt.MinIdleConns = 4
	rdb := redis.NewClient(opt)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(pingCtx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("connecting to redis: %w", err)
	}
	return rdb, nil
}

// New returns Sessions on a client.
func New(rdb *redis.Client, o Options) *Sessions {
	if o.Prefix == "" {
		o.Prefix = "sd:"
	}
	if o.TTL <= 0 {
		o.TTL = 7 * 24 * time.Hour
	}
	if o.Lease <= 0 {
		o.Lease = 5 * time.Second
	}
	return &Sessions{rdb: rdb, prefix: o.Prefix, ttl: o.TTL, lease: o.Lease}
}

func (s *Sessions) lockKey(p domain.Phone) string { return s.prefix + "lock:" + string(p) }
func (s *Sessions) sessKey(p domain.Phone) string { return s.prefix + "sess:" + string(p) }

// lockAndLoad takes the lock when it is free and returns the session with
// it: one round trip. It returns false when another holder has the lock.
var lockAndLoad = redis.NewScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
	return {1, redis.call('GET', KEYS[2])}
end
return {0, false}`)

// saveAndUnlock writes the session (or deletes it when empty) and releases
// the lock, if it is still ours: one round trip.
var saveAndUnlock = redis.NewScript(`
if ARGV[2] == '' then
	redis.call('DEL', KEYS[2])
else
	redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
	redis.call('DEL', KEYS[1])
	return 1
end
return 0`)

// unlockOnly releases the lock if it is still ours.
var unlockOnly = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)

// Lock is a held per-contact lock.
type Lock struct {
	s     *Sessions
	phone domain.Phone
	token string
}

// ErrLockTimeout reports that a contact stayed locked longer than the wait.
var ErrLockTimeout = errors.New("contact is busy")

// Acquire waits for the contact's lock (up to wait) and returns it with the
// contact's session (empty when there is none or it cannot be read).
// Messages of one contact are thus handled one at a time, across processes.
//
// The first try is gathered: the Acquires waiting while a try runs go
// together in the next, one pipeline for all their locks and sessions (at
// most maxLockers at once, like the pipeline's group commit), so that under
// load a message costs a share of a round trip, not one. A contact found
// locked is tried again alone, with a growing pause.
func (s *Sessions) Acquire(ctx context.Context, phone domain.Phone, wait time.Duration) (*Lock, flow.Session, error) {
	var tb [12]byte
	_, _ = rand.Read(tb[:])
	token := hex.EncodeToString(tb[:])
	keys := []string{s.lockKey(phone), s.sessKey(phone)}
	deadline := time.Now().Add(wait)
	backoff := time.Millisecond
	ok, sess, err := s.gathered(ctx, phone, token)
	for {
		if err != nil {
			if ctx.Err() != nil {
				return nil, flow.Session{}, ctx.Err()
			}
			return nil, flow.Session{}, fmt.Errorf("locking contact: %w", err)
		}
		if ok {
			return &Lock{s: s, phone: phone, token: token}, sess, nil
		}
		if time.Now().After(deadline) {
			return nil, flow.Session{}, ErrLockTimeout
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, flow.Session{}, ctx.Err()
		case <-t.C:
		}
		if backoff < 20*time.Millisecond {
			backoff *= 2
		}
		ok, sess, err = lockedSession(lockAndLoad.Run(ctx, s.rdb, keys, token, s.lease.Milliseconds()))
	}
}

// lockedSession reads lockAndLoad's answer: whether the lock was taken,
// and the session with it.
func lockedSession(c *redis.Cmd) (bool, flow.Session, error) {
	res, err := c.Slice()
	if err != nil && !errors.Is(err, redis.Nil) {
		return false, flow.Session{}, err
	}
	if len(res) != 2 || res[0] != int64(1) {
		return false, flow.Session{}, nil
	}
	var sess flow.Session
	if raw, ok := res[1].(string); ok && raw != "" {
		// A session that does not decode is treated as lost.
		_ = json.Unmarshal([]byte(raw), &sess)
	}
	return true, sess, nil
}

// maxLockers is how many gathered tries run at once, and maxLockBatch the
// most contacts one tries.
const (
	maxLockers   = 2
	maxLockBatch = 128
)

// acquireReq is an Acquire's first try, waiting for a locker.
type acquireReq struct {
	phone domain.Phone
	token string
	ctx   context.Context
	state atomic.Int32 // reqWaiting, then reqAnswered (by the locker) or reqAbandoned (by the caller)
	ok    bool
	sess  flow.Session
	err   error
	done  chan struct{}
}

const (
	reqWaiting = iota
	reqAnswered
	reqAbandoned
)

// gathered is one try at the lock, in a pipeline with the tries waiting
// alongside. A caller whose ctx ends stops waiting; a lock taken for it
// after all is released.
func (s *Sessions) gathered(ctx context.Context, phone domain.Phone, token string) (bool, flow.Session, error) {
	req := &acquireReq{phone: phone, token: token, ctx: ctx, done: make(chan struct{})}
	s.mu.Lock()
	s.pending = append(s.pending, req)
	lead := s.lockers < maxLockers
	if lead {
		s.lockers++
	}
	s.mu.Unlock()
	if lead {
		// A caller never tries for others: a locker is a goroutine of its
		// own, which ends when no try is waiting.
		go s.lock()
	}
	select {
	case <-req.done:
	case <-ctx.Done():
		if req.state.CompareAndSwap(reqWaiting, reqAbandoned) {
			return false, flow.Session{}, ctx.Err()
		}
		<-req.done
	}
	return req.ok, req.sess, req.err
}

// lock runs gathered tries until none is waiting.
func (s *Sessions) lock() {
	for {
		s.mu.Lock()
		n := min(len(s.pending), maxLockBatch)
		if n == 0 {
			s.pending = nil // let the backing array go
			s.lockers--
			s.mu.Unlock()
			return
		}
		reqs := slices.Clone(s.pending[:n])
		clear(s.pending[:n])
		s.pending = s.pending[n:]
		s.mu.Unlock()
		s.tryAll(reqs)
	}
}

// tryAll tries the locks of reqs in one pipeline and answers each.
func (s *Sessions) tryAll(reqs []*acquireReq) {
	ctx := context.WithoutCancel(reqs[0].ctx)
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.Cmd, len(reqs))
	for i, r := range reqs {
		cmds[i] = lockAndLoad.EvalSha(ctx, pipe, []string{s.lockKey(r.phone), s.sessKey(r.phone)}, r.token, s.lease.Milliseconds())
	}
	_, _ = pipe.Exec(ctx) // errors are per command
	for i, r := range reqs {
		c := cmds[i]
		if redis.HasErrorPrefix(c.Err(), "NOSCRIPT") {
			// Redis forgot the script (a restart): this loads it again.
			c = lockAndLoad.Run(ctx, s.rdb, []string{s.lockKey(r.phone), s.sessKey(r.phone)}, r.token, s.lease.Milliseconds())
		}
		r.ok, r.sess, r.err = lockedSession(c)
		if !r.state.CompareAndSwap(reqWaiting, reqAnswered) && r.ok {
			// The caller left: the lock taken for it is nobody's.
			_ = (&Lock{s: s, phone: r.phone, token: r.token}).Release(ctx)
		}
		close(r.done)
	}
}

// SaveAndRelease writes the session and releases the lock. An idle session
// with no counter (no contact) is deleted instead of written.
func (l *Lock) SaveAndRelease(ctx context.Context, sess flow.Session, keep bool) error {
	payload, err := sessionPayload(sess, keep)
	if err != nil {
		return err
	}
	keys := []string{l.s.lockKey(l.phone), l.s.sessKey(l.phone)}
	if err := saveAndUnlock.Run(ctx, l.s.rdb, keys, l.token, payload, l.s.ttl.Milliseconds()).Err(); err != nil {
		return fmt.Errorf("saving session: %w", err)
	}
	return nil
}

func sessionPayload(sess flow.Session, keep bool) (string, error) {
	if !keep {
		return "", nil
	}
	b, err := json.Marshal(sess)
	if err != nil {
		return "", fmt.Errorf("encoding session: %w", err)
	}
	return string(b), nil
}

// Save is one contact's session to write and lock to release, for
// SaveAndReleaseAll.
type Save struct {
	Lock    *Lock
	Session flow.Session
	Keep    bool
}

// SaveAndReleaseAll is SaveAndRelease for several contacts in one round
// trip (a pipeline), after a batch of their messages committed. It tells
// which were done; the caller saves the others one by one (never one that
// was done: its lock may already be someone else's).
func (s *Sessions) SaveAndReleaseAll(ctx context.Context, saves []Save) []bool {
	done := make([]bool, len(saves))
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.Cmd, len(saves))
	for i, sv := range saves {
		payload, err := sessionPayload(sv.Session, sv.Keep)
		if err != nil {
			continue
		}
		keys := []string{s.lockKey(sv.Lock.phone), s.sessKey(sv.Lock.phone)}
		cmds[i] = saveAndUnlock.EvalSha(ctx, pipe, keys, sv.Lock.token, payload, s.ttl.Milliseconds())
	}
	// Errors are per command: a script Redis does not know yet (after its
	// restart) fails every one of them, and the caller's one-by-one saves
	// load it again.
	_, _ = pipe.Exec(ctx)
	for i, c := range cmds {
		done[i] = c != nil && c.Err() == nil
	}
	return done
}

// Release releases the lock without touching the session.
func (l *Lock) Release(ctx context.Context) error {
	if err := unlockOnly.Run(ctx, l.s.rdb, []string{l.s.lockKey(l.phone)}, l.token).Err(); err != nil {
		return fmt.Errorf("releasing lock: %w", err)
	}
	return nil
}

// Ping checks that Redis answers.
func (s *Sessions) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }

// Drop deletes a contact's session (after HAPUS DATA).
func (s *Sessions) Drop(ctx context.Context, phone domain.Phone) error {
	return s.rdb.Del(ctx, s.sessKey(phone)).Err()
}
