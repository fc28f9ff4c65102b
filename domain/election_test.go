package domain_test

import (
	"fmt"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

func TestCheckElected(t *testing.T) {
	for _, c := range []struct {
		in      domain.ElectedInput
		rule    string // the refusal's rule key, "" for none
		want    domain.Elected
		grantee domain.Role
	}{
		{in: domain.ElectedInput{Position: "kpmd", Name: " sri  wahyuni ", Gender: "p", Phone: "0812-3456-7001"},
			want: domain.Elected{Position: domain.PositionKPMD, Name: "Sri Wahyuni", Gender: domain.GenderFemale, Phone: "+6281234567001"}, grantee: domain.RoleKPMD},
		{in: domain.ElectedInput{Position: "PEMELIHARA", Name: "Darto", Gender: "L"},
			want: domain.Elected{Position: domain.PositionPemelihara, Name: "Darto", Gender: domain.GenderMale}},
		{in: domain.ElectedInput{Position: "DELEGASI_MKP", Name: "Darto", Gender: "L"}, rule: "elected_mkp_woman"},
		{in: domain.ElectedInput{Position: "DELEGASI_MKP", Name: "Sumi", Gender: "P", DesaKode: "34.04.11.2001"},
			want: domain.Elected{Position: domain.PositionDelegateMKP, Name: "Sumi", Gender: domain.GenderFemale, DesaKode: "34.04.11.2001"}},
		{in: domain.ElectedInput{Position: "KEPALA", Name: "Darto", Gender: "L"}, rule: "position_unknown"},
		{in: domain.ElectedInput{Position: "TPK", Name: "D", Gender: "L"}, rule: "name_too_short"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: ""}, rule: "elected_gender"},
		{in: domain.ElectedInput{Position: "", Name: "Darto", Gender: "L"}, rule: "elected_no_position"},
		// Typed numbers follow the house rule (ParseTypedPhone) and must
		// be mobile: a role is used by chat.
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "12345"}, rule: "phone_not_indonesian"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "0812-345"}, rule: "phone_not_indonesian"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "+1 202 555 0123"}, rule: "phone_not_indonesian"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "(0274) 868 123"}, rule: "phone_not_mobile"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "021 5790 1234"}, rule: "phone_not_mobile"},
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "62 813 2900 1122"},
			want: domain.Elected{Position: domain.PositionTPK, Name: "Darto", Gender: domain.GenderMale, Phone: "+6281329001122"}, grantee: domain.RoleTPK},
	} {
		got, err := domain.CheckElected(c.in)
		if c.rule != "" {
			if r, _ := domain.RuleOf(err); r == nil || r.Key != c.rule {
				t.Errorf("%+v: %v, want rule %s", c.in, err, c.rule)
			}
			continue
		}
		if err != nil || got != c.want || got.Position.Role() != c.grantee {
			t.Errorf("%+v: %+v %v (role %q), want %+v", c.in, got, err, got.Position.Role(), c.want)
		}
	}
}

// Every row's mistakes come at once, each naming its row; empty rows are
// skipped; a position the meeting type does not elect and one person twice
// are refused.
func TestCheckElections(t *testing.T) {
	rows := []domain.ElectedInput{
		{Position: "KPMD", Name: "Sri Wahyuni", Gender: "P", Phone: "0812-3456-7001"},
		{},
		{Position: "TPK", Name: "D", Gender: "L"},
		{Position: "", Name: "Darto", Gender: "L"},
		{Position: "DELEGASI_MKP", Name: "Sumi", Gender: "P"},
		{Position: "KPMD", Name: "sri wahyuni", Gender: "P"},
	}
	_, err := domain.CheckElections(domain.MeetingMusdesSosialisasi, nil, rows)
	r, args := domain.RuleOf(err)
	if r == nil || r.Key != "elected_rows" || len(args) != 1 {
		t.Fatalf("rows refused with %v", err)
	}
	errs, _ := args[0].([]error)
	var got []string
	for _, e := range errs {
		r, a := domain.RuleOf(e)
		inner, _ := domain.RuleOf(a[1].(error))
		got = append(got, r.Key+" "+fmt.Sprint(a[0])+" "+inner.Key)
	}
	want := []string{"elected_row 3 name_too_short", "elected_row 4 elected_no_position", "elected_row 5 position_not_elected", "elected_row 6 elected_twice"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("refusals %v, want %v", got, want)
	}
	ok, err := domain.CheckElections(domain.MeetingMusdesSosialisasi, nil, rows[:2])
	if err != nil || len(ok) != 1 || ok[0].Name != "Sri Wahyuni" {
		t.Fatalf("one row and an empty one: %+v %v", ok, err)
	}
	if none, err := domain.CheckElections(domain.MeetingMKP, nil, []domain.ElectedInput{{}, {}}); err != nil || len(none) != 0 {
		t.Fatalf("all rows emptied: %+v %v", none, err)
	}
}

// Which meeting type elects which position (docs/GLOSSARY.md).
func TestElectsPosition(t *testing.T) {
	for _, c := range []struct {
		t    domain.MeetingType
		p    domain.Position
		want bool
	}{
		{domain.MeetingMusdesSosialisasi, domain.PositionKPMD, true},
		{domain.MeetingMusdesSosialisasi, domain.PositionTPK, true},
		{domain.MeetingMusdesSosialisasi, domain.PositionTPU, true},
		{domain.MeetingMusdesSosialisasi, domain.PositionDelegateMAD, false},
		{domain.MeetingMusdesPerencanaan, domain.PositionDelegateMAD, true},
		{domain.MeetingMusdesPerencanaan, domain.PositionTPU, true},
		{domain.MeetingMusdesPerencanaan, domain.PositionKPMD, false},
		{domain.MeetingMusdesInformasi, domain.PositionTPK, true},
		{domain.MeetingSerahTerima, domain.PositionPemelihara, true},
		{domain.MeetingSerahTerima, domain.PositionTPK, false},
		{domain.MeetingMKP, domain.PositionDelegateMKP, true},
		{domain.MeetingMKP, domain.PositionKPMD, false},
		{domain.MeetingMusdus, domain.PositionKPMD, false},
		{domain.MeetingMADPrioritas, domain.PositionDelegateMAD, false},
		{domain.MeetingPertanggungjawaban, domain.PositionTPK, false},
		{domain.MeetingPelatihanKPMD, domain.PositionKPMD, false},
		{domain.MeetingPelatihanPemelihara, domain.PositionPemelihara, false},
	} {
		if got := c.t.ElectsPosition(c.p); got != c.want {
			t.Errorf("%s elects %s: %v, want %v", c.t, c.p, got, c.want)
		}
	}
	held := domain.Meeting{Code: "R-X", Type: domain.MeetingPelatihanKPMD, Status: domain.MeetingHeld}
	if r, _ := domain.RuleOf(domain.CheckElectionMeeting(held, 0)); r == nil || r.Key != "election_none_here" {
		t.Fatalf("a training's elections: %v", r)
	}
	held.Type = domain.MeetingMKP
	if err := domain.CheckElectionMeeting(held, 0); err != nil {
		t.Fatalf("a held MKP's elections: %v", err)
	}
}

func FuzzCheckElected(f *testing.F) {
	f.Add("TPK", "Darto", "L", "0812 3456 7001")
	f.Add("DELEGASI_MKP", "Sumi", "p", "")
	f.Fuzz(func(t *testing.T, pos, name, gender, phone string) {
		e, err := domain.CheckElected(domain.ElectedInput{Position: pos, Name: name, Gender: gender, Phone: phone})
		if err != nil {
			return
		}
		if e.Position == domain.PositionDelegateMKP && e.Gender != domain.GenderFemale {
			t.Fatalf("a man as MKP delegate: %+v", e)
		}
		if e.Gender != domain.GenderFemale && e.Gender != domain.GenderMale {
			t.Fatalf("gender %q", e.Gender)
		}
	})
}

// A row recorded before positions per meeting type keeps its position:
// its select offers it and saving it is accepted; another row may not
// take it, and a meeting type that elects nobody takes elections only
// while some are recorded.
func TestCheckElectionsOldRows(t *testing.T) {
	old := []domain.Elected{{Position: domain.PositionDelegateMAD, Name: "Darto", Gender: domain.GenderMale}}
	if got := domain.RowPositions(domain.MeetingMADPrioritas, old, 0); len(got) != 1 || got[0] != domain.PositionDelegateMAD {
		t.Fatalf("row 1 of an old MAD offers %v", got)
	}
	if got := domain.RowPositions(domain.MeetingMADPrioritas, old, 1); len(got) != 0 {
		t.Fatalf("a new row of a MAD offers %v", got)
	}
	if got := domain.RowPositions(domain.MeetingMusdesInformasi, []domain.Elected{{Position: domain.PositionKPMD}}, 0); len(got) != 2 ||
		got[0] != domain.PositionKPMD || got[1] != domain.PositionTPK {
		t.Fatalf("an old KPMD row of a Musdes Informasi offers %v", got)
	}
	row := domain.ElectedInput{Position: "DELEGASI_MAD", Name: "Darti", Gender: "P"}
	if e, err := domain.CheckElections(domain.MeetingMADPrioritas, old, []domain.ElectedInput{row}); err != nil || len(e) != 1 {
		t.Fatalf("correcting an old row: %v %v", e, err)
	}
	if _, err := domain.CheckElections(domain.MeetingMADPrioritas, old, []domain.ElectedInput{{}, row}); err == nil {
		t.Fatal("a new row took an old position")
	}
	held := domain.Meeting{Code: "R-X", Type: domain.MeetingMADPrioritas, Status: domain.MeetingHeld}
	if err := domain.CheckElectionMeeting(held, 1); err != nil {
		t.Fatalf("a MAD with recorded elections: %v", err)
	}
	if err := domain.CheckElectionMeeting(held, 0); err == nil {
		t.Fatal("a MAD with none recorded takes elections")
	}
}
