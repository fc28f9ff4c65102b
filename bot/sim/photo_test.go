package sim_test

import (
	"encoding/base64"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/media/mediatest"
)

// A photo that would take too much memory to decode (a 7000×7000 16-bit
// PNG of a few hundred KB) is refused where media arrives: the sender is
// told so, in the catalog's words, nothing is stored, and the message's
// text is still handled.
func TestPhotoBombRefusedOnArrival(t *testing.T) {
	s := startServer(t)
	const tpk = "081100000002" // the demo TPK, registered
	to := "+6281100000002"
	bomb := map[string]any{"mime": "image/png", "data_base64": base64.StdEncoding.EncodeToString(mediatest.BombPNG(7000, 7000))}
	refused := flow.Render(flow.LangID, flow.MsgMediaRefused, nil)
	files := func() int {
		n := 0
		_ = filepath.WalkDir(s.Dir, func(_ string, d fs.DirEntry, _ error) error {
			if d != nil && !d.IsDir() {
				n++
			}
			return nil
		})
		var rows int
		if err := s.Store.DB().Get(&rows, `SELECT count(*) FROM media`); err != nil {
			t.Fatal(err)
		}
		return n + rows
	}
	before := files()

	if code, _ := s.post(t, inbound{From: tpk, Image: bomb}); code != 202 {
		t.Fatalf("bomb answered %d", code)
	}
	got := joinTexts(s.replies(t, to))
	if !strings.Contains(got, refused) || strings.Contains(got, flow.Render(flow.LangID, flow.MsgEmpty, nil)) {
		t.Fatalf("the bomb got:\n%s", got)
	}
	if code, _ := s.post(t, inbound{From: tpk, Text: "MENU", Image: bomb}); code != 202 {
		t.Fatalf("bomb with a caption answered %d", code)
	}
	got = joinTexts(s.replies(t, to))
	if !strings.Contains(got, refused) || !strings.Contains(got, "GAGASAN") {
		t.Fatalf("the bomb with MENU got:\n%s", got)
	}
	if after := files(); after != before {
		t.Fatalf("the bomb was stored: %d files and rows, %d before", after, before)
	}
}
