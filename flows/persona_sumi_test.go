package flows_test

import (
	"github.com/suaradesa/suaradesa/domain"
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
		{"HALO 34.04.11.2002", "nggih", "jawa mawon", "asma kula Sumiyati",
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
