package bot

import (
	"context"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// The person: consent, registration, language, opting out, deletion.
var personEffects = []effect{
	effectOf(personal, func(ctx context.Context, a applying, _ flow.GiveConsent) error {
		return a.turn.GiveConsent(ctx, a.in.From, a.in.Channel)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.Register) error {
		return a.turn.Register(ctx, c.Name, c.DesaKode, c.DusunID, c.Gender)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetLang) error {
		return a.turn.SetLang(ctx, c.Lang)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.SetOptOut) error {
		return a.turn.SetOptOut(ctx, c.Out)
	}),
	effectOf(personal, func(ctx context.Context, a applying, c flow.DeleteContact) error {
		return a.turn.DeleteContact(ctx, c.KeepText)
	}),
	// A relative's number asked to stop hearing of the gagasan filed for
	// a resident: the number that wrote is forgotten.
	effectOf(personal, func(ctx context.Context, a applying, _ flow.ForgetNumber) error {
		return a.turn.ForgetNumber(ctx, a.in.From)
	}),
}
