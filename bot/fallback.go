package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// Fallback moves to SMS the pushes and broadcasts WhatsApp could not
// deliver: failed for good (a number not on WhatsApp, a banned or
// logged-out sender), or still waiting after After (WhatsApp not
// configured, or down); and those another SMS gateway failed or its phone
// cancelled. One UPDATE per round; a message moves once.
//
// Before that, each round queues the personal copies that a post into a
// WhatsApp group stood in for, when the post failed for good or waited
// longer than After (postgres.ReleaseGroupPosts): this round is the one
// place that sees a post fail however it failed (the sender's outcome, a
// failed receipt later, no channel able to post into groups) and the post
// that never leaves the queue. It runs without an SMS channel too (Channel
// "": nothing is rerouted).
type Fallback struct {
	Store *postgres.Store
	Log   *slog.Logger
	// Channel is the SMS channel that takes them ("sms:NAME"); "" for
	// none (only group posts are released).
	Channel string
	// After is how long a message may wait on WhatsApp (default 1 h).
	After time.Duration
	// MaxAge leaves older messages alone (default 48 h).
	MaxAge time.Duration
	// Every is how often to look (default 1 minute).
	Every time.Duration
	// Wake tells the dispatcher that the SMS channel has messages.
	Wake func(channel string)
	// WakeAll tells every worker (personal copies of group posts).
	WakeAll func()
}

// RunOnce reroutes what is due now; it returns how many moved.
func (f *Fallback) RunOnce(ctx context.Context) (int64, error) {
	after, maxAge := f.After, f.MaxAge
	if after <= 0 {
		after = time.Hour
	}
	if maxAge <= 0 {
		maxAge = 48 * time.Hour
	}
	// A release that fails is logged and the SMS fallback still runs: one
	// bad group post must not hold every stuck push on a dead number.
	copies, relErr := f.Store.ReleaseGroupPosts(ctx, after)
	if relErr != nil && f.Log != nil {
		f.Log.Warn("releasing failed group posts", "err", relErr)
	}
	if copies > 0 {
		if f.Log != nil {
			f.Log.Info("group posts failed: personal copies queued", "messages", copies)
		}
		if f.WakeAll != nil {
			f.WakeAll()
		}
	}
	if f.Channel == "" {
		return copies, relErr
	}
	n, err := f.Store.RerouteToSMS(ctx, f.Channel, after, maxAge)
	if n > 0 && f.Wake != nil {
		f.Wake(f.Channel)
	}
	if err == nil {
		err = relErr
	}
	return copies + n, err
}

// Run reroutes until ctx ends.
func (f *Fallback) Run(ctx context.Context) {
	repeat(ctx, f.Every, time.Minute, func() {
		if n, err := f.RunOnce(ctx); err != nil {
			f.Log.Warn("sms fallback", "err", err)
		} else if n > 0 {
			f.Log.Info("messages rerouted to sms", "channel", f.Channel, "messages", n)
		}
	})
}
