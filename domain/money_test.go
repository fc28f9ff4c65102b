package domain_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

func TestFormatRupiah(t *testing.T) {
	for n, want := range map[int64]string{
		150000000: "Rp 150.000.000", 999: "Rp 999", 1000: "Rp 1.000", 0: "Rp 0", -2500: "-Rp 2.500",
		domain.MaxRupiah: "Rp 10.000.000.000.000",
	} {
		if got := domain.FormatRupiah(n); got != want {
			t.Errorf("FormatRupiah(%d) = %q, want %q", n, got, want)
		}
	}
}

// The amounts people write on the proposal form, read as they mean them.
func TestParseRupiah(t *testing.T) {
	for in, want := range map[string]int64{
		"Rp 150.000.000":      150_000_000,
		"Rp150.000.000":       150_000_000,
		"Rp. 150.000.000,-":   150_000_000,
		"150.000.000":         150_000_000,
		"150000000":           150_000_000,
		"150.000.000,00":      150_000_000,
		"IDR 150,000,000":     150_000_000,
		"150,000,000.00":      150_000_000,
		"150 000 000":         150_000_000,
		"150 200":             150_200, // spaces group thousands too
		"150 juta":            150_000_000,
		"150 JUTA rupiah":     150_000_000,
		"Rp 150jt":            150_000_000,
		"1,5 M":               1_500_000_000,
		"1.5M":                1_500_000_000,
		"1,5 miliar":          1_500_000_000,
		"2 milyar":            2_000_000_000,
		"75jt":                75_000_000,
		"75 jt.":              75_000_000,
		"75k":                 75_000,
		"750 rb":              750_000,
		"12,5 juta":           12_500_000,
		"1.500 juta":          1_500_000_000, // Indonesian thousands before a unit
		"2,125 M":             2_125_000_000, // a comma before a unit is the decimal sign
		"2 M 500 juta":        2_500_000_000,
		"1 miliar 250 jt":     1_250_000_000,
		"3 juta 500 ribu":     3_500_000,
		"150,000":             150_000, // three digits after a comma with no unit group thousands
		"10 T":                domain.MaxRupiah,
		"  Rp 5.000  ":        5_000,
		"1\u00a0500\u00a0000": 1_500_000,
	} {
		got, err := domain.ParseRupiah(in)
		if err != nil || got != want {
			t.Errorf("ParseRupiah(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, rule := range map[string]string{
		"":                             "money_empty",
		"   ":                          "money_empty",
		"seratus juta":                 "money_unreadable",
		"juta":                         "money_unreadable",
		"1 juta 500":                   "money_unreadable", // not guessed
		"150 20":                       "money_unreadable",
		"150-200 juta":                 "money_unreadable", // a range
		"150 - 200 juta":               "money_unreadable",
		"150.000 / 200.000":            "money_unreadable",
		"500 juta 2 M":                 "money_unreadable", // units going up
		"1 juta juta":                  "money_unreadable",
		"1.2.3":                        "money_unreadable",
		"150.000,000":                  "money_unreadable", // three digits after the last sign: a group, not decimals
		"2.500.000,000":                "money_unreadable",
		"150,000.000":                  "money_unreadable",
		"1e9":                          "money_unreadable",
		"150000000; DROP":              "money_unreadable",
		"-150.000":                     "money_negative",
		"Rp -5 juta":                   "money_negative",
		"minus 5 juta":                 "money_negative",
		"0":                            "money_zero",
		"Rp 0,00":                      "money_zero",
		"0 juta":                       "money_zero",
		"1,5":                          "money_fraction",
		"150.000,50":                   "money_fraction",
		"1,0000005 juta":               "money_fraction",
		"10,5 T":                       "money_too_large",
		"10.000.000.000.001":           "money_too_large",
		"9999999999999999999999999999": "money_too_large",
	} {
		got, err := domain.ParseRupiah(in)
		var de *domain.Error
		if !errors.As(err, &de) || de.Rule == nil || de.Rule.Key != rule || de.Code != domain.EINVALID {
			t.Errorf("ParseRupiah(%q) = %d, %v; want refused by %s", in, got, err, rule)
		}
	}
}

// Whatever is typed, the reader never panics, and what it accepts is a
// positive amount no larger than MaxRupiah; what FormatRupiah writes it
// reads back.
func FuzzParseRupiah(f *testing.F) {
	for _, s := range []string{"Rp 150.000.000", "1,5 M", "75jt", "150 juta", "2 M 500 juta", "-5", "0", "1,5", "150,000,000.00",
		"1 000 000", "10 T", "Rp. 150.000.000,-", "minus 1", "1.5.5", ",,,", "9" + strings.Repeat("0", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := domain.ParseRupiah(s)
		if err != nil {
			return
		}
		if n <= 0 || n > domain.MaxRupiah {
			t.Fatalf("ParseRupiah(%q) = %d", s, n)
		}
		if back, err := domain.ParseRupiah(domain.FormatRupiah(n)); err != nil || back != n {
			t.Fatalf("%q: %d written %q reads %d, %v", s, n, domain.FormatRupiah(n), back, err)
		}
	})
}
