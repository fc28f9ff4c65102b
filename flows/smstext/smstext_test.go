package smstext_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/flows/smstext"
)

func TestAlphabet(t *testing.T) {
	// The whole default alphabet is one septet a character…
	basic := "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	if n, ok := smstext.Septets(basic); !ok || n != 127 {
		t.Fatalf("basic alphabet: %d septets, ok=%v (want 127)", n, ok)
	}
	// …the extension table two.
	if n, ok := smstext.Septets("^{}\\[~]|€"); !ok || n != 18 {
		t.Fatalf("extension: %d, %v", n, ok)
	}
	for _, s := range []string{"ç", "á", "😀", "“", "–", "…", "ê", "中"} {
		if _, ok := smstext.Septets(s); ok {
			t.Errorf("%q counted as GSM-7", s)
		}
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		gsm7 bool
	}{
		{"", 1, true},
		{strings.Repeat("a", 160), 1, true},
		{strings.Repeat("a", 161), 2, true},
		{strings.Repeat("a", 306), 2, true},
		{strings.Repeat("a", 307), 3, true},
		{strings.Repeat("€", 80), 1, true},                                  // 160 septets
		{strings.Repeat("a", 152) + "€" + strings.Repeat("a", 10), 2, true}, // € does not straddle
		{strings.Repeat("a", 70) + "😀", 2, false},                           // UCS-2: 72 units, 67 per part
		{strings.Repeat("ê", 70), 1, false},
		{strings.Repeat("ê", 71), 2, false},
	}
	for _, tt := range tests {
		n, gsm7 := smstext.Segments(tt.s)
		if n != tt.n || gsm7 != tt.gsm7 {
			t.Errorf("Segments(%d runes %q…) = %d, %v; want %d, %v", utf8.RuneCountInString(tt.s), first(tt.s), n, gsm7, tt.n, tt.gsm7)
		}
	}
}

func first(s string) string {
	if len(s) > 8 {
		return s[:8]
	}
	return s
}

func TestToGSM7(t *testing.T) {
	tests := map[string]string{
		"Jum’at “pagi” – 09.00…":          "Jum'at \"pagi\" - 09.00...",
		"Terima kasih 🙏 Bapak":            "Terima kasih Bapak",
		"café, façade, Çiçek, naïve":      "café, facade, Çicek, naive",
		"Rp 150.000.000 • tahap 1":        "Rp 150.000.000 - tahap 1",
		"sudah GSM: @£$¥ è é {} [] ~ € ^": "sudah GSM: @£$¥ è é {} [] ~ € ^",
	}
	for in, want := range tests {
		got := smstext.ToGSM7(in)
		if got != want {
			t.Errorf("ToGSM7(%q) = %q, want %q", in, got, want)
		}
		if _, ok := smstext.Septets(got); !ok {
			t.Errorf("ToGSM7(%q) is not GSM-7: %q", in, got)
		}
	}
}

func TestFit(t *testing.T) {
	short := "Terima kasih, Siti. Pendaftaran selesai."
	if got := smstext.Fit(short, "Balas LAGI"); got != short {
		t.Fatalf("short text changed: %q", got)
	}
	var lines []string
	for i := range 60 {
		lines = append(lines, "Baris ke "+strings.Repeat("x", i%7)+" nomor "+string(rune('A'+i%26)))
	}
	long := strings.Join(lines, "\n") + " 🙏"
	got := smstext.Fit(long, "Balas LAGI untuk lanjutannya.")
	if n, gsm7 := smstext.Segments(got); n > smstext.MaxSegments || !gsm7 {
		t.Fatalf("fitted text costs %d segments (gsm7=%v)", n, gsm7)
	}
	if !strings.HasSuffix(got, "\nBalas LAGI untuk lanjutannya.") || !strings.HasPrefix(got, "Baris ke nomor A") {
		t.Fatalf("fitted text %q", got)
	}
}

func FuzzFit(f *testing.F) {
	f.Add("Selamat datang…", "Balas LAGI")
	f.Add(strings.Repeat("€ ", 400), "LAGI")
	f.Fuzz(func(t *testing.T, text, more string) {
		// A reply is a few KB at most; longer inputs only slow the fuzzer
		// (and a run that ends inside one slow input fails).
		if len(text) > 4096 {
			text = text[:4096]
		}
		if len(more) > 120 {
			return
		}
		more = smstext.ToGSM7(more)
		if len(more) > 40 {
			return
		}
		got := smstext.Fit(text, more)
		if _, ok := smstext.Septets(got); !ok {
			t.Fatalf("Fit gave non-GSM-7 %q", got)
		}
		if n, _ := smstext.Segments(got); n > smstext.MaxSegments {
			t.Fatalf("Fit gave %d segments", n)
		}
		// Paging loses nothing: the pages, without their hints, are the
		// whole text (whitespace at the cuts aside).
		whole, rest, pages := "", text, 0
		for rest != "" && pages < 200 {
			var page string
			page, rest = smstext.Page(rest, more)
			if n, _ := smstext.Segments(page); n > smstext.MaxSegments && len(more) < 20 {
				t.Fatalf("page costs %d segments", n)
			}
			if rest != "" {
				page = strings.TrimSuffix(page, "\n"+more)
			}
			whole += page
			pages++
		}
		if squash(whole) != squash(smstext.ToGSM7(text)) {
			t.Fatalf("pages lost text:\n%q\n%q", whole, smstext.ToGSM7(text))
		}
		parts, _ := smstext.Split(text)
		if utf8.ValidString(text) && strings.Join(parts, "") != text {
			t.Fatalf("split parts do not rebuild the text")
		}
	})
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func TestPage(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("%d. Gagasan nomor %d di Dusun Krajan", i+1, i+1))
	}
	text := strings.Join(lines, "\n")
	rest, got := text, []string{}
	for rest != "" {
		var page string
		page, rest = smstext.Page(rest, "Balas LAGI.")
		got = append(got, page)
	}
	if len(got) < 2 {
		t.Fatalf("a %d-char list fit one page", len(text))
	}
	for i, p := range got {
		if n, _ := smstext.Segments(p); n > smstext.MaxSegments {
			t.Fatalf("page %d costs %d segments", i, n)
		}
		if last := i == len(got)-1; strings.HasSuffix(p, "Balas LAGI.") == last {
			t.Fatalf("page %d (last=%v) hint wrong: %q", i, last, p)
		}
	}
	if !strings.HasPrefix(got[1], "1") || !strings.HasSuffix(got[len(got)-1], "40. Gagasan nomor 40 di Dusun Krajan") {
		t.Fatalf("pages not cut at lines: %q", got)
	}
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		text  string
		parts int
		gsm7  bool
		max   int
	}{
		{"Halo", 1, true, 160},
		{strings.Repeat("a", 160), 1, true, 160},
		{strings.Repeat("a", 161), 2, true, 153},
		{strings.Repeat("a", 152) + "€" + strings.Repeat("b", 10), 2, true, 153}, // € (2 septets) moves to part 2
		{strings.Repeat("é", 70), 1, true, 160},
		{strings.Repeat("ü", 10) + strings.Repeat("ş", 70), 2, false, 67},
		{strings.Repeat("😀", 36), 2, false, 67}, // 72 units: a pair never split
	} {
		parts, gsm7 := smstext.Split(tc.text)
		if len(parts) != tc.parts || gsm7 != tc.gsm7 || strings.Join(parts, "") != tc.text {
			t.Fatalf("Split(%.20q…) = %d parts gsm7=%v", tc.text, len(parts), gsm7)
		}
		for _, p := range parts {
			units := 0
			for _, r := range p {
				switch {
				case gsm7:
					n, _ := smstext.Septets(string(r))
					units += n
				case r > 0xFFFF:
					units += 2
				default:
					units++
				}
			}
			if units > tc.max {
				t.Fatalf("part of %d units > %d", units, tc.max)
			}
		}
		if n, _ := smstext.Segments(tc.text); n != len(parts) {
			t.Fatalf("Segments says %d, Split made %d", n, len(parts))
		}
	}
}

func TestPageWithin(t *testing.T) {
	text := strings.Repeat("Gagasan warga Dusun Krajan tentang saluran air.\n", 30)
	for _, segments := range []int{1, 2, smstext.MaxSegments, 5} {
		rest, pages := text, 0
		for rest != "" {
			var page string
			page, rest = smstext.PageWithin(rest, "Balas LAGI.", segments)
			if n, gsm7 := smstext.Segments(page); n > segments || !gsm7 {
				t.Fatalf("within %d: page %d costs %d segments (gsm7=%v): %q", segments, pages, n, gsm7, page)
			}
			if pages++; pages > 100 {
				t.Fatalf("within %d: no end", segments)
			}
		}
		if want := (len(text) + segments*153 - 1) / (segments * 153); pages < want {
			t.Fatalf("within %d: %d pages, at least %d expected", segments, pages, want)
		}
	}
	if a, b := smstext.Page(text, "Balas LAGI."); a == "" || b == "" {
		t.Fatal("Page did not page")
	}
}
