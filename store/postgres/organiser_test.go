package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The KPMD who sends UNDANG is in her desa's audience but is not invited
// to her own meeting: no invitation row, no "Mohon balas HADIR" queued to
// her; the preview's count (CountAudience) leaves her out as the fan-out
// does, and everyone else of the audience is invited.
func TestOrganiserNotInvited(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 20)
	const organiser = "+6281100000001" // the demo KPMD (createMeeting's sender)
	turn, err := st.BeginTurn(ctx, organiser)
	if err != nil {
		t.Fatal(err)
	}
	preview, err := turn.CountAudience(ctx, "34.04.11.2002", nil, domain.AudienceDesa)
	turn.Rollback()
	if err != nil {
		t.Fatal(err)
	}
	m, n := newMeeting(t, st, "R-ORGAN1", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	if n != preview || n == 0 {
		t.Fatalf("invited %d, the preview counted %d", n, preview)
	}
	var invitedHer, queuedHer int
	if err := st.DB().Get(&invitedHer, `SELECT count(*) FROM invitations i JOIN contacts c ON c.id = i.contact_id
		WHERE i.meeting_id = $1 AND c.phone = $2`, m.ID, organiser); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().Get(&queuedHer, `SELECT count(*) FROM outbound_messages WHERE to_phone = $1 AND text LIKE '%R-ORGAN1'`, organiser); err != nil {
		t.Fatal(err)
	}
	if invitedHer != 0 || queuedHer != 0 {
		t.Fatalf("the organiser invited %d times, %d messages queued to her", invitedHer, queuedHer)
	}
	// Everyone else reachable in the desa is invited, and the suara
	// warga's count of the audience is the invitation's.
	var reachable int
	if err := st.DB().Get(&reachable, `SELECT count(*) FROM contacts WHERE desa_kode = '34.04.11.2002'
		AND registered_at IS NOT NULL AND opted_out_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if reachable != n+1 {
		t.Fatalf("%d reachable in the desa, %d invited: want exactly the organiser left out", reachable, n)
	}
	if all, err := st.MeetingAudience(ctx, m); err != nil || all != n {
		t.Fatalf("suara warga audience %d (%v), invited %d", all, err, n)
	}
}
