package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestSecondHalfOfAGagasanIsKept: a message right after a one-message
// gagasan was saved that is more of it (Sumi's second SMS, Ujang's
// correction) is added to its description, in the sender's words; never
// dropped for the menu.
func TestSecondHalfOfAGagasanIsKept(t *testing.T) {
	for _, tc := range []struct {
		lang, first, more, want string
	}{
		{flow.LangJV, "GAGASAN kula badhe usul, kalen irigasi ing sawah wetan jebol",
			"toyane mboten dugi sawah, mbok menawi saged didandosi. petani 20an kk", "wuwuhaken dhateng G-TEST01"},
		{flow.LangSU, "GAGASAN abdi aya usul, solokan di RT 02 mampet",
			"eh, lain, lokasina di RT 03", "tambihkeun kana G-TEST01"},
		{flow.LangID, "GAGASAN lampu jalan di RT 02 mati semua",
			"bukan RT 02 tapi RT 03", "Ditambahkan ke G-TEST01"},
		{flow.LangSU, "GAGASAN jalan ka sawah ruksak",
			"lain RT 02 tapi RT 03", "tambihkeun kana G-TEST01"},
	} {
		c := newConversation(t).registered(domain.GenderFemale).bySMS()
		c.contact.Lang = tc.lang
		c.run([]msg{{text: tc.first, want: []string{"G-TEST01"}, commands: []string{"CreateGagasan"}}})
		added := c.send(1, msg{text: tc.more, want: []string{tc.want}, commands: []string{"AddGagasanText"}})
		if a := added.Commands[0].(flow.AddGagasanText); a.Code != "G-TEST01" || a.Text != tc.more {
			t.Errorf("%s: added %+v, want the sender's words to G-TEST01", tc.lang, a)
		}
		res := c.send(2, msg{text: "rusakipun kinten2 tigang wulan", commands: []string{"AddGagasanText"}})
		if res.Session.Flow != "detail" {
			t.Errorf("%s: the offer closed after a second addition: %+v", tc.lang, res.Session)
		}
		for _, r := range res.Replies {
			t.Logf("%s SMS: %q", tc.lang, r.Text)
		}
		c.run([]msg{{text: "MENU", want: []string{"Suara Desa:"}, commands: []string{}}})
		// A new idea asked for in words is a gagasan of its own.
		n := newConversation(t).registered(domain.GenderFemale).bySMS()
		n.contact.Lang = tc.lang
		n.run([]msg{{text: tc.first}, {text: "abdi aya usul deui, lampu jalan di gang mawar pareum", commands: []string{"CreateGagasan"}}})
		if got := n.saved[1].Title; got != "Lampu jalan di gang mawar pareum" {
			t.Errorf("%s: second gagasan titled %q", tc.lang, got)
		}
		// Thanks after the offer adds nothing.
		th := newConversation(t).registered(domain.GenderFemale).bySMS()
		th.contact.Lang = tc.lang
		th.run([]msg{{text: tc.first}, {text: "terima kasih ya", commands: []string{}}, {text: "matur nuwun", commands: []string{}}})
	}
}

// TestPlaceNumberIsNoCount: at the households question, a number after
// RT/RW/jam/dusun or in a sentence about a place is no count: the words
// are kept as detail and the question is asked again; a count word or a
// bare number is still a count.
func TestPlaceNumberIsNoCount(t *testing.T) {
	for _, tc := range []struct{ lang, place, wrong string }{
		{flow.LangSU, "eh, lain, lokasina di RT 03", "Tina 3 KK"},
		{flow.LangID, "bukan RT 02 tapi RT 03", "Dari 3 KK"},
		{flow.LangJV, "sanes RT 02, nanging RT 03", "Saking 3 KK"},
	} {
		// The detail flow of a one-message gagasan, by SMS.
		c := newConversation(t).registered(domain.GenderMale).bySMS()
		c.contact.Lang = tc.lang
		c.run([]msg{
			{text: "GAGASAN solokan di RT 02 mampet, cai ngagenang", commands: []string{"CreateGagasan"}},
			{text: "1"}, {text: "1"},
		})
		res := c.send(3, msg{text: tc.place, notWant: []string{tc.wrong}, commands: []string{"AddGagasanText"}})
		if a := res.Commands[0].(flow.AddGagasanText); a.Text != tc.place {
			t.Errorf("%s: kept %q", tc.lang, a.Text)
		}
		for _, r := range res.Replies {
			t.Logf("%s SMS: %q", tc.lang, r.Text)
		}
		c.run([]msg{{text: "kinten 12 kk", want: []string{"12 KK"}}})

		// The guided flow: the words join the description.
		g := newConversation(t).registered(domain.GenderMale)
		g.contact.Lang = tc.lang
		g.run([]msg{
			{text: "GAGASAN"}, {text: "1"}, {text: "Solokan mampet"}, {text: "cai ngagenang di jalan"},
			{text: "1"}, {text: "lewati"},
			{text: tc.place, notWant: []string{tc.wrong}},
			{text: "12", want: []string{"12 KK"}}, {text: "3"}, {text: "lewati"},
			{text: "YA", commands: []string{"CreateGagasan"}},
		})
		if d := g.saved[0].Description; d != "cai ngagenang di jalan\n"+tc.place {
			t.Errorf("%s: description %q", tc.lang, d)
		}
	}
}

// filedDraft runs a KPMD's GAGASAN UNTUK to its summary: a long draft.
func filedDraft(t *testing.T, lang string) *conversation {
	c := kpmd(newConversation(t))
	c.contact.Lang = lang
	c.run([]msg{
		{text: "GAGASAN UNTUK"}, {text: "Mbah Painem"}, {text: "sambiroto"}, {text: "1"}, {text: "0813 2222 3333"},
		{text: "1"}, {text: "Jalan setapak ke sawah"}, {text: "Licin dan berlumpur saat hujan"}, {text: "2"},
		{text: "LEWATI"}, {text: "40"}, {text: "12"}, {text: "LEWATI", want: []string{"Mbah Painem"}},
	})
	return c
}

// TestCancelPhraseAtUbahKeepsTheDraft: at "Bagian mana yang diubah?" of a
// long draft a cancel phrase ("gak jadi", "wurung", "bolay") drops only
// the change; BATAL of a long draft asks first; the UBAH list of a filing
// has the resident's name.
func TestCancelPhraseAtUbahKeepsTheDraft(t *testing.T) {
	for _, tc := range []struct{ lang, never, name, yes string }{
		{flow.LangID, "gak jadi", "Nama warga", "ya"},
		{flow.LangJV, "wurung mawon", "Asmanipun warga", "nggih"},
		{flow.LangSU, "bolay we", "Nami warga", "sumuhun"},
	} {
		c := filedDraft(t, tc.lang)
		c.run([]msg{
			{text: "UBAH", want: []string{"8. " + tc.name}},
			{text: tc.never, want: []string{"Mbah Painem", "YA"}, commands: []string{}},
			{text: "UBAH"}, {text: "8"}, {text: "Mbah Painem Sastro"},
			{text: "BATAL", want: []string{"(10 "}, commands: []string{}},
			{text: "TIDAK", want: []string{"Mbah Painem Sastro"}, commands: []string{}},
			{text: "KIRIM", want: []string{"G-TEST01"}, commands: []string{"CreateGagasan", "NotifyNumber"}},
		})
		if g := c.saved[0]; g.ForName != "Mbah Painem Sastro" || *g.Households != 40 || *g.PoorHouseholds != 12 {
			t.Errorf("%s: filed %+v", tc.lang, g)
		}
		// BATAL at the question asks first; YA cancels.
		d := filedDraft(t, tc.lang)
		d.run([]msg{
			{text: "UBAH"},
			{text: "BATAL", want: []string{"(10 "}},
			{text: tc.yes, commands: []string{}},
		})
		if d.sess.Flow != "" || len(d.saved) != 0 {
			t.Errorf("%s: BATAL then YA left %+v", tc.lang, d.sess)
		}
		// "gak jadi" to "cancel the whole draft?" is a no: the draft stays.
		e := filedDraft(t, tc.lang)
		e.run([]msg{
			{text: "BATAL", want: []string{"(10 "}},
			{text: tc.never, commands: []string{}},
		})
		if e.sess.Flow == "" {
			t.Errorf("%s: %q at the cancel question dropped the draft", tc.lang, tc.never)
		}
	}
	// A short draft is cancelled by one BATAL, as before.
	c := newConversation(t).registered(domain.GenderMale)
	c.run([]msg{{text: "GAGASAN"}, {text: "1"}, {text: "BATAL", want: []string{"Dibatalkan"}}})
}

// TestRSVPQuestionIsExplained: "what if I can't come?" after an
// invitation records nothing and explains HADIR and TIDAK.
func TestRSVPQuestionIsExplained(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{flow.LangJV, "menawi kula mboten saged rawuh pripun?", "wangsuli TIDAK"},
		{flow.LangID, "kalau saya tidak bisa datang gimana?", "balas TIDAK"},
		{flow.LangSU, "kumaha upami abdi teu tiasa sumping?", "waler TIDAK"},
	} {
		c := withMeetings(newConversation(t).registered(domain.GenderMale)).bySMS()
		c.contact.Lang = tc.lang
		res := c.send(0, msg{text: tc.text, want: []string{tc.want, "HADIR"}, commands: []string{}})
		t.Logf("%s SMS: %q", tc.lang, res.Replies[0].Text)
	}
}

// TestHasilDecisionByWords: at a HASIL decision the options are read by
// their labels and plain words in the three languages before any keyword
// ("lanjut" is option 1, not LANJUT), and "yg dtg 23 org, ibu2nya 9"
// answers both counts.
func TestHasilDecisionByWords(t *testing.T) {
	for _, tc := range []struct{ lang, notYet, on string }{
		{flow.LangID, "belum diputuskan", "lanjut"},
		{flow.LangID, "belum, minggu depan dibahas lagi", "Lanjut"},
		{flow.LangJV, "dereng, minggu ngajeng dipunrembag malih", "lajeng"},
		{flow.LangSU, "teu acan diputuskeun", "lanjut"},
	} {
		c := withMeetings(kpmd(newConversation(t)))
		c.contact.Lang = tc.lang
		res := c.run2([]msg{
			{text: "HASIL R-HHHHHH"},
			{text: "yg dtg 23 org, ibu2nya 9", want: []string{"G-7KM4XA"}},
			{text: tc.notYet, want: []string{"G-XXXXXX"}},
			{text: tc.on, commands: []string{"RecordOutcome"}},
		})
		ro := res.Commands[0].(flow.RecordOutcome)
		if ro.Attended != 23 || ro.Women != 9 || len(ro.Decisions) != 1 || ro.Decisions[0].GagasanCode != "G-XXXXXX" ||
			ro.Decisions[0].To != domain.StatusDibahas {
			t.Errorf("%s %q: outcome %+v", tc.lang, tc.notYet, ro)
		}
	}
}

// TestNoMadeUpTitles: "malih", "deui", "lagi", "juga" name nothing: a
// message with nothing else asks for the idea, and a title does not start
// with them; "gagasan untuk <name>" by a KPMD files for that resident.
func TestNoMadeUpTitles(t *testing.T) {
	for _, tc := range []struct{ lang, text, title string }{
		{flow.LangJV, "kula badhe usul malih", ""},
		{flow.LangSU, "abdi aya usul deui", ""},
		{flow.LangID, "saya mau usul lagi dong", ""},
		{flow.LangSU, "abdi aya usul deui, lampu jalan di gang mawar pareum", "Lampu jalan di gang mawar pareum"},
		{flow.LangID, "GAGASAN juga, jembatan bambu ke sawah", "Jembatan bambu ke sawah"},
		{flow.LangJV, "GAGASAN malih: sumur bor kangge RT 04", "Sumur bor kangge RT 04"},
	} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = tc.lang
		if tc.title == "" {
			res := c.send(0, msg{text: tc.text, commands: []string{}})
			if res.Session.Flow != "gagasan" || res.Session.Step != "category" {
				t.Errorf("%q: session %+v, want the guided flow asking for the idea", tc.text, res.Session)
			}
			continue
		}
		c.run([]msg{{text: tc.text, commands: []string{"CreateGagasan"}}})
		if got := c.saved[0].Title; got != tc.title {
			t.Errorf("%q: title %q, want %q", tc.text, got, tc.title)
		}
	}
	k := kpmd(newConversation(t))
	k.run([]msg{
		{text: "gagasan untuk mbah karto", want: []string{"Mbah Karto tinggal di dusun mana"}, commands: []string{}},
	})
	if k.sess.Flow != "untuk" {
		t.Errorf("KPMD's gagasan untuk: session %+v", k.sess)
	}
	// A resident's "gagasan untuk mbah karto" stays her own gagasan.
	r := newConversation(t).registered(domain.GenderFemale)
	r.run([]msg{{text: "gagasan untuk mbah karto, atap rumahnya bocor", commands: []string{"CreateGagasan"}}})
}

// TestDeclineInWords: "tidak bisa datang", "mboten saged rawuh", "ora iso
// teko" are TIDAK to a meeting, not the keyword TIDAK with words after it
// (which was not understood); with two meetings open, the resident is asked
// which one. A keyword with a list number keeps the keyword's reading.
func TestDeclineInWords(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{flow.LangID, "tidak bisa datang", "atau TIDAK"},
		{flow.LangID, "gak bisa dateng", "atau TIDAK"},
		{flow.LangJV, "mboten saged rawuh", "utawi TIDAK"},
		{flow.LangJV, "ora iso teko", "utawi TIDAK"},
		{flow.LangSU, "teu tiasa sumping", "TIDAK"},
		{flow.LangID, "insya allah hadir", "atau HADIR"},
	} {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale)).bySMS()
		c.contact.Lang = tc.lang
		c.send(0, msg{text: tc.text, want: []string{tc.want, "R-AAAAAA"}, commands: []string{}})
	}
}

// TestUnknownFlowInSession: a session naming a flow no release lists (a
// flow since removed, a damaged record) is answered as timed out and the
// person starts again; found by FuzzStep (testdata/fuzz/FuzzStep).
func TestUnknownFlowInSession(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.sess = flow.Session{Flow: "hilang", Step: "x"}
	res := c.send(0, msg{text: "mboten ngertos", want: []string{"berakhir"}})
	if !res.Session.Idle() {
		t.Errorf("session %+v", res.Session)
	}
}
