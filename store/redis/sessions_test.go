package redis_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

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
