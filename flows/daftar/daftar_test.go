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
		// Sumi's answer: the name up to a comma or "or"; the nickname
		// after it is not part of the name.
		"asma kula Sumiyati, mbah sumi":       "Sumiyati",
		"nama saya Suparmi atau bu parmi":     "Suparmi",
		"Sumiyati utawi mbah Sumi":            "Sumiyati",
		"jeneng kula Karto utawa pak karto":   "Karto",
		"nami abdi Euis Komariah, nelah Euis": "Euis Komariah",
		"nami abdi Ujang atawa kang ujang":    "Ujang",
		"nama saya Budi alias Bud":            "Budi",
		"Siti Aminah (bu RT)":                 "Siti Aminah",
		"nama saya Wati.":                     "Wati",
		"Sri Utami / mbak Tami":               "Sri Utami",
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
