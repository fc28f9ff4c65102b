package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// MeetingsAwaitingBA lists a desa's meetings that began, not cancelled,
// with no berita acara photo yet; one with its photo, a cancelled one and
// one still ahead are not listed.
func TestMeetingsAwaitingBA(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	for _, code := range []string{"R-BAWAIT", "R-BAHAVE", "R-BABTAL", "R-BALATE"} {
		at := now.Add(-20 * time.Hour)
		if code == "R-BALATE" {
			at = now.Add(20 * time.Hour)
		}
		newMeeting(t, st, code, domain.AudienceDesa, at)
	}
	if _, err := st.DB().Exec(`UPDATE meetings SET status = 'DIBATALKAN' WHERE code = 'R-BABTAL'`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`WITH p AS (INSERT INTO media (sha256, mime, kind, size, path) VALUES ('x', 'image/jpeg', 'image', 1, 'x.jpg') RETURNING id)
		UPDATE meetings SET ba_media_id = (SELECT id FROM p) WHERE code = 'R-BAHAVE'`); err != nil {
		t.Fatal(err)
	}
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	list, err := turn.MeetingsAwaitingBA(ctx, []string{"34.04.11.2002"}, now, 5)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, m := range list {
		codes = append(codes, m.Code)
	}
	if len(codes) != 1 || codes[0] != "R-BAWAIT" {
		t.Fatalf("awaiting %v, want R-BAWAIT alone", codes)
	}
	if other, err := turn.MeetingsAwaitingBA(ctx, []string{"34.04.11.2004"}, now, 5); err != nil || len(other) != 0 {
		t.Fatalf("another desa's: %v %v", other, err)
	}
}
