package flows_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
)

// The examples of the issue "understand people as they write", each as a
// resident or cadre typed it.

func TestAnswersAsPeopleWrite(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		// A vague one-message gagasan starts the guided flow, saves nothing.
		{text: "Gagasan lagi", want: []string{"satu per satu", "tentang apa"}, commands: []string{}},
		{text: "infrastuktur", want: []string{"judul"}},
		{text: "batal aja deh", want: []string{"Dibatalkan"}, commands: []string{}},
		{text: "usul dong", want: []string{"tentang apa"}, commands: []string{}},
		{text: "gak jadi", want: []string{"Dibatalkan"}},
		{text: "gagasan saya ada 2", want: []string{"tentang apa"}, commands: []string{}},
		{text: "wurung", want: []string{"Dibatalkan"}},
		// Who runs this, at any step.
		{text: "siapa ini?", want: []string{"Suara Desa", "Unit Pengelola Kegiatan"}, commands: []string{}},
		{text: "hapus data saya", want: []string{"YA untuk menghapus"}},
		{text: "ga jadi deh", want: []string{"tidak dihapus"}, commands: []string{}},
	})
}

func TestComplaintInSentences(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Phone = "+6281234567999" // on no kegiatan's TPK
	c.run([]msg{
		// A resident (no TPK) reporting a problem: the text is kept.
		{text: "Lapor, cor jalan di kejambon sudah retak", want: []string{"kami catat sebagai aduan", "foto"}},
		{text: "gak ada fotonya", want: []string{"tanpa nama"}},
		{text: "tanpa nama saja", commands: []string{"CreateComplaint"}},
		{text: "saya mau mengadu soal jalan", want: []string{"foto"}, notWant: []string{"belum mengerti"}},
	})
}

func TestSkipIsNotTidakToAMeeting(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.run([]msg{
		{text: "GAGASAN"},
		{text: "1"},
		{text: "Lampu jalan"},
		{text: "Gelap di pertigaan, rawan kecelakaan"},
		{text: "1"},
		{text: "mboten ngertos", commands: []string{}, notWant: []string{"TIDAK untuk"}},
	})
	if c.sess.Flow != flows.FlowGagasan {
		t.Fatalf("the flow ended: %+v", c.sess)
	}
}

func TestNumberedListStaysAnswerable(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.run([]msg{
		{text: "HADIR", want: []string{"Rapat mana?"}},
		{text: "1", want: []string{"jawaban HADIR untuk R-AAAAAA"}, commands: []string{"SetRSVP"}},
		{text: "hadir pak", want: []string{"Rapat mana?"}},
		{text: "yg kedua", want: []string{"jawaban HADIR untuk R-CCCCCC"}, commands: []string{"SetRSVP"}},
	})
}

func TestTimeoutKeepsTheAnswers(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "GAGASAN"},
		{text: "kesehatan"},
		{text: "Posyandu Kejambon", advance: 40 * time.Minute, want: []string{"LANJUT"}, commands: []string{}},
		{text: "lanjut", want: []string{"Masalah atau potensi"}},
	})
	if g := gagasanState(t, c.sess); g.Title != "Posyandu Kejambon" || g.Category != domain.CategoryKesehatan {
		t.Fatalf("answers lost: %+v", g)
	}
}

func TestPendingGagasanSavedAfterRegistration(t *testing.T) {
	c := newConversation(t)
	c.bySMS()
	c.run([]msg{
		{text: "gagasan sumur bor dusun kidul kering tiap kemarau", want: []string{"Setuju?"}, commands: []string{}},
		{text: "ya setuju", commands: []string{"GiveConsent"}},
		{text: "1"},
		{text: "darto"},
		{text: "bimomartani"},
		{text: "kejambon"},
		{text: "2", want: []string{"Darto", "G-TEST01"}, commands: []string{"Register", "CreateGagasan"}},
	})
}

func TestMovePlaceKept(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG R-AAAAAA"},
		{text: "pindah waktu"},
		{text: "Senin jam 2 siang"},
		{text: "tetap", want: []string{"Pindahkan R-AAAAAA", "14.00", "Balai Dusun Kejambon"}, commands: []string{}},
		{text: "nggih", want: []string{"dipindah"}, commands: []string{"MoveMeeting"}},
	})
}

func TestMeetingTimeAsCadresWrite(t *testing.T) {
	// The clock: Saturday 28 November 2026, 10.00 WIB (a minute a message).
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"},
		{text: "musdus"},
		{text: "seluruh warga desa"},
		{text: "tgl 10 jam 9", want: []string{"Di mana"}},
		{text: "BATAL"},
		{text: "UNDANG"},
		{text: "1"},
		{text: "1"},
		{text: "besok pagi", want: []string{"Jam berapa?", "08.00"}},
		{text: "ya", want: []string{"Di mana"}},
		{text: "Balai Desa"},
		{text: "LEWATI", want: []string{"Minggu, 29 November 2026", "08.00"}},
		{text: "ubah waktunya"},
		{text: "3"},
		{text: "jam 2 siang", want: []string{"Hari apa atau tanggal berapa?"}},
		{text: "kamis depan", want: []string{"Kamis, 3 Desember 2026", "14.00"}},
		{text: "UBAH"},
		{text: "waktu"},
		{text: "10/3 jam 9", want: []string{"Maksudnya Rabu, 10 Maret 2027 pukul 09.00?"}},
		{text: "ya", want: []string{"Rabu, 10 Maret 2027"}},
	})
}

func TestStatusListAnswerable(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "STATUS", want: []string{"G-7KM4XA"}},
		{text: "1", want: []string{"G-7KM4XA", "dibahas di Musdus"}, notWant: []string{"tentang apa"}},
	})
}

func TestMeetingHourFollowsTheDayPeriod(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"},
		{text: "1"},
		{text: "1"},
		{text: "besok malam habis isya", want: []string{"Jam berapa?", "19.30"}},
		{text: "jam 7", want: []string{"Di mana"}},
		{text: "Balai Desa"},
		{text: "lewati", want: []string{"Minggu, 29 November 2026", "19.00"}},
		{text: "ubah"},
		{text: "3"},
		{text: "lusa pagi", want: []string{"08.00"}},
		{text: "setengah 8", want: []string{"Senin, 30 November 2026", "07.30"}},
		{text: "ubah"},
		{text: "3"},
		{text: "ba'da isya", want: []string{"Hari apa"}},
		{text: "besok", want: []string{"19.30"}},
		{text: "ya", want: []string{"Minggu, 29 November 2026", "19.30"}},
	})
}

// A cadre's Javanese and Sundanese times, and an hour from 1 to 5 with no
// period asked back (15.00 offered) rather than taken as 03.00.
func TestMeetingTimeJavaneseSundanese(t *testing.T) {
	// The clock: Saturday 28 November 2026, 10.00 WIB (a minute a message).
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"},
		{text: "1"},
		{text: "1"},
		{text: "besok jam 3", want: []string{"Jam berapa?", "15.00"}, notWant: []string{"Di mana"}},
		{text: "ya", want: []string{"Di mana"}},
		{text: "Balai Desa"},
		{text: "lewati", want: []string{"Minggu, 29 November 2026", "15.00"}},
		{text: "ubah"},
		{text: "3"},
		{text: "sesuk sonten", want: []string{"Jam berapa?", "16.00"}},
		{text: "3", want: []string{"Minggu, 29 November 2026", "15.00"}},
		{text: "ubah"},
		{text: "3"},
		{text: "mengko bengi jam 8", want: []string{"Sabtu, 28 November 2026", "20.00"}},
		{text: "ubah"},
		{text: "3"},
		{text: "kemis ngarep jam 9", want: []string{"Kamis, 3 Desember 2026", "09.00"}},
		{text: "ubah"},
		{text: "3"},
		{text: "jam 4", want: []string{"Hari apa"}},
		{text: "poe ieu", want: []string{"Jam berapa?", "16.00"}},
		{text: "jam 4 subuh", want: []string{"sudah lewat"}},
	})
}

// What the persona sessions (a Javanese mother, a Sundanese young man, a
// KPMD and a TPK member, none told the keywords) were misunderstood in.
func TestPersonaFindings(t *testing.T) {
	c := withMeetings(newConversation(t))
	c.run([]msg{
		{text: "sugeng siang, kula badhe usul sumur bor kangge dusun kejambon, yen ketiga mboten wonten toya", want: []string{"Sarujuk?"}, notWant: []string{"Setuju?"}},
		{text: "nggih setuju", want: []string{"Pilih bahasa"}},
		{text: "jawa mawon", want: []string{"Sinten asma"}},
		{text: "sumarni"},
		{text: "bimomartani"},
		{text: "kejambon, sampun kula sanjang wau", want: []string{"estri"}},
		{text: "kula estri", want: []string{"Sumarni", "G-TEST01"}, commands: []string{"Register", "CreateGagasan"}},
	})
	if g := c.saved[0]; g.Description != "sumur bor kangge dusun kejambon, yen ketiga mboten wonten toya" {
		t.Fatalf("pending gagasan %q", g.Description)
	}
	c.fx.gagasan["G-TEST01"] = &c.saved[0]
	id := int64(c.contact.ID)
	c.fx.gagasan["G-TEST01"].SenderID = &id
	c.run([]msg{
		{text: "usul kula wau pripun?", want: []string{"G-TEST01"}, commands: []string{}},
		{text: "kapan rapatipun?", want: []string{"R-AAAAAA"}, commands: []string{}},
		{text: "nggih insyaallah kula rawuh", want: []string{"R-AAAAAA"}},
		{text: "data kula menapa mawon?", want: []string{"Sumarni"}, notWant: []string{"DATA KULA"}},
		{text: "kula nyuwun ngangge basa sunda", commands: []string{"SetLang"}},
	})
	s := newConversation(t)
	s.bySMS()
	s.run([]msg{
		{text: "punten ieu nomer naon?", want: []string{"Suara Desa"}, commands: []string{}},
		{text: "halo"},
		{text: "muhun satuju"},
		{text: "asep"},
		{text: "wedomartni"},
		{text: "sy di ngringin", want: []string{"perempuan atau laki-laki"}},
		{text: "lalaki", commands: []string{"Register"}},
	})
	if s.contact.Gender != domain.GenderMale || s.contact.DusunID != 52 {
		t.Fatalf("registered %+v", s.contact)
	}
	s.contact.Phone = "+6281234567998"
	s.run([]msg{
		{text: "sy mau mengadu soal sampah di kali", want: []string{"foto"}},
		{text: "henteu", want: []string{"tanpa nama"}},
		{text: "tanpa nami wae", commands: []string{"CreateComplaint"}},
		{text: "abdi hoyong narik usulan", notWant: []string{"belum mengerti"}},
	})
}

// The second persona round, on the fixed service.
func TestPersonaFindingsAgain(t *testing.T) {
	c := withMeetings(newConversation(t))
	c.run([]msg{
		{text: "kulonuwun, niki nomer napa nggih?", want: []string{"Suara Desa"}, commands: []string{}},
		{text: "halo", want: []string{"Setuju?"}},
		{text: "kula badhe usul dalan dusun sambiroto didandani, bolong2", want: []string{"YA"}, commands: []string{}},
		{text: "nggih kula setuju", commands: []string{"GiveConsent"}},
		{text: "2"},
		{text: "nami kula karto", want: []string{"desa"}},
		{text: "bimomartani"},
		{text: "sambiroto"},
		{text: "lanang", want: []string{"Karto", "G-TEST01"}, commands: []string{"Register", "CreateGagasan"}},
	})
	if c.saved[0].Title != "Dalan dusun sambiroto didandani, bolong2" {
		t.Fatalf("title %q", c.saved[0].Title)
	}
	c.run([]msg{
		{text: "gagasan"},
		{text: "dalan, dalane bolong2", want: []string{"irah-irahan"}},
		{text: "batal"},
		{text: "mau bikin undangan musdus", want: []string{"namung kangge kader"}},
	})
	k := withMeetings(kpmd(newConversation(t)))
	k.run([]msg{
		{text: "mau bikin undangan musdus", want: []string{"Siapa yang diundang?"}},
		{text: "warga dusun kejambon", want: []string{"Kapan?"}},
		{text: "besok jam 9"},
		{text: "di balai dusun aja"},
		{text: "lewati", want: []string{"Tempat: Balai dusun\n"}},
	})
	h := newConversation(t).registered(domain.GenderMale)
	h.run([]msg{
		{text: "gagasan"}, {text: "1"}, {text: "Jalan Sambiroto"},
		// The title says where: the dusun is not asked.
		{text: "berlubang", want: []string{"lokasi"}, notWant: []string{"usun mana"}},
		{text: "mboten", want: []string{"KK"}},
		{text: "kinten2 satus kk", want: []string{"100 KK"}},
	})
}

func TestRolledDateConfirmedOverTwoMessages(t *testing.T) {
	// Saturday 28 November 2026: "27/11" is a year ahead, typed without its hour.
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"}, {text: "1"}, {text: "1"},
		{text: "27/11", want: []string{"Jam berapa?"}},
		{text: "jam 9", want: []string{"Maksudnya Sabtu, 27 November 2027 pukul 09.00?"}},
		{text: "salah", want: []string{"Tanggal/jam itu tidak kami pahami"}},
	})
}
