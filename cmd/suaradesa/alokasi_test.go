package main

import (
	"errors"
	"strings"
	"testing"
)

// TestCLIAlokasi: an allocation is set, replaced and listed, its amount
// read as people write it (domain.ParseRupiah: "750.000.000", "800 juta"
// in one argument or two) and written as Rp 750.000.000; bad input gets a
// usage with ParseRupiah's reason or the rule's refusal; seed demo leaves
// the demo's allocation of the year.
func TestCLIAlokasi(t *testing.T) {
	cmd := cli(t)
	if _, err := cmd("seed", "demo"); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd("alokasi", "list"); err != nil || !strings.Contains(out, "34.04.11 Ngemplak") || !strings.Contains(out, "Rp 500.000.000") {
		t.Fatalf("the demo's allocation: %v\n%s", err, out)
	}
	if out, err := cmd("alokasi", "34.04.11", "2031", "750.000.000", "--stop-at-first", "--mkp", "0,5"); err != nil ||
		!strings.Contains(out, "Rp 750.000.000, stop-at-first, MKP share 0.500") {
		t.Fatalf("set: %v %s", err, out)
	}
	if out, err := cmd("alokasi", "34.04.11", "2031", "1,5 M"); err != nil || !strings.Contains(out, "Rp 1.500.000.000, skip-to-fit") {
		t.Fatalf("1,5 M: %v %s", err, out)
	}
	if out, err := cmd("alokasi", "34.04.11", "2031", "800", "juta", "--mkp", "0"); err != nil ||
		!strings.Contains(out, "Rp 800.000.000, skip-to-fit, MKP share off") {
		t.Fatalf("replace: %v %s", err, out)
	}
	out, err := cmd("alokasi", "list", "34.04")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "2031") || !strings.Contains(lines[1], "Rp 800.000.000") || !strings.Contains(lines[1], "off") ||
		!strings.Contains(lines[2], "0.667") {
		t.Fatalf("list:\n%s", out)
	}
	if out, _ := cmd("alokasi", "list", "33.74"); strings.Count(out, "\n") != 1 {
		t.Fatalf("another kabupaten lists:\n%s", out)
	}
	for _, args := range [][]string{
		{"alokasi"}, {"alokasi", "34.04.11", "2031"}, {"alokasi", "34.04.11", "dua", "5"}, {"alokasi", "34.04.11", "2031", "banyak"},
		{"alokasi", "34.04.11", "2031", "5", "--mkp"}, {"alokasi", "34.04.11", "2031", "5", "--mkp", "2"}, {"alokasi", "34.04.11", "2031", "5", "--lain"},
		{"alokasi", "Ngemplak", "2031", "5"},
	} {
		if _, err := cmd(args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v", args, err)
		}
	}
	for args, want := range map[string]string{
		"34.04.11 2031 0":          "more than Rp 0",
		"34.04.11 2031 banyak":     "is no amount of Rupiah",
		"34.04.11 2031 1 juta 500": "is no amount of Rupiah",
		"34.04.11 1990 5":          "year 1990",
		"34.04.99 2031 500000":     "no kecamatan 34.04.99",
	} {
		if _, err := cmd(append([]string{"alokasi"}, strings.Fields(args)...)...); err == nil || !strings.Contains(errorText(err), want) {
			t.Errorf("%s: %v, want %q", args, err, want)
		}
	}
}
