package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// TestCancelMeetingInWords: "batalkan rapat R-…" and its Javanese and
// Sundanese forms start UNDANG R-…'s cancel confirmation, with its role
// check; "undang musdus kejambon" starts UNDANG with the type.
func TestCancelMeetingInWords(t *testing.T) {
	for _, text := range []string{"batalkan rapat R-AAAAAA", "batal R-AAAAAA", "R-AAAAAA dibatalke wae", "bolaykeun rapat R-AAAAAA"} {
		c := withMeetings(kpmd(newConversation(t)))
		c.run([]msg{
			{text: text, want: []string{"Batalkan R-AAAAAA? Semua undangan akan diberi tahu"}, commands: []string{}},
			{text: "ya", want: []string{"Rapat R-AAAAAA dibatalkan"}, commands: []string{"CancelMeeting"}},
		})
	}
	// At a question with choices too (UNDANG R-…'s "Balas 1 untuk memindah…").
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG R-AAAAAA", want: []string{"memindah"}},
		{text: "R-AAAAAA dibatalke wae", want: []string{"Batalkan R-AAAAAA?"}},
	})
	// A resident may not; a meeting of another desa is not the KPMD's.
	r := withMeetings(newConversation(t).registered(domain.GenderMale))
	r.run([]msg{{text: "batalkan rapat R-AAAAAA", want: []string{"hanya untuk kader"}, commands: []string{}}})
	k := withMeetings(kpmd(newConversation(t)))
	k.run([]msg{{text: "batalkan rapat R-XXXXXX", notWant: []string{"Batalkan R-XXXXXX?"}, commands: []string{}}})
	// UNDANG with the type in words, not a code.
	u := withMeetings(kpmd(newConversation(t)))
	u.run([]msg{
		{text: "undang musdus kejambon", notWant: []string{"bukan kode rapat", "Rapat apa"}, want: []string{"Kapan? Contoh"}},
	})
	u = withMeetings(kpmd(newConversation(t)))
	u.run([]msg{{text: "undang musyawarah dusun kejambon", notWant: []string{"bukan kode rapat"}, want: []string{"Kapan? Contoh"}}})
	u = withMeetings(kpmd(newConversation(t)))
	u.run([]msg{{text: "UNDANG musdus", want: []string{"Siapa yang diundang?"}}})
	u.run([]msg{{text: "UNDANG R-AAAAA", want: []string{"bukan kode rapat"}}})
}

// TestPreviewGroupLine: the KIRIM preview's group line names SMS only
// when some invitees are on SMS, and says so when the group post reaches
// nobody who would not get a personal message anyway.
func TestPreviewGroupLine(t *testing.T) {
	for _, c := range []struct {
		reach         domain.GroupReach
		want, notWant string
	}{
		{domain.GroupReach{Groups: 1, ByGroup: 25, Personal: 15}, "25 warga anggotanya tidak mendapat pesan pribadi. Pesan pribadi: 15 warga.", "SMS"},
		{domain.GroupReach{Groups: 1, ByGroup: 0, Personal: 40, SMS: 3}, "tidak ada warga undangan yang hanya dijangkau grup itu: 40 warga tetap mendapat pesan pribadi", " 0 warga"},
		{domain.GroupReach{Groups: 1, ByGroup: 25, Personal: 15, SMS: 6}, "Pesan pribadi: 15 warga, 6 di antaranya lewat SMS", "tidak ada warga"},
	} {
		k := withMeetings(kpmd(newConversation(t)))
		k.fx.reach = &c.reach
		k.run([]msg{
			{text: "undang musdus kejambon", want: []string{"Kapan?"}},
			{text: "25/12 09.00", want: []string{"Di mana tempatnya"}},
			{text: "Balai Dusun Kejambon", want: []string{"Gagasan yang menunggu"}},
			{text: "1", want: []string{"Pratinjau", c.want}, notWant: []string{c.notWant}},
		})
	}
}
