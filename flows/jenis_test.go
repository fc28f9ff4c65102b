package flows_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestJenisKeepsText: at "gagasan atau aduan?" a word for a complaint or
// an idea picks it with the first message's text; a yes or an unclear
// answer asks again once, the text kept; a long message or a command
// with its words is a new message.
func TestJenisKeepsText(t *testing.T) {
	// Only the Javanese "badhe matur" leads here (the Indonesian and
	// Sundanese openings are not read as a complaint); the answers are
	// read in the contact's language.
	told := "kula badhe matur, saluran irigasi teng kejambon rusak, sabin kula garing sedaya"
	const (
		complaint = "complaint" // ADUAN goes on with the text
		idea      = "idea"      // GAGASAN files the text
		again     = "again"     // the question is asked again, the text kept
		fresh     = "fresh"     // read as a new message
	)
	for _, tc := range []struct {
		lang, reply, want string
	}{
		{flow.LangID, "laporan", complaint},
		{flow.LangID, "keluhan", complaint},
		{flow.LangID, "ini aduan saja", complaint},
		{flow.LangID, "mau ngadu", complaint},
		{flow.LangID, "ADUAN", complaint},
		{flow.LangID, "2", complaint},
		{flow.LangID, "usul", idea},
		{flow.LangID, "perbaikan", idea},
		{flow.LangID, "gagasan", idea},
		{flow.LangID, "bukan aduan, usul", idea},
		{flow.LangID, "aduan atau usul ya", again},
		{flow.LangID, "bukan aduan", again},
		{flow.LangID, "ya", again},
		{flow.LangID, "hmm", again},
		{flow.LangID, "yang mana ya", again},
		{flow.LangID, "STATUS", fresh},
		{flow.LangID, "ADUAN lampu jalan di RT 03 mati sudah seminggu", fresh},
		{flow.LangID, "oh iya satu lagi, lampu jalan di depan balai desa mati sudah seminggu", fresh},
		{flow.LangJV, "laporan", complaint},
		{flow.LangJV, "sambat", complaint},
		{flow.LangJV, "nggih", again},
		{flow.LangJV, "usul mboten sambat", idea},
		{flow.LangJV, "usulan", idea},
		{flow.LangJV, "ndandosi", idea},
		{flow.LangSU, "keluhan", complaint},
		{flow.LangSU, "ngadu", complaint},
		{flow.LangSU, "muhun", again},
		{flow.LangSU, "usul", idea},
	} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = tc.lang
		c.contact.Phone = "+6281234567999"
		c.run([]msg{{text: told, commands: []string{}}})
		text := sessField(c.sess, "text")
		if c.sess.Flow != flows.FlowPilih || text == "" {
			t.Fatalf("%s: %q not asked gagasan or aduan: session %+v", tc.lang, told, c.sess)
		}
		question := flow.Render(tc.lang, flow.MsgAskJenis, nil)
		res := c.send(1, msg{text: tc.reply})
		said := ""
		for _, r := range res.Replies {
			said += r.Text + "\n"
		}
		switch tc.want {
		case complaint:
			if c.sess.Flow != flows.FlowAduan || sessField(c.sess, "text") != text {
				t.Errorf("%s %q: session %+v, want the complaint with %q; said %q", tc.lang, tc.reply, c.sess, text, said)
			}
		case idea:
			if len(c.saved) == 0 || c.saved[0].Description != text {
				t.Errorf("%s %q: saved %+v, want the gagasan %q; said %q", tc.lang, tc.reply, c.saved, text, said)
			}
		case again:
			if c.sess.Flow != flows.FlowPilih || sessField(c.sess, "text") != text || !strings.Contains(said, question) {
				t.Errorf("%s %q: session %+v said %q, want the question again", tc.lang, tc.reply, c.sess, said)
				continue
			}
			// Asked once more only: a second unclear answer is read afresh.
			c.send(2, msg{text: tc.reply})
			if c.sess.Flow == flows.FlowPilih && c.sess.Step == "jenis" {
				t.Errorf("%s %q twice: still asked", tc.lang, tc.reply)
			}
		case fresh:
			if c.sess.Flow == flows.FlowPilih && c.sess.Step == "jenis" || strings.Contains(said, question) ||
				c.sess.Flow == flows.FlowAduan && sessField(c.sess, "text") == text || len(c.saved) > 0 {
				t.Errorf("%s %q: session %+v said %q, want a new message", tc.lang, tc.reply, c.sess, said)
			}
		}
	}
}
