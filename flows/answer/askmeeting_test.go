package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestAskGagasanMeeting: "when is my idea discussed?" is its own question
// in the three languages, not the status of one's gagasan; a question
// without "when" still is.
func TestAskGagasanMeeting(t *testing.T) {
	for text, want := range map[string]answer.Kind{
		"usul kula dirembag kapan? rapat dusune kapan": answer.GagasanMeeting,
		"kapan usulan saya dibahas?":                   answer.GagasanMeeting,
		"iraha usulan abdi dibahas?":                   answer.GagasanMeeting,
		"gagasanku kpn dibahas":                        answer.GagasanMeeting,
		"usul kula wau pripun?":                        answer.GagasanStatus,
		"kapan rapatipun?":                             answer.Schedule,
	} {
		if got := answer.Ask(text); got != want {
			t.Errorf("Ask(%q) = %d, want %d", text, got, want)
		}
	}
}
