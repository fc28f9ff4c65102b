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
	// ComplaintWaits tells, by status, how long complaints have waited.
	ComplaintWaits []ComplaintWait
	// StageCounts counts every gagasan by stage; Gagasan holds only the
	// newest BoardLatest of each stage (the rest are on PublicGagasan's
	// pages).
	StageCounts map[domain.Status]int
	// Contact is how residents reach the bot from this desa.
	Contact DesaContact
	// FromWomen counts the gagasan of women: sent by a woman, or filed by
	// a KPMD for a woman without a phone (the program counts women's
	// participation).
	FromWomen int
	// Minutes are the newest held musyawarah (trainings aside), each with
	// its berita acara on the board.
	Minutes []domain.Meeting
}

// BoardMeeting is a meeting with its agenda's titles.
type BoardMeeting struct {
	domain.Meeting
	AgendaTitles pq.StringArray `db:"agenda_titles"`
	// AgendaLeft are, for a meeting still to come, the titles of agenda
	// items rejected or merged since: nothing is left to decide on them
	// (withdrawn ones are not named). A held meeting keeps all it discussed.
	AgendaLeft pq.StringArray `db:"agenda_left"`
}

// BoardLatest is how many gagasan of each stage the board lists, the
// newest: a long list is on the stage's own pages.
const BoardLatest = 3

// DesaContact is the numbers a desa's residents write to (” when not
// set): a setting of the desa (SetDesaContact), shown on its board; a desa
// without one shows its scope's channels' numbers (PublicDesaOf).
type DesaContact struct {
	WA  domain.Phone `db:"wa_number"`
	SMS domain.Phone `db:"sms_number"`
}

// ComplaintWait is how long a desa's complaints of one status have waited:
// the oldest one's filing, and for finished ones the mean days they took.
// Never their text.
type ComplaintWait struct {
	Status  domain.ComplaintStatus `db:"status"`
	N       int                    `db:"n"`
	Oldest  time.Time              `db:"oldest"`
	AvgDays float64                `db:"avg_days"`
}

// BoardGagasan is a gagasan as the public sees it.
type BoardGagasan struct {
	Code      string          `db:"code"`
	DesaKode  string          `db:"desa_kode"`
	Title     string          `db:"title"`
	Category  domain.Category `db:"category"`
	DusunNama string          `db:"dusun_nama"`
	Status    domain.Status   `db:"status"`
	CreatedAt time.Time       `db:"created_at"`
	// The gagasan a merged one went into.
	MergedInto  string `db:"merged_into_code"`
	MergedTitle string `db:"merged_into_title"`
}

// boardGagasanCols selects a BoardGagasan from gagasan g (with
// boardGagasanFrom); x is the gagasan's id, for the outer query.
const boardGagasanCols = `g.id AS x, g.code, g.desa_kode, g.title, g.category, coalesce(du.nama, '') AS dusun_nama, g.status, g.created_at,
	coalesce(mg.code, '') AS merged_into_code, coalesce(mg.title, '') AS merged_into_title`

const boardGagasanFrom = ` FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id LEFT JOIN gagasan mg ON mg.id = g.merged_into`

// boardGagasanOuter is the outer query's columns of a BoardGagasan. A
// rejection's reason is not among them: it is the facilitator's free text,
// written to be sent to the sender (and it may name a resident), so the
// public pages say only that the gagasan did not go on.
const boardGagasanOuter = `code, desa_kode, title, category, dusun_nama, status, created_at, merged_into_code, merged_into_title`

// BoardKegiatan is a funded kegiatan with its money and work.
type BoardKegiatan struct {
	domain.Kegiatan
	Tranches []domain.Tranche
	Photos   []BoardPhoto // of the latest report with photos
}

// LatestWithoutPhotos tells whether the latest report came without photos:
// the photos shown, if any, are then an earlier report's.
func (k BoardKegiatan) LatestWithoutPhotos() bool {
	return k.LastAt != nil && (len(k.Photos) == 0 || k.Photos[0].At.Before(*k.LastAt))
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

// PublicDesa is a desa as its public pages name it.
type PublicDesa struct {
	Desa      domain.Desa
	Kecamatan domain.Kecamatan
	Contact   DesaContact
}

// PublicDesaOf reads a desa, its kecamatan and the numbers its board
// shows: its own (desa nomor), or else its scope's channels' (kanal.go).
func (s *Store) PublicDesaOf(ctx context.Context, desaKode string) (*PublicDesa, error) {
	var d PublicDesa
	err := s.db.QueryRowxContext(ctx, `SELECT d.kode, d.nama, d.kecamatan_kode, k.nama, k.tz, `+boardNumberSQL("wa_number", "whatsapp%")+`, `+boardNumberSQL("sms_number", "sms:%")+`
		FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE d.kode = $1`, desaKode).
		Scan(&d.Desa.Kode, &d.Desa.Nama, &d.Desa.KecamatanKode, &d.Kecamatan.Nama, &d.Kecamatan.TimeZone, &d.Contact.WA, &d.Contact.SMS)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no desa %s", desaKode)
	}
	if err != nil {
		return nil, fmt.Errorf("loading desa: %w", err)
	}
	d.Kecamatan.Kode = d.Desa.KecamatanKode
	return &d, nil
}

// Board reads the Papan Informasi of a desa.
func (s *Store) Board(ctx context.Context, desaKode string, now time.Time) (*Board, error) {
	b := &Board{Complaints: map[domain.ComplaintStatus]int{}}
	b.StageCounts = map[domain.Status]int{}
	d, err := s.PublicDesaOf(ctx, desaKode)
	if err != nil {
		return nil, err
	}
	b.Desa, b.Kecamatan, b.Contact = d.Desa, d.Kecamatan, d.Contact
	meetings := `SELECT ` + meetingColumns + `,
			ARRAY(SELECT g.title FROM meeting_agenda a JOIN gagasan g ON g.id = a.gagasan_id
				WHERE a.meeting_id = m.id AND g.status <> 'DITARIK'
					AND (m.status <> 'DIJADWALKAN' OR g.status NOT IN ('DITOLAK', 'DIGABUNG')) ORDER BY g.id) AS agenda_titles,
			ARRAY(SELECT g.title FROM meeting_agenda a JOIN gagasan g ON g.id = a.gagasan_id
				WHERE a.meeting_id = m.id AND m.status = 'DIJADWALKAN' AND g.status IN ('DITOLAK', 'DIGABUNG') ORDER BY g.id) AS agenda_left` + meetingFrom
	if err := s.db.SelectContext(ctx, &b.Upcoming, meetings+`
		WHERE m.desa_kode = $1 AND m.status = 'DIJADWALKAN' AND m.starts_at > $2 ORDER BY m.starts_at LIMIT 20`, desaKode, now); err != nil {
		return nil, fmt.Errorf("loading meetings: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Held, meetings+`
		WHERE m.desa_kode = $1 AND m.status = 'SELESAI' AND m.type IN ($2, $3) ORDER BY m.starts_at DESC LIMIT 20`,
		desaKode, string(domain.MeetingPertanggungjawaban), string(domain.MeetingSerahTerima)); err != nil {
		return nil, fmt.Errorf("loading held meetings: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Minutes, `SELECT `+meetingColumns+meetingFrom+`
		WHERE m.desa_kode = $1 AND m.status = 'SELESAI' AND m.type NOT IN ($2, $3) ORDER BY m.starts_at DESC LIMIT 10`,
		desaKode, string(domain.MeetingPelatihanKPMD), string(domain.MeetingPelatihanPemelihara)); err != nil {
		return nil, fmt.Errorf("loading held meetings' minutes: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Gagasan, `SELECT `+boardGagasanOuter+` FROM (SELECT `+boardGagasanCols+`,
			row_number() OVER (PARTITION BY g.status ORDER BY g.created_at DESC, g.id DESC) AS rn`+boardGagasanFrom+`
		WHERE g.desa_kode = $1 AND g.status <> 'DITARIK') g WHERE rn <= $2 ORDER BY created_at DESC, x DESC`, desaKode, BoardLatest); err != nil {
		return nil, fmt.Errorf("loading gagasan: %w", err)
	}
	if err := countInto(ctx, s.db, b.StageCounts, `SELECT status, count(*) FROM gagasan
		WHERE desa_kode = $1 AND status <> 'DITARIK' GROUP BY status`, desaKode); err != nil {
		return nil, fmt.Errorf("counting gagasan: %w", err)
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
	// A finished complaint took from its filing to its last move to
	// SELESAI; its text is never selected.
	if err := s.db.SelectContext(ctx, &b.ComplaintWaits, `SELECT c.status, count(*) AS n, min(c.created_at) AS oldest,
			coalesce(avg(extract(epoch FROM (h.at - c.created_at))) / 86400, 0)::float8 AS avg_days
		FROM complaints c LEFT JOIN LATERAL (SELECT max(at) AS at FROM complaint_history
			WHERE complaint_id = c.id AND status = 'SELESAI') h ON c.status = 'SELESAI'
		WHERE c.desa_kode = $1 GROUP BY c.status`, desaKode); err != nil {
		return nil, fmt.Errorf("counting complaints: %w", err)
	}
	for _, w := range b.ComplaintWaits {
		b.Complaints[w.Status] = w.N
	}
	return b, nil
}

// countInto reads "key, count" rows into m.
func countInto[K ~string](ctx context.Context, q sqlx.QueryerContext, m map[K]int, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[K(k)] = n
	}
	return rows.Err()
}

// PublicGagasan is one page of a desa's gagasan, newest first, of one stage
// (all stages but DITARIK when status is ""), and how many there are.
func (s *Store) PublicGagasan(ctx context.Context, desaKode string, status domain.Status, offset, limit int) ([]BoardGagasan, int, error) {
	var rows []struct {
		BoardGagasan
		Total int `db:"total"`
	}
	err := s.db.SelectContext(ctx, &rows, `SELECT `+boardGagasanOuter+`, total FROM (SELECT `+boardGagasanCols+`,
			count(*) OVER () AS total`+boardGagasanFrom+`
		WHERE g.desa_kode = $1 AND g.status <> 'DITARIK' AND ($2 = '' OR g.status = $2)
		ORDER BY g.created_at DESC, g.id DESC LIMIT $3 OFFSET $4) g ORDER BY created_at DESC, x DESC`, desaKode, string(status), limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("listing gagasan: %w", err)
	}
	out := make([]BoardGagasan, len(rows))
	total := 0
	for i, r := range rows {
		out[i], total = r.BoardGagasan, r.Total
	}
	if len(rows) == 0 && offset > 0 {
		// Past the last page: the count alone.
		err = s.db.GetContext(ctx, &total, `SELECT count(*) FROM gagasan WHERE desa_kode = $1 AND status <> 'DITARIK' AND ($2 = '' OR status = $2)`,
			desaKode, string(status))
	}
	return out, total, err
}

// PublicGagasanPage is a gagasan's own public page: what the board shows,
// the mapped problem it answers and the dates of its stages (who moved it
// and their notes are not shown, a rejection's reason neither).
type PublicGagasanPage struct {
	BoardGagasan
	MapItemTitle string `db:"map_item_title"`
	Stages       []PublicStage
}

// PublicStage is one move of a gagasan, as the public sees it.
type PublicStage struct {
	Status domain.Status `db:"to_status"`
	At     time.Time     `db:"at"`
}

// PublicGagasanOf reads a gagasan of a desa for its public page; a
// withdrawn one, or one of another desa, is not found.
func (s *Store) PublicGagasanOf(ctx context.Context, desaKode, code string) (*PublicGagasanPage, error) {
	var g struct {
		PublicGagasanPage
		X int64 `db:"x"`
	}
	err := s.db.GetContext(ctx, &g, `SELECT `+boardGagasanOuter+`, x, map_item_title FROM (SELECT `+boardGagasanCols+`,
			coalesce(mi.title, '') AS map_item_title`+boardGagasanFrom+` LEFT JOIN map_items mi ON mi.id = g.map_item_id
		WHERE g.desa_kode = $1 AND g.code = $2 AND g.status <> 'DITARIK') g`, desaKode, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no gagasan %s in %s", code, desaKode)
	}
	if err != nil {
		return nil, fmt.Errorf("loading gagasan: %w", err)
	}
	if err := s.db.SelectContext(ctx, &g.Stages, `SELECT to_status, at FROM gagasan_history WHERE gagasan_id = $1 ORDER BY id`, g.X); err != nil {
		return nil, fmt.Errorf("loading gagasan history: %w", err)
	}
	return &g.PublicGagasanPage, nil
}

// NextMeetingOn is the first meeting scheduled after now with the gagasan
// on its agenda, or nil: its public page names the meeting it waits for.
func (s *Store) NextMeetingOn(ctx context.Context, desaKode, code string, now time.Time) (*domain.Meeting, error) {
	var m domain.Meeting
	err := s.db.GetContext(ctx, &m, `SELECT `+meetingColumns+meetingFrom+`
		JOIN meeting_agenda a ON a.meeting_id = m.id JOIN gagasan g ON g.id = a.gagasan_id
		WHERE g.desa_kode = $1 AND g.code = $2 AND g.status NOT IN ('DITOLAK', 'DIGABUNG', 'DITARIK')
			AND m.status = 'DIJADWALKAN' AND m.starts_at > $3
		ORDER BY m.starts_at LIMIT 1`, desaKode, code, now)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("loading a gagasan's next meeting: %w", err)
	}
	return &m, nil
}

// DesaContacts are the numbers of every desa of a scope (see inScope), by
// desa code.
func (s *Store) DesaContacts(ctx context.Context, scope string) (map[string]DesaContact, error) {
	var rows []struct {
		Kode string `db:"kode"`
		DesaContact
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT d.kode, d.wa_number, d.sms_number FROM desa d WHERE `+inScope, scope); err != nil {
		return nil, fmt.Errorf("loading desa numbers: %w", err)
	}
	out := make(map[string]DesaContact, len(rows))
	for _, r := range rows {
		out[r.Kode] = r.DesaContact
	}
	return out, nil
}

// SetDesaContact sets the WhatsApp and SMS numbers of a desa's board
// ("" clears one).
func (s *Store) SetDesaContact(ctx context.Context, desaKode string, c DesaContact) error {
	res, err := s.db.ExecContext(ctx, `UPDATE desa SET wa_number = $2, sms_number = $3 WHERE kode = $1`, desaKode, string(c.WA), string(c.SMS))
	if err != nil {
		return fmt.Errorf("setting desa numbers: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "desa %s tidak ada", desaKode)
	}
	return nil
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
// progress photo or a page of a berita acara a facilitator let onto the
// board (public; a PDF scan too); any other media is not found.
func (s *Store) PublicPhoto(ctx context.Context, mediaID int64) (path, mime string, err error) {
	err = s.db.QueryRowxContext(ctx, `SELECT m.path, m.mime FROM media m
		WHERE m.id = $1 AND (EXISTS (SELECT 1 FROM report_photos p WHERE p.media_id = m.id)
			OR EXISTS (SELECT 1 FROM meeting_ba_photos p JOIN meeting_ba_photos c ON c.set_id = p.set_id
				JOIN meetings b ON b.id = c.meeting_id AND b.ba_media_id = c.media_id
				WHERE p.media_id = m.id AND b.ba_public_at IS NOT NULL AND b.status <> 'DIBATALKAN'))`, mediaID).Scan(&path, &mime)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", domain.Errorf(domain.ENOTFOUND, "no photo %d", mediaID)
	}
	if err != nil {
		return "", "", fmt.Errorf("loading photo: %w", err)
	}
	return path, mime, nil
}
