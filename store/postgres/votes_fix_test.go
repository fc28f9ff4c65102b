package postgres_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// Two votes open to one resident: each knows the other is open (a plain
// ballot is then refused by the flow), the one opened last comes first,
// and when its ballot was sent is read.
func TestVoteTwoOpenVotesKnowEachOther(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	ma, _ := newMeeting(t, st, "R-REVAA1", domain.AudienceDesa, time.Now().Add(72*time.Hour))
	mb, _ := newMeeting(t, st, "R-REVBB2", domain.AudienceDesa, time.Now().Add(24*time.Hour))
	if _, err := openVote(t, st, ma, time.Now().Add(70*time.Hour), voteItems(t, st)); err != nil {
		t.Fatal(err)
	}
	if _, err := openVote(t, st, mb, time.Now().Add(20*time.Hour), voteItems(t, st)); err != nil {
		t.Fatal(err)
	}
	sentTo := func(code string) *domain.Vote {
		t.Helper()
		turn, err := st.BeginTurn(ctx, "+6281300000001")
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		v, err := turn.VoteSentTo(ctx, turn.Contact().ID, code)
		if err != nil || v == nil {
			t.Fatal(v, err)
		}
		return v
	}
	if v := sentTo(""); v.MeetingCode != "R-REVBB2" || v.Others != 1 || v.SentAt != nil {
		t.Errorf("plain: %s with %d others, sent %v; want R-REVBB2, 1, not yet", v.MeetingCode, v.Others, v.SentAt)
	}
	if _, err := st.DB().Exec(`UPDATE outbound_messages o SET sent_at = now() FROM vote_recipients r JOIN votes v ON v.id = r.vote_id
		WHERE o.id = r.outbound_id AND v.meeting_id = $1`, ma.ID); err != nil {
		t.Fatal(err)
	}
	if v := sentTo("R-REVAA1"); v.MeetingCode != "R-REVAA1" || v.Others != 1 || v.SentAt == nil {
		t.Errorf("by code: %s with %d others, sent %v", v.MeetingCode, v.Others, v.SentAt)
	}
}

// A ballot is checked against the turn's time, and one that comes while
// the vote is being closed waits for the closing and is refused as
// closed, never stored after the count.
func TestBallotRefusedWhenTheCloseIsUnderWay(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	m, _ := newMeeting(t, st, "R-REVCC3", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	closes := time.Now().Add(time.Hour)
	if _, err := openVote(t, st, m, closes, voteItems(t, st)); err != nil {
		t.Fatal(err)
	}
	v, _, err := st.MeetingVote(ctx, m.ID)
	if err != nil || v == nil {
		t.Fatal(v, err)
	}
	cast := func(at time.Time) error {
		turn, err := st.BeginTurn(ctx, "+6281300000001")
		if err != nil {
			return err
		}
		defer turn.Rollback()
		if err := turn.CastBallot(ctx, v.ID, []int{1}, at); err != nil {
			return err
		}
		return turn.Commit()
	}
	if err := cast(closes.Add(time.Minute)); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("a ballot at a turn after the closing time: %v", err)
	}
	// The closer holds the vote, counted and closed, not yet committed.
	tx, err := st.DB().Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SELECT 1 FROM votes WHERE id = $1 FOR UPDATE`, v.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE votes SET closed_at = now(), result = '{}' WHERE id = $1`, v.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cast(time.Now()) }()
	time.Sleep(300 * time.Millisecond)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Errorf("a ballot during the close: %v, want refused as closed", err)
	}
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM ballots WHERE vote_id = $1`, v.ID)
	if n != 0 {
		t.Errorf("%d ballots stored after the count", n)
	}
}

// A canceled meeting's vote closes with it, with no result pushed nor
// shown on the board; a moved meeting's vote closes by its new start.
func TestVoteFollowsCanceledAndMovedMeeting(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	start := time.Now().Add(72 * time.Hour).Truncate(time.Second)
	ma, _ := newMeeting(t, st, "R-REVDD4", domain.AudienceDesa, start)
	mb, _ := newMeeting(t, st, "R-REVEE5", domain.AudienceDesa, start)
	for _, m := range []domain.Meeting{ma, mb} {
		if _, err := openVote(t, st, m, start, voteItems(t, st)); err != nil {
			t.Fatal(err)
		}
	}
	if err := castBallot(st, "+6281300000001", voteOf(t, st, mb).ID, 1); err != nil {
		t.Fatal(err)
	}
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	earlier := start.Add(-48 * time.Hour)
	if err := turn.MoveMeeting(ctx, ma.ID, earlier, "Balai Desa", postgres.Texts{"id": "pindah"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	if err := turn.CancelMeeting(ctx, mb.ID, postgres.Texts{"id": "batal"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	if v := voteOf(t, st, ma); !v.ClosesAt.Equal(earlier) || v.ClosedAt != nil {
		t.Errorf("moved meeting's vote closes %v (closed %v), want %v", v.ClosesAt, v.ClosedAt, earlier)
	}
	if v := voteOf(t, st, mb); v.ClosedAt == nil {
		t.Errorf("canceled meeting's vote still open")
	}
	if err := castBallot(st, "+6281300000002", voteOf(t, st, mb).ID, 1); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Errorf("a ballot on a canceled meeting's vote: %v", err)
	}
	k, err := st.CloseDueVotes(ctx, start.Add(time.Hour), func(v domain.Vote, r domain.VoteResult) postgres.Texts {
		return postgres.Texts{"id": "Hasil " + v.MeetingCode}
	})
	var pushed []string
	_ = st.DB().Select(&pushed, `SELECT text FROM outbound_messages WHERE text LIKE 'Hasil %'`)
	if err != nil || k != 1 || len(pushed) != 1 || pushed[0] != "Hasil R-REVDD4" {
		t.Errorf("closed %d (%v), pushed %v; want only R-REVDD4's", k, err, pushed)
	}
	cv, err := st.ClosedVotes(ctx, "34.04.11.2002", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cv {
		if c.Meeting.Code == "R-REVEE5" {
			t.Errorf("the board shows the canceled meeting's vote")
		}
	}
}

// The result goes by the push channel rule, and not to a KPMD who opted
// out.
func TestVoteResultSkipsOptedOut(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	m, _ := newMeeting(t, st, "R-REVFF6", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	closes := time.Now().Add(time.Hour)
	if _, err := openVote(t, st, m, closes, voteItems(t, st)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE contacts SET opted_out_at = now() WHERE phone = '+6281100000001'`); err != nil {
		t.Fatal(err)
	}
	k, err := st.CloseDueVotes(ctx, closes.Add(time.Minute), func(v domain.Vote, r domain.VoteResult) postgres.Texts {
		return postgres.Texts{"id": "Hasil " + v.MeetingCode}
	})
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE text = 'Hasil R-REVFF6'`)
	if err != nil || k != 1 || n != 0 {
		t.Errorf("closed %d (%v); %d results pushed to an opted-out KPMD", k, err, n)
	}
}

func voteOf(t *testing.T, st *postgres.Store, m domain.Meeting) *domain.Vote {
	t.Helper()
	v, _, err := st.MeetingVote(ctx, m.ID)
	if err != nil || v == nil {
		t.Fatal(v, err)
	}
	return v
}

// A ballot is personal data: DATA SAYA lists the votes answered.
func TestPersonalDataListsAnsweredVotes(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	m, _ := newMeeting(t, st, "R-REVGG7", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	if _, err := openVote(t, st, m, time.Now().Add(time.Hour), voteItems(t, st)); err != nil {
		t.Fatal(err)
	}
	if err := castBallot(st, "+6281300000001", voteOf(t, st, m).ID, 2, 1); err != nil {
		t.Fatal(err)
	}
	for phone, want := range map[domain.Phone]string{"+6281300000001": "R-REVGG7", "+6281300000002": ""} {
		_, pd, err := st.PersonalDataByPhone(ctx, phone)
		if err != nil || strings.Join(pd.Votes, ",") != want {
			t.Errorf("%s: votes %v (%v), want %q", phone, pd.Votes, err, want)
		}
	}
}

// A vote that fails to close does not stop the others: it is left open
// for the next run and its error returned.
func TestCloseDueVotesGoesOnPastAFailure(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 5)
	ma, _ := newMeeting(t, st, "R-REVHH8", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	mb, _ := newMeeting(t, st, "R-REVII9", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	closes := time.Now().Add(time.Hour)
	for i, m := range []domain.Meeting{ma, mb} {
		if _, err := openVote(t, st, m, closes.Add(time.Duration(i)*time.Minute), voteItems(t, st)); err != nil {
			t.Fatal(err)
		}
	}
	// The oldest due vote cannot be closed.
	if _, err := st.DB().Exec(`CREATE FUNCTION refuse_close() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused'; END $$`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`CREATE TRIGGER refuse_close BEFORE UPDATE ON votes FOR EACH ROW
		WHEN (NEW.meeting_id = ` + strconv.FormatInt(ma.ID, 10) + `) EXECUTE FUNCTION refuse_close()`); err != nil {
		t.Fatal(err)
	}
	k, err := st.CloseDueVotes(ctx, closes.Add(time.Hour), func(v domain.Vote, r domain.VoteResult) postgres.Texts {
		return postgres.Texts{"id": "Hasil " + v.MeetingCode}
	})
	if k != 1 || err == nil || voteOf(t, st, mb).ClosedAt == nil || voteOf(t, st, ma).ClosedAt != nil {
		t.Errorf("closed %d (%v); want the second closed and the first's error", k, err)
	}
}

// With Postgres gone, closing votes reports the error and returns: a
// transaction that never began is no vote to skip (the loop went round
// for ever and a service with its database down grew to 20 GB).
func TestCloseDueVotesReturnsWhenPostgresIsDown(t *testing.T) {
	st := storetest.Store(t)
	if err := st.DB().Close(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := st.CloseDueVotes(ctx, time.Now(), func(domain.Vote, domain.VoteResult) postgres.Texts { return nil })
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("closing votes with the database closed reported no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("CloseDueVotes did not return with the database closed")
	}
}
