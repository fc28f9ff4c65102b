package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// TestVoteResultUsesPublicMin: the result of a suara warga sent to the
// KPMD when it closes splits by gender with the configured
// PUBLIC_MIN_COUNT (Reminders.MinPublicCount, as serve sets it from the
// board's setting), not the default 3: 6 women and 3 men with a minimum
// of 5 read "5+" and "< 5".
func TestVoteResultUsesPublicMin(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	dusun, _ := h.Store.ListDusun(ctx, "34.04.11.2002")
	var voters []domain.Phone
	for i := range 9 {
		g := domain.GenderFemale
		if i%3 == 0 {
			g = domain.GenderMale
		}
		p := domain.Phone(fmt.Sprintf("+62812345670%02d", 50+i))
		if _, err := h.Store.UpsertRegisteredContact(ctx, domain.Contact{Phone: p, Name: fmt.Sprintf("Warga %d", i), DesaKode: "34.04.11.2002",
			DusunID: dusun[0].ID, Gender: g, Channel: "sim"}); err != nil {
			t.Fatal(err)
		}
		voters = append(voters, p)
	}
	var items []int64
	if err := h.Store.DB().Select(&items, `INSERT INTO gagasan (code, desa_kode, category, title, status)
		SELECT 'G-MINCT' || i, '34.04.11.2002', 'INFRASTRUKTUR', 'Gagasan ' || i, 'DIAJUKAN' FROM generate_series(1, 2) AS i RETURNING id`); err != nil {
		t.Fatal(err)
	}
	turn, err := h.Store.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	m := domain.Meeting{Code: "R-MINCTA", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		StartsAt: time.Now().Add(48 * time.Hour), Place: "Balai Desa"}
	if _, err := turn.CreateMeeting(ctx, m, items, postgres.Texts{"id": "undangan"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	stored, err := turn.Meeting(ctx, m.Code)
	if err != nil || stored == nil {
		t.Fatal(stored, err)
	}
	closes := time.Now().Add(time.Hour)
	if _, err := turn.OpenVote(ctx, stored.ID, closes, items, postgres.Texts{"id": "suara"}); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	var voteID int64
	if err := h.Store.DB().Get(&voteID, `SELECT id FROM votes WHERE meeting_id = $1`, stored.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range voters {
		vt, err := h.Store.BeginTurn(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := vt.CastBallot(ctx, voteID, []int{1, 2}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := vt.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	r := &bot.Reminders{Store: h.Store, Now: func() time.Time { return closes.Add(time.Minute) }, MinPublicCount: 5}
	if _, err := r.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	var texts []string
	if err := h.Store.DB().Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone = '+6281100000001' AND text LIKE '%R-MINCTA%'`); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(texts, "\n")
	if !strings.Contains(got, "perempuan 5+, laki-laki < 5") || strings.Contains(got, "perempuan 6") {
		t.Fatalf("the KPMD's result with PUBLIC_MIN_COUNT 5: %q", got)
	}
}
