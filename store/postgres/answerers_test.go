package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// MeetingAnswerers names those who answered, HADIR first, within the
// limit; nobody who did not answer.
func TestMeetingAnswerers(t *testing.T) {
	st := storetest.SeededStore(t)
	residents(t, st, 6)
	m, _ := newMeeting(t, st, "R-NAMA11", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	for phone, a := range map[string]domain.RSVP{resident(1): domain.RSVPTidak, resident(2): domain.RSVPHadir, resident(4): domain.RSVPHadir} {
		if err := inTurn(t, st, domain.Phone(phone), func(turn *postgres.Turn) error { return turn.SetRSVP(ctx, m.ID, a) }); err != nil {
			t.Fatal(err)
		}
	}
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	list, err := turn.MeetingAnswerers(ctx, m.ID, 10)
	if err != nil || len(list) != 3 || list[0] != (domain.Answerer{Name: "Warga 2", RSVP: domain.RSVPHadir}) ||
		list[1] != (domain.Answerer{Name: "Warga 4", RSVP: domain.RSVPHadir}) || list[2] != (domain.Answerer{Name: "Warga 1", RSVP: domain.RSVPTidak}) {
		t.Fatalf("answerers %+v %v", list, err)
	}
	if list, err := turn.MeetingAnswerers(ctx, m.ID, 2); err != nil || len(list) != 2 {
		t.Fatalf("limited to 2: %+v %v", list, err)
	}
}
