package flows_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// rsvpSentences are answers with the meeting's code inside a longer
// sentence, as residents write them (issue 20, the group persona).
var rsvpSentences = []struct {
	text string
	want domain.RSVP
}{
	{"wah kula mboten saged rawuh R-AAAAAA, putu kula sakit", domain.RSVPTidak},
	{"kula saged rawuh R-AAAAAA, putu kula sampun sehat", domain.RSVPHadir},
	{"nyuwun sewu mboten saged R-AAAAAA, wonten layatan", domain.RSVPTidak},
	{"mboten saged rawuh R-AAAAAA, putu kula sakit", domain.RSVPTidak},
	{"punten abdi teu tiasa sumping R-AAAAAA", domain.RSVPTidak},
	{"insyaallah saya datang R-AAAAAA bersama suami", domain.RSVPHadir},
}

// TestRSVPInSentenceGroup: in a group the answer is recorded for its
// sender and confirmed privately, not dropped.
func TestRSVPInSentenceGroup(t *testing.T) {
	for _, s := range rsvpSentences {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		if !flows.ForGroup(s.text, false) {
			t.Errorf("ForGroup(%q) is false", s.text)
			continue
		}
		res := c.inGroup(rtGroup, s.text)
		if len(res.Commands) != 1 {
			t.Errorf("%q: commands %s, replies %q", s.text, commandNames(res), replyText(res))
			continue
		}
		if cmd, ok := res.Commands[0].(flow.SetRSVP); !ok || cmd.Answer != s.want || cmd.MeetingID != 1 {
			t.Errorf("%q: %+v, want %s", s.text, res.Commands[0], s.want)
		}
		if !strings.Contains(replyText(res), "R-AAAAAA") {
			t.Errorf("%q: reply %q", s.text, replyText(res))
		}
	}
}

// TestRSVPInSentencePrivate: in private chat the same sentence is an
// answer, not "not understood".
func TestRSVPInSentencePrivate(t *testing.T) {
	for _, s := range rsvpSentences {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		res := c.send(0, msg{text: s.text})
		if len(res.Commands) != 1 {
			t.Errorf("%q: commands %s, replies %q", s.text, commandNames(res), replyText(res))
			continue
		}
		if cmd, ok := res.Commands[0].(flow.SetRSVP); !ok || cmd.Answer != s.want {
			t.Errorf("%q: %+v, want %s", s.text, res.Commands[0], s.want)
		}
	}
	// At a choice step a sentence with a code answers the meeting as
	// TIDAK R-… would.
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.send(0, msg{text: "JADWAL"})
	res := c.send(1, msg{text: "kula saged rawuh R-AAAAAA, putu kula sampun sehat"})
	if commandNames(res) != "SetRSVP" {
		t.Fatalf("after JADWAL: %s %q", commandNames(res), replyText(res))
	}
}
