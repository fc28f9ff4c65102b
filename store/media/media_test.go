package media_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
)

func pngBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLocalPut(t *testing.T) {
	l, err := media.NewLocal(t.TempDir(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	data := pngBytes(t)
	// The declared type is not trusted: the bytes say PNG.
	st, err := l.Put(data, "image/jpeg")
	if err != nil {
		t.Fatal(err)
	}
	if st.Mime != "image/png" || st.Kind != "image" || st.Size != len(data) || filepath.Ext(st.Path) != ".png" {
		t.Fatalf("stored %+v", st)
	}
	again, err := l.Put(data, "image/png")
	if err != nil || again.Path != st.Path {
		t.Fatalf("same bytes stored twice differently: %+v %v", again, err)
	}
	f, err := l.Open(st.Path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := l.Open("../../etc/passwd"); err == nil {
		t.Fatal("path escape opened")
	}
	entries, _ := os.ReadDir(filepath.Join(l.Dir, st.SHA256[:2]))
	if len(entries) != 1 {
		t.Fatalf("%d files, want 1 (no temp files left)", len(entries))
	}
}

func TestLocalRefuses(t *testing.T) {
	l, _ := media.NewLocal(t.TempDir(), 100)
	if _, err := l.Put(nil, "image/png"); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("empty: %v", err)
	}
	if _, err := l.Put(bytes.Repeat([]byte{1}, 101), "image/png"); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("too large: %v", err)
	}
	st, err := l.Put([]byte("just some text"), "image/png")
	if err != nil || st.Kind != "other" {
		t.Fatalf("text claimed as image: %+v %v", st, err)
	}
	st, err = l.Put([]byte("OggS\x00\x02rest of a voice note"), "audio/ogg; codecs=opus")
	if err != nil || st.Kind != "audio" || st.Mime != "audio/ogg" {
		t.Fatalf("voice note: %+v %v", st, err)
	}
}
