package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestVoteKillAndRestart: a KPMD opens a suara warga by chat over 3,000
// residents; the process is killed with SIGKILL while the ballots go out
// and started again: every recipient has exactly one ballot, all sent.
// Then the vote comes due and the process is killed again as it closes
// it: the vote is counted once and the KPMD reads its result once.
func TestVoteKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 3000
	st, p := manyResidents(t, "/15", n, "CASE WHEN i % 2 = 0 THEN 'P' ELSE 'L' END")
	db := st.DB()
	// A Musyawarah Desa in two days on three gagasan.
	if _, err := db.Exec(`WITH m AS (INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place)
			VALUES ('R-KWTAX7', 'MUSDES_PERENCANAAN', '34.04.11.2002', 'DESA', now() + interval '2 days', 'Balai Desa') RETURNING id),
		g AS (INSERT INTO gagasan (code, desa_kode, category, title, status) VALUES ('G-KWTAX3', '34.04.11.2002', 'INFRASTRUKTUR', 'Talud sungai', 'DIBAHAS'),
			('G-KWTAX4', '34.04.11.2002', 'EKONOMI', 'Pasar desa', 'DIBAHAS'), ('G-KWTAX6', '34.04.11.2002', 'KESEHATAN', 'Posyandu', 'DIBAHAS') RETURNING id)
		INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT m.id, g.id FROM m, g`); err != nil {
		t.Fatal(err)
	}
	const kpmd = "081100000001"
	for i, text := range []string{"SUARA R-KWTAX7", "KIRIM"} {
		if code, err := p.post(kpmd, text, fmt.Sprint("v", i)); err != nil || code != 202 {
			t.Fatalf("post %q: %d %v", text, code, err)
		}
	}
	var audience int
	if err := db.Get(&audience, `SELECT count(*) FROM vote_recipients`); err != nil || audience < n {
		t.Fatalf("the ballot went to %d (%v), want at least %d; the KPMD read %q", audience, err, n, p.collect(kpmd, 300*time.Millisecond))
	}
	// Kill as soon as the first ballots are recorded as sent.
	var sentAtKill int
	for start := time.Now(); sentAtKill == 0 && time.Since(start) < 20*time.Second; {
		_ = db.Get(&sentAtKill, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	}
	p.kill()
	_ = db.Get(&sentAtKill, `SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent'`)
	t.Logf("killed with %d of %d ballots sent", sentAtKill, audience)
	if sentAtKill >= audience {
		t.Logf("every ballot was sent before the kill: the restart had nothing left to send")
	}
	p.start()
	waitSent(t, st, "kind = 'broadcast'", 90*time.Second)
	var got struct {
		Rows       int `db:"rows"`
		Recipients int `db:"recipients"`
		Sent       int `db:"sent"`
		Carried    int `db:"carried"`
	}
	if err := db.Get(&got, `SELECT (SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast') AS rows,
			(SELECT count(DISTINCT to_phone) FROM outbound_messages WHERE kind = 'broadcast') AS recipients,
			(SELECT count(*) FROM outbound_messages WHERE kind = 'broadcast' AND status = 'sent') AS sent,
			(SELECT count(*) FROM vote_recipients r JOIN contacts c ON c.id = r.contact_id
				JOIN outbound_messages o ON o.id = r.outbound_id AND o.to_phone = c.phone AND o.status = 'sent') AS carried`); err != nil {
		t.Fatal(err)
	}
	if got.Rows != audience || got.Recipients != audience || got.Sent != audience || got.Carried != audience {
		t.Fatalf("ballots %+v; want %d each", got, audience)
	}
	if ballot := p.collect("081300000042", 300*time.Millisecond); len(ballot) != 1 || !strings.Contains(ballot[0], "Gagasan mana yang terpenting?") {
		t.Fatalf("resident 42 got %q", ballot)
	}
	// Five residents answer.
	for i := 1; i <= 5; i++ {
		if code, err := p.post(fmt.Sprintf("0813%08d", i), "2 1", "b"); err != nil || code != 202 {
			t.Fatalf("ballot %d: %d %v", i, code, err)
		}
	}

	// The vote comes due while the service is down; it closes it at start
	// (the reminders' first run) and is killed as soon as it did.
	p.kill()
	if _, err := db.Exec(`UPDATE votes SET closes_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	p.start()
	var closed bool
	for start := time.Now(); !closed && time.Since(start) < 30*time.Second; {
		_ = db.Get(&closed, `SELECT closed_at IS NOT NULL FROM votes`)
	}
	p.kill()
	var atKill string
	_ = db.Get(&atKill, `SELECT coalesce(string_agg(status, ','), 'none') FROM outbound_messages WHERE kind = 'push' AND to_phone = '+6281100000001'`)
	t.Logf("killed with the vote closed %v, its result %s", closed, atKill)
	p.start()
	var result struct {
		Closed  bool `db:"closed"`
		Ballots int  `db:"ballots"`
	}
	for start := time.Now(); !result.Closed && time.Since(start) < 60*time.Second; time.Sleep(200 * time.Millisecond) {
		if err := db.Get(&result, `SELECT closed_at IS NOT NULL AS closed, coalesce((result->'all'->>'ballots')::int, 0) AS ballots FROM votes`); err != nil {
			t.Fatal(err)
		}
	}
	if !result.Closed || result.Ballots != 5 {
		t.Fatalf("vote closed %v with %d ballots, want 5", result.Closed, result.Ballots)
	}
	waitSent(t, st, "kind = 'push'", 60*time.Second)
	var pushes int
	if err := db.Get(&pushes, `SELECT count(*) FROM outbound_messages WHERE kind = 'push' AND to_phone = '+6281100000001' AND status = 'sent'`); err != nil || pushes != 1 {
		t.Fatalf("%d results to the KPMD (%v), want 1", pushes, err)
	}
	results := 0
	read := p.collect(kpmd, 300*time.Millisecond)
	for _, m := range read {
		if strings.Contains(m, "Hasil suara warga R-KWTAX7: 5 dari") {
			results++
		}
	}
	if results != 1 {
		t.Fatalf("the KPMD read the result %d times: %q", results, read)
	}
}
