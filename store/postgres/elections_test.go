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

// A berita acara is the record of what the meeting decided at the time: a
// gagasan its sender withdraws (TARIK) after the meeting, and one moved
// on later by hand, stay on it with the meeting's decision; one withdrawn
// before the outcome was recorded, on which the meeting decided nothing,
// is not on it.
func TestBeritaAcaraKeepsLaterChanges(t *testing.T) {
	st := storetest.SeededStore(t)
	m, _ := newMeeting(t, st, "R-BAKEEP", domain.AudienceDesa, time.Now().Add(time.Hour))
	siti, budi, tini := domain.MustPhone("081234567021"), domain.MustPhone("081234567022"), domain.MustPhone("081234567023")
	stays := register(t, st, siti, "G-BAKEP1")  // the meeting leaves it where it is; withdrawn afterwards
	before := register(t, st, budi, "G-BAKEP3") // withdrawn before the outcome
	moved := register(t, st, tini, "G-BAKEP2")  // the meeting moves it; moved on afterwards
	for _, code := range []string{stays, before, moved} {
		if _, err := st.DB().Exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT $1, id FROM gagasan WHERE code = $2`, m.ID, code); err != nil {
			t.Fatal(err)
		}
	}
	if err := inTurn(t, st, budi, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, before) }); err != nil {
		t.Fatal(err)
	}
	to := domain.StatusDiajukan.Next()[0]
	if err := st.RecordOutcomeByCode(ctx, postgres.Outcome{Code: "R-BAKEEP", Attended: 30, Women: 12, Now: time.Now().Add(2 * time.Hour), By: "web fas",
		Decisions: []postgres.Decision{{GagasanCode: moved, To: to, Note: "sepakat"}}}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		ba, err := st.MeetingBeritaAcara(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]postgres.AgendaDecision{}
		for _, a := range ba.Agenda {
			got[a.Code] = a
		}
		if len(ba.Agenda) != 2 || !ba.Decided {
			t.Fatalf("%s: agenda %+v (decided %v)", when, ba.Agenda, ba.Decided)
		}
		if a, ok := got[stays]; !ok || a.To != "" || a.Title != "Kolam lele" {
			t.Errorf("%s: the gagasan the meeting left where it was: %+v", when, a)
		}
		if a, ok := got[moved]; !ok || a.From != domain.StatusDiajukan || a.To != to || a.Note != "sepakat" {
			t.Errorf("%s: the gagasan the meeting moved: %+v", when, a)
		}
		if _, ok := got[before]; ok {
			t.Errorf("%s: a gagasan withdrawn before the meeting decided is on its berita acara", when)
		}
	}
	check("right after the outcome")
	if err := inTurn(t, st, siti, func(turn *postgres.Turn) error { return turn.WithdrawGagasan(ctx, stays) }); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: moved, To: to.Next()[0], By: "web fas"}); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{stays, moved} {
		if g, _, _ := st.GagasanByCode(ctx, code); g.Status == domain.StatusDiajukan || g.Status == to {
			t.Fatalf("%s did not change after the meeting: %s", code, g.Status)
		}
	}
	check("after a withdrawal and a later move")
}

// A Musdes Pertanggungjawaban's berita acara lists the desa's kegiatan it
// accounted for as they stood when it began: the tranches paid out by
// then, the latest report's progress by then and the state then; a
// kegiatan made later, or another desa's, is not on it. Another meeting
// type lists none.
func TestBeritaAcaraAccountsForKegiatan(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	held := time.Date(2026, 9, 15, 2, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	var pj, other int64
	if err := db.Get(&pj, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women, outcome_at)
		VALUES ('R-BAPJ01', 'MUSDES_PERTANGGUNGJAWABAN', '34.04.11.2002', 'DESA', $1, 'Balai', 'SELESAI', 40, 18, $1) RETURNING id`, held); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&other, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women, outcome_at)
		VALUES ('R-BAPJ02', 'MUSDES_PERENCANAAN', '34.04.11.2002', 'DESA', $1, 'Balai', 'SELESAI', 40, 18, $1) RETURNING id`, held); err != nil {
		t.Fatal(err)
	}
	kegiatan := func(code, desa, title string, budget int64, created time.Time, handed *time.Time) int64 {
		var id int64
		if err := db.Get(&id, `WITH g AS (INSERT INTO gagasan (code, desa_kode, category, title, status)
				VALUES ('G' || substr($1, 2), $2, 'INFRASTRUKTUR', $3, 'PELAKSANAAN') RETURNING id)
			INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget, created_at, handed_over_at, status)
			SELECT $1, g.id, $2, $3, $4, $5, $6, CASE WHEN $6::timestamptz IS NULL THEN 'BERJALAN' ELSE 'DISERAHTERIMAKAN' END FROM g RETURNING id`,
			code, desa, title, budget, created, handed); err != nil {
			t.Fatal(err)
		}
		return id
	}
	tranche := func(k int64, no, pct int, amount int64, paid *time.Time) {
		db.MustExec(`INSERT INTO tranches (kegiatan_id, no, percent, amount, disbursed_at) VALUES ($1, $2, $3, $4, $5)`, k, no, pct, amount, paid)
	}
	report := func(k int64, pct int, at time.Time) {
		db.MustExec(`INSERT INTO progress_reports (kegiatan_id, percent, by_name, at) VALUES ($1, $2, 'Pak Tukijo', $3)`, k, pct, at)
	}
	at := func(d time.Duration) *time.Time { t := held.Add(d); return &t }
	// A road under way: tranche 1 paid before, tranche 2 after; 45%
	// reported before, 100% after (it is finished now).
	road := kegiatan("K-BAPJ1A", "34.04.11.2002", "Rabat beton jalan dusun", 100000000, held.Add(-90*day), nil)
	tranche(road, 1, 40, 40000000, at(-80*day))
	tranche(road, 2, 40, 40000000, at(2*day))
	tranche(road, 3, 20, 20000000, nil)
	report(road, 20, held.Add(-60*day))
	report(road, 45, held.Add(-3*day))
	report(road, 100, held.Add(10*day))
	db.MustExec(`UPDATE kegiatan SET status = 'SELESAI' WHERE id = $1`, road)
	// A well finished and handed over before the meeting.
	well := kegiatan("K-BAPJ1B", "34.04.11.2002", "Sumur bor Dusun Kejambon", 50000000, held.Add(-200*day), at(-20*day))
	tranche(well, 1, 100, 50000000, at(-190*day))
	report(well, 100, held.Add(-30*day))
	// Recorded after the meeting with a tranche paid before it (as the
	// demo's is): on it. Made after the meeting, and another desa's: not.
	late := kegiatan("K-BAPJ1E", "34.04.11.2002", "Drainase Dusun Bimo", 30000000, held.Add(5*day), nil)
	tranche(late, 1, 40, 12000000, at(-day))
	tranche(late, 2, 60, 18000000, nil)
	kegiatan("K-BAPJ1C", "34.04.11.2002", "Talud sungai", 70000000, held.Add(day), nil)
	kegiatan("K-BAPJ1D", "34.04.11.2001", "Jalan desa tetangga", 70000000, held.Add(-90*day), nil)

	ba, err := st.MeetingBeritaAcara(ctx, pj)
	if err != nil {
		t.Fatal(err)
	}
	if len(ba.Kegiatan) != 3 {
		t.Fatalf("kegiatan accounted for: %+v", ba.Kegiatan)
	}
	r, w, l := ba.Kegiatan[0], ba.Kegiatan[1], ba.Kegiatan[2]
	if r.Code != "K-BAPJ1A" || r.Title != "Rabat beton jalan dusun" || r.Budget != 100000000 || r.Disbursed != 40000000 ||
		r.TranchesPaid != 1 || r.Tranches != 3 || r.Percent == nil || *r.Percent != 45 || r.Status != domain.KegiatanBerjalan {
		t.Errorf("the road as the meeting saw it: %+v", r)
	}
	if w.Code != "K-BAPJ1B" || w.Disbursed != 50000000 || w.TranchesPaid != 1 || w.Tranches != 1 || w.Percent == nil || *w.Percent != 100 ||
		w.Status != domain.KegiatanDiserahkan {
		t.Errorf("the well as the meeting saw it: %+v", w)
	}
	if l.Code != "K-BAPJ1E" || l.Disbursed != 12000000 || l.TranchesPaid != 1 || l.Tranches != 2 || l.Percent != nil || l.Status != domain.KegiatanBerjalan {
		t.Errorf("the drain recorded late: %+v", l)
	}
	if ba, err := st.MeetingBeritaAcara(ctx, other); err != nil || len(ba.Kegiatan) != 0 {
		t.Fatalf("a Musdes Perencanaan lists kegiatan: %+v %v", ba, err)
	}
}
