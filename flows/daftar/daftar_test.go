package daftar

import "testing"

// TestNameFrom: the name in an answer to "what is your name?", in the
// three languages.
func TestNameFrom(t *testing.T) {
	for text, want := range map[string]string{
		"nama saya Euis":    "Euis",
		"nami abdi Euis":    "Euis",
		"asma kula Sumarni": "Sumarni",
		"Karto":             "Karto",
		"Siti Aminah":       "Siti Aminah",
	} {
		if got := nameFrom(text); got != want {
			t.Errorf("nameFrom(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestWithoutName: the desa's name taken out of an answer leaves the
// dusun it also named.
func TestWithoutName(t *testing.T) {
	if got := withoutName("bimo martani, dusun kejambon", "Bimomartani"); got != "kejambon" {
		t.Errorf("withoutName = %q", got)
	}
}
