package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Retention is how long what is no longer needed is kept.
type Retention struct {
	// Messages: the texts of inbound and outbound messages older than this
	// are emptied; the rows stay (dedupe, counts), without content.
	Messages time.Duration
	// Media: files older than this that belong to no record (a photo sent
	// in a conversation that did not keep it) are forgotten.
	Media time.Duration
}

// LeftGroupKeep is how long the members of a group the number left are
// kept (whatever the periods): a group the number is added to again soon is
// read again anyway; after that its members' numbers serve nothing.
const LeftGroupKeep = 30 * 24 * time.Hour

// PurgeResult counts what a purge removed.
type PurgeResult struct {
	Inbound, Outbound int64
	// Forgotten counts replies to deleted contacts emptied after sending.
	Forgotten int64
	// GroupMembers counts members dropped of groups left LeftGroupKeep ago.
	GroupMembers int64
	// MediaPaths are the files whose last record was removed: the caller
	// deletes them from the media store.
	MediaPaths []string
}

// Purge applies the retention periods once, in one transaction.
func (s *Store) Purge(ctx context.Context, r Retention, now time.Time) (PurgeResult, error) {
	var res PurgeResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Whatever the periods: the last replies to a person who deleted
		// their data, an hour after they were sent.
		f, err := tx.ExecContext(ctx, `UPDATE outbound_messages SET to_phone = '', text = '', contact_id = NULL, forget = false
			WHERE forget AND status NOT IN ('queued', 'sending') AND updated_at < $1`, now.Add(-time.Hour))
		if err != nil {
			return fmt.Errorf("forgetting replies: %w", err)
		}
		res.Forgotten, _ = f.RowsAffected()
		// Receipts kept for a message whose id was recorded since (a
		// Finish that could not apply them), then those of messages that
		// are not ours (sent from the phone itself), after a day.
		if _, err := tx.ExecContext(ctx, applyReceipts(`EXISTS (SELECT 1 FROM outbound_messages o
			WHERE o.channel = outbound_receipts.channel AND o.ext_id = outbound_receipts.ext_id)`)); err != nil {
			return fmt.Errorf("applying kept receipts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbound_receipts WHERE received_at < $1`, now.Add(-24*time.Hour)); err != nil {
			return fmt.Errorf("purging kept receipts: %w", err)
		}
		// Members of groups the number left a month ago: numbers, mostly
		// of people who never wrote to the service.
		gm, err := tx.ExecContext(ctx, `DELETE FROM wa_group_members m USING wa_groups g
			WHERE g.id = m.group_id AND g.left_at < $1`, now.Add(-LeftGroupKeep))
		if err != nil {
			return fmt.Errorf("purging members of left groups: %w", err)
		}
		res.GroupMembers, _ = gm.RowsAffected()
		if r.Messages > 0 {
			cut := now.Add(-r.Messages)
			in, err := tx.ExecContext(ctx, `UPDATE inbound_messages SET text = NULL WHERE received_at < $1 AND text IS NOT NULL`, cut)
			if err != nil {
				return fmt.Errorf("purging inbound texts: %w", err)
			}
			res.Inbound, _ = in.RowsAffected()
			out, err := tx.ExecContext(ctx, `UPDATE outbound_messages SET text = '' WHERE created_at < $1 AND text <> ''
				AND status NOT IN ('queued', 'sending')`, cut)
			if err != nil {
				return fmt.Errorf("purging outbound texts: %w", err)
			}
			res.Outbound, _ = out.RowsAffected()
		}
		// Media of a person who deleted their data goes whatever the
		// period (forget); other media when older than it.
		cut := time.Time{}
		if r.Media > 0 {
			cut = now.Add(-r.Media)
		}
		err = tx.SelectContext(ctx, &res.MediaPaths, `
				WITH gone AS (
					DELETE FROM media m WHERE (m.created_at < $1 OR m.forget)
						AND NOT EXISTS (SELECT 1 FROM gagasan g WHERE g.photo_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM voice_notes v WHERE v.media_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.media_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.photo_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM proposal_files f WHERE f.media_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM map_items i WHERE i.photo_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM meeting_ba_photos b WHERE b.media_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM meetings b WHERE b.ba_media_id = m.id)
						AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.media_id = m.id AND o.status IN ('queued', 'sending'))
					RETURNING m.id, m.path
				)
				SELECT DISTINCT g.path FROM gone g
				WHERE NOT EXISTS (SELECT 1 FROM media m2 WHERE m2.path = g.path AND m2.id NOT IN (SELECT id FROM gone))`, cut)
		if err != nil {
			return fmt.Errorf("purging media: %w", err)
		}
		return nil
	})
	return res, err
}
