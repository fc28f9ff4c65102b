package flows_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Mas Anto (KPMD, types fast in Indonesian and Javanese ngoko) moving,
// inviting and linking his group.

// withFridayMeeting adds R-F7XM6X, a musdus of Kejambon on Friday 11
// December 19.00 WIB (the conversation's clock is Saturday 28 November).
func withFridayMeeting(c *conversation) *conversation {
	withMeetings(c)
	c.fx.meetings["R-F7XM6X"] = &domain.Meeting{ID: 17, Code: "R-F7XM6X", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002",
		DesaNama: "Bimomartani", Audience: domain.AudienceDusun, DusunNama: "Kejambon", StartsAt: time.Date(2026, 12, 11, 12, 0, 0, 0, time.UTC),
		Place: "Rumah Pak RT", Status: domain.MeetingScheduled, TZ: "Asia/Jakarta"}
	return c
}

// TestMoveEarlierIsSaidAndCorrected: "sabtu jam 8 bengi" for a meeting of
// Friday the 11th is the coming Saturday (the 5th), and the confirmation
// says it is earlier than the meeting's own day; "lho dudu, sabtu tgl 12"
// at YA/TIDAK is a correction, shown again with the hour kept; "sabtu 12
// jam 8 bengi" is the 12th; YA moves it there.
func TestMoveEarlierIsSaidAndCorrected(t *testing.T) {
	c := withFridayMeeting(kpmd(newConversation(t)))
	c.contact.Lang = flow.LangJV
	c.run([]msg{
		{text: "UNDANG R-F7XM6X"},
		{text: "1"},
		{text: "sabtu jam 8 bengi"},
		{text: "sami", want: []string{"Setu, 5 Desember 2026 jam 20.00", "LANGKUNG RUMIYIN", "Jemuwah 11 Desember", "Setu 12"}, commands: []string{}},
		{text: "lho dudu, sabtu tgl 12", want: []string{"Setu, 12 Desember 2026 jam 20.00"}, notWant: []string{"LANGKUNG RUMIYIN"}, commands: []string{}},
	})
	if c.sess.Step != "move_confirm" {
		t.Fatalf("at %q after the correction", c.sess.Step)
	}
	res := c.send(9, msg{text: "ya", commands: []string{"MoveMeeting"}})
	mv := res.Commands[0].(flow.MoveMeeting)
	if got := mv.At.In(time.FixedZone("WIB", 7*3600)).Format("2006-01-02 15:04"); got != "2026-12-12 20:00" {
		t.Errorf("moved to %s", got)
	}

	// The day number with the weekday at the time question.
	c = withFridayMeeting(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG R-F7XM6X"},
		{text: "1"},
		{text: "sabtu 12 jam 8 bengi"},
		{text: "sama", want: []string{"Sabtu, 12 Desember 2026 pukul 20.00"}, notWant: []string{"LEBIH AWAL"}},
	})

	// A weekday that is not the date's is asked back naming both.
	c = withFridayMeeting(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG R-F7XM6X"},
		{text: "1"},
		{text: "sabtu 13 jam 8 bengi", want: []string{"Tanggal 13 Desember itu hari Minggu, bukan Sabtu", "Minggu 13", "Sabtu 19"}},
	})
	if c.sess.Step != "move_when" {
		t.Errorf("at %q", c.sess.Step)
	}
	// And at the confirmation too, the move waiting.
	c.run([]msg{
		{text: "sabtu 12 jam 8 bengi"},
		{text: "sama"},
		{text: "jumat 12", want: []string{"bukan Jumat"}, commands: []string{}},
		{text: "jam 7 malem", want: []string{"Sabtu, 12 Desember 2026 pukul 19.00"}, commands: []string{}},
	})
}

// TestUndangPreviewTakesADate: at the invitation's preview, a date is a
// correction of its day, shown again.
func TestUndangPreviewTakesADate(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"},
		{text: "2"},
		{text: "Senin 14.00"},
		{text: "Balai Desa"},
		{text: "Pembahasan gagasan"},
	})
	if c.sess.Step != "preview" {
		t.Fatalf("at %q", c.sess.Step)
	}
	res := c.send(5, msg{text: "eh selasa wae", want: []string{"Selasa, 1 Desember 2026"}, commands: []string{}})
	if c.sess.Step != "preview" || !strings.Contains(res.Replies[0].Text, "14.00") {
		t.Errorf("at %q: %v", c.sess.Step, res.Replies)
	}
}

// TestPlaceWithTheTime: "di <place>" after the time is the place (no
// place question; the preview shows it); a place answer's fillers ("lha
// kan wis tak tulis,") are dropped; at the preview "ubah tempate", "ganti
// tempat", "ubah jam", "ganti tanggal" go straight to that part.
func TestPlaceWithTheTime(t *testing.T) {
	start := []msg{{text: "UNDANG"}, {text: "1"}, {text: "dusun kejambon"}}
	c := withMeetings(kpmd(newConversation(t)))
	c.run(append(start, msg{text: "jumat depan jam 8 malem di rumah pak RT", notWant: []string{"tempat"}}))
	if c.sess.Step != "agenda" {
		t.Fatalf("at %q after the time with its place", c.sess.Step)
	}
	c.run([]msg{{text: "lewati", want: []string{"Rumah pak RT", "Jumat, 4 Desember 2026"}}})

	c = withMeetings(kpmd(newConversation(t)))
	c.run(append(start, msg{text: "jumat depan jam 8 malem", want: []string{"tempat"}},
		msg{text: "lha kan wis tak tulis, rumah pak RT"}, msg{text: "lewati", want: []string{"Tempat: Rumah pak RT"}, notWant: []string{"tulis"}}))
	for _, tc := range []struct{ text, step string }{
		{"ubah tempate", "place"}, {"ganti tempat", "place"}, {"ubah jam", "when"}, {"ganti tanggal", "when"}, {"ganti jame", "when"},
	} {
		c.sess.Step = "preview"
		c.run([]msg{{text: tc.text}})
		if c.sess.Step != tc.step {
			t.Errorf("%q: at %q, want %q", tc.text, c.sess.Step, tc.step)
		}
	}
	for _, tc := range []struct{ text, place string }{
		{"sudah saya tulis, balai dusun", "Balai dusun"}, {"kan tadi di rumah pak RT", "Rumah pak RT"}, {"Rumah Pak Kadus", "Rumah Pak Kadus"},
	} {
		c.sess.Step = "place"
		c.run([]msg{{text: tc.text, want: []string{"Tempat: " + tc.place + "\n"}}})
	}

	// Moving a meeting: the place with the time skips the place question.
	c = withFridayMeeting(kpmd(newConversation(t)))
	c.run([]msg{{text: "UNDANG R-F7XM6X"}, {text: "1"},
		{text: "sabtu 12 jam 8 bengi di balai dusun", want: []string{"Pindahkan R-F7XM6X ke Sabtu, 12 Desember 2026 pukul 20.00 di Balai dusun?"}}})
}

// TestWhichMeetingByAudience: at "Rapat mana?" (a musdus and an MKP
// listed), "nu dusun", "sing dusun", "rapat dusun" pick the only dusun
// meeting; the question says the number works, in every language.
func TestWhichMeetingByAudience(t *testing.T) {
	for _, tc := range []struct{ lang, text, ask string }{
		{flow.LangSU, "nu dusun", "Waler nomerna"},
		{flow.LangJV, "sing dusun", "Wangsuli nomeripun"},
		{flow.LangID, "rapat dusun", "Balas nomornya"},
		{flow.LangID, "yang perempuan", "Balas nomornya"},
	} {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		c.contact.Lang = tc.lang
		c.run([]msg{{text: "HADIR", want: []string{tc.ask}, notWant: []string{"dituturkeun ku kodena"}}})
		res := c.send(1, msg{text: tc.text, commands: []string{"SetRSVP"}})
		want := int64(1) // R-AAAAAA, the musdus of Kejambon
		if strings.Contains(tc.text, "perempuan") {
			want = 3 // R-CCCCCC, the MKP
		}
		if got := res.Commands[0].(flow.SetRSVP).MeetingID; got != want {
			t.Errorf("%q picked meeting %d, want %d", tc.text, got, want)
		}
	}
	// Two of that audience, or other words: not a pick.
	for _, text := range []string{"nu desa", "dusun kejambon tanggal berapa ya"} {
		c := withMeetings(newConversation(t).registered(domain.GenderFemale))
		c.run([]msg{{text: "HADIR"}})
		if res := c.send(1, msg{text: text}); len(res.Commands) != 0 {
			t.Errorf("%q: %s", text, commandNames(res))
		}
	}
}

// TestGagasanUntukKeepsWhatWasTold: the gagasan told after the resident's
// name is its description, with a title from its sentence about the lamp
// and its category: neither category, title nor problem is asked again;
// "gpp skip" at the location skips it.
func TestGagasanUntukKeepsWhatWasTold(t *testing.T) {
	told := "wonge wis sepuh ra duwe hp. njaluk lampu dalan neng gang ngarep omahe, peteng banget"
	c := kpmd(newConversation(t))
	c.run([]msg{
		{text: "gagasan untuk mbah karto, " + told, want: []string{"Mbah Karto tinggal di dusun mana"}, commands: []string{}},
		{text: "kejambon"},
		{text: "2"},
		{text: "skip", notWant: []string{"tentang apa", "judul", "Masalah atau potensi"}},
	})
	if c.sess.Step != "location" {
		t.Fatalf("at %q, want the location", c.sess.Step)
	}
	c.run([]msg{{text: "gpp skip", notWant: []string{"lokasi"}}})
	if c.sess.Step != "households" {
		t.Fatalf("at %q after gpp skip", c.sess.Step)
	}
	c.run([]msg{{text: "lewati"}, {text: "lewati", want: []string{"Judul: Njaluk lampu dalan neng gang ngarep omahe", "Kategori: Infrastruktur"}}})
	res := c.send(9, msg{text: "YA", commands: []string{"CreateGagasan"}})
	g := res.Commands[0].(flow.CreateGagasan).Gagasan
	if g.Description != told || g.Category != domain.CategoryInfrastruktur || !strings.Contains(g.Title, "lampu dalan") || g.ForName != "Mbah Karto" {
		t.Errorf("filed %q %q %q for %q", g.Title, g.Category, g.Description, g.ForName)
	}
}

// TestMeetingQuestionsAreNotAllJadwal: a cadre's questions that mention
// meetings get what they ask: how to invite, the move of the meeting
// named (with its time), who answered the coming musdus; a resident's
// question about being invited still gets the schedule.
func TestMeetingQuestionsAreNotAllJadwal(t *testing.T) {
	c := withFridayMeeting(kpmd(newConversation(t)))
	c.run([]msg{{text: "carane piye nek arep ngundang warga kejambon musdus", want: []string{"kirim UNDANG", "KIRIM"},
		notWant: []string{"Rapat yang akan datang"}, commands: []string{}}})
	c.run([]msg{{text: "rapat R-F7XM6X pindah sabtu jam 8 bengi", want: []string{"Tempat baru", "Rumah Pak RT"}, commands: []string{}}})
	if c.sess.Flow != "rapat" || c.sess.Step != "move_place" {
		t.Fatalf("at %s|%s", c.sess.Flow, c.sess.Step)
	}
	c.run([]msg{{text: "sama", want: []string{"Sabtu, 5 Desember 2026 pukul 20.00", "LEBIH AWAL", "Jumat 11 Desember"}}})

	// The fixture lists R-AAAAAA (musdus) and R-CCCCCC (MKP) as coming.
	c = withMeetings(kpmd(newConversation(t)))
	c.run([]msg{{text: "sopo wae sing wis bales undangan musdus?", want: []string{"HADIR: 30", "belum menjawab: 85"},
		notWant: []string{"Rapat yang akan datang"}, commands: []string{}}})

	r := withMeetings(newConversation(t).registered(domain.GenderMale))
	r.run([]msg{{text: "carane piye nek arep ngundang warga kejambon musdus", want: []string{"Rapat yang akan datang"}}})
	r.run([]msg{{text: "rapat R-AAAAAA pindah sabtu jam 8 bengi", want: []string{"Rapat yang akan datang"}}})
}

// MeetingsNotPostedIn: the fixture's coming meetings of the desa not in
// f.posted[jid].
func (f *fixture) MeetingsNotPostedIn(_ context.Context, jid, desa string, from time.Time, _ int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	for _, code := range []string{"R-AAAAAA", "R-CCCCCC"} {
		if m, ok := f.meetings[code]; ok && m.DesaKode == desa && m.StartsAt.After(from) && m.Status == domain.MeetingScheduled &&
			!slices.Contains(f.posted[jid], code) {
			out = append(out, *m)
		}
	}
	return out, nil
}

// TestLinkNamesAnInvitationSentBefore: linking the Kejambon group after
// its musdus was invited says that invitation is not in the group (and
// the MKP, of another audience, is not named); once posted, nothing.
func TestLinkNamesAnInvitationSentBefore(t *testing.T) {
	c := withMeetings(cadreOf(newConversation(t), "34.04.11.2002"))
	kejambon := int64(11)
	c.fx.meetings["R-AAAAAA"].DusunID = &kejambon
	res := c.inGroup(rtGroup, "sambungke grup iki ke dusun kejambon")
	got := replyText(res)
	if commandNames(res) != "LinkGroup" || !strings.Contains(got, "Undangan R-AAAAAA (Musyawarah Dusun Kejambon") ||
		!strings.Contains(got, "sebelum grup ini terhubung") || strings.Contains(got, "R-CCCCCC") {
		t.Errorf("link reply %q", got)
	}
	c.fx.posted = map[string][]string{"120363000000000001@g.us": {"R-AAAAAA"}}
	if got := replyText(c.inGroup(rtGroup, "HUBUNGKAN DUSUN KEJAMBON")); strings.Contains(got, "sebelum grup ini terhubung") {
		t.Errorf("a meeting posted in the group named: %q", got)
	}
	// The women's group hears of the MKP.
	if got := replyText(c.inGroup(rtGroup, "HUBUNGKAN PEREMPUAN")); !strings.Contains(got, "R-CCCCCC") || strings.Contains(got, "R-AAAAAA") {
		t.Errorf("women's link %q", got)
	}
}

// TestGroupLinkAsAntoWritesIt: in the group, Mas Anto's link sentences
// link it; "@Suara Desa" is the bot's name, not the desa; a mentioned
// message about the group it cannot read gets the private hint, not
// "belum mengerti"; a resident's same sentence is not read. Privately,
// "carane nyambungke grup wa piye?" gets the how-to.
func TestGroupLinkAsAntoWritesIt(t *testing.T) {
	mentioned := rtGroup
	mentioned.Mentioned = true
	for _, tc := range []struct {
		g    flow.GroupInput
		text string
	}{
		{rtGroup, "grup iki tak sambungke karo dusun kejambon yo"},
		{mentioned, "@Suara Desa tolong grup iki disambungke karo dusun kejambon"},
		{mentioned, "@Suara Desa iki grup dusun kejambon"},
		{rtGroup, "tolong sambungke grup iki ke dusun kejambon"},
		{mentioned, "@Suara Desa sambungke kejambon"},
	} {
		c := cadreOf(newConversation(t), "34.04.11.2002")
		res := c.inGroup(tc.g, tc.text)
		if commandNames(res) != "LinkGroup" || !strings.Contains(replyText(res), "Dusun Kejambon") {
			t.Errorf("%q: %s %q", tc.text, commandNames(res), replyText(res))
		}
	}
	c := cadreOf(newConversation(t), "34.04.11.2002")
	res := c.inGroup(mentioned, "@Suara Desa tolong grup iki disambungke ya")
	if got := replyText(res); commandNames(res) != "" || !strings.Contains(got, "HUBUNGKAN DUSUN <nama>") || strings.Contains(got, "mengerti") {
		t.Errorf("unclear mention: %s %q", commandNames(res), got)
	}
	// The desa's own name, mentioned: the whole desa.
	if res := c.inGroup(mentioned, "@Suara Desa sambungke karo bimomartani"); commandNames(res) != "LinkGroup" ||
		!strings.Contains(replyText(res), "seluruh Desa Bimomartani") {
		t.Errorf("the desa named: %s %q", commandNames(res), replyText(res))
	}
	resident := newConversation(t).registered(domain.GenderMale)
	if res := resident.inGroup(rtGroup, "grup iki tak sambungke karo dusun kejambon yo"); len(res.Replies) != 0 || len(res.Commands) != 0 {
		t.Errorf("a resident's sentence: %s %q", commandNames(res), replyText(res))
	}
	for _, text := range []string{"carane nyambungke grup wa piye?", "cara hubungkan grup"} {
		c := cadreOf(newConversation(t), "34.04.11.2002")
		c.run([]msg{{text: text, want: []string{"tambahkan nomor ini ke grupnya", "HUBUNGKAN DUSUN <nama>"}, commands: []string{}}})
	}
}
