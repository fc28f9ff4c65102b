package domain_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// TestReadWhenWeekdayWithDayNumber: a weekday with a day number ("sabtu
// 12", "sabtu tgl 12", "sabtu tanggal 12") is that date; the 12 was
// dropped and "sabtu 12 jam 8 bengi" became Saturday the 5th. A number
// with a period after it stays an hour.
func TestReadWhenWeekdayWithDayNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"sabtu 12 jam 8 bengi", "2026-12-12 20:00 ~-"},
		{"sabtu tgl 12", "2026-12-12 - ~-"},
		{"sabtu tanggal 12 jam 8 malam", "2026-12-12 20:00 ~-"},
		{"lho dudu, sabtu tgl 12", "2026-12-12 - ~-"},
		{"Sabtu, 12 jam 19.30", "2026-12-12 19:30 ~-"},
		{"sabtu 9 pagi", "2026-12-05 09:00 ~-"},
		{"sabtu jam 8 bengi", "2026-12-05 20:00 ~-"},
	} {
		w, err := domain.ReadWhen(tc.in, whenNow, wibZone)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got := show(w); got != tc.want {
			t.Errorf("%q = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestReadWhenWeekdayMismatchNamesBoth: "sabtu 13" (13 December is a
// Sunday) is refused with the date and the weekday typed, so that the
// caller can ask back naming both.
func TestReadWhenWeekdayMismatchNamesBoth(t *testing.T) {
	for _, in := range []string{"sabtu 13 jam 8", "sabtu tgl 13"} {
		w, err := domain.ReadWhen(in, whenNow, wibZone)
		if err == nil {
			t.Fatalf("%q read as %s", in, show(w))
		}
		if w.Mismatch.Format("2006-01-02") != "2026-12-13" || w.MismatchWeekday != time.Saturday {
			t.Errorf("%q: mismatch %v %v", in, w.Mismatch, w.MismatchWeekday)
		}
	}
}
