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

// CreateComplaint stores a complaint of the turn's contact and routes it to
// the facilitators of its desa; forFasilitator is the text they receive.
// An anonymous complaint is stored and sent with the sender's registered
// name and number, wherever the text holds them, replaced by "…"
// (HideSender). It returns how many facilitators were told.
func (t *Turn) CreateComplaint(ctx context.Context, c domain.Complaint, forFasilitator string) (int64, error) {
	if err := t.requireContact(); err != nil {
		return 0, err
	}
	if c.Anonymous {
		var err error
		if c.Text, err = t.HideSender(ctx, c.Text); err != nil {
			return 0, err
		}
		if forFasilitator, err = t.HideSender(ctx, forFasilitator); err != nil {
			return 0, err
		}
	}
	if _, err := t.tx.ExecContext(ctx, `SAVEPOINT complaint_code`); err != nil {
		return 0, err
	}
	var id int64
	err := t.tx.GetContext(ctx, &id, `INSERT INTO complaints (code, desa_kode, contact_id, anonymous, text, photo_id)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, c.Code, c.DesaKode, int64(t.contact.ID), c.Anonymous, c.Text, c.PhotoID)
	if isUniqueViolation(err, "complaints_code_key") {
		_, _ = t.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT complaint_code`)
		return 0, ErrCodeTaken
	}
	if err != nil {
		return 0, fmt.Errorf("storing complaint: %w", err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO complaint_history (complaint_id, status) VALUES ($1, 'DITERIMA')`, id); err != nil {
		return 0, fmt.Errorf("storing complaint history: %w", err)
	}
	if c.VoiceID != nil {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO voice_notes (media_id, desa_kode, complaint_id) VALUES ($1, $2, $3)`,
			*c.VoiceID, c.DesaKode, id); err != nil {
			return 0, fmt.Errorf("storing voice note: %w", err)
		}
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO outbound_messages (channel, to_phone, contact_id, text, media_id, kind, priority)
		SELECT DISTINCT ON (f.id) `+pushChannelSQL("f")+`, f.phone, f.id, $2, $3::bigint, 'push', $4
		FROM roles r JOIN contacts f ON f.phone = r.phone
		WHERE r.role = 'FASILITATOR' AND r.desa_kode = $1 AND `+pushChannelSQL("f")+` <> ''`, c.DesaKode, forFasilitator, c.PhotoID, PriorityPush)
	if err != nil {
		return 0, fmt.Errorf("routing complaint: %w", err)
	}
	return res.RowsAffected()
}

func complaintByCode(ctx context.Context, q sqlx.QueryerContext, code string) (*domain.Complaint, error) {
	var c domain.Complaint
	err := sqlx.GetContext(ctx, q, &c, `SELECT id, code, desa_kode, contact_id, anonymous, text, photo_id, status, created_at
		FROM complaints WHERE code = $1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no complaint %s", code)
	}
	if err != nil {
		return nil, fmt.Errorf("loading complaint: %w", err)
	}
	return &c, nil
}

// ComplaintByCode loads a complaint (the admin site).
func (s *Store) ComplaintByCode(ctx context.Context, code string) (*domain.Complaint, error) {
	return complaintByCode(ctx, s.db, code)
}

// Complaint returns a complaint (flows.View).
func (t *Turn) Complaint(ctx context.Context, code string) (*domain.Complaint, error) {
	return complaintByCode(ctx, t.tx, code)
}

// ComplaintsOf lists the complaints a contact sent, newest first
// (flows.View). Anonymous ones are among them: the sender is kept with
// them (never shown to the facilitators), and only the sender sees this.
func (t *Turn) ComplaintsOf(ctx context.Context, id domain.ContactID, limit int) ([]domain.Complaint, error) {
	var out []domain.Complaint
	err := t.tx.SelectContext(ctx, &out, `SELECT id, code, desa_kode, contact_id, anonymous, text, photo_id, status, created_at
		FROM complaints WHERE contact_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, int64(id), limit)
	if err != nil {
		return nil, fmt.Errorf("listing complaints of contact: %w", err)
	}
	return out, nil
}

// ComplaintNotice renders the message that tells a complaint's sender it
// moved: it gets their language, the complaint as changed and the note of
// the change (flows.ComplaintChangedText).
type ComplaintNotice func(lang string, c domain.Complaint, note string) string

// ComplaintMove moves complaint Code to To with Note in its history;
// Notice renders the message for whom domain.WhoHearsComplaint names (nil:
// no one is told).
type ComplaintMove struct {
	Code   string
	To     domain.ComplaintStatus
	Note   string
	Notice ComplaintNotice
}

// SetComplaintStatus moves a complaint forward, or leaves it at its stage
// with a note (a reply, domain.CheckComplaintReply), and tells its sender,
// in one transaction: the one use case of the admin site and the CLI. The
// note stays in the complaint's history either way.
func (s *Store) SetComplaintStatus(ctx context.Context, m ComplaintMove) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		c, err := complaintByCode(ctx, tx, m.Code)
		if err != nil {
			return err
		}
		if err := domain.CheckComplaintReply(c.Status, m.To, m.Note); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET status = $2, updated_at = now() WHERE id = $1`, c.ID, string(m.To)); err != nil {
			return fmt.Errorf("updating complaint: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO complaint_history (complaint_id, status, note) VALUES ($1, $2, $3)`, c.ID, string(m.To), m.Note); err != nil {
			return fmt.Errorf("storing complaint history: %w", err)
		}
		if c.ContactID == nil || m.Notice == nil {
			return nil
		}
		c.Status = m.To
		_, sender, err := listenerFacts(ctx, tx, c.DesaKode, c.ContactID)
		if err != nil {
			return err
		}
		l, ok := domain.WhoHearsComplaint(sender)
		if !ok {
			return nil
		}
		_, err = queueOutbound(ctx, tx, []Outbound{{Channel: l.Channel, To: l.Phone, ContactID: l.Contact,
			Text: m.Notice(l.Lang, *c, m.Note), Kind: "push", Priority: PriorityPush}})
		return err
	})
}

// ComplaintNote is one line of a complaint's history: the stage it was
// at and what the sender was told.
type ComplaintNote struct {
	ComplaintID int64                  `db:"complaint_id"`
	Status      domain.ComplaintStatus `db:"status"`
	Note        string                 `db:"note"`
	At          time.Time              `db:"at"`
}

// ComplaintHistories returns the history of each of the complaints, oldest
// first, by complaint id.
func (s *Store) ComplaintHistories(ctx context.Context, ids []int64) (map[int64][]ComplaintNote, error) {
	var rows []ComplaintNote
	if err := s.db.SelectContext(ctx, &rows, `SELECT complaint_id, status, note, at FROM complaint_history
		WHERE complaint_id = ANY($1) ORDER BY at, id`, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("loading complaint histories: %w", err)
	}
	out := map[int64][]ComplaintNote{}
	for _, r := range rows {
		out[r.ComplaintID] = append(out[r.ComplaintID], r)
	}
	return out, nil
}
