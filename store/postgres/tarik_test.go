package postgres_test

import (
	"errors"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// inTurn runs f in a turn of phone's contact and commits it.
func inTurn(t *testing.T, st *postgres.Store, phone domain.Phone, f func(*postgres.Turn) error) error {
	t.Helper()
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	ferr := f(turn)
	// A refusal leaves the turn usable: it finishes and commits.
	if _, err := turn.FinishTurn(ctx, "", "sim"); err != nil {
		t.Fatalf("turn unusable after %v: %v", ferr, err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	return ferr
}

func boardHas(t *testing.T, st *postgres.Store, code string) (bool, int) {
	t.Helper()
	b, err := st.Board(ctx, "34.04.11.2002", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range b.Gagasan {
		if g.Code == code {
			return true, b.FromWomen
		}
	}
	return false, b.FromWomen
}

func TestWithdrawGagasan(t *testing.T) {
	st := storetest.SeededStore(t)
	siti, budi := domain.MustPhone("081234567011"), domain.MustPhone("081234567012")
	mine := register(t, st, siti, "G-TRKAAA")
	theirs := register(t, st, budi, "G-TRKCCC")
	if on, _ := boardHas(t, st, mine); !on {
		t.Fatal("the gagasan is not on the board before it is withdrawn")
	}
	_, women := boardHas(t, st, mine)

	// Another resident cannot withdraw it, nor can anyone an unknown code.
	err := inTurn(t, st, budi, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, mine) })
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("withdrawing another's gagasan: %v", err)
	}
	if err := inTurn(t, st, siti, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, "G-WWWWWW") }); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("withdrawing an unknown code: %v", err)
	}
	if g, _, _ := st.GagasanByCode(ctx, mine); g.Status != domain.StatusDiajukan {
		t.Fatalf("refused withdrawal changed the stage to %s", g.Status)
	}

	// Its sender can, with a history entry by the sender.
	if err := inTurn(t, st, siti, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, mine) }); err != nil {
		t.Fatalf("withdrawing: %v", err)
	}
	g, hist, err := st.GagasanByCode(ctx, mine)
	if err != nil || g.Status != domain.StatusDitarik {
		t.Fatalf("after withdrawal: %+v %v", g, err)
	}
	if len(hist) != 2 || hist[1].From != domain.StatusDiajukan || hist[1].To != domain.StatusDitarik || hist[1].By != "warga" {
		t.Fatalf("history %+v", hist)
	}
	// The board no longer shows or counts it; the other stays.
	on, w := boardHas(t, st, mine)
	if on || w != women-1 {
		t.Fatalf("board after withdrawal: shown=%v, women's gagasan %d (was %d)", on, w, women)
	}
	if on, _ := boardHas(t, st, theirs); !on {
		t.Fatal("another gagasan left the board")
	}
	// Twice is refused.
	if err := inTurn(t, st, siti, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, mine) }); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("withdrawing twice: %v", err)
	}

	// A discussed gagasan cannot be withdrawn, even by its sender.
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: theirs, To: domain.StatusDibahas, By: "test"}); err != nil {
		t.Fatal(err)
	}
	if err := inTurn(t, st, budi, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, theirs) }); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("withdrawing a DIBAHAS gagasan: %v", err)
	}
	if g, hist, _ := st.GagasanByCode(ctx, theirs); g.Status != domain.StatusDibahas || len(hist) != 2 {
		t.Fatalf("refused withdrawal changed %+v %+v", g, hist)
	}

	// Only the sender withdraws: a facilitator's stage change to DITARIK is refused.
	other := register(t, st, domain.MustPhone("081234567013"), "G-TRKEEE")
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: other, To: domain.StatusDitarik, By: "fasilitator"}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("a facilitator withdrew a gagasan: %v", err)
	}

	// A gagasan a KPMD filed for a resident is hers, not the KPMD's.
	err = inTurn(t, st, budi, func(turn *postgres.Turn) error {
		return turn.CreateGagasan(ctx, domain.Gagasan{Code: "G-TRKFFF", DesaKode: "34.04.11.2002", Category: domain.CategoryLainnya,
			Title: "Jamban sehat", ForName: "Mbok Darmi", ForGender: domain.GenderFemale})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := inTurn(t, st, budi, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, "G-TRKFFF") }); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("a KPMD withdrew a gagasan filed for a resident: %v", err)
	}
}

func TestComplaintsOf(t *testing.T) {
	st := storetest.SeededStore(t)
	siti, budi := domain.MustPhone("081234567014"), domain.MustPhone("081234567015")
	register(t, st, siti, "G-TRKGGG")
	register(t, st, budi, "G-TRKHHH")
	add := func(phone domain.Phone, code string, anon bool) {
		t.Helper()
		err := inTurn(t, st, phone, func(turn *postgres.Turn) error {
			_, err := turn.CreateComplaint(ctx, domain.Complaint{Code: code, DesaKode: "34.04.11.2002", Anonymous: anon, Text: "aduan " + code}, "x")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add(siti, "A-TRKAAA", false)
	add(budi, "A-TRKCCC", false)
	add(siti, "A-TRKEEE", true)
	add(siti, "A-TRKFFF", false)

	turn, err := st.BeginTurn(ctx, siti)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	list, err := turn.ComplaintsOf(ctx, turn.Contact().ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range list {
		codes = append(codes, c.Code)
	}
	// Newest first, the anonymous one among them, none of Budi's.
	if len(codes) != 3 || codes[0] != "A-TRKFFF" || codes[1] != "A-TRKEEE" || codes[2] != "A-TRKAAA" || !list[1].Anonymous {
		t.Fatalf("complaints of Siti: %v", codes)
	}
	if list, _ := turn.ComplaintsOf(ctx, turn.Contact().ID, 2); len(list) != 2 {
		t.Fatalf("limit 2 gave %d", len(list))
	}
}
