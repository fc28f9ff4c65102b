package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// TestMeetingsPostedIn: "nggih hadir" in a group answers the meetings
// posted into that group that the member may answer, and no other.
func TestMeetingsPostedIn(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-PSTAAA", true)
	codes := func(phone, jid string) []string {
		t.Helper()
		turn, err := f.st.BeginTurn(ctx, domain.Phone(phone))
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		ms, err := turn.MeetingsPostedIn(ctx, jid, turn.Contact(), time.Now(), 5)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Code)
		}
		return out
	}
	// A meeting of the same dusun invited with no group post.
	turn, err := f.st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	m := domain.Meeting{Code: "R-PSTNNN", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002", DusunID: &f.dusun,
		Audience: domain.AudienceDusun, StartsAt: time.Now().Add(20 * time.Hour), Place: "Balai Dusun"}
	if _, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "Yth. {nama}, undangan R-PSTNNN"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := codes(resident(2), "dusun@g.us"); len(got) != 1 || got[0] != "R-PSTAAA" {
		t.Fatalf("a member of the dusun group: %v", got)
	}
	for _, c := range []struct{ phone, jid string }{
		{resident(2), "unlinked@g.us"}, // nothing was posted there
		{resident(3), "dusun@g.us"},    // of another dusun: not invited
	} {
		if got := codes(c.phone, c.jid); len(got) != 0 {
			t.Fatalf("%s in %s: %v", c.phone, c.jid, got)
		}
	}
	f.dusunMeeting(t, "R-PSTBBB", true)
	if got := codes(resident(8), "dusun@g.us"); len(got) != 2 {
		t.Fatalf("two meetings posted: %v", got)
	}
	// A cancelled meeting is no longer answered.
	if _, err := f.st.DB().Exec(`UPDATE meetings SET status = 'DIBATALKAN' WHERE code = 'R-PSTBBB'`); err != nil {
		t.Fatal(err)
	}
	if got := codes(resident(8), "dusun@g.us"); len(got) != 1 {
		t.Fatalf("after a cancellation: %v", got)
	}
}
