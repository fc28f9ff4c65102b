package postgres_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestAddGagasanText: the sender's words are added to her own gagasan's
// description on a line of their own while it waits to be discussed;
// another's gagasan, or one already discussed, is left as it was.
func TestAddGagasanText(t *testing.T) {
	st := storetest.SeededStore(t)
	siti, budi := domain.MustPhone("081234567021"), domain.MustPhone("081234567022")
	mine := register(t, st, siti, "G-ADDAAA")
	theirs := register(t, st, budi, "G-ADDCCC")
	add := func(phone domain.Phone, code, text string) {
		t.Helper()
		if err := inTurn(t, st, phone, func(turn *postgres.Turn) error { return turn.AddGagasanText(ctx, code, text) }); err != nil {
			t.Fatal(err)
		}
	}
	desc := func(code string) string {
		t.Helper()
		g, _, err := st.GagasanByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		return g.Description
	}
	add(siti, mine, "eh, lain, lokasina di RT 03")
	if got := desc(mine); got != "Usaha kelompok\neh, lain, lokasina di RT 03" {
		t.Fatalf("description %q", got)
	}
	add(siti, theirs, "bukan punya saya")
	if got := desc(theirs); got != "Usaha kelompok" {
		t.Fatalf("another's gagasan changed: %q", got)
	}
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: theirs, To: domain.StatusDibahas, By: "test"}); err != nil {
		t.Fatal(err)
	}
	add(budi, theirs, "tambahan telat")
	if got := desc(theirs); got != "Usaha kelompok" {
		t.Fatalf("a discussed gagasan changed: %q", got)
	}
}
