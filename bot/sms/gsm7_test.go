package sms_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/bot/sms"
)

func TestAlphabet(t *testing.T) {
	// The whole default alphabet is one septet a character…
	basic := "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	if n, ok := sms.Septets(basic); !ok || n != 127 {
		t.Fatalf("basic alphabet: %d septets, ok=%v (want 127)", n, ok)
	}
	// …the extension table two.
	if n, ok := sms.Septets("^{}\\[~]|€"); !ok || n != 18 {
		t.Fatalf("extension: %d, %v", n, ok)
	}
	for _, s := range []string{"ç", "á", "😀", "“", "–", "…", "ê", "中"} {
		if _, ok := sms.Septets(s); ok {
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
		n, gsm7 := sms.Segments(tt.s)
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
		got := sms.ToGSM7(in)
		if got != want {
			t.Errorf("ToGSM7(%q) = %q, want %q", in, got, want)
		}
		if _, ok := sms.Septets(got); !ok {
			t.Errorf("ToGSM7(%q) is not GSM-7: %q", in, got)
		}
	}
}

func TestFit(t *testing.T) {
	short := "Terima kasih, Siti. Pendaftaran selesai."
	if got := sms.Fit(short, "Balas LAGI"); got != short {
		t.Fatalf("short text changed: %q", got)
	}
	var lines []string
	for i := range 60 {
		lines = append(lines, "Baris ke "+strings.Repeat("x", i%7)+" nomor "+string(rune('A'+i%26)))
	}
	long := strings.Join(lines, "\n") + " 🙏"
	got := sms.Fit(long, "Balas LAGI untuk lanjutannya.")
	if n, gsm7 := sms.Segments(got); n > sms.MaxSegments || !gsm7 {
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
		more = sms.ToGSM7(more)
		if len(more) > 40 {
			return
		}
		got := sms.Fit(text, more)
		if _, ok := sms.Septets(got); !ok {
			t.Fatalf("Fit gave non-GSM-7 %q", got)
		}
		if n, _ := sms.Segments(got); n > sms.MaxSegments {
			t.Fatalf("Fit gave %d segments", n)
		}
	})
}
