package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// KegiatanPage is what a kegiatan's public page shows. Like the Board it
// holds no name and no number of any resident: its queries select none
// (not the reporter's name, not a TPK member's phone, not a report's note,
// which is free text that may name someone).
type KegiatanPage struct {
	Desa      domain.Desa
	Kecamatan domain.Kecamatan
	Kegiatan  BoardKegiatan
	CreatedAt time.Time
	HandedAt  *time.Time
	// Members counts the kegiatan's members by role (TPK, PEMELIHARA).
	Members map[string]int
	// Reports are every progress and maintenance report, oldest first,
	// with their photos.
	Reports []PublicReport
	// Meetings are the accountability and handover meetings held in the
	// desa that covered the kegiatan: those with its gagasan on their
	// agenda, and those with no gagasan on it (they cover the desa's
	// kegiatan as a whole).
	Meetings []BoardMeeting
}

// PublicReport is a progress report as the public sees it: no reporter,
// no note.
type PublicReport struct {
	ID         int64            `db:"id"`
	Percent    int              `db:"percent"`
	Condition  domain.Condition `db:"condition"`
	Workers    *int             `db:"workers"`
	Women      *int             `db:"women"`
	PersonDays *int             `db:"person_days"`
	Lat        *float64         `db:"lat"`
	Lng        *float64         `db:"lng"`
	At         time.Time        `db:"at"`
	Photos     []BoardPhoto     `db:"-"`
}

// Maintenance reports a handed-over asset's condition instead of progress.
func (r PublicReport) Maintenance() bool { return r.Condition != "" }

// Pin is where the latest report with a location was made.
func (p *KegiatanPage) Pin() *PublicReport {
	for i := len(p.Reports) - 1; i >= 0; i-- {
		if p.Reports[i].Lat != nil && p.Reports[i].Lng != nil {
			return &p.Reports[i]
		}
	}
	return nil
}

// KegiatanPageOf reads a kegiatan's public page; a code of another desa is
// not found.
func (s *Store) KegiatanPageOf(ctx context.Context, desaKode, code string) (*KegiatanPage, error) {
	k, err := kegiatanByCode(ctx, s.db, code)
	if err != nil {
		return nil, err
	}
	if k.DesaKode != desaKode {
		return nil, domain.Errorf(domain.ENOTFOUND, "no kegiatan %s in %s", code, desaKode)
	}
	p := &KegiatanPage{Kegiatan: BoardKegiatan{Kegiatan: *k}, Members: map[string]int{}}
	err = s.db.QueryRowxContext(ctx, `SELECT d.kode, d.nama, d.kecamatan_kode, kc.nama, kc.tz, k.created_at, k.handed_over_at
		FROM kegiatan k JOIN desa d ON d.kode = k.desa_kode JOIN kecamatan kc ON kc.kode = d.kecamatan_kode WHERE k.id = $1`, k.ID).
		Scan(&p.Desa.Kode, &p.Desa.Nama, &p.Desa.KecamatanKode, &p.Kecamatan.Nama, &p.Kecamatan.TimeZone, &p.CreatedAt, &p.HandedAt)
	if err != nil {
		return nil, fmt.Errorf("loading kegiatan's desa: %w", err)
	}
	p.Kecamatan.Kode = p.Desa.KecamatanKode
	if p.Kegiatan.Tranches, err = tranchesOf(ctx, s.db, k.ID); err != nil {
		return nil, err
	}
	var members []struct {
		Role string `db:"role"`
		N    int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &members, `SELECT role, count(*) AS n FROM kegiatan_tpk WHERE kegiatan_id = $1 GROUP BY role`, k.ID); err != nil {
		return nil, fmt.Errorf("counting members: %w", err)
	}
	for _, m := range members {
		p.Members[m.Role] = m.N
	}
	if err := s.db.SelectContext(ctx, &p.Reports, `SELECT id, percent, condition, workers, women, person_days, lat, lng, at
		FROM progress_reports WHERE kegiatan_id = $1 ORDER BY at, id LIMIT 500`, k.ID); err != nil {
		return nil, fmt.Errorf("listing reports: %w", err)
	}
	var photos []struct {
		ReportID int64 `db:"report_id"`
		BoardPhoto
	}
	if err := s.db.SelectContext(ctx, &photos, `SELECT p.report_id, p.media_id, p.caption, r.at FROM report_photos p
		JOIN progress_reports r ON r.id = p.report_id WHERE r.kegiatan_id = $1 ORDER BY p.report_id, p.position`, k.ID); err != nil {
		return nil, fmt.Errorf("listing photos: %w", err)
	}
	byID := map[int64]int{}
	for i, r := range p.Reports {
		byID[r.ID] = i
	}
	for _, ph := range photos {
		if i, ok := byID[ph.ReportID]; ok {
			p.Reports[i].Photos = append(p.Reports[i].Photos, ph.BoardPhoto)
		}
	}
	if err := s.db.SelectContext(ctx, &p.Meetings, `SELECT `+meetingColumns+`,
			ARRAY(SELECT g.title FROM meeting_agenda a JOIN gagasan g ON g.id = a.gagasan_id
				WHERE a.meeting_id = m.id AND g.status <> 'DITARIK' ORDER BY g.id) AS agenda_titles`+meetingFrom+`
		WHERE m.desa_kode = $1 AND m.status = 'SELESAI' AND m.type IN ($2, $3)
			AND (EXISTS (SELECT 1 FROM meeting_agenda a WHERE a.meeting_id = m.id AND a.gagasan_id = $4)
				OR NOT EXISTS (SELECT 1 FROM meeting_agenda a WHERE a.meeting_id = m.id))
		ORDER BY m.starts_at LIMIT 50`,
		desaKode, string(domain.MeetingPertanggungjawaban), string(domain.MeetingSerahTerima), k.GagasanID); err != nil {
		return nil, fmt.Errorf("loading accountability meetings: %w", err)
	}
	return p, nil
}

// Participation is what the board's participation charts draw: who came
// to the meetings held, and where the gagasan came from.
type Participation struct {
	// Attendance of the meetings held with a recorded outcome, oldest
	// first (the latest 24).
	Attendance []Attendance
	// ByDusun counts the gagasan (not withdrawn) of each dusun, and of
	// women among them; gagasan without a dusun come last, Dusun "".
	ByDusun []DusunGagasan
}

// Attendance is one held meeting's attendance.
type Attendance struct {
	Code     string             `db:"code"`
	Type     domain.MeetingType `db:"type"`
	StartsAt time.Time          `db:"starts_at"`
	Attended int                `db:"attended"`
	Women    int                `db:"women"`
}

// DusunGagasan counts a dusun's gagasan.
type DusunGagasan struct {
	Dusun string `db:"dusun"`
	Total int    `db:"total"`
	Women int    `db:"women"`
}

// ParticipationOf reads a desa's participation figures.
func (s *Store) ParticipationOf(ctx context.Context, desaKode string) (*Participation, error) {
	p := &Participation{}
	if err := s.db.SelectContext(ctx, &p.Attendance, `SELECT * FROM (
			SELECT code, type, starts_at, attended, COALESCE(attended_women, 0) AS women FROM meetings
			WHERE desa_kode = $1 AND status = 'SELESAI' AND attended IS NOT NULL ORDER BY starts_at DESC LIMIT 24) x
		ORDER BY starts_at`, desaKode); err != nil {
		return nil, fmt.Errorf("loading attendance: %w", err)
	}
	// A woman's gagasan as the board counts it: sent by a woman, or filed
	// by a KPMD for a woman without a phone.
	if err := s.db.SelectContext(ctx, &p.ByDusun, `SELECT COALESCE(du.nama, '') AS dusun, count(*) AS total,
			count(*) FILTER (WHERE g.for_gender = 'P' OR (g.for_name = '' AND c.gender = 'P')) AS women
		FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id LEFT JOIN contacts c ON c.id = g.sender_id
		WHERE g.desa_kode = $1 AND g.status <> 'DITARIK'
		GROUP BY du.nama ORDER BY du.nama IS NULL, du.nama`, desaKode); err != nil {
		return nil, fmt.Errorf("counting gagasan by dusun: %w", err)
	}
	return p, nil
}
