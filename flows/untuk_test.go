package flows_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestGagasanUntuk: a KPMD files a gagasan for a woman met at a dusun
// meeting who has no phone; it is hers (not the KPMD's), counts as a
// woman's, and her son's number will hear its status.
func TestGagasanUntuk(t *testing.T) {
	c := kpmd(newConversation(t))
	c.run([]msg{
		{text: "GAGASAN UNTUK", want: []string{"milik warga siapa"}},
		{text: "12", want: []string{"Mohon ketik nama"}},
		{text: "Mbah Painem", want: []string{"Mbah Painem tinggal di dusun mana", "2. Sambiroto"}},
		{text: "sambiroto", want: []string{"perempuan atau laki-laki"}},
		{text: "x", want: []string{"Mohon balas 1"}},
		{text: "1", want: []string{"Nomor HP keluarga Mbah Painem"}},
		{text: "bukan nomor", want: []string{"tidak bisa kami baca"}},
		{text: "0813 2222 3333", want: []string{"Sekarang isi gagasan Mbah Painem", "tentang apa"}},
		{text: "1", want: []string{"judul singkat gagasan Mbah Painem"}, notWant: []string{"Bapak/Ibu"}},
		{text: "Jalan setapak ke sawah", want: []string{"Masalah atau potensi"}},
		// Her dusun, asked above, is the gagasan's: not asked again.
		{text: "Licin dan berlumpur saat hujan", want: []string{"lokasi"}, notWant: []string{"Di dusun mana"}},
		{text: "LEWATI"},
		// Both counts in one answer: the poor are not asked again.
		{text: "kira2 15 kk, yg miskin 6", notWant: []string{"berapa yang miskin"}},
		{text: "LEWATI", want: []string{"Untuk: Mbah Painem, Dusun Sambiroto", "Nomor keluarga Mbah Painem: +6281322223333"},
			notWant: []string{"Gagasan Mbah Painem tercatat"}},
	})
	res := c.send(99, msg{text: "KIRIM", want: []string{"Gagasan Mbah Painem tercatat dengan kode G-TEST01", "sampaikan kode ini", "nomor keluarga", "Musyawarah Desa Khusus Perempuan"},
		commands: []string{"CreateGagasan", "NotifyNumber"}})
	g := res.Commands[0].(flow.CreateGagasan).Gagasan
	if g.Households == nil || *g.Households != 15 || g.PoorHouseholds == nil || *g.PoorHouseholds != 6 {
		t.Fatalf("households %v poor %v", g.Households, g.PoorHouseholds)
	}
	if g.ForName != "Mbah Painem" || g.ForGender != domain.GenderFemale || g.ForDusunID == nil || *g.ForDusunID != 12 ||
		g.NotifyPhone != "+6281322223333" || g.NotifyChannel != "sim" || g.DesaKode != "34.04.11.2002" {
		t.Fatalf("filed gagasan %+v", g)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	n := res.Commands[1].(flow.NotifyNumber)
	if n.Phone != "+6281322223333" || n.Channel != "sim" || n.Text == "" {
		t.Fatalf("relative's notice %+v", n)
	}
	// The status the relative hears names the resident.
	if s := flows.StatusChangedText(flow.LangID, g, ""); s[:len("Kabar gagasan Mbah Painem")] != "Kabar gagasan Mbah Painem" {
		t.Fatalf("relative's status notice %q", s)
	}
}

// TestGagasanUntukPoorCount: the well off named in the households' answer
// ("yang mampu 10") are not read as the poor; where the poor count is
// unsure the question is asked.
func TestGagasanUntukPoorCount(t *testing.T) {
	for _, tc := range []struct {
		text  string
		poor  int  // the poor households filed
		asked bool // the poor question was asked (then answered "7")
	}{
		{"30 kk, 20 kurang mampu 10 mampu", 20, false},
		{"30 kk, yang mampu 10", 20, false},
		{"30 kk, yang tidak miskin 25", 5, false},
		{"30 kk, 10 miskin 5 kurang mampu", 7, true},
		{"30 kk, mampu semua", 7, true},
	} {
		c := kpmd(newConversation(t))
		c.run([]msg{
			{text: "GAGASAN UNTUK"}, {text: "12"}, {text: "Mbah Painem"}, {text: "sambiroto"}, {text: "1"},
			{text: "0813 2222 3333"}, {text: "1"}, {text: "Jalan setapak ke sawah"},
			{text: "Licin dan berlumpur saat hujan"}, {text: "LEWATI"},
		})
		if tc.asked {
			c.run([]msg{{text: tc.text, want: []string{"Dari 30 KK itu, kira-kira berapa yang miskin"}}, {text: "7"}})
		} else {
			c.run([]msg{{text: tc.text, notWant: []string{"berapa yang miskin"}}})
		}
		c.run([]msg{{text: "LEWATI", want: []string{"Untuk: Mbah Painem"}}})
		res := c.send(99, msg{text: "KIRIM", commands: []string{"CreateGagasan", "NotifyNumber"}})
		g := res.Commands[0].(flow.CreateGagasan).Gagasan
		hh, poor := -1, -1
		if g.Households != nil && g.PoorHouseholds != nil {
			hh, poor = *g.Households, *g.PoorHouseholds
		}
		if hh != 30 || poor != tc.poor {
			t.Errorf("%q: households %d poor %d, want 30, %d", tc.text, hh, poor, tc.poor)
		}
	}
}

func TestGagasanUntukOnlyForCadres(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "gagasan untuk", want: []string{"hanya untuk kader desa"}, commands: []string{}},
		// "GAGASAN untuk …" with more words is a resident's own gagasan.
		{text: "GAGASAN untuk anak sekolah ada bus desa", commands: []string{"CreateGagasan"}},
	})
}

// TestVoiceNotes: a voice note answers the free-text questions of a
// gagasan, a complaint and a progress note, and is kept with the record.
func TestVoiceNotes(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "GAGASAN", want: []string{"tentang apa"}},
		{text: "1"},
		{text: "Sumur bersama"},
		{audio: true, want: []string{"Pesan suara diterima", "Di dusun mana"}},
		{text: "1"}, {text: "LEWATI"}, {text: "LEWATI"},
		{text: "LEWATI", want: []string{"(pesan suara, akan ditulis petugas)"}},
	})
	res := c.send(50, msg{text: "YA", commands: []string{"CreateGagasan"}})
	g := res.Commands[0].(flow.CreateGagasan).Gagasan
	if g.VoiceID == nil || *g.VoiceID != 803 || g.Description != "" {
		t.Fatalf("gagasan voice %v description %q", g.VoiceID, g.Description)
	}

	c.run([]msg{
		{text: "ADUAN", want: []string{"Tulis aduan"}},
		{audio: true, want: []string{"Pesan suara diterima", "kirim satu foto"}},
		{text: "LEWATI"},
	})
	res = c.send(51, msg{text: "2", commands: []string{"CreateComplaint"}})
	cc := res.Commands[0].(flow.CreateComplaint)
	if cc.Complaint.VoiceID == nil || cc.ForFasilitator == "" {
		t.Fatalf("complaint %+v", cc)
	}
}

// TestSMSDoesNotOfferVoiceNotes: SMS cannot carry a voice note, so its
// questions do not offer one; chat does.
func TestSMSDoesNotOfferVoiceNotes(t *testing.T) {
	for _, lang := range flow.Langs {
		for _, k := range []flow.Key{flow.MsgAskDescription, flow.MsgAduanText, flow.MsgLaporNote} {
			chat, sms := flow.Render(lang, k, nil), flow.Render(lang, k+"_sms", nil)
			if chat == sms || strings.Contains(sms, "suara") || strings.Contains(sms, "swanten") || strings.Contains(sms, "sora") {
				t.Errorf("%s/%s: SMS %q, chat %q", lang, k, sms, chat)
			}
		}
	}
	c := newConversation(t).registered(domain.GenderFemale)
	c.bySMS()
	c.run([]msg{{text: "ADUAN", want: []string{"Tulis aduan"}, notWant: []string{"pesan suara"}}})
}
