package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// ReleaseGroupPosts queues, instead of a post into a group that failed for
// good (only admins may post, the number is no longer in the group, no
// channel can post into groups) or that is still queued after waited, the
// personal copies it stood in for (group_post_copies): the invitation, the
// move, the cancellation or the reminder, to each invitee the post was to
// reach, on their own channel as the fan-out would have sent it. Each post
// is released in one statement: its copies are queued, a post still
// queued is failed (it must not come after them), an invitation's
// invitees lose by_group and get the personal message as their
// invitation's, and the post is settled. Copies of a meeting that has
// begun, or was cancelled (but for the notice of it), are not sent. Posts
// that were sent are settled with nothing to do. The SMS fallback round
// runs it (bot.Fallback) before rerouting, so that copies that WhatsApp
// cannot deliver go on to SMS like any push. It returns how many copies it
// queued.
func (s *Store) ReleaseGroupPosts(ctx context.Context, waited time.Duration) (int64, error) {
	var total int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE group_post_copies c SET settled_at = now() FROM outbound_messages o
			WHERE o.id = c.post_id AND c.settled_at IS NULL AND o.status IN ('sent', 'delivered', 'read')
				AND o.created_at < now() - make_interval(secs => $1)`, waited.Seconds()); err != nil {
			return fmt.Errorf("settling group posts: %w", err)
		}
		// The posts to release, held: a dispatcher's claim skips them, and
		// one it holds is skipped here.
		var due []int64
		if err := tx.SelectContext(ctx, &due, `SELECT c.post_id FROM group_post_copies c JOIN outbound_messages o ON o.id = c.post_id
			WHERE c.settled_at IS NULL AND (o.status = 'failed' OR (o.status = 'queued'
				AND o.created_at < now() - make_interval(secs => $1) AND o.next_attempt_at <= now()))
			ORDER BY c.post_id
			FOR UPDATE OF o, c SKIP LOCKED`, waited.Seconds()); err != nil {
			return fmt.Errorf("finding failed group posts: %w", err)
		}
		for _, id := range due {
			var n int64
			if err := tx.GetContext(ctx, &n, releaseGroupPostSQL, id); err != nil {
				return fmt.Errorf("releasing group post %d: %w", id, err)
			}
			total += n
		}
		return nil
	})
	return total, err
}

// releaseGroupPostSQL releases post $1 (ReleaseGroupPosts).
var releaseGroupPostSQL = `
	WITH c AS (UPDATE group_post_copies SET settled_at = now() WHERE post_id = $1 RETURNING *),
	p AS (
		UPDATE outbound_messages o SET status = 'failed', updated_at = now(),
			error = CASE WHEN o.status = 'queued' THEN 'not posted in time: personal copies sent instead' ELSE o.error END
		WHERE o.id = $1 RETURNING o.to_group
	),
	r AS (
		SELECT x.id, x.phone, x.name, x.gender, x.channel, c.kind, c.priority,
			` + localizedIn("c.text", `COALESCE(NULLIF(x.lang, ''), d.lang, 'id')`) + ` AS text
		FROM c JOIN meetings m ON m.id = c.meeting_id
			JOIN invitations i ON i.meeting_id = c.meeting_id
			JOIN (SELECT c.id, c.phone, c.name, c.gender, c.lang, c.desa_kode, c.wants_personal, c.opted_out_at, ` + pushChannelSQL("c") + ` AS channel
				FROM contacts c) x ON x.id = i.contact_id
			LEFT JOIN desa d ON d.kode = x.desa_kode
		WHERE m.starts_at > now() AND (m.status = 'DIJADWALKAN' OR c.kind = 'push')
			AND x.opted_out_at IS NULL AND x.channel <> '' AND NOT (c.skip_tidak AND i.rsvp = 'TIDAK')
			AND CASE WHEN c.invitation THEN i.by_group AND i.group_post = $1
				ELSE NOT x.wants_personal AND x.channel NOT LIKE 'sms:%' AND EXISTS (
					SELECT 1 FROM p JOIN wa_group_members gm ON gm.group_id = p.to_group WHERE gm.phone = x.phone) END
	),
	o AS (
		INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
		SELECT r.channel, r.phone, r.id, ` + personalSQL("r.text", "r.name", "r.gender") + `, r.kind, r.priority FROM r
		RETURNING id, contact_id
	),
	iu AS (
		UPDATE invitations i SET outbound_id = o.id, by_group = false, group_post = NULL
		FROM o, c WHERE c.invitation AND i.meeting_id = c.meeting_id AND i.contact_id = o.contact_id
	)
	SELECT count(*) FROM o`
