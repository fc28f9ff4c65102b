package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/disintegration/imaging"
	"golang.org/x/sync/semaphore"
	"golang.org/x/sync/singleflight"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
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
	path, mime, err := s.Store.PublicPhoto(r.Context(), id)
	if err != nil {
		if domain.ErrorCodeOf(err) == domain.ENOTFOUND {
			http.NotFound(w, r)
			return
		}
		s.fail(w, r, err)
		return
	}
	if mime == "application/pdf" {
		// A berita acara scanned to PDF, let onto the board: as it is.
		s.serveFile(w, r, path, mime)
		return
	}
	s.serveResized(w, r, id, path, width)
}

// resizer makes each resized photo once: one decoding at a time for a file
// and width (the others wait for its result), at most two at once over
// all files, never more than twice an image's budget in decoded and
// scaled pixels at once, and a photo that cannot be shown at a width is
// decided once and remembered on disk.
type resizer struct {
	flights singleflight.Group
	sem     *semaphore.Weighted
	budget  int64
}

// errUnshowable is a photo that will never be shown: remembered.
var errUnshowable = errors.New("photo cannot be shown")

// resizeWait bounds the wait for a turn at resizing; a request that waits
// longer is told to come back.
const resizeWait = time.Minute

func newResizer(budget int64) *resizer {
	return &resizer{sem: semaphore.NewWeighted(2 * budget), budget: budget}
}

// serveResized writes a stored image as a JPEG at most width wide, from
// the cache when it was made before.
func (s *Server) serveResized(w http.ResponseWriter, r *http.Request, id int64, path string, width int) {
	cached := filepath.Join(s.CacheDir, media.ResizedName(path, width, ".jpg"))
	failed := filepath.Join(s.CacheDir, media.ResizedName(path, width, ".gagal"))
	data, err := os.ReadFile(cached)
	if err != nil {
		if _, ferr := os.Stat(failed); ferr == nil {
			err = errUnshowable
		} else {
			data, err = s.makeResized(r.Context(), id, path, width, cached, failed)
		}
	}
	switch {
	case errors.Is(err, errUnshowable):
		http.Error(w, "Foto tidak dapat ditampilkan.", http.StatusUnprocessableEntity)
		return
	case err != nil:
		s.Log.Warn("resizing photo", "media", id, "err", err)
		w.Header().Set("Retry-After", "10")
		http.Error(w, "Foto sedang disiapkan. Coba lagi sebentar lagi.", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "public, max-age=604800, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(data)
}

// makeResized resizes a photo once for all who ask at the same time, and
// caches the result or the verdict that it cannot be shown.
func (s *Server) makeResized(ctx context.Context, id int64, path string, width int, cached, failed string) ([]byte, error) {
	ch := s.resizer.flights.DoChan(filepath.Base(cached), func() (any, error) {
		if data, err := os.ReadFile(cached); err == nil {
			return data, nil // made by the flight just before this one
		}
		if _, err := os.Stat(failed); err == nil {
			return nil, errUnshowable // judged by the flight just before this one
		}
		// The flight outlives the request that started it: the others
		// waiting for it, and the cache, still want its result.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), resizeWait)
		defer cancel()
		data, err := s.resize(ctx, path, width)
		if err != nil {
			if errors.Is(err, errUnshowable) {
				s.Log.Warn("photo cannot be shown; remembered", "media", id, "err", err)
				if werr := writeFileAtomic(failed, []byte(err.Error()+"\n")); werr != nil {
					s.Log.Warn("remembering an unshowable photo", "err", werr)
				}
			}
			return nil, err
		}
		s.Log.Debug("photo resized", "media", id, "width", width)
		if err := writeFileAtomic(cached, data); err != nil {
			s.Log.Warn("caching photo", "err", err)
		}
		return data, nil
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.([]byte), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// resize decodes a stored image and scales it down to width (never up).
// Its header is read first: an image whose decoding would take more than
// the budget is never decoded.
func (s *Server) resize(ctx context.Context, path string, width int) ([]byte, error) {
	f, err := s.Media.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rz := s.resizer
	cost, err := media.CheckImage(f, rz.budget)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnshowable, err)
	}
	// Scaling holds a copy of the original's height at the new width and
	// the result, four bytes a pixel each, beside the original.
	scaled := int64(0)
	if cost.Width > width {
		scaled = 4 * int64(width) * (int64(cost.Height) + int64(max(cost.Height*width/cost.Width, 1)))
	}
	need := cost.Bytes + scaled
	if cost.Bytes > rz.budget || need > 2*rz.budget {
		// A tall image may be shown narrower, not at this width.
		return nil, fmt.Errorf("%w: %dx%d at %d px needs %d MB", errUnshowable, cost.Width, cost.Height, width, need>>20)
	}
	// At most two at once (two cores), and within twice the budget
	// together.
	weight := max(need, rz.budget)
	if err := rz.sem.Acquire(ctx, weight); err != nil {
		return nil, err
	}
	defer rz.sem.Release(weight)
	data, err := decodeScaled(f, width)
	if need > rz.budget/8 {
		// Give a large image's memory back before the next one is decoded,
		// rather than let the heap grow past both before the collector runs.
		runtime.GC()
	}
	return data, err
}

// decodeScaled decodes an image and encodes it as a JPEG at most width wide.
func decodeScaled(f *os.File, width int) ([]byte, error) {
	if _, err := f.Seek(0, 0); err != nil {
		return nil, err
	}
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnshowable, err)
	}
	if src.Bounds().Dx() > width {
		// imaging scales in two passes through 4-byte rows; x/image/draw's
		// kernels hold 32 bytes a pixel of the first pass (98 MB for a
		// 12-megapixel photo at 1024 px).
		src = imaging.Resize(src, width, 0, imaging.CatmullRom)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 72}); err != nil {
		return nil, fmt.Errorf("%w: %v", errUnshowable, err)
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
