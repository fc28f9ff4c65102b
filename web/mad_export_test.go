package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// A decided MAD's forwarded proposals export for the Musrenbang: the
// unfunded ones in the MAD's order with their desa, category, budget,
// beneficiaries (jiwa), poor households (KK), where forwarded and why not
// funded, numbers as numbers, no resident named. The facilitator and the
// auditor download it; the TPU and the TV do not; another kecamatan's
// facilitator finds nothing, and a MAD not decided has no list yet.
func TestMADForwardedExport(t *testing.T) {
	s := newSite(t)
	madFixture(t, s)
	const path = "/admin/rapat/" + madDecided + "/diteruskan.xlsx"
	fas := s.client(t)
	fas.login("fas", fasPassword)
	f := openXLSX(t, fas, path)
	sheet := f.GetSheetName(0)
	if sheet != "Diteruskan" {
		t.Fatalf("sheet %q", sheet)
	}
	if title, _ := f.GetCellValue(sheet, "A1"); !strings.Contains(title, "MAD Penetapan Usulan 2026 Kecamatan Ngemplak") || !strings.Contains(title, "Rp 400.000.000") {
		t.Errorf("title %q", title)
	}
	head, _ := f.GetRows(sheet)
	if got := strings.Join(head[1], "|"); got != "Kode|Judul|Desa|Kategori|Anggaran (Rp)|Penerima manfaat (jiwa)|KK miskin|Diteruskan ke|Alasan tidak didanai|Peringkat MAD" {
		t.Errorf("header %q", got)
	}
	if len(head) != 4 || head[2][0] != "G-MADCC3" || head[3][0] != "G-MADDD4" {
		t.Fatalf("rows: %q (want the two forwarded, in the MAD's order)", head)
	}
	cell := func(row int, col string) string {
		v, _ := f.GetCellValue(sheet, col+itoa(row))
		return v
	}
	r := rowOf(t, f, sheet, "G-MADCC3")
	for col, want := range map[string]string{"B": "Jembatan gantung Umbulsari", "C": "Umbulmartani", "D": "Infrastruktur / sarana prasarana",
		"H": "Musrenbang Kecamatan", "I": "Dana MAD tidak cukup"} {
		if got := cell(r, col); got != want {
			t.Errorf("G-MADCC3 %s = %q, want %q", col, got, want)
		}
	}
	for col, want := range map[string]float64{"E": 300_000_000, "F": 240, "G": 45, "J": 2} {
		if !isNumber(t, f, sheet, col+itoa(r), want) {
			t.Errorf("G-MADCC3 %s is not the number %v", col, want)
		}
	}
	r = rowOf(t, f, sheet, "G-MADDD4")
	if cell(r, "H") != "Dinas Koperasi dan UKM" || cell(r, "I") != forwardReason || !isNumber(t, f, sheet, "G"+itoa(r), 12) ||
		!isNumber(t, f, sheet, "E"+itoa(r), 90_000_000) {
		t.Errorf("G-MADDD4: %q %q", cell(r, "H"), cell(r, "I"))
	}
	all, _ := f.GetRows(sheet)
	for _, row := range all {
		for _, v := range row {
			if strings.Contains(v, senderName) || strings.Contains(v, delegateName) {
				t.Errorf("the export names a person: %q", v)
			}
		}
	}
	req, _ := http.NewRequest("GET", s.srv.URL+path, nil)
	if _, _, h := fas.do(req); !strings.Contains(h.Get("Content-Disposition"), `filename="diteruskan-mad-34.04.11-2026.xlsx"`) {
		t.Errorf("file name: %q", h.Get("Content-Disposition"))
	}
	if code, csv := fas.get("/admin/rapat/" + madDecided + "/diteruskan.csv"); code != 200 || !strings.Contains(csv, "G-MADCC3,Jembatan gantung Umbulsari,Umbulmartani") ||
		!strings.Contains(csv, ",300000000,240,45,") || strings.Contains(csv, "G-MADAA1") {
		t.Errorf("CSV: %d\n%s", code, csv)
	}
	// The meeting's page offers it once decided.
	if _, body := fas.get("/admin/rapat/" + madDecided); !strings.Contains(body, `href="`+path+`"`) || !strings.Contains(body, `href="/kecamatan/34.04.11"`) {
		t.Error("the decided MAD's page does not offer the export")
	}
	if _, body := fas.get("/admin/rapat/" + madUndecided); strings.Contains(body, "diteruskan.xlsx") {
		t.Error("a MAD not decided offers the export")
	}
	if code, _ := fas.get("/admin/rapat/" + madUndecided + "/diteruskan.xlsx"); code != http.StatusNotFound {
		t.Errorf("a MAD not decided: %d", code)
	}
	for user, want := range map[string]int{"audit": 200, "akab": 200, "tpu": 403, "tv": 403, "lain": 404} {
		c := s.client(t)
		c.login(user, fasPassword)
		if code, _ := c.get(path); code != want {
			t.Errorf("%s: %d, want %d", user, code, want)
		}
	}
}
