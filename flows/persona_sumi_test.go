package flows_test

import (
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"testing"
)

// TestBoardHelloKeepsTheChosenLanguage: a resident who came from a desa's
// board (HALO with its code) and chose Basa Jawa or Basa Sunda is asked
// every later question in it, not in the desa's language; "halo" alone
// the same.
func TestBoardHelloKeepsTheChosenLanguage(t *testing.T) {
	for _, tc := range []struct {
		hello, consent, choice, name string
		confirm, dusun, gender, done string
	}{
		{"HALO 34.04.11.2002", "nggih", "jawa mawon", "asma kula Sumiyati, mbah sumi",
			"Panjenengan manggen wonten desa Bimomartani", "Dusun pundi wonten Desa Bimomartani", "Panjenengan estri utawi kakung", "Pandhaftaran sampun rampung"},
		{"HALO 34.04.11.2002", "ya", "2", "Sumiyati",
			"Panjenengan manggen wonten desa Bimomartani", "Dusun pundi wonten Desa Bimomartani", "Panjenengan estri utawi kakung", "Pandhaftaran sampun rampung"},
		{"HALO 34.04.11.2002", "muhun", "sunda", "nami abdi Euis",
			"Bapa/Ibu linggih di desa Bimomartani", "Dusun mana di Desa Bimomartani? Waler", "", "Pendaptaran parantos réngsé"},
		{"halo", "nggih", "jawa mawon", "asma kula Sumiyati",
			"", "Dusun pundi wonten Desa Bimomartani", "Panjenengan estri utawi kakung", "Pandhaftaran sampun rampung"},
	} {
		c := inKabupaten(t)
		for i := range c.fx.desas {
			if c.fx.desas[i].Kode == "34.04.11.2002" {
				c.fx.desas[i].Lang = "id" // as the imported desa have it
			}
		}
		c.run([]msg{{text: tc.hello}, {text: tc.consent}, {text: tc.choice}})
		if tc.confirm != "" {
			c.run([]msg{{text: tc.name, want: []string{tc.confirm}, notWant: []string{"Bapak/Ibu tinggal"}},
				{text: "nggih", want: []string{tc.dusun}, notWant: []string{"Dusun mana di Desa Bimomartani? Balas"}}})
		} else {
			c.run([]msg{{text: tc.name}, {text: "bimomartani", want: []string{tc.dusun}}})
		}
		c.run([]msg{{text: "1", want: []string{tc.gender}, notWant: []string{"Terakhir"}},
			{text: "1", want: []string{tc.done}, notWant: []string{"Pendaftaran selesai"}, commands: []string{"Register"}}})
		if n := c.contact.Name; n != "Sumiyati" && n != "Euis" {
			t.Errorf("registered as %q", n)
		}
	}
}

// TestDetailOfferClosings: at the offer to add detail to a gagasan just
// saved, thanks, "enough" and no in id/jv/su end the offer politely, and
// a request is no detail: neither is added to the description.
func TestDetailOfferClosings(t *testing.T) {
	for _, lang := range []string{flow.LangID, flow.LangJV, flow.LangSU} {
		for _, text := range []string{"mpun cekap matur nuwun", "cukup", "sudah", "makasih", "mpun cekap", "sampun",
			"matur nuwun", "tos", "parantos", "hatur nuhun", "mboten", "henteu", "sudah cukup terima kasih",
			"sampun cekap, matur nuwun sanget", "tos cekap hatur nuhun", "mboten wonten malih", "ora usah",
			"mau ubah judulnya", "berhenti kirim pesan", "mboten usah matur nuwun"} {
			c := newConversation(t).registered(domain.GenderFemale)
			c.contact.Lang = lang
			c.run([]msg{{text: "GAGASAN saluran irigasi sambiroto rusak perlu didandosi", commands: []string{"CreateGagasan"}}})
			res := c.send(1, msg{text: text})
			for _, cmd := range res.Commands {
				if _, ok := cmd.(flow.AddGagasanText); ok {
					t.Errorf("%s %q: added to the description", lang, text)
				}
			}
			if res.Session.Flow == "detail" && res.Session.Step == "offer" {
				t.Errorf("%s %q: the offer stays open", lang, text)
			}
		}
	}
}

// TestDetailOfferAsksBeforeAdding: at the detail offer, a request or a
// few words are added to the gagasan only when the sender says YA; Mbah
// Sumi's "mpun cekap matur nuwun" is answered with a polite close.
func TestDetailOfferAsksBeforeAdding(t *testing.T) {
	start := msg{text: "GAGASAN saluran irigasi sambiroto rusak perlu didandosi", commands: []string{"CreateGagasan"}}
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangJV
	c.run([]msg{start, {text: "mpun cekap matur nuwun", want: []string{"Gagasan G-TEST01 sampun kasimpen"}, commands: []string{}}})

	c = newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{start,
		{text: "mau ubah judulnya", want: []string{"Tambahkan pesan ini ke gagasan G-TEST01? Balas YA atau TIDAK."}, commands: []string{}},
		{text: "tidak", want: []string{"Gagasan G-TEST01 sudah tersimpan"}, commands: []string{}}})

	c = newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangSU
	c.run([]msg{start,
		{text: "di RT 03", want: []string{"Pesen ieu ditambihkeun kana gagasan G-TEST01?"}, commands: []string{}}})
	res := c.send(2, msg{text: "muhun", want: []string{"ditambihkeun kana G-TEST01"}, commands: []string{"AddGagasanText"}})
	if a := res.Commands[0].(flow.AddGagasanText); a.Text != "di RT 03" {
		t.Errorf("added %q", a.Text)
	}
}

// TestRefusalInADraftAsksToCancel: a message that reads as "no, never
// mind" at a free-text step of a gagasan draft asks whether to cancel the
// draft instead of being stored as its title or description; TIDAK goes
// back to the question.
func TestRefusalInADraftAsksToCancel(t *testing.T) {
	for _, tc := range []struct{ lang, text, ask string }{
		{flow.LangJV, "mboten sida", "Batalaken gagasan menika?"},
		{flow.LangJV, "ora sido", "Batalaken gagasan menika?"},
		{flow.LangJV, "sampun mboten usah", "Batalaken gagasan menika?"},
		{flow.LangID, "gak jadi", "Batalkan gagasan ini?"},
		{flow.LangID, "tidak usah", "Batalkan gagasan ini?"},
		{flow.LangID, "ndak usah lah", "Batalkan gagasan ini?"},
		{flow.LangSU, "teu jadi", "Bolaykeun gagasan ieu?"},
		{flow.LangSU, "henteu kedah", "Bolaykeun gagasan ieu?"},
	} {
		for _, at := range []int{0, 1} { // at the title, at the description
			c := newConversation(t).registered(domain.GenderFemale)
			c.contact.Lang = tc.lang
			c.run([]msg{{text: "GAGASAN"}, {text: "1"}})
			if c.sess.Step != "title" {
				t.Fatalf("at %q, want the title", c.sess.Step)
			}
			if at == 1 {
				c.run([]msg{{text: "Saluran irigasi Sambiroto"}})
			}
			step := c.sess.Step
			c.run([]msg{{text: tc.text, want: []string{tc.ask}, commands: []string{}}})
			if c.sess.Step != "cancel" {
				t.Errorf("%s %q at %s: step %q, want the cancel question", tc.lang, tc.text, step, c.sess.Step)
				continue
			}
			y := c.clone()
			c.run([]msg{{text: "tidak"}})
			if c.sess.Step != step {
				t.Errorf("%s %q: back at %q, want %q", tc.lang, tc.text, c.sess.Step, step)
			}
			y.run([]msg{{text: "ya"}})
			if !y.sess.Idle() {
				t.Errorf("%s %q: YA left the draft at %q", tc.lang, tc.text, y.sess.Step)
			}
		}
	}
}

// TestDesaWithoutDusun: in a desa with no dusun (every imported desa),
// the registration's welcome names the desa the resident was placed in,
// and a gagasan's next step is the Musyawarah Desa, never "Musyawarah
// Dusun ." with no name.
func TestDesaWithoutDusun(t *testing.T) {
	for _, tc := range []struct {
		lang, choice, registered, next string
		sms                            bool
	}{
		{flow.LangID, "1", "Pendaftaran selesai: Bapak/Ibu terdaftar di desa Bimomartani.", "dibahas di Musyawarah Desa Bimomartani dan di Musyawarah Desa Khusus Perempuan.", false},
		{flow.LangJV, "2", "Panjenengan kadhaftar wonten desa Bimomartani.", "wonten Musyawarah Desa Bimomartani lan", false},
		{flow.LangSU, "3", "Bapa/Ibu kadaptar di desa Bimomartani.", "dina Musyawarah Desa Bimomartani sareng", false},
		{flow.LangID, "1", "terdaftar di desa Bimomartani.", "Dibahas di Musdes Bimomartani & Musdes Perempuan", true},
	} {
		c := inKabupaten(t)
		if tc.sms {
			c.bySMS()
		}
		delete(c.fx.dusuns, "34.04.11.2002")
		c.run([]msg{{text: "halo"}, {text: "ya"}, {text: tc.choice}, {text: "Suparmi"}, {text: "bimomartni"},
			{text: "1", want: []string{tc.registered}, commands: []string{"Register"}},
			{text: "GAGASAN Drainase jalan Seturan", want: []string{tc.next}, notWant: []string{"Dusun .", "Dusun  ", "Musdus  "}}})
	}
}

// TestIdeaNotComplaint: "kula niki usul mboten sambat. …" starts a
// gagasan with the rest as its text; a message telling of something
// broken, without the word for a complaint, asks whether it is an idea
// for its repair or a complaint instead of guessing.
func TestIdeaNotComplaint(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangJV
	c.run([]msg{{text: "lho kula niki usul mboten sambat. saluran irigasi sambiroto mbok menawi saged didandosi",
		notWant: []string{"dereng mangertos"}, commands: []string{"CreateGagasan"}}})
	if d := c.saved[0].Description; d != "saluran irigasi sambiroto mbok menawi saged didandosi" {
		t.Errorf("description %q", d)
	}

	told := "kula badhe matur, saluran irigasi teng sambiroto niku rusak, sabin kula garing sedaya"
	for _, tc := range []struct {
		pick    string
		command string
	}{{"1", "CreateGagasan"}, {"usulan", "CreateGagasan"}, {"2", ""}, {"aduan", ""}} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = flow.LangJV
		c.contact.Phone = "+6281234567999"
		c.run([]msg{{text: told, want: []string{"Menika usulan ndandosi (gagasan) utawi aduan?", "1. Usulan ndandosi (gagasan)", "2. Aduan"},
			commands: []string{}}})
		res := c.send(1, msg{text: tc.pick})
		if tc.command != "" {
			if len(res.Commands) == 0 || c.saved[0].Description != "saluran irigasi teng sambiroto niku rusak, sabin kula garing sedaya" {
				t.Errorf("%q: commands %v saved %+v", tc.pick, res.Commands, c.saved)
			}
		} else if c.sess.Flow != flows.FlowAduan || sessField(c.sess, "text") == "" {
			t.Errorf("%q: session %+v, want the complaint", tc.pick, c.sess)
		}
	}
	// The word for a complaint still files one at once.
	a := newConversation(t).registered(domain.GenderFemale)
	a.contact.Phone = "+6281234567999"
	a.run([]msg{{text: "saya mau mengadu, jalan di kejambon rusak parah", commands: []string{}}})
	if a.sess.Flow != flows.FlowAduan {
		t.Errorf("an explicit complaint: session %+v", a.sess)
	}
}
