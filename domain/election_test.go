package domain_test

import (
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
		{in: domain.ElectedInput{Position: "TPK", Name: "Darto", Gender: "L", Phone: "12"}, rule: "elected_phone"},
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
