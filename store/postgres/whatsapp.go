package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// SaveLID records that a WhatsApp LID belongs to a phone number.
func (s *Store) SaveLID(ctx context.Context, lid string, phone domain.Phone) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO wa_lid_map (lid, phone) VALUES ($1, $2)
		ON CONFLICT (lid) DO UPDATE SET phone = EXCLUDED.phone, updated_at = now()`, lid, string(phone))
	if err != nil {
		return fmt.Errorf("saving lid: %w", err)
	}
	return nil
}

// PhoneForLID returns the number of a LID, or domain.ErrNotFound.
func (s *Store) PhoneForLID(ctx context.Context, lid string) (domain.Phone, error) {
	var phone string
	err := s.db.GetContext(ctx, &phone, `SELECT phone FROM wa_lid_map WHERE lid = $1`, lid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", domain.Errorf(domain.ENOTFOUND, "unknown lid")
	}
	if err != nil {
		return "", fmt.Errorf("loading lid: %w", err)
	}
	return domain.Phone(phone), nil
}

// LIDForPhone returns the LID a number last wrote from, or "".
func (s *Store) LIDForPhone(ctx context.Context, phone domain.Phone) (string, error) {
	var lid string
	err := s.db.GetContext(ctx, &lid, `SELECT lid FROM wa_lid_map WHERE phone = $1 ORDER BY updated_at DESC LIMIT 1`, string(phone))
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("loading lid: %w", err)
	}
	return lid, nil
}

// PendingLIDMessage is a message kept until its sender's number is known.
type PendingLIDMessage struct {
	ExtID string `db:"ext_id"`
	Text  string `db:"text"`
}

// HoldForLID keeps a message from an unknown LID and queues the question
// that asks for the number (to the LID's chat), once per LID and message.
// It reports whether the message was new.
func (s *Store) HoldForLID(ctx context.Context, channel, lid, extID, text, question string) (bool, error) {
	fresh := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO wa_pending (channel, lid, ext_id, text) VALUES ($1, $2, $3, $4)
			ON CONFLICT (channel, ext_id) DO NOTHING`, channel, lid, extID, text)
		if err != nil {
			return fmt.Errorf("holding message: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		fresh = true
		_, err = queueOutbound(ctx, tx, []Outbound{{Channel: channel, To: domain.Phone(lid), Text: question, Kind: "reply", Priority: PriorityReply}})
		return err
	})
	return fresh, err
}

// TakePendingLID removes and returns the messages held for a LID, oldest first.
func (s *Store) TakePendingLID(ctx context.Context, channel, lid string) ([]PendingLIDMessage, error) {
	var out []PendingLIDMessage
	err := s.db.SelectContext(ctx, &out, `DELETE FROM wa_pending WHERE channel = $1 AND lid = $2 RETURNING ext_id, text`, channel, lid)
	if err != nil {
		return nil, fmt.Errorf("taking held messages: %w", err)
	}
	return out, nil
}

// MarkOutboundStatus moves sent messages forward to delivered or read by
// the channel's ids; a status never goes back. It returns how many rows
// moved. A receipt for an id no message carries yet is kept until the
// claim sending it records it (byExtID).
func (s *Store) MarkOutboundStatus(ctx context.Context, channel string, extIDs []string, status string) (int64, error) {
	if status != "delivered" && status != "read" {
		return 0, domain.Errorf(domain.EINVALID, "status %q", status)
	}
	n, err := s.byExtID(ctx, channel, extIDs, status, "", `UPDATE outbound_messages SET status = $3, updated_at = now()
		WHERE channel = $1 AND ext_id = ANY($2) AND (status = 'sent' OR (status = 'delivered' AND $3 = 'read'))`, status)
	if err != nil {
		return n, fmt.Errorf("updating outbound status: %w", err)
	}
	return n, nil
}

// byExtID runs update ($1 the channel, $2 the ids, then args) for a
// channel's report on messages it sent. A report can come before its
// message's id is recorded: a claim records its ids when it ends (after
// its batch, or a paced claim's last send). A report for an id no message
// carries yet is kept in outbound_receipts, and update runs again for
// those ids; Claim.Finish applies kept reports after its commit. So one of
// the two always sees the other: either the second update sees the
// committed id, or Finish, which looks after its commit, sees the report
// kept before that update. Reports of messages that are not ours stay
// kept for a day (Purge).
func (s *Store) byExtID(ctx context.Context, channel string, extIDs []string, status, reason, update string, args ...any) (int64, error) {
	run := func(ids []string) (int64, []string, error) {
		var res struct {
			N       int64          `db:"n"`
			Unknown pq.StringArray `db:"unknown"`
		}
		err := s.db.GetContext(ctx, &res, `WITH u AS (`+update+` RETURNING 1)
			SELECT (SELECT count(*) FROM u) AS n, ARRAY(SELECT x FROM unnest($2::text[]) x
				WHERE NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.channel = $1 AND o.ext_id = x)) AS unknown`,
			append([]any{channel, pq.Array(ids)}, args...)...)
		return res.N, res.Unknown, err
	}
	n, unknown, err := run(extIDs)
	if err != nil || len(unknown) == 0 {
		return n, err
	}
	// Of two reports on one message, failed outranks read, read delivered.
	_, err = s.db.ExecContext(ctx, `INSERT INTO outbound_receipts AS k (channel, ext_id, status, error)
		SELECT $1, x, $3, NULLIF($4, '') FROM unnest($2::text[]) x
		ON CONFLICT (channel, ext_id) DO UPDATE SET
			status = CASE WHEN 'failed' IN (k.status, EXCLUDED.status) THEN 'failed'
				WHEN 'read' IN (k.status, EXCLUDED.status) THEN 'read' ELSE 'delivered' END,
			error = COALESCE(EXCLUDED.error, k.error), received_at = now()`,
		channel, pq.Array(unknown), status, reason)
	if err != nil {
		return n, fmt.Errorf("keeping receipts: %w", err)
	}
	m, _, err := run(unknown)
	return n + m, err
}

// OutboundText returns the text of a message sent with a channel id, for a
// recipient's device that asks for it again.
func (s *Store) OutboundText(ctx context.Context, channel, extID string) (string, error) {
	var text string
	err := s.db.GetContext(ctx, &text, `SELECT text FROM outbound_messages WHERE channel = $1 AND ext_id = $2`, channel, extID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", domain.Errorf(domain.ENOTFOUND, "no message %s", extID)
	}
	if err != nil {
		return "", fmt.Errorf("loading outbound: %w", err)
	}
	return text, nil
}

// Notice queues a message the channel itself decided to send (not a flow's
// reply), once per extID: the dedupe row goes to the inbound log.
func (s *Store) Notice(ctx context.Context, channel, extID string, to domain.Phone, text string) (bool, error) {
	fresh := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO inbound_messages (channel, ext_id, phone) VALUES ($1, $2, $3)
			ON CONFLICT (channel, ext_id) DO NOTHING`, channel, extID, string(to))
		if err != nil {
			return fmt.Errorf("logging notice: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		fresh = true
		_, err = queueOutbound(ctx, tx, []Outbound{{Channel: channel, To: to, Text: text, Kind: "reply", Priority: PriorityReply}})
		return err
	})
	return fresh, err
}

// LastInboundAt is when a number last wrote on a channel (zero if never):
// the WhatsApp Cloud API allows free-form messages only within 24 hours.
func (s *Store) LastInboundAt(ctx context.Context, channel string, phone domain.Phone) (time.Time, error) {
	var at sql.NullTime
	err := s.db.GetContext(ctx, &at, `SELECT max(received_at) FROM inbound_messages WHERE channel = $1 AND phone = $2`, channel, string(phone))
	if err != nil {
		return time.Time{}, fmt.Errorf("loading last inbound: %w", err)
	}
	return at.Time, nil
}

// FailOutbound marks a message the channel reported as failed after
// sending; a report that comes before the message's id is recorded is
// kept until it is (byExtID).
func (s *Store) FailOutbound(ctx context.Context, channel, extID, reason string) error {
	_, err := s.byExtID(ctx, channel, []string{extID}, "failed", reason, `UPDATE outbound_messages SET status = 'failed', error = $3, updated_at = now()
		WHERE channel = $1 AND ext_id = ANY($2)`, reason)
	if err != nil {
		return fmt.Errorf("failing outbound: %w", err)
	}
	return nil
}

// InboundSeen tells whether a channel's message id was stored before: the
// Cloud channel asks before it downloads a redelivered message's media.
func (s *Store) InboundSeen(ctx context.Context, channel, extID string) (bool, error) {
	var seen bool
	err := s.db.GetContext(ctx, &seen, `SELECT EXISTS (SELECT 1 FROM inbound_messages WHERE channel = $1 AND ext_id = $2)`, channel, extID)
	if err != nil {
		return false, fmt.Errorf("checking inbound: %w", err)
	}
	return seen, nil
}
