package redis_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

func TestSessionRoundTrip(t *testing.T) {
	s := storetest.Sessions(t)
	ctx := context.Background()
	phone := domain.MustPhone("081234567001")
	lock, sess, err := s.Acquire(ctx, phone, time.Second)
	if err != nil || !sess.Idle() || sess.Seq != 0 {
		t.Fatalf("first acquire: %+v %v", sess, err)
	}
	want := flow.Session{Flow: "gagasan", Step: "title", Data: map[string]string{"cat": "EKONOMI"}, Seq: 4, At: time.Now().UTC().Truncate(time.Second)}
	if err := lock.SaveAndRelease(ctx, want, true); err != nil {
		t.Fatal(err)
	}
	lock, got, err := s.Acquire(ctx, phone, time.Second)
	if err != nil || got.Flow != "gagasan" || got.Step != "title" || got.Data["cat"] != "EKONOMI" || got.Seq != 4 || !got.At.Equal(want.At) {
		t.Fatalf("loaded %+v, %v", got, err)
	}
	// Not keeping deletes the session.
	if err := lock.SaveAndRelease(ctx, flow.Session{}, false); err != nil {
		t.Fatal(err)
	}
	lock, got, _ = s.Acquire(ctx, phone, time.Second)
	if !got.Idle() || got.Seq != 0 {
		t.Fatalf("session kept: %+v", got)
	}
	_ = lock.Release(ctx)
}

func TestLockIsExclusiveAndWaits(t *testing.T) {
	s := storetest.Sessions(t)
	ctx := context.Background()
	phone := domain.MustPhone("081234567002")
	lock, _, err := s.Acquire(ctx, phone, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Acquire(ctx, phone, 50*time.Millisecond); !errors.Is(err, redis.ErrLockTimeout) {
		t.Fatalf("second holder got the lock: %v", err)
	}
	// Many workers increment a counter kept in the session: with the lock,
	// no increment is lost.
	_ = lock.Release(ctx)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				l, sess, err := s.Acquire(ctx, phone, 10*time.Second)
				if err != nil {
					t.Error(err)
					return
				}
				sess.Seq++
				if err := l.SaveAndRelease(ctx, sess, true); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	l, sess, _ := s.Acquire(ctx, phone, time.Second)
	if sess.Seq != 200 {
		t.Fatalf("counter %d, want 200: the lock let two holders in", sess.Seq)
	}
	_ = l.Release(ctx)
}

func TestLockLeaseExpires(t *testing.T) {
	rdb, prefix := storetest.Redis(t)
	s := redis.New(rdb, redis.Options{Prefix: prefix, Lease: 100 * time.Millisecond})
	ctx := context.Background()
	phone := domain.MustPhone("081234567003")
	dead, _, err := s.Acquire(ctx, phone, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// The holder "crashes"; the next waits out the lease and gets in.
	l, _, err := s.Acquire(ctx, phone, 2*time.Second)
	if err != nil {
		t.Fatalf("lease did not expire: %v", err)
	}
	// The dead holder's late release does not free the new holder's lock.
	if err := dead.SaveAndRelease(ctx, flow.Session{Seq: 99}, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Acquire(ctx, phone, 30*time.Millisecond); !errors.Is(err, redis.ErrLockTimeout) {
		t.Fatalf("stale release freed the lock: %v", err)
	}
	_ = l.Release(ctx)
}

// SaveAndReleaseAll writes several sessions and releases their locks in one
// round trip, also after Redis forgot its scripts.
func TestSaveAndReleaseAll(t *testing.T) {
	s := storetest.Sessions(t)
	ctx := context.Background()
	for round, flush := range []bool{false, true} {
		a, b := domain.MustPhone("081234567011"), domain.MustPhone("081234567012")
		la, _, err := s.Acquire(ctx, a, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		lb, _, err := s.Acquire(ctx, b, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if flush {
			if err := flushScripts(ctx, t); err != nil {
				t.Fatal(err)
			}
		}
		done := s.SaveAndReleaseAll(ctx, []redis.Save{
			{Lock: la, Session: flow.Session{Flow: "gagasan", Seq: int64(round + 1)}, Keep: true},
			{Lock: lb, Session: flow.Session{}, Keep: false},
		})
		if flush {
			// Redis forgot the script: nothing done, the caller saves one by one.
			if done[0] || done[1] {
				t.Fatalf("round %d: done %v after a script flush", round, done)
			}
			_ = la.SaveAndRelease(ctx, flow.Session{Flow: "gagasan", Seq: int64(round + 1)}, true)
			_ = lb.SaveAndRelease(ctx, flow.Session{}, false)
		} else if !done[0] || !done[1] {
			t.Fatalf("round %d: done %v", round, done)
		}
		// Both locks are free at once, a's session is there, b's is not.
		la, got, err := s.Acquire(ctx, a, 0)
		if err != nil || got.Flow != "gagasan" || got.Seq != int64(round+1) {
			t.Fatalf("round %d: a %+v %v", round, got, err)
		}
		lb, got, err = s.Acquire(ctx, b, 0)
		if err != nil || !got.Idle() {
			t.Fatalf("round %d: b %+v %v", round, got, err)
		}
		_ = la.Release(ctx)
		_ = lb.Release(ctx)
	}
}

func flushScripts(ctx context.Context, t *testing.T) error {
	rdb, _ := storetest.Redis(t)
	return rdb.ScriptFlush(ctx).Err()
}

// roundTrips counts the commands and pipelines a client sends.
type roundTrips struct{ n atomic.Int64 }

func (h *roundTrips) DialHook(next goredis.DialHook) goredis.DialHook { return next }
func (h *roundTrips) ProcessHook(next goredis.ProcessHook) goredis.ProcessHook {
	return func(ctx context.Context, cmd goredis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmd)
	}
}
func (h *roundTrips) ProcessPipelineHook(next goredis.ProcessPipelineHook) goredis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []goredis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmds)
	}
}

// Many contacts locked at once share round trips: their first tries go
// together in pipelines, each still getting its own lock and session, and
// a contact locked by another holder waits for it as before.
func TestAcquireGathersRoundTrips(t *testing.T) {
	rdb, prefix := storetest.Redis(t)
	s := redis.New(rdb, redis.Options{Prefix: prefix})
	ctx := context.Background()
	const n = 100
	phones := make([]domain.Phone, n)
	for i := range n {
		phones[i] = domain.MustPhone(fmt.Sprintf("0816%08d", i))
		l, _, err := s.Acquire(ctx, phones[i], time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.SaveAndRelease(ctx, flow.Session{Flow: "gagasan", Seq: int64(i + 1)}, true); err != nil {
			t.Fatal(err)
		}
	}
	busy, _, err := s.Acquire(ctx, phones[0], time.Second)
	if err != nil {
		t.Fatal(err)
	}
	hook := &roundTrips{}
	rdb.AddHook(hook)
	locks := make([]*redis.Lock, n)
	var taken atomic.Int64 // locks taken but the busy contact's
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			l, sess, err := s.Acquire(ctx, phones[i], 5*time.Second)
			if err != nil || sess.Seq != int64(i+1) {
				t.Errorf("contact %d: session %+v, %v", i, sess, err)
				return
			}
			locks[i] = l
			if i > 0 {
				taken.Add(1)
			}
		}()
	}
	close(start)
	// Everyone but the busy contact gets their lock while it is held.
	for deadline := time.Now().Add(5 * time.Second); taken.Load() < n-1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d locks taken", taken.Load(), n-1)
		}
	}
	trips := hook.n.Load()
	_ = busy.Release(ctx)
	wg.Wait()
	t.Logf("%d contacts locked at once: %d round trips", n, trips)
	if trips > n/4 {
		t.Errorf("%d contacts locked at once took %d round trips; gathered, a few", n, trips)
	}
	if locks[0] == nil {
		t.Fatal("the busy contact never got its lock")
	}
	for _, l := range locks {
		if err := l.Release(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// A caller that stops waiting leaves no lock behind: one taken for it by a
// gathered try is released.
func TestAcquireAbandonedLeavesNoLock(t *testing.T) {
	s := storetest.Sessions(t)
	phone := domain.MustPhone("081234567021")
	for range 50 {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _, _ = s.Acquire(ctx, phone, time.Second)
	}
	l, _, err := s.Acquire(context.Background(), phone, 2*time.Second)
	if err != nil {
		t.Fatalf("a lock was left behind: %v", err)
	}
	_ = l.Release(context.Background())
}
