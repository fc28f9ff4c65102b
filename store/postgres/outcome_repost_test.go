package postgres_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// HASIL saved again with the same counts and no new decision (or the
// same turn run again after a restart) posts nothing more into the
// linked group; a changed count is posted, once.
func TestOutcomeRepostedOnlyWhenChanged(t *testing.T) {
	f := newGroupsFixture(t)
	f.dusunMeeting(t, "R-HASIL2", true)
	m, err := f.st.MeetingByCode(ctx, "R-HASIL2")
	if err != nil {
		t.Fatal(err)
	}
	record := func(attended, women int, text string) {
		t.Helper()
		turn, err := f.st.BeginTurn(ctx, "+6281100000001")
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		if err := turn.RecordOutcome(ctx, postgres.Outcome{MeetingID: m.ID, Attended: attended, Women: women, By: "KPMD",
			Post: postgres.Texts{"id": text}}); err != nil {
			t.Fatal(err)
		}
		if err := turn.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	record(14, 6, "hasil R-HASIL2")
	record(14, 6, "hasil R-HASIL2") // re-saved, or replayed
	record(14, 6, "hasil R-HASIL2")
	if posts := f.posts(t, "hasil R-HASIL2"); len(posts) != 1 || posts[f.groups["dusun"]] != 1 {
		t.Fatalf("result posts %v, want one into the dusun's group", posts)
	}
	record(15, 6, "ralat R-HASIL2")
	record(15, 6, "ralat R-HASIL2")
	if posts := f.posts(t, "ralat R-HASIL2"); posts[f.groups["dusun"]] != 1 {
		t.Fatalf("correction posts %v, want one", posts)
	}
	got, _ := f.st.MeetingByCode(ctx, "R-HASIL2")
	if got.Status != domain.MeetingHeld || *got.Attended != 15 {
		t.Fatalf("meeting %+v", got)
	}
}
