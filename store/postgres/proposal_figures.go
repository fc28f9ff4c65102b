package postgres

import (
	"context"
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
// (CheckProposalStage); nil fields are cleared.
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
		if !proposalStages[g.Status] {
			return ruleProposalFiguresStage.Err(g.Status)
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

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleProposalBudget        = domain.NewRule("proposal_budget", domain.EINVALID, "a proposal's budget is more than Rp 0 and at most Rp 10 triliun")
	ruleProposalBeneficiaries = domain.NewRule("proposal_beneficiaries", domain.EINVALID, "beneficiaries are between 0 and %d people")
	ruleProposalFiguresStage  = domain.NewRule("proposal_figures_stage", domain.EINVALID, "a proposal's figures are written from USULAN_DESA until the MAD decides, not at %s")
)
