package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ReleaseGroupPosts queues, instead of a post into a group that failed for
// good (only admins may post, the number is no longer in the group, no
// channel can post into groups) or that is still queued after waited, the
// personal copies it stood in for (group_post_copies): the invitation, the
// move, the cancellation or the reminder, to each invitee the post was to
// reach, on their own channel as the fan-out would have sent it. The due
// posts of one fan-out (one notice into several groups) are released
// together in one statement: their copies are queued, a post still queued
// is failed (it must not come after them), an invitation's invitees lose
// by_group and get the personal message as their invitation's, and the
// posts are settled. An invitee gets one copy per fan-out, and only once
// every post of it they are a member of failed: none if one was sent,
// later if one is still queued. A copy goes only while the meeting has not
// begun and is as the notice found it (time, place, status): not an
// invitation of a meeting moved since (the move's copy reaches them), nor
// anything but the cancellation of a cancelled one. Posts that were sent
// are settled with nothing to do. The SMS fallback round runs it
// (bot.Fallback) before rerouting, so that copies that WhatsApp cannot
// deliver go on to SMS like any push. It returns how many copies it
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
		var due []struct {
			Post   int64 `db:"post_id"`
			FanOut int64 `db:"fanout"`
		}
		if err := tx.SelectContext(ctx, &due, `SELECT c.post_id, c.fanout FROM group_post_copies c JOIN outbound_messages o ON o.id = c.post_id
			WHERE c.settled_at IS NULL AND (o.status = 'failed' OR (o.status = 'queued'
				AND o.created_at < now() - make_interval(secs => $1) AND o.next_attempt_at <= now()))
			ORDER BY c.fanout, c.post_id
			FOR UPDATE OF o, c SKIP LOCKED`, waited.Seconds()); err != nil {
			return fmt.Errorf("finding failed group posts: %w", err)
		}
		for len(due) > 0 {
			var posts []int64
			for _, d := range due {
				if d.FanOut == due[0].FanOut {
					posts = append(posts, d.Post)
				}
			}
			var n int64
			if err := tx.GetContext(ctx, &n, releaseGroupPostSQL, due[0].FanOut, pq.Array(posts)); err != nil {
				return fmt.Errorf("releasing group posts %v: %w", posts, err)
			}
			total += n
			due = due[len(posts):]
		}
		return nil
	})
	return total, err
}

// releaseGroupPostSQL releases the posts $2 of fan-out $1
// (ReleaseGroupPosts). mine: per phone in a group of the fan-out, whether
// every post of it they are in failed or is released now, and whether one
// is released now.
var releaseGroupPostSQL = `
	WITH c AS (UPDATE group_post_copies SET settled_at = now() WHERE post_id = ANY($2::bigint[]) RETURNING post_id),
	p AS (
		UPDATE outbound_messages o SET status = 'failed', updated_at = now(),
			error = CASE WHEN o.status = 'queued' THEN 'not posted in time: personal copies sent instead' ELSE o.error END
		WHERE o.id IN (SELECT post_id FROM c) RETURNING o.id
	),
	f AS (SELECT * FROM group_post_copies WHERE fanout = $1 ORDER BY post_id LIMIT 1),
	mine AS (
		SELECT gm.phone, bool_and(k.post_id = ANY($2) OR o.status = 'failed') AS all_failed, bool_or(k.post_id = ANY($2)) AS due
		FROM group_post_copies k JOIN outbound_messages o ON o.id = k.post_id JOIN wa_group_members gm ON gm.group_id = o.to_group
		WHERE k.fanout = $1 GROUP BY gm.phone
	),
	r AS (
		SELECT x.id, x.phone, x.name, x.gender, x.channel, f.kind, f.priority,
			` + localizedAnswerIn("f.text", `COALESCE(NULLIF(x.lang, ''), d.lang, 'id')`, "i.rsvp") + ` AS text
		FROM f JOIN meetings m ON m.id = f.meeting_id
			JOIN invitations i ON i.meeting_id = f.meeting_id
			JOIN (SELECT c.id, c.phone, c.name, c.gender, c.lang, c.desa_kode, c.wants_personal, c.opted_out_at, ` + pushChannelSQL("c") + ` AS channel
				FROM contacts c) x ON x.id = i.contact_id
			LEFT JOIN desa d ON d.kode = x.desa_kode
			LEFT JOIN mine ON mine.phone = x.phone
		WHERE m.starts_at > now() AND m.status = f.status AND m.starts_at = f.starts_at AND m.place = f.place
			AND x.opted_out_at IS NULL AND x.channel <> '' AND NOT (f.skip_tidak AND i.rsvp = 'TIDAK')
			AND COALESCE(mine.all_failed, true)
			AND CASE WHEN f.invitation THEN i.by_group
					AND i.group_post IN (SELECT post_id FROM group_post_copies WHERE fanout = $1)
					AND (mine.due OR (mine.phone IS NULL AND i.group_post = ANY($2)))
				ELSE NOT x.wants_personal AND x.channel NOT LIKE 'sms:%' AND mine.due END
	),
	o AS (
		INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
		SELECT r.channel, r.phone, r.id, ` + personalSQL("r.text", "r.name", "r.gender") + `, r.kind, r.priority FROM r
		RETURNING id, contact_id
	),
	iu AS (
		UPDATE invitations i SET outbound_id = o.id, by_group = false, group_post = NULL
		FROM o, f WHERE f.invitation AND i.meeting_id = f.meeting_id AND i.contact_id = o.contact_id
	)
	SELECT count(*) FROM o`
