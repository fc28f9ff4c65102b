package web

import (
	"strconv"
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
		{"26 Nov 2026 · Musyawarah Antar Desa Prioritas Usulan", []string{"26 Nov 2026 · Musyawarah Antar Desa", "Prioritas Usulan"}},
		{strings.Repeat("jalan ", 20), []string{strings.TrimSpace(strings.Repeat("jalan ", 6)), strings.TrimSpace(strings.Repeat("jalan ", 7)[:chartLineRunes-1]) + "…"}},
		{"Pembangunanjembatangantungdanjalanusahataniyangpanjang sekali", []string{"Pembangunanjembatangantungdanjalanus…", "sekali"}},
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
	if b[1].PartW != b[1].WholeW || b[0].WholeW != "318.0" || b[0].PartW != "127.2" {
		t.Errorf("bars %+v", b)
	}
}

// A long history keeps its latest rows and says so.
func TestChartLatest(t *testing.T) {
	c := chart{Title: "Kemajuan"}
	for i := range 30 {
		c.Rows = append(c.Rows, chartRow{Label: strconv.Itoa(i)})
	}
	got := c.latest(26, "laporan")
	if len(got.Rows) != 26 || got.Rows[0].Label != "4" || got.Rows[25].Label != "29" || got.Title != "Kemajuan (26 laporan terakhir)" || len(c.Rows) != 30 {
		t.Errorf("latest: %d rows from %s, %q", len(got.Rows), got.Rows[0].Label, got.Title)
	}
	if short := (chart{Title: "x", Rows: c.Rows[:3]}).latest(26, "laporan"); short.Title != "x" || len(short.Rows) != 3 {
		t.Errorf("a short chart changed: %+v", short)
	}
}

// A value line too long for the drawing is fitted to its width.
func TestChartFit(t *testing.T) {
	b := chart{Rows: []chartRow{moneyRow("a", 3_000_000_000, 1_500_000_000), moneyRow("b", 150_000_000, 60_000_000)}}.Bars()
	if b[0].Fit != chartBarW || b[1].Fit != 0 {
		t.Errorf("fit %d (%q), %d (%q)", b[0].Fit, b[0].Text, b[1].Fit, b[1].Text)
	}
}
