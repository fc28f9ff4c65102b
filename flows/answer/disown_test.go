package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestDisown: right after a gagasan was saved from one message, these
// say it was none; more words about the idea do not.
func TestDisown(t *testing.T) {
	for _, text := range []string{"lho dudu, iku dudu usulan. batalke", "batalke", "bukan usulan", "salah", "lho salah",
		"sanes usulan menika", "dudu usulan kok", "ini bukan gagasan pak", "wah keliru, hapus wae", "ukan usulan"} {
		if !answer.Disown(text) {
			t.Errorf("Disown(%q) = false", text)
		}
	}
	for _, text := range []string{"lokasine neng RT 03 cedak masjid", "lampu gang mbah karto", "usulan lampu gang mbah karto karo timbangan posyandu",
		"maaf, lokasinya di RT 2", "eh, lain, lokasina di RT 03", "eh salah, lokasine neng RT 03", "ya", "1", "matur nuwun"} {
		if answer.Disown(text) {
			t.Errorf("Disown(%q) = true", text)
		}
	}
}
