package flows_test

import (
	"context"
	"slices"
	"time"

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
		if !flows.ForGroup(s.text, false, c.sender) {
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

func (f *fixture) MeetingsPostedIn(ctx context.Context, jid string, c *domain.Contact, from time.Time, limit int) ([]domain.Meeting, error) {
	all, err := f.MeetingsFor(ctx, c, from, limit)
	var out []domain.Meeting
	for _, m := range all {
		if slices.Contains(f.posted[jid], m.Code) {
			out = append(out, m)
		}
	}
	return out, err
}

// TestGroupRSVPWithoutCode: "nggih hadir" in a group answers the one
// meeting posted into it, privately confirmed; with two it asks which;
// with none (or from a stranger) it stays quiet.
func TestGroupRSVPWithoutCode(t *testing.T) {
	const jid = "120363000000000001@g.us"
	g := rtGroup
	g.JID = jid
	for _, s := range []struct {
		text string
		want domain.RSVP
	}{{"nggih hadir", domain.RSVPHadir}, {"insyaallah rawuh", domain.RSVPHadir}, {"nggih, insyaallah hadir", domain.RSVPHadir},
		{"mboten saged", domain.RSVPTidak}, {"HADIR", domain.RSVPHadir}, {"punten teu tiasa sumping", domain.RSVPTidak}} {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		if !flows.ForGroup(s.text, false, c.sender) {
			t.Errorf("ForGroup(%q) is false", s.text)
		}
		c.fx.posted = map[string][]string{jid: {"R-AAAAAA"}}
		c.send(0, msg{text: "GAGASAN"})
		res := c.inGroup(g, s.text)
		if len(res.Commands) != 1 {
			t.Errorf("%q: %s %q", s.text, commandNames(res), replyText(res))
			continue
		}
		if cmd, ok := res.Commands[0].(flow.SetRSVP); !ok || cmd.Answer != s.want || cmd.MeetingID != 1 {
			t.Errorf("%q: %+v", s.text, res.Commands[0])
		}
		if !strings.Contains(replyText(res), "R-AAAAAA (Musyawarah Dusun") {
			t.Errorf("%q: the confirmation does not name the meeting: %q", s.text, replyText(res))
		}
		if c.sess.Flow != "gagasan" {
			t.Errorf("%q moved the private conversation: %+v", s.text, c.sess)
		}
	}
	// Talk that is no answer, with a meeting posted: quiet, not even read.
	talk := withMeetings(newConversation(t).registered(domain.GenderFemale))
	talk.fx.posted = map[string][]string{jid: {"R-AAAAAA"}}
	for _, text := range []string{"mboten saged mbukak file", "ora iso login", "hadir 3 orang kemarin", "saya ikut senang", "tidak", "TIDAK"} {
		if flows.ForGroup(text, false, talk.sender) {
			t.Errorf("ForGroup(%q) is true", text)
		}
		if res := talk.inGroup(g, text); len(res.Replies)+len(res.Commands) != 0 {
			t.Errorf("%q answered: %q %s", text, replyText(res), commandNames(res))
		}
	}
	// Posted into another group only, or into none: quiet.
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.fx.posted = map[string][]string{"120363000000000002@g.us": {"R-AAAAAA"}}
	if res := c.inGroup(g, "nggih hadir"); len(res.Replies)+len(res.Commands) != 0 {
		t.Fatalf("no meeting posted here: %q %s", replyText(res), commandNames(res))
	}
	// A stranger: quiet.
	s := withMeetings(newConversation(t))
	s.fx.posted = map[string][]string{jid: {"R-AAAAAA"}}
	if res := s.inGroup(g, "nggih hadir"); len(res.Replies)+len(res.Commands) != 0 {
		t.Fatalf("a stranger: %q %s", replyText(res), commandNames(res))
	}
	// Two meetings posted: which one, numbered, answered in private.
	c = withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.fx.posted = map[string][]string{jid: {"R-AAAAAA", "R-CCCCCC"}}
	res := c.inGroup(g, "insyaallah rawuh")
	if len(res.Commands) != 0 || !strings.Contains(replyText(res), "Rapat mana?") || !strings.Contains(replyText(res), "1.") {
		t.Fatalf("two meetings: %s %q", commandNames(res), replyText(res))
	}
	if res := c.send(1, msg{text: "1"}); commandNames(res) != "SetRSVP" {
		t.Fatalf("the pick: %s %q", commandNames(res), replyText(res))
	}
}

// TestGroupRSVPOutsideAudience: a member outside the meeting's audience
// answering its post in the group is told whom it is for, not "not found".
func TestGroupRSVPOutsideAudience(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	res := c.inGroup(rtGroup, "HADIR R-XXXXXX")
	if commandNames(res) != "" || !strings.Contains(replyText(res), "Rapat R-XXXXXX (Musyawarah Dusun) untuk warga Desa Wedomartani yang diundang") {
		t.Fatalf("outside the audience: %s %q", commandNames(res), replyText(res))
	}
	// In private chat the code stays unknown to them, as on the boards.
	if res := c.send(0, msg{text: "HADIR R-XXXXXX"}); !strings.Contains(replyText(res), "tidak ditemukan") {
		t.Fatalf("in private: %q", replyText(res))
	}
}

// TestGroupKeywordNudge: a registered resident's keyword in a group gets
// one short private nudge a day; a stranger's, nothing.
func TestGroupKeywordNudge(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.send(0, msg{text: "GAGASAN", want: []string{"tentang apa"}})
	res := c.inGroup(rtGroup, "GAGASAN lampu jalan gang mawar")
	if commandNames(res) != "" || replyText(res) != "Pesan di grup tidak kami baca. Kirim GAGASAN ke nomor ini secara pribadi." {
		t.Fatalf("the nudge: %s %q", commandNames(res), replyText(res))
	}
	if c.sess.Flow != "gagasan" {
		t.Fatalf("the nudge moved the private conversation: %+v", c.sess)
	}
	for _, text := range []string{"JADWAL", "PESAN PRIBADI", "DATA SAYA", "BANTUAN"} {
		if !flows.ForGroup(text, false, c.sender) {
			t.Errorf("ForGroup(%q) is false", text)
		}
		if res := c.inGroup(rtGroup, text); len(res.Replies) != 0 {
			t.Fatalf("a second nudge the same day: %q", replyText(res))
		}
	}
	c.now = c.now.Add(25 * time.Hour)
	if res := c.inGroup(rtGroup, "data saya"); !strings.Contains(replyText(res), "Kirim DATA SAYA ke nomor ini") {
		t.Fatalf("the next day: %q", replyText(res))
	}
	s := newConversation(t)
	if res := s.inGroup(rtGroup, "GAGASAN lampu jalan"); len(res.Replies)+len(res.Commands) != 0 {
		t.Fatalf("a stranger: %q", replyText(res))
	}
}
