package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

const meetingColumns = `m.id, m.code, m.type, m.desa_kode, d.nama AS desa_nama, k.nama AS kecamatan_nama, m.dusun_id, COALESCE(du.nama, '') AS dusun_nama,
	m.audience, m.starts_at, m.place, m.agenda, m.status, m.attended, m.attended_women, k.tz,
	m.ba_media_id, m.ba_sent_at`

const meetingFrom = ` FROM meetings m JOIN desa d ON d.kode = m.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
	LEFT JOIN dusun du ON du.id = m.dusun_id`

func meetingByCode(ctx context.Context, q sqlx.QueryerContext, code string) (*domain.Meeting, error) {
	var m domain.Meeting
	err := sqlx.GetContext(ctx, q, &m, `SELECT `+meetingColumns+meetingFrom+` WHERE m.code = $1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no meeting %s", code)
	}
	if err != nil {
		return nil, fmt.Errorf("loading meeting: %w", err)
	}
	return &m, nil
}

// MeetingByCode returns a meeting, or domain.ErrNotFound.
func (s *Store) MeetingByCode(ctx context.Context, code string) (*domain.Meeting, error) {
	return meetingByCode(ctx, s.db, code)
}

// Meeting returns a meeting (flows.View).
func (t *Turn) Meeting(ctx context.Context, code string) (*domain.Meeting, error) {
	return meetingByCode(ctx, t.tx, code)
}

// audiences is the one rule of who is in a meeting's audience: for each
// audience ($3), the condition on contact c ($1 desa, $2 dusun). MAD
// invites the role holders (KPMD, TPK, …) of every desa of the kecamatan.
var audiences = []struct{ name, cond string }{
	{"DESA", `c.desa_kode = $1`},
	{"DUSUN", `c.dusun_id = $2`},
	{"PEREMPUAN", `c.desa_kode = $1 AND c.gender = 'P'`},
	{"MAD", `EXISTS (SELECT 1 FROM roles r JOIN desa rd ON rd.kode = r.desa_kode
		WHERE r.phone = c.phone AND rd.kecamatan_kode = (SELECT kecamatan_kode FROM desa WHERE kode = $1))`},
}

// reachableSQL: registered, not opted out, with a channel to write to (its
// own, or the narrowest running one covering its desa: pushChannelSQL).
var reachableSQL = `c.registered_at IS NOT NULL AND c.opted_out_at IS NULL AND ` + pushChannelSQL("c") + ` <> ''`

// inAudienceSQL tells whether contact c is in the audience ($1 desa, $2
// dusun, $3 audience), for one contact at a time.
var inAudienceSQL = func() string {
	var or []string
	for _, a := range audiences {
		or = append(or, `($3 = '`+a.name+`' AND `+a.cond+`)`)
	}
	return "(" + strings.Join(or, " OR ") + ")"
}()

// audienceFilter selects the registered, not opted-out contacts a meeting
// invites; $1 desa, $2 dusun, $3 audience.
var audienceFilter = reachableSQL + ` AND ` + inAudienceSQL

// audienceRows selects cols of the contacts a meeting invites ($1 desa, $2
// dusun, $3 audience): one branch per audience, each found by an index,
// the others skipped at once. Statements are prepared once and run on
// a generic plan (the statement cache), in which audienceFilter's ORs are
// a scan of every contact per meeting: a fan-out to every desa of a
// kabupaten of 100,000 residents took six and a half minutes.
func audienceRows(cols string) string {
	var branches []string
	for _, a := range audiences {
		branches = append(branches, `SELECT `+cols+` FROM contacts c WHERE $3 = '`+a.name+`' AND `+reachableSQL+` AND `+a.cond)
	}
	return strings.Join(branches, "\n\t\tUNION ALL ")
}

// ofMeeting binds an audience rule's parameters to meeting m's columns.
var ofMeeting = strings.NewReplacer("$1", "m.desa_kode", "$2", "m.dusun_id", "$3", "m.audience")

// CountAudience counts who an invitation would reach (flows.View): the
// cadre composing it is not invited to their own meeting (fanOut).
func (t *Turn) CountAudience(ctx context.Context, desaKode string, dusunID *int64, aud domain.Audience) (int, error) {
	var self int64
	if t.contact != nil {
		self = int64(t.contact.ID)
	}
	return countAudience(ctx, t.tx, desaKode, dusunID, aud, self)
}

// MeetingAudience counts who a meeting's invitation (and its suara warga)
// reaches now: the registered residents of its audience but its organiser.
func (s *Store) MeetingAudience(ctx context.Context, m domain.Meeting) (int, error) {
	var organiser int64 // not invited to their own meeting (fanOut)
	if err := s.db.GetContext(ctx, &organiser, `SELECT COALESCE(created_by, 0) FROM meetings WHERE id = $1`, m.ID); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("loading organiser: %w", err)
	}
	return countAudience(ctx, s.db, m.DesaKode, m.DusunID, m.Audience, organiser)
}

// countAudience counts the audience but contact skip (0: none).
func countAudience(ctx context.Context, q sqlx.QueryerContext, desaKode string, dusunID *int64, aud domain.Audience, skip int64) (int, error) {
	var n int
	err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM (`+audienceRows("c.id")+`) c WHERE c.id <> $4`, desaKode, dusunID, string(aud), skip)
	if err != nil {
		return 0, fmt.Errorf("counting audience: %w", err)
	}
	return n, nil
}

// WaitingGagasan lists a desa's (or dusun's) gagasan waiting to be
// discussed, oldest first (flows.View).
func (t *Turn) WaitingGagasan(ctx context.Context, desaKode string, dusunID *int64, limit int) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	err := t.tx.SelectContext(ctx, &out, `SELECT `+gagasanColumns+`
		FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE g.desa_kode = $1 AND ($2::bigint IS NULL OR g.dusun_id = $2) AND g.status IN ('DIAJUKAN', 'DIBAHAS')
		ORDER BY g.created_at, g.id LIMIT $3`, desaKode, dusunID, limit)
	if err != nil {
		return nil, fmt.Errorf("listing waiting gagasan: %w", err)
	}
	return out, nil
}

// Reminder offsets before a meeting, by kind.
type ReminderPlan map[string]time.Duration

// DefaultReminders: the day before and two hours before.
var DefaultReminders = ReminderPlan{"H-1": 24 * time.Hour, "J-2": 2 * time.Hour}

// ParseReminderPlan reads offsets before a meeting such as "24h,2h" (the
// default). Whole days are named H-n (the day before is H-1), the rest J-n
// in hours, as Indonesians write them.
func ParseReminderPlan(s string) (ReminderPlan, error) {
	plan := ReminderPlan{}
	for _, f := range strings.Split(s, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(f))
		if err != nil || d <= 0 || d > 30*24*time.Hour {
			return nil, ruleReminderDuration.Err(f)
		}
		name := fmt.Sprintf("J-%d", int(d.Round(time.Hour).Hours()))
		if d%(24*time.Hour) == 0 {
			name = fmt.Sprintf("H-%d", int(d.Hours())/24)
		}
		plan[name] = d
	}
	return plan, nil
}

// CreateMeeting stores a meeting, its agenda and reminders, fixes its
// recipients and queues their personalised invitations — "{nama}" in the
// text becomes each one's name — and the post into the linked groups that
// get it (nil: none; fanOut), in one transaction and one statement for
// the fan-out. It returns the number invited.
func (t *Turn) CreateMeeting(ctx context.Context, m domain.Meeting, agenda []int64, invite, post Texts, plan ReminderPlan) (int, error) {
	if err := t.requireContact(); err != nil {
		return 0, err
	}
	if _, err := t.tx.ExecContext(ctx, `SAVEPOINT meeting_code`); err != nil {
		return 0, fmt.Errorf("savepoint: %w", err)
	}
	var id int64
	err := t.tx.GetContext(ctx, &id, `INSERT INTO meetings (code, type, desa_kode, dusun_id, audience, starts_at, place, agenda, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		m.Code, string(m.Type), m.DesaKode, m.DusunID, string(m.Audience), m.StartsAt, m.Place, m.Agenda, int64(t.contact.ID))
	if isUniqueViolation(err, "meetings_code_key") {
		_, _ = t.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT meeting_code`)
		return 0, ErrCodeTaken
	}
	if err != nil {
		return 0, fmt.Errorf("storing meeting: %w", err)
	}
	if len(agenda) > 0 {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`,
			id, pq.Array(agenda)); err != nil {
			return 0, fmt.Errorf("storing agenda: %w", err)
		}
	}
	for kind, before := range plan {
		if _, err := t.tx.ExecContext(ctx, sqlScheduleReminder, id, kind, m.StartsAt.Add(-before)); err != nil {
			return 0, fmt.Errorf("scheduling reminder: %w", err)
		}
	}
	return fanOut(ctx, t.tx, id, m, invite, post)
}

// sqlScheduleReminder (re)schedules one reminder of a meeting. A reminder
// whose time has already passed (a meeting set for tomorrow at ten, at a
// quarter past ten today: the day-before reminder) is recorded as done, not
// sent: it would reach everyone right behind the invitation or the notice
// of the move.
const sqlScheduleReminder = `
	INSERT INTO reminders (meeting_id, kind, due_at, done_at)
	VALUES ($1, $2, $3, CASE WHEN $3::timestamptz <= now() THEN now() END)
	ON CONFLICT (meeting_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, done_at = EXCLUDED.done_at`

// fanOut fixes the recipients and queues their invitations in one
// statement: one post into each linked group that gets it (post, by
// language; none when nil) and a personal message to every recipient not
// reached by one of those posts. Every recipient gets an invitations row,
// by_group and without a message for those the group post reached.
func fanOut(ctx context.Context, tx *sqlx.Tx, meetingID int64, m domain.Meeting, text, post Texts) (int, error) {
	auds, dusun, posts, groups, err := groupPostArgs(ctx, tx, m.DesaKode, m.Audience, m.DusunID, post)
	if err != nil {
		return 0, err
	}
	args := []any{m.DesaKode, m.DusunID, string(m.Audience), textsJSON(text), meetingID}
	table := "invitations (meeting_id, contact_id, outbound_id)"
	if groups {
		args = append(args, auds, dusun, posts)
		table = "invitations (meeting_id, contact_id, outbound_id, by_group, group_post)"
	}
	var n int
	// The organiser is not invited to their own meeting ("Mohon balas
	// HADIR" to the KPMD who sent it).
	err = tx.GetContext(ctx, &n, audienceFanOutSQL(table, groups, "(SELECT created_by FROM meetings WHERE id = $5)"), args...)
	if err != nil {
		return 0, fmt.Errorf("fixing recipients: %w", err)
	}
	return n, nil
}

// audienceFanOutSQL queues text $4 (by language, "{nama}" personalised)
// as a broadcast to every registered, not opted-out contact of the
// audience ($1 desa, $2 dusun, $3 audience) and records each recipient
// with its message in table (columns: the record $5, contact, message),
// in one statement; it selects how many it recorded. Invitations and
// suara warga ballots go out this way. With groups, it also posts $8 into
// the groups of $6 (audiences) and $7 (dusun) (groupPostsCTE), sends no
// personal message to a contact reached by the post (byGroupSQL), and
// table has a fourth and a fifth column: reached by the group post, and
// which post (one of the groups they are in). Each post records the
// personal invitation it stands in for (groupPostsCTE's copies). skip is
// an SQL expression of a contact left out ("NULL": none).
func audienceFanOutSQL(table string, groups bool, skip string) string {
	// r: the recipients, with their channel and text; without groups the
	// statement is as it was before groups, costing the same.
	with, cols, r, record := "", "", "r", `SELECT $5, contact_id, id FROM o`
	if groups {
		with = groupPostsCTE("$1", "$6", "$7", "$8", "NULL::bigint",
			"$5::bigint, $4::jsonb, 'broadcast', "+fmt.Sprint(PriorityBroadcast)+", true, false") + ",\n\t\t"
		cols = "c.wants_personal, "
		r = `(SELECT * FROM r WHERE NOT ` + byGroupSQL("r", "r.channel") + `)`
		record = `SELECT $5::bigint, contact_id, id, false, NULL::bigint FROM o
			UNION ALL SELECT $5::bigint, r.id, NULL::bigint, true,
				(SELECT min(gp.id) FROM gp JOIN wa_group_members gm ON gm.group_id = gp.to_group WHERE gm.phone = r.phone)
			FROM r WHERE ` + byGroupSQL("r", "r.channel")
	}
	return `
		WITH ` + with + `r AS (SELECT c.id, c.phone, c.name, c.gender, ` + cols + pushChannelSQL("c") + ` AS channel, ` + localizedIn("$4", `COALESCE(NULLIF(c.lang, ''), cd.lang, 'id')`) + ` AS text
			FROM (` + audienceRows("c.id, c.phone, c.name, c.gender, "+cols+"c.channel, c.channel_pinned, c.lang, c.desa_kode") + `) c LEFT JOIN desa cd ON cd.kode = c.desa_kode
			WHERE c.id IS DISTINCT FROM ` + skip + `),
		o AS (
			INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
			SELECT r.channel, r.phone, r.id, ` + personalSQL("r.text", "r.name", "r.gender") + `, 'broadcast', ` + fmt.Sprint(PriorityBroadcast) + ` FROM ` + r + ` r
			RETURNING id, contact_id
		),
		i AS (
			INSERT INTO ` + table + ` ` + record + `
			ON CONFLICT DO NOTHING RETURNING 1
		)
		SELECT count(*) FROM i`
}

// mayAnswerSQL tells whether contact $2 may answer meeting $1: invited, or
// in its audience now (a resident registered after the invitation went).
// Codes are on the public boards, so anyone else is refused: counts the
// KPMD relies on stay true, and a stranger gets no reminders.
var mayAnswerSQL = `EXISTS (SELECT 1 FROM invitations i WHERE i.meeting_id = $1 AND i.contact_id = $2) OR
	EXISTS (SELECT 1 FROM meetings m JOIN contacts c ON c.id = $2 WHERE m.id = $1 AND ` + ofMeeting.Replace(audienceFilter) + `)`

// MayAnswer tells whether a contact may answer a meeting's invitation
// (flows.View).
func (t *Turn) MayAnswer(ctx context.Context, meetingID int64, id domain.ContactID) (bool, error) {
	var ok bool
	if err := t.tx.GetContext(ctx, &ok, `SELECT `+mayAnswerSQL, meetingID, int64(id)); err != nil {
		return false, fmt.Errorf("checking invitation: %w", err)
	}
	return ok, nil
}

// SetRSVP records a contact's answer to an invitation. A resident of the
// audience who was not on the list (registered later) is added; anyone
// else gets ENOTFOUND, as for a meeting that does not exist.
func (t *Turn) SetRSVP(ctx context.Context, meetingID int64, answer domain.RSVP) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO invitations (meeting_id, contact_id, rsvp, rsvp_at) SELECT $1, $2, $3, now()
		WHERE (`+mayAnswerSQL+`)
		ON CONFLICT (meeting_id, contact_id) DO UPDATE SET rsvp = EXCLUDED.rsvp, rsvp_at = now()`,
		meetingID, int64(t.contact.ID), string(answer))
	if err != nil {
		return fmt.Errorf("storing rsvp: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "no meeting %d for this contact", meetingID)
	}
	return nil
}

// MeetingsFor lists the upcoming scheduled meetings a contact is invited to
// or whose audience includes them (the rule of the invitations, without
// their reachability: an opted-out resident still sees them), soonest
// first (flows.View).
func (t *Turn) MeetingsFor(ctx context.Context, c *domain.Contact, from time.Time, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := t.tx.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+` JOIN contacts c ON c.id = $1
		WHERE m.status = 'DIJADWALKAN' AND m.starts_at > $2 AND (
			EXISTS (SELECT 1 FROM invitations i WHERE i.meeting_id = m.id AND i.contact_id = c.id) OR `+ofMeeting.Replace(inAudienceSQL)+`)
		ORDER BY m.starts_at LIMIT $3`, int64(c.ID), from, limit)
	if err != nil {
		return nil, fmt.Errorf("listing meetings: %w", err)
	}
	return out, nil
}

// RSVPOf returns a contact's answer to a meeting ("" when none).
func (t *Turn) RSVPOf(ctx context.Context, meetingID int64, id domain.ContactID) (domain.RSVP, error) {
	var r string
	err := t.tx.GetContext(ctx, &r, `SELECT rsvp FROM invitations WHERE meeting_id = $1 AND contact_id = $2`, meetingID, int64(id))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("loading rsvp: %w", err)
	}
	return domain.RSVP(r), nil
}

// MeetingStats counts sent, delivered and answered invitations (flows.View).
func (t *Turn) MeetingStats(ctx context.Context, meetingID int64) (domain.MeetingStats, error) {
	return meetingStats(ctx, t.tx, meetingID)
}

// MeetingsAwaitingBA lists the meetings of desas that began before now
// (within 30 days), not cancelled, with no berita acara photo yet, newest
// first (flows.View).
func (t *Turn) MeetingsAwaitingBA(ctx context.Context, desas []string, now time.Time, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := t.tx.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+`
		WHERE m.desa_kode = ANY($1) AND m.status <> 'DIBATALKAN' AND m.starts_at <= $2 AND m.starts_at > $2 - interval '30 days'
			AND m.ba_media_id IS NULL
		ORDER BY m.starts_at DESC LIMIT $3`, pq.Array(desas), now, limit)
	if err != nil {
		return nil, fmt.Errorf("listing meetings awaiting a berita acara: %w", err)
	}
	return out, nil
}

// MeetingAnswerers lists up to limit of a meeting's invitees who answered
// HADIR or TIDAK, HADIR first, by name (flows.View).
func (t *Turn) MeetingAnswerers(ctx context.Context, meetingID int64, limit int) ([]domain.Answerer, error) {
	var out []domain.Answerer
	err := t.tx.SelectContext(ctx, &out, `SELECT c.name, i.rsvp FROM invitations i JOIN contacts c ON c.id = i.contact_id
		WHERE i.meeting_id = $1 AND i.rsvp IN ('HADIR', 'TIDAK') ORDER BY i.rsvp, c.name, c.id LIMIT $2`, meetingID, limit)
	if err != nil {
		return nil, fmt.Errorf("listing answers: %w", err)
	}
	return out, nil
}

func meetingStats(ctx context.Context, q sqlx.QueryerContext, meetingID int64) (domain.MeetingStats, error) {
	var st domain.MeetingStats
	err := sqlx.GetContext(ctx, q, &st, `SELECT count(*) AS invited,
		count(*) FILTER (WHERE o.status IN ('sent', 'delivered', 'read')) AS sent,
		count(*) FILTER (WHERE o.status IN ('delivered', 'read')) AS delivered,
		count(*) FILTER (WHERE i.rsvp = 'HADIR') AS hadir,
		count(*) FILTER (WHERE i.rsvp = 'HADIR' AND c.gender = 'P') AS hadir_women,
		count(*) FILTER (WHERE i.rsvp = 'TIDAK') AS tidak,
		count(*) FILTER (WHERE i.rsvp = '') AS unanswered,
		count(*) FILTER (WHERE i.by_group AND (i.group_post IS NULL OR EXISTS (SELECT 1 FROM outbound_messages p
			WHERE p.id = i.group_post AND p.status IN ('sent', 'delivered', 'read')))) AS by_group
		FROM invitations i JOIN contacts c ON c.id = i.contact_id LEFT JOIN outbound_messages o ON o.id = i.outbound_id
		WHERE i.meeting_id = $1`, meetingID)
	if err != nil {
		return st, fmt.Errorf("counting invitations: %w", err)
	}
	return st, nil
}

// notifyInvitees queues a message ({nama} personalised; the text of the
// invitee's answer where text has one, domain.RSVP.TextKey) to every
// invitee of meeting m who did not opt out, except those who answered
// TIDAK when skipTidak, and post (nil: none) into the linked groups that get it;
// an invitee reached by the post gets no personal copy (fanOut's rule),
// which each post records (ReleaseGroupPosts queues it should the post
// fail).
func notifyInvitees(ctx context.Context, tx sqlx.ExtContext, m domain.Meeting, text, post Texts, kind string, skipTidak bool) (int64, error) {
	auds, dusun, posts, groups, err := groupPostArgs(ctx, tx, m.DesaKode, m.Audience, m.DusunID, post)
	if err != nil {
		return 0, err
	}
	args := []any{m.ID, textsJSON(text), kind, PriorityPush, skipTidak}
	with, byGroup := "", "false"
	if groups {
		args = append(args, m.DesaKode, auds, dusun, posts)
		with, byGroup = `WITH `+groupPostsCTE("$6", "$7", "$8", "$9", "NULL::bigint",
			"$1::bigint, $2::jsonb, $3::text, $4::int, false, $5::boolean"), byGroupSQL("c", "c.channel")
	}
	res, err := tx.ExecContext(ctx, with+`
		INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
		SELECT c.channel, c.phone, c.id, `+personalSQL(localizedAnswerSQL("$2", "c.rsvp"), "c.name", "c.gender")+`, $3, $4
		FROM (SELECT c.id, c.phone, c.name, c.gender, c.lang, c.desa_kode, c.wants_personal, i.rsvp, `+pushChannelSQL("c")+` AS channel
			FROM invitations i JOIN contacts c ON c.id = i.contact_id
			WHERE i.meeting_id = $1 AND c.opted_out_at IS NULL AND NOT ($5 AND i.rsvp = 'TIDAK')) c
		WHERE c.channel <> '' AND NOT `+byGroup, args...)
	if err != nil {
		return 0, fmt.Errorf("notifying invitees: %w", err)
	}
	return res.RowsAffected()
}

func meetingByID(ctx context.Context, q sqlx.QueryerContext, id int64) (domain.Meeting, error) {
	var m domain.Meeting
	if err := sqlx.GetContext(ctx, q, &m, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1`, id); err != nil {
		return m, fmt.Errorf("loading meeting: %w", err)
	}
	return m, nil
}

// CancelMeeting cancels a meeting and tells every invitee, and the linked
// groups by post (nil: none).
func (t *Turn) CancelMeeting(ctx context.Context, meetingID int64, notice, post Texts) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE meetings SET status = 'DIBATALKAN', updated_at = now() WHERE id = $1`, meetingID); err != nil {
		return fmt.Errorf("canceling meeting: %w", err)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE reminders SET done_at = now() WHERE meeting_id = $1 AND done_at IS NULL`, meetingID); err != nil {
		return fmt.Errorf("canceling reminders: %w", err)
	}
	// Its suara warga closes with it: no more ballots, no result pushed
	// (CloseDueVotes takes only open votes) nor shown on the board.
	if _, err := t.tx.ExecContext(ctx, `UPDATE votes SET closed_at = now() WHERE meeting_id = $1 AND closed_at IS NULL`, meetingID); err != nil {
		return fmt.Errorf("closing the canceled meeting's vote: %w", err)
	}
	m, err := meetingByID(ctx, t.tx, meetingID)
	if err != nil {
		return err
	}
	_, err = notifyInvitees(ctx, t.tx, m, notice, post, "push", false)
	return err
}

// MoveMeeting sets a new time and place, reschedules the reminders, brings
// an open vote's closing forward to the new start when it is later, and
// tells every invitee, and the linked groups by post (nil: none).
func (t *Turn) MoveMeeting(ctx context.Context, meetingID int64, at time.Time, place string, notice, post Texts, plan ReminderPlan) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE meetings SET starts_at = $2, place = $3, updated_at = now() WHERE id = $1`, meetingID, at, place); err != nil {
		return fmt.Errorf("moving meeting: %w", err)
	}
	for kind, before := range plan {
		if _, err := t.tx.ExecContext(ctx, sqlScheduleReminder, meetingID, kind, at.Add(-before)); err != nil {
			return fmt.Errorf("rescheduling reminder: %w", err)
		}
	}
	// An open suara warga closes at the latest at the new start.
	if _, err := t.tx.ExecContext(ctx, `UPDATE votes SET closes_at = least(closes_at, $2) WHERE meeting_id = $1 AND closed_at IS NULL`,
		meetingID, at); err != nil {
		return fmt.Errorf("moving the meeting's vote: %w", err)
	}
	m, err := meetingByID(ctx, t.tx, meetingID)
	if err != nil {
		return err
	}
	_, err = notifyInvitees(ctx, t.tx, m, notice, post, "push", false)
	return err
}

// RecordOutcome stores a held meeting's attendance and its decisions in
// the turn (a KPMD's HASIL): each decided gagasan moves and its sender is
// told. o.MeetingID names the meeting; the flow checked that it started.
func (t *Turn) RecordOutcome(ctx context.Context, o Outcome) error {
	return recordOutcome(ctx, t.tx, o.MeetingID, o)
}

// MeetingAgenda lists the gagasan on a meeting's agenda (flows.View).
func (t *Turn) MeetingAgenda(ctx context.Context, meetingID int64) ([]domain.Gagasan, error) {
	return meetingAgenda(ctx, t.tx, meetingID)
}

// MeetingDecisions are the stages a meeting's recorded outcome moved
// gagasan to, by gagasan code: each one's last move by it (flows.View).
func (t *Turn) MeetingDecisions(ctx context.Context, meetingID int64) (map[string]domain.Status, error) {
	var rows []struct {
		Code string        `db:"code"`
		To   domain.Status `db:"to_status"`
	}
	err := t.tx.SelectContext(ctx, &rows, `SELECT DISTINCT ON (g.code) g.code, h.to_status
		FROM gagasan_history h JOIN gagasan g ON g.id = h.gagasan_id
		WHERE h.meeting_id = $1 ORDER BY g.code, h.id DESC`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("listing meeting decisions: %w", err)
	}
	out := make(map[string]domain.Status, len(rows))
	for _, r := range rows {
		out[r.Code] = r.To
	}
	return out, nil
}

// MeetingAgenda lists the gagasan on a meeting's agenda (the admin site).
func (s *Store) MeetingAgenda(ctx context.Context, meetingID int64) ([]domain.Gagasan, error) {
	return meetingAgenda(ctx, s.db, meetingID)
}

// ComingMeetingsWith lists the meetings still to be held (scheduled,
// starting after now) whose agenda holds the gagasan, soonest first.
func (s *Store) ComingMeetingsWith(ctx context.Context, gagasanID int64, now time.Time) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := s.db.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+`
		JOIN meeting_agenda a ON a.meeting_id = m.id
		WHERE a.gagasan_id = $1 AND m.status = $2 AND m.starts_at > $3 ORDER BY m.starts_at, m.id`,
		gagasanID, string(domain.MeetingScheduled), now)
	if err != nil {
		return nil, fmt.Errorf("listing coming meetings of gagasan: %w", err)
	}
	return out, nil
}

func meetingAgenda(ctx context.Context, q sqlx.QueryerContext, meetingID int64) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	err := sqlx.SelectContext(ctx, q, &out, `SELECT `+gagasanColumns+`
		FROM meeting_agenda a JOIN gagasan g ON g.id = a.gagasan_id LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE a.meeting_id = $1 ORDER BY g.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("listing agenda: %w", err)
	}
	return out, nil
}

// DueReminder is a reminder taken for sending.
type DueReminder struct {
	ID      int64
	Meeting domain.Meeting
	Kind    string
}

// SendDueReminders takes due reminders one at a time, each in a transaction
// that marks it done and queues its messages (text made by render for the
// meeting) to invitees who did not answer TIDAK, and the post made by post
// (nil: none) into the linked groups that get it: sent once, even with two
// processes. It returns how many reminders it sent.
func (s *Store) SendDueReminders(ctx context.Context, now time.Time, render, post func(m domain.Meeting, kind string) Texts) (int, error) {
	sent := 0
	for {
		done := false
		err := s.inTx(ctx, func(tx *sqlx.Tx) error {
			var r struct {
				ID        int64  `db:"id"`
				MeetingID int64  `db:"meeting_id"`
				Kind      string `db:"kind"`
			}
			err := tx.GetContext(ctx, &r, `SELECT r.id, r.meeting_id, r.kind FROM reminders r JOIN meetings m ON m.id = r.meeting_id
				WHERE r.done_at IS NULL AND r.due_at <= $1 ORDER BY r.due_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED`, now)
			if errors.Is(err, sql.ErrNoRows) {
				done = true
				return nil
			}
			if err != nil {
				return fmt.Errorf("taking reminder: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE reminders SET done_at = $2 WHERE id = $1`, r.ID, now); err != nil {
				return fmt.Errorf("marking reminder: %w", err)
			}
			m, err := meetingByID(ctx, tx, r.MeetingID)
			if err != nil {
				return err
			}
			// A reminder that came due after the meeting started is dropped.
			if m.Status != domain.MeetingScheduled || !m.StartsAt.After(now) {
				return nil
			}
			var posted Texts
			if post != nil {
				posted = post(m, r.Kind)
			}
			if _, err := notifyInvitees(ctx, tx, m, render(m, r.Kind), posted, "broadcast", true); err != nil {
				return err
			}
			sent++
			return nil
		})
		if err != nil || done {
			return sent, err
		}
	}
}

// MeetingStatsByCode counts a meeting's invitations, for the CLI and tests.
func (s *Store) MeetingStatsByCode(ctx context.Context, code string) (domain.MeetingStats, error) {
	m, err := s.MeetingByCode(ctx, code)
	if err != nil {
		return domain.MeetingStats{}, err
	}
	return meetingStats(ctx, s.db, m.ID)
}

// Decision is what a meeting decided for one gagasan on its agenda.
type Decision struct {
	GagasanCode string
	To          domain.Status
	Note        string
}

// Outcome is what a held meeting recorded: the one use case of the chat,
// the admin site and the CLI.
type Outcome struct {
	Code            string // the meeting's (RecordOutcomeByCode)
	MeetingID       int64  // the meeting (Turn.RecordOutcome)
	Attended, Women int
	Now             time.Time // RecordOutcomeByCode: the meeting must have started by then
	Decisions       []Decision
	By              string // who records it, for the gagasan's history
	// Notice renders the message telling a moved gagasan's sender, with
	// the decision's note (nil: no one is told).
	Notice StatusNotice
	// Post is the result posted into the meeting's linked groups (nil:
	// none).
	Post Texts
	// SkipRefused skips a decision the stage rule refuses (the chat: the
	// flow checked it, so only a gagasan moved meanwhile gets there);
	// otherwise it refuses the whole outcome.
	SkipRefused bool
}

// RecordOutcomeByCode stores a held meeting's attendance and its decisions
// (the CLI and the admin site; chat goes through the turn), in one
// transaction: each decided gagasan moves and its sender is told.
func (s *Store) RecordOutcomeByCode(ctx context.Context, o Outcome) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, err := meetingByCode(ctx, tx, o.Code)
		if err != nil {
			return err
		}
		if err := domain.CheckOutcomeTime(m.Code, m.StartsAt, o.Now); err != nil {
			return err
		}
		return recordOutcome(ctx, tx, m.ID, o)
	})
}

func recordOutcome(ctx context.Context, tx *sqlx.Tx, meetingID int64, o Outcome) error {
	if err := domain.CheckOutcome(o.Attended, o.Women); err != nil {
		return err
	}
	// The same outcome recorded again (HASIL re-saved, the turn run again
	// after a restart) changes nothing: the groups are not told twice.
	var same bool
	err := tx.GetContext(ctx, &same, `UPDATE meetings n SET status = 'SELESAI', attended = $2, attended_women = $3, outcome_at = now(), updated_at = now()
		FROM (SELECT id, attended, attended_women, status FROM meetings WHERE id = $1 FOR UPDATE) o
		WHERE n.id = o.id
		RETURNING o.status = 'SELESAI' AND o.attended IS NOT DISTINCT FROM $2 AND o.attended_women IS NOT DISTINCT FROM $3`,
		meetingID, o.Attended, o.Women)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil // no such meeting: nothing recorded, as before
	}
	if err != nil {
		return fmt.Errorf("recording outcome: %w", err)
	}
	if same && len(o.Decisions) == 0 {
		o.Post = nil
	}
	for _, d := range o.Decisions {
		_, _, err := setGagasanStatus(ctx, tx, StageMove{Code: d.GagasanCode, To: d.To, Note: d.Note, By: o.By, Notice: o.Notice,
			MeetingID: meetingID})
		if err != nil && !(o.SkipRefused && domain.ErrorCodeOf(err) == domain.EINVALID) {
			return err
		}
	}
	if len(o.Post) == 0 {
		return nil
	}
	m, err := meetingByID(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	_, err = QueueGroupPosts(ctx, tx, m.DesaKode, m.Audience, m.DusunID, o.Post, nil)
	return err
}

// ListMeetings lists the meetings of a desa (all when empty), newest first.
func (s *Store) ListMeetings(ctx context.Context, desaKode string, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := s.db.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+`
		WHERE $1 = '' OR m.desa_kode = $1 ORDER BY m.starts_at DESC LIMIT $2`, desaKode, limit)
	if err != nil {
		return nil, fmt.Errorf("listing meetings: %w", err)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleReminderDuration = domain.NewRule("reminder_duration", domain.EINVALID, "reminder %q is not a duration such as 24h or 2h")
)
