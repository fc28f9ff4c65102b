package sim_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// After HAPUS DATA no table holds the person's number or name: checked by a
// query over every text column of every table of the schema (not a list
// written by hand), after the person registered, sent a gagasan, answered
// an invitation, filed a complaint with their name and suggested a map
// item — and after the retention job forgot the confirmation it sent.
func TestHapusDataLeavesNoTrace(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	if err := s.Store.SeedDemoActivity(ctx, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	const from, name = "081234567601", "Ratna Kusumawati"
	n := 0
	say := func(text, want string) {
		t.Helper()
		n++
		msg := inbound{From: from, Text: text, ID: fmt.Sprint("h", n)}
		if text == "[suara]" {
			msg.Text, msg.Audio = "", map[string]any{"mime": "audio/ogg", "data_base64": base64.StdEncoding.EncodeToString(append([]byte("OggS\x00\x02"), make([]byte, 64)...))}
		}
		if code, _ := s.post(t, msg); code != 202 {
			t.Fatalf("%q: %d", text, code)
		}
		got := s.replies(t, "+62"+strings.TrimPrefix(from, "0"))
		var all []string
		for _, m := range got {
			all = append(all, m.Text)
		}
		if !strings.Contains(strings.Join(all, "\n"), want) {
			t.Fatalf("%q: replies lack %q: %q", text, want, all)
		}
	}
	for _, step := range [][2]string{
		{"halo", "Setuju?"}, {"ya", "Pilih bahasa"}, {"1", "nama"}, {name, "desa mana"}, {"1", "Dusun mana"}, {"2", "perempuan atau laki-laki"}, {"1", "Pendaftaran selesai"},
		{"GAGASAN Sumur umum untuk warga Kejambon", "G-"}, {"MENU", "Menu"},
		{"HADIR", "HADIR"},
		{"ADUAN Jalan berlubang di depan rumah Ratna", "foto"}, {"LEWATI", "tanpa nama"}, {"2", "Aduan tercatat"},
		{"PETA", "mengusulkan"}, {"1", "Masalah"}, {"1", "Tulis singkat"}, {"Air sumur kering", "diteruskan ke kader"},
		{"BAHASA 2", "Basa Jawa"}, {"BAHASA 1", "Bahasa Indonesia"},
		{"ADUAN", "Tulis aduan"}, {"[suara]", "Pesan suara diterima"}, {"LEWATI", "tanpa nama"}, {"2", "Aduan tercatat"},
		{"!transcribe", ""},
		{"HAPUS DATA", "YA"}, {"YA", "boleh tetap disimpan"}, {"2", "dihapus"},
	} {
		if step[0] == "!transcribe" {
			// A facilitator writes down her voice note, which names her: the
			// transcript goes with the voice note.
			var id int64
			if err := s.Store.DB().Get(&id, `SELECT id FROM voice_notes ORDER BY id DESC LIMIT 1`); err != nil {
				t.Fatal(err)
			}
			if err := s.Store.TranscribeVoiceNote(ctx, id, "Lampu jalan mati di depan rumah Ratna", "fas"); err != nil {
				t.Fatal(err)
			}
			continue
		}
		say(step[0], step[1])
	}
	// The confirmation was sent; an hour later the retention job forgets it.
	if _, err := s.Store.Purge(ctx, postgres.Retention{}, time.Now().Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The one exception: the words she wrote in her complaint ("di depan
	// rumah Ratna") stay in the village's record of complaints, which no
	// longer links to her.
	assertNoTrace(t, s, []string{"81234567601", name, "Ratna"}, func(table, column, needle string) bool {
		return table == "complaints" && column == "text" && needle == "Ratna"
	})
}

// assertNoTrace scans every text column of every table of the schema (not a
// list written by hand) for each needle; allowed says which hits are the
// village's record rather than a trace of the person.
func assertNoTrace(t *testing.T, s *server, needles []string, allowed func(table, column, needle string) bool) {
	t.Helper()
	var cols []struct {
		Table  string `db:"table_name"`
		Column string `db:"column_name"`
	}
	if err := s.Store.DB().Select(&cols, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
		ORDER BY table_name, column_name`); err != nil {
		t.Fatal(err)
	}
	if len(cols) < 50 {
		t.Fatalf("only %d text columns found: the scan would prove little", len(cols))
	}
	for _, c := range cols {
		for _, needle := range needles {
			var hits int
			q := fmt.Sprintf(`SELECT count(*) FROM %q WHERE %q::text ILIKE '%%' || $1 || '%%'`, c.Table, c.Column)
			if err := s.Store.DB().Get(&hits, q, needle); err != nil {
				t.Fatalf("%s.%s: %v", c.Table, c.Column, err)
			}
			if hits > 0 && (allowed == nil || !allowed(c.Table, c.Column, needle)) {
				t.Errorf("%s.%s still holds %q (%d rows)", c.Table, c.Column, needle, hits)
			}
		}
	}
}
