package web

import (
	"strings"
	"testing"
)

// A long label takes two lines at spaces, then is cut; each line fits.
func TestChartLabelLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Dusun Bimo", []string{"Dusun Bimo"}},
		{"26 Nov 2026 · Musyawarah Desa Pertanggungjawaban", []string{"26 Nov 2026 · Musyawarah Desa", "Pertanggungjawaban"}},
		{strings.Repeat("jalan ", 20), []string{strings.TrimSpace(strings.Repeat("jalan ", 7)), strings.Repeat("jalan ", 7)[:chartLineRunes-1] + "…"}},
		{"Pembangunanjembatangantungdanjalanusahataniyangpanjang sekali", []string{"Pembangunanjembatangantungdanjalanusahata…", "sekali"}},
	} {
		got := labelLines(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("labelLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Rows below a two-line label move down; the drawing grows with them.
	ch := chart{Rows: []chartRow{{Label: "26 Nov 2026 · Musyawarah Desa Pertanggungjawaban", Whole: 10, Part: 4}, {Label: "x", Whole: 5, Part: 9}}}
	b := ch.Bars()
	if b[0].BarY != chartTop+chartLineH+18 || b[1].Labels[0].Y != chartTop+chartLineH+chartRowH+13 || ch.Height() != chartTop+4+2*chartRowH+chartLineH {
		t.Errorf("layout %+v, height %d", b, ch.Height())
	}
	// A part larger than its whole is drawn as the whole; a bar is scaled
	// to the largest whole.
	if b[1].PartW != b[1].WholeW || b[0].WholeW != "358.0" || b[0].PartW != "143.2" {
		t.Errorf("bars %+v", b)
	}
}
