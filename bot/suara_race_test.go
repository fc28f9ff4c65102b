package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// A ballot that arrives while the vote is being closed: the flow saw it
// open, the store waits for the closing and refuses it, and the resident
// is told it is closed, not "tercatat".
func TestBallotDuringTheCloseIsToldClosed(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	const channel = "whatsappcloud:1"
	phone := domain.Phone("+6281234567092")
	dusun, _ := h.Store.ListDusun(ctx, "34.04.11.2002")
	if _, err := h.Store.UpsertRegisteredContact(ctx, domain.Contact{Phone: phone, Name: "Darmi", DesaKode: "34.04.11.2002",
		DusunID: dusun[0].ID, Gender: domain.GenderFemale, Channel: channel}); err != nil {
		t.Fatal(err)
	}
	var items []int64
	if err := h.Store.DB().Select(&items, `INSERT INTO gagasan (code, desa_kode, category, title, status)
		SELECT 'G-RACE0' || i, '34.04.11.2002', 'INFRASTRUKTUR', 'Gagasan ' || i, 'DIAJUKAN' FROM generate_series(1, 2) AS i RETURNING id`); err != nil {
		t.Fatal(err)
	}
	turn, err := h.Store.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	m := domain.Meeting{Code: "R-RACEAA", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		StartsAt: time.Now().Add(48 * time.Hour), Place: "Balai Desa"}
	if _, err := turn.CreateMeeting(ctx, m, items, postgres.Texts{"id": "undangan"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	stored, err := turn.Meeting(ctx, m.Code)
	if err != nil || stored == nil {
		t.Fatal(stored, err)
	}
	if _, err := turn.OpenVote(ctx, stored.ID, time.Now().Add(time.Hour), items, postgres.Texts{"id": "suara"}); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	// The closer holds the vote, closed, not yet committed.
	tx, err := h.Store.DB().Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE votes SET closed_at = now(), result = '{}' WHERE meeting_id = $1`, stored.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := h.Pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "wamid.race", From: phone, Text: "SUARA R-RACEAA 2 1"})
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var replies []string
	_ = h.Store.DB().Select(&replies, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND kind = 'reply'`, string(phone))
	joined := strings.Join(replies, "\n")
	if !strings.Contains(joined, "sudah ditutup") || strings.Contains(joined, "tercatat") {
		t.Errorf("replies to a ballot during the close: %q", joined)
	}
	var n int
	_ = h.Store.DB().Get(&n, `SELECT count(*) FROM ballots`)
	if n != 0 {
		t.Errorf("%d ballots stored after the close", n)
	}
}
