package flows_test

import (
	"encoding/json"
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
		old        oldSession
		msgs       []msg
		check      func(t *testing.T, c *conversation)
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
		check: func(t *testing.T, c *conversation) {
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
		check: func(t *testing.T, c *conversation) {
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
		check: func(t *testing.T, c *conversation) {
			if g := c.saved[0]; g.Description != "sumur bor dusun Kejambon kering tiap kemarau" || g.DesaKode != "34.04.12.2001" {
				t.Fatalf("saved %+v", g)
			}
		},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newConversation(t)
			if tc.registered {
				c.registered(domain.GenderFemale)
				c.contact.SessionSeq, c.contact.SessionFlow = tc.old.Seq, tc.old.Flow
			}
			c.sess = tc.old.read(t)
			c.run(tc.msgs)
			if tc.check != nil {
				tc.check(t, c)
			}
			if len(c.saved) == 0 || len(c.sess.Data) > 0 {
				t.Fatalf("saved %d gagasan; session after the flow: %+v", len(c.saved), c.sess)
			}
		})
	}
}
