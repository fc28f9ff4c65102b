package whatsapp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// fakeClient records what the adapter asks of whatsmeow.
type fakeClient struct {
	mu        sync.Mutex
	sent      []sentMsg
	uploads   int
	reads     []types.MessageID
	downloads int
	failSend  error
	joined    []*types.GroupInfo // the groups the number is in
	groupErr  error              // what GetGroupInfo fails with
	listed    int
	// nilInfo: GetGroupInfo answers (nil, nil); failUpload: Upload fails;
	// listGate: GetJoinedGroups waits for it (when set).
	nilInfo    bool
	failUpload error
	listGate   chan struct{}
}

type sentMsg struct {
	to  types.JID
	msg *waE2E.Message
	id  types.MessageID
}

func (f *fakeClient) SendMessage(_ context.Context, to types.JID, m *waE2E.Message, extra ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failSend != nil {
		return whatsmeow.SendResponse{}, f.failSend
	}
	id := extra[0].ID
	f.sent = append(f.sent, sentMsg{to: to, msg: m, id: id})
	return whatsmeow.SendResponse{ID: id, Timestamp: time.Now()}, nil
}

func (f *fakeClient) Upload(_ context.Context, data []byte, _ whatsmeow.MediaType) (whatsmeow.UploadResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.uploads++
	if f.failUpload != nil {
		return whatsmeow.UploadResponse{}, f.failUpload
	}
	return whatsmeow.UploadResponse{URL: "https://mmg.example/x", DirectPath: "/x", FileLength: uint64(len(data))}, nil
}

func (f *fakeClient) Download(_ context.Context, _ whatsmeow.DownloadableMessage) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.downloads++
	return []byte("\xff\xd8\xff\xe0fake jpeg"), nil
}

func (f *fakeClient) MarkRead(_ context.Context, ids []types.MessageID, _ time.Time, _, _ types.JID, _ ...types.ReceiptType) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, ids...)
	return nil
}

func (f *fakeClient) SendChatPresence(context.Context, types.JID, types.ChatPresence, types.ChatPresenceMedia) error {
	return nil
}

// fakeLIDs is whatsmeow's device-store LID map.
type fakeLIDs map[string]types.JID

func (f fakeLIDs) GetPNForLID(_ context.Context, lid types.JID) (types.JID, error) {
	return f[lid.String()], nil // an empty JID when unknown, as whatsmeow does
}

func (f fakeLIDs) GetLIDForPN(_ context.Context, pn types.JID) (types.JID, error) {
	for l, p := range f {
		if p == pn {
			return types.ParseJID(l)
		}
	}
	return types.EmptyJID, nil
}

// recorder is the pipeline boundary: it records what reaches it.
type recorder struct {
	mu   sync.Mutex
	got  []bot.Inbound
	fail error
}

func (r *recorder) Handle(_ context.Context, in bot.Inbound) (bot.Accepted, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return bot.Accepted{}, r.fail
	}
	r.got = append(r.got, in)
	return bot.Accepted{ID: int64(len(r.got))}, nil
}

func (r *recorder) last(t *testing.T) bot.Inbound {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.got) == 0 {
		t.Fatal("nothing reached the pipeline")
	}
	return r.got[len(r.got)-1]
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

const ourNumber = domain.Phone("+6281100009999")

// ourLID is the number's own LID.
var ourLID = types.NewJID("99990000", types.HiddenUserServer)

var now = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

type fixture struct {
	a      *whatsapp.Adapter
	client *fakeClient
	rec    *recorder
	st     *postgres.Store
	groups *groupRec
	alerts []whatsapp.State
}

func newFixture(t *testing.T, lids fakeLIDs) *fixture {
	st := storetest.Store(t)
	f := &fixture{client: &fakeClient{}, rec: &recorder{}, st: st, groups: &groupRec{}}
	f.a = whatsapp.New(ourNumber, f.client, lids, st, f.rec, slog.New(slog.NewTextHandler(io.Discard, nil)), whatsapp.Config{
		MaxAge: time.Hour,
		Pace:   whatsapp.Pace{DailyCap: 2},
		Groups: f.groups,
	})
	f.a.LID = func() types.JID { return ourLID }
	f.a.Now = func() time.Time { return now }
	f.a.Alert = func(s whatsapp.State, _ string) { f.alerts = append(f.alerts, s) }
	f.a.HandleEvent(&events.Connected{})
	// The connect reads the joined groups (none yet) in the background.
	waitFor(t, func() bool { return f.client.listedGroups() > 0 })
	return f
}

func pn(user string) types.JID  { return types.NewJID(user, types.DefaultUserServer) }
func lid(user string) types.JID { return types.NewJID(user, types.HiddenUserServer) }

func msgEvent(id string, sender types.JID, m *waE2E.Message) *events.Message {
	return &events.Message{
		Info: types.MessageInfo{
			MessageSource: types.MessageSource{Chat: sender, Sender: sender},
			ID:            types.MessageID(id), Timestamp: now.Add(-time.Minute), PushName: "Siti",
		},
		Message: m,
	}
}

func TestInboundKinds(t *testing.T) {
	f := newFixture(t, nil)
	sender := pn("6281234567001")
	cases := []struct {
		name  string
		msg   *waE2E.Message
		check func(t *testing.T, in bot.Inbound)
	}{
		{"conversation", &waE2E.Message{Conversation: proto.String("halo")}, func(t *testing.T, in bot.Inbound) {
			if in.Text != "halo" {
				t.Fatalf("text %q", in.Text)
			}
		}},
		{"extended text", &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String("GAGASAN jalan")}}, func(t *testing.T, in bot.Inbound) {
			if in.Text != "GAGASAN jalan" {
				t.Fatalf("text %q", in.Text)
			}
		}},
		{"image with caption", &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("jalan rusak"), Mimetype: proto.String("image/jpeg")}}, func(t *testing.T, in bot.Inbound) {
			if in.Text != "jalan rusak" || in.Media == nil || in.Media.Mime != "image/jpeg" || len(in.Media.Data) == 0 {
				t.Fatalf("image %+v", in)
			}
		}},
		{"voice note", &waE2E.Message{AudioMessage: &waE2E.AudioMessage{Mimetype: proto.String("audio/ogg; codecs=opus"), PTT: proto.Bool(true)}}, func(t *testing.T, in bot.Inbound) {
			if in.Media == nil || !strings.HasPrefix(in.Media.Mime, "audio/ogg") {
				t.Fatalf("voice %+v", in)
			}
		}},
		{"document", &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{Mimetype: proto.String("application/pdf"), Caption: proto.String("proposal")}}, func(t *testing.T, in bot.Inbound) {
			if in.Media == nil || in.Text != "proposal" {
				t.Fatalf("document %+v", in)
			}
		}},
		{"location pin", &waE2E.Message{LocationMessage: &waE2E.LocationMessage{DegreesLatitude: proto.Float64(-7.7), DegreesLongitude: proto.Float64(110.4)}}, func(t *testing.T, in bot.Inbound) {
			if in.Location == nil || in.Location.Lat != -7.7 || in.Location.Lng != 110.4 {
				t.Fatalf("location %+v", in.Location)
			}
		}},
		{"button reply", &waE2E.Message{ButtonsResponseMessage: &waE2E.ButtonsResponseMessage{SelectedButtonID: proto.String("YA")}}, func(t *testing.T, in bot.Inbound) {
			if in.Text != "YA" {
				t.Fatalf("button %q", in.Text)
			}
		}},
		{"list reply", &waE2E.Message{ListResponseMessage: &waE2E.ListResponseMessage{SingleSelectReply: &waE2E.ListResponseMessage_SingleSelectReply{SelectedRowID: proto.String("2")}}}, func(t *testing.T, in bot.Inbound) {
			if in.Text != "2" {
				t.Fatalf("list %q", in.Text)
			}
		}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := "MSG" + string(rune('A'+i))
			if !f.a.HandleEvent(msgEvent(id, sender, tc.msg)) {
				t.Fatal("not acknowledged")
			}
			in := f.rec.last(t)
			if in.From != "+6281234567001" || in.ExtID != id || in.Channel != "whatsapp:+6281100009999" || in.Stale {
				t.Fatalf("inbound %+v", in)
			}
			tc.check(t, in)
		})
	}
	if f.client.downloads != 3 {
		t.Fatalf("%d downloads, want 3", f.client.downloads)
	}
}

func TestIgnoredMessages(t *testing.T) {
	f := newFixture(t, nil)
	text := &waE2E.Message{Conversation: proto.String("halo")}
	status := msgEvent("S1", pn("6281234567001"), text)
	status.Info.Chat = types.StatusBroadcastJID
	news := msgEvent("N1", pn("6281234567001"), text)
	news.Info.Chat = types.NewJID("1203631", types.NewsletterServer)
	own := msgEvent("O1", pn("6281100009999"), text)
	own.Info.IsFromMe = true
	reaction := msgEvent("R1", pn("6281234567001"), &waE2E.Message{ReactionMessage: &waE2E.ReactionMessage{Text: proto.String("👍")}})
	for _, e := range []*events.Message{status, news, own, reaction} {
		if !f.a.HandleEvent(e) {
			t.Fatalf("%s not acknowledged", e.Info.ID)
		}
	}
	// History sync floods are not messages to answer.
	f.a.HandleEvent(&events.HistorySync{})
	if f.rec.count() != 0 {
		t.Fatalf("%d ignored messages reached the pipeline", f.rec.count())
	}
}

func TestLIDSenders(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, fakeLIDs{"111@lid": pn("6281234567002")})
	text := &waE2E.Message{Conversation: proto.String("halo")}

	// LID with the phone number as the alternative address.
	e := msgEvent("L1", lid("222"), text)
	e.Info.SenderAlt = pn("6281234567003")
	f.a.HandleEvent(e)
	if got := f.rec.last(t).From; got != "+6281234567003" {
		t.Fatalf("from %q", got)
	}
	if p, err := f.st.PhoneForLID(ctx, "222@lid"); err != nil || p != "+6281234567003" {
		t.Fatalf("pair not kept: %q %v", p, err)
	}
	// LID known to the device store.
	f.a.HandleEvent(msgEvent("L2", lid("111"), text))
	if got := f.rec.last(t).From; got != "+6281234567002" {
		t.Fatalf("from %q", got)
	}
	// LID known only to our own table (learnt earlier).
	f.a.HandleEvent(msgEvent("L3", lid("222"), text))
	if got := f.rec.last(t).From; got != "+6281234567003" {
		t.Fatalf("from %q", got)
	}

	// An unknown LID: kept, asked for the number, then replayed as theirs.
	before := f.rec.count()
	if !f.a.HandleEvent(msgEvent("L4", lid("333"), &waE2E.Message{Conversation: proto.String("GAGASAN sumur")})) {
		t.Fatal("unknown lid not acknowledged")
	}
	if f.rec.count() != before {
		t.Fatal("a message without a number reached the pipeline")
	}
	msgs, err := queued(f.st, f.a.Name())
	if err != nil || len(msgs) != 1 || msgs[0].To != "333@lid" || !strings.Contains(msgs[0].Text, "nomor HP") {
		t.Fatalf("question to the lid: %+v %v", msgs, err)
	}
	f.a.HandleEvent(msgEvent("L5", lid("333"), &waE2E.Message{Conversation: proto.String("nomor saya 0812-3456-7004")}))
	in := f.rec.last(t)
	if in.From != "+6281234567004" || in.Text != "GAGASAN sumur" || in.ExtID != "L4" {
		t.Fatalf("held message replayed as %+v", in)
	}
	// A contact card answers too.
	f.a.HandleEvent(msgEvent("L6", lid("444"), text))
	card := "BEGIN:VCARD\nVERSION:3.0\nFN:Siti\nTEL;type=CELL;waid=6281234567005:+62 812-3456-7005\nEND:VCARD"
	f.a.HandleEvent(msgEvent("L7", lid("444"), &waE2E.Message{ContactMessage: &waE2E.ContactMessage{Vcard: proto.String(card)}}))
	if in := f.rec.last(t); in.From != "+6281234567005" || in.ExtID != "L6" {
		t.Fatalf("after a contact card: %+v", in)
	}
}

func TestStaleAndFailures(t *testing.T) {
	f := newFixture(t, nil)
	old := msgEvent("OLD", pn("6281234567001"), &waE2E.Message{Conversation: proto.String("halo")})
	old.Info.Timestamp = now.Add(-3 * time.Hour)
	f.a.HandleEvent(old)
	if !f.rec.last(t).Stale {
		t.Fatal("a message 3 h old is not marked stale")
	}
	f.rec.fail = errors.New("postgres down")
	if f.a.HandleEvent(msgEvent("X", pn("6281234567001"), &waE2E.Message{Conversation: proto.String("halo")})) {
		t.Fatal("a message that was not stored was acknowledged")
	}
	f.rec.fail = domain.Errorf(domain.EINVALID, "bad")
	if !f.a.HandleEvent(msgEvent("Y", pn("6281234567001"), &waE2E.Message{Conversation: proto.String("halo")})) {
		t.Fatal("an invalid message would be redelivered forever")
	}
}

func TestSendAndReceipts(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	// Text, with an id derived from the outbound row: a resend is the same message.
	ext1, err := f.a.Send(ctx, bot.Message{ID: 41, To: "+6281234567001", Text: "halo", Kind: "reply"})
	if err != nil {
		t.Fatal(err)
	}
	ext2, _ := f.a.Send(ctx, bot.Message{ID: 41, To: "+6281234567001", Text: "halo", Kind: "reply"})
	if ext1 != ext2 || !strings.HasPrefix(ext1, "3EB0") {
		t.Fatalf("ids %q %q", ext1, ext2)
	}
	if s := f.client.sent[0]; s.to != pn("6281234567001") || s.msg.GetConversation() != "halo" {
		t.Fatalf("sent %+v", s)
	}
	// An image is uploaded, then sent with its caption.
	img := filepath.Join(t.TempDir(), "p.jpg")
	_ = os.WriteFile(img, []byte("\xff\xd8\xff\xe0jpeg"), 0o600)
	if _, err := f.a.Send(ctx, bot.Message{ID: 42, To: "+6281234567001", Text: "foto terbaru", MediaPath: img, MediaMime: "image/jpeg"}); err != nil {
		t.Fatal(err)
	}
	if s := f.client.sent[2]; f.client.uploads != 1 || s.msg.GetImageMessage().GetCaption() != "foto terbaru" {
		t.Fatalf("image sent as %+v", s.msg)
	}
	// Replies go to the chat the person wrote from, even a LID chat.
	e := msgEvent("C1", lid("555"), &waE2E.Message{Conversation: proto.String("halo")})
	e.Info.SenderAlt = pn("6281234567006")
	f.a.HandleEvent(e)
	_, _ = f.a.Send(ctx, bot.Message{ID: 43, To: "+6281234567006", Text: "balasan"})
	if s := f.client.sent[3]; s.to != lid("555") {
		t.Fatalf("reply went to %s, want the lid chat", s.to)
	}
	// The daily broadcast cap (2 here) defers the rest to tomorrow.
	for i := range 3 {
		_, err := f.a.Send(ctx, bot.Message{ID: int64(50 + i), To: "+6281234567001", Text: "undangan", Kind: "broadcast"})
		var d *bot.DeferError
		if (i < 2) != (err == nil) || (i == 2 && (!errors.As(err, &d) || !d.Until.After(now))) {
			t.Fatalf("broadcast %d: %v", i, err)
		}
	}
	// Receipts move the outbound status forward, never back.
	turn, _ := f.st.BeginTurn(ctx, "+6281234567001")
	ids, _ := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: f.a.Name(), To: "+6281234567001", Text: "halo"}})
	_ = turn.Commit()
	claim, _ := f.st.ClaimOutbound(ctx, f.a.Name(), 10, time.Minute)
	if claim == nil || len(claim.Messages) != 1 {
		t.Fatalf("claimed %+v", claim)
	}
	if err := claim.Finish(ctx, []postgres.SendOutcome{{ID: ids[0], ExtID: ext1}}); err != nil {
		t.Fatal(err)
	}
	f.a.HandleEvent(&events.Receipt{MessageIDs: []types.MessageID{types.MessageID(ext1)}, Type: types.ReceiptTypeRead})
	f.a.HandleEvent(&events.Receipt{MessageIDs: []types.MessageID{types.MessageID(ext1)}, Type: types.ReceiptTypeDelivered})
	counts, _ := f.st.OutboundCounts(ctx)
	if counts["read"] != 1 {
		t.Fatalf("counts after receipts %v", counts)
	}
	// A recipient's device asking again gets the text from our table.
	if m := f.a.MessageForRetry(types.JID{}, types.JID{}, types.MessageID(ext1)); m.GetConversation() != "halo" {
		t.Fatalf("retry message %v", m)
	}
	if m := f.a.MessageForRetry(types.JID{}, types.JID{}, "NOPE"); m != nil {
		t.Fatal("retry for an unknown id")
	}
}

func TestStoppedNumbers(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		evt   any
		state whatsapp.State
	}{
		{&events.LoggedOut{}, whatsapp.StateLoggedOut},
		{&events.StreamReplaced{}, whatsapp.StateReplaced},
		{&events.ClientOutdated{}, whatsapp.StateOutdated},
		{&events.TemporaryBan{Code: events.TempBanSentToTooManyPeople, Expire: 2 * time.Hour}, whatsapp.StateBanned},
	} {
		f := newFixture(t, nil)
		f.a.HandleEvent(tc.evt)
		if f.a.State() != tc.state || len(f.alerts) != 1 || f.a.Ready(ctx) == nil {
			t.Fatalf("%T: state %s, alerts %v", tc.evt, f.a.State(), f.alerts)
		}
		// A stopped number does not come back by reconnecting.
		f.a.HandleEvent(&events.Connected{})
		if f.a.State() != tc.state {
			t.Fatalf("%T: reconnect revived a stopped number", tc.evt)
		}
		_, err := f.a.Send(ctx, bot.Message{ID: 1, To: "+6281234567001", Text: "x"})
		var d *bot.DeferError
		if !errors.As(err, &d) || len(f.client.sent) != 0 {
			t.Fatalf("%T: send while stopped: %v", tc.evt, err)
		}
		if tc.state == whatsapp.StateBanned && !d.Until.Equal(now.Add(2*time.Hour).Truncate(time.Second)) {
			t.Fatalf("ban deferred until %v", d.Until)
		}
	}
}

func TestUndecryptableAsksOnce(t *testing.T) {
	f := newFixture(t, nil)
	info := types.MessageInfo{MessageSource: types.MessageSource{Chat: pn("6281234567001"), Sender: pn("6281234567001")}, ID: "U1"}
	for range 3 { // WhatsApp's retries of one message
		f.a.HandleEvent(&events.UndecryptableMessage{Info: info})
	}
	msgs, _ := queued(f.st, f.a.Name())
	if f.a.Undecryptable() != 3 || len(msgs) != 1 || !strings.Contains(msgs[0].Text, "kirim sekali lagi") {
		t.Fatalf("undecryptable: count %d, messages %+v", f.a.Undecryptable(), msgs)
	}
}

func TestPaceRamp(t *testing.T) {
	p := whatsapp.Pace{DailyCap: 300, RampPerDay: 50, RampStart: now}
	if got := p.DailyCapAt(now); got != 50 {
		t.Fatalf("first day cap %d", got)
	}
	if got := p.DailyCapAt(now.Add(72 * time.Hour)); got != 200 {
		t.Fatalf("fourth day cap %d", got)
	}
	if got := p.DailyCapAt(now.Add(30 * 24 * time.Hour)); got != 300 {
		t.Fatalf("cap after a month %d", got)
	}
	// Broadcasts keep their slow pace (12–25 s apart); a reply to someone
	// who has not written goes at once.
	f := newFixture(t, nil)
	for i := range 20 {
		start := time.Now()
		b1, _ := f.a.Book(domain.Phone(fmt.Sprintf("+6281234560%03d", i)), "broadcast", time.Hour)
		b2, _ := f.a.Book(domain.Phone(fmt.Sprintf("+6281234561%03d", i)), "broadcast", time.Hour)
		if gap := b2.Sub(b1); gap < 12*time.Second || gap > 25*time.Second {
			t.Fatalf("broadcasts %v apart", gap)
		}
		// (one a second at most: the replies of later rounds queue, but
		// never behind the broadcasts booked before them)
		if at, ok := f.a.Book(domain.Phone(fmt.Sprintf("+6281234562%03d", i)), "reply", time.Hour); !ok || !at.Before(b1) {
			t.Fatalf("reply at %v, first broadcast at %v, %v", at.Sub(start), b1.Sub(start), ok)
		}
	}
}

// FuzzInboundConversion feeds arbitrary protobuf bytes as a WhatsApp
// message to the conversion and the number finder: no panic, and whatever
// is accepted carries something to answer.
func FuzzInboundConversion(f *testing.F) {
	for _, m := range []*waE2E.Message{
		{Conversation: proto.String("halo")},
		{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("x")}},
		{LocationMessage: &waE2E.LocationMessage{DegreesLatitude: proto.Float64(1)}},
		{ContactMessage: &waE2E.ContactMessage{Vcard: proto.String("waid=6281234567001")}},
	} {
		b, _ := proto.Marshal(m)
		f.Add(b, "6281234567001", false)
	}
	download := func(context.Context, whatsmeow.DownloadableMessage) ([]byte, error) { return []byte("x"), nil }
	f.Fuzz(func(t *testing.T, raw []byte, user string, asLID bool) {
		var m waE2E.Message
		if proto.Unmarshal(raw, &m) != nil {
			return
		}
		sender := pn(user)
		if asLID {
			sender = lid(user)
		}
		in, ok := whatsapp.Convert(context.Background(), msgEvent("F", sender, &m), "whatsapp:+62", now, time.Hour, download)
		if ok && in.Text == "" && in.Media == nil && in.Location == nil {
			t.Fatalf("accepted an empty message: %+v", in)
		}
		if p, ok := whatsapp.NumberIn(in.Text); ok && !strings.HasPrefix(string(p), "+") {
			t.Fatalf("number %q", p)
		}
	})
}

// queued lists the messages queued on a channel, as a claim would take
// them, without claiming.
func queued(st *postgres.Store, channel string) ([]postgres.QueuedMessage, error) {
	claim, err := st.ClaimOutbound(context.Background(), channel, 100, time.Minute)
	if err != nil || claim == nil {
		return nil, err
	}
	defer claim.Release()
	return claim.Messages, nil
}

// A file that declares more than the media limit (a 2 GB document) is not
// downloaded, since whatsmeow would hold it whole in memory; its caption
// still reaches the pipeline.
func TestLargeMediaNotDownloaded(t *testing.T) {
	f := newFixture(t, nil)
	doc := &waE2E.Message{DocumentMessage: &waE2E.DocumentMessage{Mimetype: proto.String("application/pdf"),
		Caption: proto.String("proposal"), FileLength: proto.Uint64(2 << 30)}}
	if !f.a.HandleEvent(msgEvent("BIGDOC", pn("6281234567001"), doc)) {
		t.Fatal("not acknowledged")
	}
	if in := f.rec.last(t); in.Media != nil || in.Text != "proposal" || f.client.downloads != 0 {
		t.Fatalf("2 GB document: media %v, text %q, %d downloads", in.Media != nil, in.Text, f.client.downloads)
	}
	// Within the limit, as before.
	small := &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Mimetype: proto.String("image/jpeg"), FileLength: proto.Uint64(200 << 10)}}
	f.a.HandleEvent(msgEvent("SMALL", pn("6281234567001"), small))
	if in := f.rec.last(t); in.Media == nil || f.client.downloads != 1 {
		t.Fatalf("small image: %+v, %d downloads", in, f.client.downloads)
	}
}
