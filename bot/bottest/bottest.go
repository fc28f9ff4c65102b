// Package bottest is the harness of the channel adapters' tests: the real
// inbound pipeline and outbound dispatcher, wired as serve wires them, on a
// seeded database of their own (store/storetest), a Redis key space of
// their own and a media store in a temporary folder. A channel's test
// builds its adapter on h.Pipe and h.Store, adds it with h.Disp.Add (or
// h.Sim for the simulator) and, when it wants its replies sent, starts the
// dispatcher with h.Run. Only tests import it.
package bottest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/sim"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// Options changes the harness; the zero value fits most tests.
type Options struct {
	// Store is the database to use (a fresh storetest.SeededStore when
	// nil), for a test that seeds more first.
	Store *postgres.Store
	// Media is the media store (a fresh one of MaxMedia bytes a file in a
	// temporary folder when nil).
	Media    *media.Local
	MaxMedia int
	// Poll is how often the dispatcher looks for work (50 ms when zero).
	Poll time.Duration
	// Now is the pipeline's clock (time.Now when nil).
	Now func() time.Time
	// Log receives the pipeline's and the dispatcher's logs (discarded
	// when nil).
	Log *slog.Logger
}

// Harness is a running pipeline and dispatcher.
type Harness struct {
	Store    *postgres.Store
	Redis    *goredis.Client
	Prefix   string // of the harness's Redis keys
	Sessions *redis.Sessions
	Media    *media.Local
	Pipe     *bot.Pipeline
	Disp     *bot.Dispatcher
	Log      *slog.Logger
}

// New wires a pipeline and a dispatcher for the test; the pipeline wakes
// the dispatcher, which runs only after Run.
func New(t testing.TB, o Options) *Harness {
	t.Helper()
	h := &Harness{Store: o.Store, Media: o.Media, Log: o.Log}
	if h.Store == nil {
		h.Store = storetest.SeededStore(t)
	}
	if h.Media == nil {
		if o.MaxMedia == 0 {
			o.MaxMedia = 1 << 20
		}
		files, err := media.NewLocal(t.TempDir(), o.MaxMedia)
		if err != nil {
			t.Fatal(err)
		}
		h.Media = files
	}
	if h.Log == nil {
		h.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Poll == 0 {
		o.Poll = 50 * time.Millisecond
	}
	h.Redis, h.Prefix = storetest.Redis(t)
	h.Sessions = redis.New(h.Redis, redis.Options{Prefix: h.Prefix})
	h.Disp = &bot.Dispatcher{Store: h.Store, Log: h.Log, MediaDir: h.Media.Dir, Poll: o.Poll}
	h.Pipe = &bot.Pipeline{Store: h.Store, Sessions: h.Sessions, Media: h.Media, Log: h.Log, Wake: h.Disp.Wake, Now: o.Now,
		Scopes: &bot.Scopes{Store: h.Store, Log: h.Log}}
	return h
}

// Sim adds the simulator channel on the harness's pipeline and store,
// told of each message sent to its numbers, and registers its routes.
func (h *Harness) Sim(mux *http.ServeMux) *sim.Channel {
	ch := &sim.Channel{Pipeline: h.Pipe, Outbox: h.Store, Log: h.Log, MediaDir: h.Media.Dir}
	ch.GroupStore = bot.GroupRecords{Store: h.Store} // the simulated groups are recorded (wa_groups)
	h.Disp.Add(ch)
	h.Disp.OnSent = func(_ string, to []domain.Phone) { ch.Notify(to...) }
	ch.Register(mux)
	return ch
}

// Run runs the dispatcher until the test ends. Call it before registering
// the cleanups that must run before the dispatcher stops (an httptest
// server's Close): cleanups run last registered first.
func (h *Harness) Run(t testing.TB) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); h.Disp.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
}
