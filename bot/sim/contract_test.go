package sim_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot/sim"
)

func TestInboundContract(t *testing.T) {
	s := startServer(t)
	cases := []struct {
		name string
		body any
		code int
		err  string
	}{
		{"malformed", `{"from": "0812`, 400, "malformed JSON"},
		{"not an object", `[1,2]`, 400, "malformed JSON"},
		{"bad phone", inbound{From: "halo", Text: "x"}, 400, "phone"},
		{"nothing", inbound{From: "081234567009"}, 400, "one of text, image, audio or location"},
		{"bad base64", inbound{From: "081234567009", Image: map[string]any{"mime": "image/jpeg", "data_base64": "***"}}, 400, "base64"},
		{"bad location", inbound{From: "081234567009", Location: map[string]any{"lat": 200, "lng": 1}}, 400, "lat"},
		{"null island", inbound{From: "081234567009", Location: map[string]any{"lat": 0, "lng": 0}}, 400, "lat"},
		{"image and audio", inbound{From: "081234567009", Image: map[string]any{"mime": "image/jpeg", "data_base64": "/9j/"},
			Audio: map[string]any{"mime": "audio/ogg", "data_base64": "T2dnUw=="}}, 400, "not both"},
		{"empty audio", inbound{From: "081234567009", Audio: map[string]any{"mime": "audio/ogg", "data_base64": ""}}, 400, "audio is empty"},
		{"ok", inbound{From: "081234567009", Text: "halo", ID: "c1"}, 202, ""},
		{"NUL byte", `{"from":"081234567012","text":"ha\u0000lo","id":"n1"}`, 202, ""},
	}
	for _, tc := range cases {
		code, body := s.post(t, tc.body)
		if code != tc.code {
			t.Errorf("%s: status %d, want %d (%v)", tc.name, code, tc.code, body)
		}
		if e, _ := body["error"].(string); tc.err != "" && !strings.Contains(e, tc.err) {
			t.Errorf("%s: error %q lacks %q", tc.name, body["error"], tc.err)
		}
		if tc.code == 202 && body["duplicate"] != false {
			t.Errorf("%s: body %v", tc.name, body)
		}
	}
	if got := s.replies(t, "+6281234567009"); len(got) != 1 || !strings.Contains(got[0].Text, "Selamat datang") {
		t.Fatalf("replies %v", got)
	}
	// An empty poll waits, then answers with no messages and the same cursor.
	start := time.Now()
	msgs := s.poll(t, "+6281234567009", 300*time.Millisecond)
	if len(msgs) != 0 || time.Since(start) < 250*time.Millisecond {
		t.Fatalf("empty poll returned %v after %v", msgs, time.Since(start))
	}
	for _, q := range []string{"to=abc", "to=081234567009&after=x", "to=081234567009&wait=forever"} {
		resp, err := s.client.Get(s.URL + "/sim/outbound?" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("GET outbound?%s: %d, want 400", q, resp.StatusCode)
		}
	}
}

// A burst of the same message id, even concurrent, is processed once.
func TestDuplicateBurstProcessedOnce(t *testing.T) {
	s := startServer(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	fresh := 0
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body := s.post(t, inbound{From: "081234567010", Text: "halo", ID: "same"})
			if code != 202 {
				t.Errorf("status %d %v", code, body)
				return
			}
			if body["duplicate"] == false {
				mu.Lock()
				fresh++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if fresh != 1 {
		t.Fatalf("%d of 20 posts processed, want 1", fresh)
	}
	got := s.replies(t, "+6281234567010")
	if len(got) != 1 {
		t.Fatalf("%d replies to one message", len(got))
	}
}

// One contact's messages sent at once are handled one at a time, each once:
// a resident typing fast through registration ends registered.
func TestOneContactInOrder(t *testing.T) {
	s := startServer(t)
	steps := []string{"halo", "ya", "Dewi", "1", "1", "1"}
	for i, text := range steps {
		code, _ := s.post(t, inbound{From: "081234567011", Text: text, ID: "m" + string(rune('a'+i))})
		if code != 202 {
			t.Fatalf("status %d", code)
		}
	}
	c, err := s.Store.ContactByPhone(context.Background(), "+6281234567011")
	if err != nil || !c.Registered() || c.Name != "Dewi" || c.SessionSeq != 5 {
		t.Fatalf("contact %+v, %v", c, err)
	}
}

func FuzzParseInbound(f *testing.F) {
	f.Add([]byte(`{"from":"081234567001","text":"halo","id":"1"}`))
	f.Add([]byte(`{"from":"+62 812 3456 7001","image":{"mime":"image/jpeg","data_base64":"/9j/"}}`))
	f.Add([]byte(`{"from":"6281234567001","location":{"lat":-7.7,"lng":110.4}}`))
	f.Add([]byte(`{"from":null,"text":5}`))
	f.Add([]byte(`{"from":"081234567001","text":"HADIR R-7KM4XA","group":"rt03-kejambon@g.us","mention":true}`))
	f.Add([]byte(`{"from":"081234567001","audio":{"mime":"audio/ogg","data_base64":"T2dnUw=="}}`))
	f.Add([]byte(`{"from":"081234567001","audio":{"mime":"audio/ogg","data_base64":"T2dnUw=="},"image":{"mime":"image/jpeg","data_base64":"/9j/"}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		in, err := sim.ParseInbound(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if in.From == "" || !strings.HasPrefix(string(in.From), "+") {
			t.Fatalf("accepted a message without a number: %+v", in)
		}
		if in.Text == "" && in.Media == nil && in.Location == nil {
			t.Fatal("accepted an empty message")
		}
	})
}

// A message another process sent (stored as sent, with no wake in this
// one) reaches a reader here within a second, even one polling without
// waiting, although this process remembers an empty read.
func TestOtherProcessSendSeen(t *testing.T) {
	s := startServer(t)
	to := "+6281234599001"
	get := func(wait string) []json.RawMessage {
		t.Helper()
		resp, err := http.Get(s.URL + "/sim/outbound?to=" + url.QueryEscape(to) + "&after=0&wait=" + wait)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Messages []json.RawMessage `json:"messages"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out.Messages
	}
	if got := get("0s"); len(got) != 0 {
		t.Fatalf("before: %s", got)
	}
	if _, err := s.Store.DB().Exec(`INSERT INTO outbound_messages (channel, to_phone, text, kind, priority, status, sent_at, sent_seq)
		VALUES ('sim', $1, 'dari proses lain', 'reply', 10, 'sent', now(), nextval('outbound_sent_seq'))`, to); err != nil {
		t.Fatal(err)
	}
	// The empty read just made is trusted for a moment, not longer.
	time.Sleep(1100 * time.Millisecond)
	if got := get("0s"); len(got) != 1 {
		t.Fatalf("poll without waiting, a second later: %s", got)
	}
}
