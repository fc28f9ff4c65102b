package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// failGroupPosts fails for good, as the sender would ("only admins may
// post"), the group posts whose text contains like.
func (f *groupsFixture) failGroupPosts(t *testing.T, like string) {
	t.Helper()
	claim, err := f.st.ClaimOutbound(ctx, "whatsapp", 100, time.Minute)
	if err != nil || claim == nil {
		t.Fatalf("claim %v %v", claim, err)
	}
	var out []postgres.SendOutcome
	for _, m := range claim.Messages {
		if m.Kind == "group" && strings.Contains(m.Text, like) {
			out = append(out, postgres.SendOutcome{ID: m.ID, Err: "only admins may post"})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no group post %q claimed", like)
	}
	if err := claim.Finish(ctx, out); err != nil {
		t.Fatal(err)
	}
}

// TestGroupPostFailedGivesPersonalCopies: an invitation posted into a
// group counts its members as reached only once the post was sent; when
// the post fails for good, the fallback round queues their personal
// invitations (on their own channel), clears by_group, and does so once;
// a reminder whose post failed and a cancellation whose post waited too
// long go to the members personally, the late post is not sent after
// them; a post that was sent releases nothing.
func TestGroupPostFailedGivesPersonalCopies(t *testing.T) {
	f := newGroupsFixture(t)
	n := f.dusunMeeting(t, "R-GRPFFF", true)
	stats, err := f.st.MeetingStatsByCode(ctx, "R-GRPFFF")
	if err != nil || stats.Invited != n || stats.ByGroup != 0 {
		t.Fatalf("stats while the post is queued %+v %v: want none by group", stats, err)
	}
	if got := f.personal(t, "R-GRPFFF", 2, 8); got[2] || got[8] {
		t.Fatalf("members got a personal invitation before the post failed: %v", got)
	}
	// Not failed, not waiting long: nothing to release.
	if k, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil || k != 0 {
		t.Fatalf("released %d %v before the post failed", k, err)
	}
	f.failGroupPosts(t, "R-GRPFFF")
	k, err := f.st.ReleaseGroupPosts(ctx, time.Hour)
	if err != nil || k != 2 {
		t.Fatalf("released %d copies %v, want residents 2 and 8", k, err)
	}
	if got := f.personal(t, "R-GRPFFF", 2, 8); !got[2] || !got[8] {
		t.Fatalf("personal invitations after the post failed: %v", got)
	}
	var text, channel string
	if err := f.st.DB().Get(&text, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND kind = 'broadcast' AND text LIKE '%R-GRPFFF%'`, resident(2)); err != nil {
		t.Fatal(err)
	}
	if text != "Yth. Warga 2, undangan R-GRPFFF" {
		t.Errorf("personal copy %q", text)
	}
	_ = f.st.DB().Get(&channel, `SELECT channel FROM outbound_messages WHERE to_phone = $1 AND text LIKE '%R-GRPFFF%'`, resident(8))
	if channel != "sim" {
		t.Errorf("copy on channel %q, want the resident's own", channel)
	}
	var byGroup, noMessage int
	_ = f.st.DB().Get(&byGroup, `SELECT count(*) FROM invitations i JOIN meetings m ON m.id = i.meeting_id WHERE m.code = 'R-GRPFFF' AND i.by_group`)
	_ = f.st.DB().Get(&noMessage, `SELECT count(*) FROM invitations i JOIN meetings m ON m.id = i.meeting_id WHERE m.code = 'R-GRPFFF' AND i.outbound_id IS NULL`)
	if byGroup != 0 || noMessage != 0 {
		t.Fatalf("after release: %d by_group, %d invitations without a message", byGroup, noMessage)
	}
	if stats, _ := f.st.MeetingStatsByCode(ctx, "R-GRPFFF"); stats.Invited != n || stats.ByGroup != 0 {
		t.Fatalf("stats after release %+v", stats)
	}
	if k, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil || k != 0 {
		t.Fatalf("released again: %d %v", k, err)
	}

	// Another meeting whose post was sent: counted by group, nothing released.
	f.dusunMeeting(t, "R-GRPSSS", true)
	claim, err := f.st.ClaimOutbound(ctx, "whatsapp", 100, time.Minute)
	if err != nil || claim == nil {
		t.Fatal(claim, err)
	}
	var out []postgres.SendOutcome
	for _, m := range claim.Messages {
		out = append(out, postgres.SendOutcome{ID: m.ID, ExtID: "x"})
	}
	if err := claim.Finish(ctx, out); err != nil {
		t.Fatal(err)
	}
	if stats, _ := f.st.MeetingStatsByCode(ctx, "R-GRPSSS"); stats.ByGroup != 2 {
		t.Fatalf("stats of a sent post %+v", stats)
	}
	if k, err := f.st.ReleaseGroupPosts(ctx, 0); err != nil || k != 0 {
		t.Fatalf("released %d %v after a sent post", k, err)
	}

	// The reminders' posts fail (both meetings' are due): members 2 and 8
	// get each, member 2, who said HADIR, in the text of that answer.
	m, _ := f.st.MeetingByCode(ctx, "R-GRPSSS")
	answer, _ := f.st.BeginTurn(ctx, domain.Phone(resident(2)))
	if err := answer.SetRSVP(ctx, m.ID, domain.RSVPHadir); err != nil {
		t.Fatal(err)
	}
	_ = answer.Commit()
	if _, err := f.st.SendDueReminders(ctx, m.StartsAt.Add(-23*time.Hour), func(domain.Meeting, string) postgres.Texts {
		return postgres.Texts{"id": "ingat {nama}", domain.RSVPHadir.TextKey("id"): "ingat, sudah HADIR, {nama}"}
	}, func(domain.Meeting, string) postgres.Texts { return postgres.Texts{"id": "ingat grup"} }); err != nil {
		t.Fatal(err)
	}
	if got := f.personal(t, "ingat", 2, 8); got[2] || got[8] {
		t.Fatalf("reminder copies before the post failed: %v", got)
	}
	f.failGroupPosts(t, "ingat grup")
	if k, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil || k != 4 {
		t.Fatalf("reminder copies %d %v, want 2 × 2", k, err)
	}
	if got := f.personal(t, "ingat", 2, 8); !got[2] || !got[8] {
		t.Fatalf("reminder copies %v", got)
	}
	if got := f.personal(t, "sudah HADIR", 2, 8); !got[2] || got[8] {
		t.Fatalf("reminder copies by answer %v", got)
	}

	// The cancellation's post waits (WhatsApp down) past the wait: copies,
	// and the post is failed so that it does not follow them.
	turn, _ := f.st.BeginTurn(ctx, "+6281100000001")
	if err := turn.CancelMeeting(ctx, m.ID, postgres.Texts{"id": "batal {nama}"}, postgres.Texts{"id": "batal grup"}); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	if k, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil || k != 0 {
		t.Fatalf("released %d %v a post that has not waited", k, err)
	}
	if _, err := f.st.DB().Exec(`UPDATE outbound_messages SET created_at = now() - interval '2 hours' WHERE kind = 'group' AND text = 'batal grup'`); err != nil {
		t.Fatal(err)
	}
	if k, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil || k != 2 {
		t.Fatalf("cancellation copies %d %v", k, err)
	}
	if got := f.personal(t, "batal", 2, 8); !got[2] || !got[8] {
		t.Fatalf("cancellation copies %v", got)
	}
	var status string
	_ = f.st.DB().Get(&status, `SELECT status FROM outbound_messages WHERE kind = 'group' AND text = 'batal grup'`)
	if status != "failed" {
		t.Fatalf("the late post is %q, want failed", status)
	}
}

// TestGroupOneJIDTwoNumbers: a group that two of the desa's numbers are
// in, each row linked, gets each post once; and linking one number's row
// unlinks the other's.
func TestGroupOneJIDTwoNumbers(t *testing.T) {
	f := newGroupsFixture(t)
	var other int64
	if err := f.st.DB().Get(&other, `INSERT INTO wa_groups (channel, jid, name, desa_kode, audience, dusun_id, linked_by, linked_at, seen_at)
		VALUES ('whatsapp:+6281100000099', 'dusun@g.us', 'dusun', '34.04.11.2002', 'DUSUN', $1, 'KPMD', now(), now() - interval '1 day') RETURNING id`, f.dusun); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.DB().Exec(`INSERT INTO wa_group_members (group_id, phone) SELECT $1, phone FROM wa_group_members WHERE group_id = $2`,
		other, f.groups["dusun"]); err != nil {
		t.Fatal(err)
	}
	f.dusunMeeting(t, "R-GRPJJJ", true)
	posts := f.posts(t, "R-GRPJJJ")
	if len(posts) != 1 || posts[f.groups["dusun"]] != 1 {
		t.Fatalf("posts by group row %v: want one, by the row seen last (%d)", posts, f.groups["dusun"])
	}
	if got := f.personal(t, "R-GRPJJJ", 2, 8); got[2] || got[8] {
		t.Fatalf("members got personal invitations: %v", got)
	}
	// Linking the other number's row takes the group over.
	if err := f.st.LinkGroup(ctx, other, postgres.GroupLink{DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa, By: "web kpmd"}); err != nil {
		t.Fatal(err)
	}
	var linked []int64
	if err := f.st.DB().Select(&linked, `SELECT id FROM wa_groups WHERE jid = 'dusun@g.us' AND linked_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	if len(linked) != 1 || linked[0] != other {
		t.Fatalf("linked rows of the group %v, want only %d", linked, other)
	}
	// A third number, another desa's, links the same group to its desa:
	// Bimomartani's link stays.
	var third int64
	if err := f.st.DB().Get(&third, `INSERT INTO wa_groups (channel, jid, name, seen_at)
		VALUES ('whatsapp:+6281100000098', 'dusun@g.us', 'dusun', now()) RETURNING id`); err != nil {
		t.Fatal(err)
	}
	if err := f.st.LinkGroup(ctx, third, postgres.GroupLink{DesaKode: "34.04.11.2001", Audience: domain.AudienceDesa, By: "web kpmd"}); err != nil {
		t.Fatal(err)
	}
	linked = nil
	if err := f.st.DB().Select(&linked, `SELECT id FROM wa_groups WHERE jid = 'dusun@g.us' AND linked_at IS NOT NULL ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(linked) != 2 || linked[0] != other || linked[1] != third {
		t.Fatalf("linked rows after another desa linked the group %v, want %d and %d", linked, other, third)
	}
}

// inTurn runs do in a KPMD's turn and commits it.
func (f *groupsFixture) inTurn(t *testing.T, do func(*postgres.Turn) error) {
	t.Helper()
	turn, err := f.st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if err := do(turn); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// setGroupPosts sets, as the sender would have, the status of the group
// posts into jid whose text contains like.
func (f *groupsFixture) setGroupPosts(t *testing.T, like, jid, status string) {
	t.Helper()
	res, err := f.st.DB().Exec(`UPDATE outbound_messages SET status = $3 WHERE kind = 'group' AND to_phone = $2
		AND text LIKE '%' || $1 || '%'`, like, jid, status)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatalf("no group post %q into %s", like, jid)
	}
}

// copies counts the personal messages to resident i whose text contains
// like.
func (f *groupsFixture) copies(t *testing.T, like string, i int) int {
	t.Helper()
	var n int
	if err := f.st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE to_phone = $1 AND kind <> 'group'
		AND text LIKE '%' || $2 || '%'`, resident(i), like); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestGroupPostsOfOneFanOutReleaseOnce: a desa-wide meeting's notice is
// posted into the desa group and the dusun group; resident 2, in both,
// gets one personal copy when both posts fail, and none when one of the
// posts she is in was sent (nor while it is queued); resident 8, only in
// the failed one, gets his at once.
func TestGroupPostsOfOneFanOutReleaseOnce(t *testing.T) {
	f := newGroupsFixture(t)
	if _, err := f.st.DB().Exec(`INSERT INTO wa_group_members (group_id, phone) VALUES ($1, $2)`, f.groups["desa"], resident(2)); err != nil {
		t.Fatal(err)
	}
	m := domain.Meeting{Code: "R-GRPDDD", Type: domain.MeetingMusdesSosialisasi, DesaKode: "34.04.11.2002",
		Audience: domain.AudienceDesa, StartsAt: time.Now().Add(30 * time.Hour), Place: "Balai Desa"}
	f.inTurn(t, func(turn *postgres.Turn) error {
		_, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "Yth. {nama}, undangan R-GRPDDD"},
			postgres.Texts{"id": "Undangan grup R-GRPDDD"}, postgres.DefaultReminders)
		return err
	})
	m2, err := f.st.MeetingByCode(ctx, "R-GRPDDD")
	if err != nil {
		t.Fatal(err)
	}
	// bothFail fails both posts of a notice and releases them: residents 2
	// and 8 get one copy each (the copies' texts contain copy2 and copy8).
	bothFail := func(post, copy2, copy8 string) {
		t.Helper()
		f.setGroupPosts(t, post, "desa@g.us", "failed")
		f.setGroupPosts(t, post, "dusun@g.us", "failed")
		if _, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil {
			t.Fatal(err)
		}
		if n, k := f.copies(t, copy2, 2), f.copies(t, copy8, 8); n != 1 || k != 1 {
			t.Fatalf("copies of %q: resident 2 got %d, resident 8 %d; want one each", post, n, k)
		}
	}
	// The invitation: both posts fail.
	bothFail("Undangan grup R-GRPDDD", "undangan R-GRPDDD", "undangan R-GRPDDD")
	// A reminder: both posts fail.
	if _, err := f.st.SendDueReminders(ctx, m2.StartsAt.Add(-23*time.Hour), func(domain.Meeting, string) postgres.Texts {
		return postgres.Texts{"id": "ingat {nama} R-GRPDDD"}
	}, func(domain.Meeting, string) postgres.Texts { return postgres.Texts{"id": "ingat grup R-GRPDDD"} }); err != nil {
		t.Fatal(err)
	}
	bothFail("ingat grup R-GRPDDD", "ingat Warga 2", "ingat Warga 8")
	// The cancellation: the desa post was sent, the dusun post failed.
	f.inTurn(t, func(turn *postgres.Turn) error {
		return turn.CancelMeeting(ctx, m2.ID, postgres.Texts{"id": "batal {nama} R-GRPDDD"}, postgres.Texts{"id": "batal grup R-GRPDDD"})
	})
	f.setGroupPosts(t, "batal grup R-GRPDDD", "dusun@g.us", "failed")
	// Resident 8 is only in the failed group; resident 2 waits for the
	// desa post, still queued.
	if _, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n, k := f.copies(t, "batal Warga 2", 2), f.copies(t, "batal Warga 8", 8); n != 0 || k != 1 {
		t.Fatalf("cancellation copies while the desa post is queued: resident 2 got %d, resident 8 %d; want 0 and 1", n, k)
	}
	f.setGroupPosts(t, "batal grup R-GRPDDD", "desa@g.us", "sent")
	if _, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n, k := f.copies(t, "batal Warga 2", 2), f.copies(t, "batal Warga 8", 8); n != 0 || k != 1 {
		t.Fatalf("cancellation copies: resident 2 (reached by the desa post) got %d, resident 8 %d; want 0 and 1", n, k)
	}
}

// TestGroupPostStaleCopies: an invitation whose post failed is not
// released once the meeting moved (the move reaches them); once the
// meeting is cancelled, the move's copies are not released, only the
// cancellation's.
func TestGroupPostStaleCopies(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-GRPMMM", true)
	m, err := f.st.MeetingByCode(ctx, "R-GRPMMM")
	if err != nil {
		t.Fatal(err)
	}
	f.setGroupPosts(t, "Undangan grup R-GRPMMM", "dusun@g.us", "failed")
	f.inTurn(t, func(turn *postgres.Turn) error {
		return turn.MoveMeeting(ctx, m.ID, m.StartsAt.Add(24*time.Hour), "Balai Desa", postgres.Texts{"id": "pindah {nama} R-GRPMMM"},
			postgres.Texts{"id": "pindah grup R-GRPMMM"}, postgres.DefaultReminders)
	})
	if _, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := f.copies(t, "undangan R-GRPMMM", 2) + f.copies(t, "undangan R-GRPMMM", 8); n != 0 {
		t.Fatalf("%d stale invitation copies released after the move", n)
	}
	f.inTurn(t, func(turn *postgres.Turn) error {
		return turn.CancelMeeting(ctx, m.ID, postgres.Texts{"id": "batal {nama} R-GRPMMM"}, postgres.Texts{"id": "batal grup R-GRPMMM"})
	})
	f.setGroupPosts(t, "pindah grup R-GRPMMM", "dusun@g.us", "failed")
	f.setGroupPosts(t, "batal grup R-GRPMMM", "dusun@g.us", "failed")
	if _, err := f.st.ReleaseGroupPosts(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := f.copies(t, "pindah", 2) + f.copies(t, "pindah", 8); n != 0 {
		t.Fatalf("%d move copies released for a cancelled meeting", n)
	}
	if n := f.copies(t, "batal Warga", 2) + f.copies(t, "batal Warga", 8); n != 2 {
		t.Fatalf("%d cancellation copies, want 2", n)
	}
}
