package flows_test

import (
	"context"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

func (f *fixture) PersonalData(_ context.Context, id domain.ContactID) (domain.PersonalData, error) {
	pd := domain.PersonalData{DesaNama: "Bimomartani", DusunNama: "Kejambon", RSVPs: 2, Complaints: []string{"A-CEPAT3"}, Channels: []string{"sim", "sms:bimo"}, Votes: []string{"R-AAAAAA"}}
	for _, g := range f.gagasan {
		if g.SenderID != nil && domain.ContactID(*g.SenderID) == id {
			pd.Gagasan = append(pd.Gagasan, g.Code)
		}
	}
	return pd, nil
}

func TestDataSayaAndUbahData(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "DATA SAYA", want: []string{"Nama: Siti", "Nomor: +6281234567001", "Desa Bimomartani, Dusun Kejambon", "Jenis kelamin: perempuan",
			"Gagasan: G-7KM4XA", "Jawaban undangan: 2", "Aduan dengan nama: A-CEPAT3", "Saluran: sim, sms:bimo", "Suara warga: R-AAAAAA", "HAPUS DATA"}, commands: []string{}},
		// UBAH DATA asks again; LEWATI keeps the name; the date stays (the store's part).
		{text: "ubah data", want: []string{"Kita ubah data Siti", "LEWATI"}},
		{text: "LEWATI", want: []string{"desa mana"}},
		{text: "wedomartani", want: []string{"Dusun mana", "Karangmojo"}},
		{text: "2", want: []string{"perempuan atau laki-laki"}},
		{text: "3", want: []string{"Data sudah diperbarui"}, notWant: []string{"Pendaftaran selesai"}, commands: []string{"Register"}},
	})
	if c.contact.Name != "Siti" || c.contact.DesaKode != "34.04.11.2004" || c.contact.DusunID != 52 || c.contact.Gender != domain.GenderUnknown {
		t.Fatalf("after UBAH DATA: %+v", c.contact)
	}
	// BATAL leaves UBAH DATA without a change.
	c.run([]msg{{text: "UBAH DATA"}, {text: "Siti Aminah"}, {text: "BATAL", want: []string{"Dibatalkan"}, commands: []string{}}})
	if c.contact.Name != "Siti" {
		t.Fatal("a cancelled UBAH DATA changed the name")
	}
	_ = flow.MsgDataSaya
}

func TestConsentNamesTheController(t *testing.T) {
	env := flow.Env{Controller: "UPK Kecamatan Ngemplak"}
	res, err := flows.Step(context.Background(), env, newFixture(), nil, flow.Session{}, flow.Input{Channel: "sim", Text: "halo"})
	if err != nil || len(res.Replies) != 1 || !strings.Contains(res.Replies[0].Text, "Pengendali data: UPK Kecamatan Ngemplak") ||
		!strings.Contains(res.Replies[0].Text, "DATA SAYA") {
		t.Fatalf("%v %+v", err, res.Replies)
	}
	res, _ = flows.Step(context.Background(), flow.Env{SMSSegments: smstext.MaxSegments}, newFixture(), nil, flow.Session{}, flow.Input{Channel: "sms:x", Text: "halo"})
	if !strings.Contains(res.Replies[0].Text, "Pengendali: "+flows.DefaultController) {
		t.Fatalf("sms consent %q", res.Replies[0].Text)
	}
}
