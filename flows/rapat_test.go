package flows_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// Meeting data of the fixture.

func (f *fixture) Meeting(_ context.Context, code string) (*domain.Meeting, error) {
	if m, ok := f.meetings[code]; ok {
		return m, nil
	}
	return nil, domain.ErrNotFound
}

func (f *fixture) CountAudience(_ context.Context, _ string, _ *int64, aud domain.Audience) (int, error) {
	return map[domain.Audience]int{domain.AudienceDesa: 120, domain.AudienceDusun: 40, domain.AudiencePerempuan: 61, domain.AudienceMAD: 15}[aud], nil
}

// GroupReach: a dusun meeting reaches 25 of its 40 by one linked group
// (of the 15 others, 6 by SMS); no other audience has a linked group.
func (f *fixture) GroupReach(ctx context.Context, desa string, dusun *int64, aud domain.Audience) (domain.GroupReach, error) {
	n, _ := f.CountAudience(ctx, desa, dusun, aud)
	if aud == domain.AudienceDusun && f.reach != nil {
		return *f.reach, nil
	}
	if aud == domain.AudienceDusun {
		return domain.GroupReach{Groups: 1, ByGroup: 25, Personal: 15, SMS: 6}, nil
	}
	return domain.GroupReach{Personal: n}, nil
}

func (f *fixture) WaitingGagasan(_ context.Context, desa string, _ *int64, _ int) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	for _, g := range f.gagasan {
		if g.DesaKode == desa && (g.Status == domain.StatusDiajukan || g.Status == domain.StatusDibahas) {
			out = append(out, *g)
		}
	}
	if len(out) == 2 && out[0].Code > out[1].Code {
		out[0], out[1] = out[1], out[0]
	}
	return out, nil
}

func (f *fixture) MeetingsFor(_ context.Context, _ *domain.Contact, from time.Time, _ int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	for _, code := range []string{"R-AAAAAA", "R-CCCCCC"} {
		if m, ok := f.meetings[code]; ok && m.StartsAt.After(from) && m.Status == domain.MeetingScheduled {
			out = append(out, *m)
		}
	}
	return out, nil
}

func (f *fixture) RSVPOf(_ context.Context, id int64, _ domain.ContactID) (domain.RSVP, error) {
	return f.rsvps[id], nil
}

// MayAnswer: the fixture's contact lives in Bimomartani; R-XXXXXX is
// another desa's meeting.
func (f *fixture) MayAnswer(_ context.Context, id int64, _ domain.ContactID) (bool, error) {
	return id != 9, nil
}

func (f *fixture) MeetingStats(_ context.Context, id int64) (domain.MeetingStats, error) {
	if list, ok := f.answerers[id]; ok {
		st := domain.MeetingStats{Invited: 40, Sent: 40, Delivered: 40, Unanswered: 40}
		for _, a := range list {
			if a.RSVP == domain.RSVPHadir {
				st.Hadir++
			} else {
				st.Tidak++
			}
			st.Unanswered--
		}
		return st, nil
	}
	return domain.MeetingStats{Invited: 120, Sent: 80, Delivered: 75, Hadir: 30, HadirWomen: 14, Tidak: 5, Unanswered: 85, ByGroup: 25}, nil
}

func (f *fixture) MeetingAnswerers(_ context.Context, id int64, limit int) ([]domain.Answerer, error) {
	list := f.answerers[id]
	return list[:min(limit, len(list))], nil
}

func (f *fixture) MeetingAgenda(_ context.Context, id int64) ([]domain.Gagasan, error) {
	if id != 1 {
		return nil, nil
	}
	return []domain.Gagasan{*f.gagasan["G-7KM4XA"], *f.gagasan["G-XXXXXX"]}, nil
}

func (f *fixture) MeetingDecisions(_ context.Context, id int64) (map[string]domain.Status, error) {
	return f.decided[id], nil
}

func withMeetings(c *conversation) *conversation {
	wib := "Asia/Jakarta"
	c.fx.meetings = map[string]*domain.Meeting{
		// Next Saturday 09.00 WIB.
		"R-AAAAAA": {ID: 1, Code: "R-AAAAAA", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002", DesaNama: "Bimomartani",
			Audience: domain.AudienceDusun, DusunNama: "Kejambon", StartsAt: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC),
			Place: "Balai Dusun Kejambon", Status: domain.MeetingScheduled, TZ: wib},
		"R-CCCCCC": {ID: 3, Code: "R-CCCCCC", Type: domain.MeetingMKP, DesaKode: "34.04.11.2002", DesaNama: "Bimomartani",
			Audience: domain.AudiencePerempuan, StartsAt: time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC),
			Place: "Balai Desa", Status: domain.MeetingScheduled, TZ: wib},
		// Held yesterday.
		"R-HHHHHH": {ID: 1, Code: "R-HHHHHH", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2002", DesaNama: "Bimomartani",
			Audience: domain.AudienceDesa, StartsAt: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC),
			Place: "Balai Desa", Status: domain.MeetingScheduled, TZ: wib},
		"R-XXXXXX": {ID: 9, Code: "R-XXXXXX", Type: domain.MeetingMusdus, DesaKode: "34.04.11.2004", DesaNama: "Wedomartani",
			Audience: domain.AudienceDesa, StartsAt: time.Date(2026, 12, 9, 2, 0, 0, 0, time.UTC), Place: "Balai", Status: domain.MeetingScheduled, TZ: wib},
	}
	c.fx.rsvps = map[int64]domain.RSVP{3: domain.RSVPHadir}
	return c
}

func kpmd(c *conversation) *conversation {
	c.registered(domain.GenderFemale)
	c.contact.Roles = []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}
	return c
}

func TestUndangWrongRole(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderMale))
	c.run([]msg{
		{text: "UNDANG", want: []string{"hanya untuk kader"}, commands: []string{}},
		{text: "UNDANG R-AAAAAA", want: []string{"hanya untuk kader"}},
		{text: "HASIL R-HHHHHH", want: []string{"hanya untuk kader"}},
	})
	// A KPMD of another desa cannot manage this one's meeting.
	k := withMeetings(kpmd(newConversation(t)))
	k.run([]msg{{text: "UNDANG R-XXXXXX", want: []string{"hanya untuk kader"}}})
}

func TestUndangFlow(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	res := c.run2([]msg{
		{text: "undang", want: []string{"Rapat apa", "1. Musyawarah Dusun", "12. Pelatihan Tim Pemelihara"}},
		{text: "13", want: []string{"1 sampai 12"}},
		{text: "1", want: []string{"Siapa yang diundang", "Seluruh warga Desa Bimomartani"}},
		{text: "2", want: []string{"Dusun mana"}},
		{text: "kejambon", want: []string{"Kapan?"}},
		{text: "kapan-kapan", want: []string{"tidak kami pahami"}},
		{text: "hari ini jam 8", want: []string{"sudah lewat"}},
		{text: "25/12 09.00", want: []string{"Di mana tempatnya"}},
		{text: "Balai Dusun Kejambon", want: []string{"Gagasan yang menunggu", "G-7KM4XA Jalan Kejambon", "SEMUA", "(misalnya 1,2)"}},
		{text: "7", want: []string{"angka 1 sampai 2"}},
		{text: "1,2", want: []string{"Pratinjau undangan untuk 40 warga", "Yth. Bapak/Ibu (nama warga)", "Musyawarah Dusun Kejambon, Desa Bimomartani",
			"Jumat, 25 Desember 2026", "Pukul: 09.00 WIB", "Tempat: Balai Dusun Kejambon", "Membahas gagasan: Jalan Kejambon; Sumur bor", "KIRIM",
			// The fixture's dusun has a linked group (GroupReach).
			"Dikirim sekali ke 1 grup WhatsApp; 25 warga anggotanya tidak mendapat pesan pribadi. Pesan pribadi: 15 warga, 6 di antaranya lewat SMS"}},
		{text: "UBAH", want: []string{"Bagian mana"}},
		{text: "4", want: []string{"Di mana tempatnya"}},
		{text: "Rumah Pak Dukuh", want: []string{"Pratinjau", "Tempat: Rumah Pak Dukuh"}},
		{text: "kirim", want: []string{"Undangan R-TEST01 sedang dikirim ke 40 warga", "UNDANG R-TEST01", "HASIL R-TEST01"}, commands: []string{"CreateMeeting"}},
	})
	cm := res.Commands[0].(flow.CreateMeeting)
	m := cm.Meeting
	if m.Code != "R-TEST01" || m.Type != domain.MeetingMusdus || m.Audience != domain.AudienceDusun || *m.DusunID != 11 ||
		m.Place != "Rumah Pak Dukuh" || len(cm.Agenda) != 2 || !m.StartsAt.Equal(time.Date(2026, 12, 25, 2, 0, 0, 0, time.UTC)) {
		t.Fatalf("meeting %+v agenda %v", m, cm.Agenda)
	}
	// The group post: no name, the answer in private chat, every language.
	for _, l := range flow.Langs {
		if p := cm.Post[l]; strings.Contains(p, "{nama}") || !strings.Contains(p, "HADIR R-TEST01") || !strings.Contains(p, "Rumah Pak Dukuh") {
			t.Fatalf("group post in %s: %q", l, p)
		}
	}
	if p := cm.Post[flow.LangID]; !strings.Contains(p, "ke nomor ini secara pribadi") {
		t.Fatalf("group post %q", p)
	}
	if inv := cm.Invite[flow.LangID]; !strings.Contains(inv, "Yth. Bapak/Ibu {nama}") || !strings.Contains(inv, "HADIR R-TEST01") {
		t.Fatalf("invitation text %q", inv)
	}
	// Every language gets its own invitation, with the same keyword and code.
	for _, l := range flow.Langs {
		if inv := cm.Invite[l]; !strings.Contains(inv, "{nama}") || !strings.Contains(inv, "HADIR R-TEST01") {
			t.Fatalf("invitation in %s: %q", l, inv)
		}
	}
}

// run2 runs a transcript and returns the last result.
func (c *conversation) run2(msgs []msg) flow.Result {
	c.t.Helper()
	var res flow.Result
	for i, m := range msgs {
		res = c.send(i, m)
	}
	return res
}

func TestUndangMKPAndMAD(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "UNDANG"},
		{text: "2", want: []string{"Kapan?"}}, // MKP: the women of the desa, no question
		{text: "Senin 14.00"},
		{text: "Balai Desa"},
		{text: "LEWATI", want: []string{"untuk 61 warga", "Musyawarah Desa Khusus Perempuan Desa Bimomartani", "Senin, 30 November 2026", "Agenda: -"},
			notWant: []string{"grup"}}, // no linked group of the women
		{text: "BATAL", want: []string{"Dibatalkan"}, commands: []string{}},
		{text: "UNDANG"},
		{text: "10", want: []string{"Kapan?"}}, // MAD Penetapan: representatives
		{text: "besok jam 9"},
		{text: "Kantor Kecamatan"},
		{text: "Penetapan usulan", want: []string{"untuk 15 warga", "Kecamatan (perwakilan desa)", "Minggu, 29 November 2026"}},
	})
}

func TestRSVPAndJadwal(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	res := c.run2([]msg{
		{text: "JADWAL", want: []string{"Rapat yang akan datang", "Musyawarah Dusun Kejambon", "Sabtu 5 Desember 2026 09.00 WIB", "(R-AAAAAA)",
			"Musyawarah Desa Khusus Perempuan Desa Bimomartani", "Anda: HADIR"}},
		{text: "HADIR", want: []string{"Rapat mana? Balas nomornya (atau HADIR dan kodenya)"}, commands: []string{}},
		{text: "hadir r-aaaaaa", want: []string{"jawaban HADIR untuk R-AAAAAA", "Sabtu 5 Desember 2026"}, commands: []string{"SetRSVP"}},
		{text: "TIDAK R-HHHHHH", want: []string{"sudah lewat"}, commands: []string{}},
		{text: "HADIR R-MMMMMM", want: []string{"tidak ditemukan"}},
		{text: "HADIR R-XXXXXX", want: []string{"R-XXXXXX tidak ditemukan"}, commands: []string{}},
		{text: "TIDAK R-XXXXXX", want: []string{"R-XXXXXX tidak ditemukan"}, commands: []string{}},
		{text: "HADIR 123", want: []string{"bukan kode rapat"}},
		{text: "tidak R-CCCCCC", commands: []string{"SetRSVP"}},
	})
	if r := res.Commands[0].(flow.SetRSVP); r.Answer != domain.RSVPTidak || r.MeetingID != 3 {
		t.Fatalf("rsvp %+v", r)
	}
	// "tidak" inside a flow answers its question, not an invitation.
	c.run([]msg{
		{text: "HAPUS DATA"},
		{text: "tidak", want: []string{"tidak dihapus"}, commands: []string{}},
	})
	c2 := newConversation(t).registered(domain.GenderMale)
	c2.fx.meetings = map[string]*domain.Meeting{}
	c2.run([]msg{{text: "jadwal", want: []string{"Belum ada rapat"}}, {text: "3", want: []string{"Belum ada rapat"}}})
}

func TestManageMeeting(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	res := c.run2([]msg{
		{text: "UNDANG R-AAAAAA", want: []string{"Diundang: 120, terkirim: 80, diterima: 75", "HADIR: 30 (perempuan 14), TIDAK: 5, belum menjawab: 85",
			"Lewat grup WhatsApp: 25 warga yang diundang", "memindah"}},
		{text: "1", want: []string{"Waktu baru"}},
		{text: "kemarin", want: []string{"sudah lewat"}}, // was "tidak kami pahami": the day is now read, and refused as past
		{text: "6/12 10.00", want: []string{"Tempat baru", "Balai Dusun Kejambon"}},
		{text: "sama", want: []string{"Pindahkan R-AAAAAA ke Minggu, 6 Desember 2026 pukul 10.00 di Balai Dusun Kejambon?"}, commands: []string{}},
		{text: "ya", want: []string{"dipindah"}, commands: []string{"MoveMeeting"}},
	})
	mv := res.Commands[0].(flow.MoveMeeting)
	if mv.Place != "Balai Dusun Kejambon" || !strings.Contains(mv.Notice[flow.LangID], "DIPINDAH ke Minggu, 6 Desember 2026 pukul 10.00 WIB") || !strings.Contains(mv.Notice[flow.LangJV], "{nama}") {
		t.Fatalf("move %+v", mv)
	}
	// The notice to one who said HADIR does not ask again (TestRemindersByAnswer).
	if n := mv.Notice[domain.RSVPHadir.TextKey(flow.LangID)]; !strings.Contains(n, "DIPINDAH ke Minggu") || !strings.Contains(n, "Anda sudah menjawab HADIR") {
		t.Fatalf("move notice to one who said HADIR: %q", n)
	}
	res = c.run2([]msg{
		{text: "UNDANG R-AAAAAA"},
		{text: "2", want: []string{"Batalkan R-AAAAAA"}},
		{text: "ya", want: []string{"dibatalkan"}, commands: []string{"CancelMeeting"}},
	})
	if n := res.Commands[0].(flow.CancelMeeting).Notice; !strings.Contains(n[flow.LangID], "DIBATALKAN") {
		t.Fatalf("cancel notice %q", n)
	}
}

func TestHasil(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	res := c.run2([]msg{
		{text: "HASIL R-AAAAAA", want: []string{"belum dimulai"}},
		{text: "HASIL", want: []string{"Tulis kode rapatnya: HASIL R-xxxxxx", "JADWAL"}, notWant: []string{"\"\""}},
		{text: "HASIL R-HHHHHH", want: []string{"berapa orang yang hadir"}},
		{text: "banyak", want: []string{"Mohon balas dengan angka"}},
		{text: "45 orang", want: []string{"Berapa perempuan di antara 45"}},
		{text: "50", want: []string{"tidak boleh lebih dari 45"}},
		{text: "20", want: []string{"Keputusan untuk G-7KM4XA", "1. Lanjut: Diterima sebagai usulan desa"}},
		{text: "1", want: []string{"Keputusan untuk G-XXXXXX \"Sumur bor\"", "Lanjut: Sudah dibahas"}},
		{text: "2", want: []string{"alasan penolakannya"}},
		{text: "Sudah dibiayai dana desa", want: []string{"Hasil R-HHHHHH tercatat: 45 hadir (20 perempuan), 2 keputusan"}, commands: []string{"RecordOutcome"}},
	})
	ro := res.Commands[0].(flow.RecordOutcome)
	if ro.Attended != 45 || ro.Women != 20 || len(ro.Decisions) != 2 ||
		ro.Decisions[0] != (flow.Decision{GagasanCode: "G-7KM4XA", To: domain.StatusUsulanDesa, Note: "Diputuskan di Musyawarah Dusun 27 November 2026."}) ||
		ro.Decisions[1] != (flow.Decision{GagasanCode: "G-XXXXXX", To: domain.StatusDitolak, Note: "Sudah dibiayai dana desa"}) {
		t.Fatalf("outcome %+v", ro)
	}
	// The result posted into the linked groups: attendance and each
	// decision, in every language.
	if p := ro.Post[flow.LangID]; !strings.Contains(p, "(R-HHHHHH): 45 warga hadir (20 perempuan)") ||
		!strings.Contains(p, "- G-XXXXXX Sumur bor: ") || !strings.Contains(p, "- G-7KM4XA ") {
		t.Fatalf("result post %q", p)
	}
	for _, l := range flow.Langs {
		if p := ro.Post[l]; !strings.Contains(p, "45") || !strings.Contains(p, "G-XXXXXX") {
			t.Fatalf("result post in %s: %q", l, p)
		}
	}
}

// TestHasilAgain: HASIL on a meeting whose outcome is recorded shows it
// and asks before correcting it; a gagasan the meeting already moved is
// shown with its decision, not offered the stage after it; a reason
// given with the rejection is kept.
func TestHasilAgain(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	m := c.fx.meetings["R-HHHHHH"]
	attended, women := 46, 19
	m.Attended, m.AttendedWomen, m.Status = &attended, &women, domain.MeetingHeld
	c.fx.gagasan["G-7KM4XA"].Status = domain.StatusUsulanDesa
	c.fx.decided = map[int64]map[string]domain.Status{1: {"G-7KM4XA": domain.StatusUsulanDesa}}
	res := c.run2([]msg{
		{text: "HASIL R-HHHHHH", want: []string{"Hasil R-HHHHHH sudah tercatat: 46 hadir (19 perempuan), 1 keputusan. Ubah? Balas YA untuk mengubah, atau BATAL"},
			notWant: []string{"berapa orang yang hadir"}, commands: []string{}},
		{text: "hmm", want: []string{"sudah tercatat"}, commands: []string{}},
		{text: "ya", want: []string{"berapa orang yang hadir"}},
		{text: "sing teko 40, wedok e 15", want: []string{"G-7KM4XA \"Jalan Kejambon\" sudah diputuskan di rapat ini: ", "Keputusan untuk G-XXXXXX"},
			notWant: []string{"Keputusan untuk G-7KM4XA", "Berapa perempuan"}},
		{text: "ditolak, kudu ning BBWS sing ngurus", want: []string{"Hasil R-HHHHHH tercatat: 40 hadir (15 perempuan), 2 keputusan gagasan. Pengirim gagasan diberi tahu"},
			notWant: []string{"alasan penolakannya"}, commands: []string{"RecordOutcome"}},
	})
	ro := res.Commands[0].(flow.RecordOutcome)
	if ro.Attended != 40 || ro.Women != 15 || len(ro.Decisions) != 1 ||
		ro.Decisions[0] != (flow.Decision{GagasanCode: "G-XXXXXX", To: domain.StatusDitolak, Note: "kudu ning BBWS sing ngurus"}) {
		t.Fatalf("outcome %+v", ro)
	}
	// TIDAK leaves the recorded outcome as it is.
	k := withMeetings(kpmd(newConversation(t)))
	k.fx.meetings["R-HHHHHH"].Attended, k.fx.meetings["R-HHHHHH"].AttendedWomen = &attended, &women
	k.run([]msg{
		{text: "HASIL R-HHHHHH", want: []string{"sudah tercatat: 46 hadir (19 perempuan), 0 keputusan"}},
		{text: "tidak", want: []string{"Dibatalkan"}, commands: []string{}},
	})
}

// TestHasilWords: a cancel in Javanese at the attendance question stops
// HASIL; an outcome with no decision does not say senders were told.
func TestHasilWords(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "HASIL R-HHHHHH", want: []string{"berapa orang yang hadir"}},
		{text: "eh salah, wurung", want: []string{"Dibatalkan"}, notWant: []string{"Mohon balas dengan angka"}, commands: []string{}},
		{text: "12", notWant: []string{"Berapa perempuan"}, commands: []string{}},
	})
	c.fx.meetings["R-KKKKKK"] = &domain.Meeting{ID: 5, Code: "R-KKKKKK", Type: domain.MeetingMusdesSosialisasi, DesaKode: "34.04.11.2002",
		DesaNama: "Bimomartani", Audience: domain.AudienceDesa, StartsAt: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC),
		Place: "Balai Desa", Status: domain.MeetingScheduled, TZ: "Asia/Jakarta"}
	c.run([]msg{
		{text: "HASIL R-KKKKKK", want: []string{"berapa orang yang hadir"}},
		{text: "30 orang, wadon 12", want: []string{"Hasil R-KKKKKK tercatat: 30 hadir (12 perempuan), 0 keputusan gagasan."},
			notWant: []string{"Pengirim gagasan diberi tahu"}, commands: []string{"RecordOutcome"}},
	})
}

func TestReminderText(t *testing.T) {
	m := *withMeetings(newConversation(t)).fx.meetings["R-AAAAAA"]
	for kind, want := range map[string]string{"H-1": "Kejambon, Desa Bimomartani besok, Sabtu 5 Desember 2026 pukul 09.00 WIB", "H-2": "2 hari lagi", "J-2": "sebentar lagi", "J-3": "sebentar lagi"} {
		got := flows.ReminderText(flow.LangID, m, kind)
		if !strings.Contains(got, want) || !strings.Contains(got, "{nama}") || !strings.Contains(got, "HADIR R-AAAAAA") {
			t.Errorf("%s: %q lacks %q", kind, got, want)
		}
	}
}

// TestRemindersByAnswer: a reminder and a moved meeting's notice carry, in
// every language, the words for an invitee who answered (domain.RSVP.
// TextKey): one who said HADIR is told so and how to cancel, not asked
// again; a moved meeting tells one who said TIDAK how to come after all;
// a reminder has no TIDAK text (the store sends those none). The group's
// post asks only those who have not answered.
func TestRemindersByAnswer(t *testing.T) {
	c := withMeetings(newConversation(t))
	m := *c.fx.meetings["R-AAAAAA"]
	rem, moved := flows.ReminderTexts(m, "H-1"), rapat.MovedTexts(m)
	group, groupMoved := flows.GroupReminderTexts(m, "H-1"), flow.RenderAll(flow.MsgGroupMoved, rapat.MeetingArgs(flow.LangID, m))
	ask := map[string]string{flow.LangID: "Balas HADIR R-AAAAAA atau TIDAK R-AAAAAA", flow.LangJV: "Wangsuli HADIR R-AAAAAA utawi TIDAK R-AAAAAA",
		flow.LangSU: "Waler HADIR R-AAAAAA atanapi TIDAK R-AAAAAA"}
	for _, l := range flow.Langs {
		hadir, tidak := domain.RSVPHadir.TextKey(l), domain.RSVPTidak.TextKey(l)
		if !strings.Contains(rem[l], ask[l]) || !strings.Contains(moved[l], ask[l]) {
			t.Errorf("%s: one who has not answered is not asked: %q / %q", l, rem[l], moved[l])
		}
		for name, text := range map[string]string{"reminder": rem[hadir], "moved": moved[hadir]} {
			if text == "" || strings.Contains(text, ask[l]) || !strings.Contains(text, "HADIR;") || !strings.Contains(text, "TIDAK R-AAAAAA.") ||
				strings.Contains(text, "HADIR R-AAAAAA") || !strings.Contains(text, "{nama}") {
				t.Errorf("%s %s to one who said HADIR: %q", l, name, text)
			}
		}
		if _, ok := rem[tidak]; ok {
			t.Errorf("%s: a reminder for one who said TIDAK: %q", l, rem[tidak])
		}
		if text := moved[tidak]; text == "" || strings.Contains(text, ask[l]) || !strings.Contains(text, "TIDAK;") || !strings.Contains(text, "HADIR R-AAAAAA.") {
			t.Errorf("%s moved, to one who said TIDAK: %q", l, text)
		}
		if strings.Contains(group[l], ask[l]) || !strings.Contains(group[l], "HADIR R-AAAAAA") {
			t.Errorf("%s: the group's reminder asks everyone again: %q", l, group[l])
		}
		if strings.Contains(groupMoved[l], ask[l]) || !strings.Contains(groupMoved[l], "HADIR R-AAAAAA") {
			t.Errorf("%s: the group's move notice asks everyone again: %q", l, groupMoved[l])
		}
	}
}

func (f *fixture) MeetingsAwaitingBA(_ context.Context, desas []string, now time.Time, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	for _, m := range f.meetings {
		if slices.Contains(desas, m.DesaKode) && m.Status != domain.MeetingCanceled && !m.StartsAt.After(now) &&
			m.StartsAt.After(now.AddDate(0, 0, -30)) && m.BAMediaID == nil && len(out) < limit {
			out = append(out, *m)
		}
	}
	return out, nil
}
