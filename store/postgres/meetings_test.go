package postgres_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// residents registers n residents of Bimomartani with one SQL statement:
// half in the first dusun, every third a woman, every tenth opted out.
func residents(t testing.TB, st *postgres.Store, n int) {
	t.Helper()
	_, err := st.DB().Exec(`INSERT INTO contacts (phone, name, desa_kode, dusun_id, gender, channel, consent_at, registered_at, opted_out_at)
		SELECT '+62813' || lpad(i::text, 8, '0'), 'Warga ' || i, '34.04.11.2002',
			(SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' ORDER BY nama LIMIT 1 OFFSET (i % 2)),
			CASE WHEN i % 3 = 0 THEN 'P' ELSE 'L' END, 'sim', now(), now(), CASE WHEN i % 10 = 0 THEN now() END
		FROM generate_series(1, $1) AS i`, n)
	if err != nil {
		t.Fatal(err)
	}
}

func newMeeting(t testing.TB, st *postgres.Store, code string, aud domain.Audience, at time.Time) (domain.Meeting, int) {
	t.Helper()
	return createMeeting(t, st, domain.Meeting{Code: code, Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002",
		Audience: aud, StartsAt: at, Place: "Balai Desa"})
}

// createMeeting stores a meeting of the demo KPMD and returns it as
// stored, with the number invited.
func createMeeting(t testing.TB, st *postgres.Store, m domain.Meeting) (domain.Meeting, int) {
	t.Helper()
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	n, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "Yth. {nama}, undangan " + m.Code}, nil, postgres.DefaultReminders)
	if err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := st.MeetingByCode(ctx, m.Code)
	if err != nil {
		t.Fatal(err)
	}
	return *got, n
}

func TestInvitationFanOut(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 300)
	at := time.Now().Add(48 * time.Hour)
	_, n := newMeeting(t, st, "R-AAAAAA", domain.AudienceDesa, at)
	// 300 residents, 30 opted out, plus the three demo people of the desa
	// but the demo KPMD, who organised it (not invited to her own meeting).
	if n != 272 {
		t.Fatalf("invited %d, want 272", n)
	}
	_, women := newMeeting(t, st, "R-CCCCCC", domain.AudiencePerempuan, at)
	if women != 90+1 { // i%3==0 and not i%10==0: 90; plus the facilitator (the KPMD organised it)
		t.Fatalf("women invited %d, want 91", women)
	}
	var personalised, distinct int
	_ = st.DB().Get(&personalised, `SELECT count(*) FROM outbound_messages WHERE text LIKE 'Yth. Warga %, undangan R-AAAAAA'`)
	_ = st.DB().Get(&distinct, `SELECT count(DISTINCT to_phone) FROM outbound_messages WHERE text LIKE '%R-AAAAAA'`)
	if personalised != 270 || distinct != 272 {
		t.Fatalf("personalised %d, distinct recipients %d", personalised, distinct)
	}
	stats, err := st.MeetingStatsByCode(ctx, "R-AAAAAA")
	if err != nil || stats.Invited != 272 || stats.Sent != 0 || stats.Unanswered != 272 {
		t.Fatalf("stats %+v %v", stats, err)
	}
}

func TestRecordOutcomeByCode(t *testing.T) {
	st := storetest.SeededStore(t)
	newMeeting(t, st, "R-AAAAAA", domain.AudienceDesa, time.Now().Add(time.Hour))
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-AAAAAA", Attended: 10, Women: 4, Now: time.Now(), By: "test"}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("outcome before the meeting: %v", err)
	}
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-AAAAAA", Attended: 10, Women: 11, Now: time.Now().Add(2 * time.Hour), By: "test"}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("more women than attendees: %v", err)
	}
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-AAAAAA", Attended: 10, Women: 4, Now: time.Now().Add(2 * time.Hour), By: "test"}); err != nil {
		t.Fatal(err)
	}
	m, _ := st.MeetingByCode(ctx, "R-AAAAAA")
	if m.Status != domain.MeetingHeld || *m.Attended != 10 || *m.AttendedWomen != 4 {
		t.Fatalf("meeting %+v", m)
	}
}

func TestRemindersSentOnceAcrossProcesses(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 50)
	start := time.Now().Add(30 * time.Hour)
	m, n := newMeeting(t, st, "R-AAAAAA", domain.AudienceDesa, start)
	// One resident answers TIDAK: no reminder for them.
	turn, _ := st.BeginTurn(ctx, "+6281300000001")
	if err := turn.SetRSVP(ctx, m.ID, domain.RSVPTidak); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	render := func(m domain.Meeting, kind string) postgres.Texts {
		return postgres.Texts{"id": "pengingat " + kind + " {nama}"}
	}

	// Not due yet.
	if k, err := st.SendDueReminders(ctx, time.Now(), render, nil); err != nil || k != 0 {
		t.Fatalf("early reminders: %d %v", k, err)
	}
	// Two "processes" race for the day-before reminder.
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, err := st.SendDueReminders(ctx, start.Add(-23*time.Hour), render, nil)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += k
			mu.Unlock()
		}()
	}
	wg.Wait()
	var sent int
	_ = st.DB().Get(&sent, `SELECT count(*) FROM outbound_messages WHERE text LIKE 'pengingat H-1 %'`)
	if total != 1 || sent != n-1 {
		t.Fatalf("reminder runs %d, messages %d (want 1 run, %d messages)", total, sent, n-1)
	}
	// Moved: the reminders follow; canceled: nothing more is sent.
	turn, _ = st.BeginTurn(ctx, "+6281100000001")
	if err := turn.MoveMeeting(ctx, m.ID, start.Add(24*time.Hour), "Balai Dusun", postgres.Texts{"id": "pindah {nama}"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	var moved int
	_ = st.DB().Get(&moved, `SELECT count(*) FROM outbound_messages WHERE text LIKE 'pindah %'`)
	if moved != n { // everyone is told of a move, even those who said TIDAK
		t.Fatalf("move notices %d, want %d", moved, n)
	}
	if k, _ := st.SendDueReminders(ctx, start.Add(-23*time.Hour), render, nil); k != 0 {
		t.Fatal("a moved meeting's reminder went at the old time")
	}
	turn, _ = st.BeginTurn(ctx, "+6281100000001")
	if err := turn.CancelMeeting(ctx, m.ID, postgres.Texts{"id": "batal {nama}"}, nil); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	if k, _ := st.SendDueReminders(ctx, start.Add(23*time.Hour), render, nil); k != 0 {
		t.Fatal("a canceled meeting was reminded")
	}
	got, _ := st.MeetingByCode(ctx, "R-AAAAAA")
	if got.Status != domain.MeetingCanceled {
		t.Fatalf("status %s", got.Status)
	}
}

func TestMeetingCodeCollision(t *testing.T) {
	st := storetest.SeededStore(t)
	newMeeting(t, st, "R-AAAAAA", domain.AudienceDesa, time.Now().Add(time.Hour))
	turn, _ := st.BeginTurn(ctx, "+6281100000001")
	defer turn.Rollback()
	m := domain.Meeting{Code: "R-AAAAAA", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa, StartsAt: time.Now().Add(time.Hour), Place: "X"}
	if _, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "x"}, nil, nil); err != postgres.ErrCodeTaken {
		t.Fatalf("colliding code: %v", err)
	}
}

// BenchmarkFanOut10k measures fixing and storing a 10,000-recipient
// invitation: the meeting, the recipients and their personalised messages,
// in one transaction.
//
//	go test ./store/postgres -run '^$' -bench FanOut10k -benchtime 5x
func BenchmarkFanOut10k(b *testing.B) {
	st := storetest.SeededStore(b)
	residents(b, st, 11111) // 10,000 after the opted-out tenth
	b.ResetTimer()
	for i := range b.N {
		code := fmt.Sprintf("R-%s", strings.Repeat(string("ACEFGHJKMNPRTWXY34679"[i%21]), 6))
		_, _ = st.DB().Exec(`DELETE FROM meetings WHERE code = $1`, code)
		b.StartTimer()
		_, n := newMeeting(b, st, code, domain.AudienceDesa, time.Now().Add(48*time.Hour))
		b.StopTimer()
		if n < 10000 {
			b.Fatalf("invited %d", n)
		}
	}
	b.ReportMetric(10000, "recipients/op")
}

// TestInvitationInEachLanguage: one invitation, queued in one statement,
// reaches each resident in their language: their own choice, else their
// desa's default, else Indonesian.
func TestInvitationInEachLanguage(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 3)
	if err := st.SetDesaLang(ctx, "34.04.11.2002", "su"); err != nil {
		t.Fatal(err)
	}
	// Warga 1 chose Javanese, Warga 2 chose Indonesian, Warga 3 did not choose.
	if _, err := st.DB().Exec(`UPDATE contacts SET lang = CASE name WHEN 'Warga 1' THEN 'jv' WHEN 'Warga 2' THEN 'id' ELSE '' END
		WHERE name LIKE 'Warga %'`); err != nil {
		t.Fatal(err)
	}
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	m := domain.Meeting{Code: "R-LLLLLL", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		StartsAt: time.Now().Add(48 * time.Hour), Place: "Balai Desa"}
	if _, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "Yth. {nama}", "jv": "Dhumateng {nama}", "su": "Ka {nama}"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Warga 1": "Dhumateng Warga 1", "Warga 2": "Yth. Warga 2", "Warga 3": "Ka Warga 3"}
	for name, text := range want {
		var got string
		if err := st.DB().Get(&got, `SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.name = $1`, name); err != nil {
			t.Fatal(name, err)
		}
		if got != text {
			t.Errorf("%s got %q, want %q", name, got, text)
		}
	}
}

// A reminder whose time has passed when the meeting is set (the day-before
// reminder of a meeting two hours away) is never sent; the others are.
func TestPastReminderNotSent(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	start := time.Now().Add(2*time.Hour + 10*time.Minute)
	newMeeting(t, st, "R-BBBBBB", domain.AudienceDesa, start)
	render := func(m domain.Meeting, kind string) postgres.Texts {
		return postgres.Texts{"id": "pengingat " + kind + " {nama}"}
	}
	if k, err := st.SendDueReminders(ctx, time.Now(), render, nil); err != nil || k != 0 {
		t.Fatalf("reminders at once: %d %v", k, err)
	}
	if k, err := st.SendDueReminders(ctx, start.Add(-time.Hour), render, nil); err != nil || k != 1 {
		t.Fatalf("the two-hours reminder: %d runs, %v", k, err)
	}
	var early, late int
	_ = st.DB().Get(&early, `SELECT count(*) FROM outbound_messages WHERE text LIKE 'pengingat H-1 %'`)
	_ = st.DB().Get(&late, `SELECT count(*) FROM outbound_messages WHERE text LIKE 'pengingat J-2 %'`)
	if early != 0 || late == 0 {
		t.Fatalf("day-before reminders %d, two-hours reminders %d", early, late)
	}
}

// An answer by code is taken only from someone invited or in the meeting's
// audience: codes are on the public boards, and a stranger's HADIR would
// inflate the count and bring them the meeting's reminders.
func TestRSVPOnlyFromInvitedOrAudience(t *testing.T) {
	st := storetest.SeededStore(t)
	var kejambon, bimo, ngringin int64
	for name, id := range map[string]*int64{"Kejambon": &kejambon, "Bimo": &bimo, "Ngringin": &ngringin} {
		if err := st.DB().Get(id, `SELECT id FROM dusun WHERE nama = $1`, name); err != nil {
			t.Fatal(err)
		}
	}
	person := func(phone domain.Phone, desa string, dusun int64, g domain.Gender) {
		t.Helper()
		if _, err := st.UpsertRegisteredContact(ctx, domain.Contact{Phone: phone, Name: "Warga " + string(phone[len(phone)-2:]),
			DesaKode: desa, DusunID: dusun, Gender: g, Channel: "sim"}); err != nil {
			t.Fatal(err)
		}
	}
	const invited, later, otherDusun, otherDesa, man = "+6281300000701", "+6281300000702", "+6281300000703", "+6281300000704", "+6281300000705"
	person(invited, "34.04.11.2002", kejambon, domain.GenderFemale)
	person(otherDusun, "34.04.11.2002", bimo, domain.GenderFemale)
	person(otherDesa, "34.04.11.2004", ngringin, domain.GenderFemale)
	person(man, "34.04.11.2002", kejambon, domain.GenderMale)
	at := time.Now().Add(48 * time.Hour)
	create := func(code string, aud domain.Audience, dusun *int64) int64 {
		t.Helper()
		m, _ := createMeeting(t, st, domain.Meeting{Code: code, Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002",
			DusunID: dusun, Audience: aud, StartsAt: at, Place: "Balai"})
		return m.ID
	}
	dusunMeeting := create("R-DUSUN2", domain.AudienceDusun, &kejambon)
	womenMeeting := create("R-WOMEN2", domain.AudiencePerempuan, nil)
	// Registered after the invitations went: in the audience all the same.
	person(later, "34.04.11.2002", kejambon, domain.GenderMale)
	answer := func(phone domain.Phone, meeting int64) (bool, error) {
		t.Helper()
		turn, err := st.BeginTurn(ctx, phone)
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		may, err := turn.MayAnswer(ctx, meeting, turn.Contact().ID)
		if err != nil {
			t.Fatal(err)
		}
		err = turn.SetRSVP(ctx, meeting, domain.RSVPHadir)
		if err == nil {
			err = turn.Commit()
		}
		return may, err
	}
	for _, c := range []struct {
		phone   domain.Phone
		meeting int64
		ok      bool
	}{
		{invited, dusunMeeting, true}, {later, dusunMeeting, true}, {man, dusunMeeting, true},
		{otherDusun, dusunMeeting, false}, {otherDesa, dusunMeeting, false},
		{invited, womenMeeting, true}, {otherDusun, womenMeeting, true},
		{man, womenMeeting, false}, {otherDesa, womenMeeting, false},
	} {
		may, err := answer(c.phone, c.meeting)
		if may != c.ok || (err == nil) != c.ok || !c.ok && !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s to meeting %d: may %v, err %v; want %v", c.phone, c.meeting, may, err, c.ok)
		}
	}
	for code, want := range map[string]int{"R-DUSUN2": 3, "R-WOMEN2": 2} {
		stats, err := st.MeetingStatsByCode(ctx, code)
		if err != nil || stats.Hadir != want {
			t.Errorf("%s: %+v %v, want %d HADIR", code, stats, err, want)
		}
	}
	var strangers int
	_ = st.DB().Get(&strangers, `SELECT count(*) FROM invitations i JOIN contacts c ON c.id = i.contact_id WHERE c.phone IN ($1, $2)`, otherDusun, otherDesa)
	if strangers != 1 { // the other dusun's woman, invited to the women's meeting
		t.Errorf("%d invitations for strangers, want 1", strangers)
	}
}

// TestNoticesByAnswer: a reminder and a moved meeting's notice go to each
// invitee in the text of their answer where the texts have one
// (domain.RSVP.TextKey): HADIR's for one who said HADIR, the language's
// for one who has not answered; a reminder to none who said TIDAK, a move
// notice in TIDAK's text.
func TestNoticesByAnswer(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	start := time.Now().Add(30 * time.Hour)
	m, n := newMeeting(t, st, "R-AAAAAA", domain.AudienceDesa, start)
	const hadir, tidak, none = "+6281300000001", "+6281300000002", "+6281300000003"
	for phone, r := range map[string]domain.RSVP{hadir: domain.RSVPHadir, tidak: domain.RSVPTidak} {
		turn, _ := st.BeginTurn(ctx, domain.Phone(phone))
		if err := turn.SetRSVP(ctx, m.ID, r); err != nil {
			t.Fatal(err)
		}
		_ = turn.Commit()
	}
	byAnswer := func(word string) postgres.Texts {
		out := postgres.Texts{}
		for _, l := range []string{"id", "jv", "su"} {
			out[l] = word + " {nama}: balas HADIR atau TIDAK"
			out[domain.RSVPHadir.TextKey(l)] = word + " {nama}: sudah HADIR"
			out[domain.RSVPTidak.TextKey(l)] = word + " {nama}: sudah TIDAK"
		}
		return out
	}
	texts := func(word string) map[string]string {
		var rows []struct {
			To   string `db:"to_phone"`
			Text string `db:"text"`
		}
		if err := st.DB().Select(&rows, `SELECT to_phone, text FROM outbound_messages WHERE text LIKE $1 || ' %'`, word); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, r := range rows {
			out[r.To] = r.Text
		}
		return out
	}
	if k, err := st.SendDueReminders(ctx, start.Add(-23*time.Hour), func(domain.Meeting, string) postgres.Texts { return byAnswer("pengingat") }, nil); err != nil || k != 1 {
		t.Fatalf("reminders %d %v", k, err)
	}
	got := texts("pengingat")
	if len(got) != n-1 || got[hadir] != "pengingat Warga 1: sudah HADIR" || got[none] != "pengingat Warga 3: balas HADIR atau TIDAK" || got[tidak] != "" {
		t.Fatalf("reminders: %d of %d, %q", len(got), n, got)
	}
	turn, _ := st.BeginTurn(ctx, "+6281100000001")
	if err := turn.MoveMeeting(ctx, m.ID, start.Add(24*time.Hour), "Balai Dusun", byAnswer("pindah"), nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	got = texts("pindah")
	if len(got) != n || got[hadir] != "pindah Warga 1: sudah HADIR" || got[tidak] != "pindah Warga 2: sudah TIDAK" || got[none] != "pindah Warga 3: balas HADIR atau TIDAK" {
		t.Fatalf("move notices: %d of %d, %q", len(got), n, got)
	}
}
