package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// The photo of a meeting's signed paper berita acara: sent by chat (the
// last question of HASIL, or FOTO BA R-…), kept with the meeting
// (meetings.ba_media_id, migration 00029), every photo ever sent kept in
// meeting_ba_photos (00037) with its file; shown on the admin meeting page,
// and on the board once a facilitator looked at it (meetings.ba_public_at).

// SetBAPhoto keeps mediaID as the photo of the meeting's signed berita
// acara, sent by the turn's contact at at: the first page of a new set
// (the set it replaces stays in meeting_ba_photos, and so do its files),
// or, with addPage, the next page of the meeting's current set (a new set
// when it has none). A new set or page waits for a facilitator's look
// before the board shows it; the same media sent again changes nothing (a
// redelivered message, a photo already kept). A cancelled meeting is
// refused (rule ba_meeting_canceled: it was cancelled after the flow read
// it).
func (t *Turn) SetBAPhoto(ctx context.Context, meetingID, mediaID int64, at time.Time, addPage bool) error {
	var by *int64
	if t.contact != nil {
		id := int64(t.contact.ID)
		by = &id
	}
	// The meeting locked, with its current set (0 for none) and whether
	// the media is already one of its pages.
	var set int64
	var kept bool
	err := t.tx.QueryRowxContext(ctx, `SELECT COALESCE(c.set_id, 0),
			EXISTS (SELECT 1 FROM meeting_ba_photos p WHERE p.meeting_id = m.id AND p.media_id = $2 AND p.set_id = c.set_id)
		FROM meetings m LEFT JOIN meeting_ba_photos c ON c.meeting_id = m.id AND c.media_id = m.ba_media_id
		WHERE m.id = $1 AND m.status <> 'DIBATALKAN' FOR UPDATE OF m`, meetingID, mediaID).Scan(&set, &kept)
	if errors.Is(err, sql.ErrNoRows) {
		return ruleBAMeetingCanceled.Err()
	}
	if err != nil {
		return fmt.Errorf("reading the meeting's berita acara: %w", err)
	}
	if kept {
		return nil
	}
	if addPage && set != 0 {
		_, err = t.tx.ExecContext(ctx, `WITH page AS (
				INSERT INTO meeting_ba_photos (meeting_id, media_id, sent_by, sent_at, set_id, page)
				SELECT $1, $2, $3, $4, $5, COALESCE(max(page), 0) + 1 FROM meeting_ba_photos WHERE set_id = $5
				ON CONFLICT (meeting_id, media_id) DO NOTHING
			)
			UPDATE meetings SET ba_public_at = NULL, ba_public_by = NULL, updated_at = now() WHERE id = $1`,
			meetingID, mediaID, by, at, set)
		if err != nil {
			return fmt.Errorf("keeping a berita acara page: %w", err)
		}
		return nil
	}
	// A new set: its first page's row names it.
	var row int64
	err = t.tx.QueryRowxContext(ctx, `INSERT INTO meeting_ba_photos (meeting_id, media_id, sent_by, sent_at, set_id, page)
		VALUES ($1, $2, $3, $4, 0, 1)
		ON CONFLICT (meeting_id, media_id) DO UPDATE SET sent_by = EXCLUDED.sent_by, sent_at = EXCLUDED.sent_at
		RETURNING id`, meetingID, mediaID, by, at).Scan(&row)
	if err != nil {
		return fmt.Errorf("keeping the berita acara photo: %w", err)
	}
	_, err = t.tx.ExecContext(ctx, `WITH page AS (
			UPDATE meeting_ba_photos SET set_id = id, page = 1 WHERE id = $5
		)
		UPDATE meetings SET ba_media_id = $2, ba_sent_by = $3, ba_sent_at = $4, ba_public_at = NULL, ba_public_by = NULL,
			updated_at = now()
		WHERE id = $1`, meetingID, mediaID, by, at, row)
	if err != nil {
		return fmt.Errorf("keeping the berita acara photo: %w", err)
	}
	return nil
}

// BAPhoto is one page of a meeting's signed berita acara as the admin site
// lists it.
type BAPhoto struct {
	MediaID int64     `db:"media_id"`
	SentAt  time.Time `db:"sent_at"`
	// SentBy is the sender's name ("" when their data was deleted).
	SentBy string `db:"sent_by"`
	// SetID is the set the page belongs to (the id of its first page's
	// row); Page its number in it.
	SetID int64 `db:"set_id"`
	Page  int   `db:"page"`
	// PDF tells a scan sent as a PDF file from a photo.
	PDF bool `db:"pdf"`
}

// BASets are a meeting's berita acara sets: the current one (the
// meeting's, its pages in order) and the older ones, newest first.
type BASets struct {
	Current []BAPhoto
	Older   [][]BAPhoto
}

// BAPhotos lists every page of a meeting's signed berita acara, by set.
func (s *Store) BAPhotos(ctx context.Context, meetingID int64) (BASets, error) {
	var rows []struct {
		BAPhoto
		Current bool `db:"current"`
	}
	var out BASets
	err := s.db.SelectContext(ctx, &rows, `SELECT p.media_id, p.sent_at, COALESCE(c.name, '') AS sent_by, p.set_id, p.page,
			md.mime = 'application/pdf' AS pdf, p.set_id = COALESCE(cur.set_id, 0) AS current
		FROM meeting_ba_photos p JOIN meetings m ON m.id = p.meeting_id JOIN media md ON md.id = p.media_id
			LEFT JOIN meeting_ba_photos cur ON cur.meeting_id = m.id AND cur.media_id = m.ba_media_id
			LEFT JOIN contacts c ON c.id = p.sent_by
		WHERE p.meeting_id = $1 ORDER BY p.set_id DESC, p.page, p.id`, meetingID)
	if err != nil {
		return out, fmt.Errorf("listing berita acara photos: %w", err)
	}
	for i, r := range rows {
		switch {
		case r.Current:
			out.Current = append(out.Current, r.BAPhoto)
		case i > 0 && rows[i-1].SetID == r.SetID:
			out.Older[len(out.Older)-1] = append(out.Older[len(out.Older)-1], r.BAPhoto)
		default:
			out.Older = append(out.Older, []BAPhoto{r.BAPhoto})
		}
	}
	return out, nil
}

// BAPublic tells whether and by whom a meeting's current berita acara
// photo was let onto the board.
type BAPublic struct {
	At *time.Time `db:"ba_public_at"`
	By string     `db:"ba_public_by"`
}

// BAPublicOf reads whether a meeting's berita acara photo is on the board.
func (s *Store) BAPublicOf(ctx context.Context, meetingID int64) (BAPublic, error) {
	var p BAPublic
	err := s.db.GetContext(ctx, &p, `SELECT ba_public_at, COALESCE(ba_public_by, '') AS ba_public_by FROM meetings WHERE id = $1`, meetingID)
	if err != nil {
		return p, fmt.Errorf("reading the berita acara photo's board state: %w", err)
	}
	return p, nil
}

// ShowBAPhoto lets the current photo of a meeting's berita acara onto the
// board (show) or takes it off, as a facilitator (by) decided after looking
// at it. mediaID is the last page of the set the facilitator saw: a set
// replaced or a page added meanwhile is refused (rule ba_photo_changed), as
// is a meeting without one.
func (s *Store) ShowBAPhoto(ctx context.Context, code string, mediaID int64, show bool, by string, now time.Time) error {
	var at *time.Time
	var who *string
	if show {
		at, who = &now, &by
	}
	res, err := s.db.ExecContext(ctx, `UPDATE meetings SET ba_public_at = $3, ba_public_by = $4, updated_at = now()
		WHERE code = $1 AND $2 = (SELECT p.media_id FROM meeting_ba_photos c JOIN meeting_ba_photos p ON p.set_id = c.set_id
			WHERE c.meeting_id = meetings.id AND c.media_id = meetings.ba_media_id ORDER BY p.page DESC, p.id DESC LIMIT 1)`,
		code, mediaID, at, who)
	if err != nil {
		return fmt.Errorf("showing the berita acara photo: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleBAPhotoChanged.Err()
	}
	return nil
}

// BoardBAPhoto is a held meeting's signed berita acara as the board shows
// it: the pages of the set a facilitator let onto the board.
type BoardBAPhoto struct {
	Code     string             `db:"code"`
	Type     domain.MeetingType `db:"type"`
	StartsAt time.Time          `db:"starts_at"`
	TZ       string             `db:"tz"`
	Pages    []BoardBAPage      `db:"-"`
}

// BoardBAPage is one page: a photo, or a scan sent as a PDF (linked).
type BoardBAPage struct {
	MediaID int64 `db:"media_id"`
	PDF     bool  `db:"pdf"`
}

// BoardBAPhotos lists the berita acara a desa's board shows, newest
// meeting first: those a facilitator let onto it, every page.
func (s *Store) BoardBAPhotos(ctx context.Context, desaKode string, limit int) ([]BoardBAPhoto, error) {
	var rows []struct {
		BoardBAPhoto
		BoardBAPage
	}
	err := s.db.SelectContext(ctx, &rows, `WITH shown AS (
			SELECT m.id, m.code, m.type, m.starts_at, k.tz, c.set_id
			FROM meetings m JOIN desa d ON d.kode = m.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
				JOIN meeting_ba_photos c ON c.meeting_id = m.id AND c.media_id = m.ba_media_id
			WHERE m.desa_kode = $1 AND m.ba_public_at IS NOT NULL AND m.status <> 'DIBATALKAN'
			ORDER BY m.starts_at DESC LIMIT $2
		)
		SELECT s.code, s.type, s.starts_at, s.tz, p.media_id, md.mime = 'application/pdf' AS pdf
		FROM shown s JOIN meeting_ba_photos p ON p.set_id = s.set_id JOIN media md ON md.id = p.media_id
		ORDER BY s.starts_at DESC, s.id, p.page, p.id`, desaKode, limit)
	if err != nil {
		return nil, fmt.Errorf("listing the board's berita acara photos: %w", err)
	}
	var out []BoardBAPhoto
	for _, r := range rows {
		if n := len(out); n == 0 || out[n-1].Code != r.Code {
			out = append(out, r.BoardBAPhoto)
		}
		out[len(out)-1].Pages = append(out[len(out)-1].Pages, r.BoardBAPage)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleBAMeetingCanceled = domain.NewRule("ba_meeting_canceled", domain.EINVALID, "the meeting was cancelled: no berita acara photo")
	ruleBAPhotoChanged    = domain.NewRule("ba_photo_changed", domain.ECONFLICT, "the berita acara photo changed or is gone; look at the new one first")
)
