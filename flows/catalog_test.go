package flows_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// keywordRe finds the words residents type: runs of capitals (HAPUS DATA
// is two). A translation keeps every keyword of the Indonesian text, since
// keywords are the same in every language.
var keywordRe = regexp.MustCompile(`\b[A-Z]{2,}\b`)

// keywordsInText are the words that are commands or answers a resident
// types; other capitals (KPMD, MAD, WIB, UU) are names.
var keywordsInText = []string{"YA", "TIDAK", "MENU", "BATAL", "LEWATI", "KIRIM", "UBAH", "SELESAI", "SEMUA", "SAMA", "GAGASAN",
	"STATUS", "JADWAL", "HADIR", "PROGRES", "IKUTI", "ADUAN", "PETA", "DATA", "SAYA", "HAPUS", "BERHENTI", "MULAI", "LAGI",
	"UNDANG", "HASIL", "LAPOR", "BAHASA", "BANTUAN", "UNTUK"}

// TestCatalogLanguages checks that Javanese and Sundanese have exactly the
// keys of Indonesian, each with its placeholders and its keywords.
func TestCatalogLanguages(t *testing.T) {
	id := flow.Keys(flow.LangID)
	for _, lang := range flow.Langs[1:] {
		keys := flow.Keys(lang)
		for _, k := range id {
			src, _ := flow.Text(flow.LangID, k)
			tr, ok := flow.Text(lang, k)
			if !ok {
				t.Errorf("%s: key %q has no text", lang, k)
				continue
			}
			if err := flow.CheckText(lang, k, tr); err != nil {
				t.Error(err)
			}
			for _, w := range keywordRe.FindAllString(src, -1) {
				if slices.Contains(keywordsInText, w) && !slices.Contains(keywordRe.FindAllString(tr, -1), w) {
					t.Errorf("%s/%s: keyword %s missing from %q", lang, k, w, tr)
				}
			}
		}
		for _, k := range keys {
			if _, ok := flow.Text(flow.LangID, k); !ok {
				t.Errorf("%s: key %q is not in the Indonesian catalog", lang, k)
			}
		}
	}
}

func TestCheckTextRefusesPlaceholderMismatch(t *testing.T) {
	if err := flow.CheckText(flow.LangJV, flow.MsgGagasanSaved, "Matur nuwun! Kode {kode}."); err == nil {
		t.Fatal("a renamed placeholder was accepted")
	}
	if err := flow.CheckText(flow.LangJV, flow.MsgGagasanSaved, "Matur nuwun!"); err == nil {
		t.Fatal("a dropped placeholder was accepted")
	}
	if err := flow.CheckText(flow.LangJV, "no_such_key", "x"); err == nil {
		t.Fatal("an unknown key was accepted")
	}
	if err := flow.CheckText("fr", flow.MsgMenu, "x"); err == nil {
		t.Fatal("an unknown language was accepted")
	}
	if err := flow.CheckText(flow.LangSU, flow.MsgGagasanSaved, "Hatur nuhun! Kode {code}."); err != nil {
		t.Fatal(err)
	}
}

// TestCatalogCSVRoundTrip exports the catalog, reads it back unchanged
// (no corrections), then as a reviewer would change it: one corrected
// Javanese cell becomes one correction, which Apply puts in place.
func TestCatalogCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := flow.ExportCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(flow.Keys(flow.LangID))+1 || len(rows[0]) != 4 {
		t.Fatalf("export has %d rows of %d columns", len(rows), len(rows[0]))
	}
	cs, err := flow.ParseCSV(bytes.NewReader(buf.Bytes()))
	if err != nil || len(cs) != 0 {
		t.Fatalf("unchanged export read back as %d corrections, %v", len(cs), err)
	}

	before := flow.Render(flow.LangJV, flow.MsgRegistered, flow.A{"name": "Sri"})
	for i, r := range rows {
		if r[0] == string(flow.MsgRegistered) {
			rows[i][2] = "Matur nuwun sanget, {name}. Sampun kadhaftar."
		}
	}
	var edited bytes.Buffer
	w := csv.NewWriter(&edited)
	_ = w.WriteAll(rows)
	cs, err = flow.ParseCSV(bytes.NewReader(edited.Bytes()))
	if err != nil || len(cs) != 1 || cs[0].Lang != flow.LangJV || cs[0].Key != flow.MsgRegistered {
		t.Fatalf("one edit read back as %+v, %v", cs, err)
	}
	if err := flow.Apply(cs); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(flow.ResetCorrections)
	if got := flow.Render(flow.LangJV, flow.MsgRegistered, flow.A{"name": "Sri"}); got != "Matur nuwun sanget, Sri. Sampun kadhaftar." || got == before {
		t.Fatalf("after Apply: %q", got)
	}

	// A broken review is refused whole, with the line of each problem.
	for i, r := range rows {
		if r[0] == string(flow.MsgMenu) {
			rows[i][3] = ""
		}
		if r[0] == string(flow.MsgStatusOne) {
			rows[i][2] = "{code} tanpa riwayat"
		}
	}
	edited.Reset()
	w = csv.NewWriter(&edited)
	_ = w.WriteAll(rows)
	cs, err = flow.ParseCSV(bytes.NewReader(edited.Bytes()))
	if err == nil || cs != nil || !strings.Contains(err.Error(), "su/menu") || !strings.Contains(err.Error(), "jv/status_one") || !strings.Contains(err.Error(), "baris ") {
		t.Fatalf("broken review: %v, %d corrections", err, len(cs))
	}
}
