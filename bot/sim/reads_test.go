package sim_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot/sim"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// countingOutbox is the real store, counting its reads.
type countingOutbox struct {
	*postgres.Store
	reads, polls atomic.Int64
}

func (o *countingOutbox) SentToMany(ctx context.Context, channel string, qs []postgres.SentQuery, limit int) ([][]postgres.SentMessage, error) {
	o.reads.Add(1)
	o.polls.Add(int64(len(qs)))
	return o.Store.SentToMany(ctx, channel, qs, limit)
}

// Long polls woken together by one batch of sends read their replies in a
// few statements, not one each: each poll still gets its own reply.
func TestWokenPollsReadTogether(t *testing.T) {
	st := storetest.SeededStore(t)
	box := &countingOutbox{Store: st}
	ch := &sim.Channel{Outbox: box, Log: quietLog()}
	mux := http.NewServeMux()
	ch.Register(mux)
	hs := httptest.NewServer(mux)
	t.Cleanup(hs.Close)
	ctx := context.Background()

	const n = 60
	phones := make([]domain.Phone, n)
	out := make([]postgres.Outbound, n)
	for i := range n {
		phones[i] = domain.MustPhone(fmt.Sprintf("0815%08d", i))
		out[i] = postgres.Outbound{Channel: sim.Name, To: phones[i], Text: fmt.Sprint("balasan ", i)}
	}
	got := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(hs.URL + "/sim/outbound?wait=20s&to=" + string(phones[i]))
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			var body struct {
				Messages []struct{ Text string } `json:"messages"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Error(err)
				return
			}
			if len(body.Messages) == 1 {
				got[i] = body.Messages[0].Text
			}
		}()
	}
	// Every poll has looked once and found nothing.
	for deadline := time.Now().Add(10 * time.Second); box.polls.Load() < n; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d polls read", box.polls.Load(), n)
		}
	}
	before := box.reads.Load()

	turn, _ := st.BeginTurn(ctx, phones[0])
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	claim, err := st.ClaimOutbound(ctx, sim.Name, n, time.Minute)
	if err != nil || claim == nil || len(claim.Messages) != n {
		t.Fatalf("claim %v", err)
	}
	var sent []postgres.SendOutcome
	for _, m := range claim.Messages {
		sent = append(sent, postgres.SendOutcome{ID: m.ID})
	}
	if err := claim.Finish(ctx, sent); err != nil {
		t.Fatal(err)
	}
	claim.Release()
	ch.Notify(phones...)
	wg.Wait()

	for i, g := range got {
		if want := fmt.Sprint("balasan ", i); g != want {
			t.Errorf("poll %d got %q, want %q", i, g, want)
		}
	}
	reads := box.reads.Load() - before
	t.Logf("%d polls woken together: %d reads", n, reads)
	if reads > n/4 {
		t.Errorf("%d polls woken together made %d reads; gathered, a few", n, reads)
	}
}
