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
	"github.com/suaradesa/suaradesa/store/storetest"
)

// Messages arriving together share a transaction; when one of them fails,
// the others are still handled, each exactly once, and only the failing one
// is refused (for its channel to deliver again).
func TestGroupCommit(t *testing.T) {
	ctx := context.Background()
	var logs storetest.LogBuffer
	h := bottest.New(t, bottest.Options{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	m := bot.NewMetrics(nil)
	st, sessions, pipe := h.Store, h.Sessions, h.Pipe
	pipe.Metrics, pipe.Committers = m, 1
	slow, bad := domain.Phone("+6281299000000"), domain.Phone("+6281299000031")
	// Faults injected in the database: the first message holds the only
	// committer for a moment, so that the others gather behind it; one
	// sender's message fails inside the batch.
	_, err := st.DB().Exec(fmt.Sprintf(`
		CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.phone = '%s' THEN PERFORM pg_sleep(0.5); END IF;
			IF NEW.phone = '%s' THEN RAISE EXCEPTION 'injected fault'; END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER test_fault BEFORE INSERT ON inbound_messages FOR EACH ROW EXECUTE FUNCTION test_fault();`, slow, bad))
	if err != nil {
		t.Fatal(err)
	}
	send := func(p domain.Phone) error {
		_, err := pipe.Handle(ctx, bot.Inbound{Channel: "sim", ExtID: string(p) + "/1", From: p, Text: "halo"})
		return err
	}
	first := make(chan error, 1)
	go func() { first <- send(slow) }()
	// Wait until the slow message holds the committer (asleep in its
	// inbound insert).
	for deadline := time.Now().Add(5 * time.Second); ; {
		var n int
		_ = st.DB().Get(&n, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`)
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the slow message never reached the database")
		}
		time.Sleep(5 * time.Millisecond)
	}
	const others = 60
	errs := make([]error, others)
	var wg sync.WaitGroup
	for i := range others {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = send(domain.Phone(fmt.Sprintf("+62812990000%02d", i+1)))
		}()
	}
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatalf("slow message: %v", err)
	}
	for i, err := range errs {
		p := fmt.Sprintf("+62812990000%02d", i+1)
		if (err != nil) != (domain.Phone(p) == bad) {
			t.Errorf("%s: err %v", p, err)
		}
	}
	if v := value(t, m, "suaradesa_turn_batch_size", nil); v < 1 {
		t.Fatalf("no batch of more than one message (%v)", v)
	}
	if !strings.Contains(logs.String(), "batch rolled back") {
		t.Fatalf("the failing message was not in a batch; log:\n%s", logs.String())
	}
	// Each accepted message once, with its replies; none for the refused.
	type row struct {
		Phone   string `db:"phone"`
		In, Out int
	}
	var rows []row
	if err := st.DB().Select(&rows, `
		SELECT i.phone, count(DISTINCT i.id) AS "in", count(o.id) AS "out" FROM inbound_messages i
		LEFT JOIN outbound_messages o ON o.inbound_id = i.id
		WHERE i.phone LIKE '+62812990000%' GROUP BY i.phone`); err != nil {
		t.Fatal(err)
	}
	if len(rows) != others {
		t.Fatalf("%d senders stored, want %d (all but the failing one, plus the slow one)", len(rows), others)
	}
	for _, r := range rows {
		if r.Phone == string(bad) || r.In != 1 || r.Out == 0 || r.Out != rows[0].Out {
			t.Errorf("%s: %d inbound, %d replies", r.Phone, r.In, r.Out)
		}
		// The session was saved (registration under way) and the lock
		// released, whether with the batch's or alone.
		lock, sess, err := sessions.Acquire(ctx, domain.Phone(r.Phone), 0)
		if err != nil || sess.Flow == "" {
			t.Errorf("%s: session %+v, lock %v", r.Phone, sess, err)
			continue
		}
		_ = lock.Release(ctx)
	}
}
