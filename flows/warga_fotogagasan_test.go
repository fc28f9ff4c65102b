package flows_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestPhotoAfterGagasan: a photo sent with no flow to take it, within a
// day of the resident's gagasan that still waits without a photo, is
// offered to that gagasan: YA attaches it (and GAGASAN next does not take
// it again); TIDAK keeps it and its words for GAGASAN or ADUAN, as before;
// another message is read afresh, the photo kept. A gagasan older than a
// day, already discussed or with a photo is not offered.
func TestPhotoAfterGagasan(t *testing.T) {
	photo := "niki fotone got pasar sing banjir"
	ask := "Foto menika dipunlebetaken dhateng gagasan G-GOTPSR (Got pasar banjir)? Wangsuli YA utawi TIDAK."
	setup := func(t *testing.T, age time.Duration, s domain.Status) *conversation {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang, c.contact.Phone = "jv", "+6281234567055" // a resident, no TPK
		withOwnGagasan(c, "G-GOTPSR", "Got pasar banjir", s, c.now.Add(-age))
		return c
	}
	t.Run("YA attaches it", func(t *testing.T) {
		c := setup(t, 10*time.Minute, domain.StatusDiajukan)
		c.send(0, msg{text: photo, image: true, want: []string{ask}, notWant: []string{"Seratan Panjenengan"}, commands: []string{}})
		res := c.send(1, msg{text: "nggih", want: []string{"Foto sampun dipunlebetaken dhateng gagasan G-GOTPSR."}, commands: []string{"AttachGagasanPhoto"}})
		if got := res.Commands[0].(flow.AttachGagasanPhoto); got.Code != "G-GOTPSR" || got.PhotoID != 900 {
			t.Fatalf("%+v", got)
		}
		c.send(2, msg{text: "GAGASAN", notWant: []string{"Fotonipun tumut"}})
	})
	t.Run("TIDAK keeps the photo and its words as before", func(t *testing.T) {
		c := setup(t, 10*time.Minute, domain.StatusDiajukan)
		c.send(0, msg{text: photo, image: true, want: []string{ask}})
		c.send(1, msg{text: "mboten", want: []string{"Seratan Panjenengan sampun kacathet"}, commands: []string{}})
		res := c.send(2, msg{text: "GAGASAN", want: []string{"Fotonipun tumut kacathet"}, commands: []string{"CreateGagasan"}})
		if g := res.Commands[0].(flow.CreateGagasan).Gagasan; g.PhotoID == nil || *g.PhotoID != 900 || g.Description != photo {
			t.Fatalf("%+v", g)
		}
	})
	t.Run("another message is read afresh", func(t *testing.T) {
		c := setup(t, 10*time.Minute, domain.StatusDiajukan)
		c.send(0, msg{text: photo, image: true, want: []string{ask}})
		res := c.send(1, msg{text: "GAGASAN", want: []string{"Fotonipun tumut kacathet"}, commands: []string{"CreateGagasan"}})
		if g := res.Commands[0].(flow.CreateGagasan).Gagasan; g.PhotoID == nil || *g.PhotoID != 900 {
			t.Fatalf("%+v", g)
		}
	})
	t.Run("at the offer after a one-message gagasan", func(t *testing.T) {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang, c.contact.Phone = "jv", "+6281234567055" // a resident, no TPK
		c.send(0, msg{text: "GAGASAN got pasar banjir saben udan, kedah dipundandosi", commands: []string{"CreateGagasan"}})
		withOwnGagasan(c, "G-TEST01", "Got pasar banjir", domain.StatusDiajukan, c.now) // the store's part
		c.send(1, msg{text: photo, image: true, want: []string{"gagasan G-TEST01 (Got pasar banjir)? Wangsuli YA"}, notWant: []string{"Menu"}})
		c.send(2, msg{text: "ya", commands: []string{"AttachGagasanPhoto"}})
	})
	for _, tc := range []struct {
		name string
		age  time.Duration
		s    domain.Status
	}{
		{"a gagasan older than a day", 25 * time.Hour, domain.StatusDiajukan},
		{"a gagasan already discussed", time.Hour, domain.StatusDibahas},
		{"a gagasan withdrawn", time.Hour, domain.StatusDitarik},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := setup(t, tc.age, tc.s)
			c.send(0, msg{text: photo, image: true, want: []string{"Seratan Panjenengan sampun kacathet"}, notWant: []string{"dipunlebetaken"}})
		})
	}
	t.Run("a gagasan with a photo", func(t *testing.T) {
		c := setup(t, time.Hour, domain.StatusDiajukan)
		p := int64(5)
		c.fx.gagasan["G-GOTPSR"].PhotoID = &p
		c.send(0, msg{text: photo, image: true, want: []string{"Seratan Panjenengan sampun kacathet"}, notWant: []string{"dipunlebetaken"}})
	})
}
