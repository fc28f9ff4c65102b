package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Retention purges, once an hour, what the retention periods no longer
// allow: old message texts, and files that belong to no record.
type Retention struct {
	Store   *postgres.Store
	Media   *media.Local
	Log     *slog.Logger
	Periods postgres.Retention
	Every   time.Duration
}

// RunOnce purges now.
func (r *Retention) RunOnce(ctx context.Context) (postgres.PurgeResult, error) {
	res, err := r.Store.Purge(ctx, r.Periods, time.Now())
	if err != nil {
		return res, err
	}
	for _, p := range res.MediaPaths {
		if err := r.Media.Remove(p); err != nil {
			r.Log.Warn("removing purged file", "err", err)
		}
	}
	return res, nil
}

// Run purges until ctx ends.
func (r *Retention) Run(ctx context.Context) {
	repeat(ctx, r.Every, time.Hour, func() {
		res, err := r.RunOnce(ctx)
		if err != nil {
			r.Log.Warn("retention", "err", err)
			return
		}
		if res.Inbound+res.Outbound+res.Forgotten+res.GroupMembers > 0 || len(res.MediaPaths) > 0 {
			r.Log.Info("retention purge", "inbound_texts", res.Inbound, "outbound_texts", res.Outbound, "forgotten_replies", res.Forgotten,
				"left_group_members", res.GroupMembers, "files", len(res.MediaPaths))
		}
	})
}
