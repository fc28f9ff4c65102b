// Package mediatest makes hostile images for tests: small files that claim
// huge canvases.
package mediatest

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
)

// BombPNG returns a PNG of w×h pixels of 16-bit RGBA (8 bytes a pixel
// decoded), all transparent black: 7000×7000 compresses to a few hundred
// kilobytes and decodes to 392 MB.
func BombPNG(w, h int) []byte { return BlankPNG(w, h, 16, 6) }

// BlankPNG returns a PNG of w×h zero pixels of a bit depth (8 or 16) and a
// PNG colour type (0 gray, 2 RGB, 4 gray and alpha, 6 RGBA). It is written
// row by row, so making it takes little memory.
func BlankPNG(w, h int, depth, colorType byte) []byte {
	channels := map[byte]int{0: 1, 2: 3, 4: 2, 6: 4}[colorType]
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, colorType
	chunk(&out, "IHDR", ihdr)
	chunk(&out, "IDAT", zeroZlib(h*(1+channels*int(depth/8)*w)))
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

func chunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// BombJPEG returns a small baseline JPEG whose frame header claims w×h
// pixels (at most 65535 each): its decoder would allocate the whole
// canvas before finding the data short.
func BombJPEG(w, h int) []byte {
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 16, 16)), nil)
	b := buf.Bytes()
	for i := 2; i+9 < len(b); {
		if b[i] != 0xff {
			break
		}
		marker, n := b[i+1], int(binary.BigEndian.Uint16(b[i+2:]))
		if marker == 0xc0 {
			binary.BigEndian.PutUint16(b[i+5:], uint16(h))
			binary.BigEndian.PutUint16(b[i+7:], uint16(w))
			break
		}
		i += 2 + n
	}
	return b
}

// zeroZlib returns a zlib stream of n zero bytes. Deflating hundreds of
// megabytes takes a minute under the race detector, so only a few
// megabytes are: once the compressor's window is all zeros, every flushed
// megabyte of zeros compresses to the same bytes, which are repeated.
func zeroZlib(n int) []byte {
	const step = 1 << 20
	var out bytes.Buffer
	out.Write([]byte{0x78, 0xda}) // zlib header: deflate, best compression
	fw, _ := flate.NewWriter(&out, flate.BestCompression)
	zeros := make([]byte, step)
	left := n
	var prev []byte
	for left > step {
		start := out.Len()
		_, _ = fw.Write(zeros)
		_ = fw.Flush()
		left -= step
		block := bytes.Clone(out.Bytes()[start:])
		if bytes.Equal(block, prev) {
			// Steady: the rest of the whole steps is this block again.
			for ; left > step; left -= step {
				out.Write(block)
			}
			break
		}
		prev = block
	}
	_, _ = fw.Write(zeros[:left])
	_ = fw.Close()
	// Adler-32 of n zeros: a stays 1, b adds 1 for every byte.
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], uint32(n%65521)<<16|1)
	out.Write(sum[:])
	return out.Bytes()
}
