package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Home is what waits for a facilitator, for the admin home page: each
// block is one query over the kecamatan (or the TPU's desa), so that the
// page stays fast with many desa. Lists are the oldest first, cut at
// HomeListLimit; the counts are whole.
type Home struct {
	Complaints      []HomeItem
	ComplaintsCount int
	Voice           []HomeItem
	VoiceCount      int
	Meetings        []HomeItem
	MeetingsCount   int
	Tranches        []HomeTranche
	Proposals       []HomeItem
	ProposalsCount  int
	Stages          []HomeStages
}

// HomeListLimit is how many items a block of the home page lists.
const HomeListLimit = 8

// HomeItem is one thing waiting: its code (or voice note id), a title, its
// desa, since when.
type HomeItem struct {
	Code     string    `db:"code"`
	Title    string    `db:"title"`
	DesaNama string    `db:"desa_nama"`
	At       time.Time `db:"at"`
	Total    int       `db:"total"`
}

// HomeTranche is the next tranche of a running kegiatan with the facts
// its rule looks at (domain.CheckDisburse decides: ready, or why not).
type HomeTranche struct {
	Code     string
	Title    string
	DesaNama string
	// KecamatanNama names the desa's kecamatan (a kabupaten's home).
	KecamatanNama string
	Next          int
	Facts         domain.DisbursementFacts
}

// HomeStages counts a desa's gagasan by stage.
type HomeStages struct {
	DesaKode string
	DesaNama string
	Count    map[domain.Status]int
}

// FacilitatorHome loads the home page's blocks for a scope (a kecamatan or
// a kabupaten, see inScope), or only desa when it is not empty; complaints
// tells whether the user handles complaints, voice whether the user may
// hear residents' voice notes (those blocks stay empty otherwise).
func (s *Store) FacilitatorHome(ctx context.Context, scope, desa string, complaints, voice bool, now time.Time) (Home, error) {
	var h Home
	list := func(dst *[]HomeItem, count *int, what, query string, args ...any) error {
		if err := s.db.SelectContext(ctx, dst, query, append([]any{scope, desa, HomeListLimit}, args...)...); err != nil {
			return fmt.Errorf("home, %s: %w", what, err)
		}
		if count != nil && len(*dst) > 0 {
			*count = (*dst)[0].Total
		}
		return nil
	}
	const where = inScope + ` AND ($2 = '' OR d.kode = $2)`
	if complaints {
		if err := list(&h.Complaints, &h.ComplaintsCount, "complaints", `SELECT c.code, '' AS title, d.nama AS desa_nama, c.created_at AS at, count(*) OVER () AS total
			FROM complaints c JOIN desa d ON d.kode = c.desa_kode WHERE `+where+` AND c.status = 'DITERIMA'
			ORDER BY c.created_at, c.id LIMIT $3`); err != nil {
			return h, err
		}
	}
	if voice {
		if err := list(&h.Voice, &h.VoiceCount, "voice notes", `SELECT v.id::text AS code,
				coalesce(g.code, c.code, k.code, '') AS title, d.nama AS desa_nama, v.created_at AS at, count(*) OVER () AS total
			FROM voice_notes v JOIN desa d ON d.kode = v.desa_kode
			LEFT JOIN gagasan g ON g.id = v.gagasan_id LEFT JOIN complaints c ON c.id = v.complaint_id
			LEFT JOIN progress_reports r ON r.id = v.report_id LEFT JOIN kegiatan k ON k.id = r.kegiatan_id
			WHERE `+where+` AND v.transcribed_at IS NULL ORDER BY v.created_at, v.id LIMIT $3`); err != nil {
			return h, err
		}
	}
	if err := list(&h.Meetings, &h.MeetingsCount, "meetings", `SELECT m.code, m.type AS title, d.nama AS desa_nama, m.starts_at AS at, count(*) OVER () AS total
		FROM meetings m JOIN desa d ON d.kode = m.desa_kode WHERE `+where+` AND m.status = 'DIJADWALKAN' AND m.starts_at < $4
		ORDER BY m.starts_at, m.id LIMIT $3`, now); err != nil {
		return h, err
	}
	if err := list(&h.Proposals, &h.ProposalsCount, "proposals", `SELECT g.code, g.title, d.nama AS desa_nama,
			(SELECT max(f.uploaded_at) FROM proposal_files f WHERE f.gagasan_id = g.id) AS at, count(*) OVER () AS total
		FROM gagasan g JOIN desa d ON d.kode = g.desa_kode WHERE `+where+`
			AND EXISTS (SELECT 1 FROM proposal_files f WHERE f.gagasan_id = g.id)
			AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.gagasan_id = g.id AND p.verdict IS NOT NULL)
		ORDER BY at, g.id LIMIT $3`); err != nil {
		return h, err
	}
	// The next tranche of each running kegiatan, with what its rule looks
	// at: tranches are disbursed in order, so the previous one is the
	// latest disbursed.
	var tr []struct {
		Code      string        `db:"code"`
		Title     string        `db:"title"`
		DesaNama  string        `db:"desa_nama"`
		KecNama   string        `db:"kecamatan_nama"`
		Percents  pq.Int64Array `db:"percents"`
		Disbursed pq.BoolArray  `db:"disbursed"`
		Best      int           `db:"best"`
		Held      bool          `db:"held"`
	}
	err := s.db.SelectContext(ctx, &tr, `SELECT k.code, k.title, d.nama AS desa_nama, `+sqlKecamatanNama+`, t.percents, t.disbursed,
			coalesce((SELECT max(r.percent) FROM progress_reports r WHERE r.kegiatan_id = k.id), 0) AS best,
			EXISTS (SELECT 1 FROM meetings m WHERE m.desa_kode = k.desa_kode AND m.type = 'MUSDES_PERTANGGUNGJAWABAN'
				AND m.status = 'SELESAI' AND m.starts_at > t.last AND m.starts_at <= $3) AS held
		FROM kegiatan k JOIN desa d ON d.kode = k.desa_kode
		JOIN LATERAL (SELECT array_agg(percent ORDER BY no) AS percents, array_agg(disbursed_at IS NOT NULL ORDER BY no) AS disbursed,
			max(disbursed_at) AS last, bool_and(disbursed_at IS NOT NULL) AS all_paid FROM tranches WHERE kegiatan_id = k.id) t ON true
		WHERE `+where+` AND k.status = 'BERJALAN' AND NOT t.all_paid
		ORDER BY d.nama, k.code`, scope, desa, now)
	if err != nil {
		return h, fmt.Errorf("home, tranches: %w", err)
	}
	paid := time.Time{}
	for _, k := range tr {
		ht := HomeTranche{Code: k.Code, Title: k.Title, DesaNama: k.DesaNama, KecamatanNama: k.KecNama,
			Facts: domain.DisbursementFacts{BestPercent: k.Best, AccountabilityHeldAfterPrevious: k.Held}}
		for i, p := range k.Percents {
			t := domain.Tranche{No: i + 1, Percent: int(p)}
			if i < len(k.Disbursed) && k.Disbursed[i] {
				t.DisbursedAt = &paid
			} else if ht.Next == 0 {
				ht.Next = i + 1
			}
			ht.Facts.Tranches = append(ht.Facts.Tranches, t)
		}
		h.Tranches = append(h.Tranches, ht)
	}
	var counts []struct {
		Kode   string        `db:"kode"`
		Nama   string        `db:"nama"`
		Status domain.Status `db:"status"`
		N      int           `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &counts, `SELECT d.kode, d.nama, g.status, count(*) AS n
		FROM gagasan g JOIN desa d ON d.kode = g.desa_kode WHERE `+where+`
		GROUP BY d.kode, d.nama, g.status ORDER BY d.nama, d.kode`, scope, desa); err != nil {
		return h, fmt.Errorf("home, stages: %w", err)
	}
	for _, c := range counts {
		if n := len(h.Stages); n == 0 || h.Stages[n-1].DesaKode != c.Kode {
			h.Stages = append(h.Stages, HomeStages{DesaKode: c.Kode, DesaNama: c.Nama, Count: map[domain.Status]int{}})
		}
		h.Stages[len(h.Stages)-1].Count[c.Status] = c.N
	}
	return h, nil
}
