package domain_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Phone
		ok   bool
	}{
		{"081234567001", "+6281234567001", true},
		{"6281234567001", "+6281234567001", true},
		{"+62 812 3456 7001", "+6281234567001", true},
		{"0812-3456-7001", "+6281234567001", true},
		{"+6281100000001", "+6281100000001", true},
		{"(0274) 868405", "+62274868405", true},
		{"", "", false},
		{"halo", "", false},
		{"12", "", false},
		{strings.Repeat("9", 40), "", false},
	}
	// Twice: the second round answers from the memory of the first.
	for round := range 2 {
		for _, tt := range tests {
			t.Run(fmt.Sprint(round, tt.in), func(t *testing.T) {
				got, err := domain.ParsePhone(tt.in)
				if (err == nil) != tt.ok {
					t.Fatalf("ParsePhone(%q) err = %v, want ok=%v", tt.in, err, tt.ok)
				}
				if got != tt.want {
					t.Fatalf("ParsePhone(%q) = %q, want %q", tt.in, got, tt.want)
				}
				if err != nil && domain.ErrorCodeOf(err) != domain.EINVALID {
					t.Fatalf("error code = %s, want invalid", domain.ErrorCodeOf(err))
				}
			})
		}
	}
}

func TestPhoneMasked(t *testing.T) {
	if got := domain.Phone("+6281234567001").Masked(); got != "+62812****7001" {
		t.Fatalf("Masked = %q", got)
	}
}

func TestCodes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for range 1000 {
		c := domain.NewCode(domain.CodeGagasan, r)
		if len(c) != 8 || !strings.HasPrefix(c, "G-") {
			t.Fatalf("bad code %q", c)
		}
		if strings.ContainsAny(c[2:], "0O1IL2Z5S8BUVQD") {
			t.Fatalf("code %q has a look-alike character", c)
		}
		got, err := domain.ParseCode(domain.CodeGagasan, strings.ToLower(c))
		if err != nil || got != c {
			t.Fatalf("ParseCode(lower %q) = %q, %v", c, got, err)
		}
		seen[c] = true
	}
	if len(seen) < 990 {
		t.Fatalf("only %d distinct codes of 1000", len(seen))
	}
	for _, in := range []string{"g 7km4xa", "G7KM4XA", " g-7km4xa "} {
		if got, err := domain.ParseCode(domain.CodeGagasan, in); err != nil || got != "G-7KM4XA" {
			t.Errorf("ParseCode(%q) = %q, %v", in, got, err)
		}
	}
	// A look-alike letter (0, O, I, D, …) makes a code no record has, not a
	// wrong shape: it is read, and the look-up answers "not found".
	for in, want := range map[string]string{"G-7KM4X0": "G-7KM4X0", "g-sumur5": "G-SUMUR5", "G OI1LQD": "G-OI1LQD"} {
		if got, err := domain.ParseCode(domain.CodeGagasan, in); err != nil || got != want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "G-", "G-7KM4X", "R-7KM4XA", "G-7KM4XAA", "G-7KM4X!", "G-7KM4XÉ", "G-7KM_XA"} {
		if _, err := domain.ParseCode(domain.CodeGagasan, in); err == nil {
			t.Errorf("ParseCode(%q) accepted", in)
		}
	}
	if !domain.LooksLikeCode("g-abc") || domain.LooksLikeCode("halo") {
		t.Error("LooksLikeCode wrong")
	}
}

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from, to domain.Status
		note     string
		ok       bool
	}{
		{domain.StatusDiajukan, domain.StatusDibahas, "", true},
		{domain.StatusDiajukan, domain.StatusDidanai, "", false},
		{domain.StatusDiajukan, domain.StatusDitolak, "", false},
		{domain.StatusDiajukan, domain.StatusDitolak, "di luar menu kegiatan", true},
		{domain.StatusVerifikasi, domain.StatusUsulanDesa, "perbaikan RAB", true},
		{domain.StatusPrioritasMAD, domain.StatusTidakDidanai, "", true},
		{domain.StatusTidakDidanai, domain.StatusDiteruskan, "", true},
		{domain.StatusDitolak, domain.StatusDibahas, "", false},
		{domain.StatusDiserahterimakan, domain.StatusSelesai, "", false},
	}
	for _, tt := range tests {
		err := domain.CheckTransition(tt.from, tt.to, tt.note)
		if (err == nil) != tt.ok {
			t.Errorf("%s→%s note=%q: err=%v, want ok=%v", tt.from, tt.to, tt.note, err, tt.ok)
		}
	}
	// Every stage but the final ones has a way forward; every target is a known stage.
	for _, s := range domain.Statuses {
		for _, n := range s.Next() {
			if _, err := domain.ParseStatus(string(n)); err != nil {
				t.Errorf("%s → unknown %s", s, n)
			}
		}
	}
	for _, final := range []domain.Status{domain.StatusDitolak, domain.StatusDigabung, domain.StatusDiteruskan, domain.StatusDiserahterimakan} {
		if !final.Final() {
			t.Errorf("%s should be final", final)
		}
	}
}

// TestWithdraw: DITARIK is a side exit from DIAJUKAN only, final, and not
// offered to meetings or facilitators as a next stage.
func TestWithdraw(t *testing.T) {
	if err := domain.CheckTransition(domain.StatusDiajukan, domain.StatusDitarik, ""); err != nil {
		t.Fatalf("DIAJUKAN → DITARIK refused: %v", err)
	}
	if err := domain.CheckWithdraw(domain.StatusDiajukan); err != nil {
		t.Fatalf("withdrawing a DIAJUKAN gagasan refused: %v", err)
	}
	for _, s := range domain.Statuses {
		if s == domain.StatusDiajukan {
			continue
		}
		if domain.CheckTransition(s, domain.StatusDitarik, "") == nil {
			t.Errorf("%s → DITARIK allowed", s)
		}
		if err := domain.CheckWithdraw(s); domain.ErrorCodeOf(err) != domain.EINVALID {
			t.Errorf("CheckWithdraw(%s) = %v, want an invalid error", s, err)
		}
		if slices.Contains(s.Next(), domain.StatusDitarik) {
			t.Errorf("%s offers DITARIK", s)
		}
	}
	if slices.Contains(domain.StatusDiajukan.Next(), domain.StatusDitarik) {
		t.Error("DITARIK offered as a next stage to meetings and facilitators")
	}
	if !domain.StatusDitarik.Final() {
		t.Error("DITARIK should be final")
	}
	if s, err := domain.ParseStatus("DITARIK"); err != nil || s != domain.StatusDitarik {
		t.Errorf("ParseStatus(DITARIK) = %q, %v", s, err)
	}
}

func TestCleanName(t *testing.T) {
	if n, err := domain.CleanName("  Siti   Aminah "); err != nil || n != "Siti Aminah" {
		t.Fatalf("CleanName = %q, %v", n, err)
	}
	for _, bad := range []string{"", "a", "12345", "😀😀😀", strings.Repeat("x", 61)} {
		if _, err := domain.CleanName(bad); err == nil {
			t.Errorf("CleanName(%q) accepted", bad)
		}
	}
}

func TestGagasanValidate(t *testing.T) {
	n := func(i int) *int { return &i }
	ok := domain.Gagasan{Code: "G-7KM4XA", Category: domain.CategoryInfrastruktur, Title: "Jalan dusun"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []domain.Gagasan{
		{Code: "", Category: domain.CategoryLainnya, Title: "Jalan"},
		{Code: "G-7KM4XA", Category: "X", Title: "Jalan"},
		{Code: "G-7KM4XA", Category: domain.CategoryLainnya, Title: "J"},
		{Code: "G-7KM4XA", Category: domain.CategoryLainnya, Title: "Jalan", Households: n(5), PoorHouseholds: n(6)},
		{Code: "G-7KM4XA", Category: domain.CategoryLainnya, Title: "Jalan", Households: n(-1)},
	}
	for i, g := range bad {
		if err := g.Validate(); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
}

func TestErrors(t *testing.T) {
	err := domain.Errorf(domain.ENOTFOUND, "gagasan G-7KM4XA")
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatal("ENOTFOUND error is not ErrNotFound")
	}
	if errors.Is(domain.Errorf(domain.EINVALID, "x"), domain.ErrNotFound) {
		t.Fatal("EINVALID error is ErrNotFound")
	}
	if domain.ErrorCodeOf(errors.New("plain")) != domain.EINTERNAL {
		t.Fatal("plain error should be internal")
	}
}

func TestKode(t *testing.T) {
	if err := domain.ValidateDesaKode("34.04.11.2002"); err != nil {
		t.Fatal(err)
	}
	if err := domain.ValidateDesaKode("34.04.11"); err == nil {
		t.Fatal("kecamatan kode accepted as desa")
	}
	if got := domain.KecamatanKodeOf("34.04.11.2002"); got != "34.04.11" {
		t.Fatalf("KecamatanKodeOf = %q", got)
	}
	if tz, err := domain.TimeZoneFor("wita"); err != nil || tz != "Asia/Makassar" {
		t.Fatalf("TimeZoneFor = %q, %v", tz, err)
	}
}

func TestCleanNameCapitalises(t *testing.T) {
	for in, want := range map[string]string{"darto": "Darto", "siti  aminah": "Siti Aminah", "RT Sugeng": "RT Sugeng", "dr. Ani": "dr. Ani"} {
		if got, err := domain.CleanName(in); err != nil || got != want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
