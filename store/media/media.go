// Package media stores the files residents send (photos, voice notes,
// documents) on local disk, content-addressed by their SHA-256, behind a
// small interface so that an S3-compatible store can follow.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
)

// Stored describes a file in the store.
type Stored struct {
	SHA256 string
	Mime   string
	Kind   string // image, audio, document, other
	Size   int
	Path   string // relative to the store's root
}

// Store keeps media files.
type Store interface {
	Put(data []byte, declaredMime string) (Stored, error)
	Open(path string) (*os.File, error)
}

// Local is a Store on local disk.
type Local struct {
	Dir     string
	MaxSize int
	// ImageBudget is the most bytes an image may take decoded
	// (DefaultImageBudget when zero): a larger one is refused on arrival.
	ImageBudget int64
}

// NewLocal returns a local store under dir, creating it.
func NewLocal(dir string, maxSize int) (*Local, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("creating media dir: %w", err)
	}
	if maxSize <= 0 {
		maxSize = 10 << 20
	}
	return &Local{Dir: dir, MaxSize: maxSize}, nil
}

var extensions = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif",
	"audio/ogg": ".ogg", "audio/mpeg": ".mp3", "audio/mp4": ".m4a", "audio/aac": ".aac", "audio/amr": ".amr",
	"application/pdf": ".pdf",
}

// Classify decides the kind and the real type of a file from its bytes,
// trusting the declared type only where sniffing cannot tell (audio).
func Classify(data []byte, declared string) (mime, kind string) {
	sniffed := http.DetectContentType(data)
	if i := strings.IndexByte(sniffed, ';'); i >= 0 {
		sniffed = sniffed[:i]
	}
	declared = strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexByte(declared, ';'); i >= 0 {
		declared = strings.TrimSpace(declared[:i])
	}
	switch {
	case strings.HasPrefix(sniffed, "image/") && extensions[sniffed] != "":
		return sniffed, "image"
	case sniffed == "application/pdf":
		return sniffed, "document"
	case strings.HasPrefix(sniffed, "audio/") || sniffed == "application/ogg":
		if extensions[declared] != "" && strings.HasPrefix(declared, "audio/") {
			return declared, "audio"
		}
		return "audio/ogg", "audio"
	case strings.HasPrefix(declared, "audio/") && extensions[declared] != "":
		return declared, "audio"
	}
	return "application/octet-stream", "other"
}

// Put stores data, checked for size and type, and returns where it is.
// Storing the same bytes twice is harmless: the path is their hash.
func (l *Local) Put(data []byte, declaredMime string) (Stored, error) {
	if len(data) == 0 {
		return Stored{}, ruleFileEmpty.Err()
	}
	if len(data) > l.MaxSize {
		return Stored{}, ruleFileTooLarge.Err(l.MaxSize >> 20)
	}
	mime, kind := Classify(data, declaredMime)
	if kind == "image" {
		// A picture too large to decode safely is refused here, before it
		// is stored or shown. One whose header cannot be read is kept as
		// sent (the board shows it as unavailable, once decided).
		if _, err := CheckImage(bytes.NewReader(data), l.Budget()); err != nil && !errors.Is(err, ErrUnreadable) {
			return Stored{}, err
		}
	}
	sum := sha256.Sum256(data)
	hexsum := hex.EncodeToString(sum[:])
	ext := extensions[mime]
	if ext == "" {
		ext = ".bin"
	}
	rel := filepath.Join(hexsum[:2], hexsum+ext)
	full := filepath.Join(l.Dir, rel)
	if _, err := os.Stat(full); err != nil {
		if err := os.MkdirAll(filepath.Dir(full), 0o750); err != nil {
			return Stored{}, fmt.Errorf("creating media dir: %w", err)
		}
		tmp, err := os.CreateTemp(filepath.Dir(full), ".tmp-*")
		if err != nil {
			return Stored{}, fmt.Errorf("storing media: %w", err)
		}
		_, werr := tmp.Write(data)
		serr := tmp.Sync()
		cerr := tmp.Close()
		if werr != nil || serr != nil || cerr != nil {
			os.Remove(tmp.Name())
			return Stored{}, fmt.Errorf("writing media: %v %v %v", werr, serr, cerr)
		}
		if err := os.Rename(tmp.Name(), full); err != nil {
			os.Remove(tmp.Name())
			return Stored{}, fmt.Errorf("storing media: %w", err)
		}
	}
	return Stored{SHA256: hexsum, Mime: mime, Kind: kind, Size: len(data), Path: rel}, nil
}

// Budget is the most bytes an image may take decoded.
func (l *Local) Budget() int64 {
	if l.ImageBudget > 0 {
		return l.ImageBudget
	}
	return DefaultImageBudget
}

// Open opens a stored file by its relative path.
func (l *Local) Open(path string) (*os.File, error) {
	clean := filepath.Clean(path)
	if filepath.IsAbs(clean) || strings.HasPrefix(clean, "..") {
		return nil, domain.Errorf(domain.EINVALID, "bad media path")
	}
	return os.Open(filepath.Join(l.Dir, clean))
}

// Remove deletes a stored file by its relative path; a missing file is
// not an error.
func (l *Local) Remove(path string) error {
	clean := filepath.Clean(path)
	if filepath.IsAbs(clean) || strings.HasPrefix(clean, "..") {
		return fmt.Errorf("media path %q outside the store", path)
	}
	err := os.Remove(filepath.Join(l.Dir, clean))
	if os.IsNotExist(err) {
		err = nil
	}
	// Its resized copies (a resident's photo seen by an admin) go with it.
	copies, _ := filepath.Glob(filepath.Join(l.ResizedDir(), resizedBase(clean)+"-*"))
	for _, c := range copies {
		if rerr := os.Remove(c); rerr != nil && !os.IsNotExist(rerr) && err == nil {
			err = rerr
		}
	}
	return err
}

// ResizedDir is where resized copies of stored images are cached: a
// "resized" folder beside the store.
func (l *Local) ResizedDir() string { return filepath.Join(filepath.Dir(l.Dir), "resized") }

// ResizedName is the name, in ResizedDir, of a stored image's copy at a
// width (ext ".jpg"), or of the verdict that it cannot be shown (".gagal").
// It is made of the file's hash, so that removing the file finds them.
func ResizedName(path string, width int, ext string) string {
	return fmt.Sprintf("%s-%d%s", resizedBase(path), width, ext)
}

func resizedBase(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
