package android_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The app's own payloads (SmsEventPayload in capcom6/android-sms-gateway,
// serialised by Gson: nulls left out, dates as yyyy-MM-dd'T'HH:mm:ss.SSSXXX).
// A received SMS names its sender in "sender"; "phoneNumber" is deprecated
// (an app that drops it still works, one that predates "sender" too).
func TestAppPayloadShapes(t *testing.T) {
	f := newFixture(t)
	// The current app: sender and the deprecated phoneNumber, our SIM as recipient.
	current := map[string]any{"messageId": "f4c0a1", "message": "halo", "sender": "+6281234567311", "recipient": "+6281100000077",
		"simNumber": 1, "phoneNumber": "+6281234567311", "receivedAt": "2026-11-28T09:00:00.000+07:00"}
	// A later app without phoneNumber, and no recipient (a SIM that does not know its number).
	later := map[string]any{"messageId": "9b17e2", "message": "halo", "sender": "081234567312",
		"simNumber": 2, "receivedAt": "2026-11-28T09:01:00.000+07:00"}
	// An app older than "sender".
	older := map[string]any{"messageId": "77aa01", "message": "halo", "phoneNumber": "+6281234567313", "receivedAt": "2026-11-28T09:02:00.000+07:00"}
	for _, p := range []map[string]any{current, later, older} {
		if code := f.post(t, "sms:received", p, f.now, ""); code != 200 {
			t.Fatalf("%v: %d", p, code)
		}
	}
	for _, to := range []string{"+6281234567311", "+6281234567312", "+6281234567313"} {
		if got := f.replies(t, to, 1); !strings.Contains(got[0], "Setuju?") {
			t.Fatalf("%s got %q", to, got)
		}
	}
}

// sms:cancelled (the phone gave up on a message before sending it) fails
// our row, and the SMS fallback, when it is another gateway, sends a push
// or broadcast once more from there.
func TestCancelledGoesToAnotherGateway(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	const to = domain.Phone("+6281234567321")
	turn, err := f.st.BeginTurn(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: f.a.Name(), To: to, Text: "Undangan Musdus", Kind: "broadcast"}})
	if err != nil || turn.Commit() != nil {
		t.Fatal(err)
	}
	f.replies(t, string(to), 1)
	f.p.mu.Lock()
	ext := f.p.sent[0]["id"].(string) // our id, which the app's events carry
	f.p.mu.Unlock()
	cancelled := map[string]any{"messageId": ext, "recipient": string(to), "phoneNumber": string(to), "simNumber": 1,
		"cancelledAt": "2026-11-28T10:00:00.000+07:00"}
	if code := f.post(t, "sms:cancelled", cancelled, f.now, ""); code != 200 {
		t.Fatalf("sms:cancelled: %d", code)
	}
	var status, reason string
	_ = f.st.DB().QueryRow(`SELECT status, coalesce(error, '') FROM outbound_messages WHERE id = $1`, ids[0]).Scan(&status, &reason)
	if status != "failed" || !strings.Contains(reason, "cancelled") {
		t.Fatalf("after sms:cancelled the message is %s (%q), want failed", status, reason)
	}
	fb := &bot.Fallback{Store: f.st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Channel: "sms:other", After: time.Hour}
	if n, err := fb.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("fallback moved %d (%v), want the cancelled broadcast", n, err)
	}
	var channel string
	_ = f.st.DB().QueryRow(`SELECT channel, status FROM outbound_messages WHERE id = $1`, ids[0]).Scan(&channel, &status)
	if channel != "sms:other" || status != "queued" {
		t.Fatalf("the cancelled broadcast is %s on %s", status, channel)
	}
	// The fallback gateway's own failures stay failed: one more try only.
	f.st.DB().MustExec(`UPDATE outbound_messages SET status = 'failed' WHERE id = $1`, ids[0])
	if n, _ := fb.RunOnce(ctx); n != 0 {
		t.Fatalf("moved again: %d", n)
	}
}
