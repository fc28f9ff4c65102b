package postgres_test

import (
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
	insert("R-PLANNED", "MUSDUS", "DIJADWALKAN")
	insert("R-MUSDUS1", "MUSDUS", "SELESAI")
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
		t.Fatalf("a Musdus electing for another desa: %v", err)
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
		{Position: domain.PositionDelegateMAD, Name: "Darto", Gender: domain.GenderMale, Phone: "+6281270005678"}}, "test"); err != nil || n != 1 {
		t.Fatalf("Musdus elections: %d roles, %v", n, err)
	}
	// A MAD elects the delegates of another desa of its kecamatan, not of
	// another kecamatan's.
	if _, err := st.ImportDesa(ctx, strings.NewReader("33.74.01.2001,Jatibarang,Mijen,Krajan\n"), "WIB", ""); err != nil {
		t.Fatal(err)
	}
	far := domain.Elected{Position: domain.PositionTPK, Name: "Bejo", Gender: domain.GenderMale, Phone: "+6281270009999", DesaKode: "33.74.01.2001"}
	if _, err := st.RecordElections(ctx, "R-MADPRI1", []domain.Elected{far}, "test"); rule(err) != "election_desa" {
		t.Fatalf("a MAD electing in another kecamatan: %v", err)
	}
	far.DesaKode = "34.04.11.2001"
	if n, err := st.RecordElections(ctx, "R-MADPRI1", []domain.Elected{far}, "test"); err != nil || n != 1 {
		t.Fatalf("MAD election for a desa of its kecamatan: %d %v", n, err)
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
	if sources["+6281270001234 KPMD 34.04.11.2002"] != "R-MUSDUS1" || sources["+6281270009999 TPK 34.04.11.2001"] != "R-MADPRI1" {
		t.Fatalf("roles' sources: %v", sources)
	}
	if _, ok := sources["+6281270005678 DELEGASI_MAD 34.04.11.2002"]; ok {
		t.Fatal("a delegate was given a role")
	}
	m, _ := st.MeetingByCode(ctx, "R-MUSDUS1")
	elected, err := st.MeetingElections(ctx, m.ID)
	if err != nil || len(elected) != 2 || elected[0].Position != domain.PositionKPMD || elected[1].DesaNama != "Bimomartani" {
		t.Fatalf("the meeting's elections: %+v %v", elected, err)
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
