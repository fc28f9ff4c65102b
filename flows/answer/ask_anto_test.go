package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestAskInviteHowAndReplies: a KPMD's questions about inviting and about
// who answered are not the schedule's; a move is read after the code.
func TestAskInviteHowAndReplies(t *testing.T) {
	for text, want := range map[string]answer.Kind{
		"carane piye nek arep ngundang warga kejambon musdus": answer.InviteHow,
		"gimana cara mengundang warga?":                       answer.InviteHow,
		"sopo wae sing wis bales undangan musdus?":            answer.MeetingReplies,
		"siapa saja yang sudah jawab undangan?":               answer.MeetingReplies,
		"kapan rapatipun?":                                    answer.Schedule,
		"siapa saja yang diundang rapat?":                     answer.Schedule,
	} {
		if got := answer.Ask(text); got != want {
			t.Errorf("Ask(%q) = %v, want %v", text, got, want)
		}
	}
	if got := answer.AfterMove("R-F7XM6X pindah sabtu jam 8 bengi"); got != "sabtu jam 8 bengi" {
		t.Errorf("AfterMove = %q", got)
	}
	if answer.MoveMeeting("R-F7XM6X jadi kapan?") {
		t.Error(`"jadi kapan?" asks, it does not move`)
	}
}
