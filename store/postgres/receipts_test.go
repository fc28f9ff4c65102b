package postgres_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// claimForReceipts queues n broadcasts on channel "wa" and claims them.
func claimForReceipts(t *testing.T, st *postgres.Store, n int) *postgres.Claim {
	t.Helper()
	to := domain.Phone("+6281234567001")
	out := make([]postgres.Outbound, n)
	for i := range out {
		out[i] = postgres.Outbound{Channel: "wa", To: to, Text: "undangan", Kind: "broadcast", Priority: postgres.PriorityBroadcast}
	}
	turn, err := st.BeginTurn(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	claim, err := st.ClaimOutbound(ctx, "wa", n, time.Minute)
	if err != nil || claim == nil || len(claim.Messages) != n {
		t.Fatalf("claimed %v, %v", claim, err)
	}
	return claim
}

func statuses(t *testing.T, st *postgres.Store) map[string]string {
	t.Helper()
	var rows []struct {
		Ext    string `db:"ext_id"`
		Status string `db:"status"`
	}
	if err := st.DB().Select(&rows, `SELECT ext_id, status FROM outbound_messages WHERE channel = 'wa' AND ext_id IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.Ext] = r.Status
	}
	return out
}

// A receipt for an id no message carries yet is kept and applied when a
// claim records the id; a kept read is not taken back by a later
// delivered, a failure report outranks both and keeps its reason; the
// claim's other messages stay sent. Purge applies kept
// receipts a Finish could not, and forgets, after a day, those that never
// matched (messages that are not ours).
func TestReceiptBeforeItsMessageIsRecorded(t *testing.T) {
	st := storetest.Store(t)
	claim := claimForReceipts(t, st, 4)
	if err := st.FailOutbound(ctx, "wa", "d", "131047 Re-engagement message"); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ ext, status string }{{"a", "delivered"}, {"b", "read"}, {"b", "delivered"}, {"d", "delivered"}, {"stranger", "read"}} {
		n, err := st.MarkOutboundStatus(ctx, "wa", []string{r.ext}, r.status)
		if err != nil || n != 0 {
			t.Fatalf("receipt %v before its message: %d rows, %v", r, n, err)
		}
	}
	var outcomes []postgres.SendOutcome
	for i, m := range claim.Messages {
		outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID, ExtID: string(rune('a' + i))})
	}
	if err := claim.Finish(ctx, outcomes); err != nil {
		t.Fatal(err)
	}
	if got := statuses(t, st); got["a"] != "delivered" || got["b"] != "read" || got["c"] != "sent" || got["d"] != "failed" {
		t.Fatalf("statuses after finish: %v", got)
	}
	var reason string
	_ = st.DB().Get(&reason, `SELECT error FROM outbound_messages WHERE ext_id = 'd'`)
	if reason != "131047 Re-engagement message" {
		t.Fatalf("failure reason %q", reason)
	}
	// Receipts after the record go straight to the row, and are not kept.
	if n, err := st.MarkOutboundStatus(ctx, "wa", []string{"c"}, "delivered"); err != nil || n != 1 {
		t.Fatalf("receipt after its message: %d rows, %v", n, err)
	}
	var kept []string
	_ = st.DB().Select(&kept, `SELECT ext_id FROM outbound_receipts ORDER BY ext_id`)
	if fmt.Sprint(kept) != "[stranger]" {
		t.Fatalf("kept receipts %v, want only the stranger's", kept)
	}

	// A receipt kept while a Finish's last statement failed: Purge applies it.
	if _, err := st.DB().Exec(`INSERT INTO outbound_receipts (channel, ext_id, status) VALUES ('wa', 'c', 'read')`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Purge(ctx, postgres.Retention{}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := statuses(t, st); got["c"] != "read" {
		t.Fatalf("purge did not apply a kept receipt: %v", got)
	}
	_ = st.DB().Select(&kept, `SELECT ext_id FROM outbound_receipts ORDER BY ext_id`)
	if fmt.Sprint(kept) != "[stranger]" {
		t.Fatalf("kept receipts after purge %v", kept)
	}
	if _, err := st.Purge(ctx, postgres.Retention{}, time.Now().Add(25*time.Hour)); err != nil {
		t.Fatal(err)
	}
	kept = nil
	_ = st.DB().Select(&kept, `SELECT ext_id FROM outbound_receipts`)
	if len(kept) != 0 {
		t.Fatalf("a day later, kept receipts %v", kept)
	}
}

// Receipts that race a claim's commit are never lost: each round fires
// every message's receipt at the moment Finish commits.
func TestReceiptsRacingFinish(t *testing.T) {
	st := storetest.Store(t)
	const rounds, n = 40, 5
	for round := range rounds {
		claim := claimForReceipts(t, st, n)
		var outcomes []postgres.SendOutcome
		var exts []string
		for _, m := range claim.Messages {
			ext := fmt.Sprintf("r%d-%d", round, m.ID)
			exts = append(exts, ext)
			outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID, ExtID: ext})
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i, ext := range exts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				time.Sleep(time.Duration(i*round%7) * 200 * time.Microsecond)
				if _, err := st.MarkOutboundStatus(ctx, "wa", []string{ext}, "delivered"); err != nil {
					t.Error(err)
				}
			}()
		}
		close(start)
		if err := claim.Finish(ctx, outcomes); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
	}
	lost := 0
	for ext, s := range statuses(t, st) {
		if s != "delivered" {
			lost++
			t.Logf("%s: %s", ext, s)
		}
	}
	if lost > 0 {
		t.Fatalf("%d of %d receipts lost", lost, rounds*n)
	}
}

// BenchmarkClaimAndFinish claims 20 messages and records them sent with
// the channel's ids: the dispatcher's statements for one batch, without
// the sends (what Finish does for early receipts is in the figure).
//
//	go test ./store/postgres -run '^$' -bench ClaimAndFinish -count 5
func BenchmarkClaimAndFinish(b *testing.B) {
	st := storetest.Store(b)
	to := domain.Phone("+6281234567001")
	const batch = 20
	out := make([]postgres.Outbound, batch*b.N)
	for i := range out {
		out[i] = postgres.Outbound{Channel: "wa", To: to, Text: "undangan", Kind: "broadcast", Priority: postgres.PriorityBroadcast}
	}
	turn, _ := st.BeginTurn(ctx, to)
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		b.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		claim, err := st.ClaimOutbound(ctx, "wa", batch, time.Minute)
		if err != nil || claim == nil {
			b.Fatal(claim, err)
		}
		outcomes := make([]postgres.SendOutcome, len(claim.Messages))
		for i, m := range claim.Messages {
			outcomes[i] = postgres.SendOutcome{ID: m.ID, ExtID: fmt.Sprintf("wamid.%d", m.ID)}
		}
		if err := claim.Finish(ctx, outcomes); err != nil {
			b.Fatal(err)
		}
	}
}
