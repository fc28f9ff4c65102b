package mediatest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/jmoiron/sqlx"
)

// PlantPhoto stores a file in the media directory and as a progress photo
// of the first report, as if it had arrived before any arrival check, and
// returns its media id. ext names the type (".png", ".jpeg").
func PlantPhoto(db *sqlx.DB, mediaDir string, data []byte, ext string) (int64, error) {
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])
	rel := filepath.Join(name[:2], name+ext)
	if err := os.MkdirAll(filepath.Join(mediaDir, name[:2]), 0o750); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(mediaDir, rel), data, 0o640); err != nil {
		return 0, err
	}
	var id int64
	err := db.Get(&id, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ($1, 'image/'||$2, 'image', $3, $4) RETURNING id`,
		name, strings.TrimPrefix(ext, "."), len(data), rel)
	if err != nil {
		return 0, err
	}
	_, err = db.Exec(`INSERT INTO report_photos (report_id, media_id, position)
		SELECT report_id, $1, max(position) + 1 FROM report_photos GROUP BY report_id ORDER BY report_id LIMIT 1`, id)
	return id, err
}
