package sim_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// hapusJourney is a resident, Ratna Kusumawati, who registered, sent a
// gagasan with a voice note, a pin and a photo and another in one line,
// answered an invitation, followed a kegiatan, filed a complaint with a
// photo, her name and her number, recorded a voice complaint a
// facilitator wrote down and suggested a map item naming her; then she
// sent HAPUS DATA and answered keep (1: her words and photos may stay, 2:
// the titles and categories only), and the retention job ran with its
// files removed. It returns the names of her files in the media store.
func hapusJourney(t *testing.T, s *server, keep string) (sums []string) {
	t.Helper()
	ctx := context.Background()
	if err := s.Store.SeedDemoActivity(ctx, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	var kegiatan string
	if err := s.Store.DB().Get(&kegiatan, `SELECT code FROM kegiatan ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// Two photos of her own (the bytes name the files).
	photo1 := map[string]any{"mime": "image/jpeg", "data_base64": testJPEG(t)}
	photo2 := map[string]any{"mime": "image/png", "data_base64": testPNG(t)}
	pin := map[string]any{"lat": -7.7123, "lng": 110.4321}
	say := chat(t, s, "081234567601")
	for _, step := range []struct {
		text   string
		attach map[string]any
		want   string
	}{
		{"halo", nil, "Setuju?"}, {"ya", nil, "Pilih bahasa"}, {"1", nil, "nama"}, {"Ratna Kusumawati", nil, "desa mana"}, {"1", nil, "Dusun mana"},
		{"2", nil, "perempuan atau laki-laki"}, {"1", nil, "Pendaftaran selesai"},
		{"GAGASAN Sumur umum untuk warga Kejambon", nil, "G-"}, {"MENU", nil, "Menu"},
		{"GAGASAN", nil, "tentang apa"}, {"2", nil, "peta"}, {"3", nil, "judul singkat"}, {"Kandang kambing bersama", nil, "pesan suara"},
		{"", voiceNote, "Di dusun mana"}, {"2", nil, "lokasi"}, {"", pin, "rumah tangga"}, {"LEWATI", nil, "foto"},
		{"", photo1, "Ringkasan"}, {"YA", nil, "Fotonya ikut tercatat"},
		{"HADIR", nil, "HADIR"},
		{"IKUTI " + kegiatan, nil, kegiatan},
		{"ADUAN Jalan berlubang di depan rumah Ratna Kusumawati, telepon 0812-3456-7601", nil, "foto"},
		{"", photo2, "tanpa nama"}, {"2", nil, "Aduan tercatat"},
		{"PETA", nil, "mengusulkan"}, {"1", nil, "Masalah"}, {"1", nil, "Tulis singkat"}, {"Sumur di rumah Ratna kering", nil, "diteruskan ke kader"},
		{"BAHASA 2", nil, "Basa Jawa"}, {"BAHASA 1", nil, "Bahasa Indonesia"},
		{"ADUAN", nil, "Tulis aduan"}, {"", voiceNote, "Pesan suara diterima"}, {"LEWATI", nil, "tanpa nama"}, {"2", nil, "Aduan tercatat"},
	} {
		say(step.text, step.attach, step.want)
	}
	// A facilitator writes down her voice complaint, which names her: the
	// transcript goes with the voice note.
	var voice int64
	if err := s.Store.DB().Get(&voice, `SELECT id FROM voice_notes ORDER BY id DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.TranscribeVoiceNote(ctx, voice, "Lampu jalan mati di depan rumah Ratna", "fas"); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.DB().Select(&sums, `SELECT DISTINCT sha256 FROM media`); err != nil || len(sums) != 3 {
		t.Fatalf("her files: %v %v", sums, err)
	}
	// The facilitator received her complaint's photo, and the simulator
	// serves it to the facilitator.
	var complaintPhoto int64
	if err := s.Store.DB().Get(&complaintPhoto, `SELECT photo_id FROM complaints WHERE photo_id IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	s.replies(t, "+6281100000003")
	if code := s.getMedia(t, complaintPhoto, "+6281100000003"); code != 200 {
		t.Fatalf("the facilitator's photo: %d", code)
	}
	say("HAPUS DATA", nil, "YA")
	say("YA", nil, "boleh tetap disimpan")
	say(keep, nil, "dihapus")
	// The confirmation was sent; an hour later the retention job forgets it
	// and the files no record holds.
	res, err := s.Store.Purge(ctx, postgres.Retention{}, time.Now().Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	store, err := media.NewLocal(s.Dir, 5<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.MediaPaths {
		if err := store.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	wantServed := 404
	if keep == "1" {
		wantServed = 200 // the complaint keeps its photo
	}
	if code := s.getMedia(t, complaintPhoto, "+6281100000003"); code != wantServed {
		t.Errorf("her complaint's photo served with %d, want %d", code, wantServed)
	}
	return sums
}

// After HAPUS DATA with "keep the title and category only", nothing of the
// person stays: checked by a query over every text column of every table
// of the schema (not a list written by hand) and over the media store's
// files. The titles and categories of her gagasan stay, unlinked, without
// photo, pin or voice.
func TestHapusDataLeavesNoTrace(t *testing.T) {
	s := startServer(t)
	sums := hapusJourney(t, s, "2")
	for _, f := range files(t, s.Dir) {
		for _, sum := range sums {
			if strings.Contains(f, sum) {
				t.Errorf("her file %s is still on disk", f)
			}
		}
	}
	needles := append([]string{"81234567601", "3456-7601", "Ratna Kusumawati", "Ratna", "berlubang", "Sumur di rumah", "Lampu jalan mati"}, sums...)
	assertNoTrace(t, s, needles, nil)
	var kept []domain.Gagasan
	if err := s.Store.DB().Select(&kept, `SELECT title, category, description, photo_id, lat, sender_id FROM gagasan
		WHERE title IN ('Sumur umum untuk warga Kejambon', 'Kandang kambing bersama') ORDER BY title`); err != nil || len(kept) != 2 {
		t.Fatalf("her gagasan: %+v %v", kept, err)
	}
	for _, g := range kept {
		if g.Category == "" || g.Description != "" || g.PhotoID != nil || g.Lat != nil || g.SenderID != nil {
			t.Errorf("gagasan %q kept %+v", g.Title, g)
		}
	}
}

// When she lets her words stay, the village keeps them and the photos with
// them, unlinked, without her number or her full name; her voice goes all
// the same.
func TestHapusDataKeepsWordsWithoutNameOrNumber(t *testing.T) {
	s := startServer(t)
	sums := hapusJourney(t, s, "1")
	if n := len(files(t, s.Dir)); n != 2 {
		t.Errorf("%d files on disk, want her two photos", n)
	}
	assertNoTrace(t, s, []string{"81234567601", "3456-7601", "Ratna Kusumawati", sums[0], sums[1], sums[2]}, func(table, column, _ string) bool {
		return table == "media" && (column == "sha256" || column == "path")
	})
	var texts []string
	if err := s.Store.DB().Select(&texts, `SELECT text FROM complaints WHERE contact_id IS NULL ORDER BY id`); err != nil || len(texts) != 2 {
		t.Fatalf("complaints %q %v", texts, err)
	}
	if want := "Jalan berlubang di depan rumah …, telepon …"; texts[0] != want {
		t.Errorf("complaint kept as %q, want %q", texts[0], want)
	}
	var photos int
	_ = s.Store.DB().Get(&photos, `SELECT count(*) FROM gagasan WHERE photo_id IS NOT NULL AND sender_id IS NULL`)
	if photos != 1 {
		t.Errorf("%d gagasan keep their photo, want 1", photos)
	}
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
