package whatsappcloud_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

const (
	secret = "app-secret"
	pnid   = "1098765"
)

// graph is a fake Graph API: it records message requests and serves media.
type graph struct {
	mu        sync.Mutex
	messages  []map[string]any
	failCode  int
	downloads int
	uploads   []string // file name and type of each upload
}

func (g *graph) handler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v21.0/"+pnid+"/messages", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer token" {
			w.WriteHeader(401)
			return
		}
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.failCode != 0 {
			w.WriteHeader(400)
			_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": "limit", "type": "OAuthException", "code": g.failCode, "fbtrace_id": "x"}})
			return
		}
		g.messages = append(g.messages, body)
		_ = json.NewEncoder(w).Encode(map[string]any{"messaging_product": "whatsapp",
			"contacts": []any{map[string]string{"input": body["to"].(string), "wa_id": body["to"].(string)}},
			"messages": []any{map[string]string{"id": "wamid.OUT" + string(rune('A'+len(g.messages)))}}})
	})
	mux.HandleFunc("POST /v21.0/"+pnid+"/media", func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil || r.FormValue("messaging_product") != "whatsapp" || len(r.MultipartForm.File["file"]) != 1 {
			w.WriteHeader(400)
			return
		}
		// As Meta: the file part must say its type, and its name the extension.
		fh := r.MultipartForm.File["file"][0]
		ctype := fh.Header.Get("Content-Type")
		if !strings.HasPrefix(ctype, "image/") && !strings.HasPrefix(ctype, "audio/") || !strings.Contains(fh.Filename, ".") || r.FormValue("type") != ctype {
			w.WriteHeader(400)
			_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": 100, "type": "OAuthException",
				"message": "(#100) Param file must be a file with one of the following types: audio/aac, audio/mp4, audio/mpeg, audio/amr, audio/ogg, audio/opus, image/jpeg, image/png, image/webp"}})
			return
		}
		g.mu.Lock()
		g.uploads = append(g.uploads, fh.Filename+" "+ctype)
		g.mu.Unlock()
		_ = json.NewEncoder(w).Encode(map[string]string{"id": "MEDIA-UP-1"})
	})
	var srvURL string
	mux.HandleFunc("GET /v21.0/MEDIA-IN-1", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"url": srvURL + "/files/1", "mime_type": "image/jpeg", "id": "MEDIA-IN-1"})
	})
	mux.HandleFunc("GET /files/1", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer token" {
			w.WriteHeader(401)
			return
		}
		g.mu.Lock()
		g.downloads++
		g.mu.Unlock()
		_, _ = w.Write([]byte("\xff\xd8\xff\xe0jpeg"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	srvURL = srv.URL
	return mux
}

type recorder struct {
	mu    sync.Mutex
	got   []bot.Inbound
	moves []bot.NumberChange
	// fail makes the messages of this sender fail as if Postgres were down.
	fail domain.Phone
}

func (r *recorder) Handle(_ context.Context, in bot.Inbound) (bot.Accepted, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if in.From == r.fail {
		return bot.Accepted{}, errors.New("postgres down")
	}
	r.got = append(r.got, in)
	return bot.Accepted{ID: 1}, nil
}

func (r *recorder) MoveNumber(_ context.Context, c bot.NumberChange) (postgres.MoveOutcome, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.moves = append(r.moves, c)
	return postgres.MoveDone, nil
}

type fixture struct {
	a    *whatsappcloud.Adapter
	g    *graph
	rec  *recorder
	st   *postgres.Store
	hook *httptest.Server
	now  time.Time
}

func newFixture(t *testing.T, options ...func(*whatsappcloud.Config)) *fixture {
	f := &fixture{g: &graph{}, rec: &recorder{}, st: storetest.Store(t), now: time.Now()}
	mux := f.g.handler(t)
	api := httptest.NewServer(mux)
	t.Cleanup(api.Close)
	cfg := whatsappcloud.Config{PhoneNumberID: pnid, AccessToken: "token", AppSecret: secret, VerifyToken: "verify-me",
		APIBase: api.URL + "/v21.0", Template: "undangan_rapat"}
	for _, o := range options {
		o(&cfg)
	}
	f.a = whatsappcloud.New(cfg, f.rec, f.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	f.a.Now = func() time.Time { return f.now }
	hooks := http.NewServeMux()
	f.a.Register(hooks)
	f.hook = httptest.NewServer(hooks)
	t.Cleanup(f.hook.Close)
	return f
}

func sign(body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

func (f *fixture) post(t *testing.T, body []byte, sig string) int {
	req, _ := http.NewRequest("POST", f.hook.URL+"/whatsapp/cloud/"+pnid+"/webhook", bytes.NewReader(body))
	req.Header.Set("X-Hub-Signature-256", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func webhook(messages, statuses string) []byte {
	return []byte(`{"object":"whatsapp_business_account","entry":[{"id":"WABA1","changes":[{"field":"messages","value":{
		"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100009999","phone_number_id":"` + pnid + `"},
		"contacts":[{"profile":{"name":"Siti"},"wa_id":"6281234567001"}],
		"messages":[` + messages + `],"statuses":[` + statuses + `]}}]}]}`)
}

func TestVerifyHandshake(t *testing.T) {
	f := newFixture(t)
	get := func(q string) (int, string) {
		resp, err := http.Get(f.hook.URL + "/whatsapp/cloud/" + pnid + "/webhook?" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"); code != 200 || body != "1158201444" {
		t.Fatalf("handshake %d %q", code, body)
	}
	if code, _ := get("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"); code != 403 {
		t.Fatalf("wrong token answered %d", code)
	}
}

func TestInboundWebhook(t *testing.T) {
	f := newFixture(t)
	ts := time.Now().Unix()
	msgs := strings.Join([]string{
		`{"from":"6281234567001","id":"wamid.T1","timestamp":"` + itoa(ts) + `","type":"text","text":{"body":"halo"}}`,
		`{"from":"6281234567001","id":"wamid.I1","timestamp":"` + itoa(ts) + `","type":"image","image":{"id":"MEDIA-IN-1","mime_type":"image/jpeg","sha256":"x","caption":"jalan rusak"}}`,
		`{"from":"6281234567001","id":"wamid.L1","timestamp":"` + itoa(ts) + `","type":"location","location":{"latitude":-7.71,"longitude":110.45,"name":"Balai desa"}}`,
		`{"from":"6281234567001","id":"wamid.B1","timestamp":"` + itoa(ts) + `","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"2","title":"Laki-laki"}}}`,
		`{"from":"6281234567001","id":"wamid.R1","timestamp":"` + itoa(ts) + `","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"4","title":"Wedomartani"}}}`,
		`{"from":"6281234567001","id":"wamid.O1","timestamp":"` + itoa(ts-86400) + `","type":"text","text":{"body":"lama"}}`,
	}, ",")
	body := webhook(msgs, "")
	// A bad signature is refused before anything is read.
	if code := f.post(t, body, "sha256=00"); code != 401 || len(f.rec.got) != 0 {
		t.Fatalf("bad signature: %d, %d messages", code, len(f.rec.got))
	}
	if code := f.post(t, body, ""); code != 401 {
		t.Fatalf("no signature: %d", code)
	}
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	got := f.rec.got
	if len(got) != 6 {
		t.Fatalf("%d messages reached the pipeline", len(got))
	}
	for _, in := range got {
		if in.From != "+6281234567001" || in.Channel != "whatsappcloud:"+pnid {
			t.Fatalf("inbound %+v", in)
		}
	}
	if got[0].Text != "halo" || got[0].ExtID != "wamid.T1" {
		t.Fatalf("text %+v", got[0])
	}
	if got[1].Text != "jalan rusak" || got[1].Media == nil || !bytes.HasPrefix(got[1].Media.Data, []byte("\xff\xd8")) {
		t.Fatalf("image %+v", got[1])
	}
	if got[2].Location == nil || got[2].Location.Lat != -7.71 {
		t.Fatalf("location %+v", got[2])
	}
	if got[3].Text != "2" || got[4].Text != "4" {
		t.Fatalf("interactive replies %q %q", got[3].Text, got[4].Text)
	}
	if !got[5].Stale || got[0].Stale {
		t.Fatal("a day-old message is not stale, or a new one is")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSendAndStatuses(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	to := domain.Phone("+6281234567001")
	// Within 24 hours of the person's message: free-form.
	turn, _ := f.st.BeginTurn(ctx, to)
	if _, _, err := turn.LogInbound(ctx, postgres.Inbound{Channel: f.a.Name(), ExtID: "wamid.T1", Phone: to}); err != nil {
		t.Fatal(err)
	}
	ids, _ := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: f.a.Name(), To: to, Text: "x"}})
	_ = turn.Commit()

	ext, err := f.a.Send(ctx, bot.Message{ID: ids[0], To: to, Text: "Terima kasih", Kind: "reply"})
	if err != nil || !strings.HasPrefix(ext, "wamid.") {
		t.Fatalf("send text: %q %v", ext, err)
	}
	m := f.g.messages[0]
	if m["type"] != "text" || m["to"] != "6281234567001" || m["text"].(map[string]any)["body"] != "Terima kasih" || m["messaging_product"] != "whatsapp" {
		t.Fatalf("text payload %v", m)
	}
	// A numbered menu becomes buttons (≤3) or a list (more).
	_, _ = f.a.Send(ctx, bot.Message{ID: 2, To: to, Text: "Pilih:\n1. Perempuan\n2. Laki-laki\n3. Tidak ingin menjawab", Kind: "reply"})
	inter := f.g.messages[1]["interactive"].(map[string]any)
	if f.g.messages[1]["type"] != "interactive" || inter["type"] != "button" || len(inter["action"].(map[string]any)["buttons"].([]any)) != 3 {
		t.Fatalf("buttons payload %v", f.g.messages[1])
	}
	_, _ = f.a.Send(ctx, bot.Message{ID: 3, To: to, Text: "Desa:\n1. A\n2. B\n3. C\n4. D\n5. E", Kind: "reply"})
	if inter := f.g.messages[2]["interactive"].(map[string]any); inter["type"] != "list" {
		t.Fatalf("list payload %v", f.g.messages[2])
	}
	// An image is uploaded first.
	img := filepath.Join(t.TempDir(), "p.jpg")
	_ = os.WriteFile(img, []byte("\xff\xd8\xff\xe0jpeg"), 0o600)
	if _, err := f.a.Send(ctx, bot.Message{ID: 4, To: to, Text: "foto", MediaPath: img, MediaMime: "image/jpeg"}); err != nil {
		t.Fatal(err)
	}
	if im := f.g.messages[3]["image"].(map[string]any); im["id"] != "MEDIA-UP-1" || im["caption"] != "foto" {
		t.Fatalf("image payload %v", f.g.messages[3])
	}
	// Throttling is retried; other Graph errors are permanent.
	f.g.failCode = 130429
	if _, err := f.a.Send(ctx, bot.Message{ID: 5, To: to, Text: "x"}); err == nil || bot.IsPermanent(err) {
		t.Fatalf("throttled: %v", err)
	}
	f.g.failCode = 100
	if _, err := f.a.Send(ctx, bot.Message{ID: 6, To: to, Text: "x"}); !bot.IsPermanent(err) {
		t.Fatalf("invalid parameter: %v", err)
	}
	f.g.failCode = 0

	// Outside the 24-hour window: a broadcast goes as the template, a reply cannot go.
	f.now = f.now.Add(25 * time.Hour)
	if _, err := f.a.Send(ctx, bot.Message{ID: 7, To: to, Text: "Undangan Musdus Sabtu", Kind: "broadcast"}); err != nil {
		t.Fatal(err)
	}
	tpl := f.g.messages[4]
	if tpl["type"] != "template" || tpl["template"].(map[string]any)["name"] != "undangan_rapat" {
		t.Fatalf("template payload %v", tpl)
	}
	if _, err := f.a.Send(ctx, bot.Message{ID: 8, To: to, Text: "x", Kind: "reply"}); !bot.IsPermanent(err) {
		t.Fatalf("reply outside the window: %v", err)
	}

	// Statuses move our row; one for an unknown message is harmless.
	claim, _ := f.st.ClaimOutbound(ctx, f.a.Name(), 10, time.Minute)
	if claim == nil {
		t.Fatal("nothing claimed")
	}
	if err := claim.Finish(ctx, []postgres.SendOutcome{{ID: claim.Messages[0].ID, ExtID: ext}}); err != nil {
		t.Fatal(err)
	}
	statuses := `{"id":"` + ext + `","status":"delivered","timestamp":"1","recipient_id":"6281234567001"},` +
		`{"id":"` + ext + `","status":"read","timestamp":"2","recipient_id":"6281234567001"},` +
		`{"id":"wamid.UNKNOWN","status":"failed","timestamp":"3","recipient_id":"6281234567002","errors":[{"code":131047,"title":"Re-engagement message"}]}`
	body := webhook("", statuses)
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("status webhook %d", code)
	}
	counts, _ := f.st.OutboundCounts(ctx)
	if counts["read"] != 1 {
		t.Fatalf("counts %v", counts)
	}
}

func TestSignature(t *testing.T) {
	body := []byte(`{"object":"whatsapp_business_account"}`)
	if !whatsappcloud.ValidSignature(secret, body, sign(body)) {
		t.Fatal("good signature refused")
	}
	for _, bad := range []string{"", "sha256=", "sha1=" + sign(body)[7:], "sha256=zz", sign([]byte("other"))} {
		if whatsappcloud.ValidSignature(secret, body, bad) {
			t.Fatalf("bad signature %q accepted", bad)
		}
	}
	if whatsappcloud.ValidSignature("", body, sign(body)) {
		t.Fatal("accepted with no secret configured")
	}
	if _, err := whatsappcloud.Parse([]byte(`{"object":"page"}`)); err == nil {
		t.Fatal("a non-WhatsApp object parsed")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(webhook(`{"from":"6281234567001","id":"w1","timestamp":"1","type":"text","text":{"body":"halo"}}`, ""))
	f.Add(webhook("", `{"id":"w1","status":"failed","errors":[{"code":1}]}`))
	f.Add([]byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"interactive":{}}]}}]}]}`))
	f.Add(webhook(`{"from":"6281234567001","id":"w2","type":"reaction","reaction":{"message_id":"w1","emoji":"x"}}`, ""))
	f.Add(webhook(`{"from":"6281234567001","id":"w3","type":"system","system":{"wa_id":"6285712345678","type":"user_changed_number"}}`, ""))
	f.Add(webhook(`{"from":"6281234567001","id":"w4","type":"contacts","contacts":[{"name":{"formatted_name":"A\nB"},"phones":[{"phone":"1","wa_id":"2"}]}]}`, ""))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := whatsappcloud.Parse(body)
		if err != nil {
			return
		}
		for _, m := range p.Messages {
			if m.ID == "" || m.From == "" {
				t.Fatalf("message without id or sender: %+v", m)
			}
			if m.Skip != "" && (m.NewNumber != "" || m.Text != "" || m.MediaID != "" || m.Lat != nil) {
				t.Fatalf("a message both skipped and answered: %+v", m)
			}
		}
	})
}
