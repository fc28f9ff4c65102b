package whatsapp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
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
	"github.com/suaradesa/suaradesa/store/postgres"
)

func (f *fakeClient) GetJoinedGroups(context.Context) ([]*types.GroupInfo, error) {
	f.mu.Lock()
	f.listed++
	gate := f.listGate
	f.mu.Unlock()
	if gate != nil {
		<-gate
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.joined, nil
}

// listedGroups counts the adapter's reads of the joined groups.
func (f *fakeClient) listedGroups() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.listed
}

func (f *fakeClient) setJoined(groups []*types.GroupInfo) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.joined = groups
}

func (f *fakeClient) GetGroupInfo(_ context.Context, jid types.JID) (*types.GroupInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.groupErr != nil {
		return nil, f.groupErr
	}
	if f.nilInfo {
		return nil, nil
	}
	for _, g := range f.joined {
		if g.JID == jid {
			return g, nil
		}
	}
	return nil, whatsmeow.ErrNotInGroup
}

// groupRec is a boundary fake of bot.GroupStore: it records the calls.
type groupRec struct {
	mu    sync.Mutex
	calls []string
	seen  []bot.GroupInfo
	fail  error
}

func (g *groupRec) record(call string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.fail != nil {
		return g.fail
	}
	g.calls = append(g.calls, call)
	return nil
}

func (g *groupRec) GroupSeen(_ context.Context, channel string, info bot.GroupInfo) error {
	if err := g.record(fmt.Sprintf("seen %s %s", channel, info.JID)); err != nil {
		return err
	}
	g.mu.Lock()
	g.seen = append(g.seen, info)
	g.mu.Unlock()
	return nil
}

func (g *groupRec) GroupLeft(_ context.Context, _, jid string) error {
	return g.record("left " + jid)
}

func (g *groupRec) GroupMembersChanged(_ context.Context, _, jid string, joined, left []bot.GroupMember) error {
	phones := func(ms []bot.GroupMember) string {
		var s []string
		for _, m := range ms {
			s = append(s, string(m.Phone))
		}
		return strings.Join(s, ",")
	}
	return g.record(fmt.Sprintf("members %s +%s -%s", jid, phones(joined), phones(left)))
}

func (g *groupRec) GroupSettings(_ context.Context, _, jid string, announce, canPost bool) error {
	return g.record(fmt.Sprintf("settings %s announce=%v canPost=%v", jid, announce, canPost))
}

func (g *groupRec) take() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.calls
	g.calls = nil
	return c
}

var rtGroup = types.NewJID("120363001", types.GroupServer)

func groupMsg(id string, sender types.JID, m *waE2E.Message) *events.Message {
	e := msgEvent(id, sender, m)
	e.Info.Chat, e.Info.IsGroup = rtGroup, true
	return e
}

func mentionText(text string, ci *waE2E.ContextInfo) *waE2E.Message {
	return &waE2E.Message{ExtendedTextMessage: &waE2E.ExtendedTextMessage{Text: proto.String(text), ContextInfo: ci}}
}

func TestGroupMessages(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, fakeLIDs{"777@lid": pn("6281234567010")})
	member := pn("6281234567001")

	// Chatter: handed over with the group, not addressed to the bot, and
	// keyed by chat and id.
	if !f.a.HandleEvent(groupMsg("G1", member, &waE2E.Message{Conversation: proto.String("besok kerja bakti jam 7")})) {
		t.Fatal("group message not acknowledged")
	}
	in := f.rec.last(t)
	if in.Group != "120363001@g.us" || in.Mentioned || in.From != "+6281234567001" || in.ExtID != "120363001@g.us/G1" {
		t.Fatalf("group chatter: %+v", in)
	}
	// The same id in another group is another message.
	other := groupMsg("G1", member, &waE2E.Message{Conversation: proto.String("halo")})
	other.Info.Chat = types.NewJID("120363002", types.GroupServer)
	f.a.HandleEvent(other)
	if in := f.rec.last(t); in.ExtID == "120363001@g.us/G1" || in.Group != "120363002@g.us" {
		t.Fatalf("same id in another group: %+v", in)
	}

	addressed := []struct {
		name   string
		sender types.JID
		alt    types.JID
		msg    *waE2E.Message
		want   bool
	}{
		{"mention by number", member, types.EmptyJID,
			mentionText("@6281100009999 rapatnya kapan?", &waE2E.ContextInfo{MentionedJID: []string{"6281100009999@s.whatsapp.net"}}), true},
		{"mention by LID in a LID group", lid("555"), pn("6281234567002"),
			mentionText("@99990000 rapatnya kapan?", &waE2E.ContextInfo{MentionedJID: []string{"99990000@lid"}}), true},
		{"reply quoting the bot", lid("777"), types.EmptyJID,
			mentionText("saya hadir", &waE2E.ContextInfo{StanzaID: proto.String("3EB0AAAA"), Participant: proto.String("99990000@lid")}), true},
		{"mention of another member", member, types.EmptyJID,
			mentionText("@6281234567002 ikut?", &waE2E.ContextInfo{MentionedJID: []string{"6281234567002@s.whatsapp.net"}}), false},
		{"reply to another member", member, types.EmptyJID,
			mentionText("setuju", &waE2E.ContextInfo{StanzaID: proto.String("ABCD"), Participant: proto.String("6281234567002@s.whatsapp.net")}), false},
		{"image with a mention in its caption", member, types.EmptyJID,
			&waE2E.Message{ImageMessage: &waE2E.ImageMessage{Caption: proto.String("@6281100009999 foto jalan"), Mimetype: proto.String("image/jpeg"),
				ContextInfo: &waE2E.ContextInfo{MentionedJID: []string{"6281100009999@s.whatsapp.net"}}}}, true},
	}
	for i, tc := range addressed {
		e := groupMsg(fmt.Sprintf("M%d", i), tc.sender, tc.msg)
		e.Info.SenderAlt = tc.alt
		f.a.HandleEvent(e)
		in := f.rec.last(t)
		if in.ExtID != fmt.Sprintf("120363001@g.us/M%d", i) || in.Mentioned != tc.want || in.Group == "" || !strings.HasPrefix(string(in.From), "+62812345670") {
			t.Fatalf("%s: %+v", tc.name, in)
		}
	}

	// A reply to a post the bot sent, by its id, when the quoted sender is
	// given in a form the bot cannot tell from its own: a LID while the
	// number's own LID is unknown.
	turn, _ := f.st.BeginTurn(ctx, "+6281234567001")
	ids, _ := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: f.a.Name(), To: "+6281234567001", Text: "Undangan rapat dusun"}})
	_ = turn.Commit()
	claim, _ := f.st.ClaimOutbound(ctx, f.a.Name(), 10, time.Minute)
	if err := claim.Finish(ctx, []postgres.SendOutcome{{ID: ids[0], ExtID: "3EB0POSTED"}}); err != nil {
		t.Fatal(err)
	}
	f.a.LID = func() types.JID { return types.EmptyJID }
	f.a.HandleEvent(groupMsg("R1", member, mentionText("HADIR", &waE2E.ContextInfo{StanzaID: proto.String("3EB0POSTED"), Participant: proto.String("424242@lid")})))
	if in := f.rec.last(t); !in.Mentioned {
		t.Fatalf("reply to the bot's post by id: %+v", in)
	}
	f.a.LID = func() types.JID { return ourLID }
	// The quoted sender decides first: a member's message quoted (whatever
	// its id) is no reply to the bot, and costs no lookup.
	f.a.HandleEvent(groupMsg("R2", member, mentionText("setuju", &waE2E.ContextInfo{StanzaID: proto.String("3EB0POSTED"), Participant: proto.String("6281234567002@s.whatsapp.net")})))
	f.a.HandleEvent(groupMsg("R3", member, mentionText("setuju", &waE2E.ContextInfo{StanzaID: proto.String("3EB0POSTED"), Participant: proto.String("424242@lid")})))
	if in := f.rec.last(t); in.Mentioned || in.ExtID != "120363001@g.us/R3" {
		t.Fatalf("reply to a member's message: %+v", in)
	}
	if got := f.rec.got[len(f.rec.got)-2]; got.Mentioned {
		t.Fatalf("reply to a member's message by number: %+v", got)
	}

	// Group media is not fetched unless the message addresses the bot
	// (the one above was).
	downloads := f.client.downloads
	f.a.HandleEvent(groupMsg("IMG", member, &waE2E.Message{ImageMessage: &waE2E.ImageMessage{Mimetype: proto.String("image/jpeg")}}))
	if in := f.rec.last(t); in.Media != nil || f.client.downloads != downloads || downloads != 1 {
		t.Fatalf("group chatter image: media %v, downloads %d then %d", in.Media != nil, downloads, f.client.downloads)
	}

	// A member whose number is unknown: chatter is dropped, nobody is
	// asked; a message to the bot is held and the member asked privately.
	before := f.rec.count()
	f.a.HandleEvent(groupMsg("U1", lid("888"), &waE2E.Message{Conversation: proto.String("nomor saya 0812-3456-7099")}))
	if msgs, _ := queued(f.st, f.a.Name()); f.rec.count() != before || len(msgs) != 0 {
		t.Fatalf("unknown member's chatter: %d reached the pipeline, %d queued", f.rec.count()-before, len(msgs))
	}
	if p, err := f.st.PhoneForLID(ctx, "888@lid"); err == nil {
		t.Fatalf("a number in group text was taken as the poster's: %s", p)
	}
	f.a.HandleEvent(groupMsg("U2", lid("888"), mentionText("@6281100009999 halo", &waE2E.ContextInfo{MentionedJID: []string{"6281100009999@s.whatsapp.net"}})))
	if msgs, _ := queued(f.st, f.a.Name()); f.rec.count() != before || len(msgs) != 1 || msgs[0].To != "888@lid" {
		t.Fatalf("unknown member mentioning the bot: %+v", msgs)
	}

	// No read receipt in a group (a personal message gets one).
	f.a.HandleEvent(msgEvent("P1", member, &waE2E.Message{Conversation: proto.String("halo")}))
	waitFor(t, func() bool { f.client.mu.Lock(); defer f.client.mu.Unlock(); return len(f.client.reads) > 0 })
	if f.client.reads[0] != "P1" || len(f.client.reads) != 1 {
		t.Fatalf("read receipts %v", f.client.reads)
	}
}

func participant(jid, phone types.JID, admin bool) types.GroupParticipant {
	p := types.GroupParticipant{JID: jid, PhoneNumber: phone, IsAdmin: admin}
	if jid.Server == types.HiddenUserServer {
		p.LID = jid
	}
	return p
}

// rtInfo is the group as whatsmeow reads it: a LID group with the bot, a
// member with their number, one the device store knows, one nobody knows,
// and an admin by number.
func rtInfo(announce, botAdmin bool) *types.GroupInfo {
	return &types.GroupInfo{
		JID: rtGroup, GroupName: types.GroupName{Name: "RT 03 Kejambon"}, GroupAnnounce: types.GroupAnnounce{IsAnnounce: announce},
		AddressingMode: types.AddressingModeLID,
		Participants: []types.GroupParticipant{
			participant(ourLID, pn("6281100009999"), botAdmin),
			participant(lid("501"), pn("6281234567021"), false),
			participant(lid("777"), types.EmptyJID, false),
			participant(lid("502"), types.EmptyJID, false),
			participant(pn("6281234567023"), types.EmptyJID, true),
		},
	}
}

func TestGroupEvents(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, fakeLIDs{"777@lid": pn("6281234567022")})
	f.groups.take() // what the connect read (no groups yet)

	// Added to a group: seen with its members by phone, the bot and the
	// member nobody knows left out.
	if !f.a.HandleEvent(&events.JoinedGroup{GroupInfo: *rtInfo(false, false)}) {
		t.Fatal("joined not acknowledged")
	}
	if c := f.groups.take(); !slices.Equal(c, []string{"seen whatsapp:+6281100009999 120363001@g.us"}) {
		t.Fatalf("calls %v", c)
	}
	g := f.groups.seen[0]
	want := []bot.GroupMember{{Phone: "+6281234567021"}, {Phone: "+6281234567022"}, {Phone: "+6281234567023", Admin: true}}
	if g.Name != "RT 03 Kejambon" || g.Announce || !g.CanPost || !slices.Equal(g.Members, want) {
		t.Fatalf("seen %+v", g)
	}
	if p, err := f.st.PhoneForLID(ctx, "501@lid"); err != nil || p != "+6281234567021" {
		t.Fatalf("member's lid pair not kept: %q %v", p, err)
	}

	// Members join and leave (by LID and by number); a join with one whose
	// number is unknown reads the group again.
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false)})
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Join: []types.JID{lid("777")}})
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Join: []types.JID{lid("777"), lid("503")}})
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Leave: []types.JID{pn("6281234567023")}})
	if c := f.groups.take(); !slices.Equal(c, []string{"members 120363001@g.us ++6281234567022 -",
		"seen whatsapp:+6281100009999 120363001@g.us", "members 120363001@g.us + -+6281234567023"}) {
		t.Fatalf("calls %v", c)
	}

	// An admin restricts posting to admins; the bot is not one.
	f.client.setJoined([]*types.GroupInfo{rtInfo(true, false)})
	admin := pn("6281234567023")
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Sender: &admin, Announce: &types.GroupAnnounce{IsAnnounce: true}})
	if c := f.groups.take(); len(c) == 0 || c[0] != "settings 120363001@g.us announce=true canPost=false" {
		t.Fatalf("calls %v", c)
	}
	// Then makes the bot an admin: it may post again.
	f.client.setJoined([]*types.GroupInfo{rtInfo(true, true)})
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Promote: []types.JID{ourLID}})
	if c := f.groups.take(); len(c) == 0 || c[0] != "settings 120363001@g.us announce=true canPost=true" {
		t.Fatalf("calls %v", c)
	}
	// When the group cannot be read, the change is asked for again.
	f.client.mu.Lock()
	f.client.groupErr = errors.New("timed out")
	f.client.mu.Unlock()
	if f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Announce: &types.GroupAnnounce{IsAnnounce: false}}) {
		t.Fatal("a settings change that could not be read was acknowledged")
	}
	f.client.mu.Lock()
	f.client.groupErr = nil
	f.client.mu.Unlock()
	// A locked group (only admins edit its info) changes nothing.
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Locked: &types.GroupLocked{IsLocked: true}})
	if c := f.groups.take(); len(c) != 0 {
		t.Fatalf("locked: %v", c)
	}

	// The bot removed (by its LID), or the group deleted: left.
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Leave: []types.JID{ourLID}})
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Delete: &types.GroupDelete{Deleted: true}})
	if c := f.groups.take(); !slices.Equal(c, []string{"left 120363001@g.us", "left 120363001@g.us"}) {
		t.Fatalf("calls %v", c)
	}

	// A rename read when the number is no longer in the group: left.
	f.client.setJoined(nil)
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Name: &types.GroupName{Name: "RT 03"}})
	if c := f.groups.take(); !slices.Equal(c, []string{"left 120363001@g.us"}) {
		t.Fatalf("calls %v", c)
	}

	// A store that fails: WhatsApp delivers the event again.
	f.groups.fail = errors.New("postgres down")
	if f.a.HandleEvent(&events.JoinedGroup{GroupInfo: *rtInfo(false, false)}) {
		t.Fatal("a group event that was not recorded was acknowledged")
	}
	f.groups.fail = nil

	// After a connect, every joined group is seen; Groups lists the same.
	second := &types.GroupInfo{JID: types.NewJID("120363009", types.GroupServer), GroupName: types.GroupName{Name: "PKK"}}
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false), second})
	f.a.Now = func() time.Time { return now.Add(time.Hour) } // past the connect's sync
	f.a.HandleEvent(&events.Connected{})
	waitFor(t, func() bool { f.groups.mu.Lock(); defer f.groups.mu.Unlock(); return len(f.groups.calls) == 2 })
	if c := f.groups.take(); c[1] != "seen whatsapp:+6281100009999 120363009@g.us" {
		t.Fatalf("calls %v", c)
	}
	groups, err := f.a.Groups(ctx)
	if err != nil || len(groups) != 2 || groups[1].Name != "PKK" || len(groups[0].Members) != 3 {
		t.Fatalf("groups %+v %v", groups, err)
	}

	// Without a group store, group events are acknowledged and dropped.
	a := whatsapp.New(ourNumber, f.client, nil, f.st, f.rec, slog.New(slog.NewTextHandler(io.Discard, nil)), whatsapp.Config{})
	if !a.HandleEvent(&events.JoinedGroup{GroupInfo: *rtInfo(false, false)}) || !a.HandleEvent(&events.GroupInfo{JID: rtGroup, Leave: []types.JID{ourLID}}) {
		t.Fatal("group events without a store not acknowledged")
	}
	if err := a.SyncGroups(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestGroupSends(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	clock := now
	f.a.Now = func() time.Time { return clock }
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false)})

	// A post goes to the group's JID.
	ext, err := f.a.Send(ctx, bot.Message{ID: 70, Group: "120363001@g.us", Kind: "group", Text: "Undangan Musdus Kejambon"})
	if err != nil || len(f.client.sent) != 1 || f.client.sent[0].to != rtGroup || f.client.sent[0].msg.GetConversation() != "Undangan Musdus Kejambon" || ext == "" {
		t.Fatalf("group post: %v %+v", err, f.client.sent)
	}
	// A second post to it within the minute waits for its turn, without
	// counting as a failure; the dispatcher does not even book one.
	clock = now.Add(30 * time.Second)
	_, err = f.a.Send(ctx, bot.Message{ID: 71, Group: "120363001@g.us", Kind: "group", Text: "Perubahan"})
	var d *bot.DeferError
	if !errors.As(err, &d) || !d.Until.Equal(now.Add(whatsapp.GroupGap)) || len(f.client.sent) != 1 {
		t.Fatalf("second post within a minute: %v", err)
	}
	if at, ok := f.a.Book("120363001@g.us", "group", 20*time.Second); ok || !at.Equal(now.Add(whatsapp.GroupGap)) {
		t.Fatalf("booked a group post at %v (%v)", at, ok)
	}
	// Another group is not held back.
	if _, err := f.a.Send(ctx, bot.Message{ID: 72, Group: "120363002@g.us", Kind: "group", Text: "Undangan"}); err != nil {
		t.Fatal(err)
	}
	// A minute on, a photo with its caption, addressed as the queue holds it
	// (the JID as the recipient).
	clock = now.Add(whatsapp.GroupGap)
	img := filepath.Join(t.TempDir(), "p.jpg")
	_ = os.WriteFile(img, []byte("\xff\xd8\xff\xe0jpeg"), 0o600)
	if _, err := f.a.Send(ctx, bot.Message{ID: 73, To: "120363001@g.us", Kind: "group", Text: "Talud sudah 60%", MediaPath: img, MediaMime: "image/jpeg"}); err != nil {
		t.Fatal(err)
	}
	if s := f.client.sent[2]; s.to != rtGroup || s.msg.GetImageMessage().GetCaption() != "Talud sudah 60%" {
		t.Fatalf("photo post %+v", s)
	}
	if _, ok := f.a.Book("120363001@g.us", "group", 20*time.Second); ok {
		t.Fatal("booked right after a post")
	}
	f.a.Typing(ctx, "120363001@g.us") // no typing in a group, and no panic

	// Refused: only admins may post now, and the bot is not one.
	f.client.failSend = fmt.Errorf("%w 403", whatsmeow.ErrServerReturnedError)
	f.client.setJoined([]*types.GroupInfo{rtInfo(true, false)})
	clock = clock.Add(2 * whatsapp.GroupGap)
	f.groups.take()
	_, err = f.a.Send(ctx, bot.Message{ID: 74, Group: "120363001@g.us", Kind: "group", Text: "x"})
	if !bot.IsPermanent(err) || !slices.Equal(f.groups.take(), []string{"settings 120363001@g.us announce=true canPost=false"}) {
		t.Fatalf("announce refusal: %v", err)
	}
	// Removed from the group.
	f.client.setJoined(nil)
	clock = clock.Add(2 * whatsapp.GroupGap)
	_, err = f.a.Send(ctx, bot.Message{ID: 75, Group: "120363001@g.us", Kind: "group", Text: "x"})
	if !bot.IsPermanent(err) || !slices.Equal(f.groups.take(), []string{"left 120363001@g.us"}) {
		t.Fatalf("removed: %v", err)
	}
	// Anything else is retried.
	f.client.failSend = errors.New("websocket closed")
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false)})
	clock = clock.Add(2 * whatsapp.GroupGap)
	if _, err = f.a.Send(ctx, bot.Message{ID: 76, Group: "120363001@g.us", Kind: "group", Text: "x"}); err == nil || bot.IsPermanent(err) {
		t.Fatalf("transient failure: %v", err)
	}
	if _, err := f.a.Send(ctx, bot.Message{ID: 77, Group: "+6281234567001", Kind: "group"}); !bot.IsPermanent(err) {
		t.Fatalf("a group that is no group: %v", err)
	}
}

// A member whose number is unknown mentions the bot: the group message is
// dropped (never replayed later as a personal message, without its group,
// into their private conversation) and they are asked privately, once.
func TestGroupMentionFromUnknownMember(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, nil)
	mention := func(id string) *events.Message {
		return groupMsg(id, lid("888"), mentionText("@6281100009999 HADIR R-123456", &waE2E.ContextInfo{MentionedJID: []string{"6281100009999@s.whatsapp.net"}}))
	}
	for _, id := range []string{"U1", "U2"} {
		if !f.a.HandleEvent(mention(id)) {
			t.Fatal("not acknowledged")
		}
	}
	msgs, _ := queued(f.st, f.a.Name())
	if len(msgs) != 1 || msgs[0].To != "888@lid" || f.rec.count() != 0 {
		t.Fatalf("asked %d times: %+v; %d reached the pipeline", len(msgs), msgs, f.rec.count())
	}
	// They answer privately with their number: only that answer reaches the
	// pipeline, as theirs; nothing of the group is replayed.
	f.a.HandleEvent(msgEvent("P1", lid("888"), &waE2E.Message{Conversation: proto.String("0812-3456-7099")}))
	if f.rec.count() != 1 {
		t.Fatalf("%d messages reached the pipeline: %+v", f.rec.count(), f.rec.got)
	}
	if in := f.rec.last(t); in.From != "+6281234567099" || in.Group != "" || strings.Contains(in.Text, "HADIR") {
		t.Fatalf("answer %+v", in)
	}
	if p, err := f.st.PhoneForLID(ctx, "888@lid"); err != nil || p != "+6281234567099" {
		t.Fatalf("lid %q %v", p, err)
	}
}

// Group chatter does not delay the member's private replies; a mention
// does, as a personal message does.
func TestGroupChatterNotHeard(t *testing.T) {
	f := newFixture(t, nil)
	f.a.HandleEvent(groupMsg("C1", pn("6281234567001"), &waE2E.Message{Conversation: proto.String("besok kerja bakti")}))
	if _, ok := f.a.Book("+6281234567001", "reply", 0); !ok {
		t.Fatal("group chatter delayed the member's reply")
	}
	f.a.HandleEvent(groupMsg("C2", pn("6281234567002"), mentionText("@6281100009999 kapan?", &waE2E.ContextInfo{MentionedJID: []string{"6281100009999@s.whatsapp.net"}})))
	if _, ok := f.a.Book("+6281234567002", "reply", 0); ok {
		t.Fatal("a mention's reply not paced from the mention")
	}
}

// A session paired before LIDs has no own LID: the device store's LID map
// gives the number's, by which a LID group mentions the bot.
func TestOwnLIDFromLIDMap(t *testing.T) {
	f := newFixture(t, fakeLIDs{"99990000@lid": pn("6281100009999")})
	f.a.LID = func() types.JID { return types.EmptyJID }
	f.a.HandleEvent(groupMsg("L1", pn("6281234567001"), mentionText("@99990000 rapatnya kapan?", &waE2E.ContextInfo{MentionedJID: []string{"99990000@lid"}})))
	if in := f.rec.last(t); !in.Mentioned {
		t.Fatalf("mention by the number's LID: %+v", in)
	}
}

// A join or leave with a member whose number is unknown reads the whole
// group again: the leaver does not stay a member.
func TestGroupLeaveOfUnknownLID(t *testing.T) {
	f := newFixture(t, fakeLIDs{"777@lid": pn("6281234567022")})
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false)})
	f.groups.take()
	if !f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Leave: []types.JID{lid("777"), lid("999")}}) {
		t.Fatal("not acknowledged")
	}
	if c := f.groups.take(); !slices.Equal(c, []string{"seen whatsapp:+6281100009999 120363001@g.us"}) {
		t.Fatalf("calls %v", c)
	}
	// Known members only: the partial change.
	f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Join: []types.JID{lid("777")}})
	if c := f.groups.take(); !slices.Equal(c, []string{"members 120363001@g.us ++6281234567022 -"}) {
		t.Fatalf("calls %v", c)
	}
	// WhatsApp answers no info and no error: the change is asked for again.
	f.client.mu.Lock()
	f.client.nilInfo = true
	f.client.mu.Unlock()
	if f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Name: &types.GroupName{Name: "RT 03"}}) {
		t.Fatal("a rename read as nothing was acknowledged")
	}
	f.client.failSend = errors.New("websocket closed")
	if _, err := f.a.Send(context.Background(), bot.Message{ID: 80, Group: "120363001@g.us", Kind: "group", Text: "x"}); err == nil || bot.IsPermanent(err) {
		t.Fatalf("send with no group info: %v", err)
	}
}

// The group sync: one at a time, not more often than GroupSyncEvery, and
// a leave handled while it reads waits and is written after its snapshot.
func TestGroupSyncSerialized(t *testing.T) {
	f := newFixture(t, fakeLIDs{"777@lid": pn("6281234567022")})
	f.groups.take()
	f.client.setJoined([]*types.GroupInfo{rtInfo(false, false)})
	f.a.HandleEvent(&events.Connected{})
	f.a.HandleEvent(&events.OfflineSyncCompleted{})
	time.Sleep(50 * time.Millisecond)
	if n := f.client.listedGroups(); n != 1 {
		t.Fatalf("read the joined groups %d times within the interval", n)
	}
	gate := make(chan struct{})
	f.client.mu.Lock()
	f.client.listGate = gate
	f.client.mu.Unlock()
	f.a.Now = func() time.Time { return now.Add(10 * time.Minute) }
	f.a.HandleEvent(&events.OfflineSyncCompleted{})
	waitFor(t, func() bool { return f.client.listedGroups() == 2 })
	f.a.Now = func() time.Time { return now.Add(20 * time.Minute) }
	f.a.HandleEvent(&events.Connected{}) // one runs: none more
	done := make(chan bool)
	go func() { done <- f.a.HandleEvent(&events.GroupInfo{JID: rtGroup, Leave: []types.JID{lid("777")}}) }()
	time.Sleep(50 * time.Millisecond)
	close(gate)
	if !<-done {
		t.Fatal("leave not acknowledged")
	}
	waitFor(t, func() bool { f.groups.mu.Lock(); defer f.groups.mu.Unlock(); return len(f.groups.calls) == 2 })
	if c := f.groups.take(); !slices.Equal(c, []string{"seen whatsapp:+6281100009999 120363001@g.us", "members 120363001@g.us + -+6281234567022"}) {
		t.Fatalf("calls %v", c)
	}
	if n := f.client.listedGroups(); n != 2 {
		t.Fatalf("read the joined groups %d times", n)
	}
	// An adapter whose context ended starts none.
	ctx, cancel := context.WithCancel(context.Background())
	f.a.Bind(ctx)
	cancel()
	f.a.Now = func() time.Time { return now.Add(time.Hour) }
	f.a.HandleEvent(&events.Connected{})
	time.Sleep(50 * time.Millisecond)
	if n := f.client.listedGroups(); n != 2 {
		t.Fatalf("a sync after the adapter's context ended")
	}
}

// A photo post whose upload fails keeps no group slot: the retry goes at
// once, not a minute later.
func TestGroupSlotAfterUpload(t *testing.T) {
	f := newFixture(t, nil)
	img := filepath.Join(t.TempDir(), "p.jpg")
	_ = os.WriteFile(img, []byte("\xff\xd8\xff\xe0jpeg"), 0o600)
	post := bot.Message{ID: 90, Group: "120363001@g.us", Kind: "group", Text: "Talud 60%", MediaPath: img, MediaMime: "image/jpeg"}
	f.client.failUpload = errors.New("media server 503")
	if _, err := f.a.Send(context.Background(), post); err == nil || bot.IsPermanent(err) {
		t.Fatalf("failed upload: %v", err)
	}
	f.client.failUpload = nil
	if _, err := f.a.Send(context.Background(), post); err != nil || len(f.client.sent) != 1 {
		t.Fatalf("retry after a failed upload: %v, %d sent", err, len(f.client.sent))
	}
}
