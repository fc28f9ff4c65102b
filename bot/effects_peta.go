package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The social map. A change refused by a rule the flow already checked (an
// item another KPMD removed a moment before) lets the turn commit.
var petaEffects = []effect{
	effectOf(personal, func(ctx context.Context, a applying, c flow.AddMapItem) error {
		return refusedIsDone(a.turn.AddMapItem(ctx, c.Item, c.Suggest))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.ChangeMapItem) error {
		return refusedIsDone(a.turn.ChangeMapItem(ctx, postgres.MapItemChange(c)))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.AddCriterion) error {
		return refusedIsDone(a.turn.AddCriterion(ctx, c.DusunID, c.Level, c.Text))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.RemoveCriterion) error {
		return refusedIsDone(a.turn.RemoveCriterion(ctx, c.DusunID, c.ID))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetRTMCount) error {
		return refusedIsDone(a.turn.SetRTMCount(ctx, c.Count))
	}),
}
