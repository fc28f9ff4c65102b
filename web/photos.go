package web

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // photos come as JPEG or PNG
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // and WebP from WhatsApp

	"github.com/suaradesa/suaradesa/domain"
)

// photoWidths are the sizes served: a thumbnail for the board, a larger one
// for a tap. A phone on slow data never downloads the original.
var photoWidths = map[int]bool{320: true, 640: true, 1024: true}

// photo serves a progress photo (public by nature), resized to ?w= and
// cached on disk. Any other media id is not found.
func (s *Server) photo(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	width, _ := strconv.Atoi(r.URL.Query().Get("w"))
	if !photoWidths[width] {
		width = 320
	}
	path, _, err := s.Store.PublicPhoto(r.Context(), id)
	if err != nil {
		if domain.ErrorCodeOf(err) == domain.ENOTFOUND {
			http.NotFound(w, r)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.serveResized(w, r, id, path, width)
}

// serveResized writes a stored image as a JPEG at most width wide, from
// the cache when it was made before.
func (s *Server) serveResized(w http.ResponseWriter, r *http.Request, id int64, path string, width int) {
	cached := filepath.Join(s.CacheDir, fmt.Sprintf("%d-%d.jpg", id, width))
	data, err := os.ReadFile(cached)
	if err != nil {
		data, err = s.resize(path, width)
		if err != nil {
			s.Log.Warn("resizing photo", "media", id, "err", err)
			http.Error(w, "Foto tidak dapat ditampilkan.", http.StatusUnprocessableEntity)
			return
		}
		if err := writeFileAtomic(cached, data); err != nil {
			s.Log.Warn("caching photo", "err", err)
		}
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "public, max-age=604800, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(data)
}

// resize decodes a stored image and scales it down to width (never up).
func (s *Server) resize(path string, width int) ([]byte, error) {
	f, err := s.Media.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return nil, err
	}
	// A decompression bomb (a tiny file claiming a huge canvas) is refused
	// before it is decoded.
	if cfg.Width*cfg.Height > 50_000_000 {
		return nil, fmt.Errorf("image of %dx%d is too large", cfg.Width, cfg.Height)
	}
	if _, err := f.Seek(0, 0); err != nil {
		return nil, err
	}
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	if b.Dx() > width {
		h := b.Dy() * width / b.Dx()
		dst := image.NewRGBA(image.Rect(0, 0, width, max(h, 1)))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
		src = dst
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 72}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
