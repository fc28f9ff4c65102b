package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// A number change moves the conversation too: a flow under way goes on
// from the new number, and the person is told once, in their language.
func TestMoveNumberKeepsTheConversation(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	st, sessions, pipe := h.Store, h.Sessions, h.Pipe
	const channel = "whatsappcloud:1"
	old, nu := domain.Phone("+6281234567081"), domain.Phone("+6285712345681")
	dusun, _ := st.ListDusun(ctx, "34.04.11.2002")
	if _, err := st.UpsertRegisteredContact(ctx, domain.Contact{Phone: old, Name: "Darto", DesaKode: "34.04.11.2002", DusunID: dusun[0].ID, Channel: channel}); err != nil {
		t.Fatal(err)
	}
	if _, err := pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "wamid.1", From: old, Text: "GAGASAN"}); err != nil {
		t.Fatal(err)
	}
	flowOf := func(p domain.Phone) string {
		lock, sess, err := sessions.Acquire(ctx, p, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		_ = lock.Release(ctx)
		return sess.Flow
	}
	started := flowOf(old)
	if started == "" {
		t.Fatal("GAGASAN started no flow")
	}
	c := bot.NumberChange{Channel: channel, ExtID: "wamid.SYS", From: old, To: nu}
	if out, err := pipe.MoveNumber(ctx, c); err != nil || out != postgres.MoveDone {
		t.Fatalf("move: %q, %v", out, err)
	}
	if got := flowOf(nu); got != started {
		t.Fatalf("flow on the new number %q, want %q", got, started)
	}
	if got := flowOf(old); got != "" {
		t.Fatalf("the old number keeps a conversation: %q", got)
	}
	contact, err := st.ContactByPhone(ctx, nu)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	_ = st.DB().Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND inbound_id IS NOT NULL
		AND inbound_id = (SELECT id FROM inbound_messages WHERE ext_id = 'wamid.SYS')`, string(nu))
	if len(texts) != 1 || texts[0] != flow.Render(contact.Lang, flow.MsgNumberMoved, nil) {
		t.Fatalf("notice %q", texts)
	}
	if out, err := pipe.MoveNumber(ctx, c); err != nil || out != postgres.MoveDuplicate {
		t.Fatalf("again: %q, %v", out, err)
	}
	// The conversation goes on from the new number.
	if _, err := pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "wamid.2", From: nu, Text: "BATAL"}); err != nil {
		t.Fatal(err)
	}
}
