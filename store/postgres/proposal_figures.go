package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// ProposalFigures are what the MAD ranks a proposal by, beside the Tim
// Verifikasi's verdict: its budget in whole Rupiah (required before the
// MAD ranks it), how many people benefit (jiwa: people, not households —
// the gagasan's households and poor households are counted in KK on the
// gagasan itself), and whether it came from the women's meeting (MKP).
// A nil field is not known yet; a nil FromMKP means "as the meetings say"
// (the gagasan was on an MKP's agenda: Proposal.OnMKPAgenda).
type ProposalFigures struct {
	Budget        *int64 `db:"budget"`
	Beneficiaries *int   `db:"beneficiaries"`
	FromMKP       *bool  `db:"from_mkp"`
}

// MaxBeneficiaries is the most people a proposal may say it serves: more
// than any kecamatan holds, so a slip of zeros is refused.
const MaxBeneficiaries = 1_000_000

// SetProposalFigures records a proposal's figures, written by a
// facilitator while the gagasan is at a stage with a written proposal
// (CheckProposalStage); nil fields are cleared. The budget of a proposal
// a MAD Penetapan decided on stays (ECONFLICT). Before the Penetapan a
// budget may still be corrected (the RAB revised): a ranking made with
// the old one is then out of date — its page says so and its Penetapan
// is refused until the ranking is saved again (checkRankingCurrent),
// which is computed each time rather than flagged, so no path can forget
// to flag it.
func (s *Store) SetProposalFigures(ctx context.Context, code string, f ProposalFigures) error {
	if f.Budget != nil && (*f.Budget <= 0 || *f.Budget > domain.MaxRupiah) {
		return ruleProposalBudget.Err()
	}
	if f.Beneficiaries != nil && (*f.Beneficiaries < 0 || *f.Beneficiaries > MaxBeneficiaries) {
		return ruleProposalBeneficiaries.Err(MaxBeneficiaries)
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		g, _, err := gagasanByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		// The proposal's row first (a MAD Penetapan holds it FOR SHARE
		// while it decides), then the stage and the decision as they are
		// once it is ours.
		var old []sql.NullInt64
		if err := tx.SelectContext(ctx, &old, `SELECT budget FROM proposals WHERE gagasan_id = $1 FOR UPDATE`, g.ID); err != nil {
			return fmt.Errorf("locking proposal: %w", err)
		}
		var now struct {
			Status  domain.Status `db:"status"`
			Decided bool          `db:"decided"`
		}
		if err := tx.GetContext(ctx, &now, `SELECT g.status, EXISTS (SELECT 1 FROM mad_items i JOIN mad_rankings r ON r.meeting_id = i.meeting_id
				WHERE i.gagasan_id = g.id AND r.decided_at IS NOT NULL) AS decided
			FROM gagasan g WHERE g.id = $1`, g.ID); err != nil {
			return fmt.Errorf("loading gagasan: %w", err)
		}
		if now.Decided && budgetChanges(old, f.Budget) {
			return ruleProposalBudgetDecided.Err(code)
		}
		if !proposalStages[now.Status] {
			return ruleProposalFiguresStage.Err(now.Status)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO proposals (gagasan_id, budget, beneficiaries, from_mkp) VALUES ($1, $2, $3, $4)
			ON CONFLICT (gagasan_id) DO UPDATE SET budget = $2, beneficiaries = $3, from_mkp = $4, updated_at = now()`,
			g.ID, f.Budget, f.Beneficiaries, f.FromMKP)
		if err != nil {
			return fmt.Errorf("recording proposal figures: %w", err)
		}
		return nil
	})
}

// budgetChanges tells whether writing budget over the proposal's (old:
// its row, none when it has no proposal yet) changes it.
func budgetChanges(old []sql.NullInt64, budget *int64) bool {
	was := sql.NullInt64{}
	if len(old) == 1 {
		was = old[0]
	}
	if budget == nil {
		return was.Valid
	}
	return !was.Valid || was.Int64 != *budget
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleProposalBudget        = domain.NewRule("proposal_budget", domain.EINVALID, "a proposal's budget is more than Rp 0 and at most Rp 10 triliun")
	ruleProposalBeneficiaries = domain.NewRule("proposal_beneficiaries", domain.EINVALID, "beneficiaries are between 0 and %d people")
	ruleProposalBudgetDecided = domain.NewRule("proposal_budget_decided", domain.ECONFLICT, "the MAD Penetapan decided on %s with its budget: it stays")
	ruleProposalFiguresStage  = domain.NewRule("proposal_figures_stage", domain.EINVALID, "a proposal's figures are written from USULAN_DESA until the MAD decides, not at %s")
)
