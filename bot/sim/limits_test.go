package sim_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// A body past one media file in base64 is refused 413 before it is read
// whole; a file within the media limit still goes through.
func TestSimBodyBounded(t *testing.T) {
	s := startServer(t)
	huge := `{"from":"081234567031","text":"` + strings.Repeat("a", 15<<20) + `"}`
	resp, err := s.client.Post(s.URL+"/sim/inbound", "application/json", strings.NewReader(huge))
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body["error"].(string), "body larger than") {
		t.Fatalf("15 MB body: %d %v; want 413 with a JSON error", resp.StatusCode, body)
	}
	// A 4 MB file (under the harness's 5 MB media limit) is still taken.
	photo := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xff}, 4<<20))
	if code, b := s.post(t, inbound{From: "081234567031", ID: "big-photo", Image: map[string]any{"mime": "image/jpeg", "data_base64": photo}}); code != http.StatusAccepted {
		t.Fatalf("a 4 MB photo: %d %v", code, b)
	}
}

// A 100 KB text is answered like any long text, and the inbound log keeps
// its first MaxStoredText characters, cut on a character boundary and
// marked (alone and with a file here; the batch in store/postgres).
func TestLongTextStoredCut(t *testing.T) {
	s := startServer(t)
	const who = "+6281100000001" // registered in the demo data
	// Multi-byte characters around the cut: "é" is two bytes.
	long := "ADUAN " + strings.Repeat("jalan rusak é ", 100_000/14)
	for i, in := range []inbound{
		{From: who, Text: long, ID: "long-1"},
		{From: who, Text: long, ID: "long-2", Image: map[string]any{"mime": "image/jpeg", "data_base64": testJPEG(t)}},
	} {
		if code, b := s.post(t, in); code != http.StatusAccepted {
			t.Fatalf("long text %d: %d %v", i, code, b)
		}
		got := s.replies(t, who)
		if len(got) == 0 {
			t.Fatalf("long text %d: no reply", i)
		}
		t.Logf("long text %d answered: %.160q", i, got[0].Text)
	}
	var texts []string
	if err := s.Store.DB().Select(&texts, `SELECT text FROM inbound_messages WHERE text IS NOT NULL AND length(text) > 100 ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 {
		t.Fatalf("%d long texts logged, want 2", len(texts))
	}
	for _, text := range texts {
		kept := strings.TrimSuffix(text, postgres.TextCutMark)
		if kept == text || utf8.RuneCountInString(kept) != postgres.MaxStoredText || !strings.HasPrefix(long, kept) {
			t.Fatalf("stored %d characters (%d bytes), ending %q; want the first %d and the mark",
				utf8.RuneCountInString(text), len(text), text[len(text)-20:], postgres.MaxStoredText)
		}
	}
}
