package flows_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestCodeFollowedByWords: Mas Anto types the code and goes on; a valid
// code followed by words is that code, for HASIL (the words answering the
// attendance question), UNDANG, FOTO BA, STATUS and TARIK.
func TestCodeFollowedByWords(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "hasil R-HHHHHH sing teko 14 wedoke 6, lampu gang lanjut, timbangan posyandu lanjut",
		want: []string{"Keputusan untuk G-7KM4XA"}, notWant: []string{"bukan kode rapat", "berapa orang yang hadir", "Berapa perempuan"}}})
	if c.sess.Flow != "hasil" || c.sess.Step != "decision" {
		t.Fatalf("at %s/%s, want hasil/decision", c.sess.Flow, c.sess.Step)
	}
	// Words that do not answer it leave the question asked.
	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "HASIL R-HHHHHH wingi sore", want: []string{"berapa orang yang hadir"}, notWant: []string{"bukan kode rapat", "Mohon balas dengan angka"}}})

	for _, text := range []string{"UNDANG R-AAAAAA sopo wae sing wis jawab", "undang r aaaaaa, piye", "FOTO BA R-HHHHHH iki lho",
		"STATUS G-7KM4XA piye kabare", "TARIK G-7KM4XA wae"} {
		c := withMeetings(kpmd(newConversation(t)))
		c.run([]msg{{text: text, notWant: []string{"bukan kode"}}})
	}
	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "UNDANG R-AAAAAA sopo wae sing wis jawab", want: []string{"R-AAAAAA"}, notWant: []string{"bukan kode rapat"}}})
}

// TestUndangWordsWithADay: "undang musdus kejambon jumat depan jam 7
// bengi" is an invitation whose type and dusun are named, never "… bukan
// kode rapat".
func TestUndangWordsWithADay(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "undang musdus kejambon jumat depan jam 7 bengi", notWant: []string{"bukan kode rapat"}}})
	if c.sess.Flow != "undang" {
		t.Fatalf("at %s/%s, want the invitation flow", c.sess.Flow, c.sess.Step)
	}
	if c.sess.Step != "place" {
		t.Fatalf("at %s: the type, dusun and time named were not read", c.sess.Step)
	}
	c.run([]msg{{text: "Balai Dusun Kejambon"}, {text: "1", want: []string{"Musyawarah Dusun Kejambon", "Pukul: 19.00 WIB", "Jumat"}}})
}

// TestMeetingCodeAsStatus: "cek undangan R-…" and a cadre's bare "R-…
// sopo wae sing wis jawab" show the meeting's status, as UNDANG R-… does,
// never "… bukan kode gagasan"; a KPMD of another desa is refused.
func TestMeetingCodeAsStatus(t *testing.T) {
	for _, text := range []string{"cek undangan R-AAAAAA", "STATUS R-AAAAAA", "R-AAAAAA sopo wae sing wis jawab", "r-aaaaaa"} {
		c := withMeetings(kpmd(newConversation(t)))
		c.run([]msg{{text: text, want: []string{"R-AAAAAA"}, notWant: []string{"bukan kode", "tidak kami pahami"}}})
		if c.sess.Flow != "rapat" || c.sess.Step != "manage" {
			t.Errorf("%q: at %s/%s, want the meeting's status (rapat/manage)", text, c.sess.Flow, c.sess.Step)
		}
	}
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "cek undangan R-XXXXXX", want: []string{"hanya untuk kader"}}})
}

// TestVoteOfferOnlyWhenItServes: the status of a meeting (UNDANG R-…)
// offers to open its suara warga only when it has agenda gagasan to order
// and more than a day is left; otherwise the line (one more SMS each
// time) is left out.
func TestVoteOfferOnlyWhenItServes(t *testing.T) {
	const offer = "belum dibuka"
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "UNDANG R-AAAAAA", want: []string{offer}}}) // agenda of two, a week ahead
	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "UNDANG R-CCCCCC", want: []string{"R-CCCCCC"}, notWant: []string{offer}}}) // no agenda
	c = withMeetings(kpmd(newConversation(t)))
	c.now = time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC) // 16 hours before R-AAAAAA
	c.run([]msg{{text: "UNDANG R-AAAAAA", want: []string{"R-AAAAAA"}, notWant: []string{offer}}})
}

// TestBAQuestionKeepsSentences: at the berita acara photo question after
// HASIL, a sentence about the decisions is not filed as a public gagasan:
// the question is said again.
func TestBAQuestionKeepsSentences(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run(hasilToEnd)
	c.run([]msg{{text: "Sudah dibiayai dana desa", commands: []string{"RecordOutcome"}},
		{text: "lho usulan lampu gang mbah karto karo timbangan posyandu lanjut kabeh", want: []string{"foto berita acara R-HHHHHH", "LEWATI"},
			notWant: []string{"G-TEST01"}, commands: []string{}}})
	if c.sess.Flow != "hasil" || c.sess.Step != "ba_photo" {
		t.Fatalf("at %s/%s, want the photo question still", c.sess.Flow, c.sess.Step)
	}
}

// TestDisownAfterQuickSave: "lho dudu, iku dudu usulan. batalke",
// "batalke" or "salah" right after a gagasan was saved from one message
// offer to withdraw it (YA/TIDAK); the words are never added to it, and
// YA withdraws it.
func TestDisownAfterQuickSave(t *testing.T) {
	for _, text := range []string{"lho dudu, iku dudu usulan. batalke", "batalke", "salah", "bukan usulan"} {
		c := kpmd(newConversation(t))
		c.send(0, msg{text: "saya mau usul lampu gang mbah karto di RT 3", commands: []string{"CreateGagasan"}})
		g := c.saved[0]
		sender := int64(c.contact.ID)
		g.SenderID = &sender
		c.fx.gagasan[g.Code] = &g // as the store has it
		c.run([]msg{{text: text, want: []string{"Balas YA untuk menarik"}, notWant: []string{"Ditambahkan", "Dibatalkan"}, commands: []string{}},
			{text: "ya", commands: []string{"WithdrawGagasan"}}})
	}
}

// TestHasilAgainPostsOnlyAChange: HASIL saved again with the same counts
// and no new decision asks the store to post nothing into the group; a
// changed count is posted as a correction ("Ralat").
func TestHasilAgainPostsOnlyAChange(t *testing.T) {
	for _, tc := range []struct {
		counts string
		post   string // "" none
	}{
		{"sing teko 46, wedok e 19", ""},
		{"sing teko 40, wedok e 19", "Ralat hasil Musyawarah Dusun"},
	} {
		c := withMeetings(kpmd(newConversation(t)))
		m := c.fx.meetings["R-HHHHHH"]
		attended, women := 46, 19
		m.Attended, m.AttendedWomen, m.Status = &attended, &women, domain.MeetingHeld
		for _, g := range []string{"G-7KM4XA", "G-XXXXXX"} {
			c.fx.gagasan[g].Status = domain.StatusUsulanDesa
		}
		c.fx.decided = map[int64]map[string]domain.Status{1: {"G-7KM4XA": domain.StatusUsulanDesa, "G-XXXXXX": domain.StatusUsulanDesa}}
		res := c.run2([]msg{{text: "HASIL R-HHHHHH", want: []string{"sudah tercatat"}}, {text: "ya"},
			{text: tc.counts, commands: []string{"RecordOutcome"}}})
		ro := res.Commands[0].(flow.RecordOutcome)
		switch got := ro.Post[flow.LangID]; {
		case tc.post == "" && len(ro.Post) != 0:
			t.Errorf("%q: the same outcome posted again: %q", tc.counts, got)
		case tc.post != "" && !strings.Contains(got, tc.post):
			t.Errorf("%q: posted %q, want a correction", tc.counts, got)
		}
	}
}

// TestHasilAsksOtherGagasan: after the agenda's items, HASIL asks once
// about the dusun's (or desa's) other waiting gagasan (filed after the
// invitation, or left off a typed agenda); the numbers picked are decided
// as the agenda's, LEWATI records the agenda alone.
func TestHasilAsksOtherGagasan(t *testing.T) {
	lampu := func(c *conversation) *conversation {
		c.fx.gagasan["G-LAMPU1"] = &domain.Gagasan{ID: 41, Code: "G-LAMPU1", Title: "Lampu gang mbah Karto", Status: domain.StatusDiajukan,
			DesaKode: "34.04.11.2002"}
		return c
	}
	c := lampu(withMeetings(kpmd(newConversation(t))))
	res := c.run2([]msg{{text: "HASIL R-HHHHHH"}, {text: "14"}, {text: "6"}, {text: "1"},
		{text: "1", want: []string{"Ada gagasan lain yang dibahas", "1. G-LAMPU1 Lampu gang mbah Karto", "LEWATI"},
			notWant: []string{"G-7KM4XA Jalan", "tercatat"}, commands: []string{}},
		{text: "1", want: []string{"Keputusan untuk G-LAMPU1"}, commands: []string{}},
		{text: "1", want: []string{"Hasil R-HHHHHH tercatat: 14 hadir (6 perempuan), 3 keputusan"}, commands: []string{"RecordOutcome"}},
	})
	ro := res.Commands[0].(flow.RecordOutcome)
	if len(ro.Decisions) != 3 || ro.Decisions[2].GagasanCode != "G-LAMPU1" || ro.Decisions[2].To != domain.StatusDibahas ||
		!strings.Contains(ro.Post[flow.LangID], "G-LAMPU1 Lampu gang mbah Karto") {
		t.Fatalf("outcome %+v", ro)
	}
	c = lampu(withMeetings(kpmd(newConversation(t))))
	res = c.run2([]msg{{text: "HASIL R-HHHHHH"}, {text: "14"}, {text: "6"}, {text: "1"}, {text: "1", want: []string{"Ada gagasan lain"}},
		{text: "lewati", want: []string{"tercatat: 14 hadir (6 perempuan), 2 keputusan"}, commands: []string{"RecordOutcome"}}})
	if ro := res.Commands[0].(flow.RecordOutcome); len(ro.Decisions) != 2 {
		t.Fatalf("outcome %+v", ro)
	}
	// The numbers mean the list as shown: the first gagasan withdrawn
	// before the answer keeps its number; "2" is still the second, and no
	// other takes the first's place (review).
	c = lampu(withMeetings(kpmd(newConversation(t))))
	c.fx.gagasan["G-SUMUR2"] = &domain.Gagasan{ID: 42, Code: "G-SUMUR2", Title: "Sumur bor Kejambon", Status: domain.StatusDiajukan,
		DesaKode: "34.04.11.2002", CreatedAt: c.now.Add(time.Hour)}
	c.run([]msg{{text: "HASIL R-HHHHHH"}, {text: "14"}, {text: "6"}, {text: "1"},
		{text: "1", want: []string{"Ada gagasan lain", "G-LAMPU1", "G-SUMUR2"}}})
	c.fx.gagasan["G-LAMPU1"].Status = domain.StatusDitarik
	c.run([]msg{{text: "1", want: []string{"tercatat: 14 hadir (6 perempuan), 2 keputusan"}, notWant: []string{"G-SUMUR2"}, commands: []string{"RecordOutcome"}}})
	c = lampu(withMeetings(kpmd(newConversation(t))))
	c.fx.gagasan["G-SUMUR2"] = &domain.Gagasan{ID: 42, Code: "G-SUMUR2", Title: "Sumur bor Kejambon", Status: domain.StatusDiajukan,
		DesaKode: "34.04.11.2002", CreatedAt: c.now.Add(time.Hour)}
	c.run([]msg{{text: "HASIL R-HHHHHH"}, {text: "14"}, {text: "6"}, {text: "1"}, {text: "1", want: []string{"Ada gagasan lain"}}})
	c.fx.gagasan["G-LAMPU1"].Status = domain.StatusDitarik
	c.run([]msg{{text: "2", want: []string{"Keputusan untuk G-SUMUR2"}}})
	// No other gagasan waiting: not asked.
	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "HASIL R-HHHHHH"}, {text: "14"}, {text: "6"}, {text: "1"},
		{text: "1", want: []string{"tercatat"}, notWant: []string{"Ada gagasan lain"}, commands: []string{"RecordOutcome"}}})
}

// TestMeetingStatusNamesFewAnswers: the meeting's status (UNDANG R-…)
// names who answered HADIR and TIDAK when ten or fewer did; with more,
// the counts alone; a KPMD of another desa sees neither.
func TestMeetingStatusNamesFewAnswers(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.fx.answerers = map[int64][]domain.Answerer{1: {{Name: "Sari", RSVP: domain.RSVPHadir}, {Name: "Mbah Karto", RSVP: domain.RSVPHadir},
		{Name: "Joko", RSVP: domain.RSVPTidak}}}
	c.run([]msg{{text: "UNDANG R-AAAAAA", want: []string{"HADIR: 2", "Yang HADIR: Sari, Mbah Karto", "Yang TIDAK: Joko"}}})

	c = withMeetings(kpmd(newConversation(t)))
	var many []domain.Answerer
	for i := range 11 {
		many = append(many, domain.Answerer{Name: "Warga " + string(rune('A'+i)), RSVP: domain.RSVPHadir})
	}
	c.fx.answerers = map[int64][]domain.Answerer{1: many}
	c.run([]msg{{text: "UNDANG R-AAAAAA", want: []string{"HADIR: 11"}, notWant: []string{"Warga A", "Yang HADIR"}}})

	c = withMeetings(kpmd(newConversation(t)))
	c.fx.answerers = map[int64][]domain.Answerer{9: {{Name: "Sari", RSVP: domain.RSVPHadir}}}
	c.run([]msg{{text: "UNDANG R-XXXXXX", want: []string{"hanya untuk kader"}, notWant: []string{"Sari"}}})
}

// TestBAPhotoByCaption: a photo captioned "iki foto berita acara musdus
// kejambon wingi", with exactly one of the KPMD's meetings awaiting its
// berita acara, is offered as that one's (YA keeps it); with none
// awaiting, it is kept as any photo.
func TestBAPhotoByCaption(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "iki foto berita acara musdus kejambon wingi", image: true, want: []string{"Foto ini untuk berita acara R-HHHHHH? Balas YA"},
		notWant: []string{"sudah kami catat"}, commands: []string{}},
		{text: "yo", want: []string{"Foto berita acara R-HHHHHH tersimpan"}, commands: []string{"SetBAPhoto"}}})

	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "iki foto berita acara musdus kejambon wingi", image: true, want: []string{"berita acara R-HHHHHH?"}},
		{text: "ora", commands: []string{}}})

	c = withMeetings(kpmd(newConversation(t)))
	c.fx.meetings["R-HHHHHH"].Status = domain.MeetingCanceled
	c.run([]msg{{text: "iki foto berita acara musdus kejambon wingi", image: true, notWant: []string{"Foto ini untuk berita acara"}, commands: []string{}}})
}
