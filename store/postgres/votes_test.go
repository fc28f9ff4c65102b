package postgres_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// openVote opens a vote on meeting m as the demo KPMD, on the first n
// gagasan of Bimomartani, and returns how many it went to.
func openVote(t *testing.T, st *postgres.Store, m domain.Meeting, closes time.Time, items []int64) (int, error) {
	t.Helper()
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	n, err := turn.OpenVote(ctx, m.ID, closes, items, postgres.Texts{"id": "Suara warga " + m.Code, "jv": "Suara warga (jv) " + m.Code})
	if err != nil {
		return 0, err
	}
	return n, turn.Commit()
}

func castBallot(st *postgres.Store, phone domain.Phone, voteID int64, choices ...int) error {
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		return err
	}
	defer turn.Rollback()
	if err := turn.CastBallot(ctx, voteID, choices, time.Now()); err != nil {
		return err
	}
	return turn.Commit()
}

func voteItems(t *testing.T, st *postgres.Store) []int64 {
	t.Helper()
	var ids []int64
	if err := st.DB().Select(&ids, `INSERT INTO gagasan (code, desa_kode, category, title, status)
		SELECT 'G-VOTE0' || i, '34.04.11.2002', 'INFRASTRUKTUR', 'Gagasan ' || i, 'DIAJUKAN' FROM generate_series(1, 3) AS i
		ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title RETURNING id`); err != nil || len(ids) < 3 {
		t.Fatalf("demo gagasan %v %v", ids, err)
	}
	return ids
}

func TestVoteOneBallotPerResident(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 30)
	m, invited := newMeeting(t, st, "R-SUARA1", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	closes := time.Now().Add(time.Hour)
	n, err := openVote(t, st, m, closes, voteItems(t, st))
	if err != nil || n != invited {
		t.Fatalf("ballot sent to %d (%v), the invitation to %d", n, err, invited)
	}
	var queued int
	_ = st.DB().Get(&queued, `SELECT count(*) FROM outbound_messages WHERE text = 'Suara warga R-SUARA1' AND kind = 'broadcast' AND priority = $1`, postgres.PriorityBroadcast)
	if queued != n {
		t.Fatalf("%d ballots queued as broadcasts, want %d", queued, n)
	}
	if _, err := openVote(t, st, m, closes, voteItems(t, st)); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("a second vote on the meeting: %v", err)
	}
	v, _, err := st.MeetingVote(ctx, m.ID)
	if err != nil || v == nil || len(v.Items) != 3 || v.Items[0].Title == "" {
		t.Fatalf("vote %+v %v", v, err)
	}

	// One resident answers at once by SMS and WhatsApp, many times: one
	// ballot, the last one stored.
	one := domain.Phone("+6281300000001")
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- castBallot(st, one, v.ID, 1+i%3, 1+(i+1)%3)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var rows, changes int
	_ = st.DB().Get(&rows, `SELECT count(*) FROM ballots WHERE vote_id = $1`, v.ID)
	_ = st.DB().Get(&changes, `SELECT changes FROM ballots WHERE vote_id = $1`, v.ID)
	if rows != 1 || changes != 11 {
		t.Fatalf("%d ballots with %d changes, want 1 with 11", rows, changes)
	}

	// The resident's view: the vote with their ballot.
	turn, _ := st.BeginTurn(ctx, one)
	mine, err := turn.VoteSentTo(ctx, turn.Contact().ID, "")
	turn.Rollback()
	if err != nil || mine == nil || mine.ID != v.ID || len(mine.Mine) != 2 {
		t.Fatalf("vote sent to the resident %+v %v", mine, err)
	}

	// Someone the ballot did not go to (opted out), and numbers outside the
	// ballot, are refused.
	if err := castBallot(st, "+6281300000010", v.ID, 1); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("a ballot from an opted-out resident: %v", err)
	}
	if err := castBallot(st, "+6281300000002", v.ID, 4); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("a ballot outside the list: %v", err)
	}
	for i := 2; i <= 9; i++ {
		if err := castBallot(st, domain.Phone(fmt.Sprintf("+628130000000%d", i)), v.ID, 3, 1); err != nil {
			t.Fatal(err)
		}
	}

	// The close: nothing before its time; then counted once, the result
	// pushed to the KPMD who opened it, and no ballot taken after.
	render := func(v domain.Vote, r domain.VoteResult) postgres.Texts {
		return postgres.Texts{"id": fmt.Sprintf("Hasil %s: %d suara", v.MeetingCode, r.All.Ballots)}
	}
	if k, err := st.CloseDueVotes(ctx, time.Now(), render); err != nil || k != 0 {
		t.Fatalf("closed %d before the time (%v)", k, err)
	}
	var wg2 sync.WaitGroup
	closed := make(chan int, 2)
	for range 2 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			k, err := st.CloseDueVotes(ctx, closes.Add(time.Minute), render)
			if err != nil {
				t.Error(err)
			}
			closed <- k
		}()
	}
	wg2.Wait()
	close(closed)
	total := 0
	for k := range closed {
		total += k
	}
	var pushed []string
	_ = st.DB().Select(&pushed, `SELECT to_phone || ' ' || text FROM outbound_messages WHERE text LIKE 'Hasil R-SUARA1%' AND kind = 'push'`)
	if total != 1 || strings.Join(pushed, ",") != "+6281100000001 Hasil R-SUARA1: 9 suara" {
		t.Fatalf("closed %d times, pushed %v", total, pushed)
	}
	_, res, err := st.MeetingVote(ctx, m.ID)
	if err != nil || res == nil || res.All.Ballots != 9 || res.Audience != invited || res.Order[0] != 3 {
		t.Fatalf("result %+v %v", res, err)
	}
	if res.Women.Ballots+res.Men.Ballots != 9 || len(res.ByDusun) != 2 {
		t.Fatalf("breakdown women %d men %d dusun %v", res.Women.Ballots, res.Men.Ballots, res.ByDusun)
	}
	if err := castBallot(st, one, v.ID, 2); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("a ballot after the close: %v", err)
	}
}
