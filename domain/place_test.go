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
