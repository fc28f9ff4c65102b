package flows_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// oldSession and oldPaused are the session as the release before the flow
// packages wrote it to Redis (commit 057018a, flows/types.go): a flow's
// answers in a map of strings, no typed state.
type oldSession struct {
	Flow    string            `json:"f,omitempty"`
	Step    string            `json:"s,omitempty"`
	Data    map[string]string `json:"d,omitempty"`
	Seq     int64             `json:"q"`
	At      time.Time         `json:"t"`
	More    string            `json:"m,omitempty"`
	Held    int64             `json:"h,omitempty"`
	Caption string            `json:"hc,omitempty"`
	Paused  *oldPaused        `json:"p,omitempty"`
}

type oldPaused struct {
	Flow   string            `json:"f"`
	Step   string            `json:"s"`
	Data   map[string]string `json:"d,omitempty"`
	Answer string            `json:"a,omitempty"`
	At     time.Time         `json:"t"`
}

// read decodes the old session's JSON as the new code reads it from Redis.
func (o oldSession) read(t *testing.T) flow.Session {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var s flow.Session
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("old session %s: %v", b, err)
	}
	return s
}

// TestLegacySessions: a conversation in progress when the release with
// the flow packages is deployed goes on with every answer it had, live or
// paused for LANJUT. Each session is written as the old code wrote it at
// that step (the keys and packing of 057018a's flows/*.go).
func TestLegacySessions(t *testing.T) {
	now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC) // newConversation's
	cases := []struct {
		name       string
		registered bool
		setup      func(c *conversation) *conversation // more than a registered resident
		old        oldSession
		msgs       []msg
		// check reads what was saved and the last message's result.
		check func(t *testing.T, c *conversation, last flow.Result)
	}{{
		name: "gagasan at its description", registered: true,
		// gagasan.go's readField: cat (a Category), title, photo (a
		// media id) sent with a caption earlier.
		old: oldSession{Flow: "gagasan", Step: "description", Seq: 1, At: now,
			Data: map[string]string{"cat": "INFRASTRUKTUR", "title": "Jalan Kejambon berlubang", "photo": "905"}},
		msgs: []msg{
			{text: "Lubangnya dalam, motor sering jatuh", want: []string{"Bila ada, kirim lokasi"}, notWant: []string{"berakhir"}},
			{pin: true, want: []string{"berapa rumah tangga"}},
			{text: "lewati", want: []string{"Ringkasan", "Judul: Jalan Kejambon berlubang", "Dusun: Kejambon", "Foto: ada"}},
			{text: "ya", commands: []string{"CreateGagasan"}},
		},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			g := c.saved[0]
			if g.Category != domain.CategoryInfrastruktur || g.Title != "Jalan Kejambon berlubang" || g.Description != "Lubangnya dalam, motor sering jatuh" ||
				g.PhotoID == nil || *g.PhotoID != 905 || g.DusunID == nil || *g.DusunID != 11 || g.Lat == nil {
				t.Fatalf("saved %+v", g)
			}
		},
	}, {
		name: "gagasan paused, taken up with LANJUT", registered: true,
		// engine.go's timeout: the flow, step and Data kept in Paused with
		// the message that came after it (its Answer).
		old: oldSession{Seq: 1, At: now.Add(-40 * time.Minute), Paused: &oldPaused{Flow: "gagasan", Step: "households",
			Answer: "sekitar 30 KK", At: now.Add(-40 * time.Minute),
			Data: map[string]string{"cat": "KESEHATAN", "title": "Timbangan posyandu", "desc": "Timbangan bayi rusak sejak Agustus",
				"dusun": "12", "dusun_nama": "Sambiroto", "lat": "-7.712345", "lng": "110.401234"}}},
		msgs: []msg{
			{text: "LANJUT", want: []string{"Dari 30 KK"}},
			{text: "5", want: []string{"kirim satu foto"}},
			{text: "tidak", want: []string{"Kategori: Kesehatan", "Judul: Timbangan posyandu", "Dusun: Sambiroto", "Lokasi: ada (pin)", "30 KK (5 KK miskin)"}},
			{text: "ya", commands: []string{"CreateGagasan"}},
		},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			g := c.saved[0]
			if g.Description != "Timbangan bayi rusak sejak Agustus" || *g.DusunID != 12 || *g.Households != 30 || *g.PoorHouseholds != 5 ||
				g.Lat == nil || *g.Lat != -7.712345 || *g.Lng != 110.401234 {
				t.Fatalf("saved %+v", g)
			}
		},
	}, {
		name: "a stranger's consent with a gagasan pending",
		// daftar.go: the first message's gagasan waits in pending while
		// consent is asked; no contact exists yet.
		old: oldSession{Flow: "daftar", Step: "consent", At: now,
			Data: map[string]string{"pending": "sumur bor dusun Kejambon kering tiap kemarau"}},
		msgs: []msg{
			{text: "ya", commands: []string{"GiveConsent"}, notWant: []string{"berakhir"}},
			{text: "1", commands: []string{"SetLang"}},
			{text: "Budi", want: []string{"desa mana"}},
			{text: "1", want: []string{"Dusun mana"}},
			{text: "1"},
			{text: "L", commands: []string{"Register", "CreateGagasan"}},
		},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			if g := c.saved[0]; g.Description != "sumur bor dusun Kejambon kering tiap kemarau" || g.DesaKode != "34.04.11.2002" {
				t.Fatalf("saved %+v", g)
			}
		},
	}, {
		name: "undang at its preview, sent", setup: func(c *conversation) *conversation { return withMeetings(kpmd(c)) },
		// rapat.go: when in RFC 3339, agenda_ids joined by ",", waiting as
		// "id:title" lines, the agenda in Indonesian.
		old: oldSession{Flow: "undang", Step: "preview", Seq: 1, At: now,
			Data: map[string]string{"desa": "34.04.11.2002", "type": "MUSDUS", "audience": "DUSUN", "dusun": "11",
				"when": "2026-12-25T09:00:00+07:00", "place": "Balai Dusun Kejambon", "agenda": "Membahas gagasan: Jalan Kejambon; Sumur bor",
				"agenda_ids": "1,2", "waiting": "1:Jalan Kejambon\n2:Sumur bor"}},
		msgs: []msg{
			{text: "kirim", want: []string{"Undangan R-TEST01 sedang dikirim ke 40 warga"}, commands: []string{"CreateMeeting"}},
		},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			cm := last.Commands[0].(flow.CreateMeeting)
			m := cm.Meeting
			if m.Type != domain.MeetingMusdus || m.Audience != domain.AudienceDusun || *m.DusunID != 11 || m.Place != "Balai Dusun Kejambon" ||
				m.Agenda != "Membahas gagasan: Jalan Kejambon; Sumur bor" || !slices.Equal(cm.Agenda, []int64{1, 2}) ||
				!m.StartsAt.Equal(time.Date(2026, 12, 25, 2, 0, 0, 0, time.UTC)) {
				t.Fatalf("meeting %+v agenda %v", m, cm.Agenda)
			}
		},
	}, {
		name: "rapat at a move's confirmation", setup: func(c *conversation) *conversation { return withMeetings(kpmd(c)) },
		old: oldSession{Flow: "rapat", Step: "move_confirm", Seq: 1, At: now,
			Data: map[string]string{"code": "R-AAAAAA", "when": "2026-12-06T10:00:00+07:00", "place": "Rumah Pak Dukuh"}},
		msgs: []msg{{text: "ya", want: []string{"dipindah"}, commands: []string{"MoveMeeting"}}},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			mv := last.Commands[0].(flow.MoveMeeting)
			if mv.MeetingID != 1 || mv.Place != "Rumah Pak Dukuh" || !mv.At.Equal(time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC)) {
				t.Fatalf("move %+v", mv)
			}
		},
	}, {
		name: "hasil at its second decision", setup: func(c *conversation) *conversation { return withMeetings(kpmd(c)) },
		// rapat.go's hasil: counts as numbers, i the agenda item asked
		// about, dec one "code=stage" line a decision so far.
		old: oldSession{Flow: "hasil", Step: "decision", Seq: 1, At: now,
			Data: map[string]string{"code": "R-HHHHHH", "attended": "45", "women": "20", "i": "1", "dec": "G-7KM4XA=USULAN_DESA\n"}},
		msgs: []msg{
			{text: "2", want: []string{"alasan penolakannya"}},
			{text: "Sudah dibiayai dana desa", want: []string{"45 hadir (20 perempuan), 2 keputusan"}, commands: []string{"RecordOutcome"}},
		},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			ro := last.Commands[0].(flow.RecordOutcome)
			if ro.Attended != 45 || ro.Women != 20 || len(ro.Decisions) != 2 ||
				ro.Decisions[0] != (flow.Decision{GagasanCode: "G-7KM4XA", To: domain.StatusUsulanDesa, Note: "Diputuskan di Musyawarah Dusun 27 November 2026."}) ||
				ro.Decisions[1] != (flow.Decision{GagasanCode: "G-XXXXXX", To: domain.StatusDitolak, Note: "Sudah dibiayai dana desa"}) {
				t.Fatalf("outcome %+v", ro)
			}
		},
	}, {
		name: "peta at an item's pin", setup: func(c *conversation) *conversation { return kpmd(c) },
		// peta.go: dusun and photo as ids, kind a MapKind.
		old: oldSession{Flow: "peta", Step: "pin", Seq: 1, At: now,
			Data: map[string]string{"dusun": "12", "dusun_nama": "Sambiroto", "kind": "MASALAH", "title": "Jalan licin saat hujan",
				"desc": "Tanah liat, tiap hujan motor jatuh", "photo": "905"}},
		msgs: []msg{{pin: true, want: []string{"Tersimpan", "Sambiroto", "Masalah \"Jalan licin saat hujan\""}, commands: []string{"AddMapItem"}}},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			m := c.fx.maps[12]
			if m == nil || len(m.Items) != 1 {
				t.Fatalf("Sambiroto's map: %+v", m)
			}
			if it := m.Items[0]; it.Kind != domain.MapMasalah || it.Description != "Tanah liat, tiap hujan motor jatuh" || it.PhotoID == nil || *it.PhotoID != 905 || it.Lat == nil {
				t.Fatalf("item %+v", it)
			}
		},
	}, {
		name: "lapor at its photos", registered: true,
		// progres.go: photos joined by ",", captions by "\x1f" (none
		// written for a photo held before LAPOR), numbers as text.
		old: oldSession{Flow: "lapor", Step: "photos", Seq: 1, At: now,
			Data: map[string]string{"code": "K-AAAAAA", "title": "Jalan rabat beton Kejambon", "last": "40", "percent": "50",
				"photos": "905,906", "captions": "sisi utara"}},
		msgs: []msg{
			{text: "selesai", want: []string{"catatan singkat"}},
			{text: "Pengecoran separuh jalan", want: []string{"tiga angka"}},
			{text: "12 4 60", want: []string{"lokasi (pin)"}},
			{text: "lewati", want: []string{"Ringkasan laporan K-AAAAAA", "Kemajuan: 50%", "Foto: 2", "Pekerja: 12 (4 perempuan), 60 hari orang"}},
			{text: "KIRIM", want: []string{"Laporan K-AAAAAA tercatat (50%)"}, commands: []string{"CreateReport"}},
		},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			r := last.Commands[0].(flow.CreateReport).Report
			if r.KegiatanID != 1 || r.Percent != 50 || !slices.Equal(r.PhotoIDs, []int64{905, 906}) || !slices.Equal(r.Captions, []string{"", "sisi utara"}) ||
				*r.Workers != 12 || *r.Women != 4 || *r.PersonDays != 60 || r.Note != "Pengecoran separuh jalan" {
				t.Fatalf("report %+v", r)
			}
		},
	}, {
		name: "aduan at its anonymity", registered: true,
		// progres.go's aduan: text, and photo as a media id.
		old: oldSession{Flow: "aduan", Step: "anon", Seq: 1, At: now,
			Data: map[string]string{"text": "Semen proyek jalan dibawa pulang oleh mandor", "photo": "905"}},
		msgs: []msg{{text: "1", want: []string{"Aduan tercatat dengan kode A-TEST01"}, commands: []string{"CreateComplaint"}}},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			cc := last.Commands[0].(flow.CreateComplaint).Complaint
			if !cc.Anonymous || cc.Text != "Semen proyek jalan dibawa pulang oleh mandor" || cc.PhotoID == nil || *cc.PhotoID != 905 {
				t.Fatalf("complaint %+v", cc)
			}
		},
	}, {
		name: "tarik at its confirmation", registered: true,
		setup: func(c *conversation) *conversation {
			id := int64(7)
			c.fx.gagasan["G-XXXXXX"].SenderID = &id
			return c
		},
		// tarik.go: the list's codes joined by ",", then the one picked.
		old: oldSession{Flow: "tarik", Step: "confirm", Seq: 1, At: now,
			Data: map[string]string{"codes": "G-XXXXXX,G-TARKAA", "code": "G-XXXXXX", "title": "Sumur bor"}},
		msgs: []msg{{text: "ya", want: []string{"G-XXXXXX sudah ditarik"}, commands: []string{"WithdrawGagasan"}}},
		check: func(t *testing.T, _ *conversation, last flow.Result) {
			if w := last.Commands[0].(flow.WithdrawGagasan); w.Code != "G-XXXXXX" {
				t.Fatalf("withdrew %+v", w)
			}
		},
	}, {
		name: "privacy follow-up over STATUS's list", registered: true,
		// The old goTo kept Data: the list's codes stayed in the session
		// of the privacy follow-up.
		old:  oldSession{Flow: "privasi", Step: "others", Seq: 1, At: now, Data: map[string]string{"codes": "G-7KM4XA,G-XXXXXX"}},
		msgs: []msg{{text: "pa kades bisa?", want: []string{flow.Render(flow.LangID, flow.MsgPrivacyOthers, nil)}, notWant: []string{"berakhir"}}},
	}, {
		name: "pilih after STATUS's list", registered: true,
		old:  oldSession{Flow: "pilih", Step: "status", Seq: 1, At: now, Data: map[string]string{"codes": "G-XXXXXX,G-7KM4XA"}},
		msgs: []msg{{text: "2", want: []string{"G-7KM4XA", "Jalan Kejambon"}, notWant: []string{"Sumur bor", "berakhir"}}},
	}, {
		name: "gagasan filed for a resident, at its summary", setup: func(c *conversation) *conversation { return kpmd(c) },
		// untuk.go: for_desa from the start, for_name, for_dusun (and the
		// gagasan's dusun from it), for_gender, for_phone.
		old: oldSession{Flow: "gagasan", Step: "confirm", Seq: 1, At: now,
			Data: map[string]string{"for_desa": "34.04.11.2002", "for_name": "Mbah Painem", "for_dusun": "12", "for_dusun_nama": "Sambiroto",
				"for_gender": "P", "for_phone": "+6281322223333", "dusun": "12", "dusun_nama": "Sambiroto",
				"cat": "INFRASTRUKTUR", "title": "Jalan setapak ke sawah", "desc": "Licin dan berlumpur saat hujan"}},
		msgs: []msg{{text: "KIRIM", want: []string{"Gagasan Mbah Painem tercatat dengan kode G-TEST01"}, commands: []string{"CreateGagasan", "NotifyNumber"}}},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			g := c.saved[0]
			if g.ForName != "Mbah Painem" || g.ForGender != domain.GenderFemale || g.ForDusunID == nil || *g.ForDusunID != 12 ||
				g.NotifyPhone != "+6281322223333" || g.DesaKode != "34.04.11.2002" || g.Title != "Jalan setapak ke sawah" {
				t.Fatalf("filed gagasan %+v", g)
			}
		},
	}, {
		name: "detail of a quick gagasan, at its photo", registered: true,
		old: oldSession{Flow: "detail", Step: "photo", Seq: 1, At: now,
			Data: map[string]string{"code": "G-7KM4XA", "cat": "KESEHATAN", "hh": "30", "poor": "5"}},
		msgs: []msg{{text: "lewati", want: []string{"detail gagasan G-7KM4XA"}, commands: []string{"UpdateGagasanDetail"}}},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			u := c.updated[0]
			if u.Code != "G-7KM4XA" || u.Category != domain.CategoryKesehatan || *u.Households != 30 || *u.PoorHouseholds != 5 || u.PhotoID != nil {
				t.Fatalf("detail %+v", u)
			}
		},
	}, {
		name: "DAFTAR in one message waiting for consent",
		// daftar.go: the Nama#Desa#Dusun#P/L message kept as quick.
		old:  oldSession{Flow: "daftar", Step: "consent", At: now, Data: map[string]string{"quick": "Sri Wahyuni#Bimomartani#Sambiroto#P"}},
		msgs: []msg{{text: "ya", want: []string{"Sri Wahyuni"}, commands: []string{"GiveConsent", "Register"}}},
		check: func(t *testing.T, c *conversation, _ flow.Result) {
			if c.contact.Name != "Sri Wahyuni" || c.contact.DusunID != 12 || c.contact.Gender != domain.GenderFemale {
				t.Fatalf("registered %+v", c.contact)
			}
		},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newConversation(t)
			if tc.registered {
				c.registered(domain.GenderFemale)
			}
			if tc.setup != nil {
				c = tc.setup(c)
			}
			if c.contact != nil {
				c.contact.SessionSeq, c.contact.SessionFlow = tc.old.Seq, tc.old.Flow
			}
			c.sess = tc.old.read(t)
			last := c.run2(tc.msgs)
			if tc.check != nil {
				tc.check(t, c, last)
			}
			if len(c.sess.Data) > 0 {
				t.Fatalf("session after the flow: %+v", c.sess)
			}
		})
	}
}

// TestLegacySessionDamaged: an old session with a value that does not read
// is answered as a timed-out one, live or paused, and nothing is stored.
func TestLegacySessionDamaged(t *testing.T) {
	now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
	for name, old := range map[string]oldSession{
		"gagasan": {Flow: "gagasan", Step: "confirm", Seq: 1, At: now, Data: map[string]string{"cat": "INFRASTRUKTUR", "title": "Jalan", "hh": "banyak"}},
		"undang":  {Flow: "undang", Step: "preview", Seq: 1, At: now, Data: map[string]string{"desa": "34.04.11.2002", "when": "besok pagi"}},
		"hasil":   {Flow: "hasil", Step: "women", Seq: 1, At: now, Data: map[string]string{"code": "R-HHHHHH", "attended": "empat puluh"}},
		"paused": {Seq: 1, At: now.Add(-time.Hour), Paused: &oldPaused{Flow: "peta", Step: "action", Answer: "3", At: now.Add(-time.Hour),
			Data: map[string]string{"dusun": "11", "item": "-3"}}},
	} {
		t.Run(name, func(t *testing.T) {
			c := withMeetings(kpmd(newConversation(t)))
			c.contact.SessionSeq = 1
			c.sess = old.read(t)
			text := "ya"
			if old.Paused != nil {
				text = "LANJUT"
			}
			c.run([]msg{{text: text, want: []string{"berakhir karena lama"}, commands: []string{}}})
			if !c.sess.Idle() || len(c.sess.Data) > 0 || len(c.sess.State) > 0 {
				t.Fatalf("session after: %+v", c.sess)
			}
		})
	}
}
