package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The conversation of the persona Bu Sri (54, a market seller writing
// Javanese krama and ngoko mixed, counting every SMS): 17 of her 69
// messages were answered "dereng mangertos". Each finding, as she wrote it.

const notUnderstood = "dereng mangertos"

// sri is a registered resident writing Basa Jawa, with the meetings of
// withMeetings coming and no answer given to any.
func sri(t *testing.T) *conversation {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.contact.Lang = flow.LangJV
	c.contact.Phone = "+6281234567999" // on no kegiatan's TPK
	c.fx.rsvps = map[int64]domain.RSVP{}
	return c
}

// TestSriPoliteOpener: "nyuwun sewu" or "eh sida ding" before a complaint
// or an idea drops nothing: the complaint starts with her text, the idea
// is saved.
func TestSriPoliteOpener(t *testing.T) {
	story := "sy badhe matur, got cedhak pasar niku saben jawah mesthi banjir lha lapak kula teles kabeh"
	for _, text := range []string{story, "nyuwun sewu " + story, "sugeng enjing bu, " + story, "ngapunten pak, " + story} {
		c := sri(t)
		c.run([]msg{{text: text, want: []string{"kintun satunggal foto"}, notWant: []string{notUnderstood}, commands: []string{}}})
		if c.sess.Flow != flows.FlowAduan || sessField(c.sess, "text") == "" {
			t.Errorf("%q: session %+v, want the complaint with its text", text, c.sess)
		}
	}
	c := sri(t)
	c.run([]msg{{text: "eh sida ding. kula badhe usul got cedhak pasar didandosi", notWant: []string{notUnderstood},
		commands: []string{"CreateGagasan"}}})
	if d := c.saved[0].Description; d != "got cedhak pasar didandosi" {
		t.Errorf("description %q", d)
	}
}

// TestSriCancelInWords: "mboten sida" and its kin cancel at any step of a
// flow; at the complaint's photo question it no longer reads as "no photo"
// and moves her forward.
func TestSriCancelInWords(t *testing.T) {
	for _, text := range []string{"eh mboten sida", "mboten sida", "mboten sida kok, wurung mawon", "ora sido", "gak jadi",
		"nggak jadi deh", "teu jadi", "batal wae"} {
		// At the complaint's photo question.
		c := sri(t)
		c.run([]msg{{text: "ADUAN"}, {text: "got cedhak pasar mampet"},
			{text: text, want: []string{"Dipunbatalaken"}, notWant: []string{"tanpa asma"}, commands: []string{}}})
		if !c.sess.Idle() {
			t.Errorf("%q at the photo: session %+v", text, c.sess)
		}
		// At the gagasan's category, and at its dusun question.
		g := sri(t)
		g.run([]msg{{text: "GAGASAN"}, {text: text, want: []string{"Dipunbatalaken"}, notWant: []string{"Pilihan menika mboten wonten"}}})
		d := sri(t)
		d.run([]msg{{text: "GAGASAN"}, {text: "1"}, {text: "Got pasar"}, {text: "Saben jawah banjir"}})
		if d.sess.Step != "dusun" {
			t.Fatalf("at %q, want the dusun question", d.sess.Step)
		}
		d.run([]msg{{text: text, want: []string{"Dipunbatalaken"}, commands: []string{}}})
		if !d.sess.Idle() {
			t.Errorf("%q at the dusun: session %+v", text, d.sess)
		}
	}
}

// TestSriSkippedAnswersCount: four answers of which one was a skip are
// not thrown away by one "wurung": she is asked first.
func TestSriSkippedAnswersCount(t *testing.T) {
	c := sri(t)
	delete(c.fx.dusuns, "34.04.11.2002") // no dusun question: three answers given, one skipped
	c.contact.DusunID = 0
	c.run([]msg{{text: "GAGASAN"}, {text: "1"}, {text: "Got pasar"}, {text: "Saben jawah banjir"}, {text: "LEWATI"}})
	if c.sess.Step != "households" {
		t.Fatalf("at %q, want the households", c.sess.Step)
	}
	c.run([]msg{{text: "wurung", want: []string{"Batalaken sedaya gagasan menika"}, commands: []string{}}})
	if c.sess.Step != "cancel" {
		t.Fatalf("at %q, want the cancel question", c.sess.Step)
	}
	c.run([]msg{{text: "mboten", want: []string{"kulawarga"}}})
	if g := gagasanState(t, c.sess); g.Title != "Got pasar" {
		t.Errorf("draft lost: %+v", g)
	}
}

// TestSriCantComeWithoutRawuh: with an invitation open and no step
// waiting, "mboten saged, wonten pasar" is TIDAK to it, named in the
// reply; after her HADIR, it changes that answer. In a gagasan's text the
// same words are text.
func TestSriCantComeWithoutRawuh(t *testing.T) {
	for _, text := range []string{"mboten saged, wonten pasar", "eh mboten sida, mboten saged, wonten pasar",
		"gak bisa pak ada acara", "teu tiasa, aya kaperluan"} {
		c := sri(t)
		delete(c.fx.meetings, "R-CCCCCC") // one invitation open
		res := c.send(0, msg{text: text, want: []string{"TIDAK kangge R-AAAAAA"}, notWant: []string{notUnderstood},
			commands: []string{"SetRSVP"}})
		if r := res.Commands[0].(flow.SetRSVP); r.Answer != domain.RSVPTidak || r.MeetingID != 1 {
			t.Errorf("%q: %+v", text, r)
		}
		// Two coming, one answered HADIR: that one.
		h := sri(t)
		h.fx.rsvps[3] = domain.RSVPHadir
		res = h.send(0, msg{text: text, want: []string{"TIDAK kangge R-CCCCCC"}, commands: []string{"SetRSVP"}})
		if r := res.Commands[0].(flow.SetRSVP); r.Answer != domain.RSVPTidak || r.MeetingID != 3 {
			t.Errorf("%q after HADIR: %+v", text, r)
		}
		// Two coming, none answered: which one is asked.
		w := sri(t)
		w.run([]msg{{text: text, want: []string{"R-AAAAAA", "R-CCCCCC"}, commands: []string{}}})
		// No meeting coming: no answer to one.
		n := sri(t)
		n.fx.meetings = nil
		n.run([]msg{{text: text, commands: []string{}, notWant: []string{"TIDAK kangge"}}})
		// Inside a gagasan's description it is the text.
		g := sri(t)
		g.run([]msg{{text: "GAGASAN"}, {text: "1"}, {text: "Got pasar"}, {text: text, commands: []string{}, notWant: []string{"TIDAK kangge"}}})
		if g.sess.Flow != flows.FlowGagasan {
			t.Errorf("%q in a description: session %+v", text, g.sess)
		}
	}
}

// TestSriAnonymityInWords: the complaint's anonymity question answered in
// words; words it cannot read get a short hint, not the question again.
func TestSriAnonymityInWords(t *testing.T) {
	for text, anon := range map[string]bool{"ngagem nami kula mawon": false, "pakai nama saya": false, "nganggo jenengku": false,
		"nganggo nami": false, "ngangge nami abdi": false, "tanpa nama aja": true, "rahasiakan": true} {
		c := sri(t)
		c.run([]msg{{text: "ADUAN"}, {text: "got cedhak pasar mampet"}, {text: "LEWATI"}})
		res := c.send(3, msg{text: text, commands: []string{"CreateComplaint"}})
		if got := res.Commands[0].(flow.CreateComplaint).Complaint.Anonymous; got != anon {
			t.Errorf("%q: anonymous %v, want %v", text, got, anon)
		}
	}
	c := sri(t)
	c.run([]msg{{text: "ADUAN"}, {text: "got cedhak pasar mampet"}, {text: "LEWATI"},
		{text: "pripun niku", want: []string{"Wangsuli 1 menawi tanpa asma"}, notWant: []string{"Kintun aduan tanpa asma?"}, commands: []string{}}})
}

// TestSriIdleQuestions: the menu asked for, greetings, the cost, joining a
// WhatsApp group and coming late, each answered in one short message.
func TestSriIdleQuestions(t *testing.T) {
	menu := flow.Render(flow.LangJV, flow.MsgMenu, nil)
	for _, tc := range []struct{ text, want string }{
		{"menune pundi", menu}, {"menune endi", menu}, {"menuna mana", menu}, {"mana menunya", menu}, {"minta menu", menu},
		{"halo", "Sugeng pinanggih"}, {"kula nuwun", "Sugeng pinanggih"}, {"sugeng enjing bu", "Sugeng pinanggih"},
		{"punten", "Sugeng pinanggih"}, {"assalamualaikum", "Sugeng pinanggih"},
		{"niki gratis mboten?", "Nampi pesen saking Suara Desa gratis"},
		{"sms niki mbayar mboten? pulsa kula kepotong?", "tarif SMS biasa"}, {"bayar gak?", "kuota data"},
		{"gratis teu?", "gratis"},
		{"kula pengin mlebet grup wa rt 03, pripun carane?", "Suara Desa mboten saged nglebetaken tiyang"},
		{"cara masuk grup wa desa", "KPMD utawi admin grupipun"},
		{"menawi kula telat pripun", flow.Render(flow.LangJV, flow.MsgRSVPHow, nil)},
	} {
		c := sri(t).bySMS()
		res := c.send(0, msg{text: tc.text, want: []string{tc.want}, notWant: []string{notUnderstood}, commands: []string{}})
		if len(res.Replies) != 1 || len([]rune(res.Replies[0].Text)) > 160 && tc.want != menu {
			t.Errorf("%q: %d replies, %q: more than one SMS", tc.text, len(res.Replies), res.Replies[0].Text)
		}
	}
	// Greeted in her language.
	for lang, want := range map[string]string{flow.LangID: "Halo, Bapak/Ibu", flow.LangSU: "Wilujeng"} {
		c := sri(t)
		c.contact.Lang = lang
		c.run([]msg{{text: "sugeng enjing", want: []string{want}}})
	}
}

// TestSriCostDuringConsent: asked at the consent question, the cost is
// answered and the consent question waits.
func TestSriCostDuringConsent(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{{text: "kula nuwun"},
		{text: "sms niki mbayar mboten? pulsa kula kepotong?", want: []string{"gratis", "pitakenan wau"}, commands: []string{}}})
	step := c.sess.Step
	c.run([]msg{{text: "nggih", commands: []string{"GiveConsent"}}})
	if step == "" {
		t.Error("the consent question was lost")
	}
}

// TestSriDeleteAGagasanInWords: deleting a gagasan in words is TARIK,
// which asks which and confirms; "sing nomer 1 dibusak mawon" after a
// STATUS list is TARIK of that one, not its status.
func TestSriDeleteAGagasanInWords(t *testing.T) {
	for _, text := range []string{"niku dibusak mawon, kula mboten sida ngintun kalih", "hapus usulan saya yang dobel",
		"usulan kula dibatalke", "dibusak mawon"} {
		c := sri(t)
		c.contact.ID = 7
		c.fx.gagasan["G-7KM4XA"].Status = domain.StatusDiajukan
		c.run([]msg{{text: text, want: []string{"Tarik gagasan G-7KM4XA"}, notWant: []string{notUnderstood}, commands: []string{}}})
		c.run([]msg{{text: "nggih", want: []string{"sampun dipuntarik"}, commands: []string{"WithdrawGagasan"}}})
	}
	c := sri(t)
	c.fx.gagasan["G-7KM4XA"].Status = domain.StatusDiajukan
	c.run([]msg{{text: "STATUS", want: []string{"1. G-7KM4XA"}},
		{text: "sing nomer 1 dibusak mawon", want: []string{"Tarik gagasan G-7KM4XA"}, commands: []string{}},
		{text: "nggih", commands: []string{"WithdrawGagasan"}}})
}
