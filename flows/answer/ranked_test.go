package answer

import (
	"reflect"
	"testing"
)

// A ballot changed or given as the only choice in a resident's own words
// is a ranked answer, and marked as meant for the vote.
func TestRankedMarked(t *testing.T) {
	for _, tc := range []struct {
		text   string
		want   []int
		marked bool
	}{
		// Bahasa Indonesia
		{"1 aja", []int{1}, true},
		{"ganti 2 1", []int{2, 1}, true},
		{"ubah jadi 3 saja", []int{3}, true},
		{"2 1", []int{2, 1}, false},
		// Basa Jawa
		{"ganti, telu wae", []int{3}, true},
		{"ganti telu", []int{3}, true},
		{"ganti 3 wae", []int{3}, true},
		{"diganti nomer 1 mawon", []int{1}, true},
		{"telu wae", []int{3}, true},
		{"nomer telu mawon", []int{3}, true},
		{"siji wae", []int{1}, true},
		{"1 mawon", []int{1}, true},
		{"sing nomer loro disik, terus siji", []int{2, 1}, false},
		// Basa Sunda
		{"hiji wae", []int{1}, true},
		{"gentos, nu katilu wungkul", []int{3}, true},
		{"tilu hungkul", []int{3}, true},
		{"hiji hungkul", []int{1}, true},
	} {
		ns, marked, ok := RankedMarked(tc.text)
		if !ok || !reflect.DeepEqual(ns, tc.want) || marked != tc.marked {
			t.Errorf("RankedMarked(%q) = %v %v %v, want %v %v", tc.text, ns, marked, ok, tc.want, tc.marked)
		}
	}
	for _, text := range []string{"ganti", "wae", "ganti jam 3 orang", "tidak 3 aja"} {
		if ns, marked, ok := RankedMarked(text); ok || marked {
			t.Errorf("RankedMarked(%q) = %v %v %v, want none", text, ns, marked, ok)
		}
	}
}
