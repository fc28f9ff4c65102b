package postgres_test

import (
	"errors"
	"regexp"
	"slices"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// A number change moves the contact with everything kept by the number,
// once; the old number is left in no row; a new number that is already a
// contact is refused and both stay as they were.
func TestMoveContact(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	old, nu := domain.MustPhone("081234567071"), domain.MustPhone("085712345671")
	code := register(t, st, old, "G-777777")
	before, err := st.ContactByPhone(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.GrantRole(ctx, domain.RoleAssignment{Phone: old, Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}, "test"); err != nil {
		t.Fatal(err)
	}
	var kid int64
	if err := db.Get(&kid, `INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget)
		SELECT 'K-777777', id, desa_kode, title, 1000 FROM gagasan WHERE code = $1 RETURNING id`, code); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`INSERT INTO kegiatan_tpk (kegiatan_id, phone) VALUES ($1, $2)`, kid, string(old))
	db.MustExec(`UPDATE gagasan SET notify_phone = $1 WHERE code = $2`, string(old), code)
	if err := st.SaveLID(ctx, "777@lid", old); err != nil {
		t.Fatal(err)
	}
	// A complaint forwarded to a facilitator quoted the number.
	db.MustExec(`INSERT INTO outbound_messages (channel, to_phone, text) VALUES ('sim', '+6281100000003', $1)`, "Aduan dari Siti "+string(old))
	// Another person's longer number that begins with hers stays as it is.
	longer := string(old) + "9"
	db.MustExec(`INSERT INTO outbound_messages (channel, to_phone, text) VALUES ('sim', '+6281100000003', $1)`, "Kontak lain "+longer)

	// She is in a WhatsApp group.
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03", false, true, members(string(old), "+6281100000012"), nil); err != nil {
		t.Fatal(err)
	}

	mv := postgres.NumberMove{Channel: "whatsappcloud:1", ExtID: "wamid.SYS1", From: old, To: nu}
	notice := func(lang string) string { return "pindah/" + lang }
	out, err := st.MoveContact(ctx, mv, notice)
	if err != nil || out != postgres.MoveDone {
		t.Fatalf("move: %q, %v", out, err)
	}
	after, err := st.ContactByPhone(ctx, nu)
	if err != nil || after.ID != before.ID || after.Name != "Siti" || after.ConsentAt == nil || len(after.Roles) != 1 || after.Roles[0].Phone != nu {
		t.Fatalf("contact after the move: %+v, %v", after, err)
	}
	if _, err := st.ContactByPhone(ctx, old); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("old number still a contact: %v", err)
	}
	if g, _, err := st.GagasanByCode(ctx, code); err != nil || g.SenderID == nil || domain.ContactID(*g.SenderID) != before.ID {
		t.Fatalf("gagasan after the move: %+v, %v", g, err)
	}
	if lid, _ := st.PhoneForLID(ctx, "777@lid"); lid != nu {
		t.Fatalf("lid maps to %q", lid)
	}
	var left int
	if err := db.Get(&left, `SELECT
		(SELECT count(*) FROM contacts WHERE phone = $1) + (SELECT count(*) FROM roles WHERE phone = $1) +
		(SELECT count(*) FROM kegiatan_tpk WHERE phone = $1) + (SELECT count(*) FROM wa_lid_map WHERE phone = $1) +
		(SELECT count(*) FROM gagasan WHERE notify_phone = $1) + (SELECT count(*) FROM inbound_messages WHERE phone = $1) +
		(SELECT count(*) FROM wa_group_members WHERE phone = $1) +
		(SELECT count(*) FROM outbound_messages WHERE to_phone = $1 OR text ~ $2)`, string(old), regexp.QuoteMeta(string(old))+`(?![0-9])`); err != nil || left != 0 {
		t.Fatalf("%d rows still hold the old number, %v", left, err)
	}
	if got := groupMembers(t, st, grpJID); len(got) != 2 || got[1] != string(nu) {
		t.Fatalf("group members after the move: %v", got)
	}
	var kept int
	if err := db.Get(&kept, `SELECT count(*) FROM outbound_messages WHERE text = $1`, "Kontak lain "+longer); err != nil || kept != 1 {
		t.Fatalf("another person's longer number was rewritten: %d rows kept, %v", kept, err)
	}
	var history int
	_ = db.Get(&history, `SELECT count(*) FROM inbound_messages WHERE phone = $1`, string(nu))
	if history < 2 { // the consent and the change itself
		t.Fatalf("message history under the new number: %d rows", history)
	}
	notices := func() []string {
		var texts []string
		_ = db.Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND channel = $2 AND kind = 'reply'`, string(nu), mv.Channel)
		return texts
	}
	if got := notices(); len(got) != 1 || got[0] != "pindah/"+after.Lang {
		t.Fatalf("notices %q", got)
	}
	// Meta delivers the same notice again: nothing more happens.
	if out, err := st.MoveContact(ctx, mv, notice); err != nil || out != postgres.MoveDuplicate || len(notices()) != 1 {
		t.Fatalf("again: %q, %v, %d notices", out, err, len(notices()))
	}

	// The new number is someone's already: refused, nothing moves.
	other := domain.MustPhone("081234567072")
	register(t, st, other, "G-777778")
	out, err = st.MoveContact(ctx, postgres.NumberMove{Channel: mv.Channel, ExtID: "wamid.SYS2", From: nu, To: other}, notice)
	if err != nil || out != postgres.MoveRefused {
		t.Fatalf("move onto a contact: %q, %v", out, err)
	}
	if c, err := st.ContactByPhone(ctx, nu); err != nil || c.ID != before.ID || len(c.Roles) != 1 {
		t.Fatalf("after a refused move: %+v, %v", c, err)
	}
	if c, err := st.ContactByPhone(ctx, other); err != nil || c.ID == before.ID || len(c.Roles) != 0 {
		t.Fatalf("the other contact after a refused move: %+v, %v", c, err)
	}
	// A number that never consented has nothing to move but its place in
	// a group.
	if err := st.GroupMembersChanged(ctx, grpChannel, grpJID, members("+6281234567079"), nil); err != nil {
		t.Fatal(err)
	}
	out, err = st.MoveContact(ctx, postgres.NumberMove{Channel: mv.Channel, ExtID: "wamid.SYS3", From: "+6281234567079", To: "+6285712345679"}, notice)
	if err != nil || out != postgres.MoveNoContact {
		t.Fatalf("a stranger's change: %q, %v", out, err)
	}
	if got := groupMembers(t, st, grpJID); !slices.Contains(got, "+6285712345679") || slices.Contains(got, "+6281234567079") {
		t.Fatalf("a member's change: %v", got)
	}
}
