package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/suara"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Reminders sends meeting reminders when they come due, and closes each
// suara warga at its time (postgres.CloseDueVotes). The reminders are
// rows written with the meeting, so they survive restarts; each is taken
// with SKIP LOCKED and marked done in the transaction that queues its
// messages, so two processes send it once.
//
// A job library (River) was considered: it would add its own schema and
// workers for what is one table and one query here.
type Reminders struct {
	Store *postgres.Store
	Log   *slog.Logger
	// Wake tells the dispatcher that messages were queued.
	Wake func()
	// Every is how often due reminders are looked for (default 30 s).
	Every time.Duration
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time
	// MinPublicCount is PUBLIC_MIN_COUNT, the board's minimum, which the
	// vote's result sent to the KPMD splits by gender with too (0: the
	// default, domain.PublicMin).
	MinPublicCount int
}

// RunOnce sends the reminders due now and closes the suara warga due now;
// it returns how many of both.
func (r *Reminders) RunOnce(ctx context.Context) (int, error) {
	now := time.Now()
	if r.Now != nil {
		now = r.Now()
	}
	n, err := r.Store.SendDueReminders(ctx, now, func(m domain.Meeting, kind string) postgres.Texts {
		return flows.ReminderTexts(m, kind)
	}, func(m domain.Meeting, kind string) postgres.Texts {
		return flows.GroupReminderTexts(m, kind)
	})
	// Suara warga that came due are closed on the same schedule, whether
	// or not the reminders failed: each counted once and its result
	// pushed to the KPMD.
	closed, cerr := r.Store.CloseDueVotesPosting(ctx, now, func(v domain.Vote, res domain.VoteResult) postgres.Texts {
		return suara.ResultTexts(v, res, r.MinPublicCount)
	}, func(v domain.Vote, res domain.VoteResult) postgres.Texts {
		return suara.GroupResultTexts(v, res)
	})
	n += closed
	err = errors.Join(err, cerr)
	if n > 0 && r.Wake != nil {
		r.Wake()
	}
	return n, err
}

// Run sends due reminders until ctx ends.
func (r *Reminders) Run(ctx context.Context) {
	repeat(ctx, r.Every, 30*time.Second, func() {
		if n, err := r.RunOnce(ctx); err != nil {
			r.Log.Warn("reminders", "err", err)
		} else if n > 0 {
			r.Log.Info("reminders sent", "meetings", n)
		}
	})
}

// repeat calls fn now and then every interval (def when interval is not
// set) until ctx ends.
func repeat(ctx context.Context, every, def time.Duration, fn func()) {
	if every <= 0 {
		every = def
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		fn()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
