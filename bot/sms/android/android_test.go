package android_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/bot/sms/android"
	"github.com/suaradesa/suaradesa/flows/smstext"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const key = "signing-key"

// phone is a fake SMS Gateway for Android: it takes messages on its API
// and records them; a 409 answers an id it has seen.
type phone struct {
	mu       sync.Mutex
	sent     []map[string]any
	seen     map[string]bool
	webhooks []map[string]string
}

func (p *phone) server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /message", func(w http.ResponseWriter, r *http.Request) {
		u, pw, ok := r.BasicAuth()
		if !ok || u != "sms" || pw != "secret" {
			w.WriteHeader(401)
			return
		}
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		p.mu.Lock()
		defer p.mu.Unlock()
		id := body["id"].(string)
		if p.seen[id] {
			w.WriteHeader(409)
			return
		}
		p.seen[id] = true
		p.sent = append(p.sent, body)
		w.WriteHeader(202)
		_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "state": "Pending"})
	})
	mux.HandleFunc("POST /webhooks", func(w http.ResponseWriter, r *http.Request) {
		var body map[string]string
		_ = json.NewDecoder(r.Body).Decode(&body)
		p.mu.Lock()
		p.webhooks = append(p.webhooks, body)
		p.mu.Unlock()
		w.WriteHeader(201)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func (p *phone) texts(to string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.sent {
		if m["phoneNumbers"].([]any)[0] == to {
			out = append(out, m["textMessage"].(map[string]any)["text"].(string))
		}
	}
	return out
}

type fixture struct {
	a     *android.Adapter
	p     *phone
	st    *postgres.Store
	hook  *httptest.Server
	disp  *bot.Dispatcher
	now   time.Time
	count int
}

func newFixture(t *testing.T) *fixture {
	h := bottest.New(t, bottest.Options{})
	f := &fixture{p: &phone{seen: map[string]bool{}}, st: h.Store, now: time.Now()}
	gw := f.p.server(t)
	f.a = android.New(android.Config{Name: "bimo", URL: gw.URL, User: "sms", Password: "secret", SigningKey: key}, h.Pipe, h.Store, h.Log)
	f.a.Now = func() time.Time { return f.now }
	h.Disp.Add(f.a)
	f.disp = h.Disp
	mux := http.NewServeMux()
	f.a.Register(mux)
	h.Run(t)
	f.hook = httptest.NewServer(mux)
	t.Cleanup(f.hook.Close)
	return f
}

func sign(body []byte, ts string) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write(body)
	mac.Write([]byte(ts))
	return hex.EncodeToString(mac.Sum(nil))
}

// post sends a webhook as the app does; sig "" signs it correctly.
func (f *fixture) post(t *testing.T, event string, payload map[string]any, ts time.Time, sig string) int {
	t.Helper()
	f.count++
	body, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("env-%d", f.count), "webhookId": "suaradesa-" + event,
		"event": event, "deviceId": "ffffffffceb0b1db", "payload": payload})
	tsv := strconv.FormatInt(ts.Unix(), 10)
	if sig == "" {
		sig = sign(body, tsv)
	}
	req, _ := http.NewRequest("POST", f.hook.URL+f.a.WebhookPath(), bytes.NewReader(body))
	req.Header.Set("X-Signature", sig)
	req.Header.Set("X-Timestamp", tsv)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func received(from, text, msgID, at string) map[string]any {
	return map[string]any{"messageId": msgID, "message": text, "phoneNumber": from, "simNumber": 1, "receivedAt": at}
}

// replies waits until n messages reached the phone for to.
func (f *fixture) replies(t *testing.T, to string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if got := f.p.texts(to); len(got) >= n {
			time.Sleep(100 * time.Millisecond)
			return f.p.texts(to)
		}
		f.disp.Wake(f.a.Name())
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s got %d messages, want %d: %q", to, len(f.p.texts(to)), n, f.p.texts(to))
	return nil
}

func TestWebhookSecurityAndDedupe(t *testing.T) {
	f := newFixture(t)
	msg := received("081234567301", "halo", "m1", "2026-11-28T09:00:00.000+07:00")
	if code := f.post(t, "sms:received", msg, f.now, "00"); code != 401 {
		t.Fatalf("bad signature: %d", code)
	}
	if code := f.post(t, "sms:received", msg, f.now.Add(-10*time.Minute), ""); code != 401 {
		t.Fatalf("stale timestamp: %d", code)
	}
	if code := f.post(t, "sms:received", msg, f.now, ""); code != 200 {
		t.Fatalf("good webhook: %d", code)
	}
	// The app sends the same SMS again with a new envelope id: once only.
	if code := f.post(t, "sms:received", msg, f.now, ""); code != 200 {
		t.Fatalf("duplicate webhook: %d", code)
	}
	got := f.replies(t, "+6281234567301", 1)
	// The SMS consent arrives whole, question included, within the budget.
	if n, _ := smstext.Segments(got[0]); len(got) != 1 || !strings.HasSuffix(got[0], "Setuju? Balas YA atau TIDAK.") || n > smstext.MaxSegments {
		t.Fatalf("replies %q", got)
	}
	// The same text sent again later is a new message (the app's messageId
	// is derived from the content).
	f.post(t, "sms:received", received("081234567301", "halo", "m1", "2026-11-28T09:05:00.000+07:00"), f.now, "")
	if got := f.replies(t, "+6281234567301", 2); !strings.Contains(got[1], "Mohon balas YA") {
		t.Fatalf("second identical sms: %q", got)
	}
	var logged int
	_ = f.st.DB().Get(&logged, `SELECT count(*) FROM inbound_messages WHERE channel = 'sms:bimo'`)
	if logged != 2 {
		t.Fatalf("%d inbound rows, want 2", logged)
	}
}

func TestOutboundWireAndDelivery(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.post(t, "sms:received", received("+6281234567302", "halo", "m1", "t1"), f.now, "")
	f.replies(t, "+6281234567302", 1)
	f.p.mu.Lock()
	m := f.p.sent[0]
	f.p.mu.Unlock()
	id, _ := m["id"].(string)
	if !strings.HasPrefix(id, "sd-") || m["withDeliveryReport"] != true {
		t.Fatalf("message %v", m)
	}
	text := m["textMessage"].(map[string]any)["text"].(string)
	if n, gsm7 := smstext.Segments(text); !gsm7 || n > smstext.MaxSegments {
		t.Fatalf("reply costs %d segments, gsm7=%v: %q", n, gsm7, text)
	}
	// Delivery and failure events move our rows.
	if code := f.post(t, "sms:delivered", map[string]any{"messageId": id, "phoneNumber": "+6281234567302", "deliveredAt": "x"}, f.now, ""); code != 200 {
		t.Fatal(code)
	}
	counts, _ := f.st.OutboundCounts(ctx)
	if counts["delivered"] != 1 {
		t.Fatalf("counts %v", counts)
	}
	// A resend of the same outbound id is answered 409 and counts as sent.
	if ext, err := f.a.Send(ctx, bot.Message{ID: mustID(id), To: "+6281234567302", Text: "x"}); err != nil || ext != id {
		t.Fatalf("resend: %q %v", ext, err)
	}
	f.post(t, "sms:failed", map[string]any{"messageId": id, "phoneNumber": "+6281234567302", "reason": "RESULT_ERROR_GENERIC_FAILURE"}, f.now, "")
	counts, _ = f.st.OutboundCounts(ctx)
	if counts["failed"] != 1 {
		t.Fatalf("after failure %v", counts)
	}
	// Registering the webhooks asks the phone for the five events.
	if err := f.a.RegisterWebhooks(ctx, "https://desa.example/sms/android/bimo/webhook"); err != nil {
		t.Fatal(err)
	}
	if len(f.p.webhooks) != 5 || f.p.webhooks[0]["event"] != "sms:received" || f.p.webhooks[0]["url"] == "" ||
		f.p.webhooks[4]["event"] != "sms:cancelled" {
		t.Fatalf("webhooks %v", f.p.webhooks)
	}
}

func mustID(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimPrefix(s, "sd-"), 10, 64)
	return n
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"e1","webhookId":"w","event":"sms:received","deviceId":"d","payload":{"messageId":"m","message":"halo","phoneNumber":"+62812","receivedAt":"t"}}`))
	f.Add([]byte(`{"event":"sms:failed","payload":{"messageId":"sd-1","reason":"x"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		env, _, err := android.Parse(body)
		if err == nil && env.Event == "" {
			t.Fatal("parsed a webhook without event")
		}
	})
}
