package postgres_test

import (
	"slices"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// JADWAL lists the meetings of one's audience by the rule the invitations
// use: a role holder of another desa of the kecamatan sees the MAD (also
// when the role came after the invitations), a resident without a role
// does not; an opted-out resident still sees their desa's meetings.
func TestMeetingsForFollowsTheAudienceRule(t *testing.T) {
	st := storetest.SeededStore(t)
	var ngringin, kejambon int64
	if err := st.DB().Get(&ngringin, `SELECT id FROM dusun WHERE nama = 'Ngringin'`); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().Get(&kejambon, `SELECT id FROM dusun WHERE nama = 'Kejambon'`); err != nil {
		t.Fatal(err)
	}
	const cadre, resident, optedOut = "+6281300000801", "+6281300000802", "+6281300000803"
	for _, p := range []struct {
		phone domain.Phone
		desa  string
		dusun int64
	}{{cadre, "34.04.11.2004", ngringin}, {resident, "34.04.11.2002", kejambon}, {optedOut, "34.04.11.2002", kejambon}} {
		if _, err := st.UpsertRegisteredContact(ctx, domain.Contact{Phone: p.phone, Name: "Warga", DesaKode: p.desa, DusunID: p.dusun,
			Gender: domain.GenderFemale, Channel: "sim"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := inTurn(t, st, optedOut, func(turn *postgres.Turn) error { return turn.SetOptOut(ctx, true) }); err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(72 * time.Hour)
	createMeeting(t, st, domain.Meeting{Code: "R-MADAUD", Type: domain.MeetingMADPrioritas, DesaKode: "34.04.11.2002",
		Audience: domain.AudienceMAD, StartsAt: at, Place: "Kantor Kecamatan"})
	createMeeting(t, st, domain.Meeting{Code: "R-DESAUD", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002",
		Audience: domain.AudienceDesa, StartsAt: at.Add(time.Hour), Place: "Balai Desa"})
	// The role comes after the invitations went: in the audience all the same.
	if err := st.GrantRole(ctx, domain.RoleAssignment{Phone: cadre, Role: domain.RoleKPMD, DesaKode: "34.04.11.2004"}, "test"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		phone domain.Phone
		want  []string
	}{{cadre, []string{"R-MADAUD"}}, {resident, []string{"R-DESAUD"}}, {optedOut, []string{"R-DESAUD"}}} {
		turn, err := st.BeginTurn(ctx, c.phone)
		if err != nil {
			t.Fatal(err)
		}
		list, err := turn.MeetingsFor(ctx, turn.Contact(), time.Now(), 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range list {
			got = append(got, m.Code)
			if may, err := turn.MayAnswer(ctx, m.ID, turn.Contact().ID); err != nil || (c.phone != optedOut && !may) {
				t.Errorf("%s sees %s but may not answer it (%v)", c.phone, m.Code, err)
			}
		}
		turn.Rollback()
		if !slices.Equal(got, c.want) {
			t.Errorf("%s sees %v, want %v", c.phone, got, c.want)
		}
	}
}

// A complaint's sender hears of its move in their language: their own
// choice, else their desa's (domain.WhoHearsComplaint).
func TestComplaintNoticeInTheSendersLanguage(t *testing.T) {
	st := storetest.SeededStore(t)
	const sender = "+6281234567031"
	register(t, st, sender, "G-555555")
	if err := inTurn(t, st, sender, func(turn *postgres.Turn) error {
		_, err := turn.CreateComplaint(ctx, domain.Complaint{Code: "A-BBBBBB", DesaKode: "34.04.11.2002", Text: "lampu mati"}, "aduan baru")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE desa SET lang = 'jv' WHERE kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	notice := func(lang string, c domain.Complaint, note string) string {
		return lang + " " + c.Code + " " + string(c.Status) + " " + note
	}
	move := func(to domain.ComplaintStatus) {
		t.Helper()
		if err := st.SetComplaintStatus(ctx, postgres.ComplaintMove{Code: "A-BBBBBB", To: to, Note: "dicek", Notice: notice}); err != nil {
			t.Fatal(err)
		}
	}
	move(domain.ComplaintDitangani)
	if err := inTurn(t, st, sender, func(turn *postgres.Turn) error { return turn.SetLang(ctx, "su") }); err != nil {
		t.Fatal(err)
	}
	move(domain.ComplaintSelesai)
	var texts []string
	if err := st.DB().Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND kind = 'push' ORDER BY id`, sender); err != nil {
		t.Fatal(err)
	}
	want := []string{"jv A-BBBBBB DITANGANI dicek", "su A-BBBBBB SELESAI dicek"}
	if !slices.Equal(texts, want) {
		t.Fatalf("told %q, want %q", texts, want)
	}
}
