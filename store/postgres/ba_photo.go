package postgres

import (
	"context"
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
// acara, sent by the turn's contact at at. The photo it replaces stays in
// meeting_ba_photos, and so does its file. A cancelled meeting is refused
// (rule ba_meeting_canceled: it was cancelled after the flow read it); the
// board hides a new photo until a facilitator looked at it again.
func (t *Turn) SetBAPhoto(ctx context.Context, meetingID, mediaID int64, at time.Time) error {
	var by *int64
	if t.contact != nil {
		id := int64(t.contact.ID)
		by = &id
	}
	res, err := t.tx.ExecContext(ctx, `WITH m AS (
			SELECT id FROM meetings WHERE id = $1 AND status <> 'DIBATALKAN' FOR UPDATE
		), kept AS (
			INSERT INTO meeting_ba_photos (meeting_id, media_id, sent_by, sent_at) SELECT m.id, $2, $3, $4 FROM m
			ON CONFLICT (meeting_id, media_id) DO NOTHING
		)
		UPDATE meetings SET ba_media_id = $2, ba_sent_by = $3, ba_sent_at = $4, ba_public_at = NULL, ba_public_by = NULL,
			updated_at = now()
		WHERE id IN (SELECT id FROM m)`, meetingID, mediaID, by, at)
	if err != nil {
		return fmt.Errorf("keeping the berita acara photo: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleBAMeetingCanceled.Err()
	}
	return nil
}

// BAPhoto is one photo of a meeting's signed berita acara as the admin
// site lists it: the newest first, the ones it replaced after it.
type BAPhoto struct {
	MediaID int64     `db:"media_id"`
	SentAt  time.Time `db:"sent_at"`
	// SentBy is the sender's name ("" when their data was deleted).
	SentBy  string `db:"sent_by"`
	Current bool   `db:"current"`
}

// BAPhotos lists every photo of a meeting's signed berita acara, newest
// first.
func (s *Store) BAPhotos(ctx context.Context, meetingID int64) ([]BAPhoto, error) {
	var out []BAPhoto
	err := s.db.SelectContext(ctx, &out, `SELECT p.media_id, p.sent_at, COALESCE(c.name, '') AS sent_by,
			p.media_id = m.ba_media_id AS current
		FROM meeting_ba_photos p JOIN meetings m ON m.id = p.meeting_id LEFT JOIN contacts c ON c.id = p.sent_by
		WHERE p.meeting_id = $1 ORDER BY p.sent_at DESC, p.id DESC`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("listing berita acara photos: %w", err)
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
// at it. mediaID is the photo the facilitator saw: a photo replaced
// meanwhile is refused (rule ba_photo_changed), as is a meeting without one.
func (s *Store) ShowBAPhoto(ctx context.Context, code string, mediaID int64, show bool, by string, now time.Time) error {
	var at *time.Time
	var who *string
	if show {
		at, who = &now, &by
	}
	res, err := s.db.ExecContext(ctx, `UPDATE meetings SET ba_public_at = $3, ba_public_by = $4, updated_at = now()
		WHERE code = $1 AND ba_media_id = $2`, code, mediaID, at, who)
	if err != nil {
		return fmt.Errorf("showing the berita acara photo: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleBAPhotoChanged.Err()
	}
	return nil
}

// BoardBAPhoto is a held meeting's signed berita acara as the board shows
// it: the photo a facilitator let onto the board.
type BoardBAPhoto struct {
	Code     string             `db:"code"`
	Type     domain.MeetingType `db:"type"`
	StartsAt time.Time          `db:"starts_at"`
	TZ       string             `db:"tz"`
	MediaID  int64              `db:"ba_media_id"`
}

// BoardBAPhotos lists the berita acara photos a desa's board shows, newest
// meeting first: those a facilitator let onto it.
func (s *Store) BoardBAPhotos(ctx context.Context, desaKode string, limit int) ([]BoardBAPhoto, error) {
	var out []BoardBAPhoto
	err := s.db.SelectContext(ctx, &out, `SELECT m.code, m.type, m.starts_at, k.tz, m.ba_media_id
		FROM meetings m JOIN desa d ON d.kode = m.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
		WHERE m.desa_kode = $1 AND m.ba_media_id IS NOT NULL AND m.ba_public_at IS NOT NULL AND m.status <> 'DIBATALKAN'
		ORDER BY m.starts_at DESC LIMIT $2`, desaKode, limit)
	if err != nil {
		return nil, fmt.Errorf("listing the board's berita acara photos: %w", err)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleBAMeetingCanceled = domain.NewRule("ba_meeting_canceled", domain.EINVALID, "the meeting was cancelled: no berita acara photo")
	ruleBAPhotoChanged    = domain.NewRule("ba_photo_changed", domain.ECONFLICT, "the berita acara photo changed or is gone; look at the new one first")
)
