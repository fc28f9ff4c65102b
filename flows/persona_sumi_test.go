package flows_test

import (
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
