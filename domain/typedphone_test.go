package domain_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// TestParseBoardPhone: a board prints only a valid Indonesian mobile number
// of today's length; a role's holder needs a valid Indonesian number.
func TestParseBoardPhone(t *testing.T) {
	for in, want := range map[string]domain.Phone{
		"0812-3456-7890":    "+6281234567890",
		"+62 811 0000 9000": "+6281100009000",
		"12345":             "",
		"0812 3456 78":      "", // valid once, too short for a SIM bought today
		"0274 123456":       "", // a landline: no SMS, no WhatsApp
	} {
		got, err := domain.ParseBoardPhone("SMS", in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("ParseBoardPhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, ok := range map[string]bool{"0812 3456 78": true, "0274 123456": true, "12345": false} {
		if _, err := domain.ParseTypedPhone(in); (err == nil) != ok {
			t.Errorf("ParseTypedPhone(%q): %v", in, err)
		}
	}
}
