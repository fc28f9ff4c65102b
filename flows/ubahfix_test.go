package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// UBAH DATA as residents write it: a keep sentence at any step keeps the
// value, and a changed name is shown old → new before it is saved.
func TestUbahDataKeepWords(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Lang = "su"
	c.run([]msg{
		{text: "UBAH DATA", want: []string{"LEWATI"}},
		{text: "tetep weh", want: []string{"Desa ayeuna: Bimomartani", "LEWATI"}, notWant: []string{"Tetep Weh"}},
		{text: "sarua", want: []string{"istri atanapi pameget"}},
		{text: "lewati", want: []string{"Data parantos diénggalkeun"}, commands: []string{"Register"}},
	})
	if c.contact.Name != "Siti" || c.contact.DesaKode != "34.04.11.2002" || c.contact.DusunID != 11 || c.contact.Gender != domain.GenderMale {
		t.Fatalf("keep words changed the data: %+v", c.contact)
	}
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "namina mah sami keneh", want: []string{"Desa ayeuna"}},
		{text: "tetep", want: []string{"istri atanapi pameget"}},
		{text: "sarua", want: []string{"Data parantos diénggalkeun"}, notWant: []string{"Namina"}},
	})
	if c.contact.Name != "Siti" || c.contact.Gender != domain.GenderMale {
		t.Fatalf("after keep: %+v", c.contact)
	}
	// A new name is shown old → new and saved on YA.
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "Siti Aminah"},
		{text: "sami"},
		{text: "2", want: []string{"Siti → Siti Aminah", "YA"}, commands: []string{}},
		{text: "teu", want: []string{"Saha nami"}, commands: []string{}},
		{text: "Siti Aminah Sari", want: []string{"Siti → Siti Aminah Sari"}, commands: []string{}},
		{text: "ya", want: []string{"Siti Aminah Sari. Data parantos"}, commands: []string{"Register"}},
	})
	if c.contact.Name != "Siti Aminah Sari" {
		t.Fatalf("name %q", c.contact.Name)
	}
}

// Moving house, in words, starts UBAH DATA; a desa named is carried to
// the desa question.
func TestMovingStartsUbahData(t *testing.T) {
	for _, text := range []string{"ngarobih data", "abdi hoyong ngarobih alamat", "ganti desa", "abdi bade ngagentos desa, tos pindah",
		"ganti data", "ngganti alamat"} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = "su"
		c.run([]msg{{text: text, want: []string{"Urang robih data Siti", "LEWATI"}, notWant: []string{"teu acan ngartos"}}})
	}
	for _, text := range []string{"abdi tos ngalih ka desa wedomartani", "abdi hoyong ngarobih data, tos ngalih ka wedomartani",
		"abdi tos ngalih ka desa wedomartni", "saya sudah pindah ke desa wedomartani", "kula sampun pindah dhateng desa wedomartani"} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = "su"
		c.run([]msg{
			{text: text, want: []string{"Urang robih data Siti"}, notWant: []string{"teu acan ngartos"}},
			{text: "lewati", want: []string{"Dusun mana di Desa Wedomartani"}},
			{text: "2"},
			{text: "sarua", want: []string{"Data parantos"}, commands: []string{"Register"}},
		})
		if c.contact.DesaKode != "34.04.11.2004" || c.contact.Name != "Siti" || c.contact.Gender != domain.GenderFemale {
			t.Errorf("%q: %+v", text, c.contact)
		}
	}
}

// A KPMD's "gagasan untuk <name>, …" starts GAGASAN UNTUK, whatever
// follows: never a one-message gagasan filed as her own, in public.
func TestUntukWithMoreWords(t *testing.T) {
	c := kpmd(newConversation(t))
	c.run([]msg{
		{text: "gagasan untuk mbah painem, tetangga saya gak punya hp", want: []string{"Mbah Painem tinggal di dusun mana"},
			notWant: []string{"tercatat"}, commands: []string{}},
		{text: "BATAL"},
		{text: "gagasan buat mbah painem dari sambiroto, gak punya hp", want: []string{"perempuan atau laki-laki"},
			notWant: []string{"tercatat", "dusun mana"}, commands: []string{}},
		{text: "BATAL"},
		{text: "usul untuk bu sri tetangga saya gak punya hp", want: []string{"Bu Sri tinggal di dusun mana"}, commands: []string{}},
	})
}

// "waduh salah, tarik aja G-…" is TARIK G-….
func TestTarikInWords(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	c.run([]msg{
		{text: "waduh salah, tarik aja G-TARKAA", want: []string{"Balas YA untuk menarik"}},
		{text: "tidak", want: []string{"G-TARKAA tidak ditarik"}, commands: []string{}},
	})
}

// At the dusun question, another desa named or the desa said wrong goes
// back to the desa, keeping the name (registration and UBAH DATA).
func TestDusunStepBackToDesa(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = "su"
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "Siti Aminah"},
		{text: "wedomartani", want: []string{"Dusun mana di Desa Wedomartani"}},
		{text: "sanes, sindumartani", want: []string{"Dusun mana di Desa Sindumartani", "Jetis"}, notWant: []string{"teu aya dina daptar"}},
		{text: "desana lepat", want: []string{"desa mana"}, notWant: []string{"teu aya dina daptar"}},
		{text: "abdi tos ngalih ka desa wedomartni", want: []string{"Dusun mana di Desa Wedomartani"}},
		{text: "bimomartani", want: []string{"Dusun mana di Desa Bimomartani"}},
		{text: "sambiroto", want: []string{"istri atanapi pameget"}},
		{text: "1", want: []string{"Siti → Siti Aminah"}},
		{text: "muhun", want: []string{"Data parantos"}},
	})
	if c.contact.Name != "Siti Aminah" || c.contact.DesaKode != "34.04.11.2002" || c.contact.DusunID != 12 {
		t.Fatalf("%+v", c.contact)
	}
}

// A desa outside the service's region: the region is said, at once when
// the answer names a place, else from the second miss.
func TestDesaOutsideRegion(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = "su"
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "lewati"},
		{text: "abdi ti desa sukamaju garut", want: []string{"teu kapendak", "Layanan ieu kanggo desa di Sleman"}},
	})
	c = newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "lewati"},
		{text: "xyzzy", want: []string{"tidak kami temukan"}, notWant: []string{"Layanan ini"}},
		{text: "qwerty", want: []string{"Layanan ini untuk desa di Sleman"}},
	})
}

// Ordinary messages that name a desa, a name or data next to a change or
// move word are about work, meetings or records: never UBAH DATA.
func TestOrdinaryMessagesNotUbahData(t *testing.T) {
	for _, text := range []string{"tolong perbaiki jalan desa", "jalan desa rusak, tolong perbaiki", "ganti lampu jalan desa",
		"ganti kepala desa", "ganti nama gagasan saya", "koreksi data gagasan saya", "nama desa di gagasan saya salah, tolong ganti",
		"pak rt sudah pindah", "kantor desa sudah pindah ke jalan baru"} {
		t.Run(text, func(t *testing.T) {
			c := newConversation(t).registered(domain.GenderFemale)
			c.run([]msg{{text: text, notWant: []string{"Kita ubah data"}}})
			if c.sess.Flow == "daftar" {
				t.Errorf("started %s/%s", c.sess.Flow, c.sess.Step)
			}
		})
	}
	for _, text := range []string{"ganti tempat rapat ke balai desa", "kami pindah rapat ke balai desa"} {
		t.Run("kader/"+text, func(t *testing.T) {
			c := kpmd(newConversation(t))
			c.run([]msg{{text: text, notWant: []string{"Kita ubah data"}}})
			if c.sess.Flow == "daftar" {
				t.Errorf("started %s/%s", c.sess.Flow, c.sess.Step)
			}
		})
	}
}

// A move to a place that is no desa starts UBAH DATA without carrying
// it: the desa question is asked, not answered with "rumah mertua".
func TestMovedPlaceNotDesa(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "saya sudah pindah ke rumah mertua", want: []string{"Kita ubah data Siti"}},
		{text: "lewati", want: []string{"desa mana"}, notWant: []string{"tidak kami temukan", "Dusun mana"}},
	})
}
