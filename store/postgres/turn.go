package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Turn is the one transaction in which an inbound message is handled: it is
// logged (the dedupe), the contact is locked and read, the step's commands
// are applied and its replies queued. Either all of it commits or none.
type Turn struct {
	tx      *sqlx.Tx
	contact *domain.Contact
	// forget is the number of a contact deleted in this turn: the replies
	// still queued to it are forgotten once sent.
	forget domain.Phone
	// shared marks a turn in a Batch: the batch commits, not the turn.
	shared bool
	// places is the store's desa list; seen is its version this turn read
	// (0 before the first read: one version check a turn).
	places *placeCache
	seen   int64
}

// BeginTurn opens the transaction of one inbound message and locks and
// reads the sender's contact (nil when the sender has not consented).
func (s *Store) BeginTurn(ctx context.Context, phone domain.Phone) (*Turn, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("beginning turn: %w", err)
	}
	c, err := contactByPhone(ctx, tx, phone, true)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		_ = tx.Rollback()
		return nil, err
	}
	return &Turn{tx: tx, contact: c, places: s.places}, nil
}

// DeletedContact tells whether the turn deleted its contact (HAPUS DATA).
func (t *Turn) DeletedContact() bool { return t.forget != "" }

// Contact is the sender as read at the start of the turn, or after consent.
func (t *Turn) Contact() *domain.Contact { return t.contact }

// Commit ends the turn, storing everything. A turn in a Batch is stored
// when the batch commits.
func (t *Turn) Commit() error {
	if t.shared {
		return nil
	}
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("committing turn: %w", err)
	}
	return nil
}

// Rollback ends the turn storing nothing; it is safe after Commit. A turn
// in a Batch is undone only by the batch's Rollback.
func (t *Turn) Rollback() {
	if !t.shared {
		_ = t.tx.Rollback()
	}
}

// Inbound is one inbound message as logged.
type Inbound struct {
	Channel   string
	ExtID     string
	Phone     domain.Phone
	Text      string
	MediaID   *int64
	ContactID *domain.ContactID
}

// MaxStoredText is the most of an inbound text the log keeps, in
// characters (a flow step reads 4,000): a longer text is cut on a
// character boundary and ends with TextCutMark, so a 100 KB message costs
// the database 4 KB whatever the channel.
const MaxStoredText = 4096

// TextCutMark ends a stored text that was cut.
const TextCutMark = " …[dipotong]"

// StoredText is text as the inbound log keeps it.
func StoredText(text string) string {
	if len(text) <= MaxStoredText { // bytes: never more characters
		return text
	}
	n := 0
	for i := range text {
		if n == MaxStoredText {
			return text[:i] + TextCutMark
		}
		n++
	}
	return text
}

// LogInbound records the message once; duplicate reports that the channel
// delivered the same message id before. The text is kept only when the
// sender has consented.
func (t *Turn) LogInbound(ctx context.Context, in Inbound) (id int64, duplicate bool, err error) {
	var text *string
	var contactID any
	if t.contact != nil {
		kept := StoredText(in.Text)
		text = &kept
		contactID = int64(t.contact.ID)
	}
	err = t.tx.GetContext(ctx, &id, `
		INSERT INTO inbound_messages (channel, ext_id, phone, contact_id, text, media_id)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (channel, ext_id) DO NOTHING
		RETURNING id`, in.Channel, in.ExtID, string(in.Phone), contactID, text, in.MediaID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, true, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("logging inbound: %w", err)
	}
	return id, false, nil
}

// Media is a stored file's record.
type Media struct {
	SHA256 string
	Mime   string
	Kind   string
	Size   int
	Path   string
}

// SaveMedia records a file the media store already holds.
func (t *Turn) SaveMedia(ctx context.Context, m Media) (int64, error) {
	var contactID any
	if t.contact != nil {
		contactID = int64(t.contact.ID)
	}
	var id int64
	err := t.tx.GetContext(ctx, &id, `INSERT INTO media (sha256, mime, kind, size, path, contact_id)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, m.SHA256, m.Mime, m.Kind, m.Size, m.Path, contactID)
	if err != nil {
		return 0, fmt.Errorf("storing media record: %w", err)
	}
	return id, nil
}

// GiveConsent creates the sender's contact with the consent time.
func (t *Turn) GiveConsent(ctx context.Context, phone domain.Phone, channel string) error {
	var row contactRow
	err := t.tx.GetContext(ctx, &row, `
		INSERT INTO contacts (phone, channel, consent_at) VALUES ($1, $2, now())
		ON CONFLICT (phone) DO UPDATE SET consent_at = COALESCE(contacts.consent_at, now()), updated_at = now()
		RETURNING id, phone, name, desa_kode, dusun_id, gender, lang, channel, consent_at, registered_at,
			opted_out_at, session_seq, session_flow, '{}'::text[] AS roles`, string(phone), channel)
	if err != nil {
		return fmt.Errorf("storing consent: %w", err)
	}
	t.contact = row.contact()
	return nil
}

func (t *Turn) requireContact() error {
	if t.contact == nil {
		return domain.Errorf(domain.EINVALID, "no contact in this turn")
	}
	return nil
}

// Register completes the contact's registration.
func (t *Turn) Register(ctx context.Context, name, desaKode string, dusunID int64, gender domain.Gender) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	var dusun any
	if dusunID != 0 {
		dusun = dusunID
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE contacts SET name = $2, desa_kode = $3, dusun_id = $4, gender = $5,
		registered_at = COALESCE(registered_at, now()), updated_at = now() WHERE id = $1`, int64(t.contact.ID), name, desaKode, dusun, string(gender))
	if err != nil {
		return fmt.Errorf("registering contact: %w", err)
	}
	t.contact.Name, t.contact.DesaKode, t.contact.DusunID, t.contact.Gender = name, desaKode, dusunID, gender
	if t.contact.RegisteredAt == nil {
		now := time.Now()
		t.contact.RegisteredAt = &now
	}
	return nil
}

// ForgetNumber removes a number that is not a contact from the gagasan
// that would send it news (a relative's number a KPMD gave): it asked to
// stop, or to be deleted.
func (t *Turn) ForgetNumber(ctx context.Context, phone domain.Phone) error {
	const q = `
		WITH g AS (
			UPDATE gagasan SET notify_phone = '', notify_channel = '' WHERE notify_phone = $1
		)
		UPDATE outbound_messages SET to_phone = '', text = ''
		WHERE to_phone = $1 AND contact_id IS NULL AND status NOT IN ('queued', 'sending')`
	if _, err := t.tx.ExecContext(ctx, q, string(phone)); err != nil {
		return fmt.Errorf("forgetting number: %w", err)
	}
	return nil
}

// SetLang stores the contact's language.
func (t *Turn) SetLang(ctx context.Context, lang string) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE contacts SET lang = $2, updated_at = now() WHERE id = $1`, int64(t.contact.ID), lang); err != nil {
		return fmt.Errorf("storing language: %w", err)
	}
	t.contact.Lang = lang
	return nil
}

// SetOptOut opts the contact out of everything but replies, or back in.
func (t *Turn) SetOptOut(ctx context.Context, out bool) error {
	if t.contact == nil {
		return nil
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE contacts SET opted_out_at = CASE WHEN $2 THEN COALESCE(opted_out_at, now()) END,
		updated_at = now() WHERE id = $1`, int64(t.contact.ID), out)
	if err != nil {
		return fmt.Errorf("setting opt-out: %w", err)
	}
	return nil
}

// DeleteContact erases the person: contact row, roles, group memberships; their gagasan stay
// without a link to them, with their title and category; the number is
// scrubbed from the message logs. What they wrote (gagasan descriptions,
// complaints, map suggestions) and the photos with it stay, unlinked and
// without their name and number, only when keepText (their answer);
// otherwise the texts are emptied, the photos unlinked (the retention job
// then deletes the files) and their map suggestions not yet confirmed
// withdrawn. Replies queued in this turn still reach them.
func (t *Turn) DeleteContact(ctx context.Context, keepText bool) error {
	if t.contact == nil {
		return nil
	}
	id, phone := int64(t.contact.ID), string(t.contact.Phone)
	// One statement, one round trip. Every part sees the rows as they were
	// before it.
	q := `
		WITH g AS (
			-- The title stays (the board shows it), without her name or number.
			UPDATE gagasan SET sender_id = NULL, title = ` + scrubSQL("title") + `,
				description = CASE WHEN $3 THEN ` + scrubSQL("description") + ` ELSE '' END,
				photo_id = CASE WHEN $3 THEN photo_id END, lat = NULL, lng = NULL, updated_at = now()
			WHERE sender_id = $1
		), c AS (
			-- A complaint holds her words, often her name and number.
			UPDATE complaints SET text = CASE WHEN $3 THEN ` + scrubSQL("text") + ` ELSE '' END,
				photo_id = CASE WHEN $3 THEN photo_id END, updated_at = now()
			WHERE contact_id = $1
		), p AS (
			-- Her map suggestions: one not yet confirmed is withdrawn with
			-- its words; a confirmed one is the village's, keeping its title.
			UPDATE map_items SET suggested_by = NULL, updated_at = now(),
				title = CASE WHEN suggested AND NOT $3 THEN '' ELSE ` + scrubSQL("title") + ` END,
				description = CASE WHEN $3 THEN ` + scrubSQL("description") + ` ELSE '' END,
				photo_id = CASE WHEN $3 THEN photo_id END,
				lat = CASE WHEN $3 OR NOT suggested THEN lat END, lng = CASE WHEN $3 OR NOT suggested THEN lng END,
				removed_at = CASE WHEN suggested AND NOT $3 THEN COALESCE(removed_at, now()) ELSE removed_at END
			WHERE suggested_by = $1
		), h AS (
			-- The history of her items: emptied with a withdrawn suggestion,
			-- otherwise kept without her name and number (a confirmed
			-- item's history is the village's).
			UPDATE map_history mh SET detail = CASE WHEN $3 OR NOT mi.suggested THEN ` + scrubSQL("mh.detail") + ` ELSE '' END
			FROM map_items mi WHERE mh.what = 'item' AND mh.ref_id = mi.id AND mi.suggested_by = $1
		), i AS (
			-- A channel's message id may hold the number (the simulator's
			-- does): it becomes a hash, still unique for the dedupe.
			UPDATE inbound_messages SET phone = '', text = NULL, contact_id = NULL,
				ext_id = CASE WHEN strpos(ext_id, $2) > 0 THEN 'hapus:' || md5(ext_id) ELSE ext_id END
			WHERE contact_id = $1 OR phone = $2
		), o AS (
			-- Sent messages to them, and to others about them (a complaint
			-- with their name and number forwarded to a facilitator).
			UPDATE outbound_messages SET text = '',
				to_phone = CASE WHEN to_phone = $2 THEN '' ELSE to_phone END,
				contact_id = CASE WHEN contact_id = $1 THEN NULL ELSE contact_id END
			WHERE (contact_id = $1 OR to_phone = $2 OR strpos(text, $2) > 0) AND status NOT IN ('queued', 'sending')
		), r AS (
			DELETE FROM roles WHERE phone = $2
		), v AS (
			-- Their voice identifies them: their voice notes go, and the
			-- transcripts with them.
			DELETE FROM voice_notes WHERE media_id IN (SELECT id FROM media WHERE contact_id = $1)
		), m AS (
			UPDATE media SET contact_id = NULL, forget = true WHERE contact_id = $1
		), w AS (
			DELETE FROM wa_lid_map WHERE phone = $2
		), gm AS (
			-- Her place in WhatsApp groups (read again with the group's
			-- next participant list, as anyone's who is in it).
			DELETE FROM wa_group_members WHERE phone = $2
		), k AS (
			DELETE FROM kegiatan_tpk WHERE phone = $2
		), q AS (
			UPDATE outbound_messages SET forget = true
			WHERE (to_phone = $2 OR strpos(text, $2) > 0) AND status IN ('queued', 'sending')
		)
		DELETE FROM contacts WHERE id = $1`
	if _, err := t.tx.ExecContext(ctx, q, id, phone, keepText, numberPattern(t.contact.Phone), namePattern(t.contact.Name)); err != nil {
		return fmt.Errorf("deleting contact: %w", err)
	}
	t.contact = nil
	t.forget = domain.Phone(phone)
	return nil
}

// scrubSQL is the SQL text expression col without the person's number
// (pattern $4) and registered name (pattern $5), each written as "…".
func scrubSQL(col string) string { return scrubWith(col, "$4", "$5") }

// scrubWith is col with the matches of the numberPattern in parameter
// number and of the namePattern in parameter name replaced by "…": the one
// masking of a person in what they wrote, for HAPUS DATA (scrubSQL) and for
// an anonymous complaint (HideSender).
func scrubWith(col, number, name string) string {
	return `regexp_replace(regexp_replace(` + col + `, ` + number + `, '…', 'g'), ` + name + `, '…', 'gi')`
}

// HideSender returns text with the turn's contact's registered name and
// number, however written, each replaced by "…", as HAPUS DATA keeps what
// a deleted person wrote (flows.View). Without a contact, text is returned
// as it is.
func (t *Turn) HideSender(ctx context.Context, text string) (string, error) {
	if t.contact == nil || text == "" {
		return text, nil
	}
	var out string
	if err := t.tx.GetContext(ctx, &out, `SELECT `+scrubWith("$1::text", "$2", "$3"),
		text, numberPattern(t.contact.Phone), namePattern(t.contact.Name)); err != nil {
		return "", fmt.Errorf("hiding sender: %w", err)
	}
	return out, nil
}

// namePattern is a regular expression (Postgres ARE, matched without
// regard to case) for a registered name as people write it in a text:
// "Siti Aminah", "siti  aminah", but not inside a longer word ("Ani" in
// "Anita"). An empty name gives a pattern that matches nothing.
func namePattern(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return `\M\m` // the end and the start of a word at once: never
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return `(?<![[:alnum:]])` + strings.Join(words, `[[:space:]]+`) + `(?![[:alnum:]])`
}

// numberPattern is a regular expression for a phone number as people
// write it in a text: 0812…, 62812…, +62 812… or (0812) 3456…, with
// spaces, dots, dashes or brackets between the digits.
func numberPattern(p domain.Phone) string {
	digits, national := strings.TrimPrefix(string(p), "+"), false
	if rest, ok := strings.CutPrefix(digits, "62"); ok {
		digits, national = rest, true
	}
	// Never inside a longer number: a relative's number that begins with
	// hers stays whole.
	var b strings.Builder
	b.WriteString(`(?<![0-9])`)
	if national {
		b.WriteString(`(\+?62|\(?0)?[ ().-]*`)
	} else {
		b.WriteString(`\+?`)
	}
	for i, r := range digits {
		if i > 0 {
			b.WriteString(`[ ().-]{0,2}`)
		}
		b.WriteRune(r)
	}
	b.WriteString(`(?![0-9])`)
	return b.String()
}

// Outbound is a message to queue.
type Outbound struct {
	Channel   string
	To        domain.Phone
	ContactID *domain.ContactID
	Text      string
	MediaID   *int64
	Kind      string // reply, push, broadcast
	Priority  int
	InboundID *int64
}

// Priorities: replies go before pushes, pushes before broadcasts.
const (
	PriorityBroadcast = 0
	PriorityPush      = 5
	PriorityReply     = 10
)

const sqlQueueOutbound = `
	INSERT INTO outbound_messages (channel, to_phone, contact_id, text, media_id, kind, priority, inbound_id)
	SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::smallint[], $8::bigint[])
	RETURNING id`

// QueueOutbound writes messages to the outbound table in one statement.
func (t *Turn) QueueOutbound(ctx context.Context, msgs []Outbound) ([]int64, error) {
	ids, err := queueOutbound(ctx, t.tx, msgs)
	if err != nil || t.forget == "" {
		return ids, err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE outbound_messages SET forget = true WHERE id = ANY($1) AND to_phone = $2`,
		pq.Array(ids), string(t.forget)); err != nil {
		return nil, fmt.Errorf("marking replies to forget: %w", err)
	}
	return ids, nil
}

func queueOutbound(ctx context.Context, q sqlx.QueryerContext, msgs []Outbound) ([]int64, error) {
	if len(msgs) == 0 {
		return nil, nil
	}
	var ids []int64
	if err := sqlx.SelectContext(ctx, q, &ids, sqlQueueOutbound, outboundArrays(msgs)...); err != nil {
		return nil, fmt.Errorf("queueing outbound: %w", err)
	}
	return ids, nil
}

// outboundArrays are sqlQueueOutbound's eight parameters: one array per
// column, one element per message.
func outboundArrays(msgs []Outbound) []any {
	n := len(msgs)
	channels, tos, texts, kinds := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	contacts, medias, inbounds := make([]sql.NullInt64, n), make([]sql.NullInt64, n), make([]sql.NullInt64, n)
	prios := make([]int64, n)
	for i, m := range msgs {
		channels[i], tos[i], texts[i], kinds[i], prios[i] = m.Channel, string(m.To), m.Text, m.Kind, int64(m.Priority)
		if kinds[i] == "" {
			kinds[i] = "reply"
		}
		if m.ContactID != nil {
			contacts[i] = sql.NullInt64{Int64: int64(*m.ContactID), Valid: true}
		}
		if m.MediaID != nil {
			medias[i] = sql.NullInt64{Int64: *m.MediaID, Valid: true}
		}
		if m.InboundID != nil {
			inbounds[i] = sql.NullInt64{Int64: *m.InboundID, Valid: true}
		}
	}
	return []any{pq.Array(channels), pq.Array(tos), nullInts(contacts), pq.Array(texts), nullInts(medias),
		pq.Array(kinds), pq.Array(prios), nullInts(inbounds)}
}

// nullInts encodes nullable integers as a Postgres array literal.
func nullInts(v []sql.NullInt64) any {
	out := make([]any, len(v))
	for i, x := range v {
		if x.Valid {
			out[i] = x.Int64
		}
	}
	return pq.GenericArray{A: out}
}

// FinishTurn advances the contact's message counter (the session check) and
// records the flow it is in and the channel it wrote on (its channel for
// pushes, unless a facilitator pinned one); it returns the new counter, or
// 0 when there is no contact.
func (t *Turn) FinishTurn(ctx context.Context, flow, channel string) (int64, error) {
	if t.contact == nil {
		return 0, nil
	}
	var seq int64
	err := t.tx.GetContext(ctx, &seq, `UPDATE contacts SET session_seq = session_seq + 1, session_flow = $2,
		channel = CASE WHEN channel_pinned THEN channel ELSE $3 END WHERE id = $1 RETURNING session_seq`, int64(t.contact.ID), flow, channel)
	if err != nil {
		return 0, fmt.Errorf("finishing turn: %w", err)
	}
	return seq, nil
}

// The read-only view a flow consults, on the turn's transaction.

// DesasIn lists the desa in a scope with their kecamatan and kabupaten
// names, by name (flows.View), from the store's list in memory.
func (t *Turn) DesasIn(ctx context.Context, scope string) ([]domain.DesaPlace, error) {
	if t.places == nil { // a turn made outside a Store (none today)
		t.places = &placeCache{}
	}
	if t.seen == 0 {
		v, err := placesVersion(ctx, t.tx)
		if err != nil {
			return nil, err
		}
		t.seen = v
	}
	return t.places.in(ctx, t.tx, t.seen, scope)
}

// Dusuns lists a desa's dusun (flows.View).
func (t *Turn) Dusuns(ctx context.Context, desaKode string) ([]domain.Dusun, error) {
	return listDusun(ctx, t.tx, desaKode)
}

// DusunsNamed lists the dusun in a scope with the folded name (flows.View).
func (t *Turn) DusunsNamed(ctx context.Context, scope, folded string) ([]domain.Dusun, error) {
	return dusunsNamed(ctx, t.tx, scope, folded)
}

// Gagasan returns a gagasan and its history (flows.View).
func (t *Turn) Gagasan(ctx context.Context, code string) (*domain.Gagasan, []domain.StatusChange, error) {
	return gagasanByCode(ctx, t.tx, code)
}

// GagasanOf lists a contact's gagasan, newest first (flows.View).
func (t *Turn) GagasanOf(ctx context.Context, id domain.ContactID, limit int) ([]domain.Gagasan, error) {
	return gagasanOf(ctx, t.tx, id, limit)
}

// TimeZone returns a desa's time zone (flows.View).
func (t *Turn) TimeZone(ctx context.Context, desaKode string) string {
	return desaTimeZone(ctx, t.tx, desaKode)
}

// sqlBeginLogged reads and locks the sender's contact and logs the message
// in one statement, one round trip: the text is kept only when a contact
// (consent) exists, and a message id seen before inserts nothing.
const sqlBeginLogged = `
	WITH c AS (SELECT ` + contactColumns + ` FROM contacts c WHERE c.phone = $3 FOR NO KEY UPDATE OF c),
	i AS (
		INSERT INTO inbound_messages (channel, ext_id, phone, contact_id, text)
		SELECT $1, $2, $3, (SELECT id FROM c), CASE WHEN EXISTS (SELECT 1 FROM c) THEN $4::text END
		ON CONFLICT (channel, ext_id) DO NOTHING RETURNING id
	)
	SELECT (SELECT id FROM i) AS inbound_id, c.* FROM (SELECT 1) AS one LEFT JOIN c ON true`

// loggedRow is sqlBeginLogged's row: the contact's columns are NULL when
// the sender has none.
type loggedRow struct {
	InboundID    sql.NullInt64  `db:"inbound_id"`
	ID           sql.NullInt64  `db:"id"`
	Phone        sql.NullString `db:"phone"`
	Name         sql.NullString `db:"name"`
	DesaKode     sql.NullString `db:"desa_kode"`
	DusunID      sql.NullInt64  `db:"dusun_id"`
	Gender       sql.NullString `db:"gender"`
	Lang         sql.NullString `db:"lang"`
	Channel      sql.NullString `db:"channel"`
	ConsentAt    *time.Time     `db:"consent_at"`
	RegisteredAt *time.Time     `db:"registered_at"`
	OptedOutAt   *time.Time     `db:"opted_out_at"`
	SessionSeq   sql.NullInt64  `db:"session_seq"`
	SessionFlow  sql.NullString `db:"session_flow"`
	Roles        pq.StringArray `db:"roles"`
}

// BeginLoggedTurn is BeginTurn and LogInbound for a message without a
// file, in one round trip (the pipeline's common case). duplicate reports a
// message id delivered before; the turn is then rolled back.
func (s *Store) BeginLoggedTurn(ctx context.Context, in Inbound) (t *Turn, inboundID int64, duplicate bool, err error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, 0, false, fmt.Errorf("beginning turn: %w", err)
	}
	t, inboundID, duplicate, err = loggedTurn(ctx, tx, in)
	if err != nil || duplicate {
		_ = tx.Rollback()
	}
	if t != nil {
		t.places = s.places
	}
	return t, inboundID, duplicate, err
}

func loggedTurn(ctx context.Context, tx *sqlx.Tx, in Inbound) (t *Turn, inboundID int64, duplicate bool, err error) {
	var r loggedRow
	if err := tx.GetContext(ctx, &r, sqlBeginLogged, in.Channel, in.ExtID, string(in.Phone), StoredText(in.Text)); err != nil {
		return nil, 0, false, fmt.Errorf("beginning turn: %w", err)
	}
	if !r.InboundID.Valid {
		return nil, 0, true, nil
	}
	return r.turn(tx), r.InboundID.Int64, false, nil
}

func (r loggedRow) turn(tx *sqlx.Tx) *Turn {
	t := &Turn{tx: tx}
	if r.ID.Valid {
		t.contact = contactRow{ID: r.ID.Int64, Phone: r.Phone.String, Name: r.Name.String, DesaKode: r.DesaKode, DusunID: r.DusunID,
			Gender: r.Gender.String, Lang: r.Lang.String, Channel: r.Channel.String, ConsentAt: r.ConsentAt, RegisteredAt: r.RegisteredAt,
			OptedOutAt: r.OptedOutAt, SessionSeq: r.SessionSeq.Int64, SessionFlow: r.SessionFlow.String, Roles: r.Roles}.contact()
	}
	return t
}

// Batch is one transaction holding the turns of several inbound messages,
// each from a different sender (group commit): LoggedTurns logs them all
// and reads their senders in one statement, each turn runs its flow's
// reads and writes, FinishAll queues every reply and advances every
// counter in one statement, and they share the BEGIN, the COMMIT and the
// wait for the disk. It is all or nothing: when one turn fails the caller
// rolls the batch back and handles its messages one by one.
type Batch struct {
	tx     *sqlx.Tx
	places *placeCache
}

// BeginBatch opens a batch.
func (s *Store) BeginBatch(ctx context.Context) (*Batch, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("beginning batch: %w", err)
	}
	return &Batch{tx: tx, places: s.places}, nil
}

// Logged is one message of LoggedTurns: its turn, or Duplicate.
type Logged struct {
	Turn      *Turn
	InboundID int64
	Duplicate bool
}

// sqlLogAll is sqlBeginLogged for many senders: their contacts locked in id
// order (two batches never wait for each other in a circle), every message
// logged, one row per message in the order given.
const sqlLogAll = `
	WITH m AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS m(channel, ext_id, phone, text, ord)),
	c AS (SELECT ` + contactColumns + ` FROM contacts c WHERE c.phone IN (SELECT phone FROM m) ORDER BY c.id FOR NO KEY UPDATE OF c),
	i AS (
		INSERT INTO inbound_messages (channel, ext_id, phone, contact_id, text)
		SELECT m.channel, m.ext_id, m.phone, c.id, CASE WHEN c.id IS NOT NULL THEN m.text END
		FROM m LEFT JOIN c ON c.phone = m.phone ORDER BY m.ord
		ON CONFLICT (channel, ext_id) DO NOTHING RETURNING id, channel, ext_id
	)
	SELECT i.id AS inbound_id, c.* FROM m
	LEFT JOIN i ON i.channel = m.channel AND i.ext_id = m.ext_id
	LEFT JOIN c ON c.phone = m.phone
	ORDER BY m.ord`

// LoggedTurns is BeginLoggedTurn for messages of different senders, in one
// statement. The senders must differ (each turn reads its contact as it
// was before any of them), and so must the message ids (one dedupe row
// would answer for two messages); otherwise it refuses the batch.
func (b *Batch) LoggedTurns(ctx context.Context, ins []Inbound) ([]Logged, error) {
	n := len(ins)
	channels, exts, phones, texts := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	senders, ids := make(map[domain.Phone]bool, n), make(map[[2]string]bool, n)
	for i, in := range ins {
		id := [2]string{in.Channel, in.ExtID}
		if senders[in.Phone] || ids[id] {
			return nil, fmt.Errorf("logging a batch: %s or its message id twice", in.Phone.Masked())
		}
		senders[in.Phone], ids[id] = true, true
		channels[i], exts[i], phones[i], texts[i] = in.Channel, in.ExtID, string(in.Phone), StoredText(in.Text)
	}
	var rows []loggedRow
	if err := b.tx.SelectContext(ctx, &rows, sqlLogAll, pq.Array(channels), pq.Array(exts), pq.Array(phones), pq.Array(texts)); err != nil {
		return nil, fmt.Errorf("logging a batch: %w", err)
	}
	if len(rows) != n {
		return nil, fmt.Errorf("logging a batch: %d rows for %d messages", len(rows), n)
	}
	out := make([]Logged, n)
	for i, r := range rows {
		if !r.InboundID.Valid {
			out[i].Duplicate = true
			continue
		}
		t := r.turn(b.tx)
		t.places = b.places
		t.shared = true
		out[i] = Logged{Turn: t, InboundID: r.InboundID.Int64}
	}
	return out, nil
}

// Finish is one turn's end for FinishAll: its replies, and the flow and
// channel for its contact's counter.
type Finish struct {
	Turn    *Turn
	Replies []Outbound
	Flow    string
	Channel string
}

// FinishAll is FinishWithReplies for many turns of the batch in one
// statement; it returns each turn's counter (0 without a contact). Turns
// with a contact deleted in them take FinishWithReplies.
func (b *Batch) FinishAll(ctx context.Context, fs []Finish) ([]int64, error) {
	var msgs []Outbound
	var ids []int64
	var flows, channels []string
	for _, f := range fs {
		if f.Turn.forget != "" {
			return nil, errors.New("finishing a batch: a turn that deleted its contact")
		}
		msgs = append(msgs, f.Replies...)
		if c := f.Turn.contact; c != nil {
			ids, flows, channels = append(ids, int64(c.ID)), append(flows, f.Flow), append(channels, f.Channel)
		}
	}
	args := append(outboundArrays(msgs), pq.Array(ids), pq.Array(flows), pq.Array(channels))
	var rows []struct {
		ID  int64 `db:"id"`
		Seq int64 `db:"session_seq"`
	}
	if err := b.tx.SelectContext(ctx, &rows, sqlFinishAll, args...); err != nil {
		return nil, fmt.Errorf("finishing a batch: %w", err)
	}
	seqs := make(map[int64]int64, len(rows))
	for _, r := range rows {
		seqs[r.ID] = r.Seq
	}
	out := make([]int64, len(fs))
	for i, f := range fs {
		if c := f.Turn.contact; c != nil {
			out[i] = seqs[int64(c.ID)]
		}
	}
	return out, nil
}

const sqlFinishAll = `
	WITH o AS (` + sqlQueueOutbound + `)
	UPDATE contacts c SET session_seq = c.session_seq + 1, session_flow = x.flow,
		channel = CASE WHEN c.channel_pinned THEN c.channel ELSE x.channel END
	FROM unnest($9::bigint[], $10::text[], $11::text[]) AS x(id, flow, channel)
	WHERE c.id = x.id RETURNING c.id, c.session_seq`

// Commit stores every turn of the batch.
func (b *Batch) Commit() error {
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("committing batch: %w", err)
	}
	return nil
}

// Rollback stores none of them; it is safe after Commit.
func (b *Batch) Rollback() { _ = b.tx.Rollback() }

const sqlFinishWithReplies = `
	WITH o AS (` + sqlQueueOutbound + `)
	UPDATE contacts SET session_seq = session_seq + 1, session_flow = $9,
		channel = CASE WHEN channel_pinned THEN channel ELSE $10 END
	WHERE id = $11 RETURNING session_seq`

// FinishWithReplies queues the turn's replies and advances the contact's
// message counter (FinishTurn) in one statement; it returns the counter.
// With no contact, or replies to forget, it takes the two steps.
func (t *Turn) FinishWithReplies(ctx context.Context, msgs []Outbound, flow, channel string) (int64, error) {
	if t.contact == nil || t.forget != "" || len(msgs) == 0 {
		if _, err := t.QueueOutbound(ctx, msgs); err != nil {
			return 0, err
		}
		return t.FinishTurn(ctx, flow, channel)
	}
	args := append(outboundArrays(msgs), flow, channel, int64(t.contact.ID))
	var seq int64
	if err := t.tx.GetContext(ctx, &seq, sqlFinishWithReplies, args...); err != nil {
		return 0, fmt.Errorf("finishing turn: %w", err)
	}
	return seq, nil
}
