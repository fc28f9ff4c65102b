package sim_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// server is the real pipeline, dispatcher and simulator on a fresh
// database and Redis key space, behind an httptest server.
type server struct {
	URL    string
	Store  *postgres.Store
	Redis  *goredis.Client
	Prefix string
	Pipe   *bot.Pipeline
	// Dir is the media store's root.
	Dir    string
	client *http.Client
	after  map[string]int64
	mu     sync.Mutex
	// offset moves the pipeline's clock (meetings held, reminders due).
	offset *atomic.Int64
}

func (s *server) now() time.Time { return time.Now().Add(time.Duration(s.offset.Load())) }

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func startServer(t testing.TB) *server {
	t.Helper()
	offset := &atomic.Int64{}
	dir := t.TempDir()
	files, err := media.NewLocal(dir, 5<<20)
	if err != nil {
		t.Fatal(err)
	}
	h := bottest.New(t, bottest.Options{Media: files, Poll: 200 * time.Millisecond,
		Now: func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }})
	mux := http.NewServeMux()
	h.Sim(mux)
	h.Run(t)
	hs := httptest.NewServer(mux)
	t.Cleanup(hs.Close)
	return &server{URL: hs.URL, Store: h.Store, Redis: h.Redis, Prefix: h.Prefix, Pipe: h.Pipe, Dir: dir,
		client: &http.Client{Timeout: 40 * time.Second}, after: map[string]int64{}, offset: offset}
}

type inbound struct {
	From     string         `json:"from"`
	Text     string         `json:"text,omitempty"`
	ID       string         `json:"id,omitempty"`
	Image    map[string]any `json:"image,omitempty"`
	Audio    map[string]any `json:"audio,omitempty"`
	Location map[string]any `json:"location,omitempty"`
}

// post sends an inbound message and returns the status and decoded body.
func (s *server) post(t testing.TB, body any) (int, map[string]any) {
	t.Helper()
	return s.do(t, "POST", "/sim/inbound", body)
}

// do sends a request with a JSON body (a string is sent as it is; nil is
// none) and returns the status and decoded body.
func (s *server) do(t testing.TB, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

type outMsg struct {
	Seq      int64   `json:"seq"`
	To       string  `json:"to"`
	Text     string  `json:"text"`
	MediaURL *string `json:"media_url"`
	At       string  `json:"at"`
}

// poll returns the messages to a number (or a group's JID) after the last
// seen, waiting up to wait.
func (s *server) poll(t testing.TB, to string, wait time.Duration) []outMsg {
	t.Helper()
	s.mu.Lock()
	after := s.after[to]
	s.mu.Unlock()
	param := "to"
	if strings.HasSuffix(to, "@g.us") {
		param = "group" // a group's posts
	}
	u := fmt.Sprintf("%s/sim/outbound?%s=%s&after=%d&wait=%s", s.URL, param, url.QueryEscape(to), after, wait)
	resp, err := s.client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET outbound: %d", resp.StatusCode)
	}
	var body struct {
		Messages []outMsg `json:"messages"`
		Last     int64    `json:"last"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	s.after[to] = body.Last
	s.mu.Unlock()
	return body.Messages
}

// replies waits for the replies to the last message: the first within 10 s,
// then whatever follows within a short quiet period.
func (s *server) replies(t testing.TB, to string) []outMsg {
	t.Helper()
	msgs := s.poll(t, to, 10*time.Second)
	for {
		more := s.poll(t, to, 300*time.Millisecond)
		if len(more) == 0 {
			return msgs
		}
		msgs = append(msgs, more...)
	}
}

func testJPEG(t testing.TB) string {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{G: 180, A: 255})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func joinTexts(msgs []outMsg) string {
	var b strings.Builder
	for i, m := range msgs {
		if i > 0 {
			b.WriteString("\n---\n")
		}
		b.WriteString(m.Text)
	}
	return b.String()
}
