package bot

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// Scopes knows the region each channel's number serves (flow.Env.Scope),
// from the kanal table: read once, then again when a message finds the
// copy older than Every, by that message alone while the others use the
// copy they have. A change (suaradesa kanal cakupan, from another process)
// applies within Every; a message costs a map lookup. A failed read keeps
// the copy and is tried again after Every.
type Scopes struct {
	Store *postgres.Store
	Log   *slog.Logger
	// Every is how old the copy may grow (default 10 s).
	Every time.Duration
	// Now is the clock (time.Now when nil).
	Now func() time.Time

	snap    atomic.Pointer[scopeSnap]
	loading sync.Mutex
}

type scopeSnap struct {
	at     time.Time
	scopes map[string]string
}

// Of is the scope of a channel, "" for one that serves everywhere. It fails
// only when the scopes were never read and cannot be: a message then waits
// rather than being offered every desa.
func (s *Scopes) Of(ctx context.Context, channel string) (string, error) {
	if s == nil {
		return "", nil
	}
	now := s.now()
	snap := s.snap.Load()
	if snap != nil && now.Sub(snap.at) < s.every() {
		return snap.scopes[channel], nil
	}
	if snap == nil {
		s.loading.Lock() // the first read: everyone waits for it
		defer s.loading.Unlock()
		if snap = s.snap.Load(); snap == nil {
			if err := s.load(ctx, now); err != nil {
				return "", err
			}
			snap = s.snap.Load()
		}
		return snap.scopes[channel], nil
	}
	if s.loading.TryLock() { // stale: this message refreshes, others go on
		defer s.loading.Unlock()
		// Unless another message refreshed (or tried) since this one looked.
		if cur := s.snap.Load(); now.Sub(cur.at) >= s.every() {
			if err := s.load(ctx, now); err != nil {
				// Keep the copy and try again after Every, not on every
				// message while the database is down.
				s.snap.Store(&scopeSnap{at: now, scopes: cur.scopes})
				if s.Log != nil {
					s.Log.Warn("channel scopes not refreshed", "err", err)
				}
			}
		}
		snap = s.snap.Load()
	}
	return snap.scopes[channel], nil
}

func (s *Scopes) load(ctx context.Context, now time.Time) error {
	m, err := s.Store.KanalScopes(ctx)
	if err != nil {
		return err
	}
	s.snap.Store(&scopeSnap{at: now, scopes: m})
	return nil
}

func (s *Scopes) every() time.Duration {
	if s.Every > 0 {
		return s.Every
	}
	return 10 * time.Second
}

func (s *Scopes) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
