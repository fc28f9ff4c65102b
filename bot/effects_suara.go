package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Suara warga: opening a vote sends its ballot to the meeting's whole
// audience, so it runs after the turn's replies; a ballot is the sender's
// own. A vote opened meanwhile by another KPMD (told so), or a ballot that came
// after the closing (the flow checked both a moment before), lets the turn
// commit: retrying the message would not help; a ballot refused as closed
// is told so instead of the flow's "tercatat".
var suaraEffects = []effect{
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.OpenVote) error {
		_, err := a.turn.OpenVote(ctx, c.MeetingID, c.ClosesAt, c.Items, c.Ballot)
		if domain.ErrorCodeOf(err) == domain.ECONFLICT {
			// Opened by another KPMD a moment before: say so after the
			// "sedang dikirim" already queued.
			if c.Exists != "" && a.followUp != nil {
				return a.followUp(ctx, c.Exists)
			}
			return nil
		}
		return err
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.CastBallot) error {
		err := a.turn.CastBallot(ctx, c.VoteID, c.Choices, c.At)
		if domain.ErrorCodeOf(err) == domain.ECONFLICT {
			// Closed between the flow's check and the store's: not "tercatat".
			if c.Closed != "" && a.replies != nil {
				*a.replies = []flow.Reply{{Text: c.Closed}}
			}
			return nil
		}
		return refusedIsDone(err)
	}),
}
