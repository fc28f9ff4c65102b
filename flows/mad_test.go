package flows_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestMADResultTexts: a desa's MAD result posted into its groups names the
// MAD's date, the desa, the funded proposals with their budgets, the
// forwarded with where they go, and the board's link, in every language;
// a desa with nothing funded says so.
func TestMADResultTexts(t *testing.T) {
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	link := "https://suaradesa.example.id/kecamatan/34.04.11"
	r := domain.MADDesaResult{MeetingCode: "R-MAPEN7", At: at, KecamatanKode: "34.04.11", DesaKode: "34.04.11.2001", DesaNama: "Sindumartani",
		Funded: []domain.MADOutcome{{Code: "G-PYNKM4", Title: "Posyandu Dusun Kemasan", Budget: 90_000_000, Rank: 2}},
		Forwarded: []domain.MADOutcome{{Code: "G-JEMTN3", Title: "Jembatan penghubung Dusun Jetis", Budget: 220_000_000, Rank: 5,
			ForwardTo: "Dinas Pekerjaan Umum Kabupaten Sleman"}}}
	got := flows.MADResultTexts(r, link)
	want := "Hasil MAD 25 November 2026, Desa Sindumartani:\n" +
		"Didanai:\n1. Posyandu Dusun Kemasan (Rp 90.000.000)\n" +
		"Belum didanai, diteruskan:\n1. Jembatan penghubung Dusun Jetis (Rp 220.000.000), ke Dinas Pekerjaan Umum Kabupaten Sleman\n" +
		"Rincian: " + link
	if got[flow.LangID] != want {
		t.Errorf("post:\n%s\nwant:\n%s", got[flow.LangID], want)
	}
	for _, l := range flow.Langs {
		p := got[l]
		for _, s := range []string{"Sindumartani", "Rp 90.000.000", "Rp 220.000.000", "Dinas Pekerjaan Umum", link, "2026"} {
			if !strings.Contains(p, s) {
				t.Errorf("post in %s lacks %q: %q", l, s, p)
			}
		}
		if l != flow.LangID && p == got[flow.LangID] {
			t.Errorf("post in %s is the Indonesian one", l)
		}
	}
	if !strings.Contains(got[flow.LangJV], "Dipundanani:") || !strings.Contains(got[flow.LangSU], "Dibiayaan:") {
		t.Errorf("jv %q su %q", got[flow.LangJV], got[flow.LangSU])
	}

	r.Funded = nil
	none := flows.MADResultText(flow.LangID, r, link)
	if !strings.Contains(none, "Didanai: belum ada usulan desa ini.") || strings.Contains(none, "Didanai:\n") {
		t.Errorf("nothing funded: %q", none)
	}
}
