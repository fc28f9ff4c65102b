package bot_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// One person writing by SMS and by WhatsApp is one contact with one
// conversation; each reply goes back where the message came from; pushes
// follow the last channel used unless a facilitator pinned one.
func TestOnePersonTwoChannels(t *testing.T) {
	ctx := context.Background()
	pipe, st := seededPipeline(t)
	const who = domain.Phone("+6281234500123")
	const sms, wa = "sms:modem", "whatsapp:+6281100009999"
	n := 0
	send := func(channel, text string) {
		t.Helper()
		n++
		if _, err := pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: string(rune('a' + n)), From: who, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	lastReply := func() (channel, text string) {
		t.Helper()
		_ = st.DB().QueryRowx(`SELECT channel, text FROM outbound_messages WHERE to_phone = $1 ORDER BY id DESC LIMIT 1`, string(who)).Scan(&channel, &text)
		return channel, text
	}
	contactChannel := func() string {
		var c string
		_ = st.DB().Get(&c, `SELECT channel FROM contacts WHERE phone = $1`, string(who))
		return c
	}

	send(sms, "halo")
	if ch, _ := lastReply(); ch != sms {
		t.Fatalf("welcome went by %s", ch)
	}
	send(wa, "ya") // consent given on WhatsApp continues the same conversation
	ch, text := lastReply()
	if ch != wa || text == "" {
		t.Fatalf("reply to WhatsApp went by %s", ch)
	}
	var contacts int
	_ = st.DB().Get(&contacts, `SELECT count(*) FROM contacts WHERE phone = $1`, string(who))
	if contacts != 1 || contactChannel() != wa {
		t.Fatalf("%d contacts, channel %q; want one, on WhatsApp", contacts, contactChannel())
	}

	// A facilitator pins SMS: writing by WhatsApp is still answered there,
	// but pushes stay on SMS.
	if err := st.SetPreferredChannel(ctx, who, sms); err != nil {
		t.Fatal(err)
	}
	send(wa, "MENU")
	if ch, _ := lastReply(); ch != wa || contactChannel() != sms {
		t.Fatalf("reply by %s, pushes by %s", ch, contactChannel())
	}
	if err := st.SetPreferredChannel(ctx, who, ""); err != nil {
		t.Fatal(err)
	}
	send(wa, "MENU")
	if contactChannel() != wa {
		t.Fatalf("unpinned, pushes by %s", contactChannel())
	}
	if err := st.SetPreferredChannel(ctx, "+6281299999999", sms); err == nil {
		t.Fatal("pinned a channel for nobody")
	}
}

// Pushes and broadcasts that WhatsApp could not deliver go by SMS, once;
// replies do not move.
func TestFallbackToSMS(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	const wa = "whatsapp:+6281100009999"
	to := domain.Phone("+6281234500124")
	msgs := []postgres.Outbound{
		{Channel: wa, To: to, Text: "push failed", Kind: "push", Priority: postgres.PriorityPush},
		{Channel: wa, To: to, Text: "broadcast waiting long", Kind: "broadcast"},
		{Channel: wa, To: to, Text: "broadcast just queued", Kind: "broadcast"},
		{Channel: wa, To: to, Text: "reply failed", Kind: "reply", Priority: postgres.PriorityReply},
		{Channel: wa, To: to, Text: "broadcast of last week", Kind: "broadcast"},
		{Channel: "sms:other", To: to, Text: "sms failed", Kind: "broadcast"},
		{Channel: wa, To: to, Text: "broadcast over the daily cap", Kind: "broadcast"},
	}
	turn, _ := st.BeginTurn(ctx, to)
	ids, err := turn.QueueOutbound(ctx, msgs)
	if err != nil || turn.Commit() != nil {
		t.Fatal(err)
	}
	db := st.DB()
	db.MustExec(`UPDATE outbound_messages SET status = 'failed' WHERE id = ANY($1)`, pqInts(ids[0], ids[3], ids[5]))
	db.MustExec(`UPDATE outbound_messages SET created_at = now() - interval '2 hours' WHERE id = $1`, ids[1])
	db.MustExec(`UPDATE outbound_messages SET created_at = now() - interval '7 days', status = 'failed' WHERE id = $1`, ids[4])
	db.MustExec(`UPDATE outbound_messages SET created_at = now() - interval '2 hours', next_attempt_at = now() + interval '10 hours' WHERE id = $1`, ids[6])

	woken := ""
	f := &bot.Fallback{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Channel: "sms:modem", After: time.Hour,
		Wake: func(c string) { woken = c }}
	n, err := f.RunOnce(ctx)
	if err != nil || n != 3 || woken != "sms:modem" {
		t.Fatalf("rerouted %d (%v), woke %q; want the failed push, the long-waiting broadcast and the broadcast another SMS gateway failed", n, err, woken)
	}
	for i, want := range []string{"sms:modem", "sms:modem", wa, wa, wa, "sms:modem", wa} {
		var ch, status string
		_ = db.QueryRowx(`SELECT channel, status FROM outbound_messages WHERE id = $1`, ids[i]).Scan(&ch, &status)
		if ch != want {
			t.Fatalf("%q is on %s, want %s", msgs[i].Text, ch, want)
		}
		if want == "sms:modem" && status != "queued" {
			t.Fatalf("%q rerouted as %s", msgs[i].Text, status)
		}
	}
	// Failing again on SMS does not send it round again.
	db.MustExec(`UPDATE outbound_messages SET status = 'failed' WHERE id = $1`, ids[0])
	if n, _ := f.RunOnce(ctx); n != 0 {
		t.Fatalf("second round rerouted %d", n)
	}
}

func pqInts(ids ...int64) any { return pq.Array(ids) }

// The retention job forgets files that belong to no record, on disk too,
// and keeps the others.
func TestRetentionRemovesFiles(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	files, _ := media.NewLocal(t.TempDir(), 1<<20)
	loose, _ := files.Put([]byte("\xff\xd8\xff loose photo"), "image/jpeg")
	st.DB().MustExec(`INSERT INTO media (sha256, mime, kind, size, path, created_at) VALUES ($1, 'image/jpeg', 'image', 1, $2, now() - interval '200 days')`, loose.SHA256, loose.Path)
	r := &bot.Retention{Store: st, Media: files, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Periods: postgres.Retention{Messages: 365 * 24 * time.Hour, Media: 180 * 24 * time.Hour}}
	res, err := r.RunOnce(ctx)
	if err != nil || len(res.MediaPaths) != 1 {
		t.Fatalf("purge %+v %v", res, err)
	}
	if f, err := files.Open(loose.Path); err == nil {
		f.Close()
		t.Fatal("the purged file is still on disk")
	}
}
