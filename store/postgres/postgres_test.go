package postgres_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

var ctx = context.Background()

func TestMigrateIsIdempotent(t *testing.T) {
	st := storetest.Store(t)
	applied, err := st.Migrate(ctx, nil)
	if err != nil || len(applied) != 0 {
		t.Fatalf("second migrate applied %v, err %v", applied, err)
	}
	cur, target, err := st.SchemaVersion(ctx)
	if err != nil || cur != target || cur < 1 {
		t.Fatalf("schema version %d/%d, err %v", cur, target, err)
	}
}

func TestImportDesa(t *testing.T) {
	st := storetest.Store(t)
	csv := "kode,nama,kecamatan,dusun\n33.74.01.2001,Sukamaju,Mijen,Krajan\n33.74.01.2001,Sukamaju,Mijen,Ngasem\n33.74.01.2002,Sidomulyo,Mijen,\n"
	res, err := st.ImportDesa(ctx, strings.NewReader(csv), "WITA", "")
	if err != nil {
		t.Fatal(err)
	}
	if res != (postgres.ImportResult{Kecamatan: 1, Desa: 2, Dusun: 2}) {
		t.Fatalf("import result %+v", res)
	}
	// Importing again adds no dusun.
	if res, err := st.ImportDesa(ctx, strings.NewReader(csv), "WITA", ""); err != nil || res.Dusun != 0 {
		t.Fatalf("reimport %+v, %v", res, err)
	}
	dusun, err := st.ListDusun(ctx, "33.74.01.2001")
	if err != nil || len(dusun) != 2 || dusun[0].Nama != "Krajan" {
		t.Fatalf("dusun %+v, %v", dusun, err)
	}
	kec, _ := st.ListKecamatan(ctx)
	if len(kec) != 1 || kec[0].TimeZone != "Asia/Makassar" {
		t.Fatalf("kecamatan %+v", kec)
	}
	// A bad file stores nothing and names every bad line.
	bad := "33.74.01.2003,Baru,Mijen,X\n33.74.01,Salah,Mijen,Y\n,,\n"
	_, err = st.ImportDesa(ctx, strings.NewReader(bad), "WIB", "")
	if domain.ErrorCodeOf(err) != domain.EINVALID || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("bad import err = %v", err)
	}
	// A facilitator's import may not touch another kecamatan.
	_, err = st.ImportDesa(ctx, strings.NewReader("33.74.02.2001,Lain,Gunungpati,A\n"), "WIB", "33.74.01")
	if domain.ErrorCodeOf(err) != domain.EINVALID || !strings.Contains(err.Error(), "not a desa of 33.74.01") {
		t.Fatalf("import outside the kecamatan: %v", err)
	}
	// A kabupaten facilitator's, none outside the kabupaten.
	_, err = st.ImportDesa(ctx, strings.NewReader("34.04.11.2001,Lain,Ngemplak,A\n"), "WIB", "33.74")
	if domain.ErrorCodeOf(err) != domain.EINVALID || !strings.Contains(err.Error(), "not a desa of 33.74") {
		t.Fatalf("import outside the kabupaten: %v", err)
	}
	desa, _ := st.ListDesa(ctx)
	if len(desa) != 2 {
		t.Fatalf("a failed import stored desa: %+v", desa)
	}
}

func TestRoles(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081299990001")
	ra := domain.RoleAssignment{Phone: phone, Role: domain.RoleTV, DesaKode: "34.04.11.2001"}
	if err := st.GrantRole(ctx, ra, "test"); err != nil {
		t.Fatal(err)
	}
	if err := st.GrantRole(ctx, ra, "test"); err != nil {
		t.Fatalf("granting twice: %v", err)
	}
	err := st.GrantRole(ctx, domain.RoleAssignment{Phone: phone, Role: domain.RoleTV, DesaKode: "99.99.99.9999"}, "test")
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("grant in unknown desa: %v", err)
	}
	list, _ := st.ListRoles(ctx, "34.04.11.2001")
	if len(list) != 1 || list[0].Role != domain.RoleTV {
		t.Fatalf("roles %+v", list)
	}
	kpmd, err := st.ContactByPhone(ctx, domain.MustPhone("+6281100000001"))
	if err != nil || !kpmd.HasRole(domain.RoleKPMD, "34.04.11.2002") || kpmd.HasRole(domain.RoleKPMD, "34.04.11.2001") {
		t.Fatalf("demo KPMD %+v, %v", kpmd, err)
	}
	if err := st.RevokeRole(ctx, ra); err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeRole(ctx, ra); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("revoking twice: %v", err)
	}
}

// register runs the turns that create a registered contact with a gagasan.
func register(t *testing.T, st *postgres.Store, phone domain.Phone, code string) string {
	t.Helper()
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if turn.Contact() != nil {
		t.Fatal("contact exists before consent")
	}
	if _, dup, err := turn.LogInbound(ctx, postgres.Inbound{Channel: "sim", ExtID: string(phone) + "/1", Phone: phone, Text: "ya"}); err != nil || dup {
		t.Fatal(dup, err)
	}
	if err := turn.GiveConsent(ctx, phone, "sim"); err != nil {
		t.Fatal(err)
	}
	dusun, _ := st.ListDusun(ctx, "34.04.11.2002")
	if err := turn.Register(ctx, "Siti", "34.04.11.2002", dusun[0].ID, domain.GenderFemale); err != nil {
		t.Fatal(err)
	}
	g := domain.Gagasan{Code: code, DesaKode: "34.04.11.2002", Category: domain.CategoryEkonomi, Title: "Kolam lele", Description: "Usaha kelompok"}
	if err := turn.CreateGagasan(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: "sim", To: phone, Text: "ok", Priority: postgres.PriorityReply}}); err != nil {
		t.Fatal(err)
	}
	if seq, err := turn.FinishTurn(ctx, "", "sim"); err != nil || seq != 1 {
		t.Fatalf("seq %d, %v", seq, err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	return code
}

func TestTurnDedupeAndCodeCollision(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081234567003")
	code := register(t, st, phone, "G-333333")

	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if c := turn.Contact(); c == nil || !c.Registered() || c.SessionSeq != 1 {
		t.Fatalf("contact %+v", c)
	}
	_, dup, err := turn.LogInbound(ctx, postgres.Inbound{Channel: "sim", ExtID: string(phone) + "/1", Phone: phone})
	if err != nil || !dup {
		t.Fatalf("same id again: dup=%v err=%v", dup, err)
	}
	turn.Rollback()

	turn, _ = st.BeginTurn(ctx, phone)
	defer turn.Rollback()
	err = turn.CreateGagasan(ctx, domain.Gagasan{Code: code, DesaKode: "34.04.11.2002", Category: domain.CategoryEkonomi, Title: "Lagi"})
	if !errors.Is(err, postgres.ErrCodeTaken) {
		t.Fatalf("colliding code: %v", err)
	}
	// The savepoint keeps the turn usable.
	if _, err := turn.FinishTurn(ctx, "", "sim"); err != nil {
		t.Fatalf("turn unusable after a code collision: %v", err)
	}
}

func TestSetGagasanStatusNotifiesSender(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081234567004")
	code := register(t, st, phone, "G-444444")
	notice := func(_ string, g domain.Gagasan, _ string) string { return "kabar " + g.Code + " " + string(g.Status) }

	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: domain.StatusDidanai, By: "test", Notice: notice}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("skipping stages: %v", err)
	}
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: "G-MMMMMM", To: domain.StatusDibahas, By: "test", Notice: notice}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown code: %v", err)
	}
	g, notified, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: domain.StatusDibahas, Note: "di Musdus", By: "test", Notice: notice})
	if err != nil || !notified || g.Status != domain.StatusDibahas {
		t.Fatalf("set status: %+v %v %v", g, notified, err)
	}
	_, hist, _ := st.GagasanByCode(ctx, code)
	if len(hist) != 2 || hist[1].From != domain.StatusDiajukan || hist[1].Note != "di Musdus" || hist[1].By != "test" {
		t.Fatalf("history %+v", hist)
	}
	msgs := peekQueued(t, st, "sim")
	var found bool
	for _, m := range msgs {
		if m.Text == "kabar "+code+" DIBAHAS" && m.Kind == "push" {
			found = true
		}
	}
	if !found {
		t.Fatalf("no push queued: %+v", msgs)
	}

	// An opted-out sender is not told.
	turn, _ := st.BeginTurn(ctx, phone)
	if err := turn.SetOptOut(ctx, true); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, notified, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: domain.StatusUsulanDesa, By: "test", Notice: notice}); err != nil || notified {
		t.Fatalf("opted-out sender notified=%v err=%v", notified, err)
	}
}

func TestClaimOutboundNeverTwice(t *testing.T) {
	st := storetest.SeededStore(t)
	var out []postgres.Outbound
	for i := range 300 {
		prio, kind := postgres.PriorityBroadcast, "broadcast"
		if i%10 == 0 {
			prio, kind = postgres.PriorityReply, "reply"
		}
		out = append(out, postgres.Outbound{Channel: "sim", To: domain.MustPhone("081234567005"), Text: "m", Kind: kind, Priority: prio})
	}
	turn, _ := st.BeginTurn(ctx, domain.MustPhone("081234567005"))
	if _, err := turn.QueueOutbound(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	// Replies come first; a held claim's messages are skipped by others.
	first, err := st.ClaimOutbound(ctx, "sim", 30, time.Minute)
	if err != nil || first == nil || len(first.Messages) != 30 {
		t.Fatalf("claimed %+v, %v", first, err)
	}
	for _, m := range first.Messages {
		if m.Kind != "reply" || m.Attempts != 1 {
			t.Fatalf("first claim: %+v", m)
		}
	}
	seen := map[int64]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				claim, err := st.ClaimOutbound(ctx, "sim", 7, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if claim == nil {
					return
				}
				var outcomes []postgres.SendOutcome
				mu.Lock()
				for _, m := range claim.Messages {
					seen[m.ID]++
					outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID})
				}
				mu.Unlock()
				if err := claim.Finish(ctx, outcomes); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(seen) != 270 {
		t.Fatalf("claimed %d distinct of the 270 not held", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("message %d claimed %d times", id, n)
		}
	}
	// A released claim's messages are free again, as they were.
	ids := []int64{first.Messages[0].ID, first.Messages[1].ID}
	first.Release()
	again, _ := st.ClaimOutbound(ctx, "sim", 500, time.Minute)
	if again == nil || len(again.Messages) != 30 || again.Messages[0].ID != ids[0] || again.Messages[0].Attempts != 1 {
		t.Fatalf("after release: %+v", again)
	}
	// One sent, one to try again at once, the rest left as they were.
	if err := again.Finish(ctx, []postgres.SendOutcome{{ID: ids[0], ExtID: "x"}, {ID: ids[1], Err: "down", Retry: time.Now().Add(-time.Second)}}); err != nil {
		t.Fatal(err)
	}
	retry, _ := st.ClaimOutbound(ctx, "sim", 1, time.Second)
	if retry == nil || retry.Messages[0].ID != ids[1] || retry.Messages[0].Attempts != 2 {
		t.Fatalf("retry: %+v", retry)
	}
	// A claim held past its hold time is ended by Postgres: its messages
	// go to the next claim, and its own outcomes are not recorded.
	time.Sleep(1500 * time.Millisecond)
	if err := retry.Finish(ctx, []postgres.SendOutcome{{ID: ids[1]}}); err == nil {
		t.Fatal("an expired claim recorded its outcome")
	}
	later, _ := st.ClaimOutbound(ctx, "sim", 500, time.Minute)
	if later == nil || len(later.Messages) != 29 || later.Messages[0].ID != ids[1] {
		t.Fatalf("after the hold time: %+v", later)
	}
	later.Release()
	counts, _ := st.OutboundCounts(ctx)
	if counts["sent"] != 271 || counts["queued"] != 29 {
		t.Fatalf("counts %v", counts)
	}
}

func TestDeleteContactLeavesNoNumber(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081234567006")
	code := register(t, st, phone, "G-666666")
	claim, _ := st.ClaimOutbound(ctx, "sim", 10, time.Minute)
	var outcomes []postgres.SendOutcome
	for _, m := range claim.Messages {
		outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID})
	}
	if err := claim.Finish(ctx, outcomes); err != nil {
		t.Fatal(err)
	}
	// She is in a WhatsApp group.
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03", false, true, members("+6281100000012", string(phone)), nil); err != nil {
		t.Fatal(err)
	}
	deleteContact(t, st, phone, false)
	if _, err := st.ContactByPhone(ctx, phone); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("contact still there: %v", err)
	}
	g, _, err := st.GagasanByCode(ctx, code)
	if err != nil || g.SenderID != nil || g.Description != "" || g.Title != "Kolam lele" {
		t.Fatalf("gagasan after delete: %+v, %v", g, err)
	}
	var n int
	err = st.DB().Get(&n, `SELECT (SELECT count(*) FROM inbound_messages WHERE phone = $1) +
		(SELECT count(*) FROM outbound_messages WHERE to_phone = $1) + (SELECT count(*) FROM roles WHERE phone = $1) +
		(SELECT count(*) FROM wa_group_members WHERE phone = $1)`, string(phone))
	if err != nil || n != 0 {
		t.Fatalf("%d rows still hold the number, %v", n, err)
	}
}

// deleteContact runs HAPUS DATA for a number in a turn of its own.
func deleteContact(t *testing.T, st *postgres.Store, phone domain.Phone, keepText bool) {
	t.Helper()
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if err := turn.DeleteContact(ctx, keepText); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// When the person lets her words stay, they stay without her registered
// name or her number, in any of the ways people write a number; the title
// of her gagasan too, which the board shows.
func TestDeleteContactKeepsWordsWithoutNameOrNumber(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081234567007")
	code := register(t, st, phone, "G-777777")
	c, err := st.ContactByPhone(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"Hubungi Siti di 0812-3456-7007 atau +62 812 3456 7007": "Hubungi … di … atau …",
		"WA 6281234567007, rumah Siti":                          "WA …, rumah …",
		"nomor lain 081234567008 tetap":                         "nomor lain 081234567008 tetap",
	}
	for text := range texts {
		if _, err := st.DB().Exec(`INSERT INTO complaints (code, desa_kode, contact_id, anonymous, text) VALUES ('A-' || left(md5($1), 6), '34.04.11.2002', $2, false, $1)`,
			text, int64(c.ID)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.DB().Exec(`UPDATE gagasan SET title = 'Kolam lele Siti 0812 3456 7007' WHERE code = $1`, code); err != nil {
		t.Fatal(err)
	}
	deleteContact(t, st, phone, true)
	var kept []string
	if err := st.DB().Select(&kept, `SELECT text FROM complaints WHERE contact_id IS NULL ORDER BY text`); err != nil || len(kept) != 3 {
		t.Fatalf("complaints %q %v", kept, err)
	}
	for _, k := range kept {
		found := false
		for _, want := range texts {
			found = found || k == want
		}
		if !found {
			t.Errorf("kept %q", k)
		}
	}
	g, _, err := st.GagasanByCode(ctx, code)
	if err != nil || g.Title != "Kolam lele … …" || g.Description != "Usaha kelompok" {
		t.Fatalf("gagasan kept as %q / %q, %v", g.Title, g.Description, err)
	}
}

// A message sent late (after a crash) comes after the reader's cursor,
// whatever its row id.
func TestSentOrderFollowsSending(t *testing.T) {
	st := storetest.SeededStore(t)
	to := domain.MustPhone("081234567007")
	turn, _ := st.BeginTurn(ctx, to)
	ids, err := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: "sim", To: to, Text: "first queued"}, {Channel: "sim", To: to, Text: "second queued"}})
	if err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	// A claim of both sends the second only (the first is left queued,
	// as by a process killed before sending it).
	claim, err := st.ClaimOutbound(ctx, "sim", 10, time.Minute)
	if err != nil || claim == nil || len(claim.Messages) != 2 {
		t.Fatalf("claim %+v %v", claim, err)
	}
	if err := claim.Finish(ctx, []postgres.SendOutcome{{ID: ids[1]}}); err != nil {
		t.Fatal(err)
	}
	got, _ := st.SentTo(ctx, "sim", to, 0, 10)
	if len(got) != 1 || got[0].Text != "second queued" {
		t.Fatalf("first read %+v", got)
	}
	cursor := got[0].Seq
	late, _ := st.ClaimOutbound(ctx, "sim", 10, time.Minute)
	if late == nil || len(late.Messages) != 1 || late.Messages[0].ID != ids[0] {
		t.Fatalf("late claim %+v", late)
	}
	if err := late.Finish(ctx, []postgres.SendOutcome{{ID: ids[0]}}); err != nil {
		t.Fatal(err)
	}
	got, _ = st.SentTo(ctx, "sim", to, cursor, 10)
	if len(got) != 1 || got[0].Text != "first queued" || got[0].Seq <= cursor {
		t.Fatalf("the late message is lost to the cursor: %+v", got)
	}
}

// Two dispatchers never send one person's replies out of order: while an
// earlier reply is held by one, the later ones wait; other people's go.
func TestClaimKeepsReplyOrder(t *testing.T) {
	st := storetest.SeededStore(t)
	a, b := domain.MustPhone("081234567006"), domain.MustPhone("081234567007")
	var out []postgres.Outbound
	for _, to := range []domain.Phone{a, a, a, b} {
		out = append(out, postgres.Outbound{Channel: "sim", To: to, Text: "r", Kind: "reply", Priority: postgres.PriorityReply})
	}
	out = append(out, postgres.Outbound{Channel: "sim", To: a, Text: "news", Kind: "broadcast", Priority: postgres.PriorityBroadcast})
	turn, _ := st.BeginTurn(ctx, a)
	ids, err := turn.QueueOutbound(ctx, out)
	if err != nil || turn.Commit() != nil {
		t.Fatal(err)
	}
	one, _ := st.ClaimOutbound(ctx, "sim", 1, time.Minute) // process 1 holds a's first reply
	if one == nil || len(one.Messages) != 1 || one.Messages[0].ID != ids[0] {
		t.Fatalf("first claim %+v", one)
	}
	other, _ := st.ClaimOutbound(ctx, "sim", 10, time.Minute) // process 2
	var got []int64
	var outcomes []postgres.SendOutcome
	for _, m := range other.Messages {
		got = append(got, m.ID)
		outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID})
	}
	if len(got) != 2 || got[0] != ids[3] || got[1] != ids[4] {
		t.Fatalf("second claim took %v; want b's reply and the broadcast, not a's later replies %v", got, ids[1:3])
	}
	if err := other.Finish(ctx, outcomes); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.ClaimOutbound(ctx, "sim", 10, time.Minute); again != nil && len(again.Messages) > 0 {
		t.Fatalf("a's later replies taken while the first is held: %+v", again.Messages)
	} else if again != nil {
		again.Release()
	}
	if err := one.Finish(ctx, []postgres.SendOutcome{{ID: ids[0], ExtID: "x"}}); err != nil {
		t.Fatal(err)
	}
	rest, _ := st.ClaimOutbound(ctx, "sim", 10, time.Minute)
	if rest == nil || len(rest.Messages) != 2 || rest.Messages[0].ID != ids[1] || rest.Messages[1].ID != ids[2] {
		t.Fatalf("after the first was sent: %+v", rest)
	}
	rest.Release()
}

// TestBeginLoggedTurn: the one-round-trip start of a turn reads and locks
// the contact (with roles and language), logs the message (its text only
// with consent), tells a duplicate, and FinishWithReplies queues the
// replies and advances the counter together.
func TestBeginLoggedTurn(t *testing.T) {
	st := storetest.SeededStore(t)
	stranger := domain.MustPhone("081234567901")
	turn, id, dup, err := st.BeginLoggedTurn(ctx, postgres.Inbound{Channel: "sim", ExtID: "x/1", Phone: stranger, Text: "halo"})
	if err != nil || dup || id == 0 || turn.Contact() != nil {
		t.Fatalf("stranger: %v %v %d %+v", err, dup, id, turn)
	}
	if seq, err := turn.FinishWithReplies(ctx, []postgres.Outbound{{Channel: "sim", To: stranger, Text: "selamat datang"}}, "daftar", "sim"); err != nil || seq != 0 {
		t.Fatalf("finish without contact: %d %v", seq, err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var text *string
	_ = st.DB().Get(&text, `SELECT text FROM inbound_messages WHERE id = $1`, id)
	if text != nil {
		t.Fatalf("text kept without consent: %q", *text)
	}
	if _, _, dup, err := st.BeginLoggedTurn(ctx, postgres.Inbound{Channel: "sim", ExtID: "x/1", Phone: stranger, Text: "halo"}); err != nil || !dup {
		t.Fatalf("same id again: dup=%v err=%v", dup, err)
	}

	kpmd := domain.MustPhone("081100000001")
	turn, id, dup, err = st.BeginLoggedTurn(ctx, postgres.Inbound{Channel: "sim", ExtID: "k/1", Phone: kpmd, Text: "UNDANG"})
	if err != nil || dup {
		t.Fatal(err, dup)
	}
	defer turn.Rollback()
	c := turn.Contact()
	if c == nil || !c.Registered() || !c.HasRole(domain.RoleKPMD, "34.04.11.2002") || c.Lang != "id" {
		t.Fatalf("kpmd read as %+v", c)
	}
	seq, err := turn.FinishWithReplies(ctx, []postgres.Outbound{{Channel: "sim", To: kpmd, Text: "satu", Priority: postgres.PriorityReply},
		{Channel: "sim", To: kpmd, Text: "dua", Priority: postgres.PriorityReply}}, "undang", "sim")
	if err != nil || seq != c.SessionSeq+1 {
		t.Fatalf("seq %d after %d: %v", seq, c.SessionSeq, err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE to_phone = $1 AND text IN ('satu', 'dua')`, string(kpmd))
	_ = st.DB().Get(&text, `SELECT text FROM inbound_messages WHERE id = $1`, id)
	if n != 2 || text == nil || *text != "UNDANG" {
		t.Fatalf("%d replies queued, text %v", n, text)
	}
}

// peekQueued lists the messages a claim would take now, without sending.
func peekQueued(t *testing.T, st *postgres.Store, channel string) []postgres.QueuedMessage {
	t.Helper()
	claim, err := st.ClaimOutbound(ctx, channel, 100, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if claim == nil {
		return nil
	}
	defer claim.Release()
	return claim.Messages
}

// The simulator's gathered read answers each number from its own cursor,
// in sending order, within the limit, and only for the channel asked.
func TestSentToMany(t *testing.T) {
	st := storetest.SeededStore(t)
	a, b, c := domain.MustPhone("081234567005"), domain.MustPhone("081234567006"), domain.MustPhone("081234567008")
	turn, _ := st.BeginTurn(ctx, a)
	ids, err := turn.QueueOutbound(ctx, []postgres.Outbound{
		{Channel: "sim", To: a, Text: "a1"}, {Channel: "sim", To: b, Text: "b1"}, {Channel: "sim", To: a, Text: "a2"},
		{Channel: "sim", To: a, Text: "a3"}, {Channel: "other", To: b, Text: "b elsewhere"}})
	if err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	for _, ch := range []string{"sim", "other"} {
		claim, err := st.ClaimOutbound(ctx, ch, 10, time.Minute)
		if err != nil || claim == nil {
			t.Fatalf("claim %s: %v", ch, err)
		}
		var done []postgres.SendOutcome
		for _, m := range claim.Messages {
			done = append(done, postgres.SendOutcome{ID: m.ID})
		}
		if err := claim.Finish(ctx, done); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := st.SentTo(ctx, "sim", a, 0, 10)
	if len(first) != 3 {
		t.Fatalf("a's messages %+v (queued %v)", first, ids)
	}
	got, err := st.SentToMany(ctx, "sim", []postgres.SentQuery{{To: a, After: first[0].Seq}, {To: c}, {To: b}, {To: a}}, 2)
	if err != nil {
		t.Fatal(err)
	}
	texts := func(ms []postgres.SentMessage) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.Text)
		}
		return strings.Join(s, ",")
	}
	want := []string{"a2,a3", "", "b1", "a1,a2"}
	if len(got) != len(want) {
		t.Fatalf("%d answers for 4 queries", len(got))
	}
	for i, w := range want {
		if texts(got[i]) != w || got[i] == nil {
			t.Errorf("query %d: %q, want %q", i, texts(got[i]), w)
		}
	}
}
