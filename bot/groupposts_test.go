package bot_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// plainChannel records what it was given; it cannot post into groups.
type plainChannel struct {
	name string
	mu   sync.Mutex
	sent []bot.Message
}

func (c *plainChannel) Name() string { return c.name }

func (c *plainChannel) Send(_ context.Context, m bot.Message) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = append(c.sent, m)
	return "ext-" + m.Text, nil
}

// groupChannel can post into groups.
type groupChannel struct{ plainChannel }

func (c *groupChannel) Groups(context.Context) ([]bot.GroupInfo, error) { return nil, nil }

var _ bot.GroupChannel = (*groupChannel)(nil)

// queueGroupPost writes a group and a post into it on channel, as the
// fan-out does; it returns the group's and the post's ids.
func queueGroupPost(t *testing.T, st *postgres.Store, channel, jid, text string) (group, post int64) {
	t.Helper()
	db := st.DB()
	if err := db.Get(&group, `INSERT INTO wa_groups (channel, jid, name) VALUES ($1, $2, 'Grup') RETURNING id`, channel, jid); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&post, `INSERT INTO outbound_messages (channel, to_phone, to_group, text, kind, priority)
		VALUES ($1, $2, $3, $4, 'group', $5) RETURNING id`, channel, jid, group, text, postgres.PriorityPush); err != nil {
		t.Fatal(err)
	}
	return group, post
}

// TestDispatcherGroupPosts: a group post reaches a GroupChannel as a
// Message with Group set and no phone, and its group's last post is
// recorded; on a channel that cannot post into groups it fails for good,
// saying why, and nothing is recorded as posted.
func TestDispatcherGroupPosts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := storetest.Store(t)
	gc := &groupChannel{plainChannel{name: "whatsapp"}}
	pc := &plainChannel{name: "whatsappcloud"}
	g1, p1 := queueGroupPost(t, st, "whatsapp", "120363001@g.us", "undangan grup")
	g2, p2 := queueGroupPost(t, st, "whatsappcloud", "120363002@g.us", "undangan awan")
	d := &bot.Dispatcher{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Poll: 20 * time.Millisecond}
	d.Add(gc)
	d.Add(pc)
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	status := func(id int64) (s, e string) {
		_ = st.DB().QueryRowx(`SELECT status, error FROM outbound_messages WHERE id = $1`, id).Scan(&s, &e)
		return s, e
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s1, _ := status(p1)
		s2, _ := status(p2)
		if s1 != "queued" && s2 != "queued" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if s, e := status(p1); s != "sent" {
		t.Fatalf("post on the group channel: %s %q", s, e)
	}
	gc.mu.Lock()
	sent := gc.sent
	gc.mu.Unlock()
	if len(sent) != 1 || sent[0].Group != "120363001@g.us" || sent[0].To != "" || sent[0].Kind != "group" || sent[0].Text != "undangan grup" {
		t.Fatalf("sent %+v", sent)
	}
	if s, e := status(p2); s != "failed" || !strings.Contains(e, "cannot post into group") {
		t.Fatalf("post on a channel without groups: %s %q", s, e)
	}
	pc.mu.Lock()
	given := pc.sent
	pc.mu.Unlock()
	if len(given) != 0 {
		t.Fatalf("the plain channel was given %+v", given)
	}
	var last1, last2 *time.Time
	_ = st.DB().Get(&last1, `SELECT last_post_at FROM wa_groups WHERE id = $1`, g1)
	_ = st.DB().Get(&last2, `SELECT last_post_at FROM wa_groups WHERE id = $1`, g2)
	if last1 == nil || time.Since(*last1) > time.Minute || last2 != nil {
		t.Fatalf("last posts %v %v", last1, last2)
	}
}

// TestFallbackLeavesGroupPosts: a group post that failed, or waited long on
// WhatsApp, is never moved to SMS (a group has no phone number); a push
// beside it is.
func TestFallbackLeavesGroupPosts(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	_, failed := queueGroupPost(t, st, "whatsapp", "120363003@g.us", "gagal")
	_, waiting := queueGroupPost(t, st, "whatsapp", "120363004@g.us", "menunggu")
	db := st.DB()
	db.MustExec(`UPDATE outbound_messages SET status = 'failed' WHERE id = $1`, failed)
	db.MustExec(`UPDATE outbound_messages SET created_at = now() - interval '2 hours' WHERE id = $1`, waiting)
	var push int64
	if err := db.Get(&push, `INSERT INTO outbound_messages (channel, to_phone, text, kind, status)
		VALUES ('whatsapp', '+6281234567001', 'kabar', 'push', 'failed') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	f := &bot.Fallback{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Channel: "sms:modem", After: time.Hour}
	n, err := f.RunOnce(ctx)
	if err != nil || n != 1 {
		t.Fatalf("rerouted %d %v, want the push only", n, err)
	}
	for _, id := range []int64{failed, waiting} {
		var ch string
		_ = db.Get(&ch, `SELECT channel FROM outbound_messages WHERE id = $1`, id)
		if ch != "whatsapp" {
			t.Fatalf("group post %d moved to %s", id, ch)
		}
	}
}
