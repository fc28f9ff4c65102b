package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Gagasan: sending one, adding its detail, withdrawing it, and telling a
// relative's number its code.
var gagasanEffects = []effect{
	effectOf(personal, func(ctx context.Context, a applying, c flow.CreateGagasan) error {
		return a.turn.CreateGagasan(ctx, c.Gagasan)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.UpdateGagasanDetail) error {
		return a.turn.UpdateGagasanDetail(ctx, postgres.GagasanDetail(c))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.AddGagasanText) error {
		return a.turn.AddGagasanText(ctx, c.Code, c.Text)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.AttachGagasanPhoto) error {
		return a.turn.AttachGagasanPhoto(ctx, c.Code, c.PhotoID)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.WithdrawGagasan) error {
		return refusedIsDone(a.turn.WithdrawGagasan(ctx, c.Code))
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.NotifyNumber) error {
		_, err := a.turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: c.Channel, To: c.Phone, Text: c.Text,
			Kind: "push", Priority: postgres.PriorityPush}})
		return err
	}),
}
