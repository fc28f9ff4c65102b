package postgres_test

import (
	"testing"
	"time"
)

// TestMeetingsNotPostedIn: a meeting invited while a group was not yet
// linked is listed for that group (its link reply names it), not for the
// group its post went into; a cancelled one is not listed.
func TestMeetingsNotPostedIn(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-NPIAAA", true) // posted into the linked dusun group
	codes := func(jid string) []string {
		t.Helper()
		turn, err := f.st.BeginTurn(ctx, "+6281100000001")
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		ms, err := turn.MeetingsNotPostedIn(ctx, jid, "34.04.11.2002", time.Now(), 5)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Code)
		}
		return out
	}
	if got := codes("dusun@g.us"); len(got) != 0 {
		t.Fatalf("the group the invitation was posted in: %v", got)
	}
	if got := codes("unlinked@g.us"); len(got) != 1 || got[0] != "R-NPIAAA" {
		t.Fatalf("a group not linked when it was sent: %v", got)
	}
	if _, err := f.st.DB().Exec(`UPDATE meetings SET status = 'DIBATALKAN' WHERE code = 'R-NPIAAA'`); err != nil {
		t.Fatal(err)
	}
	if got := codes("unlinked@g.us"); len(got) != 0 {
		t.Fatalf("a cancelled meeting: %v", got)
	}
}
