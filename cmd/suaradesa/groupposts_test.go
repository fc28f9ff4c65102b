package main

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestGroupPostKillAndRestart: a KPMD invites a desa of 2,000 residents
// whose linked group holds the first 1,000; the process is killed with
// SIGKILL while the personal invitations go out and started again. The
// group has exactly one post, its members no personal invitation, the
// others exactly one each, all sent, and everyone an invitations row. (The
// post itself waits: its channel, WhatsApp, is not served here; the
// dispatcher's part is TestDispatcherGroupPosts.)
func TestGroupPostKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	ctx := context.Background()
	dbURL := storetest.URL(t)
	ru, _ := url.Parse(storetest.RedisURL(t))
	ru.Path = "/9"
	rdb, err := redis.Connect(ctx, ru.String())
	if err != nil {
		t.Fatal(err)
	}
	rdb.FlushDB(ctx)
	rdb.Close()
	st, err := postgres.Open(ctx, dbURL, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SeedDemo(ctx, storetest.Demo(t)); err != nil {
		t.Fatal(err)
	}
	const n, members = 2000, 1000
	db := st.DB()
	db.MustExec(`INSERT INTO contacts (phone, name, desa_kode, dusun_id, gender, channel, consent_at, registered_at)
		SELECT '+62813' || lpad(i::text, 8, '0'), 'Warga ' || i, '34.04.11.2002',
			(SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' ORDER BY nama LIMIT 1), 'P', 'sim', now(), now()
		FROM generate_series(1, $1) AS i`, n)
	var group int64
	if err := db.Get(&group, `INSERT INTO wa_groups (channel, jid, name, desa_kode, audience, linked_by, linked_at)
		VALUES ('whatsapp', '120363555@g.us', 'Warga Bimomartani', '34.04.11.2002', 'DESA', 'KPMD', now()) RETURNING id`); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`INSERT INTO wa_group_members (group_id, phone)
		SELECT $1, '+62813' || lpad(i::text, 8, '0') FROM generate_series(1, $2) AS i`, group, members)
	addr := freeAddr(t)
	p := &process{t: t, bin: buildBinary(t), addr: addr,
		env: []string{"DATABASE_URL=" + dbURL, "REDIS_URL=" + ru.String(), "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=warn", "HTTP_ADDR=" + addr}}
	p.start()
	t.Cleanup(p.kill)
	for i, text := range []string{"UNDANG", "1", "1", "besok jam 10", "Balai Desa Bimomartani", "LEWATI", "KIRIM"} {
		if code, err := p.post("081100000001", text, "g"+string(rune('a'+i))); err != nil || code != 202 {
			t.Fatalf("post %q: %d %v", text, code, err)
		}
	}
	var sentAtKill int
	for start := time.Now(); sentAtKill == 0 && time.Since(start) < 20*time.Second; {
		_ = db.Get(&sentAtKill, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	}
	p.kill()
	t.Logf("killed with %d personal invitations sent", sentAtKill)
	p.start()

	// And two of the three demo people of the desa: the third, the KPMD,
	// organised the meeting and is not invited to it.
	want := n - members + 2
	deadline := time.Now().Add(90 * time.Second)
	for {
		var pending int
		_ = db.Get(&pending, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status IN ('queued', 'sending')`)
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d invitations still pending", pending)
		}
		time.Sleep(200 * time.Millisecond)
	}
	var posts, rows, recipients, sent, memberRows, invitations, byGroup int
	_ = db.Get(&posts, `SELECT count(*) FROM outbound_messages WHERE kind = 'group' AND to_group = $1 AND to_phone = '120363555@g.us'`, group)
	_ = db.Get(&rows, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast'`)
	_ = db.Get(&recipients, `SELECT count(DISTINCT to_phone) FROM outbound_messages WHERE kind = 'broadcast'`)
	_ = db.Get(&sent, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	_ = db.Get(&memberRows, `SELECT count(*) FROM outbound_messages o JOIN wa_group_members gm ON gm.phone = o.to_phone WHERE o.kind = 'broadcast'`)
	_ = db.Get(&invitations, `SELECT count(*) FROM invitations`)
	_ = db.Get(&byGroup, `SELECT count(*) FROM invitations WHERE by_group AND outbound_id IS NULL`)
	if posts != 1 || rows != want || recipients != want || sent != want || memberRows != 0 || invitations != n+2 || byGroup != members {
		t.Fatalf("posts %d (want 1), personal rows %d, recipients %d, sent %d (want %d each), to members %d, invitations %d (want %d), by group %d (want %d)",
			posts, rows, recipients, sent, want, memberRows, invitations, n+2, byGroup, members)
	}
}
