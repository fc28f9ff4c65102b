package sim_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/bot/sim"
)

// chat returns a function that sends text (with an attachment when given)
// from a number and checks that the replies contain want; it returns them.
func chat(t *testing.T, s *server, from string) func(text string, attach map[string]any, want ...string) string {
	n := 0
	to := "+62" + strings.TrimPrefix(from, "0")
	return func(text string, attach map[string]any, want ...string) string {
		t.Helper()
		n++
		msg := inbound{From: from, Text: text, ID: fmt.Sprint(from, "-", n)}
		switch {
		case attach == nil:
		case attach["lat"] != nil:
			msg.Location = attach
		case strings.HasPrefix(fmt.Sprint(attach["mime"]), "audio/"):
			msg.Audio = attach
		default:
			msg.Image = attach
		}
		if code, body := s.post(t, msg); code != 202 {
			t.Fatalf("%q: %d %v", text, code, body)
		}
		got := joinTexts(s.replies(t, to))
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Fatalf("%q: replies lack %q:\n%s", text, w, got)
			}
		}
		return got
	}
}

// files lists the files of the media store.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func countRows(t *testing.T, s *server, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.Store.DB().Get(&n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// webpSticker is the start of a WebP file, as a WhatsApp sticker is.
var webpSticker = map[string]any{"mime": "image/webp",
	"data_base64": base64.StdEncoding.EncodeToString(append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 "), make([]byte, 40)...))}

var voiceNote = map[string]any{"mime": "audio/ogg",
	"data_base64": base64.StdEncoding.EncodeToString(append([]byte("OggS\x00\x02"), make([]byte, 64)...))}

// Before consent nothing of a stranger's is stored: a sticker, a photo
// with a gagasan or a voice note is dropped unwritten (no file, no row),
// and the person is told to send it again after registering. The
// gagasan's words wait in the session, as the README says, and are saved
// once registered, without the photo.
func TestMediaBeforeConsentNotStored(t *testing.T) {
	s := startServer(t)
	stranger := chat(t, s, "081234567802")
	stranger("", webpSticker, "Setuju?", "tidak kami simpan karena Bapak/Ibu belum setuju")
	stranger("", voiceNote, "balas YA", "tidak kami simpan")
	say := chat(t, s, "081234567801")
	photo := map[string]any{"mime": "image/jpeg", "data_base64": testJPEG(t)}
	say("GAGASAN Sumur bor untuk dusun Kejambon yang kering tiap kemarau", photo, "Setuju?", "tidak kami simpan")
	if got := files(t, s.Dir); len(got) != 0 {
		t.Fatalf("files stored before consent: %v", got)
	}
	if n := countRows(t, s, `SELECT count(*) FROM media`); n != 0 {
		t.Fatalf("%d media rows before consent", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM inbound_messages WHERE media_id IS NOT NULL OR text IS NOT NULL`); n != 0 {
		t.Fatalf("%d inbound rows keep a text or a file before consent", n)
	}
	// After consent the same photo is kept.
	for _, step := range [][2]string{{"ya", "Pilih bahasa"}, {"1", "nama"}, {"Wulan", "desa mana"}, {"1", "Dusun mana"}, {"1", "perempuan atau laki-laki"}} {
		say(step[0], nil, step[1])
	}
	say("1", nil, "kami simpan sekarang", "dan foto?")
	var photoID *int64
	if err := s.Store.DB().Get(&photoID, `SELECT photo_id FROM gagasan ORDER BY id DESC LIMIT 1`); err != nil || photoID != nil {
		t.Fatalf("the gagasan waiting for consent has photo %v (%v)", photoID, err)
	}
	say("", photo)
	if got := files(t, s.Dir); len(got) != 1 {
		t.Fatalf("after consent a photo is stored: %v", got)
	}
}

// testPNG is a small PNG, other bytes than testJPEG's.
func testPNG(t testing.TB) string {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 2, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// getMedia fetches /sim/media/{id} as the number to, and returns the status.
func (s *server) getMedia(t testing.TB, id int64, to string) int {
	t.Helper()
	resp, err := s.client.Get(fmt.Sprintf("%s/sim/media/%d?to=%s", s.URL, id, url.QueryEscape(to)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// GET /sim/media/{id} serves a file only to the number a sent message
// carried it to: a media id is a counter, and the files are residents'
// photos. The media_url of GET /sim/outbound names the number; with
// SIM_TOKEN set the token is needed as for every simulator route.
func TestSimMediaOnlyToRecipient(t *testing.T) {
	s := startServer(t)
	const resident, fasilitator = "+6281234567811", "+6281100000003"
	say := chat(t, s, "081234567811")
	for _, step := range [][2]string{{"halo", "Setuju?"}, {"ya", "Pilih bahasa"}, {"1", "nama"}, {"Yanti", "desa mana"}, {"1", "Dusun mana"},
		{"2", "perempuan atau laki-laki"}, {"1", "Pendaftaran selesai"}, {"ADUAN Jembatan bambu patah", "foto"}} {
		say(step[0], nil, step[1])
	}
	say("", map[string]any{"mime": "image/jpeg", "data_base64": testJPEG(t)}, "tanpa nama")
	say("1", nil, "Aduan tercatat")
	var url *string
	for _, m := range s.replies(t, fasilitator) {
		if m.MediaURL != nil {
			url = m.MediaURL
		}
	}
	var id int64
	if err := s.Store.DB().Get(&id, `SELECT photo_id FROM complaints`); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("/sim/media/%d?to=%%2B6281100000003", id); url == nil || *url != want {
		t.Fatalf("media_url %v, want %s", url, want)
	}
	resp, err := s.client.Get(s.URL + *url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("the facilitator's photo: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	// The sender was not sent it, nor was anyone else; a number is needed.
	for _, to := range []string{resident, "+6281100000001", "+6281234567899"} {
		if code := s.getMedia(t, id, to); code != 404 {
			t.Errorf("as %s: %d, want 404", to, code)
		}
	}
	for _, u := range []string{fmt.Sprintf("/sim/media/%d", id), fmt.Sprintf("/sim/media/%d?to=x", id)} {
		resp, err := s.client.Get(s.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", u, resp.StatusCode)
		}
	}
	// With a token, the token first.
	ch := &sim.Channel{Outbox: s.Store, Log: quietLog(), MediaDir: s.Dir, Token: "a-long-simulator-token"}
	mux := http.NewServeMux()
	ch.Register(mux)
	for token, want := range map[string]int{"": 401, "wrong-token-of-some-length": 401, "a-long-simulator-token": 200} {
		req := httptest.NewRequest("GET", *url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("token %q: %d, want %d", token, rec.Code, want)
		}
	}
}
