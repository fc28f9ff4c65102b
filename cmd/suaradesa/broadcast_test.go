package main

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestBroadcastKillAndRestart: a KPMD invites 5,000 residents; the process
// is killed with SIGKILL while the invitations go out and started again:
// every resident has exactly one invitation, and all are sent.
func TestBroadcastKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 5000
	st, p := manyResidents(t, "/8", n, "'P'")
	for i, text := range []string{"UNDANG", "1", "1", "besok jam 10", "Balai Desa Bimomartani", "LEWATI", "KIRIM"} {
		if code, err := p.post("081100000001", text, "k"+string(rune('a'+i))); err != nil || code != 202 {
			t.Fatalf("post %q: %d %v", text, code, err)
		}
	}
	// Kill as soon as the first invitations are recorded as sent.
	var sentAtKill int
	for start := time.Now(); sentAtKill == 0 && time.Since(start) < 20*time.Second; {
		_ = st.DB().Get(&sentAtKill, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	}
	p.kill()
	_ = st.DB().Get(&sentAtKill, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	t.Logf("killed with %d of %d invitations sent", sentAtKill, n+2)
	p.start()

	waitSent(t, st, "kind = 'broadcast'", 90*time.Second)
	var rows, recipients, sent, invitations int
	_ = st.DB().Get(&rows, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast'`)
	_ = st.DB().Get(&recipients, `SELECT count(DISTINCT to_phone) FROM outbound_messages WHERE kind = 'broadcast'`)
	_ = st.DB().Get(&sent, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	_ = st.DB().Get(&invitations, `SELECT count(*) FROM invitations`)
	// And two of the three demo people of the desa: the third, the KPMD,
	// organised the meeting and is not invited to it.
	want := n + 2
	if rows != want || recipients != want || sent != want || invitations != want {
		t.Fatalf("rows %d, recipients %d, sent %d, invitations %d; want %d each", rows, recipients, sent, invitations, want)
	}
	var toOrganiser int
	_ = st.DB().Get(&toOrganiser, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND to_phone = '+6281100000001'`)
	if toOrganiser != 0 {
		t.Fatalf("the organiser got %d invitations to her own meeting", toOrganiser)
	}
	// One resident reads exactly one invitation through the simulator.
	got := p.collect("081300000042", 300*time.Millisecond)
	// The residents are women ('P'): "Ibu", no longer "Bapak/Ibu".
	if len(got) != 1 || !strings.Contains(got[0], "Yth. Ibu Warga 42,") {
		t.Fatalf("resident 42 got %q", got)
	}
}

// manyResidents is the demo data with n residents more in desa
// 34.04.11.2002 (numbers +62813…, gender the SQL expression of i, the
// resident's number), and the real binary serving it on its own Redis
// database: the store and the started process (killed at the test's end).
func manyResidents(t *testing.T, redisDB string, n int, gender string) (*postgres.Store, *process) {
	t.Helper()
	ctx := context.Background()
	dbURL := storetest.URL(t)
	ru, _ := url.Parse(storetest.RedisURL(t))
	ru.Path = redisDB
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
	t.Cleanup(func() { st.Close() })
	if err := st.SeedDemo(ctx, storetest.Demo(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO contacts (phone, name, desa_kode, dusun_id, gender, channel, consent_at, registered_at)
		SELECT '+62813' || lpad(i::text, 8, '0'), 'Warga ' || i, '34.04.11.2002',
			(SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' ORDER BY nama LIMIT 1), `+gender+`, 'sim', now(), now()
		FROM generate_series(1, $1) AS i`, n); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	p := &process{t: t, bin: buildBinary(t), addr: addr,
		env: []string{"DATABASE_URL=" + dbURL, "REDIS_URL=" + ru.String(), "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=warn", "HTTP_ADDR=" + addr}}
	p.start()
	t.Cleanup(p.kill)
	return st, p
}

// waitSent waits until no outbound message of the condition is queued or
// being sent.
func waitSent(t *testing.T, st *postgres.Store, cond string, within time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(within); ; time.Sleep(200 * time.Millisecond) {
		var pending int
		if err := st.DB().Get(&pending, `SELECT count(*) FROM outbound_messages WHERE `+cond+` AND status IN ('queued', 'sending')`); err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages (%s) still pending", pending, cond)
		}
	}
}
