package flows_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// withOwnGagasan gives the fixture's resident (contact 7, Dusun Kejambon)
// a gagasan at stage s, sent at `at`.
func withOwnGagasan(c *conversation, code, title string, s domain.Status, at time.Time) {
	id, dusun := int64(7), int64(11)
	c.fx.gagasan[code] = &domain.Gagasan{Code: code, SenderID: &id, Title: title, Status: s, DesaKode: "34.04.11.2002",
		DusunID: &dusun, DusunNama: "Kejambon", CreatedAt: at}
}

// TestWhenIsMyIdeaDiscussed: "usul kula dirembag kapan?" answers, for each
// of her gagasan still in the cycle, the meeting of its stage — with its
// day, hour and place when scheduled, else that it is not yet and she
// will be told — in one message, not the STATUS list; without such a
// gagasan it is the STATUS list.
func TestWhenIsMyIdeaDiscussed(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)
	t.Run("jv, a Musdus scheduled and a Musdes not", func(t *testing.T) {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		c.contact.Lang = "jv"
		dusun := int64(11)
		c.fx.meetings["R-AAAAAA"].DusunID = &dusun
		withOwnGagasan(c, "G-GOTPSR", "Got pasar", domain.StatusDiajukan, t0)
		withOwnGagasan(c, "G-TARIK1", "Lampu", domain.StatusDitarik, t0.Add(time.Hour))
		res := c.send(0, msg{text: "usul kula dirembag kapan? rapat dusune kapan", want: []string{
			"G-GOTPSR Got pasar: dipunrembag ing Musyawarah Dusun Kejambon (R-AAAAAA), Setu 5 Desember 2026 jam 09.00 WIB ing Balai Dusun Kejambon.",
			"G-7KM4XA Jalan Kejambon: dipunrembag ing Musyawarah Desa Perencanaan, ingkang dereng dipunjadwal; Panjenengan badhe dipunkabari.",
		}, notWant: []string{"G-TARIK1", "Gagasan Panjenengan"}, commands: []string{}})
		if len(res.Replies) != 1 {
			t.Fatalf("%d replies", len(res.Replies))
		}
	})
	t.Run("id, another dusun's Musdus is not hers", func(t *testing.T) {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		other := int64(12)
		c.fx.meetings["R-AAAAAA"].DusunID = &other
		withOwnGagasan(c, "G-GOTPSR", "Got pasar", domain.StatusDiajukan, t0)
		c.send(0, msg{text: "kapan usulan saya dibahas?", want: []string{
			"G-GOTPSR Got pasar: dibahas di Musyawarah Dusun Kejambon, yang belum dijadwalkan; Bapak/Ibu akan diberi kabar."},
			notWant: []string{"R-AAAAAA"}})
	})
	t.Run("su, a Musdes Perencanaan scheduled", func(t *testing.T) {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		c.contact.Lang = "su"
		c.fx.meetings["R-CCCCCC"].Type = domain.MeetingMusdesPerencanaan
		c.send(0, msg{text: "iraha usulan abdi dibahas?", want: []string{
			"G-7KM4XA Jalan Kejambon: dibahas di Musyawarah Desa Perencanaan (R-CCCCCC), Senén 7 Désémber 2026 jam 13.00 WIB di Balai Desa."}})
	})
	t.Run("nothing left to discuss: the STATUS list", func(t *testing.T) {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		c.fx.gagasan["G-7KM4XA"].Status = domain.StatusDitolak
		c.send(0, msg{text: "kapan usulan saya dibahas?", want: []string{"Gagasan Bapak/Ibu", "G-7KM4XA"}})
	})
}

// TestStatusListOpenFirst: the STATUS list puts a gagasan withdrawn (or
// rejected, or merged) after those still in the cycle, even when it is
// newer; "1" then is the open one.
func TestStatusListOpenFirst(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	t0 := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)
	withOwnGagasan(c, "G-GOTPSR", "Got pasar", domain.StatusDiajukan, t0)
	withOwnGagasan(c, "G-TARIK1", "Got pasar banjir", domain.StatusDitarik, t0.Add(time.Hour))
	res := c.send(0, msg{text: "STATUS"})
	text := res.Replies[0].Text
	open, tarik, old := strings.Index(text, "G-GOTPSR"), strings.Index(text, "G-TARIK1"), strings.Index(text, "G-7KM4XA")
	if open < 0 || tarik < 0 || old < 0 || !(open < old && old < tarik) || !strings.Contains(text, "1. G-GOTPSR") {
		t.Fatalf("open gagasan newest first, then the withdrawn one:\n%s", text)
	}
	c.send(1, msg{text: "1", want: []string{"G-GOTPSR"}, notWant: []string{"G-TARIK1"}})
}
