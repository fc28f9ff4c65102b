package postgres_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// groupsFixture: residents of Bimomartani (residents(…, 40): even numbers
// in the first dusun) and its WhatsApp groups, written as the adapter
// (wa_groups, wa_group_members) and linking (linked_at, audience) would.
type groupsFixture struct {
	st    *postgres.Store
	dusun int64 // the first dusun (even residents)
	// groups by name: "dusun" linked to the first dusun; "left", "closed"
	// (cannot post) and "unlinked" are not posted into; "desa" is linked
	// to the whole desa.
	groups map[string]int64
}

func resident(i int) string { return fmt.Sprintf("+62813%08d", i) }

func newGroupsFixture(t *testing.T) *groupsFixture {
	t.Helper()
	st := storetest.SeededStore(t)
	residents(t, st, 40)
	f := &groupsFixture{st: st, groups: map[string]int64{}}
	if err := st.DB().Get(&f.dusun, `SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' ORDER BY nama LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// Resident 4 asked for personal messages; resident 6 is on SMS.
	if _, err := st.DB().Exec(`UPDATE contacts SET wants_personal = true WHERE phone = $1`, resident(4)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE contacts SET channel = 'sms:modem', channel_pinned = true WHERE phone = $1`, resident(6)); err != nil {
		t.Fatal(err)
	}
	add := func(name, audience string, dusun *int64, linked, left, canPost bool, members ...int) {
		var desa any
		if audience != "" {
			desa = "34.04.11.2002"
		}
		var aud any
		if audience != "" {
			aud = audience
		}
		var id int64
		err := st.DB().Get(&id, `INSERT INTO wa_groups (channel, jid, name, can_post, left_at, desa_kode, audience, dusun_id, linked_by, linked_at)
			VALUES ('whatsapp', $1 || '@g.us', $1, $2, CASE WHEN $3 THEN now() END, $4, $5, $6, 'KPMD', CASE WHEN $7 THEN now() END) RETURNING id`,
			name, canPost, left, desa, aud, dusun, linked)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			if _, err := st.DB().Exec(`INSERT INTO wa_group_members (group_id, phone) VALUES ($1, $2)`, id, resident(m)); err != nil {
				t.Fatal(err)
			}
		}
		f.groups[name] = id
	}
	add("dusun", "DUSUN", &f.dusun, true, false, true, 2, 4, 6, 8)
	add("left", "DUSUN", &f.dusun, true, true, true, 12)
	add("closed", "DUSUN", &f.dusun, true, false, false, 14)
	add("unlinked", "", nil, false, false, true, 16)
	add("desa", "DESA", nil, true, false, true, 18)
	return f
}

// dusunMeeting invites the first dusun, with a group post.
func (f *groupsFixture) dusunMeeting(t *testing.T, code string, commit bool) int {
	t.Helper()
	turn, err := f.st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	m := domain.Meeting{Code: code, Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002", DusunID: &f.dusun,
		Audience: domain.AudienceDusun, StartsAt: time.Now().Add(30 * time.Hour), Place: "Balai Dusun"}
	n, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "Yth. {nama}, undangan " + code},
		postgres.Texts{"id": "Undangan grup " + code, "jv": "Ulem grup " + code}, postgres.DefaultReminders)
	if err != nil {
		t.Fatal(err)
	}
	if commit {
		if err := turn.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// posts lists the group posts whose text contains like, by group id.
func (f *groupsFixture) posts(t *testing.T, like string) map[int64]int {
	t.Helper()
	var rows []struct {
		Group int64  `db:"to_group"`
		JID   string `db:"to_phone"`
	}
	if err := f.st.DB().Select(&rows, `SELECT to_group, to_phone FROM outbound_messages
		WHERE kind = 'group' AND text LIKE '%' || $1 || '%'`, like); err != nil {
		t.Fatal(err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.Group]++
		if r.JID != "dusun@g.us" {
			t.Errorf("post to %s", r.JID)
		}
	}
	return out
}

// personal tells which of the residents got a personal message whose text
// contains like.
func (f *groupsFixture) personal(t *testing.T, like string, residents ...int) map[int]bool {
	t.Helper()
	out := map[int]bool{}
	for _, i := range residents {
		var n int
		if err := f.st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE to_phone = $1 AND kind <> 'group'
			AND text LIKE '%' || $2 || '%'`, resident(i), like); err != nil {
			t.Fatal(err)
		}
		out[i] = n > 0
	}
	return out
}

// TestGroupPostInvitation: a dusun meeting's invitation is posted once into
// the dusun's linked group (not into a left, closed, unlinked or
// whole-desa group), in the desa's language; its members get no personal
// copy unless they asked for one or are on SMS; everyone else gets theirs;
// and every member of the audience has an invitations row.
func TestGroupPostInvitation(t *testing.T) {
	f := newGroupsFixture(t)
	// A turn that failed and is retried: the rolled-back fan-out leaves
	// nothing, the retried one posts once.
	f.dusunMeeting(t, "R-GRPAAA", false)
	n := f.dusunMeeting(t, "R-GRPAAA", true)
	// Even residents 2…40 but 10, 20, 30, 40 (opted out): 16, plus the
	// demo people of the first dusun.
	var want int
	if err := f.st.DB().Get(&want, `SELECT count(*) FROM contacts WHERE dusun_id = $1 AND registered_at IS NOT NULL AND opted_out_at IS NULL`, f.dusun); err != nil {
		t.Fatal(err)
	}
	if n != want || n < 16 {
		t.Fatalf("invited %d, want %d", n, want)
	}
	posts := f.posts(t, "R-GRPAAA")
	if len(posts) != 1 || posts[f.groups["dusun"]] != 1 {
		t.Fatalf("posts by group %v, want one into %d", posts, f.groups["dusun"])
	}
	var text string
	_ = f.st.DB().Get(&text, `SELECT text FROM outbound_messages WHERE kind = 'group' AND to_group = $1`, f.groups["dusun"])
	if text != "Undangan grup R-GRPAAA" { // Bimomartani's language is Indonesian
		t.Fatalf("post %q", text)
	}
	got := f.personal(t, "R-GRPAAA", 2, 4, 6, 8, 12, 14, 16, 18, 22)
	want2 := map[int]bool{2: false, 8: false, 4: true, 6: true, 12: true, 14: true, 16: true, 18: true, 22: true}
	for i, w := range want2 {
		if got[i] != w {
			t.Errorf("resident %d personal invitation %v, want %v", i, got[i], w)
		}
	}
	var rows []struct {
		Phone    string `db:"phone"`
		Outbound *int64 `db:"outbound_id"`
		ByGroup  bool   `db:"by_group"`
	}
	if err := f.st.DB().Select(&rows, `SELECT c.phone, i.outbound_id, i.by_group FROM invitations i JOIN contacts c ON c.id = i.contact_id
		JOIN meetings m ON m.id = i.meeting_id WHERE m.code = 'R-GRPAAA'`); err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("%d invitations rows, want %d", len(rows), n)
	}
	byGroup := 0
	for _, r := range rows {
		reached := r.Phone == resident(2) || r.Phone == resident(8)
		if r.ByGroup != reached || (r.Outbound == nil) != reached {
			t.Errorf("%s: by_group %v outbound %v", r.Phone, r.ByGroup, r.Outbound)
		}
		if r.ByGroup {
			byGroup++
		}
	}
	// Counted by group once the post was sent (TestGroupPostFailedGivesPersonalCopies).
	if _, err := f.st.DB().Exec(`UPDATE outbound_messages SET status = 'sent' WHERE kind = 'group' AND text LIKE '%R-GRPAAA%'`); err != nil {
		t.Fatal(err)
	}
	stats, err := f.st.MeetingStatsByCode(ctx, "R-GRPAAA")
	if err != nil || stats.Invited != n || stats.ByGroup != 2 || stats.Unanswered != n {
		t.Fatalf("stats %+v %v", stats, err)
	}
	// A member reached by the group answers privately: recorded.
	turn, _ := f.st.BeginTurn(ctx, domain.Phone(resident(2)))
	m, _ := f.st.MeetingByCode(ctx, "R-GRPAAA")
	if err := turn.SetRSVP(ctx, m.ID, domain.RSVPHadir); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	if stats, _ := f.st.MeetingStatsByCode(ctx, "R-GRPAAA"); stats.Hadir != 1 {
		t.Fatalf("stats after HADIR %+v", stats)
	}
}

// TestGroupPostNotices: a move, a cancellation, a reminder and the result
// are posted into the dusun group once each, and its members get no
// personal copy (but those who asked and those on SMS do).
func TestGroupPostNotices(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-GRPBBB", true)
	m, err := f.st.MeetingByCode(ctx, "R-GRPBBB")
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, like string) {
		t.Helper()
		if posts := f.posts(t, like); len(posts) != 1 || posts[f.groups["dusun"]] != 1 {
			t.Errorf("%s: posts by group %v", what, posts)
		}
		got := f.personal(t, like, 2, 4, 6, 22)
		if got[2] || !got[4] || !got[6] || !got[22] {
			t.Errorf("%s: personal copies %v", what, got)
		}
	}
	// The reminder, the day before (30 h before it starts: due in 6 h).
	k, err := f.st.SendDueReminders(ctx, m.StartsAt.Add(-23*time.Hour), func(domain.Meeting, string) postgres.Texts {
		return postgres.Texts{"id": "ingat {nama}"}
	}, func(domain.Meeting, string) postgres.Texts { return postgres.Texts{"id": "ingat grup"} })
	if err != nil || k != 1 {
		t.Fatalf("reminders %d %v", k, err)
	}
	check("reminder", "ingat")

	turn, _ := f.st.BeginTurn(ctx, "+6281100000001")
	if err := turn.MoveMeeting(ctx, m.ID, m.StartsAt.Add(time.Hour), "Balai Desa", postgres.Texts{"id": "pindah {nama}"},
		postgres.Texts{"id": "pindah grup"}, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	check("move", "pindah")

	turn, _ = f.st.BeginTurn(ctx, "+6281100000001")
	if err := turn.RecordOutcome(ctx, postgres.Outcome{MeetingID: m.ID, Attended: 12, Women: 5, By: "KPMD",
		Post: postgres.Texts{"id": "hasil grup"}}); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	if posts := f.posts(t, "hasil grup"); len(posts) != 1 {
		t.Errorf("result posts %v", posts)
	}

	turn, _ = f.st.BeginTurn(ctx, "+6281100000001")
	if err := turn.CancelMeeting(ctx, m.ID, postgres.Texts{"id": "batal {nama}"}, postgres.Texts{"id": "batal grup"}); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	check("cancel", "batal")

	// Without a post, nobody is left out of the personal notice.
	turn, _ = f.st.BeginTurn(ctx, "+6281100000001")
	if err := turn.CancelMeeting(ctx, m.ID, postgres.Texts{"id": "lagi {nama}"}, nil); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	if got := f.personal(t, "lagi", 2, 8); !got[2] || !got[8] {
		t.Errorf("notice without a post: %v", got)
	}
}

// TestGroupReachAndDesaPosts: the KIRIM preview's counts, and a post
// addressed to the whole desa (QueueGroupPosts, as the MAD result) goes
// into every linked group of the desa that may be posted into, with its
// photo.
func TestGroupReachAndDesaPosts(t *testing.T) {
	f := newGroupsFixture(t)
	turn, err := f.st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	n, err := turn.CountAudience(ctx, "34.04.11.2002", &f.dusun, domain.AudienceDusun)
	if err != nil {
		t.Fatal(err)
	}
	r, err := turn.GroupReach(ctx, "34.04.11.2002", &f.dusun, domain.AudienceDusun)
	if err != nil {
		t.Fatal(err)
	}
	// Residents 2 and 8 by the group; 4 (asked) and 6 (SMS) personally.
	if r != (domain.GroupReach{Groups: 1, ByGroup: 2, Personal: n - 2, SMS: 1}) {
		t.Fatalf("reach %+v of %d", r, n)
	}
	r, err = turn.GroupReach(ctx, "34.04.11.2002", nil, domain.AudiencePerempuan)
	if err != nil || r.Groups != 0 || r.ByGroup != 0 {
		t.Fatalf("women's reach %+v %v", r, err)
	}
	var photo int64
	if err := f.st.DB().Get(&photo, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ('x', 'image/jpeg', 'image', 1, 'x.jpg') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	k, err := turn.QueueGroupPosts(ctx, "34.04.11.2002", domain.AudienceDesa, nil, postgres.Texts{"id": "hasil MAD"}, &photo)
	if err != nil || k != 2 {
		t.Fatalf("desa posts %d %v", k, err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var groups []int64
	if err := f.st.DB().Select(&groups, `SELECT to_group FROM outbound_messages WHERE kind = 'group' AND text = 'hasil MAD' AND media_id = $1 ORDER BY to_group`, photo); err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || groups[0] != f.groups["dusun"] || groups[1] != f.groups["desa"] {
		t.Fatalf("posted into %v, groups %v", groups, f.groups)
	}
}

// TestGroupPostVoteAndReport: a suara warga's result is posted once into
// the meeting's dusun group when it closes (ballots stay personal); a
// progress report goes with its first photo into every linked group of the
// kegiatan's desa.
func TestGroupPostVoteAndReport(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-GRPVVV", true)
	m, err := f.st.MeetingByCode(ctx, "R-GRPVVV")
	if err != nil {
		t.Fatal(err)
	}
	closes := time.Now().Add(time.Hour)
	if _, err := openVote(t, f.st, *m, closes, voteItems(t, f.st)); err != nil {
		t.Fatal(err)
	}
	if got := f.personal(t, "Suara warga R-GRPVVV", 2); !got[2] {
		t.Fatal("a group member got no ballot")
	}
	render := func(domain.Vote, domain.VoteResult) postgres.Texts { return postgres.Texts{"id": "hasil untuk KPMD"} }
	post := func(v domain.Vote, _ domain.VoteResult) postgres.Texts {
		return postgres.Texts{"id": "hasil suara " + v.MeetingCode}
	}
	for range 2 {
		if _, err := f.st.CloseDueVotesPosting(ctx, closes.Add(time.Minute), render, post); err != nil {
			t.Fatal(err)
		}
	}
	if posts := f.posts(t, "hasil suara R-GRPVVV"); len(posts) != 1 || posts[f.groups["dusun"]] != 1 {
		t.Fatalf("vote result posts %v", posts)
	}

	fundedGagasan(t, f.st, "+6281234567020", "G-GRP777")
	k, err := f.st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-GRPAAA", GagasanCode: "G-GRP777", Budget: 1000000,
		TPK: []domain.Phone{"+6281100000002"}, Notice: func(string, domain.Gagasan, string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if k.DesaKode != "34.04.11.2002" {
		t.Fatalf("kegiatan of desa %s", k.DesaKode)
	}
	var photo int64
	if err := f.st.DB().Get(&photo, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ('y', 'image/jpeg', 'image', 1, 'y.jpg') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	turn, err := f.st.BeginTurn(ctx, "+6281100000002")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if err := turn.CreateReport(ctx, domain.ProgressReport{KegiatanID: k.ID, Percent: 30, Note: "cor", PhotoIDs: []int64{photo}},
		nil, postgres.Texts{"id": "kabar grup K-GRPAAA"}); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var groups []int64
	if err := f.st.DB().Select(&groups, `SELECT to_group FROM outbound_messages WHERE kind = 'group' AND text = 'kabar grup K-GRPAAA' AND media_id = $1 ORDER BY to_group`, photo); err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || groups[0] != f.groups["dusun"] || groups[1] != f.groups["desa"] {
		t.Fatalf("report posted into %v, groups %v", groups, f.groups)
	}
}
