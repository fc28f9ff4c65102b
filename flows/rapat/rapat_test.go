package rapat

import (
	"slices"
	"testing"
)

// TestAgendaPicks: the gagasan an answer at the agenda question picks:
// SEMUA, their numbers, or one named by its words; anything else is an
// agenda of its own (none picked).
func TestAgendaPicks(t *testing.T) {
	waiting := []Waiting{{ID: 4, Title: "Sumur bor Kejambon"}, {ID: 9, Title: "Lampu jalan"}, {ID: 12, Title: "Posyandu"}}
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"SEMUA", []int{1, 2, 3}},
		{"kabeh", []int{1, 2, 3}},
		{"sedaya mawon", []int{1, 2, 3}},
		{"sadayana", []int{1, 2, 3}},
		{"1,3", []int{1, 3}},
		{"2 3", []int{2, 3}},
		{"1,7", nil}, // out of range: asked again by the step
		{"yg sumur bor aja", []int{1}},
		{"evaluasi kegiatan tahun lalu", nil},
	} {
		if got := agendaPicks(tc.text, waiting); !slices.Equal(got, tc.want) {
			t.Errorf("agendaPicks(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if got := agendaPicks("1", nil); got != nil {
		t.Errorf("nothing waiting, yet %v picked", got)
	}
}

// TestChangedPart: the part of an invitation a change at the preview
// names, in the three languages.
func TestChangedPart(t *testing.T) {
	for text, want := range map[string]string{
		"ubah waktunya":     "when",
		"ganti tempat":      "place",
		"gantos wekdalipun": "when",
		"agendanya diganti": "agenda",
		"ubah":              "",
	} {
		if got := changedPart(text); got != want {
			t.Errorf("changedPart(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestCleanPlace: a meeting place as the invitation shows it.
func TestCleanPlace(t *testing.T) {
	for text, want := range map[string]string{
		"di balai dusun aja":      "Balai dusun",
		"wonten masjid Al Ikhlas": "Masjid Al Ikhlas",
		"Balai Desa":              "Balai Desa",
	} {
		if got := cleanPlace(text); got != want {
			t.Errorf("cleanPlace(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestAgendaExample: the example fits the list shown.
func TestAgendaExample(t *testing.T) {
	for n, want := range map[int]string{1: "1", 2: "1,2", 3: "1,3", 9: "1,3"} {
		if got := agendaExample(n); got != want {
			t.Errorf("agendaExample(%d) = %q, want %q", n, got, want)
		}
	}
}
