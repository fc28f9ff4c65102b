package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestPesanPribadiWinsOverAChoice: PESAN PRIBADI / PESAN GRUP and their
// natural forms, written while UNDANG R-…'s numbered choice waits, set the
// wish; they do not move the meeting.
func TestPesanPribadiWinsOverAChoice(t *testing.T) {
	for text, on := range map[string]bool{
		"pesan pribadi": true, "PESAN GRUP": false, "kula nyuwun dikirimi pesen pribadi mawon": true,
		"cekap lewat grup mawon": false, "cekap lumantar grup": false,
	} {
		c := withMeetings(kpmd(newConversation(t)))
		c.send(0, msg{text: "UNDANG R-AAAAAA", want: []string{"memindah"}})
		res := c.send(1, msg{text: text})
		if len(res.Commands) != 1 {
			t.Errorf("%q at the choice: %s %q", text, commandNames(res), replyText(res))
			continue
		}
		if cmd, ok := res.Commands[0].(flow.SetWantsPersonal); !ok || cmd.On != on {
			t.Errorf("%q: %+v", text, res.Commands[0])
		}
		if c.sess.Flow != "" {
			t.Errorf("%q left the choice waiting: %+v", text, c.sess)
		}
	}
}

// TestPesanGrupAtThePreview: at the KIRIM preview "kirim lewat grup saja"
// speaks of the invitation; the draft is not dropped for PESAN GRUP.
func TestPesanGrupAtThePreview(t *testing.T) {
	k := withMeetings(kpmd(newConversation(t)))
	k.run([]msg{
		{text: "undang musdus kejambon", want: []string{"Kapan?"}},
		{text: "25/12 09.00", want: []string{"Di mana tempatnya"}},
		{text: "Balai Dusun Kejambon", want: []string{"Gagasan yang menunggu"}},
		{text: "1", want: []string{"Pratinjau"}},
	})
	res := k.send(5, msg{text: "kirim lewat grup saja"})
	for _, c := range res.Commands {
		if _, ok := c.(flow.SetWantsPersonal); ok {
			t.Fatalf("the preview's words set PESAN GRUP: %q", replyText(res))
		}
	}
}
