package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// The MAD (docs/GLOSSARY.md, "Selection"): a kecamatan's allocation per
// year, its scoring criteria, the proposals that reach its MAD, the
// ranking a MAD Prioritas or Penetapan records and the Penetapan that
// moves every proposal at once. The rules are domain.RankMAD and its
// helpers; this file stores what they decided.

// allocationColumns reads mkp_share (numeric, 0..1) as thousandths.
const allocationColumns = `kecamatan_kode, year, amount, skip_to_fit, round(mkp_share * 1000)::int AS mkp_share`

// AllocationOf returns a kecamatan's allocation for a year, or
// domain.ErrNotFound.
func (s *Store) AllocationOf(ctx context.Context, kec string, year int) (domain.Allocation, error) {
	return allocationOf(ctx, s.db, kec, year, "")
}

func allocationOf(ctx context.Context, q sqlx.QueryerContext, kec string, year int, lock string) (domain.Allocation, error) {
	var a domain.Allocation
	err := sqlx.GetContext(ctx, q, &a, `SELECT `+allocationColumns+` FROM allocations WHERE kecamatan_kode = $1 AND year = $2`+lock, kec, year)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ruleMADNoAllocation.Err(year)
	}
	if err != nil {
		return a, fmt.Errorf("loading allocation: %w", err)
	}
	return a, nil
}

// SetAllocation stores a kecamatan's allocation for a year (replacing the
// one there was), checked by the domain rule; once a MAD Penetapan of that
// kecamatan and year was recorded, its allocation is kept as decided
// (ECONFLICT). The check follows the write: a Penetapan holds the
// allocation's row (FOR SHARE) until it commits, so a change racing it
// waits and then sees it decided.
func (s *Store) SetAllocation(ctx context.Context, a domain.Allocation, by string) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO allocations (kecamatan_kode, year, amount, skip_to_fit, mkp_share, updated_by)
		VALUES ($1, $2, $3, $4, $5::numeric / 1000, $6)
		ON CONFLICT (kecamatan_kode, year) DO UPDATE SET amount = EXCLUDED.amount, skip_to_fit = EXCLUDED.skip_to_fit,
			mkp_share = EXCLUDED.mkp_share, updated_by = EXCLUDED.updated_by, updated_at = now()`,
			a.KecamatanKode, a.Year, a.Amount, a.SkipToFit, a.MKPShare, by)
		if isForeignKeyViolation(err) {
			return ruleMADKecamatanUnknown.Err(a.KecamatanKode)
		}
		if err != nil {
			return fmt.Errorf("storing allocation: %w", err)
		}
		var decided bool
		if err := tx.GetContext(ctx, &decided, `SELECT EXISTS (SELECT 1 FROM mad_rankings WHERE kecamatan_kode = $1 AND year = $2
			AND decided_at IS NOT NULL)`, a.KecamatanKode, a.Year); err != nil {
			return fmt.Errorf("checking the year's MAD: %w", err)
		}
		if decided {
			return ruleMADAllocationDecided.Err(a.Year)
		}
		return nil
	})
}

// AllocationRow is an allocation with its kecamatan's name, as listed.
type AllocationRow struct {
	domain.Allocation
	KecamatanNama string    `db:"kecamatan_nama"`
	UpdatedBy     string    `db:"updated_by"`
	UpdatedAt     time.Time `db:"updated_at"`
}

// Allocations lists the allocations of the kecamatan in scope (a
// kecamatan, a kabupaten, or "" for all), newest year first.
func (s *Store) Allocations(ctx context.Context, scope string) ([]AllocationRow, error) {
	var out []AllocationRow
	err := s.db.SelectContext(ctx, &out, `SELECT a.kecamatan_kode, a.year, a.amount, a.skip_to_fit, round(a.mkp_share * 1000)::int AS mkp_share,
			k.nama AS kecamatan_nama, a.updated_by, a.updated_at
		FROM allocations a JOIN kecamatan k ON k.kode = a.kecamatan_kode
		WHERE $1 = '' OR a.kecamatan_kode = $1 OR a.kecamatan_kode LIKE $1 || '.%'
		ORDER BY a.year DESC, a.kecamatan_kode`, scope)
	if err != nil {
		return nil, fmt.Errorf("listing allocations: %w", err)
	}
	return out, nil
}

// MADCriteria returns a kecamatan's scoring criteria in their order, the
// defaults (domain.DefaultMADCriteria) when it has none; reading writes
// nothing (only SetMADCriteria does).
func (s *Store) MADCriteria(ctx context.Context, kec string) ([]domain.MADCriterion, error) {
	return madCriteria(ctx, s.db, kec)
}

func madCriteria(ctx context.Context, q sqlx.QueryerContext, kec string) ([]domain.MADCriterion, error) {
	var out []domain.MADCriterion
	if err := sqlx.SelectContext(ctx, q, &out, `SELECT key, label, weight FROM mad_criteria WHERE kecamatan_kode = $1 ORDER BY position, key`, kec); err != nil {
		return nil, fmt.Errorf("loading criteria: %w", err)
	}
	if len(out) > 0 {
		return out, nil
	}
	return append(out, domain.DefaultMADCriteria...), nil
}

// SetMADCriteria replaces a kecamatan's criteria, checked by the domain
// rule (weights summing to 100).
func (s *Store) SetMADCriteria(ctx context.Context, kec string, cs []domain.MADCriterion) error {
	if err := domain.CheckMADCriteria(cs); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mad_criteria WHERE kecamatan_kode = $1`, kec); err != nil {
			return fmt.Errorf("replacing criteria: %w", err)
		}
		return writeCriteria(ctx, tx, kec, cs)
	})
}

func writeCriteria(ctx context.Context, tx *sqlx.Tx, kec string, cs []domain.MADCriterion) error {
	for i, c := range cs {
		_, err := tx.ExecContext(ctx, `INSERT INTO mad_criteria (kecamatan_kode, key, label, weight, position) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT DO NOTHING`, kec, c.Key, strings.TrimSpace(c.Label), c.Weight, i+1)
		if isForeignKeyViolation(err) {
			return ruleMADKecamatanUnknown.Err(kec)
		}
		if err != nil {
			return fmt.Errorf("storing criteria: %w", err)
		}
	}
	return nil
}

// MADCandidate is a proposal that reaches the MAD: a gagasan the Tim
// Verifikasi found LAYAK, at VERIFIKASI or PRIORITAS_MAD.
type MADCandidate struct {
	GagasanID int64           `db:"id"`
	Code      string          `db:"code"`
	Title     string          `db:"title"`
	Category  domain.Category `db:"category"`
	Status    domain.Status   `db:"status"`
	DesaKode  string          `db:"desa_kode"`
	DesaNama  string          `db:"desa_nama"`
	// Budget is nil until the proposal has one (it cannot be ranked then).
	Budget *int64 `db:"budget"`
	// FromMKP is the proposal's own flag, else whether the gagasan was on
	// the agenda of an MKP not cancelled (fromMKPSQL).
	FromMKP bool `db:"from_mkp"`
}

// Item is the candidate as the domain ranks it (Budget 0 when none).
func (c MADCandidate) Item() domain.MADItem {
	it := domain.MADItem{GagasanID: c.GagasanID, Code: c.Code, Title: c.Title, DesaKode: c.DesaKode, FromMKP: c.FromMKP}
	if c.Budget != nil {
		it.Budget = *c.Budget
	}
	return it
}

// sqlFromMKP is whether gagasan g (with its proposal p) came from the
// MKP (fromMKPSQL).
var sqlFromMKP = fromMKPSQL("p.from_mkp", "g.id")

var sqlMADCandidates = `SELECT g.id, g.code, g.title, g.category, g.status, g.desa_kode, d.nama AS desa_nama, p.budget,
		` + sqlFromMKP + ` AS from_mkp
	FROM gagasan g JOIN proposals p ON p.gagasan_id = g.id JOIN desa d ON d.kode = g.desa_kode
	WHERE d.kecamatan_kode = $1 AND p.verdict = 'LAYAK' AND g.status IN ('VERIFIKASI', 'PRIORITAS_MAD')
	ORDER BY d.nama, g.code`

// MADCandidates lists the proposals of a kecamatan that reach its MAD, by
// desa and code.
func (s *Store) MADCandidates(ctx context.Context, kec string) ([]MADCandidate, error) {
	var out []MADCandidate
	if err := s.db.SelectContext(ctx, &out, sqlMADCandidates, kec); err != nil {
		return nil, fmt.Errorf("listing MAD candidates: %w", err)
	}
	return out, nil
}

// MADMeeting is a MAD meeting with what its ranking is made in: its
// kecamatan and the year of its cycle (madCycleYear).
type MADMeeting struct {
	domain.Meeting
	KecamatanKode string
	Year          int
	// YearFrom is the MAD Prioritas whose cycle a MAD Penetapan's year is
	// ("": the year the meeting is held, or of its own ranking).
	YearFrom string
}

// MADCycleDays is how long before a MAD Penetapan the MAD Prioritas of its
// cycle may be held: a Prioritas in December and its Penetapan in January
// are one cycle, with one year's allocation.
const MADCycleDays = 120

// MADMeetingByCode loads a MAD_PRIORITAS or MAD_PENETAPAN meeting; any
// other is refused.
func (s *Store) MADMeetingByCode(ctx context.Context, code string) (*MADMeeting, error) {
	return madMeeting(ctx, s.db, code)
}

func madMeeting(ctx context.Context, q sqlx.QueryerContext, code string) (*MADMeeting, error) {
	m, err := meetingByCode(ctx, q, code)
	if err != nil {
		return nil, err
	}
	if m.Type != domain.MeetingMADPrioritas && m.Type != domain.MeetingMADPenetapan {
		return nil, ruleMADNotMAD.Err(code)
	}
	out := &MADMeeting{Meeting: *m, Year: m.StartsAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location()).Year()}
	if err := sqlx.GetContext(ctx, q, &out.KecamatanKode, `SELECT kecamatan_kode FROM desa WHERE kode = $1`, m.DesaKode); err != nil {
		return nil, fmt.Errorf("loading meeting's kecamatan: %w", err)
	}
	if err := madCycleYear(ctx, q, out); err != nil {
		return nil, err
	}
	return out, nil
}

// madCycleYear sets the year of a MAD Penetapan's cycle, whose allocation
// it decides by: the year of the ranking recorded on it, once there is
// one (so that the year never moves under a ranking); else the year of
// the latest MAD Prioritas of the kecamatan with a ranking, held within
// MADCycleDays before it and not yet followed by a decided MAD Penetapan; else the
// year it is held (m.Year as loaded). A MAD Prioritas's cycle is the year
// it is held.
func madCycleYear(ctx context.Context, q sqlx.QueryerContext, m *MADMeeting) error {
	if m.Type != domain.MeetingMADPenetapan {
		return nil
	}
	var own []int
	if err := sqlx.SelectContext(ctx, q, &own, `SELECT year FROM mad_rankings WHERE meeting_id = $1`, m.ID); err != nil {
		return fmt.Errorf("loading ranking's year: %w", err)
	}
	if len(own) == 1 {
		m.Year = own[0]
		return nil
	}
	var from []struct {
		Year int    `db:"year"`
		Code string `db:"code"`
	}
	err := sqlx.SelectContext(ctx, q, &from, `SELECT r.year, pm.code FROM mad_rankings r JOIN meetings pm ON pm.id = r.meeting_id
		WHERE r.kecamatan_kode = $1 AND pm.type = 'MAD_PRIORITAS' AND pm.status <> 'DIBATALKAN'
			AND pm.starts_at <= $2 AND pm.starts_at >= $2 - make_interval(days => $3)
			AND NOT EXISTS (SELECT 1 FROM mad_rankings d JOIN meetings dm ON dm.id = d.meeting_id
				WHERE d.kecamatan_kode = r.kecamatan_kode AND dm.type = 'MAD_PENETAPAN' AND d.decided_at IS NOT NULL
					AND dm.starts_at > pm.starts_at AND dm.id <> $4)
		ORDER BY pm.starts_at DESC, r.recorded_at DESC LIMIT 1`, m.KecamatanKode, m.StartsAt, MADCycleDays, m.ID)
	if err != nil {
		return fmt.Errorf("finding the MAD's cycle: %w", err)
	}
	if len(from) == 1 {
		m.Year, m.YearFrom = from[0].Year, from[0].Code
	}
	return nil
}

// MADRanking is a MAD's recorded ranking, with its items in rank order and,
// once decided, the delegates.
type MADRanking struct {
	MeetingID     int64            `db:"meeting_id"`
	KecamatanKode string           `db:"kecamatan_kode"`
	Year          int              `db:"year"`
	Allocation    int64            `db:"allocation"`
	SkipToFit     bool             `db:"skip_to_fit"`
	MKPShare      int              `db:"mkp_share"`
	Method        domain.MADMethod `db:"method"`
	RecordedBy    string           `db:"recorded_by"`
	RecordedAt    time.Time        `db:"recorded_at"`
	DecidedAt     *time.Time       `db:"decided_at"`
	Items         []MADRankedItem
	Delegates     []domain.Delegate
}

// MADRankedItem is one proposal of a recorded ranking.
type MADRankedItem struct {
	GagasanID     int64         `db:"gagasan_id"`
	Code          string        `db:"code"`
	Title         string        `db:"title"`
	DesaKode      string        `db:"desa_kode"`
	DesaNama      string        `db:"desa_nama"`
	Status        domain.Status `db:"status"`
	Rank          int           `db:"rank"`
	Score         *float64      `db:"score"`
	ScoresJSON    []byte        `db:"scores"`
	Budget        int64         `db:"budget"`
	Funded        bool          `db:"funded"`
	ForwardTo     string        `db:"forward_to"`
	ForwardReason string        `db:"forward_reason"`
	FromMKP       bool          `db:"from_mkp"`
}

// Scores are the item's scores per criterion (SKOR).
func (it MADRankedItem) Scores() map[string]int {
	m := map[string]int{}
	_ = json.Unmarshal(it.ScoresJSON, &m)
	return m
}

// MADRankingOf returns the ranking recorded on a meeting, or
// domain.ErrNotFound.
func (s *Store) MADRankingOf(ctx context.Context, meetingID int64) (*MADRanking, error) {
	return madRankingOf(ctx, s.db, meetingID, "")
}

func madRankingOf(ctx context.Context, q sqlx.QueryerContext, meetingID int64, lock string) (*MADRanking, error) {
	var r MADRanking
	err := sqlx.GetContext(ctx, q, &r, `SELECT meeting_id, kecamatan_kode, year, allocation, skip_to_fit, round(mkp_share * 1000)::int AS mkp_share,
		method, recorded_by, recorded_at, decided_at FROM mad_rankings WHERE meeting_id = $1`+lock, meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no ranking for meeting %d", meetingID)
	}
	if err != nil {
		return nil, fmt.Errorf("loading ranking: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &r.Items, `SELECT i.gagasan_id, g.code, g.title, g.desa_kode, d.nama AS desa_nama, g.status, i.rank,
			i.score::float8 AS score, i.scores::text AS scores, i.budget, i.funded, i.forward_to, i.forward_reason, `+sqlFromMKP+` AS from_mkp
		FROM mad_items i JOIN gagasan g ON g.id = i.gagasan_id JOIN desa d ON d.kode = g.desa_kode
			LEFT JOIN proposals p ON p.gagasan_id = g.id
		WHERE i.meeting_id = $1 ORDER BY i.rank`, meetingID); err != nil {
		return nil, fmt.Errorf("loading ranking items: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &r.Delegates, `SELECT desa_kode, name, gender, position FROM mad_delegates
		WHERE meeting_id = $1 ORDER BY desa_kode, id`, meetingID); err != nil {
		return nil, fmt.Errorf("loading delegates: %w", err)
	}
	return &r, nil
}

// LatestMADRanking returns the newest ranking of a kecamatan's year
// recorded on a meeting of type t, or domain.ErrNotFound: a MAD Penetapan
// starts from the MAD Prioritas's order.
func (s *Store) LatestMADRanking(ctx context.Context, kec string, year int, t domain.MeetingType) (*MADRanking, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT r.meeting_id FROM mad_rankings r JOIN meetings m ON m.id = r.meeting_id
		WHERE r.kecamatan_kode = $1 AND r.year = $2 AND m.type = $3 ORDER BY r.recorded_at DESC LIMIT 1`, kec, year, string(t))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no ranking")
	}
	if err != nil {
		return nil, fmt.Errorf("finding ranking: %w", err)
	}
	return s.MADRankingOf(ctx, id)
}

// RankingInput is what a MAD recorded: the order directly (Ranks, code →
// 1..n) or scores per criterion (Scores, code → key → 0..100), for every
// proposal that reaches it.
type RankingInput struct {
	MeetingCode string
	Method      domain.MADMethod
	Ranks       map[string]int
	Scores      map[string]map[string]int
	By          string
	Now         time.Time
	// Notice tells each sender whose gagasan moves to PRIORITAS_MAD (nil:
	// no one is told).
	Notice StatusNotice
}

// PreviewRanking is the ranking RecordRanking would record now, cut at
// the allocation, without recording it; the candidates are returned too.
func (s *Store) PreviewRanking(ctx context.Context, in RankingInput) (domain.MADResult, error) {
	var res domain.MADResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		_, res, err = rankNow(ctx, tx, in, "")
		return err
	})
	return res, err
}

// rankNow ranks the meeting's candidates as in says, under the
// kecamatan's allocation for the meeting's year and its criteria.
func rankNow(ctx context.Context, tx *sqlx.Tx, in RankingInput, lock string) (*MADMeeting, domain.MADResult, error) {
	m, err := madMeeting(ctx, tx, in.MeetingCode)
	if err != nil {
		return nil, domain.MADResult{}, err
	}
	a, err := allocationOf(ctx, tx, m.KecamatanKode, m.Year, "")
	if err != nil {
		return nil, domain.MADResult{}, err
	}
	var cands []MADCandidate
	if err := tx.SelectContext(ctx, &cands, sqlMADCandidates+lock, m.KecamatanKode); err != nil {
		return nil, domain.MADResult{}, fmt.Errorf("listing MAD candidates: %w", err)
	}
	given := len(in.Ranks)
	if in.Method == domain.MADSkor {
		given = len(in.Scores)
	}
	items := make([]domain.MADItem, 0, len(cands))
	for _, c := range cands {
		it := c.Item()
		switch in.Method {
		case domain.MADUrutan:
			r, ok := in.Ranks[c.Code]
			if !ok {
				return nil, domain.MADResult{}, ruleMADUnranked.Err(c.Code)
			}
			it.Rank = r
		case domain.MADSkor:
			sc, ok := in.Scores[c.Code]
			if !ok {
				return nil, domain.MADResult{}, ruleMADUnranked.Err(c.Code)
			}
			it.Scores = sc
		}
		items = append(items, it)
	}
	if given != len(cands) {
		return nil, domain.MADResult{}, ruleMADNotCandidate.Err()
	}
	var cs []domain.MADCriterion
	if in.Method == domain.MADSkor {
		if cs, err = madCriteria(ctx, tx, m.KecamatanKode); err != nil {
			return nil, domain.MADResult{}, err
		}
	}
	res, err := domain.RankMAD(in.Method, items, cs, a)
	return m, res, err
}

// RecordRanking records a MAD's ranking on a MAD_PRIORITAS or
// MAD_PENETAPAN meeting, once it has begun: every proposal that reaches
// the MAD ranked (domain.RankMAD, each with a budget), cut at the
// kecamatan's allocation for the meeting's year, with the allocation and
// its setting copied; each gagasan still at VERIFIKASI moves to
// PRIORITAS_MAD (its history and its sender's notice). A ranking recorded
// before on the meeting is replaced, unless its Penetapan was recorded.
// One transaction.
func (s *Store) RecordRanking(ctx context.Context, in RankingInput) (domain.MADResult, error) {
	var res domain.MADResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, r, err := rankNow(ctx, tx, in, ` FOR UPDATE OF g`)
		if err != nil {
			return err
		}
		res = r
		if err := checkMADOpen(m, in.Now); err != nil {
			return err
		}
		var decided sql.NullTime
		err = tx.GetContext(ctx, &decided, `SELECT decided_at FROM mad_rankings WHERE meeting_id = $1 FOR UPDATE`, m.ID)
		switch {
		case err == nil && decided.Valid:
			return ruleMADDecided.Err(m.Code)
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("loading ranking: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mad_rankings WHERE meeting_id = $1`, m.ID); err != nil {
			return fmt.Errorf("replacing ranking: %w", err)
		}
		a, err := allocationOf(ctx, tx, m.KecamatanKode, m.Year, "")
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO mad_rankings (meeting_id, kecamatan_kode, year, allocation, skip_to_fit, mkp_share, method, recorded_by)
			VALUES ($1, $2, $3, $4, $5, $6::numeric / 1000, $7, $8)`, m.ID, m.KecamatanKode, m.Year, a.Amount, a.SkipToFit, a.MKPShare,
			string(in.Method), in.By); err != nil {
			return fmt.Errorf("recording ranking: %w", err)
		}
		for _, it := range r.Items {
			var score *float64
			scores := []byte("{}")
			if in.Method == domain.MADSkor {
				v := float64(it.Points) / 100
				score = &v
				scores, _ = json.Marshal(it.Scores)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO mad_items (meeting_id, gagasan_id, rank, score, scores, budget, funded)
				VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`, m.ID, it.GagasanID, it.Rank, score, string(scores), it.Budget, it.Funded); err != nil {
				return fmt.Errorf("recording ranking item: %w", err)
			}
		}
		var moving []string
		if err := tx.SelectContext(ctx, &moving, `SELECT g.code FROM mad_items i JOIN gagasan g ON g.id = i.gagasan_id
			WHERE i.meeting_id = $1 AND g.status = 'VERIFIKASI' ORDER BY i.rank`, m.ID); err != nil {
			return fmt.Errorf("listing proposals to move: %w", err)
		}
		// Ranked directly on a MAD Penetapan, a proposal moves on within
		// minutes: its sender hears of the Penetapan only, not of this
		// step too.
		notice := in.Notice
		if m.Type == domain.MeetingMADPenetapan {
			notice = nil
		}
		for _, code := range moving {
			if _, _, err := setGagasanStatus(ctx, tx, StageMove{Code: code, To: domain.StatusPrioritasMAD, Note: "MAD " + m.Code,
				By: in.By, Notice: notice, MeetingID: m.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

// checkMADOpen says whether a MAD's ranking or Penetapan may be recorded
// now: the meeting was not cancelled and has begun.
func checkMADOpen(m *MADMeeting, now time.Time) error {
	if m.Status == domain.MeetingCanceled {
		return ruleMADCanceled.Err(m.Code)
	}
	return domain.CheckOutcomeTime(m.Code, m.StartsAt, now)
}

// Penetapan is what a MAD Penetapan records on its meeting, whose ranking
// was recorded: where each unfunded proposal goes and why (by code;
// domain.DefaultForwardTo when To is empty), and the desa's delegates.
type Penetapan struct {
	MeetingCode string
	Forwards    map[string]domain.Forward
	Delegates   []domain.Delegate
	By          string
	Now         time.Time
	// Notice renders the message to each sender (nil: no one is told).
	Notice StatusNotice
	// Post renders the result for each desa with proposals in the MAD,
	// posted into the desa's groups linked for the whole desa (nil: no
	// post).
	Post MADPost
	// DefaultReason is why an unfunded proposal is not funded when the MAD
	// wrote no reason, in a language ("id" for the records; nil: every
	// forward needs its reason).
	DefaultReason func(lang string) string
}

// MADPost renders one desa's part of a MAD Penetapan's result in every
// language (flows.MADResultTexts); the desa's own is posted.
type MADPost func(r domain.MADDesaResult) Texts

// PenetapanResult counts what a Penetapan did: proposals funded and
// forwarded, senders told, group posts queued.
type PenetapanResult struct {
	Funded, Forwarded, Notified, Posted int
}

// RecordPenetapan records a MAD Penetapan in ONE transaction: every
// proposal of the meeting's ranking moves, funded → DIDANAI, the others →
// TIDAK_DIDANAI and then DITERUSKAN with where they go and why in the
// history note and in mad_items; each sender is told once, at the last
// move (domain.WhoHearsStage: the sender, or a relative's number for a
// gagasan filed for a resident); the delegates are recorded and the
// ranking closed (afterPenetapan). A proposal moved meanwhile, a bad
// forward or delegate, or any failure rolls everything back; a second
// Penetapan is refused (ECONFLICT).
func (s *Store) RecordPenetapan(ctx context.Context, p Penetapan) (PenetapanResult, error) {
	var res PenetapanResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res = PenetapanResult{}
		m, err := madMeeting(ctx, tx, p.MeetingCode)
		if err != nil {
			return err
		}
		if m.Type != domain.MeetingMADPenetapan {
			return ruleMADNotPenetapan.Err(m.Code)
		}
		if err := checkMADOpen(m, p.Now); err != nil {
			return err
		}
		r, err := madRankingOf(ctx, tx, m.ID, ` FOR UPDATE`)
		if errors.Is(err, domain.ErrNotFound) {
			return ruleMADNoRanking.Err(m.Code)
		}
		if err != nil {
			return err
		}
		if r.DecidedAt != nil {
			return ruleMADDecided.Err(m.Code)
		}
		desa := map[string]bool{}
		if err := checkForwards(r, p.Forwards, p.DefaultReason != nil); err != nil {
			return err
		}
		var kecDesa []string
		if err := tx.SelectContext(ctx, &kecDesa, `SELECT kode FROM desa WHERE kecamatan_kode = $1`, m.KecamatanKode); err != nil {
			return fmt.Errorf("listing desa: %w", err)
		}
		for _, k := range kecDesa {
			desa[k] = true
		}
		for _, d := range p.Delegates {
			if err := d.Validate(); err != nil {
				return err
			}
			if !desa[d.DesaKode] {
				return ruleMADDelegateOutside.Err(d.DesaKode)
			}
		}
		for _, it := range r.Items {
			if it.Status != domain.StatusPrioritasMAD {
				return ruleMADMovedMeanwhile.Err(it.Code, it.Status)
			}
		}
		if err := checkRankingCurrent(ctx, tx, r, true); err != nil {
			return err
		}
		note := "MAD " + m.Code
		for _, it := range r.Items {
			var told bool
			if it.Funded {
				if _, told, err = setGagasanStatus(ctx, tx, StageMove{Code: it.Code, To: domain.StatusDidanai, Note: note, By: p.By, Notice: p.Notice,
					MeetingID: m.ID}); err != nil {
					return err
				}
				res.Funded++
			} else {
				f := forwardOf(p.Forwards, it.Code)
				if _, _, err = setGagasanStatus(ctx, tx, StageMove{Code: it.Code, To: domain.StatusTidakDidanai, Note: note, By: p.By,
					MeetingID: m.ID}); err != nil {
					return err
				}
				notice := p.Notice
				if f.Reason == "" && notice != nil {
					// The MAD wrote no reason: each sender reads the
					// default one in their language.
					to := f.To
					notice = func(lang string, g domain.Gagasan, _ string) string {
						return p.Notice(lang, g, to+": "+p.DefaultReason(lang))
					}
				}
				if f.Reason == "" {
					f.Reason = p.DefaultReason("id")
				}
				if _, told, err = setGagasanStatus(ctx, tx, StageMove{Code: it.Code, To: domain.StatusDiteruskan,
					Note: f.To + ": " + f.Reason, By: p.By, Notice: notice, MeetingID: m.ID}); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE mad_items SET forward_to = $3, forward_reason = $4 WHERE meeting_id = $1 AND gagasan_id = $2`,
					m.ID, it.GagasanID, f.To, f.Reason); err != nil {
					return fmt.Errorf("recording forward: %w", err)
				}
				res.Forwarded++
			}
			if told {
				res.Notified++
			}
		}
		for _, d := range p.Delegates {
			if _, err := tx.ExecContext(ctx, `INSERT INTO mad_delegates (meeting_id, desa_kode, name, gender, position) VALUES ($1, $2, $3, $4, $5)`,
				m.ID, d.DesaKode, strings.TrimSpace(d.Name), string(d.Gender), strings.TrimSpace(d.Position)); err != nil {
				return fmt.Errorf("recording delegate: %w", err)
			}
		}
		res.Posted, err = afterPenetapan(ctx, tx, m, p)
		return err
	})
	return res, err
}

// MADRankingCurrent says whether the ranking recorded on a meeting may
// still be decided (nil), or why not: checkRankingCurrent, read without
// locks, for the page.
func (s *Store) MADRankingCurrent(ctx context.Context, r *MADRanking) error {
	return checkRankingCurrent(ctx, s.db, r, false)
}

// checkRankingCurrent refuses (ECONFLICT, "… simpan peringkat ulang") a
// ranking made under what has changed since: the allocation of its year
// or its setting differs from the copy in the ranking, a proposal's budget
// from the one ranked, or the proposals that reach the MAD (LAYAK, at
// VERIFIKASI or PRIORITAS_MAD) from those ranked — one arrived, or one
// left. With lock (a Penetapan) the allocation and the proposals read are
// held (FOR SHARE) until the transaction ends, so that neither changes
// under the decision.
func checkRankingCurrent(ctx context.Context, q sqlx.QueryerContext, r *MADRanking, lock bool) error {
	allocLock, candLock := "", ""
	if lock {
		allocLock, candLock = ` FOR SHARE`, ` FOR SHARE OF p`
	}
	a, err := allocationOf(ctx, q, r.KecamatanKode, r.Year, allocLock)
	if err != nil {
		return err
	}
	if a.Amount != r.Allocation || a.SkipToFit != r.SkipToFit || a.MKPShare != r.MKPShare {
		return ruleMADAllocationChanged.Err()
	}
	var cands []MADCandidate
	if err := sqlx.SelectContext(ctx, q, &cands, sqlMADCandidates+candLock, r.KecamatanKode); err != nil {
		return fmt.Errorf("listing MAD candidates: %w", err)
	}
	now := make(map[int64]MADCandidate, len(cands))
	for _, c := range cands {
		now[c.GagasanID] = c
	}
	var changed []string
	ranked := make(map[int64]bool, len(r.Items))
	for _, it := range r.Items {
		ranked[it.GagasanID] = true
		c, ok := now[it.GagasanID]
		switch {
		case !ok:
			changed = append(changed, it.Code)
		case c.Budget == nil || *c.Budget != it.Budget:
			return ruleMADBudgetChanged.Err(it.Code)
		}
	}
	for _, c := range cands {
		if !ranked[c.GagasanID] {
			changed = append(changed, c.Code)
		}
	}
	if len(changed) > 0 {
		return ruleMADNewCandidates.Err(strings.Join(changed, ", "))
	}
	return nil
}

// afterPenetapan is the one place for what follows a MAD Penetapan, in its
// transaction, once every proposal moved: the ranking is closed
// (decided_at), and each desa with proposals in it gets the result posted
// into its groups linked for the whole desa (p.Post; none linked, no
// post). It returns how many posts it queued.
func afterPenetapan(ctx context.Context, tx *sqlx.Tx, m *MADMeeting, p Penetapan) (int, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE mad_rankings SET decided_at = $2 WHERE meeting_id = $1`, m.ID, p.Now); err != nil {
		return 0, fmt.Errorf("closing ranking: %w", err)
	}
	if p.Post == nil {
		return 0, nil
	}
	r, err := madRankingOf(ctx, tx, m.ID, "")
	if err != nil {
		return 0, err
	}
	posted := 0
	for _, d := range madDesaResults(m, r) {
		n, err := QueueGroupPosts(ctx, tx, d.DesaKode, domain.AudienceDesa, nil, p.Post(d), nil)
		if err != nil {
			return 0, err
		}
		posted += n
	}
	return posted, nil
}

// madDesaResults splits a decided ranking by desa (by name), each desa's
// proposals in the MAD's order.
func madDesaResults(m *MADMeeting, r *MADRanking) []domain.MADDesaResult {
	at := m.StartsAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location())
	var out []domain.MADDesaResult
	index := map[string]int{}
	for _, it := range r.Items {
		i, ok := index[it.DesaKode]
		if !ok {
			i = len(out)
			index[it.DesaKode] = i
			out = append(out, domain.MADDesaResult{MeetingCode: m.Code, At: at, KecamatanKode: m.KecamatanKode,
				DesaKode: it.DesaKode, DesaNama: it.DesaNama})
		}
		o := domain.MADOutcome{Code: it.Code, Title: it.Title, Budget: it.Budget, Rank: it.Rank}
		if it.Funded {
			out[i].Funded = append(out[i].Funded, o)
		} else {
			o.ForwardTo = it.ForwardTo
			out[i].Forwarded = append(out[i].Forwarded, o)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].DesaNama < out[b].DesaNama })
	return out
}

// forwardOf is where an unfunded proposal goes: as given, the default
// destination when none was named.
func forwardOf(fs map[string]domain.Forward, code string) domain.Forward {
	f := fs[code]
	f.To, f.Reason = strings.TrimSpace(f.To), strings.TrimSpace(f.Reason)
	if f.To == "" {
		f.To = domain.DefaultForwardTo
	}
	return f
}

// checkForwards checks the forward of every unfunded item of r, and that
// no forward names a proposal that is not unfunded in it; with
// defaultReason a forward may leave its reason empty (the default one).
func checkForwards(r *MADRanking, fs map[string]domain.Forward, defaultReason bool) error {
	unfunded := map[string]bool{}
	for _, it := range r.Items {
		unfunded[it.Code] = !it.Funded
	}
	for code := range fs {
		if !unfunded[code] {
			return ruleMADForwardFunded.Err(code)
		}
	}
	for _, it := range r.Items {
		if !it.Funded {
			f := forwardOf(fs, it.Code)
			if f.Reason == "" && defaultReason {
				f.Reason = "(default)"
			}
			if err := f.Validate(it.Code); err != nil {
				return err
			}
		}
	}
	return nil
}

// WomenPerDesa counts the delegates and the women among them, by desa.
func WomenPerDesa(ds []domain.Delegate) map[string][2]int {
	out := map[string][2]int{}
	for _, d := range ds {
		c := out[d.DesaKode]
		c[0]++
		if d.Gender == domain.GenderFemale {
			c[1]++
		}
		out[d.DesaKode] = c
	}
	return out
}

// shareNumber is a share as typed, its decimal comma made a point: digits
// with at most one point, nothing else (no sign, exponent or trailing
// letters).
var shareNumber = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$`)

// ShareMilli reads a share typed as a fraction (0.667, 0,5) or a percent
// (66.7%) as thousandths; ok is false when it is neither ("0.5abc",
// "1e-1", "-0").
func ShareMilli(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if !shareNumber.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	if pct {
		f /= 100
	}
	if f < 0 || f > 1 {
		return 0, false
	}
	return int(math.Round(f * 1000)), true
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMADNoAllocation     = domain.NewRule("mad_no_allocation", domain.EINVALID, "the kecamatan has no allocation for %d")
	ruleMADKecamatanUnknown = domain.NewRule("mad_kecamatan_unknown", domain.ENOTFOUND, "no kecamatan %s")
	ruleMADNotMAD           = domain.NewRule("mad_not_mad", domain.EINVALID, "meeting %s is not a MAD Prioritas or Penetapan")
	ruleMADNotPenetapan     = domain.NewRule("mad_not_penetapan", domain.EINVALID, "meeting %s is not a MAD Penetapan")
	ruleMADUnranked         = domain.NewRule("mad_unranked", domain.EINVALID, "proposal %s is not ranked")
	ruleMADNotCandidate     = domain.NewRule("mad_not_candidate", domain.ECONFLICT, "the ranking names a proposal that does not reach the MAD (any more)")
	ruleMADCanceled         = domain.NewRule("mad_canceled", domain.EINVALID, "meeting %s was cancelled")
	ruleMADDecided          = domain.NewRule("mad_decided", domain.ECONFLICT, "the MAD Penetapan of %s was recorded already")
	ruleMADNoRanking        = domain.NewRule("mad_no_ranking", domain.EINVALID, "meeting %s has no ranking yet")
	ruleMADMovedMeanwhile   = domain.NewRule("mad_moved_meanwhile", domain.ECONFLICT, "proposal %s moved to %s meanwhile")
	ruleMADDelegateOutside  = domain.NewRule("mad_delegate_outside", domain.EINVALID, "desa %s is not of this kecamatan")
	ruleMADForwardFunded    = domain.NewRule("mad_forward_funded", domain.EINVALID, "proposal %s is not among the unfunded")
	// The ranking a Penetapan would fund was made under what has changed
	// since (checkRankingCurrent).
	ruleMADAllocationChanged = domain.NewRule("mad_allocation_changed", domain.ECONFLICT, "the allocation or its setting changed since the ranking")
	ruleMADBudgetChanged     = domain.NewRule("mad_budget_changed", domain.ECONFLICT, "the budget of %s changed since the ranking")
	ruleMADNewCandidates     = domain.NewRule("mad_new_candidates", domain.ECONFLICT, "the proposals reaching the MAD changed since the ranking (%s)")
	ruleMADAllocationDecided = domain.NewRule("mad_allocation_decided", domain.ECONFLICT, "the MAD Penetapan of %d was recorded: its allocation stays")
)
