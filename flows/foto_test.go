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
		{text: "sebentar", want: []string{"Kirim foto berita acara R-HHHHHH"}, commands: []string{}},
		{audio: true, want: []string{"Itu bukan foto"}, commands: []string{}},
		{text: "ini pak", image: true, want: []string{"Foto berita acara R-HHHHHH tersimpan"}, commands: []string{"SetBAPhoto"}},
	})
	got := res.Commands[0].(flow.SetBAPhoto)
	if got.MeetingID != 1 || got.MediaID != 903 || !got.At.Equal(c.now) {
		t.Fatalf("SetBAPhoto = %+v, want meeting 1, media 903 at %v", got, c.now)
	}
	if !c.sess.Idle() {
		t.Fatalf("after the photo the session is in %s/%s", c.sess.Flow, c.sess.Step)
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
