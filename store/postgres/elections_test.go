package postgres_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// Elections are recorded only for a held meeting; a Musdus elects for its
// own desa, a MAD for any desa of its kecamatan; a role-carrying position
// with a phone grants the role naming the meeting, in the same
// transaction: a refused row leaves no role behind.
func TestRecordElections(t *testing.T) {
	st := storetest.SeededStore(t)
	insert := func(code, typ, status string) {
		t.Helper()
		if _, err := st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
			VALUES ($1, $2, '34.04.11.2002', 'DESA', $3, 'Balai Desa', $4)`, code, typ, time.Now().Add(-time.Hour), status); err != nil {
			t.Fatal(err)
		}
	}
	insert("R-PLANNED", "MUSDES_SOSIALISASI", "DIJADWALKAN")
	insert("R-MUSDUS1", "MUSDES_SOSIALISASI", "SELESAI")
	insert("R-MADPRI1", "MAD_PRIORITAS", "SELESAI")
	kpmd := domain.Elected{Position: domain.PositionKPMD, Name: "Sri Wahyuni", Gender: domain.GenderFemale, Phone: "+6281270001234"}
	rule := func(err error) string {
		r, _ := domain.RuleOf(err)
		if r == nil {
			return ""
		}
		return r.Key
	}
	if _, err := st.RecordElections(ctx, "R-PLANNED", []domain.Elected{kpmd}, "test"); rule(err) != "election_not_held" {
		t.Fatalf("a meeting not held: %v", err)
	}
	other := kpmd
	other.DesaKode = "34.04.11.2001"
	// The second row is refused: the first one's role is not kept.
	if _, err := st.RecordElections(ctx, "R-MUSDUS1", []domain.Elected{kpmd, other}, "test"); rule(err) != "election_desa" {
		t.Fatalf("a Musdes electing for another desa: %v", err)
	}
	roles, err := st.ListRoles(ctx, "34.04.11.2002")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		if r.Phone == kpmd.Phone {
			t.Fatalf("a refused election left a role: %+v", r)
		}
	}
	if n, err := st.RecordElections(ctx, "R-MUSDUS1", []domain.Elected{kpmd,
		{Position: domain.PositionTPU, Name: "Darto", Gender: domain.GenderMale}}, "test"); err != nil || n != 1 {
		t.Fatalf("Musdes elections: %d roles, %v", n, err)
	}
	// A position the meeting type does not elect, a MAD: refused.
	if _, err := st.RecordElections(ctx, "R-MUSDUS1", []domain.Elected{{Position: domain.PositionDelegateMAD, Name: "Darto",
		Gender: domain.GenderMale}}, "test"); rule(err) != "position_not_elected" {
		t.Fatalf("a Musdes Sosialisasi electing a MAD delegate: %v", err)
	}
	far := domain.Elected{Position: domain.PositionTPK, Name: "Bejo", Gender: domain.GenderMale, Phone: "+6281270009999", DesaKode: "34.04.11.2001"}
	if _, err := st.RecordElections(ctx, "R-MADPRI1", []domain.Elected{far}, "test"); rule(err) != "election_none_here" {
		t.Fatalf("a MAD electing: %v", err)
	}
	sources := map[string]string{}
	for _, desa := range []string{"34.04.11.2002", "34.04.11.2001"} {
		roles, err := st.ListRoles(ctx, desa)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range roles {
			sources[string(r.Phone)+" "+string(r.Role)+" "+r.DesaKode] = r.SourceMeeting
		}
	}
	if sources["+6281270001234 KPMD 34.04.11.2002"] != "R-MUSDUS1" || len(sources) != 1+seededRoles(t, st) {
		t.Fatalf("roles' sources: %v", sources)
	}
	m, _ := st.MeetingByCode(ctx, "R-MUSDUS1")
	elected, err := st.MeetingElections(ctx, m.ID)
	if err != nil || len(elected) != 2 || elected[0].Position != domain.PositionKPMD || elected[1].DesaNama != "Bimomartani" || elected[1].Position != domain.PositionTPU {
		t.Fatalf("the meeting's elections: %+v %v", elected, err)
	}
}

// seededRoles counts the roles the seed holds in the two desa.
func seededRoles(t *testing.T, st *postgres.Store) int {
	t.Helper()
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM roles WHERE desa_kode IN ('34.04.11.2002', '34.04.11.2001') AND source_meeting_id IS NULL`); err != nil {
		t.Fatal(err)
	}
	return n
}

// Recording a meeting's elections replaces them: the same list saved twice
// is recorded once and grants nothing the second time; a person left out
// is removed and the role the meeting gave them revoked; a role granted
// by hand is neither taken over nor revoked; an empty list clears all.
func TestRecordElectionsReplaces(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
		VALUES ('R-SOSREP', 'MUSDES_SOSIALISASI', '34.04.11.2002', 'DESA', now() - interval '1 hour', 'Balai Desa', 'SELESAI')`); err != nil {
		t.Fatal(err)
	}
	byHand := domain.RoleAssignment{Phone: "+6281270003333", Role: domain.RoleTPK, DesaKode: "34.04.11.2002"}
	if err := st.GrantRole(ctx, byHand, "web fas"); err != nil {
		t.Fatal(err)
	}
	sri := domain.Elected{Position: domain.PositionKPMD, Name: "Sri Wahyuni", Gender: domain.GenderFemale, Phone: "+6281270001234"}
	tpk := domain.Elected{Position: domain.PositionTPK, Name: "Bejo", Gender: domain.GenderMale, Phone: byHand.Phone}
	roles := func() map[string]string {
		t.Helper()
		out := map[string]string{}
		rs, err := st.ListRoles(ctx, "34.04.11.2002")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if strings.HasPrefix(string(r.Phone), "+62812700") {
				out[string(r.Phone)+" "+string(r.Role)] = r.SourceMeeting
			}
		}
		return out
	}
	for i, want := range []int{1, 0} {
		if n, err := st.RecordElections(ctx, "R-SOSREP", []domain.Elected{sri, tpk}, "web fas"); err != nil || n != want {
			t.Fatalf("saving %d: %d roles granted, %v; want %d", i+1, n, err, want)
		}
	}
	m, _ := st.MeetingByCode(ctx, "R-SOSREP")
	if e, err := st.MeetingElections(ctx, m.ID); err != nil || len(e) != 2 {
		t.Fatalf("saved twice: %+v %v", e, err)
	}
	if got := roles(); got["+6281270001234 KPMD"] != "R-SOSREP" || got["+6281270003333 TPK"] != "" || len(got) != 2 {
		t.Fatalf("roles after saving: %v", got)
	}
	// Sri's number was mistyped: corrected, the old number loses the role.
	sri.Phone = "+6281270004321"
	if n, err := st.RecordElections(ctx, "R-SOSREP", []domain.Elected{sri, tpk}, "web fas"); err != nil || n != 1 {
		t.Fatalf("correcting a number: %d %v", n, err)
	}
	if got := roles(); got["+6281270004321 KPMD"] != "R-SOSREP" || len(got) != 2 {
		t.Fatalf("roles after correcting: %v", got)
	}
	// Everyone removed: the meeting's role goes, the one by hand stays.
	if _, err := st.RecordElections(ctx, "R-SOSREP", nil, "web fas"); err != nil {
		t.Fatal(err)
	}
	if got := roles(); len(got) != 1 || got["+6281270003333 TPK"] != "" {
		t.Fatalf("roles after removing everyone: %v", got)
	}
	if e, err := st.MeetingElections(ctx, m.ID); err != nil || len(e) != 0 {
		t.Fatalf("removed: %+v %v", e, err)
	}
	// The same person twice in one position (the meeting's desa named
	// once as "" and once by its code) is refused, not recorded twice.
	twice := sri
	twice.DesaKode = "34.04.11.2002"
	if _, err := st.RecordElections(ctx, "R-SOSREP", []domain.Elected{sri, twice}, "web fas"); err == nil {
		t.Fatal("the same person twice was recorded")
	} else if r, _ := domain.RuleOf(err); r == nil || r.Key != "election_twice" {
		t.Fatalf("the same person twice: %v", err)
	}
}

// A berita acara tells the decisions as recorded from the fact that the
// outcome was recorded (meetings.outcome_at), not from when the meeting
// was last touched: a later change of a gagasan by hand and a later
// update of the meeting leave it so.
func TestBeritaAcaraDecidedStays(t *testing.T) {
	st := storetest.SeededStore(t)
	m, _ := newMeeting(t, st, "R-BASTAY", domain.AudienceDesa, time.Now().Add(time.Hour))
	var gid int64
	if err := st.DB().Get(&gid, `INSERT INTO gagasan (code, desa_kode, category, title, status)
		VALUES ('G-BASTAY', '34.04.11.2002', 'INFRASTRUKTUR', 'Sumur bor', 'DIAJUKAN') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id) VALUES ($1, $2)`, m.ID, gid); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-BASTAY", Attended: 20, Women: 9, Now: time.Now().Add(2 * time.Hour), By: "web fas"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by, at)
		VALUES ($1, 'DIAJUKAN', 'DIBAHAS', 'web fas', now() + interval '1 minute')`, gid); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE meetings SET updated_at = now() + interval '1 day' WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	ba, err := st.MeetingBeritaAcara(ctx, m.ID)
	if err != nil || !ba.Decided {
		t.Fatalf("decisions after a later update: %+v %v", ba, err)
	}
	// Held without its outcome recorded with it (before migration 00046
	// when the test then made said so): not decided.
	if _, err := st.DB().Exec(`UPDATE meetings SET outcome_at = NULL WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	if ba, err := st.MeetingBeritaAcara(ctx, m.ID); err != nil || ba.Decided {
		t.Fatalf("an outcome without outcome_at: %+v %v", ba, err)
	}
}

// A decision of a meeting's outcome names the meeting in the gagasan's
// history, and its berita acara lists it.
func TestBeritaAcaraDecisions(t *testing.T) {
	st := storetest.SeededStore(t)
	m, _ := newMeeting(t, st, "R-BADEC1", domain.AudienceDesa, time.Now().Add(time.Hour))
	var g struct {
		ID   int64         `db:"id"`
		Code string        `db:"code"`
		St   domain.Status `db:"status"`
	}
	if err := st.DB().Get(&g, `INSERT INTO gagasan (code, desa_kode, category, title, status, households, poor_households)
		VALUES ('G-BADEC1', '34.04.11.2002', 'INFRASTRUKTUR', 'Sumur bor', 'DIAJUKAN', 40, 12) RETURNING id, code, status`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id) VALUES ($1, $2)`, m.ID, g.ID); err != nil {
		t.Fatal(err)
	}
	to := g.St.Next()[0]
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-BADEC1", Attended: 20, Women: 9, Now: time.Now().Add(2 * time.Hour), By: "web fas",
		Decisions: []postgres.Decision{{GagasanCode: g.Code, To: to, Note: "sepakat"}}}); err != nil {
		t.Fatal(err)
	}
	ba, err := st.MeetingBeritaAcara(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ba.Agenda) != 1 || ba.Agenda[0].To != to || ba.Agenda[0].From != g.St || ba.Agenda[0].Note != "sepakat" || !ba.Decided || ba.PhotoID != 0 ||
		*ba.Agenda[0].PoorHouseholds != 12 {
		t.Fatalf("berita acara %+v", ba)
	}
	// HASIL run again sees what the meeting decided (flows.View).
	turn, err := st.BeginTurn(ctx, "+6281100000001")
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if d, err := turn.MeetingDecisions(ctx, m.ID); err != nil || len(d) != 1 || d[g.Code] != to {
		t.Fatalf("meeting decisions %v %v", d, err)
	}
	if d, err := turn.MeetingDecisions(ctx, m.ID+1000); err != nil || len(d) != 0 {
		t.Fatalf("decisions of a meeting without outcome %v %v", d, err)
	}
}

// A person elected at two meetings keeps the role when one of them is
// corrected without them: the role names the other meeting, and is
// revoked only when no meeting elects them any more; the save leaves the
// TPK's teams alone (the people page's revoke takes them).
func TestRecordElectionsOtherMeetingKeepsRole(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	for i, code := range []string{"R-SOSA", "R-SOSB"} {
		db.MustExec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
			VALUES ($1, 'MUSDES_SOSIALISASI', '34.04.11.2002', 'DESA', now() - make_interval(days => $2), 'Balai Desa', 'SELESAI')`, code, 10-i)
	}
	bejo := domain.Elected{Position: domain.PositionTPK, Name: "Bejo", Gender: domain.GenderMale, Phone: "+6281270005555"}
	desa := "34.04.11.2002"
	code := register(t, st, domain.MustPhone("081234567055"), "G-555555")
	var kid int64
	if err := db.Get(&kid, `INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget)
		SELECT 'K-555555', id, '34.04.11.2002', title, 1000 FROM gagasan WHERE code = $1 RETURNING id`, code); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`INSERT INTO kegiatan_tpk (kegiatan_id, phone) VALUES ($1, $2)`, kid, string(bejo.Phone))
	source := func() string {
		t.Helper()
		var src []string
		if err := db.Select(&src, `SELECT COALESCE(m.code, '') FROM roles r LEFT JOIN meetings m ON m.id = r.source_meeting_id
			WHERE r.phone = $1 AND r.role = 'TPK' AND r.desa_kode = $2`, string(bejo.Phone), desa); err != nil {
			t.Fatal(err)
		}
		return strings.Join(src, ",")
	}
	for _, code := range []string{"R-SOSA", "R-SOSB"} {
		if _, err := st.RecordElections(ctx, code, []domain.Elected{bejo}, "web fas"); err != nil {
			t.Fatal(err)
		}
	}
	if got := source(); got != "R-SOSB" {
		t.Fatalf("elected twice, the role's source: %q", got)
	}
	if _, err := st.RecordElections(ctx, "R-SOSB", nil, "web fas"); err != nil {
		t.Fatal(err)
	}
	if got := source(); got != "R-SOSA" {
		t.Fatalf("dropped from the later meeting, the role's source: %q (want the earlier meeting)", got)
	}
	if _, err := st.RecordElections(ctx, "R-SOSA", nil, "web fas"); err != nil {
		t.Fatal(err)
	}
	if got := source(); got != "" {
		t.Fatalf("elected by no meeting, the role stays: %q", got)
	}
	var teams int
	if err := db.Get(&teams, `SELECT count(*) FROM kegiatan_tpk WHERE phone = $1`, string(bejo.Phone)); err != nil || teams != 1 {
		t.Fatalf("the TPK's teams after the save: %d %v", teams, err)
	}
}

// Elections recorded before positions per meeting type (a MAD's
// delegates) may still be corrected and removed; no one new is added.
func TestRecordElectionsOldPositions(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	var mid int64
	if err := db.Get(&mid, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
		VALUES ('R-MADOLD', 'MAD_PRIORITAS', '34.04.11.2002', 'DESA', now() - interval '1 day', 'Balai', 'SELESAI') RETURNING id`); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`INSERT INTO meeting_elections (meeting_id, position, name, gender, desa_kode) VALUES ($1, 'DELEGASI_MAD', 'Darto', 'L', '34.04.11.2001')`, mid)
	rule := func(err error) string {
		r, _ := domain.RuleOf(err)
		if r == nil {
			return fmt.Sprint(err)
		}
		return r.Key
	}
	darti := domain.Elected{Position: domain.PositionDelegateMAD, Name: "Darti", Gender: domain.GenderFemale, DesaKode: "34.04.11.2001"}
	if _, err := st.RecordElections(ctx, "R-MADOLD", []domain.Elected{darti}, "web fas"); err != nil {
		t.Fatalf("correcting an old MAD row: %v", err)
	}
	if e, err := st.MeetingElections(ctx, mid); err != nil || len(e) != 1 || e[0].Name != "Darti" || e[0].DesaKode != "34.04.11.2001" {
		t.Fatalf("corrected: %+v %v", e, err)
	}
	more := darti
	more.Name = "Sumi"
	if _, err := st.RecordElections(ctx, "R-MADOLD", []domain.Elected{darti, more}, "web fas"); rule(err) != "position_not_elected" {
		t.Fatalf("a new row at a MAD: %v", rule(err))
	}
	if _, err := st.RecordElections(ctx, "R-MADOLD", nil, "web fas"); err != nil {
		t.Fatalf("removing an old MAD row: %v", err)
	}
	if _, err := st.RecordElections(ctx, "R-MADOLD", []domain.Elected{darti}, "web fas"); rule(err) != "election_none_here" {
		t.Fatalf("a MAD with none recorded: %v", rule(err))
	}
}
