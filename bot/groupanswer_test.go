package bot_test

import (
	"strings"
	"testing"
)

// TestGroupRSVPWithoutCodePipeline: "nggih hadir" in the group is quiet
// while no invitation was posted there; once one was, it is recorded for
// the member and confirmed privately, naming the meeting; a stranger's is
// quiet and keeps nothing.
func TestGroupRSVPWithoutCodePipeline(t *testing.T) {
	h := groupHarness(t)
	var after int64
	postInGroup(t, h, groupMsg{id: "c1", from: grpSiti, text: "nggih hadir"})
	if got := sentTo(t, h.Store, &after); len(got) != 0 {
		t.Fatalf("no invitation in the group yet: %v", got)
	}
	// The invitation's post into the group, as the fan-out queues it.
	if _, err := h.Store.DB().Exec(`INSERT INTO outbound_messages (channel, to_phone, to_group, text, kind, status)
		SELECT channel, jid, id, 'Undangan Musdes R-GRUPAA. Balas HADIR R-GRUPAA ke nomor ini secara pribadi.', 'group', 'sent'
		FROM wa_groups WHERE jid = $1`, grpJID); err != nil {
		t.Fatal(err)
	}
	sentTo(t, h.Store, &after)
	postInGroup(t, h, groupMsg{id: "c2", from: grpSiti, text: "nggih, insyaallah hadir"})
	postInGroup(t, h, groupMsg{id: "c3", from: grpBambang, text: "mboten saged"})
	postInGroup(t, h, groupMsg{id: "c4", from: grpNobody, text: "nggih hadir"})
	got := sentTo(t, h.Store, &after)
	if len(got) != 2 || len(got[string(grpSiti)]) != 1 || !strings.Contains(got[string(grpSiti)][0], "HADIR untuk R-GRUPAA") ||
		len(got[string(grpBambang)]) != 1 || !strings.Contains(got[string(grpBambang)][0], "R-GRUPAA") || got[grpJID] != nil {
		t.Fatalf("the answers' confirmations: %v", got)
	}
	var answers []string
	if err := h.Store.DB().Select(&answers, `SELECT c.phone || ' ' || i.rsvp FROM invitations i JOIN meetings m ON m.id = i.meeting_id
		JOIN contacts c ON c.id = i.contact_id WHERE m.code = 'R-GRUPAA' AND i.rsvp <> '' ORDER BY c.phone`); err != nil {
		t.Fatal(err)
	}
	if strings.Join(answers, ",") != string(grpSiti)+" HADIR,"+string(grpBambang)+" TIDAK" {
		t.Fatalf("answers %v", answers)
	}
	var contacts int
	_ = h.Store.DB().Get(&contacts, `SELECT count(*) FROM contacts WHERE phone = $1`, string(grpNobody))
	if contacts != 0 {
		t.Fatal("a stranger's answer in a group created a contact")
	}
}
