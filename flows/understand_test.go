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
	if c.sess.Data["title"] != "Posyandu Kejambon" || c.sess.Data["cat"] != string(domain.CategoryKesehatan) {
		t.Fatalf("answers lost: %+v", c.sess.Data)
	}
}

func TestPendingGagasanSavedAfterRegistration(t *testing.T) {
	c := newConversation(t)
	c.channel = "sms:bimo"
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
		{text: "tetap", want: []string{"R-AAAAAA"}, commands: []string{"MoveMeeting"}},
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
