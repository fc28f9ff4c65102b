package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Meetings: an invitation, a move and a cancellation reach every invitee
// and an outcome tells each decided gagasan's sender, so they run after
// the turn's replies; an answer to an invitation is the sender's own.
var meetingEffects = []effect{
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.CreateMeeting) error {
		_, err := a.turn.CreateMeeting(ctx, c.Meeting, c.Agenda, c.Invite, c.Post, a.reminders)
		return err
	}),
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.MoveMeeting) error {
		return a.turn.MoveMeeting(ctx, c.MeetingID, c.At, c.Place, c.Notice, c.Post, a.reminders)
	}),
	effectOf(fanOut, func(ctx context.Context, a applying, c flow.CancelMeeting) error {
		return a.turn.CancelMeeting(ctx, c.MeetingID, c.Notice, c.Post)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetRSVP) error {
		return refusedIsDone(a.turn.SetRSVP(ctx, c.MeetingID, c.Answer))
	}),
	effectOf(fanOut, recordOutcome),
	// The berita acara's photo is the sender's own: refused only when the
	// meeting was cancelled since the flow read it.
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetBAPhoto) error {
		return refusedIsDone(a.turn.SetBAPhoto(ctx, c.MeetingID, c.MediaID, c.At, c.Page))
	}),
}

// recordOutcome stores a meeting's attendance and moves each decided
// gagasan, telling its sender, in the turn's transaction. A decision the
// stage rule refuses (the gagasan moved meanwhile) is skipped: the flow
// checked it, and retrying the message would not help.
func recordOutcome(ctx context.Context, a applying, c flow.RecordOutcome) error {
	by := "KPMD"
	if k := a.turn.Contact(); k != nil {
		by = "KPMD " + k.Name
	}
	o := postgres.Outcome{MeetingID: c.MeetingID, Attended: c.Attended, Women: c.Women, By: by,
		Notice: flows.StatusChangedText, SkipRefused: true, Post: c.Post}
	for _, d := range c.Decisions {
		o.Decisions = append(o.Decisions, postgres.Decision(d))
	}
	return a.turn.RecordOutcome(ctx, o)
}
