package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// QueuedMessage is an outbound message claimed for sending.
type QueuedMessage struct {
	ID        int64        `db:"id"`
	Channel   string       `db:"channel"`
	To        domain.Phone `db:"to_phone"`
	Text      string       `db:"text"`
	MediaPath *string      `db:"media_path"`
	MediaMime *string      `db:"media_mime"`
	Attempts  int          `db:"attempts"`
	Kind      string       `db:"kind"`
	CreatedAt time.Time    `db:"created_at"`
}

// Claim is a batch of outbound messages held for sending. Their rows stay
// locked in an open transaction until Finish records what became of them
// and commits: no other claim takes them meanwhile (FOR UPDATE SKIP
// LOCKED), and each row is written once when sent, not also when claimed.
// If the claimer dies, or holds them past the claim's hold time
// (idle_in_transaction_session_timeout), Postgres ends the transaction and
// the messages are free again; channels make a resend harmless by using
// our message id.
type Claim struct {
	tx       *sqlx.Tx
	db       *sqlx.DB
	channel  string
	Messages []QueuedMessage
}

// ClaimOutbound takes up to limit queued messages of a channel, replies
// first, and holds them for at most hold; it returns nil when none is due.
// Rows held by another claim are skipped, never sent twice; a reply whose
// earlier sibling to the same number is unsent (held elsewhere, or waiting
// for a retry) waits, so that a person reads a turn's replies in order.
// Rows an earlier version of the service left "sending" (it marked claimed
// rows so, with a lease) are taken once their lease lapsed.
//
// Its statements are short and each has one plan that is right whatever
// the table's statistics say. A single statement with the order check as
// a correlated subquery, planned from an empty table's statistics, checked
// every claimed row against every unsent row of the channel (0.9 s a
// claim under `make bench`).
func (s *Store) ClaimOutbound(ctx context.Context, channel string, limit int, hold time.Duration) (*Claim, error) {
	// The claim outlives a cancelled ctx: what was sent is still recorded.
	ctx = context.WithoutCancel(ctx)
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("claiming outbound: %w", err)
	}
	msgs, err := claimOn(ctx, tx, channel, limit, hold)
	if err != nil || len(msgs) == 0 {
		_ = tx.Rollback()
		if err != nil {
			return nil, fmt.Errorf("claiming outbound: %w", err)
		}
		return nil, nil
	}
	return &Claim{tx: tx, db: s.db, channel: channel, Messages: msgs}, nil
}

func claimOn(ctx context.Context, tx *sqlx.Tx, channel string, limit int, hold time.Duration) ([]QueuedMessage, error) {
	// The hold time is set in the same statement as the pick (the CTE is
	// evaluated once, before any row is locked).
	var cands []QueuedMessage
	err := tx.SelectContext(ctx, &cands, `
		WITH hold AS MATERIALIZED (SELECT set_config('idle_in_transaction_session_timeout', $3, true))
		SELECT o.id, o.channel, o.to_phone, o.text, o.attempts + 1 AS attempts, o.kind, o.created_at,
			m.path AS media_path, m.mime AS media_mime
		FROM hold, outbound_messages o LEFT JOIN media m ON m.id = o.media_id
		WHERE o.channel = $1 AND (
			(o.status = 'queued' AND o.next_attempt_at <= now()) OR
			(o.status = 'sending' AND o.lease_until < now()))
		ORDER BY o.priority DESC, o.id
		LIMIT $2
		FOR UPDATE OF o SKIP LOCKED`, channel, limit, strconv.FormatInt(max(hold.Milliseconds(), 1000), 10))
	if err != nil || len(cands) == 0 {
		return nil, err
	}
	ids := make([]int64, len(cands))
	var replyTo []string
	for i, c := range cands {
		ids[i] = c.ID
		if c.Kind == "reply" {
			replyTo = append(replyTo, string(c.To))
		}
	}
	if len(replyTo) == 0 {
		return cands, nil
	}
	// The earliest unsent reply to each of those numbers that is not in
	// this claim (another claim holds it, or it waits for a retry).
	var rows []struct {
		To string `db:"to_phone"`
		ID int64  `db:"id"`
	}
	err = tx.SelectContext(ctx, &rows, `
		SELECT to_phone, min(id) AS id FROM outbound_messages
		WHERE to_phone = ANY($1) AND channel = $2 AND kind = 'reply'
			AND status IN ('queued', 'sending') AND NOT (id = ANY($3))
		GROUP BY to_phone`, pq.Array(replyTo), channel, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	earliest := make(map[domain.Phone]int64, len(rows))
	for _, r := range rows {
		earliest[domain.Phone(r.To)] = r.ID
	}
	keep := cands[:0]
	for _, c := range cands {
		if e, ok := earliest[c.To]; c.Kind == "reply" && ok && e < c.ID {
			continue // held until the commit, then free for a later claim
		}
		keep = append(keep, c)
	}
	return keep, nil
}

// SendOutcome is what became of one claimed message.
type SendOutcome struct {
	ID    int64
	ExtID string
	Err   string
	// Retry is when to try again; zero with Err set means failed for good.
	Retry time.Time
	// Deferred: the channel asked to wait (a daily cap, a group's minute, a
	// ban) without trying; it counts no attempt.
	Deferred bool
}

// Finish records the outcomes of the claim's messages in one statement and
// ends the claim. Messages without an outcome stay queued as they were.
//
// A delivered, read or failed report that came while the claim was open
// matched no row (the channel's ids were not recorded yet) and was kept in
// outbound_receipts (MarkOutboundStatus, FailOutbound); once the ids are
// committed, Finish applies such receipts. It does so after the commit, so that one
// of the two always sees the other: a receipt that did not see the ids
// was kept before Finish looks for it. Should that last statement fail,
// the receipts stay kept and the next Purge applies them.
func (c *Claim) Finish(ctx context.Context, outcomes []SendOutcome) error {
	defer c.Release()
	ctx = context.WithoutCancel(ctx)
	if len(outcomes) > 0 {
		if err := finishOn(ctx, c.tx, outcomes); err != nil {
			return err
		}
	}
	if err := c.tx.Commit(); err != nil {
		return fmt.Errorf("finishing outbound: %w", err)
	}
	exts := make([]string, 0, len(outcomes))
	for _, o := range outcomes {
		if o.Err == "" && o.ExtID != "" {
			exts = append(exts, o.ExtID)
		}
	}
	if len(exts) > 0 {
		_, _ = c.db.ExecContext(ctx, applyReceipts("channel = $1 AND ext_id = ANY($2)"), c.channel, pq.Array(exts))
	}
	return nil
}

// applyReceipts is the statement that applies the kept receipts that
// where selects to their messages, as MarkOutboundStatus and FailOutbound
// would have, and forgets those receipts.
func applyReceipts(where string) string {
	return `WITH r AS (DELETE FROM outbound_receipts WHERE ` + where + ` RETURNING channel, ext_id, status, error)
		UPDATE outbound_messages o SET status = r.status, error = COALESCE(r.error, o.error), updated_at = now() FROM r
		WHERE o.channel = r.channel AND o.ext_id = r.ext_id
			AND (r.status = 'failed' OR o.status = 'sent' OR (o.status = 'delivered' AND r.status = 'read'))`
}

// Release ends the claim without recording anything: its messages are
// free again. It is safe after Finish.
func (c *Claim) Release() { _ = c.tx.Rollback() }

func finishOn(ctx context.Context, tx *sqlx.Tx, outcomes []SendOutcome) error {
	n := len(outcomes)
	ids, exts, errs, statuses := make([]int64, n), make([]string, n), make([]string, n), make([]string, n)
	retries := make([]time.Time, n)
	tried := make([]int, n)
	for i, o := range outcomes {
		ids[i], exts[i], errs[i] = o.ID, o.ExtID, o.Err
		if !o.Deferred {
			tried[i] = 1
		}
		switch {
		case o.Err == "":
			statuses[i] = "sent"
		case !o.Retry.IsZero():
			statuses[i] = "queued"
			retries[i] = o.Retry
		default:
			statuses[i] = "failed"
		}
		if retries[i].IsZero() {
			retries[i] = time.Now()
		}
	}
	// Sent messages get their place in the send order, in the order the
	// batch was sent (the outcomes' order); a sent group post is its
	// group's last post.
	_, err := tx.ExecContext(ctx, `
		WITH u AS (
			SELECT x.*, CASE WHEN x.status = 'sent' THEN nextval('outbound_sent_seq') END AS seq
			FROM (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[])
				WITH ORDINALITY AS x(id, status, ext, err, retry, tried, ord) ORDER BY ord) x
		)
		, s AS (
			UPDATE outbound_messages o SET status = u.status, ext_id = NULLIF(u.ext, ''), error = u.err,
				attempts = o.attempts + u.tried, next_attempt_at = u.retry, lease_until = NULL, updated_at = now(),
				sent_at = CASE WHEN u.status = 'sent' THEN now() ELSE o.sent_at END,
				sent_seq = COALESCE(o.sent_seq, u.seq)
			FROM u
			WHERE o.id = u.id AND o.status IN ('queued', 'sending')
			RETURNING o.to_group, u.status
		)
		-- A group's last post (the admin's groups page).
		UPDATE wa_groups g SET last_post_at = now() FROM s WHERE g.id = s.to_group AND s.status = 'sent'`,
		pq.Array(ids), pq.Array(statuses), pq.Array(exts), pq.Array(errs), pq.Array(retries), pq.Array(tried))
	if err != nil {
		return fmt.Errorf("finishing outbound: %w", err)
	}
	return nil
}

// SentMessage is a sent message as SentTo reads it for the simulator (which
// shows it in its own wire format); Seq is its place in the send order.
type SentMessage struct {
	Seq     int64     `db:"sent_seq"`
	To      string    `db:"to_phone"`
	Text    string    `db:"text"`
	MediaID *int64    `db:"media_id"`
	At      time.Time `db:"sent_at"`
}

// SentTo lists the messages sent on a channel to a number after seq, in
// the order they were sent.
func (s *Store) SentTo(ctx context.Context, channel string, to domain.Phone, after int64, limit int) ([]SentMessage, error) {
	out, err := s.SentToMany(ctx, channel, []SentQuery{{To: to, After: after}}, limit)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// SentQuery asks for the messages sent to one number after a seq.
type SentQuery struct {
	To    domain.Phone
	After int64
}

// SentToMany is SentTo for several numbers in one statement: the
// simulator's long polls woken together read their replies in one round
// trip instead of one each. Its answer is in the order of qs.
func (s *Store) SentToMany(ctx context.Context, channel string, qs []SentQuery, limit int) ([][]SentMessage, error) {
	out := make([][]SentMessage, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	tos := make([]string, len(qs))
	afters := make([]int64, len(qs))
	for i, q := range qs {
		tos[i], afters[i] = string(q.To), q.After
	}
	var rows []struct {
		Q int `db:"q"`
		SentMessage
	}
	err := s.db.SelectContext(ctx, &rows, `
		SELECT q.i - 1 AS q, o.sent_seq, o.to_phone, o.text, o.media_id, o.sent_at
		FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS q(to_phone, after, i)
		CROSS JOIN LATERAL (
			SELECT sent_seq, to_phone, text, media_id, COALESCE(sent_at, updated_at) AS sent_at FROM outbound_messages
			WHERE to_phone = q.to_phone AND sent_seq > q.after AND channel = $3
			ORDER BY sent_seq LIMIT $4) o
		ORDER BY q.i, o.sent_seq`, pq.Array(tos), pq.Array(afters), channel, limit)
	if err != nil {
		return nil, fmt.Errorf("listing sent messages: %w", err)
	}
	for _, r := range rows {
		if r.Q < 0 || r.Q >= len(qs) {
			return nil, fmt.Errorf("listing sent messages: row of query %d of %d", r.Q, len(qs))
		}
		out[r.Q] = append(out[r.Q], r.SentMessage)
	}
	for i := range out {
		if out[i] == nil {
			out[i] = []SentMessage{}
		}
	}
	return out, nil
}

// OutboundCounts counts outbound messages by status, for health and tests.
func (s *Store) OutboundCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM outbound_messages GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("counting outbound: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// MediaSentTo returns where a media file is stored, for serving it to the
// number a message of the channel carried it to, once sent; for anyone
// else, or a file no message carried, domain.ErrNotFound.
func (s *Store) MediaSentTo(ctx context.Context, id int64, channel string, to domain.Phone) (path, mime string, err error) {
	var row struct {
		Path string `db:"path"`
		Mime string `db:"mime"`
	}
	err = s.db.GetContext(ctx, &row, `SELECT path, mime FROM media m WHERE id = $1 AND EXISTS (
		SELECT 1 FROM outbound_messages o WHERE o.media_id = m.id AND o.to_phone = $2 AND o.channel = $3 AND o.sent_seq > 0)`,
		id, string(to), channel)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", domain.Errorf(domain.ENOTFOUND, "no media %d", id)
	}
	if err != nil {
		return "", "", fmt.Errorf("loading media: %w", err)
	}
	return row.Path, row.Mime, nil
}

// SetPreferredChannel pins the channel a person's pushes and broadcasts
// go on (a facilitator's choice, e.g. SMS for a resident whose WhatsApp is
// on a child's phone); "" unpins it, and the last channel written on rules
// again.
func (s *Store) SetPreferredChannel(ctx context.Context, phone domain.Phone, channel string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE contacts SET channel = CASE WHEN $2 = '' THEN channel ELSE $2 END,
		channel_pinned = $2 <> '', updated_at = now() WHERE phone = $1`, string(phone), channel)
	if err != nil {
		return fmt.Errorf("setting channel: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "no contact with number %s", phone)
	}
	return nil
}

// smsTargetSQL is the SMS channel a message of outbound_messages moves to
// (RerouteToSMS): the narrowest active scoped SMS gateway covering its
// contact's desa, else $1.
var smsTargetSQL = `coalesce((SELECT ` + narrowestKanalSQL("nama", "c.desa_kode", `kn.nama LIKE 'sms:%' AND kn.cakupan <> ''`) + `
	FROM contacts c WHERE c.id = outbound_messages.contact_id), $1)`

// RerouteToSMS moves to SMS the pushes and broadcasts that WhatsApp (or
// any non-SMS channel) could not deliver: failed for good, or due and still
// queued after waited (a channel down or not configured); and those another
// SMS gateway failed (a phone that cancelled them), once. Each goes to the
// narrowest active SMS gateway whose scope covers its contact's desa, or
// else to the SMS channel sms. A message the channel deferred on purpose
// (its daily cap, until tomorrow) is not due, and waits for WhatsApp.
// Replies stay where the person wrote. Messages older than maxAge are left
// alone (an invitation from last week is no longer news). It returns how
// many moved.
func (s *Store) RerouteToSMS(ctx context.Context, sms string, waited, maxAge time.Duration) (int64, error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE outbound_messages SET rerouted_from = channel, channel = `+smsTargetSQL+`, status = 'queued', attempts = 0,
			next_attempt_at = now(), lease_until = NULL, updated_at = now()
		WHERE kind IN ('push', 'broadcast') AND status IN ('queued', 'failed') AND rerouted_from IS NULL
			AND channel <> `+smsTargetSQL+` AND channel <> 'sim'
			AND created_at > now() - make_interval(secs => $3)
			AND (status = 'failed' OR (channel NOT LIKE 'sms:%' AND created_at < now() - make_interval(secs => $2) AND next_attempt_at <= now()))`,
		sms, waited.Seconds(), maxAge.Seconds())
	if err != nil {
		return 0, fmt.Errorf("rerouting to sms: %w", err)
	}
	return res.RowsAffected()
}

// QueueCount is a number of outbound messages of one channel, kind and status.
type QueueCount struct {
	Channel string `db:"channel"`
	Kind    string `db:"kind"`
	Status  string `db:"status"`
	N       int    `db:"n"`
}

// QueueCounts counts the outbound messages of the last day, and every one
// still queued or sending, by channel, kind and status (for /metrics).
func (s *Store) QueueCounts(ctx context.Context) ([]QueueCount, error) {
	var out []QueueCount
	err := s.db.SelectContext(ctx, &out, `SELECT channel, kind, status, count(*) AS n FROM outbound_messages
		WHERE status IN ('queued', 'sending') OR created_at > now() - interval '1 day'
		GROUP BY channel, kind, status`)
	if err != nil {
		return nil, fmt.Errorf("counting outbound: %w", err)
	}
	return out, nil
}
