package web_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/suaradesa/suaradesa/store/media/mediatest"
)

func (s *site) plant(t *testing.T, data []byte, ext string) int64 {
	t.Helper()
	id, err := mediatest.PlantPhoto(s.st.DB(), s.files.Dir, data, ext)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// fetchAll makes n requests for a path at once and returns their answers.
func (s *site) fetchAll(t *testing.T, path string, n int) (codes []int, bodies [][]byte) {
	codes, bodies = make([]int, n), make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(s.srv.URL + path)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			bodies[i], _ = io.ReadAll(resp.Body)
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	return codes, bodies
}

// Six first requests at once for a width resize the photo once; each
// width is made once.
func TestPhotoResizedOnce(t *testing.T) {
	s := newSite(t)
	var camera bytes.Buffer
	if err := jpeg.Encode(&camera, image.NewYCbCr(image.Rect(0, 0, 2000, 1500), image.YCbCrSubsampleRatio420), nil); err != nil {
		t.Fatal(err)
	}
	id := s.plant(t, camera.Bytes(), ".jpeg")
	for _, w := range []int{1024, 640, 1024} {
		codes, bodies := s.fetchAll(t, fmt.Sprintf("/foto/%d?w=%d", id, w), 6)
		for i := range codes {
			if codes[i] != 200 || !bytes.Equal(bodies[i], bodies[0]) {
				t.Fatalf("w=%d answered %v", w, codes)
			}
		}
	}
	if n := strings.Count(s.logs.String(), fmt.Sprintf(`msg="photo resized" media=%d `, id)); n != 2 {
		t.Fatalf("resized %d times for two widths:\n%s", n, s.logs)
	}
	// Removing the file (retention, HAPUS DATA) removes its copies too.
	if copies := s.resized(t, id, ".jpg"); len(copies) != 2 {
		t.Fatalf("copies %v", copies)
	}
	if err := s.files.Remove(s.mediaPath(t, id)); err != nil {
		t.Fatal(err)
	}
	if copies := s.resized(t, id, ""); len(copies) != 0 {
		t.Fatalf("copies left after the file was removed: %v", copies)
	}
}

// resized lists the cached copies and verdicts of a media file whose
// names end in suffix.
func (s *site) resized(t *testing.T, id int64, suffix string) []string {
	t.Helper()
	path := s.mediaPath(t, id)
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	found, _ := filepath.Glob(filepath.Join(s.files.ResizedDir(), base+"-*"+suffix))
	return found
}

// A photo that would take too much memory to decode is never decoded, on
// the public board or the admin's file page; the verdict is remembered
// for each width.
func TestPhotoBombNotDecoded(t *testing.T) {
	s := newSite(t)
	id := s.plant(t, mediatest.BombPNG(7000, 7000), ".png")
	codes, _ := s.fetchAll(t, fmt.Sprintf("/foto/%d?w=1024", id), 6)
	for _, code := range codes {
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("the bomb answered %v", codes)
		}
	}
	c := s.client(t)
	if code := c.login("fas", fasPassword); code != http.StatusSeeOther {
		t.Fatalf("login %d", code)
	}
	if code, _ := c.get(fmt.Sprintf("/admin/berkas/%d?w=640", id)); code != http.StatusUnprocessableEntity {
		t.Fatalf("the admin's resized bomb answered %d", code)
	}
	// The original is still there for the admin to download, undecoded.
	if code, body := c.get(fmt.Sprintf("/admin/berkas/%d", id)); code != 200 || !strings.HasPrefix(body, "\x89PNG") {
		t.Fatalf("the original answered %d", code)
	}
	for _, w := range []int{1024, 640} {
		if n := len(s.resized(t, id, fmt.Sprintf("%d.gagal", w))); n != 1 {
			t.Errorf("the verdict at %d px is not remembered (%d files)", w, n)
		}
	}
	if n := strings.Count(s.logs.String(), `msg="photo cannot be shown; remembered"`); n != 2 {
		t.Errorf("judged %d times for two widths:\n%s", n, s.logs)
	}
	// An admin cannot upload one either: refused with the reason.
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	if code, body := upload(t, tpu, "/admin/gagasan/G-HEMAT7/proposal", "berkas", "halaman.png", "image/png", mediatest.BombPNG(7000, 7000)); code != 400 || !strings.Contains(body, "terlalu besar") {
		t.Fatalf("a bomb uploaded as a proposal page: %d", code)
	}
	// Asked again, it is answered from the verdict.
	if code, _ := c.get(fmt.Sprintf("/foto/%d?w=1024", id)); code != http.StatusUnprocessableEntity {
		t.Fatalf("the bomb answered %d the second time", code)
	}
	if n := strings.Count(s.logs.String(), `msg="photo cannot be shown; remembered"`); n != 2 {
		t.Errorf("judged again: %d verdicts", n)
	}
}

// A photo whose header reads but whose pixels do not is tried once per
// width, then answered from the remembered verdict.
func TestBrokenPhotoTriedOnce(t *testing.T) {
	s := newSite(t)
	broken := mediatest.BlankPNG(800, 600, 8, 6)
	broken = append(broken[:60:60], bytes.Repeat([]byte{0xAB}, 4000)...) // IDAT cut and overwritten
	id := s.plant(t, broken, ".png")
	for range 3 {
		if codes, _ := s.fetchAll(t, fmt.Sprintf("/foto/%d?w=320", id), 3); codes[0] != http.StatusUnprocessableEntity {
			t.Fatalf("a broken photo answered %v", codes)
		}
	}
	if n := strings.Count(s.logs.String(), `msg="photo cannot be shown; remembered"`); n != 1 {
		t.Fatalf("tried %d times:\n%s", n, s.logs)
	}
}

func (s *site) mediaPath(t *testing.T, id int64) string {
	t.Helper()
	var path string
	if err := s.st.DB().Get(&path, `SELECT path FROM media WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	return path
}
