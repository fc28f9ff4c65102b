package bot_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
)

// fakeClock stands still until a test moves it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) { c.advance(d) }

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var testPace = bot.Pace{
	Reply:     [2]time.Duration{2 * time.Second, 4 * time.Second},
	Gap:       [2]time.Duration{1500 * time.Millisecond, 3 * time.Second},
	Push:      [2]time.Duration{4 * time.Second, 8 * time.Second},
	Broadcast: [2]time.Duration{12 * time.Second, 25 * time.Second},
	PerSecond: 1, PerMinute: 30,
}

func person(i int) domain.Phone { return domain.Phone(fmt.Sprintf("+62812000%05d", i)) }

// booking is one Book call in a scenario.
type booking struct {
	to   int
	kind string
	at   time.Time
	ok   bool
}

func TestSchedulerPacesConversations(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	forever := 24 * time.Hour
	cases := []struct {
		name  string
		pace  bot.Pace
		play  func(s *bot.Scheduler, c *fakeClock) []booking
		check func(t *testing.T, b []booking)
	}{{
		name: "two conversations proceed together",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			s.Heard(person(1))
			s.Heard(person(2))
			return bookAll(s, forever, 1, 2)
		},
		check: func(t *testing.T, b []booking) {
			for _, x := range b {
				// Each within its own reply delay (and one ceiling second),
				// not one after the other's whole pace.
				if d := x.at.Sub(t0); d < 2*time.Second || d > 5*time.Second {
					t.Errorf("reply to %d after %v", x.to, d)
				}
			}
		},
	}, {
		name: "one person never gets two messages closer than the gap",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			s.Heard(person(1))
			return bookAll(s, forever, 1, 1, 1, 1, 1, 1)
		},
		check: func(t *testing.T, b []booking) {
			for i := 1; i < len(b); i++ {
				if gap := b[i].at.Sub(b[i-1].at); gap < 1500*time.Millisecond {
					t.Errorf("messages %d and %d only %v apart", i-1, i, gap)
				}
			}
		},
	}, {
		name: "the reply is measured from the person's own message",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			s.Heard(person(1))
			c.advance(10 * time.Second) // the message waited in a queue
			return bookAll(s, forever, 1)
		},
		check: func(t *testing.T, b []booking) {
			if d := b[0].at.Sub(t0); d != 10*time.Second {
				t.Errorf("a reply already due waited until %v", d)
			}
		},
	}, {
		name: "the ceiling holds over any window",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			var out []booking
			for round := range 4 { // a room writes, and writes again
				for i := range 60 {
					s.Heard(person(i))
				}
				for i := range 60 {
					out = append(out, bookAll(s, forever, i, i)...)
				}
				c.advance(time.Duration(round+1) * 7 * time.Second)
			}
			return out
		},
		check: func(t *testing.T, b []booking) {
			ceiling(t, b, time.Second, 1)
			ceiling(t, b, time.Minute, 30)
			if len(b) != 480 {
				t.Errorf("%d booked", len(b))
			}
		},
	}, {
		name: "a burst ceiling allows several a second",
		pace: bot.Pace{Reply: testPace.Reply, Gap: testPace.Gap, PerSecond: 3, PerMinute: 100},
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			for i := range 200 {
				s.Heard(person(i))
			}
			return bookAll(s, forever, seq(200)...)
		},
		check: func(t *testing.T, b []booking) {
			ceiling(t, b, time.Second, 3)
			ceiling(t, b, time.Minute, 100)
			// 100 go at 3 a second from the first reply (2-4 s), the
			// next 100 as the first leave the minute: about 2+60+33 s.
			if last := b[len(b)-1].at.Sub(t0); last > 100*time.Second {
				t.Errorf("200 at 100 a minute took %v", last)
			}
		},
	}, {
		name: "broadcasts keep their slow pace and a reply is not queued behind them",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			var out []booking
			for i := range 3 {
				at, ok := s.Book(person(10+i), "broadcast", forever)
				out = append(out, booking{10 + i, "broadcast", at, ok})
			}
			s.Heard(person(1))
			return append(out, bookAll(s, forever, 1)...)
		},
		check: func(t *testing.T, b []booking) {
			for i := 1; i < 3; i++ {
				if gap := b[i].at.Sub(b[i-1].at); gap < 12*time.Second {
					t.Errorf("broadcasts %v apart", gap)
				}
			}
			if d := b[3].at.Sub(t0); d > 5*time.Second {
				t.Errorf("reply after broadcasts came after %v", d)
			}
		},
	}, {
		name: "a time beyond the horizon is not booked",
		pace: testPace,
		play: func(s *bot.Scheduler, c *fakeClock) []booking {
			at, ok := s.Book(person(1), "broadcast", time.Minute)
			out := []booking{{1, "broadcast", at, ok}}
			at, ok = s.Book(person(2), "broadcast", 5*time.Second)
			out = append(out, booking{2, "broadcast", at, ok})
			at, ok = s.Book(person(3), "broadcast", time.Minute)
			return append(out, booking{3, "broadcast", at, ok})
		},
		check: func(t *testing.T, b []booking) {
			if !b[0].ok || b[1].ok || !b[2].ok {
				t.Fatalf("booked %v", b)
			}
			// The refused one took no slot: the third follows the first.
			if gap := b[2].at.Sub(b[0].at); gap > 25*time.Second {
				t.Errorf("third broadcast %v after the first", gap)
			}
		},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &fakeClock{t: t0}
			s := bot.NewScheduler(tc.pace, c)
			tc.check(t, tc.play(s, c))
		})
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func bookAll(s *bot.Scheduler, within time.Duration, to ...int) []booking {
	var out []booking
	for _, i := range to {
		at, ok := s.Book(person(i), "reply", within)
		out = append(out, booking{i, "reply", at, ok})
	}
	return out
}

// ceiling checks every window of length w that starts at a send (the
// fullest windows start at one) holds at most n sends.
func ceiling(t *testing.T, b []booking, w time.Duration, n int) {
	t.Helper()
	times := make([]time.Time, len(b))
	for i, x := range b {
		times[i] = x.at
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	for i, start := range times {
		k := 0
		for _, x := range times[i:] {
			if x.Before(start.Add(w)) {
				k++
			}
		}
		if k > n {
			t.Fatalf("%d sends in the %v from %v", k, w, start)
		}
	}
}
