package domain

import "testing"

func TestKabupatenKodeOfAndInScope(t *testing.T) {
	for _, c := range []struct{ in, want string }{{"34.04.11.2002", "34.04"}, {"34.04.11", "34.04"}, {"34.04", "34.04"}, {"34", ""}, {"", ""}} {
		if got := KabupatenKodeOf(c.in); got != c.want {
			t.Errorf("KabupatenKodeOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		kode, scope string
		want        bool
	}{
		{"34.04.11.2002", "", true}, {"34.04.11.2002", "34", true}, {"34.04.11.2002", "34.04.11", true},
		{"34.04.11.2002", "34.04.11.2002", true}, {"34.04.11.2002", "34.04.1", false}, {"34.04.11.2002", "34.04.12", false},
		{"34.04.11", "34.04.11.2002", false},
	} {
		if got := InScope(c.kode, c.scope); got != c.want {
			t.Errorf("InScope(%q, %q) = %v, want %v", c.kode, c.scope, got, c.want)
		}
	}
}

// TestProvinsiTimeZone: the zones of Keputusan Presiden 41/1987 by province
// code, WITA and WIT on both sides of each border (Kalimantan Barat and
// Tengah are WIB, Selatan, Timur and Utara WITA; Maluku and the six Papua
// provinces WIT); a code it does not know gets no zone rather than WIB.
func TestProvinsiTimeZone(t *testing.T) {
	want := map[string]string{
		"11": "WIB", "12": "WIB", "13": "WIB", "14": "WIB", "15": "WIB", "16": "WIB", "17": "WIB", "18": "WIB", "19": "WIB", "21": "WIB",
		"31": "WIB", "32": "WIB", "33": "WIB", "34": "WIB", "35": "WIB", "36": "WIB",
		"51": "WITA", "52": "WITA", "53": "WITA",
		"61": "WIB", "62": "WIB", "63": "WITA", "64": "WITA", "65": "WITA",
		"71": "WITA", "72": "WITA", "73": "WITA", "74": "WITA", "75": "WITA", "76": "WITA",
		"81": "WIT", "82": "WIT",
		"91": "WIT", "92": "WIT", "93": "WIT", "94": "WIT", "95": "WIT", "96": "WIT",
	}
	if len(want) != 38 {
		t.Fatalf("the table names %d provinces, Indonesia has 38", len(want))
	}
	for kode, zone := range want {
		tz, ok := ProvinsiTimeZone(kode)
		if !ok || ZoneAbbrev(tz) != zone {
			t.Errorf("ProvinsiTimeZone(%s) = %q %v, want %s", kode, tz, ok, zone)
		}
	}
	for _, kode := range []string{"", "99", "34.04", "3"} {
		if tz, ok := ProvinsiTimeZone(kode); ok {
			t.Errorf("ProvinsiTimeZone(%q) = %q, want none", kode, tz)
		}
	}
}

func TestValidateWilayahKode(t *testing.T) {
	for kode, ok := range map[string]bool{"34": true, "34.04": true, "34.04.11": true,
		"34.04.11.2002": false, "3": false, "34.4": false, "34.04.": false, "": false, "x34": false} {
		if err := ValidateWilayahKode(kode); (err == nil) != ok {
			t.Errorf("ValidateWilayahKode(%q) = %v", kode, err)
		}
	}
}
