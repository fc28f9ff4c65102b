package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// The MAD's results as the public and the Musrenbang read them: from the
// rankings the MAD Penetapan decided (mad_rankings.decided_at set), never
// one still being drawn up; no resident's or delegate's name, and not the
// facilitator's reason for forwarding (free text written for the sender,
// like a rejection's; it goes to the Musrenbang export only).

// KecamatanBoard is a kecamatan's public page: its desa and the MADs it
// decided, the newest first.
type KecamatanBoard struct {
	Kecamatan     domain.Kecamatan
	KabupatenNama string
	Desa          []domain.Desa
	MADs          []PublicMAD
}

// PublicMAD is one decided MAD: the allocation and cut it ranked with, each
// proposal's place and outcome, and its delegates counted by desa.
type PublicMAD struct {
	MeetingID  int64              `db:"meeting_id"`
	Code       string             `db:"code"`
	Type       domain.MeetingType `db:"type"`
	StartsAt   time.Time          `db:"starts_at"`
	Place      string             `db:"place"`
	Year       int                `db:"year"`
	Allocation int64              `db:"allocation"`
	SkipToFit  bool               `db:"skip_to_fit"`
	Method     string             `db:"method"`
	DecidedAt  time.Time          `db:"decided_at"`
	Items      []MADItem
	Delegates  []DelegateCount
}

// Funded is the sum of the funded proposals' budgets.
func (m PublicMAD) Funded() int64 {
	var sum int64
	for _, it := range m.Items {
		if it.Funded {
			sum += it.Budget
		}
	}
	return sum
}

// MADItem is a ranked proposal as the public sees it, with, for the
// Musrenbang export, what the proposal says of its beneficiaries.
type MADItem struct {
	Rank      int             `db:"rank"`
	Code      string          `db:"code"`
	Title     string          `db:"title"`
	Category  domain.Category `db:"category"`
	DesaKode  string          `db:"desa_kode"`
	DesaNama  string          `db:"desa_nama"`
	Budget    int64           `db:"budget"`
	Funded    bool            `db:"funded"`
	ForwardTo string          `db:"forward_to"`
	// Export only: the reason, beneficiaries (jiwa), the gagasan's poor
	// households (KK).
	ForwardReason  string `db:"forward_reason"`
	Beneficiaries  *int   `db:"beneficiaries"`
	PoorHouseholds *int   `db:"poor_households"`
}

// DelegateCount counts a desa's delegates at a MAD, women among them.
type DelegateCount struct {
	DesaKode string `db:"desa_kode"`
	DesaNama string `db:"desa_nama"`
	N        int    `db:"n"`
	Women    int    `db:"women"`
}

// maxPublicMADs is how many decided MADs a kecamatan's page shows.
const maxPublicMADs = 10

// KecamatanBoard reads a kecamatan's public page.
func (s *Store) KecamatanBoard(ctx context.Context, kode string) (*KecamatanBoard, error) {
	b := &KecamatanBoard{}
	err := s.db.QueryRowxContext(ctx, `SELECT k.kode, k.nama, k.tz, coalesce(kb.nama, '')
		FROM kecamatan k LEFT JOIN kabupaten kb ON kb.kode = k.kabupaten_kode WHERE k.kode = $1`, kode).
		Scan(&b.Kecamatan.Kode, &b.Kecamatan.Nama, &b.Kecamatan.TimeZone, &b.KabupatenNama)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no kecamatan %s", kode)
	}
	if err != nil {
		return nil, fmt.Errorf("loading kecamatan: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.Desa, `SELECT kode, nama, kecamatan_kode, lang FROM desa WHERE kecamatan_kode = $1 ORDER BY nama, kode`, kode); err != nil {
		return nil, fmt.Errorf("listing desa: %w", err)
	}
	if err := s.db.SelectContext(ctx, &b.MADs, `SELECT `+publicMADCols+`
		FROM mad_rankings r JOIN meetings m ON m.id = r.meeting_id
		WHERE r.kecamatan_kode = $1 AND r.decided_at IS NOT NULL ORDER BY r.decided_at DESC LIMIT $2`, kode, maxPublicMADs); err != nil {
		return nil, fmt.Errorf("listing decided MADs: %w", err)
	}
	// Every MAD's proposals and delegates in one query each, whatever the
	// number of MADs.
	ids := make([]int64, len(b.MADs))
	for i, m := range b.MADs {
		ids[i] = m.MeetingID
	}
	items, err := s.madItems(ctx, ids...)
	if err != nil {
		return nil, err
	}
	var delegates []struct {
		MeetingID int64 `db:"meeting_id"`
		DelegateCount
	}
	if err := s.db.SelectContext(ctx, &delegates, `SELECT g.meeting_id, d.kode AS desa_kode, d.nama AS desa_nama, count(*) AS n,
			count(*) FILTER (WHERE g.gender = 'P') AS women
		FROM mad_delegates g JOIN desa d ON d.kode = g.desa_kode WHERE g.meeting_id = ANY($1)
		GROUP BY g.meeting_id, d.kode, d.nama ORDER BY g.meeting_id, d.nama, d.kode`, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("counting delegates: %w", err)
	}
	for i := range b.MADs {
		m := &b.MADs[i]
		m.Items = items[m.MeetingID]
		for j := range m.Items {
			m.Items[j].ForwardReason = "" // the facilitator's words to the sender
		}
		for _, d := range delegates {
			if d.MeetingID == m.MeetingID {
				m.Delegates = append(m.Delegates, d.DelegateCount)
			}
		}
	}
	return b, nil
}

// madItems reads the proposals of the rankings of the given meetings, by
// meeting, in rank order: one query whatever their number.
func (s *Store) madItems(ctx context.Context, meetingIDs ...int64) (map[int64][]MADItem, error) {
	var rows []struct {
		MeetingID int64 `db:"meeting_id"`
		MADItem
	}
	err := s.db.SelectContext(ctx, &rows, `SELECT i.meeting_id, i.rank, g.code, g.title, g.category, g.desa_kode, d.nama AS desa_nama, i.budget,
			i.funded, i.forward_to, i.forward_reason, p.beneficiaries, g.poor_households
		FROM mad_items i JOIN gagasan g ON g.id = i.gagasan_id JOIN desa d ON d.kode = g.desa_kode
			LEFT JOIN proposals p ON p.gagasan_id = g.id
		WHERE i.meeting_id = ANY($1) ORDER BY i.meeting_id, i.rank`, pq.Array(meetingIDs))
	if err != nil {
		return nil, fmt.Errorf("reading the MAD's proposals: %w", err)
	}
	out := make(map[int64][]MADItem, len(meetingIDs))
	for _, r := range rows {
		out[r.MeetingID] = append(out[r.MeetingID], r.MADItem)
	}
	return out, nil
}

// DecidedMAD reads the decided MAD held as the meeting code, for the
// Musrenbang export; its desa (the host's) is for the caller's scope check.
// A MAD not decided yet is ENOTFOUND.
func (s *Store) DecidedMAD(ctx context.Context, code string) (*PublicMAD, domain.Kecamatan, string, error) {
	var row struct {
		PublicMAD
		domain.Kecamatan
		Desa string `db:"desa_kode"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT `+publicMADCols+`, k.kode, k.nama, k.tz, m.desa_kode
		FROM mad_rankings r JOIN meetings m ON m.id = r.meeting_id JOIN kecamatan k ON k.kode = r.kecamatan_kode
		WHERE m.code = $1 AND r.decided_at IS NOT NULL`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Kecamatan{}, "", domain.Errorf(domain.ENOTFOUND, "no decided MAD %s", code)
	}
	if err != nil {
		return nil, domain.Kecamatan{}, "", fmt.Errorf("loading MAD: %w", err)
	}
	m := row.PublicMAD
	items, err := s.madItems(ctx, m.MeetingID)
	if err != nil {
		return nil, domain.Kecamatan{}, "", err
	}
	m.Items = items[m.MeetingID]
	return &m, row.Kecamatan, row.Desa, nil
}

// publicMADCols selects a PublicMAD from mad_rankings r and meetings m.
const publicMADCols = `r.meeting_id, m.code, m.type, m.starts_at, m.place, r.year, r.allocation, r.skip_to_fit, r.method, r.decided_at`

// MADDecidedIn is the kecamatan of a meeting's MAD ranking when the MAD
// Penetapan decided it, else "".
func (s *Store) MADDecidedIn(ctx context.Context, meetingID int64) (string, error) {
	var kec string
	err := s.db.GetContext(ctx, &kec, `SELECT kecamatan_kode FROM mad_rankings WHERE meeting_id = $1 AND decided_at IS NOT NULL`, meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading the MAD's ranking: %w", err)
	}
	return kec, nil
}
