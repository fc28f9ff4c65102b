package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// VoiceNote is a voice note kept with a record, as the admin site lists
// it: what it belongs to, and what someone wrote it says.
type VoiceNote struct {
	ID            int64      `db:"id"`
	MediaID       int64      `db:"media_id"`
	DesaKode      string     `db:"desa_kode"`
	DesaNama      string     `db:"desa_nama"`
	Record        string     `db:"record"` // "gagasan", "aduan", "laporan"
	RecordCode    string     `db:"record_code"`
	Transcript    string     `db:"transcript"`
	TranscribedBy string     `db:"transcribed_by"`
	TranscribedAt *time.Time `db:"transcribed_at"`
	CreatedAt     time.Time  `db:"created_at"`
}

// Todo tells whether the note still waits to be written down ("perlu ditulis").
func (v VoiceNote) Todo() bool { return v.TranscribedAt == nil }

const voiceNoteCols = `SELECT v.id, v.media_id, v.desa_kode, d.nama AS desa_nama,
		CASE WHEN v.gagasan_id IS NOT NULL THEN 'gagasan' WHEN v.complaint_id IS NOT NULL THEN 'aduan' ELSE 'laporan' END AS record,
		COALESCE(g.code, c.code, k.code, '') AS record_code,
		v.transcript, v.transcribed_by, v.transcribed_at, v.created_at`

const voiceNoteSelect = voiceNoteCols + voiceNoteFrom

const voiceNoteFrom = ` FROM voice_notes v JOIN desa d ON d.kode = v.desa_kode
	LEFT JOIN gagasan g ON g.id = v.gagasan_id
	LEFT JOIN complaints c ON c.id = v.complaint_id
	LEFT JOIN progress_reports r ON r.id = v.report_id LEFT JOIN kegiatan k ON k.id = r.kegiatan_id`

// VoiceNotesOf lists the voice notes of one gagasan.
func (s *Store) VoiceNotesOf(ctx context.Context, gagasanID int64) ([]VoiceNote, error) {
	var out []VoiceNote
	if err := s.db.SelectContext(ctx, &out, voiceNoteSelect+` WHERE v.gagasan_id = $1 ORDER BY v.id`, gagasanID); err != nil {
		return nil, fmt.Errorf("listing voice notes: %w", err)
	}
	return out, nil
}

// VoiceNoteByID loads one voice note (the admin site checks its desa).
func (s *Store) VoiceNoteByID(ctx context.Context, id string) (*VoiceNote, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, domain.Errorf(domain.ENOTFOUND, "pesan suara %s tidak ada", id)
	}
	var v VoiceNote
	err = s.db.GetContext(ctx, &v, voiceNoteSelect+` WHERE v.id = $1`, n)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "pesan suara %s tidak ada", id)
	}
	if err != nil {
		return nil, fmt.Errorf("loading voice note: %w", err)
	}
	return &v, nil
}

// MaxTranscript bounds what is written for one voice note.
const MaxTranscript = 1000

// TranscribeVoiceNote records what a voice note says and who wrote it down.
// The record it belongs to gets the text where it has none (a gagasan's
// description, a complaint's text, a report's note), in one transaction.
func (s *Store) TranscribeVoiceNote(ctx context.Context, id int64, text, by string) error {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) < 3 {
		return ruleVoiceTextShort.Err()
	}
	if utf8.RuneCountInString(text) > MaxTranscript {
		return ruleVoiceTextLong.Err(MaxTranscript)
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var v struct {
			Gagasan   *int64 `db:"gagasan_id"`
			Complaint *int64 `db:"complaint_id"`
			Report    *int64 `db:"report_id"`
		}
		err := tx.GetContext(ctx, &v, `UPDATE voice_notes SET transcript = $2, transcribed_by = $3, transcribed_at = now()
			WHERE id = $1 RETURNING gagasan_id, complaint_id, report_id`, id, text, by)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.ENOTFOUND, "pesan suara %d tidak ada", id)
		}
		if err != nil {
			return fmt.Errorf("storing transcript: %w", err)
		}
		switch {
		case v.Gagasan != nil:
			_, err = tx.ExecContext(ctx, `UPDATE gagasan SET description = left($2, $3), updated_at = now() WHERE id = $1 AND description = ''`, *v.Gagasan, text, domain.MaxDescriptionLen)
		case v.Complaint != nil:
			_, err = tx.ExecContext(ctx, `UPDATE complaints SET text = $2 WHERE id = $1 AND text = ''`, *v.Complaint, text)
		case v.Report != nil:
			_, err = tx.ExecContext(ctx, `UPDATE progress_reports SET note = left($2, $3) WHERE id = $1 AND note = ''`, *v.Report, text, domain.MaxNoteLen)
		}
		if err != nil {
			return fmt.Errorf("copying transcript: %w", err)
		}
		return nil
	})
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleVoiceTextShort = domain.NewRule("voice_text_short", domain.EINVALID, "tulis isi pesan suara (paling sedikit 3 huruf)")
	ruleVoiceTextLong  = domain.NewRule("voice_text_long", domain.EINVALID, "tulisan terlalu panjang (paling banyak %d huruf)")
)
