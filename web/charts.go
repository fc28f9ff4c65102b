package web

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Charts are drawn on the server as plain SVG (templates/_charts.html),
// no JavaScript and no chart library: every chart here is the same
// horizontal bar — a whole (light, outlined) and the part of it (dark) —
// with its words beside it, so one small template draws them all. The
// drawing is 320 units wide, about what a 360 px phone gives it, so that
// its text is read at its size on a phone; it prints as drawn (SVG fills are content, not
// background graphics). Each chart has a <title> and a <desc> that says
// every figure in words, for a screen reader and for a search.

const (
	chartWidth = 320
	chartRowH  = 54 // a label line, the bar, a value line
	chartTop   = 28 // the legend
	chartLineH = 16 // a label's second line
	// chartLineRunes is what a label line holds: 13-unit bold text is
	// about 8 units a letter, in 318 units.
	chartLineRunes = 37
	// chartTextRunes is what a value line holds at 12 units (about 6.6 a
	// letter); a longer one is drawn narrower to fit (Fit).
	chartTextRunes = 46
)

// chart is one horizontal bar chart.
type chart struct {
	ID     string // unique on its page: the ids of title and desc
	Title  string
	Legend [2]string // the whole, the part
	Rows   []chartRow
	Max    int64 // the whole the bars are scaled to (the largest row's when 0)
}

type chartRow struct {
	Label string
	Whole int64
	Part  int64
	Text  string // the row's figures in words
}

// latest keeps the last n rows, and says so in the title ("(26 laporan
// terakhir)").
func (c chart) latest(n int, noun string) chart {
	if len(c.Rows) > n {
		c.Rows = c.Rows[len(c.Rows)-n:]
		c.Title += " (" + strconv.Itoa(n) + " " + noun + " terakhir)"
	}
	return c
}

// Height is the drawing's height.
func (c chart) Height() int {
	h := chartTop + 4
	for _, r := range c.Rows {
		h += chartRowH + (len(labelLines(r.Label))-1)*chartLineH
	}
	return h
}

// Width is the drawing's width.
func (c chart) Width() int { return chartWidth }

// Desc is the whole chart in words: each row's label and figures.
func (c chart) Desc() string {
	parts := make([]string, len(c.Rows))
	for i, r := range c.Rows {
		parts[i] = r.Label + ": " + r.Text
	}
	return strings.Join(parts, ". ") + "."
}

// Bars lays the rows out.
func (c chart) Bars() []chartBar {
	top := c.Max
	if top == 0 {
		for _, r := range c.Rows {
			top = max(top, r.Whole)
		}
	}
	out := make([]chartBar, len(c.Rows))
	y := chartTop
	for i, r := range c.Rows {
		b := chartBar{Text: r.Text}
		if utf8.RuneCountInString(r.Text) > chartTextRunes {
			b.Fit = chartBarW
		}
		for j, l := range labelLines(r.Label) {
			b.Labels = append(b.Labels, chartLine{Y: y + 13 + j*chartLineH, Text: l})
		}
		y += (len(b.Labels) - 1) * chartLineH
		b.BarY, b.TextY = y+18, y+46
		y += chartRowH
		if top > 0 {
			b.WholeW = scale(r.Whole, top)
			b.PartW = scale(min(r.Part, r.Whole), top)
		}
		out[i] = b
	}
	return out
}

type chartBar struct {
	Labels []chartLine
	Text   string
	// Fit is the width a long value line is drawn in (0: its own).
	Fit           int
	BarY, TextY   int
	WholeW, PartW string
}

type chartLine struct {
	Y    int
	Text string
}

const chartBarW = chartWidth - 2

// scale is a bar's width in the drawing, as SVG wants it ("123.4").
func scale(n, top int64) string {
	return strconv.FormatFloat(float64(n)*chartBarW/float64(top), 'f', 1, 64)
}

// labelLines breaks a label into at most two lines that fit the drawing,
// at spaces; what is left over is cut ("…"): the whole label is in the desc.
func labelLines(s string) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= chartLineRunes:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	lines = append(lines, line)
	if len(lines) > 2 {
		lines = append(lines[:1], strings.Join(lines[1:], " "))
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > chartLineRunes {
			lines[i] = strings.TrimSpace(string(r[:chartLineRunes-1])) + "…"
		}
	}
	return lines
}

// percentOf is n as a whole percent of whole (0 when whole is 0).
func percentOf(n, whole int64) int64 {
	if whole <= 0 {
		return 0
	}
	return (n*100 + whole/2) / whole
}

// moneyRow is a budget and what of it is paid.
func moneyRow(label string, budget, paid int64) chartRow {
	return chartRow{Label: label, Whole: budget, Part: paid,
		Text: "cair " + domain.FormatRupiah(paid) + " dari " + domain.FormatRupiah(budget) + " (" + strconv.FormatInt(percentOf(paid, budget), 10) + "%)"}
}

// moneyChart is the desa's budget against what is paid: the desa as a
// whole, then each kegiatan, drawn to the same scale.
func moneyChart(ks []postgres.BoardKegiatan) chart {
	c := chart{ID: "grafik-dana", Title: "Anggaran dan dana cair", Legend: [2]string{"Anggaran", "Sudah cair"}}
	var budget, paid int64
	for _, k := range ks {
		budget += k.Budget
		paid += k.Disbursed()
	}
	c.Rows = append(c.Rows, moneyRow("Seluruh desa", budget, paid))
	for _, k := range ks {
		c.Rows = append(c.Rows, moneyRow(k.Title, k.Budget, k.Disbursed()))
	}
	return c
}

// attendanceChart is each held meeting's attendance and its women.
// A count from 1 to min-1 is "< min" (domain.PublicCount), and a part or
// a share that would give one back is not said (partText, shareText).
func attendanceChart(as []postgres.Attendance, tz string, min int) chart {
	count := func(n int) string { return domain.PublicCount(n, min) }
	c := chart{ID: "grafik-hadir", Title: "Kehadiran rapat dan perempuan di antaranya", Legend: [2]string{"Hadir", "Perempuan"}}
	for _, a := range as {
		c.Rows = append(c.Rows, chartRow{
			Label: flow.ShortDateText(flow.LangID, a.StartsAt.In(location(tz))) + " · " + flow.MeetingTypeText(flow.LangID, a.Type),
			Whole: int64(a.Attended), Part: int64(a.Women),
			Text: count(a.Attended) + " hadir" + womenIn(partText(count, min, a.Women, a.Attended)) + shareIn(shareText(min, a.Women, a.Attended)),
		})
	}
	return c
}

// womenIn is ", N perempuan", or nothing when the count is not said.
func womenIn(n string) string {
	if n == "" {
		return ""
	}
	return ", " + n + " perempuan"
}

// dusunChart is the gagasan of each dusun and those of women. A dusun
// with fewer gagasan than min shows no women's count: with one or two
// gagasan, a public title and its count would tell whether its sender is a
// woman.
func dusunChart(ds []postgres.DusunGagasan, min int) chart {
	min = domain.PublicMin(min)
	c := chart{ID: "grafik-dusun", Title: "Gagasan per dusun dan gagasan perempuan", Legend: [2]string{"Semua gagasan", "Dari perempuan"}}
	for _, d := range ds {
		label := "Dusun " + d.Dusun
		if d.Dusun == "" {
			label = "Tanpa dusun"
		}
		if d.Total < min {
			c.Rows = append(c.Rows, chartRow{Label: label, Whole: int64(d.Total),
				Text: strconv.Itoa(d.Total) + " gagasan (terlalu sedikit untuk dihitung dari perempuan)"})
			continue
		}
		c.Rows = append(c.Rows, chartRow{Label: label, Whole: int64(d.Total), Part: int64(d.Women),
			Text: strconv.Itoa(d.Total) + " gagasan, " + strconv.Itoa(d.Women) + " dari perempuan"})
	}
	return c
}

// boardCharts are the board's charts.
type boardCharts struct {
	Money      chart
	Attendance chart
	Dusun      chart
}

func (s *Server) boardCharts(ctx context.Context, b *postgres.Board) (*boardCharts, error) {
	p, err := s.Store.ParticipationOf(ctx, b.Desa.Kode)
	if err != nil {
		return nil, err
	}
	return &boardCharts{Money: moneyChart(b.Kegiatan), Attendance: attendanceChart(p.Attendance, b.Kecamatan.TimeZone, s.minCount()), Dusun: dusunChart(p.ByDusun, s.minCount())}, nil
}
