package postgres_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// A batch holds several senders' turns in one transaction: all of them are
// stored at its commit, none at its rollback.
func TestBatchAllOrNothing(t *testing.T) {
	st := storetest.SeededStore(t)
	phones := []domain.Phone{domain.MustPhone("081234567911"), domain.MustPhone("081234567912"), domain.MustPhone("081100000001")}
	count := func() (in, out int) {
		t.Helper()
		_ = st.DB().Get(&in, `SELECT count(*) FROM inbound_messages WHERE ext_id LIKE 'b/%'`)
		_ = st.DB().Get(&out, `SELECT count(*) FROM outbound_messages WHERE text = 'balasan'`)
		return in, out
	}
	run := func(round string, commit bool) {
		t.Helper()
		b, err := st.BeginBatch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Rollback()
		var ins []postgres.Inbound
		for _, p := range phones {
			ins = append(ins, postgres.Inbound{Channel: "sim", ExtID: "b/" + round + string(p), Phone: p, Text: "halo"})
		}
		logged, err := b.LoggedTurns(ctx, ins)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range logged {
			if l.Duplicate || l.InboundID == 0 {
				t.Fatalf("%s %s: %+v", round, phones[i], l)
			}
			turn := l.Turn
			if _, err := turn.FinishWithReplies(ctx, []postgres.Outbound{{Channel: "sim", To: phones[i], Text: "balasan"}}, "", "sim"); err != nil {
				t.Fatal(err)
			}
			// A turn's own commit and rollback leave the batch alone.
			if err := turn.Commit(); err != nil {
				t.Fatal(err)
			}
			turn.Rollback()
		}
		// The same message again inside the batch is a duplicate.
		if again, err := b.LoggedTurns(ctx, ins[:1]); err != nil || !again[0].Duplicate {
			t.Fatalf("repeat in batch: %+v %v", again, err)
		}
		if commit {
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	run("1", false)
	if in, out := count(); in != 0 || out != 0 {
		t.Fatalf("rolled back batch left %d inbound, %d outbound", in, out)
	}
	run("2", true)
	if in, out := count(); in != 3 || out != 3 {
		t.Fatalf("committed batch stored %d inbound, %d outbound; want 3 and 3", in, out)
	}
}

// The statement cache prepares a statement once per connection, and a
// statement whose table changed shape is prepared again rather than failing
// for ever.
func TestStatementCache(t *testing.T) {
	st := storetest.Store(t)
	conn, err := st.DB().Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE cache_probe (a int)`); err != nil {
		t.Fatal(err)
	}
	const q = `SELECT * FROM cache_probe WHERE a = $1`
	for i := range 8 {
		if _, err := conn.ExecContext(ctx, `INSERT INTO cache_probe VALUES ($1)`, i); err != nil {
			t.Fatal(err)
		}
		var rows []map[string]any
		r, err := conn.QueryxContext(ctx, q, i)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			m := map[string]any{}
			_ = r.MapScan(m)
			rows = append(rows, m)
		}
		r.Close()
		if len(rows) != 1 {
			t.Fatalf("round %d: %d rows", i, len(rows))
		}
	}
	var prepared int
	if err := conn.GetContext(ctx, &prepared, `SELECT count(*) FROM pg_prepared_statements WHERE statement IN ($1, $2)`,
		q, `INSERT INTO cache_probe VALUES ($1)`); err != nil || prepared != 2 {
		t.Fatalf("%d statements prepared on the connection, want 2 (%v)", prepared, err)
	}
	if _, err := conn.ExecContext(ctx, `ALTER TABLE cache_probe ADD COLUMN b text DEFAULT 'x'`); err != nil {
		t.Fatal(err)
	}
	// The first use after the change may fail ("cached plan must not
	// change result type"); the next one works and sees the new column.
	var cols []string
	for range 2 {
		r, err := conn.QueryxContext(ctx, q, 3)
		if err != nil {
			continue
		}
		cols, _ = r.Columns()
		r.Close()
		break
	}
	if len(cols) != 2 {
		t.Fatalf("after the change: columns %v", cols)
	}
}

// A claim hands its messages over replies first, then by age, whatever
// order the database returns updated rows in.
func TestClaimOrder(t *testing.T) {
	st := storetest.Store(t)
	insert := func(to, text string, prio int) {
		t.Helper()
		if _, err := st.DB().Exec(`INSERT INTO outbound_messages (channel, to_phone, text, kind, priority) VALUES ('sim', $1, $2, $3, $4)`,
			to, text, map[bool]string{true: "reply", false: "broadcast"}[prio == postgres.PriorityReply], prio); err != nil {
			t.Fatal(err)
		}
	}
	insert("+6281200000001", "siaran 1", postgres.PriorityBroadcast)
	insert("+6281200000002", "balasan 1", postgres.PriorityReply)
	insert("+6281200000001", "siaran 2", postgres.PriorityBroadcast)
	insert("+6281200000003", "balasan 2", postgres.PriorityReply)
	msgs := peekQueued(t, st, "sim")
	var got []string
	for _, m := range msgs {
		got = append(got, m.Text)
	}
	if strings.Join(got, ",") != "balasan 1,balasan 2,siaran 1,siaran 2" {
		t.Fatalf("claimed in order %v", got)
	}
}

// LoggedTurns and FinishAll do for a whole batch, in one statement each,
// what BeginLoggedTurn and FinishWithReplies do for one message.
func TestLoggedTurnsAndFinishAll(t *testing.T) {
	st := storetest.SeededStore(t)
	stranger, kpmd, again := domain.MustPhone("081234567921"), domain.MustPhone("081100000001"), domain.MustPhone("081234567922")
	// again's message was handled before.
	if turn, _, _, err := st.BeginLoggedTurn(ctx, postgres.Inbound{Channel: "sim", ExtID: "a/1", Phone: again, Text: "halo"}); err != nil {
		t.Fatal(err)
	} else if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var before int64
	_ = st.DB().Get(&before, `SELECT session_seq FROM contacts WHERE phone = $1`, string(kpmd))

	b, err := st.BeginBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	if _, err := b.LoggedTurns(ctx, []postgres.Inbound{{Channel: "sim", ExtID: "x", Phone: kpmd}, {Channel: "sim", ExtID: "y", Phone: kpmd}}); err == nil {
		t.Fatal("one sender twice in a batch accepted")
	}
	if _, err := b.LoggedTurns(ctx, []postgres.Inbound{{Channel: "sim", ExtID: "x", Phone: kpmd}, {Channel: "sim", ExtID: "x", Phone: stranger}}); err == nil {
		t.Fatal("one message id twice in a batch accepted")
	}
	logged, err := b.LoggedTurns(ctx, []postgres.Inbound{
		{Channel: "sim", ExtID: "s/1", Phone: stranger, Text: "halo"},
		{Channel: "sim", ExtID: "a/1", Phone: again, Text: "halo"},
		{Channel: "sim", ExtID: "k/1", Phone: kpmd, Text: "JADWAL"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(logged) != 3 || logged[0].Duplicate || logged[0].Turn.Contact() != nil || !logged[1].Duplicate || logged[2].Duplicate {
		t.Fatalf("logged %+v", logged)
	}
	k := logged[2].Turn.Contact()
	if k == nil || !k.HasRole(domain.RoleKPMD, "34.04.11.2002") || k.SessionSeq != before {
		t.Fatalf("kpmd read as %+v", k)
	}
	seqs, err := b.FinishAll(ctx, []postgres.Finish{
		{Turn: logged[0].Turn, Replies: []postgres.Outbound{{Channel: "sim", To: stranger, Text: "selamat datang"}}, Flow: "daftar", Channel: "sim"},
		{Turn: logged[2].Turn, Replies: []postgres.Outbound{{Channel: "sim", To: kpmd, Text: "jadwal 1"}, {Channel: "sim", To: kpmd, Text: "jadwal 2"}}, Channel: "sim"},
	})
	if err != nil || len(seqs) != 2 || seqs[0] != 0 || seqs[1] != before+1 {
		t.Fatalf("seqs %v (before %d): %v", seqs, before, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	_ = st.DB().Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone IN ($1, $2) ORDER BY id`, string(stranger), string(kpmd))
	if strings.Join(texts, ",") != "selamat datang,jadwal 1,jadwal 2" {
		t.Fatalf("queued %v", texts)
	}
	var kept []sql.NullString
	_ = st.DB().Select(&kept, `SELECT text FROM inbound_messages WHERE ext_id IN ('s/1', 'k/1') ORDER BY ext_id`)
	if len(kept) != 2 || kept[0].String != "JADWAL" || kept[1].Valid {
		t.Fatalf("inbound texts kept %v (only the contact's)", kept)
	}
}
