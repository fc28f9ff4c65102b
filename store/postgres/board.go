package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Board is what a desa's public Papan Informasi shows. It holds no name and
// no number of any resident: the queries below never select them. A
// gagasan its sender withdrew (DITARIK) is not shown or counted.
type Board struct {
	Desa      domain.Desa
	Kecamatan domain.Kecamatan
	Upcoming  []BoardMeeting
	Held      []BoardMeeting // accountability and handover meetings held
	Gagasan   []BoardGagasan
	Kegiatan  []BoardKegiatan
	// Complaints counts complaints by status; their text is never shown.
	Complaints map[domain.ComplaintStatus]int
	// FromWomen counts the gagasan of women: sent by a woman, or filed by
	// a KPMD for a woman without a phone (the program counts women's
	// participation).
	FromWomen int
}

// BoardMeeting is a meeting with its agenda's titles.
type BoardMeeting struct {
	domain.Meeting
	AgendaTitles pq.StringArray `db:"agenda_titles"`
}

// BoardGagasan is a gagasan as the public sees it.
type BoardGagasan struct {
	Code      string          `db:"code"`
	Title     string          `db:"title"`
	Category  domain.Category `db:"category"`
	DusunNama string          `db:"dusun_nama"`
	Status    domain.Status   `db:"status"`
	CreatedAt time.Time       `db:"created_at"`
}

// BoardKegiatan is a funded kegiatan with its money and work.
type BoardKegiatan struct {
	domain.Kegiatan
	Tranches []domain.Tranche
	Photos   []BoardPhoto // of the latest report with photos
}

// Disbursed is the sum of the tranches paid out.
func (k BoardKegiatan) Disbursed() int64 {
	var sum int64
	for _, t := range k.Tranches {
		if t.DisbursedAt != nil {
			sum += t.Amount
		}
	}
	return sum
}

// BoardPhoto is a progress photo, public by nature.
type BoardPhoto struct {
	MediaID int64     `db:"media_id"`
	Caption string    `db:"caption"`
	At      time.Time `db:"at"`
}

// Board reads the Papan Informasi of a desa.
func (s *Store) Board(ctx context.Context, desaKode string, now time.Time) (*Board, error) {
	b := &Board{Complaints: map[domain.ComplaintStatus]int{}}
	err := s.db.QueryRowxContext(ctx, `SELECT d.kode, d.nama, d.kecamatan_kode, k.nama, k.tz
		FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE d.kode = $1`, desaKode).
		Scan(&b.Desa.Kode, &b.Desa.Nama, &b.Desa.KecamatanKode, &b.Kecamatan.Nama, &b.Kecamatan.TimeZone)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no desa %s", desaKode)
	}
	if err != nil {
		return nil, fmt.Errorf("loading desa: %w", err)
	}
	b.Kecamatan.Kode = b.Desa.KecamatanKode
	meetings := `SELECT ` + meetingColumns + `,
			ARRAY(SELECT g.title FROM meeting_agenda a JOIN gagasan g ON g.id = a.gagasan_id
				WHERE a.meeting_id = m.id AND g.status <> 'DITARIK' ORDER BY g.id) AS agenda_titles` + meetingFrom
	if err := s.db.SelectContext(ctx, &b.Upcoming, meetings+`
		WHERE m.desa_kode = $1 AND m.status = 'DIJADWALKAN' AND m.starts_at > $2 ORDER BY m.starts_at LIMIT 20`, desaKode, now); err != nil {
		return nil, fmt.Errorf("loading meetings: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Held, meetings+`
		WHERE m.desa_kode = $1 AND m.status = 'SELESAI' AND m.type IN ($2, $3) ORDER BY m.starts_at DESC LIMIT 20`,
		desaKode, string(domain.MeetingPertanggungjawaban), string(domain.MeetingSerahTerima)); err != nil {
		return nil, fmt.Errorf("loading held meetings: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Gagasan, `SELECT g.code, g.title, g.category, coalesce(du.nama, '') AS dusun_nama,
			g.status, g.created_at
		FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE g.desa_kode = $1 AND g.status <> 'DITARIK' ORDER BY g.created_at DESC LIMIT 500`, desaKode); err != nil {
		return nil, fmt.Errorf("loading gagasan: %w", err)
	}
	var ks []domain.Kegiatan
	if err := s.db.SelectContext(ctx, &ks, `SELECT `+kegiatanColumns+kegiatanFrom+` WHERE k.desa_kode = $1 ORDER BY k.id`, desaKode); err != nil {
		return nil, fmt.Errorf("loading kegiatan: %w", err)
	}
	for _, k := range ks {
		bk := BoardKegiatan{Kegiatan: k}
		var err error
		if bk.Tranches, err = tranchesOf(ctx, s.db, k.ID); err != nil {
			return nil, err
		}
		if bk.Photos, err = latestPhotos(ctx, s.db, k.ID); err != nil {
			return nil, err
		}
		b.Kegiatan = append(b.Kegiatan, bk)
	}
	if err := s.db.GetContext(ctx, &b.FromWomen, `SELECT count(*) FROM gagasan g LEFT JOIN contacts c ON c.id = g.sender_id
		WHERE g.desa_kode = $1 AND g.status <> 'DITARIK' AND (g.for_gender = 'P' OR (g.for_name = '' AND c.gender = 'P'))`, desaKode); err != nil {
		return nil, fmt.Errorf("counting women's gagasan: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM complaints WHERE desa_kode = $1 GROUP BY status`, desaKode)
	if err != nil {
		return nil, fmt.Errorf("counting complaints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		b.Complaints[domain.ComplaintStatus(st)] = n
	}
	return b, rows.Err()
}

// latestPhotos are the photos of a kegiatan's latest report that has any.
func latestPhotos(ctx context.Context, q sqlx.QueryerContext, kegiatanID int64) ([]BoardPhoto, error) {
	var out []BoardPhoto
	err := sqlx.SelectContext(ctx, q, &out, `SELECT p.media_id, p.caption, r.at FROM report_photos p
		JOIN progress_reports r ON r.id = p.report_id
		WHERE r.id = (SELECT r2.id FROM progress_reports r2 JOIN report_photos p2 ON p2.report_id = r2.id
			WHERE r2.kegiatan_id = $1 ORDER BY r2.at DESC, r2.id DESC LIMIT 1)
		ORDER BY p.position`, kegiatanID)
	if err != nil {
		return nil, fmt.Errorf("loading photos: %w", err)
	}
	return out, nil
}

// PublicPhoto returns the stored path and type of a media file that is a
// progress photo (public); any other media is not found.
func (s *Store) PublicPhoto(ctx context.Context, mediaID int64) (path, mime string, err error) {
	err = s.db.QueryRowxContext(ctx, `SELECT m.path, m.mime FROM media m
		WHERE m.id = $1 AND EXISTS (SELECT 1 FROM report_photos p WHERE p.media_id = m.id)`, mediaID).Scan(&path, &mime)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", domain.Errorf(domain.ENOTFOUND, "no photo %d", mediaID)
	}
	if err != nil {
		return "", "", fmt.Errorf("loading photo: %w", err)
	}
	return path, mime, nil
}
