package media

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decodes the first frame only
	_ "image/jpeg"
	_ "image/png"
	"io"

	_ "golang.org/x/image/webp" // WhatsApp stickers and some phones

	"github.com/suaradesa/suaradesa/domain"
)

// DefaultImageBudget is the most memory one image may take while it is
// decoded: 64 MiB holds a 44-megapixel camera JPEG or a 4096×4096 PNG. A
// file of a few hundred kilobytes can claim far more (a 7000×7000 16-bit
// PNG decodes to 392 MB), so the size is judged from the header, in bytes,
// before anything is decoded.
const DefaultImageBudget = 64 << 20

// ImageCost is what decoding an image will take: its header and the bytes
// the decoder will hold at once, estimated from above.
type ImageCost struct {
	image.Config
	Format string
	Bytes  int64
}

// MeasureImage reads an image's header (never its pixels) and estimates
// the memory its decoding takes. An unreadable header is an error.
func MeasureImage(r io.ReadSeeker) (ImageCost, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return ImageCost{}, fmt.Errorf("reading image header: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return ImageCost{}, fmt.Errorf("image of %dx%d", cfg.Width, cfg.Height)
	}
	c := ImageCost{Config: cfg, Format: format}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	// Tenths of a byte per pixel, so that 4:2:0 JPEG (1.5) stays exact.
	tenths := int64(0)
	switch format {
	case "jpeg":
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return ImageCost{}, err
		}
		t, err := jpegTenths(r)
		if err != nil {
			return ImageCost{}, err
		}
		tenths = t
	case "png":
		tenths = 10 * modelBytes(cfg.ColorModel)
		if _, err := r.Seek(28, io.SeekStart); err == nil {
			// An interlaced PNG holds its passes and the whole image.
			var b [1]byte
			if _, err := io.ReadFull(r, b[:]); err == nil && b[0] != 0 {
				tenths *= 2
			}
		}
	case "webp":
		// Lossy VP8 is 4:2:0; lossless VP8L (and an alpha plane, which is
		// VP8L) decodes into two 4-byte buffers and transforms.
		tenths = 20
		if cfg.ColorModel != color.YCbCrModel {
			tenths = 120
		}
	case "gif":
		tenths = 10 // the first frame, bounded by the screen, is decoded
	default:
		return ImageCost{}, fmt.Errorf("image format %q", format)
	}
	c.Bytes = pixels * tenths / 10
	return c, nil
}

// modelBytes is the size of one pixel in the image a colour model decodes
// to, rounded up; an unknown model counts as the largest.
func modelBytes(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

// jpegTenths reads a JPEG's frame header and returns the tenths of a byte
// per pixel the standard decoder holds: every component's samples, four
// bytes more a sample for progressive coefficients, and a 4-byte RGBA or
// CMYK copy for files that are not plain YCbCr or gray.
func jpegTenths(r io.Reader) (int64, error) {
	br := bufio.NewReader(r)
	var soi [2]byte
	if _, err := io.ReadFull(br, soi[:]); err != nil || soi != [2]byte{0xff, 0xd8} {
		return 0, fmt.Errorf("jpeg: no start of image")
	}
	adobe := false
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, fmt.Errorf("jpeg: no frame header: %w", err)
		}
		if b != 0xff {
			continue // fill or garbage between segments, as the decoder allows
		}
		marker, err := br.ReadByte()
		if err != nil {
			return 0, fmt.Errorf("jpeg: no frame header: %w", err)
		}
		if marker == 0xff || marker == 0x00 || (marker >= 0xd0 && marker <= 0xd8) || marker == 0x01 {
			if marker == 0xff {
				_ = br.UnreadByte()
			}
			continue // padding, stuffing, restart markers: no length
		}
		var l [2]byte
		if _, err := io.ReadFull(br, l[:]); err != nil {
			return 0, fmt.Errorf("jpeg: short segment: %w", err)
		}
		n := int(binary.BigEndian.Uint16(l[:])) - 2
		if n < 0 {
			return 0, fmt.Errorf("jpeg: bad segment length")
		}
		seg := make([]byte, n)
		if _, err := io.ReadFull(br, seg); err != nil {
			return 0, fmt.Errorf("jpeg: short segment: %w", err)
		}
		switch {
		case marker == 0xee && n >= 5 && string(seg[:5]) == "Adobe":
			adobe = true
		case marker == 0xc0 || marker == 0xc1 || marker == 0xc2:
			return frameTenths(seg, marker == 0xc2, adobe)
		case marker == 0xda || marker == 0xd9:
			return 0, fmt.Errorf("jpeg: no frame header")
		}
	}
}

func frameTenths(sof []byte, progressive, adobe bool) (int64, error) {
	if len(sof) < 6 {
		return 0, fmt.Errorf("jpeg: short frame header")
	}
	n := int(sof[5])
	if n < 1 || n > 4 || len(sof) < 6+3*n {
		return 0, fmt.Errorf("jpeg: %d components", n)
	}
	hmax, vmax := 1, 1
	for i := 0; i < n; i++ {
		hv := sof[6+3*i+1]
		hmax, vmax = max(hmax, int(hv>>4)), max(vmax, int(hv&0x0f))
	}
	// Samples per pixel, in tenths, rounded up per component.
	samples := int64(0)
	rgbIDs := n == 3 && sof[6] == 'R' && sof[9] == 'G' && sof[12] == 'B'
	for i := 0; i < n; i++ {
		hv := sof[6+3*i+1]
		h, v := int64(max(1, int(hv>>4))), int64(max(1, int(hv&0x0f)))
		samples += (10*h*v + int64(hmax*vmax) - 1) / int64(hmax*vmax)
	}
	tenths := samples
	if progressive {
		tenths += 4 * samples // an int32 coefficient per sample
	}
	if n == 4 || adobe || rgbIDs {
		tenths += 40 // converted to RGBA or CMYK
	}
	return tenths, nil
}

// CheckImage refuses an image whose header cannot be read (ErrUnreadable)
// or whose decoding would take more than budget bytes (EINVALID).
func CheckImage(r io.ReadSeeker, budget int64) (ImageCost, error) {
	c, err := MeasureImage(r)
	if err != nil {
		return c, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if c.Bytes > budget {
		// Also shown to an admin uploading it, hence in Bahasa Indonesia.
		return c, ruleImageTooLarge.Err(c.Width, c.Height, c.Bytes>>20, budget>>20)
	}
	return c, nil
}

// ErrUnreadable marks an image whose header cannot be read: it can never be
// decoded either.
var ErrUnreadable = errors.New("image cannot be read")

// Rules this package refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleImageTooLarge = domain.NewRule("image_too_large", domain.EINVALID, "image %dx%d too large to process (%d MB decoded, limit %d MB)")
	ruleFileEmpty     = domain.NewRule("file_empty", domain.EINVALID, "empty file")
	ruleFileTooLarge  = domain.NewRule("file_too_large", domain.EINVALID, "file larger than %d MB")
)
