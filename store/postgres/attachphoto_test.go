package postgres_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestAttachGagasanPhoto: a photo the sender sent becomes the photo of her
// own gagasan while it waits to be discussed without one; another's photo,
// another's gagasan, a gagasan with a photo or one already discussed is
// left as it was.
func TestAttachGagasanPhoto(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	siti, budi := domain.MustPhone("081234567031"), domain.MustPhone("081234567032")
	mine := register(t, st, siti, "G-FOTAAA")
	theirs := register(t, st, budi, "G-FOTCCC")
	media := func(phone domain.Phone, name string) int64 {
		t.Helper()
		var id int64
		if err := db.Get(&id, `INSERT INTO media (sha256, mime, kind, size, path, contact_id)
			SELECT $1, 'image/jpeg', 'image', 1, $1, id FROM contacts WHERE phone = $2 RETURNING id`, name, string(phone)); err != nil {
			t.Fatal(err)
		}
		return id
	}
	attach := func(phone domain.Phone, code string, photo int64) {
		t.Helper()
		if err := inTurn(t, st, phone, func(turn *postgres.Turn) error { return turn.AttachGagasanPhoto(ctx, code, photo) }); err != nil {
			t.Fatal(err)
		}
	}
	photo := func(code string) int64 {
		t.Helper()
		g, _, err := st.GagasanByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		if g.PhotoID == nil {
			return 0
		}
		return *g.PhotoID
	}
	sitis, sitis2, budis := media(siti, "f1"), media(siti, "f2"), media(budi, "f3")
	attach(siti, mine, budis)
	if got := photo(mine); got != 0 {
		t.Fatalf("another's photo attached: %d", got)
	}
	attach(siti, theirs, sitis)
	if got := photo(theirs); got != 0 {
		t.Fatalf("attached to another's gagasan: %d", got)
	}
	attach(siti, mine, sitis)
	if got := photo(mine); got != sitis {
		t.Fatalf("photo %d, want %d", got, sitis)
	}
	attach(siti, mine, sitis2)
	if got := photo(mine); got != sitis {
		t.Fatalf("a photo replaced: %d, want %d", got, sitis)
	}
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: theirs, To: domain.StatusDibahas, By: "test"}); err != nil {
		t.Fatal(err)
	}
	attach(budi, theirs, budis)
	if got := photo(theirs); got != 0 {
		t.Fatalf("a discussed gagasan changed: %d", got)
	}
}
