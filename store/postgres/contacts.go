package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// contactRow is a contacts row with the roles folded in by the query.
type contactRow struct {
	ID           int64          `db:"id"`
	Phone        string         `db:"phone"`
	Name         string         `db:"name"`
	DesaKode     sql.NullString `db:"desa_kode"`
	DusunID      sql.NullInt64  `db:"dusun_id"`
	Gender       string         `db:"gender"`
	Lang         string         `db:"lang"`
	Channel      string         `db:"channel"`
	ConsentAt    *time.Time     `db:"consent_at"`
	RegisteredAt *time.Time     `db:"registered_at"`
	OptedOutAt   *time.Time     `db:"opted_out_at"`
	SessionSeq   int64          `db:"session_seq"`
	SessionFlow  string         `db:"session_flow"`
	Roles        pq.StringArray `db:"roles"`
}

func (r contactRow) contact() *domain.Contact {
	c := &domain.Contact{
		ID: domain.ContactID(r.ID), Phone: domain.Phone(r.Phone), Name: r.Name,
		DesaKode: r.DesaKode.String, DusunID: r.DusunID.Int64, Gender: domain.Gender(r.Gender),
		Lang: r.Lang, Channel: r.Channel, ConsentAt: r.ConsentAt, RegisteredAt: r.RegisteredAt,
		OptedOutAt: r.OptedOutAt, SessionSeq: r.SessionSeq, SessionFlow: r.SessionFlow,
	}
	for _, s := range r.Roles {
		role, desa, _ := strings.Cut(s, "|")
		c.Roles = append(c.Roles, domain.RoleAssignment{Phone: c.Phone, Role: domain.Role(role), DesaKode: desa})
	}
	return c
}

const contactColumns = `c.id, c.phone, c.name, c.desa_kode, c.dusun_id, c.gender, ` + contactLangSQL + ` AS lang, c.channel,
	c.consent_at, c.registered_at, c.opted_out_at, c.session_seq, c.session_flow,
	ARRAY(SELECT r.role || '|' || r.desa_kode FROM roles r WHERE r.phone = c.phone ORDER BY r.role, r.desa_kode) AS roles`

// contactLangSQL is the language of contact c: their own choice, else their
// desa's default, else Indonesian.
const contactLangSQL = `COALESCE(NULLIF(c.lang, ''), (SELECT d.lang FROM desa d WHERE d.kode = c.desa_kode), 'id')`

// localizedSQL picks, from the JSON object of texts by language in
// parameter p, the one in contact c's language (Indonesian when missing).
func localizedSQL(p string) string { return localizedIn(p, contactLangSQL) }

// localizedIn is localizedSQL for the language expression lang (a fan-out
// joins the desa once instead of a subquery per contact).
func localizedIn(p, lang string) string {
	return `COALESCE(` + p + `::jsonb ->> ` + lang + `, ` + p + `::jsonb ->> 'id')`
}

// personalSQL fills "{nama}" in the SQL text expression text with the
// contact's name, and writes "Bapak/Ibu {nama}" (Sundanese "Bapa/Ibu") as
// "Ibu Wati" or "Bapak Darto" when the contact gave their gender.
func personalSQL(text, name, gender string) string {
	address := func(male string) string {
		return `CASE ` + gender + ` WHEN 'P' THEN 'Ibu {nama}' WHEN 'L' THEN '` + male + ` {nama}' ELSE '` + male + `/Ibu {nama}' END`
	}
	return `replace(replace(replace(` + text + `, 'Bapak/Ibu {nama}', ` + address("Bapak") + `), 'Bapa/Ibu {nama}', ` +
		address("Bapa") + `), '{nama}', ` + name + `)`
}

// Texts is one message in every language, by language code, for messages
// queued to many people at once: each gets it in their own language. A
// message to a meeting's invitees may add texts for those who answered,
// keyed by domain.RSVP.TextKey ("id/HADIR"; localizedAnswerSQL).
type Texts map[string]string

// localizedAnswerSQL is localizedSQL for an invitee whose answer is the
// SQL expression rsvp (empty: none): the text of their language and answer
// (domain.RSVP.TextKey, "<lang>/<rsvp>") when the texts have one.
func localizedAnswerSQL(p, rsvp string) string { return localizedAnswerIn(p, contactLangSQL, rsvp) }

// localizedAnswerIn is localizedAnswerSQL for the language expression
// lang (localizedIn).
func localizedAnswerIn(p, lang, rsvp string) string {
	return `COALESCE(` + p + `::jsonb ->> (` + lang + ` || '/' || ` + rsvp + `), ` + localizedIn(p, lang) + `)`
}

// textsJSON encodes texts by language for localizedSQL.
func textsJSON(texts Texts) string {
	b, _ := json.Marshal(texts)
	return string(b)
}

const sqlContactByPhone = `SELECT ` + contactColumns + ` FROM contacts c WHERE c.phone = $1`

// ContactByPhone returns the contact with its roles, or domain.ErrNotFound.
func (s *Store) ContactByPhone(ctx context.Context, phone domain.Phone) (*domain.Contact, error) {
	return contactByPhone(ctx, s.db, phone, false)
}

func contactByPhone(ctx context.Context, q sqlx.QueryerContext, phone domain.Phone, lock bool) (*domain.Contact, error) {
	query := sqlContactByPhone
	if lock {
		query += ` FOR NO KEY UPDATE OF c`
	}
	var row contactRow
	err := sqlx.GetContext(ctx, q, &row, query, string(phone))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no contact %s", phone.Masked())
	}
	if err != nil {
		return nil, fmt.Errorf("loading contact: %w", err)
	}
	return row.contact(), nil
}

// UpsertRegisteredContact stores a registered contact with consent, for the
// demo data and for a facilitator registering someone on paper.
func (s *Store) UpsertRegisteredContact(ctx context.Context, c domain.Contact) (domain.ContactID, error) {
	var dusun any
	if c.DusunID != 0 {
		dusun = c.DusunID
	}
	var id int64
	err := s.db.GetContext(ctx, &id, `
		INSERT INTO contacts (phone, name, desa_kode, dusun_id, gender, channel, consent_at, registered_at)
		VALUES ($1, $2, $3, $4, $5, $6, now(), now())
		ON CONFLICT (phone) DO UPDATE SET name = EXCLUDED.name, desa_kode = EXCLUDED.desa_kode,
			dusun_id = EXCLUDED.dusun_id, gender = EXCLUDED.gender, updated_at = now()
		RETURNING id`, string(c.Phone), c.Name, c.DesaKode, dusun, string(c.Gender), c.Channel)
	if err != nil {
		return 0, fmt.Errorf("storing contact: %w", err)
	}
	return domain.ContactID(id), nil
}

// GrantRole gives a phone number a role in a desa; granting twice is a no-op.
func (s *Store) GrantRole(ctx context.Context, a domain.RoleAssignment, by string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO roles (phone, role, desa_kode, granted_by) VALUES ($1, $2, $3, $4)
		ON CONFLICT DO NOTHING`, string(a.Phone), string(a.Role), a.DesaKode, by)
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "23503" {
		return domain.Errorf(domain.ENOTFOUND, "no desa %s", a.DesaKode)
	}
	if err != nil {
		return fmt.Errorf("granting role: %w", err)
	}
	return nil
}

// RevokeRole takes a role away; it reports ENOTFOUND when it was not held.
func (s *Store) RevokeRole(ctx context.Context, a domain.RoleAssignment) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM roles WHERE phone = $1 AND role = $2 AND desa_kode = $3`,
			string(a.Phone), string(a.Role), a.DesaKode)
		if err != nil {
			return fmt.Errorf("revoking role: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.ENOTFOUND, "%s does not hold %s in %s", a.Phone.Masked(), a.Role, a.DesaKode)
		}
		if a.Role != domain.RoleTPK {
			return nil
		}
		// A TPK reports on the kegiatan whose team it is in: without the
		// role it is in none of its desa's teams, so LAPOR no longer
		// takes its reports (a handed-over work's Tim Pemelihara is
		// another team, named at the handover).
		if _, err := tx.ExecContext(ctx, `DELETE FROM kegiatan_tpk m USING kegiatan k
			WHERE m.kegiatan_id = k.id AND k.desa_kode = $2 AND m.phone = $1 AND m.role = 'TPK'`, string(a.Phone), a.DesaKode); err != nil {
			return fmt.Errorf("leaving the desa's TPK teams: %w", err)
		}
		return nil
	})
}

// RoleListing is one role with the holder's name when they registered.
type RoleListing struct {
	domain.RoleAssignment
	Name     string `db:"name"`
	DesaNama string `db:"desa_nama"`
	// SourceMeeting is the code of the meeting whose election granted the
	// role ("" for one granted by hand).
	SourceMeeting string `db:"source_meeting"`
}

// ListRoles lists role assignments, of one desa when desaKode is set.
// The two cases are two statements: one plan kept for both (the statement
// cache's generic plan) served a desa as slowly as the whole kabupaten.
func (s *Store) ListRoles(ctx context.Context, desaKode string) ([]RoleListing, error) {
	var out []RoleListing
	where, args := ``, []any{}
	if desaKode != "" {
		where, args = `WHERE r.desa_kode = $1`, []any{desaKode}
	}
	err := s.db.SelectContext(ctx, &out, `
		SELECT r.phone, r.role, r.desa_kode, COALESCE(c.name, '') AS name, COALESCE(d.nama, '') AS desa_nama,
			COALESCE(sm.code, '') AS source_meeting
		FROM roles r LEFT JOIN contacts c ON c.phone = r.phone LEFT JOIN desa d ON d.kode = r.desa_kode
			LEFT JOIN meetings sm ON sm.id = r.source_meeting_id
		`+where+`
		ORDER BY r.desa_kode, r.role, r.phone`, args...)
	if err != nil {
		return nil, fmt.Errorf("listing roles: %w", err)
	}
	return out, nil
}

// PersonalData gathers what the service keeps about a contact, for DATA
// SAYA (flows.View).
func (t *Turn) PersonalData(ctx context.Context, id domain.ContactID) (domain.PersonalData, error) {
	return personalData(ctx, t.tx, id)
}

// PersonalDataByPhone loads a contact and what is kept about them, for a
// facilitator answering a written request (UU 27/2022's right of access).
func (s *Store) PersonalDataByPhone(ctx context.Context, phone domain.Phone) (*domain.Contact, domain.PersonalData, error) {
	c, err := contactByPhone(ctx, s.db, phone, false)
	if err != nil {
		return nil, domain.PersonalData{}, err
	}
	pd, err := personalData(ctx, s.db, c.ID)
	return c, pd, err
}

func personalData(ctx context.Context, q sqlx.QueryerContext, id domain.ContactID) (domain.PersonalData, error) {
	var pd domain.PersonalData
	err := q.QueryRowxContext(ctx, `SELECT coalesce(d.nama, ''), coalesce(du.nama, ''), c.wants_personal
		FROM contacts c LEFT JOIN desa d ON d.kode = c.desa_kode LEFT JOIN dusun du ON du.id = c.dusun_id WHERE c.id = $1`, int64(id)).
		Scan(&pd.DesaNama, &pd.DusunNama, &pd.WantsPersonal)
	if err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &pd.Gagasan, `SELECT code FROM gagasan WHERE sender_id = $1 ORDER BY id`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.GetContext(ctx, q, &pd.RSVPs, `SELECT count(*) FROM invitations WHERE contact_id = $1 AND rsvp <> ''`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &pd.Complaints, `SELECT code FROM complaints WHERE contact_id = $1 AND NOT anonymous ORDER BY id`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &pd.Channels, `SELECT DISTINCT channel FROM inbound_messages
		WHERE contact_id = $1 OR phone = (SELECT phone FROM contacts WHERE id = $1) ORDER BY channel`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &pd.Votes, `SELECT m.code FROM ballots b JOIN votes v ON v.id = b.vote_id
		JOIN meetings m ON m.id = v.meeting_id WHERE b.contact_id = $1 ORDER BY v.opened_at, v.id`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	if err := sqlx.GetContext(ctx, q, &pd.VoiceNotes, `SELECT count(*) FROM voice_notes v JOIN media m ON m.id = v.media_id
		WHERE m.contact_id = $1`, int64(id)); err != nil {
		return pd, fmt.Errorf("loading personal data: %w", err)
	}
	return pd, nil
}

// MoveOutcome is what MoveContact did.
type MoveOutcome string

// The outcomes of MoveContact.
const (
	MoveDone      MoveOutcome = "moved"
	MoveDuplicate MoveOutcome = "duplicate"  // the same notice was handled before
	MoveNoContact MoveOutcome = "no contact" // the old number never consented: nothing kept to move
	MoveRefused   MoveOutcome = "refused"    // the new number is already a contact
)

// NumberMove is a number change a channel reported, once per ExtID.
type NumberMove struct {
	Channel, ExtID string
	From, To       domain.Phone
}

// moveGroupMembers moves the WhatsApp group memberships of number from to
// number to (wa_group_members): the old number, which the operator may give
// to someone else, is left in no group.
func moveGroupMembers(ctx context.Context, tx *sqlx.Tx, from, to domain.Phone) error {
	_, err := tx.ExecContext(ctx, `WITH n AS (
			INSERT INTO wa_group_members (group_id, phone, admin) SELECT group_id, $2, admin FROM wa_group_members WHERE phone = $1
			ON CONFLICT DO NOTHING
		)
		DELETE FROM wa_group_members WHERE phone = $1`, string(from), string(to))
	if err != nil {
		return fmt.Errorf("moving group members: %w", err)
	}
	return nil
}

// MoveContact moves the contact of number From to number To, in one
// transaction, and queues notice (rendered in the contact's language) to the
// new number. Everything keyed by the number follows: the contact with its
// history, records and consent (kept by id), roles, TPK assignments, the
// gagasan news it receives for someone else, the message log and the
// messages still queued, its WhatsApp group memberships (also of a member
// who is no contact); texts sent that quoted the old number quote the new
// one, so that nothing keeps a number the operator may give to someone
// else and HAPUS DATA still finds everything.
//
// When To is already a contact, nothing moves (MoveRefused): that contact
// may be someone else (a number given again to a new subscriber), and
// merging would hand one person's records, roles and consent to another.
// The caller logs it for a facilitator, who can settle it with the person.
func (s *Store) MoveContact(ctx context.Context, mv NumberMove, notice func(lang string) string) (MoveOutcome, error) {
	out := MoveDone
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var inboundID int64
		err := tx.GetContext(ctx, &inboundID, `INSERT INTO inbound_messages (channel, ext_id, phone) VALUES ($1, $2, $3)
			ON CONFLICT (channel, ext_id) DO NOTHING RETURNING id`, mv.Channel, mv.ExtID, string(mv.To))
		if errors.Is(err, sql.ErrNoRows) {
			out = MoveDuplicate
			return nil
		}
		if err != nil {
			return fmt.Errorf("logging number change: %w", err)
		}
		c, err := contactByPhone(ctx, tx, mv.From, true)
		if errors.Is(err, domain.ErrNotFound) {
			// A group member who never wrote: their membership follows.
			out = MoveNoContact
			return moveGroupMembers(ctx, tx, mv.From, mv.To)
		}
		if err != nil {
			return err
		}
		var taken bool
		if err := tx.GetContext(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM contacts WHERE phone = $1)`, string(mv.To)); err != nil {
			return fmt.Errorf("checking new number: %w", err)
		}
		if taken {
			out = MoveRefused
			return nil
		}
		if err := moveGroupMembers(ctx, tx, mv.From, mv.To); err != nil {
			return err
		}
		const q = `
			WITH k AS (
				UPDATE contacts SET phone = $2, updated_at = now() WHERE id = $3
			), r AS (
				-- Roles granted to the new number beforehand stay; the old
				-- number's join them.
				INSERT INTO roles (phone, role, desa_kode, granted_by, granted_at, source_meeting_id)
				SELECT $2, role, desa_kode, granted_by, granted_at, source_meeting_id FROM roles WHERE phone = $1
				ON CONFLICT DO NOTHING
			), rd AS (
				DELETE FROM roles WHERE phone = $1
			), t AS (
				INSERT INTO kegiatan_tpk (kegiatan_id, phone, role) SELECT kegiatan_id, $2, role FROM kegiatan_tpk WHERE phone = $1
				ON CONFLICT DO NOTHING
			), td AS (
				DELETE FROM kegiatan_tpk WHERE phone = $1
			), w AS (
				UPDATE wa_lid_map SET phone = $2, updated_at = now() WHERE phone = $1
			), g AS (
				UPDATE gagasan SET notify_phone = $2 WHERE notify_phone = $1
			), i AS (
				UPDATE inbound_messages SET phone = $2 WHERE phone = $1
			)
			UPDATE outbound_messages SET to_phone = CASE WHEN to_phone = $1 THEN $2 ELSE to_phone END,
				text = regexp_replace(text, $4, $2, 'g')
			WHERE to_phone = $1 OR text ~ $4`
		// The old number as a whole number: "+6281234567" must not rewrite
		// "+62812345678", another person's.
		whole := regexp.QuoteMeta(string(mv.From)) + `(?![0-9])`
		if _, err := tx.ExecContext(ctx, q, string(mv.From), string(mv.To), int64(c.ID), whole); err != nil {
			return fmt.Errorf("moving contact: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE inbound_messages SET contact_id = $2 WHERE id = $1`, inboundID, int64(c.ID)); err != nil {
			return fmt.Errorf("moving contact: %w", err)
		}
		id := c.ID
		_, err = queueOutbound(ctx, tx, []Outbound{{Channel: mv.Channel, To: mv.To, ContactID: &id, Text: notice(c.Lang),
			Kind: "reply", Priority: PriorityReply, InboundID: &inboundID}})
		return err
	})
	if err != nil {
		return "", err
	}
	return out, nil
}
