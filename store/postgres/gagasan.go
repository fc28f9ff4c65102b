package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

const gagasanColumns = `g.id, g.code, g.sender_id, g.desa_kode, g.dusun_id, COALESCE(du.nama, '') AS dusun_nama,
	g.category, g.title, g.description, g.lat, g.lng, g.households, g.poor_households, g.photo_id,
	g.map_item_id, COALESCE((SELECT mi.title FROM map_items mi WHERE mi.id = g.map_item_id), '') AS map_item_title,
	g.status, g.created_at, g.updated_at,
	g.for_name, g.for_gender, g.for_dusun_id, g.filed_by, g.notify_phone, g.notify_channel`

const sqlGagasanByCode = `SELECT ` + gagasanColumns + `
	FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id WHERE g.code = $1`

const sqlGagasanHistory = `SELECT from_status, to_status, changed_by, note, at
	FROM gagasan_history WHERE gagasan_id = $1 ORDER BY id`

func gagasanByCode(ctx context.Context, q sqlx.QueryerContext, code string) (*domain.Gagasan, []domain.StatusChange, error) {
	var g domain.Gagasan
	err := sqlx.GetContext(ctx, q, &g, sqlGagasanByCode, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, domain.Errorf(domain.ENOTFOUND, "no gagasan %s", code)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("loading gagasan: %w", err)
	}
	var hist []domain.StatusChange
	if err := sqlx.SelectContext(ctx, q, &hist, sqlGagasanHistory, g.ID); err != nil {
		return nil, nil, fmt.Errorf("loading gagasan history: %w", err)
	}
	return &g, hist, nil
}

// GagasanByCode returns a gagasan and its history, or domain.ErrNotFound.
func (s *Store) GagasanByCode(ctx context.Context, code string) (*domain.Gagasan, []domain.StatusChange, error) {
	return gagasanByCode(ctx, s.db, code)
}

const sqlGagasanOf = `SELECT ` + gagasanColumns + `
	FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id
	WHERE g.sender_id = $1 ORDER BY g.created_at DESC, g.id DESC LIMIT $2`

func gagasanOf(ctx context.Context, q sqlx.QueryerContext, id domain.ContactID, limit int) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	if err := sqlx.SelectContext(ctx, q, &out, sqlGagasanOf, int64(id), limit); err != nil {
		return nil, fmt.Errorf("listing gagasan of contact: %w", err)
	}
	return out, nil
}

// ListGagasan lists the gagasan of a desa, newest first (all desa when empty).
func (s *Store) ListGagasan(ctx context.Context, desaKode string, limit int) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	err := s.db.SelectContext(ctx, &out, `SELECT `+gagasanColumns+`
		FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE $1 = '' OR g.desa_kode = $1 ORDER BY g.created_at DESC, g.id DESC LIMIT $2`, desaKode, limit)
	if err != nil {
		return nil, fmt.Errorf("listing gagasan: %w", err)
	}
	return out, nil
}

// ErrCodeTaken reports that a newly drawn tracking code exists already; the
// caller draws another and tries the turn again.
var ErrCodeTaken = domain.Errorf(domain.ECONFLICT, "tracking code taken")

// codeTries is how many times a write that draws a tracking code is tried.
const codeTries = 6

// RetryCode runs try, which draws a fresh tracking code each time, again
// while the code it drew was taken (ErrCodeTaken), six times at most; it
// returns try's last error.
func RetryCode(try func() error) error {
	for attempt := 1; ; attempt++ {
		err := try()
		if !errors.Is(err, ErrCodeTaken) || attempt >= codeTries {
			return err
		}
	}
}

const sqlInsertGagasan = `
	WITH g AS (
		INSERT INTO gagasan (code, sender_id, desa_kode, dusun_id, category, title, description, lat, lng,
			households, poor_households, photo_id, status, map_item_id,
			for_name, for_gender, for_dusun_id, filed_by, notify_phone, notify_channel)
		VALUES (:code, :sender_id, :desa_kode, :dusun_id, :category, :title, :description, :lat, :lng,
			:households, :poor_households, :photo_id, :status,
			(SELECT mi.id FROM map_items mi JOIN dusun du ON du.id = mi.dusun_id
				WHERE mi.id = :map_item_id AND du.desa_kode = :desa_kode AND mi.removed_at IS NULL),
			:for_name, :for_gender, :for_dusun_id, :filed_by, :notify_phone, :notify_channel)
		RETURNING id, status, for_name
	)
	INSERT INTO gagasan_history (gagasan_id, to_status, changed_by)
	SELECT id, status, CASE WHEN for_name = '' THEN 'warga' ELSE 'KPMD untuk warga' END FROM g`

// CreateGagasan stores a gagasan sent by the turn's contact, with the first
// entry of its history.
func (t *Turn) CreateGagasan(ctx context.Context, g domain.Gagasan) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	if err := g.Validate(); err != nil {
		return err
	}
	id := int64(t.contact.ID)
	g.SenderID, g.FiledBy = &id, nil
	if g.ForName != "" {
		// Filed for a resident without a phone: the KPMD is not the sender.
		g.SenderID, g.FiledBy = nil, &id
	}
	if g.Status == "" {
		g.Status = domain.StatusDiajukan
	}
	q, args, err := t.tx.BindNamed(sqlInsertGagasan, g)
	if err != nil {
		return fmt.Errorf("binding gagasan: %w", err)
	}
	// A savepoint keeps the turn usable when the code collides.
	if _, err := t.tx.ExecContext(ctx, `SAVEPOINT gagasan_code`); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := t.tx.ExecContext(ctx, q, args...); err != nil {
		if isUniqueViolation(err, "gagasan_code_key") {
			_, _ = t.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT gagasan_code`)
			return ErrCodeTaken
		}
		return fmt.Errorf("storing gagasan: %w", err)
	}
	if g.VoiceID != nil {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO voice_notes (media_id, desa_kode, gagasan_id)
			SELECT $1, desa_kode, id FROM gagasan WHERE code = $2`, *g.VoiceID, g.Code); err != nil {
			return fmt.Errorf("storing voice note: %w", err)
		}
	}
	return nil
}

// GagasanDetail is the detail added to a gagasan sent in one message: its
// category (Lainnya when not valid), households that benefit and how many
// are poor, a photo and the map item it answers (nil: left as they are,
// for the photo and the item).
type GagasanDetail struct {
	Code           string
	Category       domain.Category
	Households     *int
	PoorHouseholds *int
	PhotoID        *int64
	MapItemID      *int64
}

// UpdateGagasanDetail adds detail to one of the contact's own gagasan.
func (t *Turn) UpdateGagasanDetail(ctx context.Context, d GagasanDetail) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	cat := d.Category
	if !cat.Valid() {
		cat = domain.CategoryLainnya
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE gagasan g SET category = $3, households = $4, poor_households = $5,
		photo_id = COALESCE($6, photo_id), updated_at = now(),
		map_item_id = COALESCE((SELECT mi.id FROM map_items mi JOIN dusun du ON du.id = mi.dusun_id
			WHERE mi.id = $7 AND du.desa_kode = g.desa_kode AND mi.removed_at IS NULL), g.map_item_id)
		WHERE code = $1 AND sender_id = $2`, d.Code, int64(t.contact.ID), string(cat), d.Households, d.PoorHouseholds, d.PhotoID, d.MapItemID)
	if err != nil {
		return fmt.Errorf("updating gagasan detail: %w", err)
	}
	return nil
}

// AddGagasanText adds words to the description of one of the contact's
// own gagasan while it still waits to be discussed (a line of its own, the
// whole kept within domain.MaxDescriptionLen).
func (t *Turn) AddGagasanText(ctx context.Context, code, text string) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE gagasan SET updated_at = now(),
		description = left(CASE WHEN description = '' THEN $3 ELSE description || E'\n' || $3 END, $5)
		WHERE code = $1 AND sender_id = $2 AND status = $4`,
		code, int64(t.contact.ID), text, string(domain.StatusDiajukan), domain.MaxDescriptionLen)
	if err != nil {
		return fmt.Errorf("adding to gagasan description: %w", err)
	}
	return nil
}

// AttachGagasanPhoto makes photoID the photo of one of the contact's own
// gagasan while it still waits to be discussed and has none: a photo she
// sent after it and said YA to (flows/fotogagasan). The photo must be one
// the contact sent; anything else changes nothing.
func (t *Turn) AttachGagasanPhoto(ctx context.Context, code string, photoID int64) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE gagasan SET photo_id = $3, updated_at = now()
		WHERE code = $1 AND sender_id = $2 AND status = $4 AND photo_id IS NULL
		AND EXISTS (SELECT 1 FROM media m WHERE m.id = $3 AND m.contact_id = $2)`,
		code, int64(t.contact.ID), photoID, string(domain.StatusDiajukan))
	if err != nil {
		return fmt.Errorf("attaching a photo to a gagasan: %w", err)
	}
	return nil
}

// WithdrawGagasan moves one of the turn's contact's own gagasan to DITARIK
// while it still waits to be discussed (TARIK), with its history entry by
// the sender ("warga", as when it was sent: no name in the history). A
// gagasan of anyone else (or one a KPMD filed for a resident) is not found;
// one past DIAJUKAN is refused as invalid. Both are domain errors the
// pipeline lets the turn commit with.
func (t *Turn) WithdrawGagasan(ctx context.Context, code string) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	var g struct {
		ID       int64         `db:"id"`
		SenderID sql.NullInt64 `db:"sender_id"`
		Status   domain.Status `db:"status"`
	}
	err := t.tx.GetContext(ctx, &g, `SELECT id, sender_id, status FROM gagasan WHERE code = $1 FOR UPDATE`, code)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (!g.SenderID.Valid || g.SenderID.Int64 != int64(t.contact.ID))) {
		return domain.Errorf(domain.ENOTFOUND, "no gagasan %s sent by this contact", code)
	}
	if err != nil {
		return fmt.Errorf("loading gagasan: %w", err)
	}
	if err := domain.CheckWithdraw(g.Status); err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE gagasan SET status = $2, updated_at = now() WHERE id = $1`, g.ID, string(domain.StatusDitarik)); err != nil {
		return fmt.Errorf("withdrawing gagasan: %w", err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by)
		VALUES ($1, $2, $3, 'warga')`, g.ID, string(g.Status), string(domain.StatusDitarik)); err != nil {
		return fmt.Errorf("recording gagasan history: %w", err)
	}
	return nil
}

// StatusNotice renders the message that tells of a gagasan's stage change:
// it gets the listener's language, the gagasan as changed and the note of
// the change (flows.StatusChangedText).
type StatusNotice func(lang string, g domain.Gagasan, note string) string

// StageMove moves gagasan Code to stage To, with Note in its history by
// By; Notice renders the message for whom domain.WhoHearsStage names (nil:
// no one is told).
type StageMove struct {
	Code   string
	To     domain.Status
	Note   string
	By     string
	Notice StatusNotice
	// MeetingID is the meeting whose outcome decided the move (0: none),
	// kept in the history for its berita acara.
	MeetingID int64
}

// SetGagasanStatus moves a gagasan to another stage, checked by the domain
// rule, records the change in its history and queues a message to whom
// domain.WhoHearsStage names (its sender, unless they opted out or deleted
// their data; a relative's number for a gagasan filed for a resident), all
// in one transaction: the one use case of the admin site, the CLI and a
// meeting's outcome. It returns the gagasan as changed and whether a
// message was queued.
func (s *Store) SetGagasanStatus(ctx context.Context, m StageMove) (*domain.Gagasan, bool, error) {
	var (
		out      *domain.Gagasan
		notified bool
	)
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, notified, err = setGagasanStatus(ctx, tx, m)
		return err
	})
	return out, notified, err
}

func setGagasanStatus(ctx context.Context, tx *sqlx.Tx, m StageMove) (*domain.Gagasan, bool, error) {
	code, to, note := m.Code, m.To, m.Note
	var g domain.Gagasan
	err := tx.GetContext(ctx, &g, sqlGagasanByCode+` FOR UPDATE OF g`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, domain.Errorf(domain.ENOTFOUND, "no gagasan %s", code)
	}
	if err != nil {
		return nil, false, fmt.Errorf("loading gagasan: %w", err)
	}
	if to == domain.StatusDitarik {
		// Only the sender withdraws a gagasan (Turn.WithdrawGagasan).
		return nil, false, ruleWithdrawNotSender.Err()
	}
	if err := domain.CheckTransition(g.Status, to, note); err != nil {
		return nil, false, err
	}
	from := g.Status
	if _, err := tx.ExecContext(ctx, `UPDATE gagasan SET status = $2, updated_at = now() WHERE id = $1`, g.ID, string(to)); err != nil {
		return nil, false, fmt.Errorf("updating gagasan status: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by, note, meeting_id)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, 0))`, g.ID, string(from), string(to), m.By, note, m.MeetingID); err != nil {
		return nil, false, fmt.Errorf("recording gagasan history: %w", err)
	}
	g.Status = to
	if m.Notice == nil {
		return &g, false, nil
	}
	desaLang, sender, err := listenerFacts(ctx, tx, g.DesaKode, g.SenderID)
	if err != nil {
		return nil, false, err
	}
	l, ok := domain.WhoHearsStage(g, sender, desaLang)
	if !ok {
		return &g, false, nil
	}
	_, err = queueOutbound(ctx, tx, []Outbound{{Channel: l.Channel, To: l.Phone, ContactID: l.Contact,
		Text: m.Notice(l.Lang, g, note), Kind: "push", Priority: PriorityPush}})
	if err != nil {
		return nil, false, err
	}
	return &g, true, nil
}

// listenerFacts loads, in one query, what domain.WhoHearsStage and
// domain.WhoHearsComplaint decide from: the language of a record's desa and
// what is known of its sender, if it has one (senderID).
func listenerFacts(ctx context.Context, tx *sqlx.Tx, desaKode string, senderID *int64) (desaLang string, sender *domain.StageSender, err error) {
	var row struct {
		DesaLang       string         `db:"desa_lang"`
		ID             sql.NullInt64  `db:"id"`
		Phone          sql.NullString `db:"phone"`
		Lang           sql.NullString `db:"lang"`
		SenderDesaLang sql.NullString `db:"sender_desa_lang"`
		Channel        sql.NullString `db:"channel"`
		OptedOut       sql.NullTime   `db:"opted_out_at"`
	}
	err = tx.GetContext(ctx, &row, `SELECT d.lang AS desa_lang, c.id, c.phone, c.lang, cd.lang AS sender_desa_lang, `+pushChannelSQL("c")+` AS channel, c.opted_out_at
		FROM desa d LEFT JOIN contacts c ON c.id = $2 LEFT JOIN desa cd ON cd.kode = c.desa_kode
		WHERE d.kode = $1`, desaKode, senderID)
	if err != nil {
		return "", nil, fmt.Errorf("loading who hears: %w", err)
	}
	if senderID == nil {
		return row.DesaLang, nil, nil
	}
	if !row.ID.Valid {
		return "", nil, fmt.Errorf("loading sender %d: %w", *senderID, sql.ErrNoRows)
	}
	sender = &domain.StageSender{ID: domain.ContactID(row.ID.Int64), Phone: domain.Phone(row.Phone.String),
		Lang: row.Lang.String, Channel: row.Channel.String, OptedOut: row.OptedOut.Valid}
	if row.SenderDesaLang.Valid {
		sender.DesaLang = &row.SenderDesaLang.String
	}
	return row.DesaLang, sender, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleWithdrawNotSender = domain.NewRule("withdraw_not_sender", domain.EINVALID, "only its sender can withdraw a gagasan")
)
