package flows_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// hadirMeeting makes R-AAAAAA a meeting of type typ on Tuesday 8
// December 2026 09.00 WIB at place, the only one coming.
func hadirMeeting(c *conversation, typ domain.MeetingType, place string) *conversation {
	c.fx.meetings = map[string]*domain.Meeting{"R-AAAAAA": {ID: 4, Code: "R-AAAAAA", Type: typ, DesaKode: "34.04.11.2002",
		DesaNama: "Bimomartani", Audience: domain.AudienceDusun, DusunNama: "Kejambon", StartsAt: time.Date(2026, 12, 8, 2, 0, 0, 0, time.UTC),
		Place: place, Status: domain.MeetingScheduled, TZ: "Asia/Jakarta"}}
	return c
}

// TestHadirNamesHourAndPlace: the HADIR confirmation names the meeting's
// hour and place besides its day, in the three languages, in one SMS for
// every meeting type at a place of ordinary length; an answer that named
// another day than the meeting's is recorded and told the meeting's day
// plainly, in one SMS too; the meeting's own day, or no day, is not
// corrected.
func TestHadirNamesHourAndPlace(t *testing.T) {
	wed := time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC) // Wednesday 2 December, 10.00 WIB
	cases := []struct {
		lang, text, want string
		notWant          []string
	}{
		{"id", "HADIR", "(Musyawarah Dusun, Selasa 8 Desember 2026 pukul 09.00 WIB di Balai Desa) tercatat.", []string{"bukan"}},
		{"jv", "kula rawuh", "(Musyawarah Dusun, Selasa 8 Desember 2026 jam 09.00 WIB ing Balai Desa) kacathet.", []string{"sanes"}},
		{"su", "HADIR", "(Musyawarah Dusun, Salasa 8 Désémber 2026 jam 09.00 WIB di Balai Desa) parantos kacatet.", []string{"sanés"}},
		{"jv", "sesuk jam 9 kula rawuh nggih", "Wangsulan HADIR kangge R-AAAAAA sampun kacathet. Rapatipun sanes benjing, nanging Selasa 8 Desember 2026 jam 09.00 WIB ing Balai Desa.", nil},
		{"id", "besok saya datang", "Jawaban HADIR untuk R-AAAAAA tercatat. Rapatnya bukan besok, tetapi Selasa 8 Desember 2026 pukul 09.00 WIB di Balai Desa.", nil},
		{"id", "insyaallah hari ini datang", "Rapatnya bukan hari ini, tetapi Selasa", nil},
		{"id", "hadir R-AAAAAA jumat", "Rapatnya bukan Jumat 4 Desember 2026, tetapi Selasa", nil},
		{"su", "énjing abdi sumping", "Rapatna sanés énjing, tapi Salasa 8 Désémber 2026 jam 09.00 WIB di Balai Desa.", nil},
		{"id", "selasa saya datang", "(Musyawarah Dusun, Selasa 8 Desember 2026 pukul 09.00 WIB di Balai Desa) tercatat.", []string{"bukan"}},
		{"jv", "tgl 8 kula rawuh", "ing Balai Desa) kacathet", []string{"sanes"}},
	}
	for _, tc := range cases {
		c := hadirMeeting(newConversation(t).registered(domain.GenderFemale), domain.MeetingMusdus, "Balai Desa")
		c.now, c.contact.Lang = wed, tc.lang
		res := c.send(0, msg{text: tc.text, want: []string{tc.want}, notWant: tc.notWant, commands: []string{"SetRSVP"}})
		if n, _ := smstext.Segments(res.Replies[0].Text); n != 1 || len(res.Replies) != 1 {
			t.Errorf("%q: %d replies, the first %d SMS: %q", tc.text, len(res.Replies), n, res.Replies[0].Text)
		}
	}
	// Every meeting type, at a place of ordinary length, on the longest
	// day and month names: one SMS still.
	for _, lang := range []string{"id", "jv", "su"} {
		for _, typ := range []domain.MeetingType{domain.MeetingMADSosialisasi, domain.MeetingMusdesSosialisasi, domain.MeetingMusdus,
			domain.MeetingMKP, domain.MeetingMusdesPerencanaan, domain.MeetingMADPrioritas, domain.MeetingMADPenetapan,
			domain.MeetingMusdesInformasi, domain.MeetingPertanggungjawaban, domain.MeetingSerahTerima,
			domain.MeetingPelatihanKPMD, domain.MeetingPelatihanPemelihara} {
			for _, text := range []string{"HADIR", "besok saya datang"} {
				c := hadirMeeting(newConversation(t).registered(domain.GenderFemale), typ, "Balai Dusun Kejambon")
				c.fx.meetings["R-AAAAAA"].StartsAt = time.Date(2026, 9, 30, 2, 0, 0, 0, time.UTC) // Rabu 30 September
				c.now, c.contact.Lang = time.Date(2026, 9, 20, 3, 0, 0, 0, time.UTC), lang
				res := c.send(0, msg{text: text, commands: []string{"SetRSVP"}})
				if n, _ := smstext.Segments(res.Replies[0].Text); n != 1 {
					t.Errorf("%s %s %q: %d SMS (%d chars): %q", lang, typ, text, n, len([]rune(res.Replies[0].Text)), res.Replies[0].Text)
				}
			}
		}
	}
}
