package flows_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// hasilToEnd records R-HHHHHH's outcome (45 came, 20 women, the first
// gagasan moves on, the second is rejected): the messages before the last
// question of HASIL.
var hasilToEnd = []msg{
	{text: "HASIL R-HHHHHH"}, {text: "45"}, {text: "20"}, {text: "1"}, {text: "2"},
}

// HASIL ends by asking for the photo of the signed paper berita acara; a
// photo answers it and is kept with the meeting, once.
func TestHasilAsksForTheBeritaAcaraPhoto(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run(hasilToEnd)
	res := c.run2([]msg{
		{text: "Sudah dibiayai dana desa", want: []string{"Hasil R-HHHHHH tercatat", "kirim foto berita acara R-HHHHHH yang sudah ditandatangani", "LEWATI"},
			commands: []string{"RecordOutcome"}},
		{text: "ya", want: []string{"Kirim foto berita acara R-HHHHHH"}, commands: []string{}},
		{audio: true, want: []string{"Itu bukan foto"}, commands: []string{}},
		{text: "ini pak", image: true, want: []string{"Foto berita acara R-HHHHHH tersimpan", "Kirim halaman berikutnya bila ada"}, commands: []string{"SetBAPhoto"}},
	})
	got := res.Commands[0].(flow.SetBAPhoto)
	if got.MeetingID != 1 || got.MediaID != 903 || !got.At.Equal(c.now) || got.Page {
		t.Fatalf("SetBAPhoto = %+v, want meeting 1, media 903 at %v, a first page", got, c.now)
	}
	if c.sess.Flow != "fotoba" || c.sess.Step != "more" {
		t.Fatalf("after the photo the session is in %s/%s, want fotoba/more (the next pages)", c.sess.Flow, c.sess.Step)
	}
}

// LEWATI and the skips of the answer layer in the three languages end
// HASIL without a photo, saying how to send it later.
func TestHasilBeritaAcaraSkipped(t *testing.T) {
	for _, tc := range []struct{ lang, skip, want string }{
		{flow.LangID, "LEWATI", "Baik, tanpa foto"},
		{flow.LangID, "belum ada", "Baik, tanpa foto"},
		{flow.LangID, "nanti saja", "Baik, tanpa foto"},
		{flow.LangJV, "mengko wae", "Inggih, tanpa foto"},
		{flow.LangJV, "dereng wonten", "Inggih, tanpa foto"},
		{flow.LangSU, "engke", "Mangga, tanpa poto"},
		{flow.LangSU, "teu acan", "Mangga, tanpa poto"},
	} {
		t.Run(tc.lang+" "+tc.skip, func(t *testing.T) {
			c := withMeetings(kpmd(newConversation(t)))
			c.contact.Lang = tc.lang
			c.run(hasilToEnd)
			c.run([]msg{
				{text: "Sudah dibiayai dana desa", want: []string{"FOTO BA R-HHHHHH", "LEWATI"}, commands: []string{"RecordOutcome"}},
				{text: tc.skip, want: []string{tc.want, "FOTO BA R-HHHHHH"}, commands: []string{}},
			})
			if !c.sess.Idle() {
				t.Fatalf("after %q the session is in %s/%s", tc.skip, c.sess.Flow, c.sess.Step)
			}
		})
	}
}

// By SMS, which carries no photo, HASIL does not ask for it: it says, in a
// few words, how to send it by WhatsApp, within the SMS budget.
func TestHasilBySMSDoesNotAskForThePhoto(t *testing.T) {
	for _, lang := range flow.Langs {
		c := withMeetings(kpmd(newConversation(t))).bySMS()
		c.contact.Lang = lang
		c.run(hasilToEnd)
		res := c.run2([]msg{{text: "Sudah dibiayai dana desa", want: []string{"WhatsApp", "FOTO BA R-HHHHHH"}, notWant: []string{"LEWATI"},
			commands: []string{"RecordOutcome"}}})
		if !c.sess.Idle() {
			t.Fatalf("%s: by SMS the session waits in %s/%s", lang, c.sess.Flow, c.sess.Step)
		}
		if c.sess.More != "" || len(res.Replies) != 1 {
			t.Fatalf("%s: by SMS the end of HASIL is paged: %d replies, more %q", lang, len(res.Replies), c.sess.More)
		}
		if n, _ := smstext.Segments(smstext.ToGSM7(res.Replies[0].Text)); n > 2 {
			t.Errorf("%s: the end of HASIL costs %d SMS, want at most 2: %q", lang, n, res.Replies[0].Text)
		}
	}
}

// FOTO BA R-… later: with the photo attached, or the photo asked for
// next; its natural forms in the three languages; a second photo replaces
// the first and says so; a meeting not held yet, a cancelled one, a typed
// code missing.
func TestFotoBA(t *testing.T) {
	// This KPMD is also a TPK: a photo captioned FOTO BA is no progress
	// report.
	c := withMeetings(kpmd(newConversation(t)))
	res := c.run2([]msg{
		{text: "FOTO BA R-HHHHHH", image: true, want: []string{"Foto berita acara R-HHHHHH tersimpan"}, notWant: []string{"diganti"}, commands: []string{"SetBAPhoto"}},
	})
	if got := res.Commands[0].(flow.SetBAPhoto); got.MediaID != 900 {
		t.Fatalf("the photo kept is %d, want the one attached (900)", got.MediaID)
	}
	c.run([]msg{
		// The photo held with the caption was used once: FOTO BA again
		// asks for a photo, it does not store the same one twice.
		{text: "foto berita acara R-HHHHHH", want: []string{"Kirim foto berita acara R-HHHHHH"}, commands: []string{}},
		{image: true, want: []string{"Foto berita acara R-HHHHHH diganti dengan foto ini", "foto sebelumnya (28 November 2026) tetap tersimpan"}, commands: []string{"SetBAPhoto"}},
		{text: "BA R-HHHHHH", want: []string{"Kirim foto berita acara R-HHHHHH"}},
		{text: "LEWATI", want: []string{"Baik, tanpa foto"}, commands: []string{}},
		{text: "kirim potret BA rapat R-HHHHHH", image: true, want: []string{"diganti"}, commands: []string{"SetBAPhoto"}},
		{text: "FOTO BA R-AAAAAA", image: true, want: []string{"Rapat R-AAAAAA belum berlangsung"}, commands: []string{}},
		{text: "FOTO BA", want: []string{"Tulis kode rapatnya: FOTO BA R-xxxxxx"}, commands: []string{}},
		{text: "FOTO BA R-HHHHHH", audio: true, want: []string{"Itu bukan foto"}, commands: []string{}},
		{image: true, want: []string{"diganti"}, commands: []string{"SetBAPhoto"}},
	})
	c.fx.meetings["R-CCCCCC"].Status = domain.MeetingCanceled
	c.fx.meetings["R-CCCCCC"].StartsAt = c.now.Add(-48 * time.Hour)
	c.run([]msg{{text: "FOTO BA R-CCCCCC", image: true, want: []string{"Rapat R-CCCCCC dibatalkan"}, commands: []string{}}})

	// A photo sent first, FOTO BA R-… next: the photo held is the one
	// (from a KPMD who is no TPK: a TPK's photo alone starts LAPOR).
	h := withMeetings(kpmd(newConversation(t)))
	h.contact.Phone = "+6281234567002"
	res = h.run2([]msg{{image: true}, {text: "FOTO BA R-HHHHHH", want: []string{"tersimpan"}, commands: []string{"SetBAPhoto"}}})
	if got := res.Commands[0].(flow.SetBAPhoto); got.MediaID != 900 {
		t.Fatalf("the photo kept is %d, want the one held (900)", got.MediaID)
	}

	// Javanese and Sundanese words, answered in the KPMD's language.
	for _, tc := range []struct{ lang, text, want string }{
		{flow.LangJV, "niki potret berita acara R-HHHHHH", "Foto berita acara R-HHHHHH sampun kasimpen"},
		{flow.LangSU, "ieu poto BA R-HHHHHH", "Poto berita acara R-HHHHHH parantos disimpen"},
	} {
		k := withMeetings(kpmd(newConversation(t)))
		k.contact.Lang = tc.lang
		k.run([]msg{{text: tc.text, image: true, want: []string{tc.want}, commands: []string{"SetBAPhoto"}}})
	}

	// By SMS: no photo can come; it says how to send it by WhatsApp.
	s := withMeetings(kpmd(newConversation(t))).bySMS()
	s.run([]msg{{text: "FOTO BA R-HHHHHH", want: []string{"WhatsApp"}, commands: []string{}}})
	if !s.sess.Idle() {
		t.Fatalf("by SMS FOTO BA waits in %s/%s", s.sess.Flow, s.sess.Step)
	}
}

// Only a KPMD or facilitator of the meeting's desa sends its berita
// acara: a resident and a KPMD of another desa are refused, and their
// photo is not kept with the meeting.
func TestFotoBAWrongRole(t *testing.T) {
	r := withMeetings(newConversation(t).registered(domain.GenderMale))
	r.contact.Phone = "+6281234567002" // no TPK: a photo alone is held
	r.run([]msg{
		{text: "FOTO BA R-HHHHHH", image: true, want: []string{"FOTO BA hanya untuk kader"}, commands: []string{}},
		// The photo refused for the berita acara is not held for the
		// next flow: this complaint has none.
		{text: "ADUAN lampu jalan mati", want: []string{"kirim satu foto"}},
		{text: "BATAL"},
		{text: "foto berita acara R-HHHHHH", want: []string{"FOTO BA hanya untuk kader"}, commands: []string{}},
		// "ba" and "foto …" without a code are a resident's ordinary words.
		{text: "ba", notWant: []string{"kader"}, commands: []string{}},
	})
	other := withMeetings(kpmd(newConversation(t)))
	other.fx.meetings["R-XXXXXX"].StartsAt = other.now.Add(-24 * time.Hour)
	other.run([]msg{{text: "FOTO BA R-XXXXXX", image: true, want: []string{"FOTO BA hanya untuk kader"}, commands: []string{}}})

	f := withMeetings(newConversation(t).registered(domain.GenderMale))
	f.contact.Roles = []domain.RoleAssignment{{Role: domain.RoleFasilitator, DesaKode: "34.04.11.2004"}}
	f.run([]msg{{text: "FOTO BA R-XXXXXX", image: true, want: []string{"Rapat R-XXXXXX belum berlangsung"}, commands: []string{}}})
	f.fx.meetings["R-XXXXXX"].StartsAt = f.now.Add(-24 * time.Hour)
	f.run([]msg{{text: "FOTO BA R-XXXXXX", image: true, want: []string{"tersimpan"}, commands: []string{"SetBAPhoto"}}})
}

// A berita acara of several pages: after a page is kept, the photos that
// follow within a few minutes are its next pages (a PDF scan too), not a
// progress report (this KPMD is also a TPK) nor a photo held for the next
// GAGASAN; "sudah" ends with the count; a photo later is no page.
func TestBeritaAcaraPages(t *testing.T) {
	for _, tpk := range []bool{true, false} {
		c := withMeetings(kpmd(newConversation(t)))
		if !tpk {
			c.contact.Phone = "+6281234567002"
		}
		c.run(hasilToEnd)
		c.run([]msg{{text: "Sudah dibiayai dana desa", commands: []string{"RecordOutcome"}}})
		for _, step := range []struct {
			m     msg
			media int64
			page  bool
		}{
			{msg{image: true, want: []string{"Foto berita acara R-HHHHHH tersimpan", "Kirim halaman berikutnya bila ada"}, commands: []string{"SetBAPhoto"}}, 900, false},
			{msg{image: true, want: []string{"Halaman 2 berita acara R-HHHHHH tersimpan"}, notWant: []string{"progres", "diterima"}, commands: []string{"SetBAPhoto"}}, 900, true},
			{msg{pdf: true, advance: 3 * time.Minute, want: []string{"Halaman 3 berita acara R-HHHHHH"}, commands: []string{"SetBAPhoto"}}, 700, true},
		} {
			res := c.run2([]msg{step.m})
			if got := res.Commands[0].(flow.SetBAPhoto); got.MediaID != step.media || got.Page != step.page || got.MeetingID != 1 {
				t.Fatalf("tpk %v: %+v, want media %d page %v", tpk, got, step.media, step.page)
			}
		}
		c.run([]msg{{text: "sudah", want: []string{"Berita acara R-HHHHHH tersimpan: 3 halaman"}, commands: []string{}}})
		if !c.sess.Idle() || c.sess.Held != 0 {
			t.Fatalf("tpk %v: after the pages the session is %+v", tpk, c.sess)
		}
	}
	// A photo well after the last page is no page: a TPK's starts LAPOR.
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "FOTO BA R-HHHHHH", image: true, want: []string{"tersimpan", "Kirim halaman berikutnya bila ada"}, commands: []string{"SetBAPhoto"}},
		{image: true, advance: 10 * time.Minute, notWant: []string{"Halaman 2"}, commands: []string{}},
	})
	if c.sess.Flow == "fotoba" {
		t.Fatalf("a photo ten minutes later is still a page: %s/%s", c.sess.Flow, c.sess.Step)
	}
}

// The photo question (after HASIL, FOTO BA's) and the pages' step are
// soft: a new request is done, not met with the question again; skips and
// photos still answer it.
func TestBeritaAcaraQuestionIsSoft(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
		flow       string
	}{
		{"undang", "mau bikin undangan musdus", []string{"Siapa yang diundang?"}, "undang"},
		{"usul", "saya mau usul lagi dong", nil, "gagasan"},
		{"tarik", "tarik G-TARKAA", []string{"Balas YA untuk menarik"}, "tarik"},
	} {
		for _, start := range []string{"hasil", "fotoba", "more"} {
			t.Run(tc.name+" "+start, func(t *testing.T) {
				c := withMeetings(kpmd(newConversation(t))).ownWaiting(1)
				switch start {
				case "hasil":
					c.run(hasilToEnd)
					// The KPMD's own waiting gagasan, not on the agenda, is
					// offered once after it (TestHasilAsksOtherGagasan).
					c.run([]msg{{text: "Sudah dibiayai dana desa", want: []string{"Ada gagasan lain", "G-TARKAA"}},
						{text: "LEWATI", want: []string{"LEWATI", "foto berita acara"}}})
				case "fotoba":
					c.run([]msg{{text: "foto BA R-HHHHHH", want: []string{"Kirim foto berita acara R-HHHHHH"}}})
				case "more":
					c.run([]msg{{text: "FOTO BA R-HHHHHH", image: true, want: []string{"tersimpan"}}})
				}
				c.run([]msg{{text: tc.text, want: tc.want, notWant: []string{"foto berita acara", "Halaman"}, commands: []string{}}})
				if c.sess.Flow != tc.flow {
					t.Fatalf("%q: session in %s/%s, want %s", tc.text, c.sess.Flow, c.sess.Step, tc.flow)
				}
			})
		}
	}
	// A text left till the question timed out ends it, it is no pause.
	c := withMeetings(kpmd(newConversation(t)))
	c.run(hasilToEnd)
	c.run([]msg{
		{text: "Sudah dibiayai dana desa", want: []string{"LEWATI"}},
		{text: "STATUS", advance: 2 * time.Hour, notWant: []string{"LANJUT"}},
	})
	if c.sess.Paused != nil {
		t.Fatalf("the photo question paused: %+v", c.sess.Paused)
	}
}

// FOTO BA R-… takes a photo sent just before it, and says which; one sent
// longer ago (a road photo earlier in the session) is not taken: the
// photo is asked for.
func TestFotoBAHeldPhotoOnlyWhenRecent(t *testing.T) {
	h := withMeetings(kpmd(newConversation(t)))
	h.contact.Phone = "+6281234567002" // no TPK: a photo alone is held
	res := h.run2([]msg{{image: true}, {text: "FOTO BA R-HHHHHH", want: []string{"Foto yang dikirim pukul", "dipakai sebagai berita acara R-HHHHHH", "tersimpan"}, commands: []string{"SetBAPhoto"}}})
	if got := res.Commands[0].(flow.SetBAPhoto); got.MediaID != 900 {
		t.Fatalf("the photo kept is %d, want the one held (900)", got.MediaID)
	}
	old := withMeetings(kpmd(newConversation(t)))
	old.contact.Phone = "+6281234567002"
	old.run([]msg{
		{image: true},
		{text: "FOTO BA R-HHHHHH", advance: 10 * time.Minute, want: []string{"Kirim foto berita acara R-HHHHHH"}, notWant: []string{"tersimpan", "dipakai"}, commands: []string{}},
	})
	if old.sess.Flow != "fotoba" || old.sess.Step != "photo" {
		t.Fatalf("FOTO BA with an old photo held: session %s/%s, want fotoba/photo", old.sess.Flow, old.sess.Step)
	}
}

// A berita acara sent as a file: a PDF scan answers the question, and so
// does a picture sent as a document.
func TestBeritaAcaraAsDocument(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run(hasilToEnd)
	res := c.run2([]msg{
		{text: "Sudah dibiayai dana desa", commands: []string{"RecordOutcome"}},
		{pdf: true, want: []string{"Foto berita acara R-HHHHHH tersimpan"}, notWant: []string{"bukan foto"}, commands: []string{"SetBAPhoto"}},
	})
	if got := res.Commands[0].(flow.SetBAPhoto); got.MediaID != 701 {
		t.Fatalf("the file kept is %d, want the PDF (701)", got.MediaID)
	}
}

// "ba" typed without a code inside a flow is that step's answer: HASIL
// mid-way goes on; idle, the code is asked for.
func TestBAWithoutCodeKeepsTheFlow(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "HASIL R-HHHHHH", want: []string{"berapa orang yang hadir"}},
		{text: "ba", notWant: []string{"Tulis kode rapatnya"}, commands: []string{}},
		{text: "45", commands: []string{}},
	})
	if c.sess.Flow != "hasil" || c.sess.Step != "women" {
		t.Fatalf("after \"ba\" mid-way HASIL is at %s/%s, want hasil/women", c.sess.Flow, c.sess.Step)
	}
	c.run([]msg{{text: "BATAL"}, {text: "ba", want: []string{"Tulis kode rapatnya"}}})
}
