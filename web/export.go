package web

import (
	"encoding/csv"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Every export is offered as XLSX beside CSV: with Indonesian regional
// settings a spreadsheet program splits CSV on ";" and opens a
// comma-separated file in one column, and it guesses what a text is. The
// XLSX (written with github.com/xuri/excelize/v2, the maintained pure-Go
// library for the format) has typed cells: numbers as numbers, dates as
// dates in the desa's time zone, a title row that names the desa, then a
// header row.

// table is an export: its rows hold strings, ints, *int, *float64,
// amounts of Rupiah and calendar days (a time in the desa's zone, of which
// the date counts).
type table struct {
	// File is the download's name without extension.
	File string
	// Title is the sheet's first row ("Gagasan Desa Bimomartani"); Sheet
	// names the sheet (the desa's name).
	Title, Sheet string
	Head         []string
	Rows         [][]any
}

// day is a calendar date in an export.
type day time.Time

// rupiahCell is an amount of whole Rupiah in an export: a number, shown
// with thousands grouped in the spreadsheet's own way.
type rupiahCell int64

// serveTable writes the table as XLSX when the path ends in .xlsx, else
// as CSV.
func (s *Server) serveTable(w http.ResponseWriter, r *http.Request, t table) {
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		f, err := t.xlsx()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		defer f.Close()
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="`+t.File+`.xlsx"`)
		if err := f.Write(w); err != nil {
			s.Log.Warn("writing xlsx", "err", err)
		}
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+t.File+`.csv"`)
	_, _ = w.Write([]byte("\ufeff")) // so that spreadsheet programs read UTF-8
	cw := csv.NewWriter(w)
	_ = cw.Write(t.Head)
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = csvCell(v)
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
}

func csvCell(v any) string {
	switch v := v.(type) {
	case string:
		return csvSafe(v)
	case int:
		return strconv.Itoa(v)
	case *int:
		if v != nil {
			return strconv.Itoa(*v)
		}
	case *float64:
		if v != nil {
			return strconv.FormatFloat(*v, 'f', 6, 64)
		}
	case rupiahCell:
		return strconv.FormatInt(int64(v), 10)
	case day:
		return time.Time(v).Format("2006-01-02")
	}
	return ""
}

// csvSafe keeps a resident's text from being read as a formula by a
// spreadsheet program.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	// A spreadsheet set to Indonesian splits a CSV line on ";" too (Go's
	// writer does not quote it), so what follows a ";" starts a cell.
	return csvAfterSemicolon.ReplaceAllString(s, ";$1'$2")
}

var csvAfterSemicolon = regexp.MustCompile(`;(\s*)([=+\-@])`)

// sheetName fits a name to a sheet's rules: at most 31 characters, none
// of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "Data"
	}
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// xlsx builds the workbook. Text cells are strings, never formulas, so a
// resident's "=…" stays text.
func (t table) xlsx() (*excelize.File, error) {
	f := excelize.NewFile()
	sheet := sheetName(t.Sheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	dateFmt := "dd/mm/yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return nil, err
	}
	set := func(col, row int, v any) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		switch v := v.(type) {
		case *int:
			if v != nil {
				return f.SetCellInt(sheet, cell, int64(*v))
			}
		case *float64:
			if v != nil {
				return f.SetCellFloat(sheet, cell, *v, -1, 64)
			}
		case day:
			tm := time.Time(v)
			if tm.IsZero() {
				return nil
			}
			// The calendar day in the desa's zone, as Excel counts days.
			if err := f.SetCellValue(sheet, cell, time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC)); err != nil {
				return err
			}
			return f.SetCellStyle(sheet, cell, cell, dateStyle)
		case rupiahCell:
			if err := f.SetCellInt(sheet, cell, int64(v)); err != nil {
				return err
			}
			return f.SetCellStyle(sheet, cell, cell, money)
		case string:
			return f.SetCellStr(sheet, cell, v)
		default:
			return f.SetCellValue(sheet, cell, v)
		}
		return nil
	}
	if err := set(1, 1, t.Title); err != nil {
		return nil, err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", title); err != nil {
		return nil, err
	}
	for i, h := range t.Head {
		if err := set(i+1, 2, h); err != nil {
			return nil, err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Head), 2)
	if err := f.SetCellStyle(sheet, "A2", last, bold); err != nil {
		return nil, err
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if err := set(c+1, r+3, v); err != nil {
				return nil, err
			}
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(t.Head))
	if err := f.SetColWidth(sheet, "A", lastCol, 16); err != nil {
		return nil, err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.Head), len(t.Rows)+2)
	if err := f.AutoFilter(sheet, "A2:"+end, nil); err != nil {
		return nil, err
	}
	// The title and the header stay in view while scrolling.
	err = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	return f, err
}
