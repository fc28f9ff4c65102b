package web

import "testing"

// TestCSVSafe: no cell of a CSV export starts a formula, neither at its
// start nor after a ";", where a spreadsheet set to Indonesian splits it.
func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"Jalan rusak":                     "Jalan rusak",
		"=HYPERLINK(\"x\")":               "'=HYPERLINK(\"x\")",
		"@SUM(A1)":                        "'@SUM(A1)",
		"Jalan rusak;=cmd|' /C calc'!A0":  "Jalan rusak;'=cmd|' /C calc'!A0",
		"Jalan rusak; +1; baik":           "Jalan rusak; '+1; baik",
		"Saluran; sudah diperbaiki; 3 RT": "Saluran; sudah diperbaiki; 3 RT",
		"-5 meter;@x":                     "'-5 meter;'@x",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
