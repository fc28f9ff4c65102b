package whatsappcloud_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The message shapes below follow Meta's webhook reference and the
// published fixtures of public Cloud API clients; numbers are made up.

// One message whose sender cannot be read must not hold back the rest of
// its delivery: it is acknowledged (and logged), the others are stored.
// Only a transient failure asks Meta to deliver again, and then the later
// messages of that sender wait for the redelivery to keep their order.
func TestWebhookBadSenderDoesNotBlockTheRest(t *testing.T) {
	f := newFixture(t)
	ts := itoa(time.Now().Unix())
	body := webhook(strings.Join([]string{
		`{"from":"1","id":"wamid.BAD1","timestamp":"` + ts + `","type":"text","text":{"body":"halo"}}`,
		`{"from":"` + strings.Repeat("6", 25) + `","id":"wamid.BAD2","timestamp":"` + ts + `","type":"text","text":{"body":"halo"}}`,
		`{"from":"6281234567001","id":"wamid.OK1","timestamp":"` + ts + `","type":"text","text":{"body":"halo"}}`,
	}, ","), "")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("a delivery with an unreadable sender answered %d", code)
	}
	if len(f.rec.got) != 1 || f.rec.got[0].ExtID != "wamid.OK1" {
		t.Fatalf("stored %+v", f.rec.got)
	}

	f.rec.got = nil
	f.rec.fail = "+6281234567002"
	body = webhook(strings.Join([]string{
		`{"from":"6281234567002","id":"wamid.F1","timestamp":"` + ts + `","type":"text","text":{"body":"satu"}}`,
		`{"from":"6281234567001","id":"wamid.OK2","timestamp":"` + ts + `","type":"text","text":{"body":"halo"}}`,
		`{"from":"6281234567002","id":"wamid.F2","timestamp":"` + ts + `","type":"text","text":{"body":"dua"}}`,
	}, ","), "")
	if code := f.post(t, body, sign(body)); code != 500 {
		t.Fatalf("a transient failure answered %d", code)
	}
	if len(f.rec.got) != 1 || f.rec.got[0].ExtID != "wamid.OK2" {
		t.Fatalf("stored %+v", f.rec.got)
	}
}

// Reactions (and their removal), kinds WhatsApp could not deliver, empty
// interactive replies and system notices other than a number change get no
// answer; a shared contact card reads as the vCard the whatsmeow channel
// hands on.
func TestWebhookKindsWithoutAnswer(t *testing.T) {
	f := newFixture(t)
	ts := itoa(time.Now().Unix())
	from := `"from":"6281234567001","timestamp":"` + ts + `"`
	body := webhook(strings.Join([]string{
		`{` + from + `,"id":"wamid.RE1","type":"reaction","reaction":{"message_id":"wamid.OUTA","emoji":"\ud83d\udc4d"}}`,
		`{` + from + `,"id":"wamid.RE2","type":"reaction","reaction":{"message_id":"wamid.OUTA"}}`,
		`{` + from + `,"id":"wamid.UN1","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}]}`,
		`{` + from + `,"id":"wamid.UN2","type":"unknown","errors":[{"code":131051,"details":"Message type is not currently supported","title":"Unsupported message type"}]}`,
		`{` + from + `,"id":"wamid.IN1","type":"interactive","interactive":{}}`,
		`{` + from + `,"id":"wamid.IN2","type":"interactive","interactive":{"type":"button_reply","button_reply":{}}}`,
		`{` + from + `,"id":"wamid.SY1","type":"system","system":{"body":"User A changed their identity","identity":"abc","type":"user_identity_changed","customer":"6281234567001"}}`,
		`{` + from + `,"id":"wamid.CO1","type":"contacts","contacts":[{"name":{"first_name":"Siti","formatted_name":"Siti Aminah"},"phones":[{"phone":"+62 812-3456-7005","wa_id":"6281234567005","type":"CELL"}]}]}`,
		`{` + from + `,"id":"wamid.IN3","type":"interactive","interactive":{"type":"button_reply","button_reply":{"title":"HADIR"}}}`,
	}, ","), "")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	if len(f.rec.got) != 2 {
		t.Fatalf("%d messages reached the pipeline, want the contact card and the titled button: %+v", len(f.rec.got), f.rec.got)
	}
	card := f.rec.got[0].Text
	if f.rec.got[0].ExtID != "wamid.CO1" || !strings.HasPrefix(card, "BEGIN:VCARD") || !strings.Contains(card, "FN:Siti Aminah") ||
		!strings.Contains(card, "waid=6281234567005:+62 812-3456-7005") {
		t.Fatalf("contact card %q", card)
	}
	if f.rec.got[1].Text != "HADIR" {
		t.Fatalf("a button reply without an id: %q", f.rec.got[1].Text)
	}
}

// A redelivered webhook does not download its media again: the message id
// is looked up first.
func TestWebhookMediaDownloadedOnce(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	ts := itoa(time.Now().Unix())
	img := func(id string) []byte {
		return webhook(`{"from":"6281234567001","id":"`+id+`","timestamp":"`+ts+`","type":"image","image":{"id":"MEDIA-IN-1","mime_type":"image/jpeg","sha256":"x"}}`, "")
	}
	// wamid.IMG1 was stored by an earlier delivery.
	turn, _ := f.st.BeginTurn(ctx, "+6281234567001")
	if _, _, err := turn.LogInbound(ctx, postgres.Inbound{Channel: f.a.Name(), ExtID: "wamid.IMG1", Phone: "+6281234567001"}); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	body := img("wamid.IMG1")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	if f.g.downloads != 0 || len(f.rec.got) != 0 {
		t.Fatalf("a stored message: %d downloads, %d handled", f.g.downloads, len(f.rec.got))
	}
	body = img("wamid.IMG2")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	if f.g.downloads != 1 || len(f.rec.got) != 1 || f.rec.got[0].Media == nil {
		t.Fatalf("a new message: %d downloads, %+v", f.g.downloads, f.rec.got)
	}
	// An id longer than the log keeps as it is is stored as its hash; the
	// check before downloading looks for it the same way.
	long := "wamid." + strings.Repeat("L", 300)
	turn, _ = f.st.BeginTurn(ctx, "+6281234567001")
	if _, _, err := turn.LogInbound(ctx, postgres.Inbound{Channel: f.a.Name(), ExtID: bot.StoredExtID(long), Phone: "+6281234567001"}); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	body = img(long)
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	if f.g.downloads != 1 {
		t.Fatalf("a stored message with a long id downloaded again: %d downloads", f.g.downloads)
	}
}

// WhatsApp's notice of a changed number moves the contact (the pipeline's
// MoveNumber); the notice comes from the old number and names the new one.
func TestWebhookNumberChange(t *testing.T) {
	f := newFixture(t)
	ts := itoa(time.Now().Unix())
	body := webhook(strings.Join([]string{
		`{"from":"6281234567001","id":"wamid.SYS1","timestamp":"` + ts + `","type":"system","system":{"body":"User Siti changed from 6281234567001 to 6285712345678","wa_id":"6285712345678","type":"user_changed_number"}}`,
		// Before Graph API v12 the new number came as new_wa_id.
		`{"from":"6281234567002","id":"wamid.SYS2","timestamp":"` + ts + `","type":"system","system":{"body":"Siti changed from 6281234567002 to 6285712345679","new_wa_id":"6285712345679","type":"customer_changed_number"}}`,
		`{"from":"6281234567003","id":"wamid.SYS3","timestamp":"` + ts + `","type":"system","system":{"body":"x","wa_id":"1","type":"user_changed_number"}}`,
	}, ","), "")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	if len(f.rec.got) != 0 {
		t.Fatalf("a number change reached the conversation: %+v", f.rec.got)
	}
	want := [][2]domain.Phone{{"+6281234567001", "+6285712345678"}, {"+6281234567002", "+6285712345679"}}
	if len(f.rec.moves) != len(want) {
		t.Fatalf("moves %+v", f.rec.moves)
	}
	for i, w := range want {
		if m := f.rec.moves[i]; m.From != w[0] || m.To != w[1] || m.Channel != f.a.Name() || m.ExtID == "" {
			t.Fatalf("move %d: %+v", i, m)
		}
	}
}

// The whole way, with the real pipeline: a delivery with a 👍, a kind
// WhatsApp could not deliver and an unreadable sender beside one real
// message stores that message alone and queues one reply, to it.
func TestWebhookThroughThePipeline(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	h := bottest.New(t, bottest.Options{Store: f.st})
	a := whatsappcloud.New(whatsappcloud.Config{PhoneNumberID: pnid, AccessToken: "token", AppSecret: secret, VerifyToken: "v"},
		h.Pipe, f.st, h.Log)
	mux := http.NewServeMux()
	a.Register(mux)
	hook := httptest.NewServer(mux)
	defer hook.Close()
	ts := itoa(time.Now().Unix())
	from := `"from":"6281234567001","timestamp":"` + ts + `"`
	body := webhook(strings.Join([]string{
		`{` + from + `,"id":"wamid.P1","type":"text","text":{"body":"halo"}}`,
		`{` + from + `,"id":"wamid.P2","type":"reaction","reaction":{"message_id":"wamid.OUT1","emoji":"\ud83d\udc4d"}}`,
		`{` + from + `,"id":"wamid.P3","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown"}]}`,
		`{"from":"1","timestamp":"` + ts + `","id":"wamid.P4","type":"text","text":{"body":"halo"}}`,
	}, ","), "")
	for range 2 { // Meta delivers again: nothing more
		req, _ := http.NewRequest("POST", hook.URL+"/whatsapp/cloud/"+pnid+"/webhook", bytes.NewReader(body))
		req.Header.Set("X-Hub-Signature-256", sign(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("webhook %d", resp.StatusCode)
		}
	}
	var inbound []string
	_ = f.st.DB().SelectContext(ctx, &inbound, `SELECT ext_id FROM inbound_messages ORDER BY id`)
	var replies int
	_ = f.st.DB().GetContext(ctx, &replies, `SELECT count(*) FROM outbound_messages WHERE to_phone = '+6281234567001'`)
	if strings.Join(inbound, ",") != "wamid.P1" || replies != 1 {
		t.Fatalf("stored %v, %d replies", inbound, replies)
	}
}
