package bot_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The flows get the scope of the number a message came to, from a copy
// read once and again when it is older than Scopes.Every: a change made
// by `suaradesa kanal cakupan` applies within that time, at no query per
// message.
func TestScopeReachesTheFlows(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	h.Pipe.Scopes.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	const desa, kecamatan = "sms:bimo", "whatsapp:+6281200000001"
	if err := h.Store.SetKanal(ctx, desa, "34.04.11.2002", nil); err != nil {
		t.Fatal(err)
	}
	if err := h.Store.SetKanal(ctx, kecamatan, "34.04.11", nil); err != nil {
		t.Fatal(err)
	}
	scope := func(channel string) string {
		t.Helper()
		env, err := h.Pipe.Env(ctx, channel)
		if err != nil {
			t.Fatal(err)
		}
		return env.Scope
	}
	if scope(desa) != "34.04.11.2002" || scope(kecamatan) != "34.04.11" || scope("sim") != "" {
		t.Fatalf("scopes %q %q %q", scope(desa), scope(kecamatan), scope("sim"))
	}
	if err := h.Store.SetKanal(ctx, desa, "34.04", nil); err != nil {
		t.Fatal(err)
	}
	if got := scope(desa); got != "34.04.11.2002" {
		t.Fatalf("read again within Every: %q", got)
	}
	mu.Lock()
	now = now.Add(11 * time.Second)
	mu.Unlock()
	if got := scope(desa); got != "34.04" {
		t.Fatalf("after Every: %q, want the new scope", got)
	}

	// A resident writing to the desa's number and another to the
	// kecamatan's are each answered by the number they wrote to, and that
	// number is the one their pushes use.
	for i, ch := range []string{desa, kecamatan} {
		who := domain.Phone(fmt.Sprintf("+628130000010%d", i))
		for j, text := range []string{"halo", "ya"} {
			if _, err := h.Pipe.Handle(ctx, bot.Inbound{Channel: ch, ExtID: fmt.Sprint(i, j), From: who, Text: text}); err != nil {
				t.Fatal(err)
			}
		}
		var channels []string
		if err := h.Store.DB().Select(&channels, `SELECT DISTINCT channel FROM outbound_messages WHERE to_phone = $1`, string(who)); err != nil {
			t.Fatal(err)
		}
		var pushes string
		_ = h.Store.DB().Get(&pushes, `SELECT channel FROM contacts WHERE phone = $1`, string(who))
		if len(channels) != 1 || channels[0] != ch || pushes != ch {
			t.Errorf("%s wrote to %s: replies by %v, pushes by %q", who, ch, channels, pushes)
		}
	}
}

// A message's scope costs a map lookup while the copy is fresh: compare
// the Env of a pipeline without Scopes.
func BenchmarkPipelineEnv(b *testing.B) {
	ctx := context.Background()
	h := bottest.New(b, bottest.Options{})
	if err := h.Store.SetKanal(ctx, "sms:bimo", "34.04.11.2002", nil); err != nil {
		b.Fatal(err)
	}
	scopes := h.Pipe.Scopes
	for _, c := range []struct {
		name   string
		scopes *bot.Scopes
		want   string
	}{{"scoped", scopes, "34.04.11.2002"}, {"without-scopes", nil, ""}} {
		b.Run(c.name, func(b *testing.B) {
			h.Pipe.Scopes = c.scopes
			for b.Loop() {
				if env, err := h.Pipe.Env(ctx, "sms:bimo"); err != nil || env.Scope != c.want {
					b.Fatal(env.Scope, err)
				}
			}
		})
	}
}

// Messages arriving together while the copy is stale: one reads the table,
// the others go on with the copy they have; none waits or sees no scope.
func TestScopesRefreshConcurrently(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	if err := h.Store.SetKanal(ctx, "sms:bimo", "34.04.11.2002", nil); err != nil {
		t.Fatal(err)
	}
	h.Pipe.Scopes.Every = time.Nanosecond // always stale
	var wg sync.WaitGroup
	errs := make(chan string, 400)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got, err := h.Pipe.Scopes.Of(ctx, "sms:bimo"); err != nil || got != "34.04.11.2002" {
					errs <- fmt.Sprintf("%q %v", got, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// While the database cannot be read, the copy stays and is tried again
// once per Scopes.Every, not by every message.
func TestScopesBackOffWhenTheReloadFails(t *testing.T) {
	ctx := context.Background()
	st, err := postgres.Open(ctx, storetest.URL(t), 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO kanal (nama, cakupan) VALUES ('sms:bimo', '34.04.11.2002')`); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	var log storetest.LogBuffer
	s := &bot.Scopes{Store: st, Log: slog.New(slog.NewTextHandler(&log, nil)), Every: time.Minute, Now: func() time.Time { return now }}
	of := func() {
		t.Helper()
		for range 5 {
			if got, err := s.Of(ctx, "sms:bimo"); err != nil || got != "34.04.11.2002" {
				t.Fatalf("scope %q %v", got, err)
			}
		}
	}
	of()
	st.Close() // the database is gone from here on
	tries := func() int { return strings.Count(log.String(), "channel scopes not refreshed") }
	now = now.Add(2 * time.Minute)
	of()
	if tries() != 1 {
		t.Fatalf("%d reloads tried by 5 messages, want 1:\n%s", tries(), log.String())
	}
	now = now.Add(59 * time.Second)
	of()
	if tries() != 1 {
		t.Fatalf("%d reloads tried within a minute of the failed one, want 1", tries())
	}
	now = now.Add(time.Second)
	of()
	if tries() != 2 {
		t.Fatalf("%d reloads tried a minute after the failed one, want 2", tries())
	}
}
