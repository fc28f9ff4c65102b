package bot

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Pace is how fast a paced channel (one WhatsApp number) sends. Each
// conversation has its own human-like rhythm: a reply comes Reply after the
// person's own message and Gap after our previous message to them, whatever
// the number is doing in other conversations. Over all conversations the
// number never sends more than PerSecond in any second nor PerMinute in any
// minute. Pushes and broadcasts keep their own slow, number-wide spacing.
// Every range is [min, max): the delay is drawn at random in it.
type Pace struct {
	Reply     [2]time.Duration // after the person's message: reading and typing
	Gap       [2]time.Duration // between two of our messages to one person
	Push      [2]time.Duration // between two pushes of the number
	Broadcast [2]time.Duration // between two broadcasts of the number
	PerSecond int              // the number's ceiling, any kind, in any 1 s
	PerMinute int              // and in any 60 s
}

// Clock is a pacer's time: the real one, or a faster one that plays
// minutes of pacing in seconds (benches and tests).
type Clock interface {
	Now() time.Time
	// Sleep waits d of this clock's time, or until ctx ends.
	Sleep(ctx context.Context, d time.Duration)
}

// RealClock is the wall clock.
type RealClock struct{}

// Now implements Clock.
func (RealClock) Now() time.Time { return time.Now() }

// Sleep implements Clock.
func (RealClock) Sleep(ctx context.Context, d time.Duration) { sleep(ctx, d) }

// ScaledClock runs Speed times faster than the wall clock from Origin.
type ScaledClock struct {
	Origin time.Time
	Speed  float64
}

// NewScaledClock starts a clock that runs speed times faster than real time.
func NewScaledClock(speed float64) ScaledClock {
	return ScaledClock{Origin: time.Now(), Speed: max(speed, 1)}
}

// Now implements Clock.
func (c ScaledClock) Now() time.Time {
	return c.Origin.Add(time.Duration(float64(time.Since(c.Origin)) * c.Speed))
}

// Sleep implements Clock.
func (c ScaledClock) Sleep(ctx context.Context, d time.Duration) {
	sleep(ctx, time.Duration(float64(d)/c.Speed))
}

// Scheduler books the send times of one paced number. It is safe for
// concurrent use.
type Scheduler struct {
	pace  Pace
	clock Clock

	mu    sync.Mutex
	heard map[domain.Phone]time.Time // when each person last wrote
	last  map[domain.Phone]time.Time // our latest booked send to each person
	bulk  map[string]time.Time       // latest booked push, broadcast
	slots []time.Time                // booked sends of the last minute and ahead, sorted
}

// NewScheduler returns a scheduler for pace on clock (RealClock when nil).
func NewScheduler(pace Pace, clock Clock) *Scheduler {
	if clock == nil {
		clock = RealClock{}
	}
	return &Scheduler{pace: pace, clock: clock, heard: map[domain.Phone]time.Time{},
		last: map[domain.Phone]time.Time{}, bulk: map[string]time.Time{}}
}

// Clock is the scheduler's clock.
func (s *Scheduler) Clock() Clock { return s.clock }

// Heard records that from wrote to the number now: their replies are
// measured from this moment.
func (s *Scheduler) Heard(from domain.Phone) {
	now := s.clock.Now()
	s.mu.Lock()
	s.heard[from] = now
	s.mu.Unlock()
}

func draw(r [2]time.Duration) time.Duration {
	if r[1] <= r[0] {
		return r[0]
	}
	return r[0] + rand.N(r[1]-r[0])
}

// Book finds the earliest time a message of kind to `to` may go and, when
// that is within `within` from now, books it and returns it with true. A
// later time is returned with false and nothing booked: the message waits
// for a later claim.
func (s *Scheduler) Book(to domain.Phone, kind string, within time.Duration) (time.Time, bool) {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	want := now
	if last, ok := s.last[to]; ok {
		want = later(want, last.Add(draw(s.pace.Gap)))
	}
	switch kind {
	case "push", "broadcast":
		r := s.pace.Broadcast
		if kind == "push" {
			r = s.pace.Push
		}
		// Each waits its delay after the number's previous one, or after
		// now when that is later.
		want = later(want, later(now, s.bulk[kind]).Add(draw(r)))
	default:
		if heard, ok := s.heard[to]; ok {
			want = later(want, heard.Add(draw(s.pace.Reply)))
		}
	}
	s.prune(now)
	at := s.earliest(want)
	if at.Sub(now) > within {
		return at, false
	}
	s.slots = append(s.slots, at)
	slices.SortFunc(s.slots, func(a, b time.Time) int { return a.Compare(b) })
	s.last[to] = at
	if kind == "push" || kind == "broadcast" {
		s.bulk[kind] = at
	}
	return at, true
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// prune forgets bookings no window ending now or later can hold, and
// people who have not written for an hour.
func (s *Scheduler) prune(now time.Time) {
	i := 0
	for i < len(s.slots) && now.Sub(s.slots[i]) >= time.Minute {
		i++
	}
	s.slots = s.slots[i:]
	for p, t := range s.heard {
		if now.Sub(t) > time.Hour {
			delete(s.heard, p)
		}
	}
	for p, t := range s.last {
		if now.Sub(t) > time.Hour {
			delete(s.last, p)
		}
	}
}

// earliest is the first time at or after want that keeps every 1 s and
// every 60 s window within the ceiling. Feasibility improves only when a
// booked send leaves the window, so the answer is want or a booking plus
// a window length.
func (s *Scheduler) earliest(want time.Time) time.Time {
	type limit struct {
		w time.Duration
		n int
	}
	limits := []limit{{time.Second, s.pace.PerSecond}, {time.Minute, s.pace.PerMinute}}
	fits := func(t time.Time) bool {
		for _, l := range limits {
			if l.n > 0 && s.crowded(t, l.w, l.n) {
				return false
			}
		}
		return true
	}
	if fits(want) {
		return want
	}
	var cands []time.Time
	for _, b := range s.slots {
		for _, l := range limits {
			if c := b.Add(l.w); c.After(want) && l.n > 0 {
				cands = append(cands, c)
			}
		}
	}
	slices.SortFunc(cands, func(a, b time.Time) int { return a.Compare(b) })
	for _, c := range cands {
		if fits(c) {
			return c
		}
	}
	return s.slots[len(s.slots)-1].Add(time.Minute) // past every booking: always fits
}

// crowded tells whether a send at t would put n or more earlier bookings
// with it in some window of length w: the windows holding t that start at
// t or at a booking in (t-w, t].
func (s *Scheduler) crowded(t time.Time, w time.Duration, n int) bool {
	count := func(start time.Time) int {
		c := 0
		for _, b := range s.slots {
			if !b.Before(start) && b.Before(start.Add(w)) {
				c++
			}
		}
		return c
	}
	if count(t) >= n {
		return true
	}
	for _, b := range s.slots {
		if b.After(t.Add(-w)) && !b.After(t) && count(b) >= n {
			return true
		}
	}
	return false
}
