package flows_test

import (
	"context"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// DusunsNamed serves the fixture's dusun as the store does: those in
// scope whose folded name is the one asked, by desa code.
func (f *fixture) DusunsNamed(_ context.Context, scope, folded string) ([]domain.Dusun, error) {
	if f.fail {
		return nil, errDown
	}
	var out []domain.Dusun
	for _, d := range f.desas {
		if !domain.InScope(d.Kode, scope) {
			continue
		}
		for _, u := range f.dusuns[d.Kode] {
			if flow.FoldName(u.Nama) == folded {
				u.DesaKode = d.Kode
				out = append(out, u)
			}
		}
	}
	return out, nil
}

// TestDesaByDusunOrKecamatan: at "desa mana?", a resident who answers
// with her dusun's name gets that dusun's desa proposed (and is not asked
// her dusun again), or the few desa that have such a dusun; one who
// answers with her kecamatan's name gets its desa listed, or is asked for
// the desa's name when it has more than MaxDesaList. Neither is told the
// place was not found, nor that the service is for another region.
func TestDesaByDusunOrKecamatan(t *testing.T) {
	cases := []struct {
		name  string
		kab   bool // the 300 desa of kabupatenFixture, not the fixture's three
		msgs  []msg
		desa  string
		dusun int64
	}{
		{name: "a dusun unique in scope", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "kejambon", want: []string{"Dusun Kejambon, Desa Bimomartani? Balas YA"}, notWant: []string{"tidak kami temukan", "Layanan ini"}},
			msg{text: "ya", want: []string{"laki-laki"}, notWant: []string{"Dusun mana"}},
			msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2002", dusun: 11},
		{name: "a dusun with its word, in Javanese", msgs: []msg{
			{text: "kula nuwun"}, {text: "nggih"}, {text: "2"}, {text: "Sri"},
			{text: "kula saking dusun kejambon", want: []string{"Dusun Kejambon, Desa Bimomartani? Wangsuli YA"}, notWant: []string{"mboten kepanggih"}},
			{text: "nggih", notWant: []string{"Dusun pundi"}},
			{text: "2", commands: []string{"Register"}},
		}, desa: "34.04.11.2002", dusun: 11},
		{name: "a dusun proposed, then no", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "kejambon", want: []string{"Dusun Kejambon, Desa Bimomartani?"}},
			msg{text: "tidak", want: []string{"Ketik nama desanya"}},
			msg{text: "wedomartani", want: []string{"Dusun mana di Desa Wedomartani"}},
			msg{text: "2"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2004", dusun: 52},
		{name: "a dusun of several desa", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "Jetis", want: []string{`Dusun "Jetis" ada di beberapa desa`, "1. Jetis (Argomulyo)", "2. Jetis (Sindumartani)"}, notWant: []string{"tidak kami temukan"}},
			msg{text: "2", want: []string{"laki-laki"}, notWant: []string{"Dusun mana"}},
			msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2001", dusun: 21},
		{name: "a dusun of too many desa", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "krajan", want: []string{`Dusun "Krajan" ada di banyak desa. Ketik nama desa`}, notWant: []string{"1. ", "tidak kami temukan"}},
			msg{text: "bimomartani", want: []string{"Dusun mana di Desa Bimomartani"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2002", dusun: 11},
		{name: "a kecamatan of few desa", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "ngemplak", want: []string{"Desa mana di Kecamatan Ngemplak? Balas dengan nomornya", "1. Bimomartani\n2. Sindumartani\n3. Wedomartani"},
				notWant: []string{"tidak kami temukan", "Layanan ini"}},
			msg{text: "1", want: []string{"Dusun mana di Desa Bimomartani"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2002", dusun: 11},
		{name: "a kecamatan of many desa", kab: true, msgs: append(append([]msg{}, upToName...),
			msg{text: "Sri"},
			msg{text: "kec. Moyudan", want: []string{"Moyudan adalah kecamatan. Ketik nama desa"}, notWant: []string{"1. ", "tidak kami temukan"}},
			msg{text: "bimomartani"}, msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2002", dusun: 11},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newConversation(t)
			if tc.kab {
				c = inKabupaten(t)
				c.fx.dusuns["34.04.20.2001"] = []domain.Dusun{{ID: 901, Nama: "Jetis"}}
			}
			c.run(tc.msgs)
			if c.contact == nil || c.contact.RegisteredAt == nil || c.contact.DesaKode != tc.desa || c.contact.DusunID != tc.dusun {
				t.Fatalf("contact %+v, want registered in %s, dusun %d", c.contact, tc.desa, tc.dusun)
			}
		})
	}
}
