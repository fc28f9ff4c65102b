package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
)

// A conversation in progress at the deploy of the flow packages goes on:
// the session the release before wrote to Redis (answers in "d", a map of
// strings) is read by the pipeline, and its answers reach the gagasan
// stored in Postgres (flows' TestLegacySessions has every flow).
func TestLegacySessionInRedis(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	const channel = "whatsappcloud:1"
	phone := domain.Phone("+6281234567091")
	dusun, _ := h.Store.ListDusun(ctx, "34.04.11.2002")
	if _, err := h.Store.UpsertRegisteredContact(ctx, domain.Contact{Phone: phone, Name: "Darmi", DesaKode: "34.04.11.2002", DusunID: dusun[0].ID, Channel: channel}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "wamid.1", From: phone, Text: "GAGASAN"}); err != nil {
		t.Fatal(err)
	}
	lock, sess, err := h.Sessions.Acquire(ctx, phone, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = lock.Release(ctx)
	// The old release's session at the summary, as its code wrote it.
	old := fmt.Sprintf(`{"f":"gagasan","s":"confirm","d":{"cat":"INFRASTRUKTUR","title":"Talud dusun longsor","desc":"Talud di tepi sungai longsor saat banjir","hh":"25","poor":"7","dusun":"%d","dusun_nama":%q},"q":%d,"t":%q}`,
		dusun[0].ID, dusun[0].Nama, sess.Seq, time.Now().UTC().Format(time.RFC3339Nano))
	if err := h.Redis.Set(ctx, h.Prefix+"sess:"+string(phone), old, time.Hour).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "wamid.2", From: phone, Text: "YA"}); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Title, Description, Category string
		Households, Poor             int
		DusunID                      int64 `db:"dusun_id"`
	}
	err = h.Store.DB().Get(&g, `SELECT title, description, category, households, poor_households AS poor, dusun_id
		FROM gagasan WHERE sender_id = (SELECT id FROM contacts WHERE phone = $1)`, string(phone))
	if err != nil {
		t.Fatalf("the old session's gagasan was not stored: %v", err)
	}
	if g.Title != "Talud dusun longsor" || g.Description != "Talud di tepi sungai longsor saat banjir" || g.Category != "INFRASTRUKTUR" ||
		g.Households != 25 || g.Poor != 7 || g.DusunID != dusun[0].ID {
		t.Fatalf("stored %+v", g)
	}
}
