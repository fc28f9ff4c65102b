package domain_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// TestLeadingCode: a code followed by words is that code and the words;
// a word longer than a code, or a code cut by punctuation, is no code.
func TestLeadingCode(t *testing.T) {
	for _, tc := range []struct {
		kind       domain.CodeKind
		in         string
		code, rest string
		ok         bool
	}{
		{domain.CodeRapat, "R-F7XM6X sing teko 14 wedoke 6, lampu gang lanjut", "R-F7XM6X", "sing teko 14 wedoke 6, lampu gang lanjut", true},
		{domain.CodeRapat, "r-f7xm6x", "R-F7XM6X", "", true},
		{domain.CodeRapat, "R F7XM6X sopo wae", "R-F7XM6X", "sopo wae", true},
		{domain.CodeRapat, "R-F7X M6X, 14 orang", "R-F7XM6X", "14 orang", true},
		{domain.CodeRapat, "  R-MTYAJA,  sopo wae sing wis jawab", "R-MTYAJA", "sopo wae sing wis jawab", true},
		{domain.CodeGagasan, "G-7KM4XA piye kabare", "G-7KM4XA", "piye kabare", true},
		{domain.CodeGagasan, "G-7KM4XA9", "", "", false},
		{domain.CodeGagasan, "G-7KM4XA9 piye", "", "", false},
		{domain.CodeRapat, "G-7KM4XA", "", "", false},
		{domain.CodeRapat, "undangan R-MTYAJA", "", "", false},
		{domain.CodeRapat, "R-, F7XM6X", "", "", false},
		{domain.CodeRapat, "musdus kejambon jumat depan", "", "", false},
		{domain.CodeRapat, "", "", "", false},
	} {
		code, rest, ok := domain.LeadingCode(tc.kind, tc.in)
		if code != tc.code || rest != tc.rest || ok != tc.ok {
			t.Errorf("LeadingCode(%c, %q) = %q, %q, %v; want %q, %q, %v", tc.kind, tc.in, code, rest, ok, tc.code, tc.rest, tc.ok)
		}
	}
}
