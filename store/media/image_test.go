package media_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/media/mediatest"
)

func encoded(t *testing.T, enc func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// progressive marks a baseline JPEG's frame as progressive (SOF2): only
// the header is read here.
func progressive(b []byte) []byte {
	b = bytes.Clone(b)
	for i := 2; i+3 < len(b) && b[i] == 0xff; i += 2 + int(binary.BigEndian.Uint16(b[i+2:])) {
		if b[i+1] == 0xc0 {
			b[i+1] = 0xc2
			break
		}
	}
	return b
}

// The decoded size is judged in bytes per the colour model, from the
// header alone.
func TestMeasureImage(t *testing.T) {
	rect := image.Rect(0, 0, 100, 10)
	photo := encoded(t, func(b *bytes.Buffer) error {
		return jpeg.Encode(b, image.NewYCbCr(rect, image.YCbCrSubsampleRatio420), nil)
	})
	cases := []struct {
		name string
		data []byte
		want int64
	}{
		{"16-bit RGBA PNG", mediatest.BombPNG(100, 10), 8000},
		{"8-bit RGBA PNG", mediatest.BlankPNG(100, 10, 8, 6), 4000},
		{"RGB PNG", mediatest.BlankPNG(100, 10, 8, 2), 4000},
		{"gray PNG", mediatest.BlankPNG(100, 10, 8, 0), 1000},
		{"16-bit gray PNG", mediatest.BlankPNG(100, 10, 16, 0), 2000},
		{"paletted PNG", encoded(t, func(b *bytes.Buffer) error {
			return png.Encode(b, image.NewPaletted(rect, color.Palette{color.Black, color.White}))
		}), 1000},
		{"4:2:0 JPEG", photo, 1600},
		{"progressive 4:2:0 JPEG", progressive(photo), 8000},
		{"gray JPEG", encoded(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, image.NewGray(rect), nil) }), 1000},
		{"GIF", encoded(t, func(b *bytes.Buffer) error {
			return gif.Encode(b, image.NewPaletted(rect, color.Palette{color.Black, color.White}), nil)
		}), 1000},
	}
	for _, c := range cases {
		got, err := media.MeasureImage(bytes.NewReader(c.data))
		if err != nil || got.Bytes != c.want || got.Width != 100 || got.Height != 10 {
			t.Errorf("%s: %+v %v, want %d bytes", c.name, got, err, c.want)
		}
	}
	if _, err := media.MeasureImage(bytes.NewReader([]byte("\xff\xd8\xff\xe0 not a jpeg"))); err == nil {
		t.Error("a broken header measured")
	}
}

// A small file that decodes to more than the budget is refused on
// arrival: the 7000×7000 16-bit PNG (a few hundred KB, 392 MB decoded) and
// a JPEG header claiming 60000×60000. A camera photo is kept, and so is a
// file that only looks like an image (it is never decoded).
func TestPutRefusesDecompressionBombs(t *testing.T) {
	l, err := media.NewLocal(t.TempDir(), 10<<20)
	if err != nil {
		t.Fatal(err)
	}
	bomb := mediatest.BombPNG(7000, 7000)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d KB", len(bomb)>>10)
	}
	for name, data := range map[string][]byte{"png": bomb, "jpeg": mediatest.BombJPEG(60000, 60000)} {
		if _, err := l.Put(data, "image/png"); domain.ErrorCodeOf(err) != domain.EINVALID {
			t.Errorf("%s bomb stored: %v", name, err)
		}
	}
	camera := encoded(t, func(b *bytes.Buffer) error {
		return jpeg.Encode(b, image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420), nil)
	})
	if st, err := l.Put(camera, "image/jpeg"); err != nil || st.Kind != "image" {
		t.Errorf("a 12-megapixel photo refused: %+v %v", st, err)
	}
	if st, err := l.Put([]byte("\xff\xd8\xff\xe0 not a jpeg"), "image/jpeg"); err != nil || st.Kind != "image" {
		t.Errorf("a broken photo: %+v %v", st, err)
	}
	small := media.Local{Dir: l.Dir, MaxSize: 10 << 20, ImageBudget: 1 << 20}
	if _, err := small.Put(camera, "image/jpeg"); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Errorf("the budget is not honoured: %v", err)
	}
}

// No header, however broken, makes the measure panic or claim a
// negative size.
func FuzzMeasureImage(f *testing.F) {
	f.Add(mediatest.BombPNG(10, 10))
	f.Add(mediatest.BombJPEG(60000, 60000))
	f.Add(progressive(mediatest.BombJPEG(100, 100)))
	f.Add([]byte("GIF89a\x01\x00\x01\x00"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8L"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := media.MeasureImage(bytes.NewReader(data))
		if err == nil && (c.Bytes <= 0 || c.Width <= 0 || c.Height <= 0) {
			t.Fatalf("measured %+v", c)
		}
	})
}
