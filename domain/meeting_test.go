package domain_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

func TestParseWhen(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, wib) // a Saturday
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, wib) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"25/12 09.00", at(2026, 12, 25, 9, 0)},
		{"25-12-2026 9:00", at(2026, 12, 25, 9, 0)},
		{"25.12.26 jam 9", at(2026, 12, 25, 9, 0)},
		{"besok jam 9", at(2026, 11, 29, 9, 0)},
		{"Besok pukul 19.30", at(2026, 11, 29, 19, 30)},
		{"lusa jam 7 malam", at(2026, 11, 30, 19, 0)},
		{"Senin 14.00", at(2026, 11, 30, 14, 0)},
		{"sabtu jam 8", at(2026, 12, 5, 8, 0)}, // said on a Saturday: next week
		{"hari ini jam 16", at(2026, 11, 28, 16, 0)},
		{"jam 3 sore", at(2026, 11, 28, 15, 0)},
		{"5/1 08.30", at(2027, 1, 5, 8, 30)}, // next January
		{"Jumat, 4/12 pkl 13.00", at(2026, 12, 4, 13, 0)},
		{"kemarin jam 9", at(2026, 11, 27, 9, 0)},
	}
	for _, tt := range tests {
		got, err := domain.ParseWhen(tt.in, now, wib)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseWhen(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "kapan-kapan", "31/2 09.00", "25/13 9.00", "besok", "jam 25", "25/12 jam 9.75"} {
		if got, err := domain.ParseWhen(bad, now, wib); err == nil {
			t.Errorf("ParseWhen(%q) = %v, want an error", bad, got)
		}
	}
	// A time in the past parses; the meeting's rule refuses it.
	past, err := domain.ParseWhen("hari ini jam 8", now, wib)
	if err != nil {
		t.Fatal(err)
	}
	m := domain.Meeting{Code: "R-AAAAAA", DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa, StartsAt: past, Place: "Balai desa"}
	if err := m.Validate(now); err == nil {
		t.Fatal("a meeting in the past was accepted")
	}
	m.StartsAt = now.Add(time.Hour)
	if err := m.Validate(now); err != nil {
		t.Fatal(err)
	}
	m.Audience = domain.AudienceDusun
	if err := m.Validate(now); err == nil {
		t.Fatal("a dusun meeting without its dusun was accepted")
	}
}

func TestMeetingTypesAndOutcome(t *testing.T) {
	if !domain.MeetingMADPenetapan.IsMAD() || domain.MeetingMusdus.IsMAD() {
		t.Fatal("IsMAD")
	}
	if !domain.MeetingMKP.DiscussesGagasan() || domain.MeetingPelatihanKPMD.DiscussesGagasan() {
		t.Fatal("DiscussesGagasan")
	}
	if len(domain.MeetingTypes) != 12 {
		t.Fatalf("%d meeting types", len(domain.MeetingTypes))
	}
	if domain.CheckOutcome(40, 18) != nil || domain.CheckOutcome(10, 11) == nil || domain.CheckOutcome(-1, 0) == nil {
		t.Fatal("CheckOutcome")
	}
}
