package domain_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

func TestGroupPostsFor(t *testing.T) {
	one, two := int64(1), int64(2)
	type group struct {
		aud   domain.Audience
		dusun *int64
	}
	desaG, dusun1, dusun2, women := group{domain.AudienceDesa, nil}, group{domain.AudienceDusun, &one},
		group{domain.AudienceDusun, &two}, group{domain.AudiencePerempuan, nil}
	tests := []struct {
		name  string
		aud   domain.Audience
		dusun *int64
		gets  []group
		not   []group
	}{
		{"a desa meeting: every group of the desa", domain.AudienceDesa, nil, []group{desaG, dusun1, dusun2, women}, nil},
		{"a dusun meeting: its dusun's groups only", domain.AudienceDusun, &one, []group{dusun1}, []group{desaG, dusun2, women}},
		{"a dusun meeting without its dusun: none", domain.AudienceDusun, nil, nil, []group{desaG, dusun1, dusun2, women}},
		{"a women's meeting: the women's groups", domain.AudiencePerempuan, nil, []group{women}, []group{desaG, dusun1}},
		{"MAD: none", domain.AudienceMAD, nil, nil, []group{desaG, dusun1, women}},
	}
	for _, tt := range tests {
		g := domain.GroupPostsFor(tt.aud, tt.dusun)
		for _, x := range tt.gets {
			if !g.Gets(x.aud, x.dusun) {
				t.Errorf("%s: group %s %v does not get it", tt.name, x.aud, x.dusun)
			}
		}
		for _, x := range tt.not {
			if g.Gets(x.aud, x.dusun) {
				t.Errorf("%s: group %s %v gets it", tt.name, x.aud, x.dusun)
			}
		}
		if g.None() != (len(tt.gets) == 0) {
			t.Errorf("%s: None() = %v", tt.name, g.None())
		}
	}
}
