package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// Kegiatan and complaints: a progress report is pushed to the kegiatan's
// followers and a complaint to the desa's facilitators, after the turn's
// replies; following a kegiatan is the sender's own.
var workEffects = []effect{
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.CreateReport) error {
		return a.turn.CreateReport(ctx, c.Report, c.Push, c.Post)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.Follow) error {
		return a.turn.Follow(ctx, c.KegiatanID)
	}),
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.CreateComplaint) error {
		_, err := a.turn.CreateComplaint(ctx, c.Complaint, c.ForFasilitator)
		return err
	}),
}
