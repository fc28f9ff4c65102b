package web_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openXLSX downloads an export and opens it as a spreadsheet program would.
func openXLSX(t *testing.T, c *client, path string) *excelize.File {
	t.Helper()
	code, body := c.get(path)
	if code != 200 {
		t.Fatalf("%s: %d", path, code)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatalf("%s is no XLSX: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rowOf finds the row whose first cell is code.
func rowOf(t *testing.T, f *excelize.File, sheet, code string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == code {
			return i + 1
		}
	}
	t.Fatalf("no row %s in %s", code, sheet)
	return 0
}

// isDate tells whether a cell holds a number shown as a date.
func isDate(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	typ, _ := f.GetCellType(sheet, cell)
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	n, err := strconv.ParseFloat(raw, 64)
	id, _ := f.GetCellStyle(sheet, cell)
	st, _ := f.GetStyle(id)
	return (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) && err == nil && n > 40000 &&
		st != nil && st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "yyyy")
}

// isNumber tells whether a cell holds the number want, as a number.
func isNumber(t *testing.T, f *excelize.File, sheet, cell string, want float64) bool {
	t.Helper()
	typ, _ := f.GetCellType(sheet, cell)
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	n, err := strconv.ParseFloat(raw, 64)
	return (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) && err == nil && n == want
}

// The gagasan and the map export as XLSX: the desa's name on the sheet
// and in its title, a header row, numbers as numbers, dates as dates, and
// a resident's "=…" as text, never a formula.
func TestXLSXExports(t *testing.T) {
	s := newSite(t)
	if _, err := s.st.DB().Exec(`INSERT INTO gagasan (code, desa_kode, category, title, status, households, lat, lng)
		VALUES ('G-RUMUS1', '34.04.11.2002', 'INFRASTRUKTUR', '=HYPERLINK("http://x","klik")', 'DIBAHAS', 42, -7.7, 110.4)`); err != nil {
		t.Fatal(err)
	}
	c := s.client(t)
	c.login("fas", fasPassword)
	f := openXLSX(t, c, "/admin/gagasan.xlsx?desa=34.04.11.2002")
	sheet := f.GetSheetName(0)
	title, _ := f.GetCellValue(sheet, "A1")
	if sheet != "Bimomartani" || title != "Gagasan Desa Bimomartani" {
		t.Fatalf("sheet %q, title %q", sheet, title)
	}
	head, _ := f.GetRows(sheet)
	if len(head) < 3 || strings.Join(head[1], ",") != "Kode,Kecamatan,Desa,Dusun,Kategori,Judul,Uraian,Tahap,KK penerima manfaat,KK miskin,Tanggal masuk,Lintang,Bujur,Digabung ke gagasan" {
		t.Fatalf("header row: %v", head[1])
	}
	r := strconv.Itoa(rowOf(t, f, sheet, "G-RUMUS1"))
	if !isNumber(t, f, sheet, "I"+r, 42) || !isNumber(t, f, sheet, "L"+r, -7.7) || !isNumber(t, f, sheet, "M"+r, 110.4) {
		t.Fatal("households or coordinates are not numbers")
	}
	if !isDate(t, f, sheet, "K"+r) {
		t.Fatal("the date is not a date")
	}
	if formula, _ := f.GetCellFormula(sheet, "F"+r); formula != "" {
		t.Fatalf("a resident's title became a formula: %q", formula)
	}
	if v, _ := f.GetCellValue(sheet, "F"+r); v != `=HYPERLINK("http://x","klik")` {
		t.Fatalf("the title reads %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "J"+r); v != "" {
		t.Fatalf("no poor households given, the cell says %q", v)
	}

	m := openXLSX(t, c, "/admin/peta.xlsx?desa=34.04.11.2002")
	sheet = m.GetSheetName(0)
	rows, _ := m.GetRows(sheet)
	found := false
	for i, row := range rows {
		if len(row) > 2 && row[2] == "Jumlah RTM" {
			found = true
			cell := "G" + strconv.Itoa(i+1)
			if typ, _ := m.GetCellType(sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Fatalf("the map's count %s is typed %v", cell, typ)
			}
		}
	}
	if sheet != "Bimomartani" || !found || rows[0][0] != "Peta sosial Desa Bimomartani" {
		t.Fatalf("map sheet %q, title %q, counts found %v", sheet, rows[0][0], found)
	}
}
