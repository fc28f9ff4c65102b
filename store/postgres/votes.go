package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Suara warga: a meeting's priority vote (migration 00023). Opening it
// fixes its recipients and queues their ballots in one statement, as an
// invitation does; a ballot is one row per resident and vote, replaced on
// change; the job that closes it counts once and tells the KPMD.

type voteRow struct {
	ID          int64          `db:"id"`
	MeetingID   int64          `db:"meeting_id"`
	MeetingCode string         `db:"code"`
	DesaKode    string         `db:"desa_kode"`
	Items       pq.Int64Array  `db:"items"`
	OpenedBy    sql.NullInt64  `db:"opened_by"`
	OpenedAt    time.Time      `db:"opened_at"`
	ClosesAt    time.Time      `db:"closes_at"`
	ClosedAt    *time.Time     `db:"closed_at"`
	Result      []byte         `db:"result"`
	Mine        pq.Int64Array  `db:"mine"`
	Titles      pq.StringArray `db:"titles"`
	Codes       pq.StringArray `db:"codes"`
	// For a resident (VoteSentTo) only.
	SentAt *time.Time `db:"sent_at"`
	Others int        `db:"others"`
}

// voteSelect reads a vote with its items' codes and titles in ballot
// order; $-parameters are the caller's, "mine" is the ballot of contact
// mineParam (NULL for none).
func voteSelect(mineParam string) string {
	return `SELECT v.id, v.meeting_id, m.code, m.desa_kode, v.items, v.opened_by, v.opened_at, v.closes_at, v.closed_at, v.result,
		COALESCE((SELECT b.choices::bigint[] FROM ballots b WHERE b.vote_id = v.id AND b.contact_id = ` + mineParam + `), '{}') AS mine,
		ARRAY(SELECT g.title FROM unnest(v.items) WITH ORDINALITY AS i(id, n) JOIN gagasan g ON g.id = i.id ORDER BY i.n) AS titles,
		ARRAY(SELECT g.code FROM unnest(v.items) WITH ORDINALITY AS i(id, n) JOIN gagasan g ON g.id = i.id ORDER BY i.n) AS codes
		FROM votes v JOIN meetings m ON m.id = v.meeting_id`
}

func (r voteRow) vote() *domain.Vote {
	v := &domain.Vote{ID: r.ID, MeetingID: r.MeetingID, MeetingCode: r.MeetingCode, DesaKode: r.DesaKode,
		OpenedAt: r.OpenedAt, ClosesAt: r.ClosesAt, ClosedAt: r.ClosedAt}
	for i, id := range r.Items {
		it := domain.VoteItem{GagasanID: id}
		if i < len(r.Titles) && i < len(r.Codes) {
			it.Title, it.Code = r.Titles[i], r.Codes[i]
		}
		v.Items = append(v.Items, it)
	}
	for _, c := range r.Mine {
		v.Mine = append(v.Mine, int(c))
	}
	return v
}

// OpenVote opens a meeting's suara warga and queues its ballot (texts by
// language) to every registered, not opted-out resident of the meeting's
// audience, fixed now (the invitations' rule, inAudienceSQL), as a
// broadcast. It returns how many it went to; a meeting that has a vote
// already is ECONFLICT.
func (t *Turn) OpenVote(ctx context.Context, meetingID int64, closesAt time.Time, items []int64, ballot Texts) (int, error) {
	if err := t.requireContact(); err != nil {
		return 0, err
	}
	by := int64(t.contact.ID)
	return openVote(ctx, t.tx, meetingID, closesAt, items, &by, ballot)
}

// OpenVoteByCode opens a meeting's suara warga from the admin site, on its
// agenda as it stands, closing at the meeting's start; ballot renders the
// ballot's texts by language. Its result goes to the desa's KPMD and
// facilitators. It returns how many the ballot went to; the rules of
// domain.CheckVoteOpen refuse.
func (s *Store) OpenVoteByCode(ctx context.Context, code string, now time.Time,
	ballot func(m *domain.Meeting, items []domain.VoteItem, closes time.Time) Texts) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, err := meetingByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE`, m.ID); err != nil {
			return fmt.Errorf("locking meeting: %w", err)
		}
		agenda, err := meetingAgenda(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		v, _, err := meetingVote(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if err := domain.CheckVoteOpen(*m, len(agenda), v != nil, now); err != nil {
			return err
		}
		ids := make([]int64, len(agenda))
		items := make([]domain.VoteItem, len(agenda))
		for i, g := range agenda {
			ids[i] = g.ID
			items[i] = domain.VoteItem{GagasanID: g.ID, Code: g.Code, Title: g.Title}
		}
		n, err = openVote(ctx, tx, m.ID, m.StartsAt, ids, nil, ballot(m, items, m.StartsAt))
		return err
	})
	return n, err
}

func openVote(ctx context.Context, tx *sqlx.Tx, meetingID int64, closesAt time.Time, items []int64, openedBy *int64, ballot Texts) (int, error) {
	var m domain.Meeting
	if err := tx.GetContext(ctx, &m, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1`, meetingID); err != nil {
		return 0, fmt.Errorf("loading meeting: %w", err)
	}
	var voteID int64
	err := tx.GetContext(ctx, &voteID, `INSERT INTO votes (meeting_id, items, opened_by, closes_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id) DO NOTHING RETURNING id`, meetingID, pq.Array(items), openedBy, closesAt)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.ErrVoteExists(m.Code)
	}
	if err != nil {
		return 0, fmt.Errorf("opening vote: %w", err)
	}
	// The ballot goes to whom the invitation went: not to the organiser.
	var n int
	err = tx.GetContext(ctx, &n, audienceFanOutSQL("vote_recipients (vote_id, contact_id, outbound_id)", false,
		"(SELECT m.created_by FROM votes v JOIN meetings m ON m.id = v.meeting_id WHERE v.id = $5)"),
		m.DesaKode, m.DusunID, string(m.Audience), textsJSON(ballot), voteID)
	if err != nil {
		return 0, fmt.Errorf("sending ballots: %w", err)
	}
	return n, nil
}

// CastBallot stores the contact's ballot in a vote, or replaces the one
// they gave: one row per resident and vote whichever channel it came by
// (the contact is the phone number). Only a recipient of the vote's
// ballot, while it is open at at (the turn's time) and not closed, may: a
// closed vote is ECONFLICT; anyone else and numbers outside the ballot
// are EINVALID. The vote's row is read FOR SHARE, so a ballot waits for a
// closing under way (CloseDueVotes holds it FOR UPDATE) and is then
// refused, never stored after the count.
func (t *Turn) CastBallot(ctx context.Context, voteID int64, choices []int, at time.Time) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	cs := make([]int64, len(choices))
	for i, c := range choices {
		cs[i] = int64(c)
	}
	var open bool
	err := t.tx.GetContext(ctx, &open, `SELECT v.closed_at IS NULL AND v.closes_at > $2 FROM votes v WHERE v.id = $1 FOR SHARE OF v`, voteID, at)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !open {
		return domain.Errorf(domain.ECONFLICT, "vote %d is closed", voteID)
	}
	if err != nil {
		return fmt.Errorf("locking vote: %w", err)
	}
	res, err := t.tx.ExecContext(ctx, `
		INSERT INTO ballots (vote_id, contact_id, choices)
		SELECT v.id, r.contact_id, $3::smallint[] FROM votes v JOIN vote_recipients r ON r.vote_id = v.id AND r.contact_id = $2
		WHERE v.id = $1 AND cardinality($3::smallint[]) BETWEEN 1 AND 3
			AND 0 < ALL($3::smallint[]) AND cardinality(v.items) >= ALL($3::smallint[])
		ON CONFLICT (vote_id, contact_id) DO UPDATE SET choices = EXCLUDED.choices, cast_at = now(), changes = ballots.changes + 1`,
		voteID, int64(t.contact.ID), pq.Array(cs))
	if err != nil {
		return fmt.Errorf("storing ballot: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.EINVALID, "vote %d takes no ballot from contact %d", voteID, t.contact.ID)
	}
	return nil
}

// VoteSentTo returns the vote whose ballot went to a contact (of the
// meeting code, when given), with their ballot, when it was sent to them
// and how many other votes are open to them: an open one first (the one
// whose ballot came last), else the one that closed last (flows.View).
func (t *Turn) VoteSentTo(ctx context.Context, id domain.ContactID, meetingCode string) (*domain.Vote, error) {
	var r voteRow
	err := t.tx.GetContext(ctx, &r, `SELECT x.*, (SELECT o.sent_at FROM vote_recipients vr JOIN outbound_messages o ON o.id = vr.outbound_id
			WHERE vr.vote_id = x.id AND vr.contact_id = $1) AS sent_at,
		(SELECT count(*) FROM vote_recipients vr2 JOIN votes v2 ON v2.id = vr2.vote_id
			WHERE vr2.contact_id = $1 AND v2.id <> x.id AND v2.closed_at IS NULL AND v2.closes_at > now()) AS others
		FROM (`+voteSelect("$1")+`
		JOIN vote_recipients vr ON vr.vote_id = v.id AND vr.contact_id = $1
		WHERE $2 = '' OR m.code = $2
		ORDER BY (v.closed_at IS NULL AND v.closes_at > now()) DESC, v.opened_at DESC, v.closes_at DESC, v.id DESC LIMIT 1) x`,
		int64(id), meetingCode)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("loading vote of contact: %w", err)
	}
	v := r.vote()
	v.SentAt, v.Others = r.SentAt, r.Others
	return v, nil
}

// MeetingVote returns a meeting's vote and its count (flows.View).
func (t *Turn) MeetingVote(ctx context.Context, meetingID int64) (*domain.Vote, *domain.VoteResult, error) {
	return meetingVote(ctx, t.tx, meetingID)
}

// MeetingVote returns a meeting's vote and its count, for the admin site
// and the board; nil, nil when it has none.
func (s *Store) MeetingVote(ctx context.Context, meetingID int64) (*domain.Vote, *domain.VoteResult, error) {
	return meetingVote(ctx, s.db, meetingID)
}

func meetingVote(ctx context.Context, q sqlx.QueryerContext, meetingID int64) (*domain.Vote, *domain.VoteResult, error) {
	var r voteRow
	err := sqlx.GetContext(ctx, q, &r, voteSelect("NULL")+` WHERE v.meeting_id = $1`, meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("loading vote: %w", err)
	}
	v := r.vote()
	if r.Result != nil {
		var res domain.VoteResult
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return nil, nil, fmt.Errorf("reading vote result: %w", err)
		}
		return v, &res, nil
	}
	res, err := countVote(ctx, q, v)
	return v, &res, err
}

// countVote counts a vote's ballots now: each ballot with its resident's
// gender and dusun as they stand, turnout against the recipients.
func countVote(ctx context.Context, q sqlx.QueryerContext, v *domain.Vote) (domain.VoteResult, error) {
	var rows []struct {
		Choices pq.Int64Array `db:"choices"`
		Gender  string        `db:"gender"`
		DusunID sql.NullInt64 `db:"dusun_id"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT b.choices::bigint[] AS choices, c.gender, c.dusun_id
		FROM ballots b JOIN contacts c ON c.id = b.contact_id WHERE b.vote_id = $1 ORDER BY b.contact_id`, v.ID); err != nil {
		return domain.VoteResult{}, fmt.Errorf("loading ballots: %w", err)
	}
	var aud struct {
		All   int `db:"total"`
		Women int `db:"women"`
		Men   int `db:"men"`
	}
	if err := sqlx.GetContext(ctx, q, &aud, `SELECT count(*) AS total, count(*) FILTER (WHERE c.gender = 'P') AS women,
		count(*) FILTER (WHERE c.gender = 'L') AS men
		FROM vote_recipients r JOIN contacts c ON c.id = r.contact_id WHERE r.vote_id = $1`, v.ID); err != nil {
		return domain.VoteResult{}, fmt.Errorf("counting audience: %w", err)
	}
	ballots := make([]domain.Ballot, len(rows))
	for i, b := range rows {
		ballots[i] = domain.Ballot{Gender: domain.Gender(b.Gender), DusunID: b.DusunID.Int64}
		for _, c := range b.Choices {
			ballots[i].Choices = append(ballots[i].Choices, int(c))
		}
	}
	return domain.CountVote(v.Items, ballots, aud.All, aud.Women, aud.Men), nil
}

// CloseDueVotes closes the votes whose time has come, one at a time, each
// in a transaction taken with SKIP LOCKED that counts it, keeps the count
// and queues the result (render's texts by language) to the KPMD who
// opened it (or, when that contact is gone, to the desa's KPMD and
// facilitators) as a push, by their push channel and not to one who opted
// out: closed and told once, even with two processes. A vote that fails
// is left for the next run and the others are closed; it returns how many
// it closed and the failures, joined.
func (s *Store) CloseDueVotes(ctx context.Context, now time.Time, render func(v domain.Vote, r domain.VoteResult) Texts) (int, error) {
	return s.CloseDueVotesPosting(ctx, now, render, nil)
}

// CloseDueVotesPosting is CloseDueVotes that also posts the result made by
// post (nil: none) into the linked groups of the vote's meeting's audience
// (domain.GroupPostsFor), in the transaction that closes it.
func (s *Store) CloseDueVotesPosting(ctx context.Context, now time.Time, render, post func(v domain.Vote, r domain.VoteResult) Texts) (int, error) {
	closed := 0
	failed := []int64{} // not nil: pq sends nil as NULL
	var errs []error
	for {
		// taken: a due vote was found in this round. Until then an error
		// (Postgres down: the transaction never began) ends the run; going
		// round again would repeat it for ever.
		taken := false
		var id int64
		err := s.inTx(ctx, func(tx *sqlx.Tx) error {
			var r voteRow
			err := tx.GetContext(ctx, &r, voteSelect("NULL")+`
				WHERE v.closed_at IS NULL AND v.closes_at <= $1 AND NOT (v.id = ANY($2))
				ORDER BY v.closes_at LIMIT 1 FOR UPDATE OF v SKIP LOCKED`, now, pq.Array(failed))
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("taking due vote: %w", err)
			}
			taken, id = true, r.ID
			return closeVote(ctx, tx, r, now, render, post)
		})
		switch {
		case !taken:
			if err != nil {
				errs = append(errs, err)
			}
			return closed, errors.Join(errs...)
		case err != nil:
			errs = append(errs, fmt.Errorf("vote %d: %w", id, err))
			failed = append(failed, id)
		default:
			closed++
		}
	}
}

// closeVote counts a due vote taken FOR UPDATE, keeps the count and
// queues its result (CloseDueVotes).
func closeVote(ctx context.Context, tx *sqlx.Tx, r voteRow, now time.Time, render, post func(v domain.Vote, r domain.VoteResult) Texts) error {
	v := r.vote()
	res, err := countVote(ctx, tx, v)
	if err != nil {
		return err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encoding vote result: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE votes SET closed_at = $2, result = $3 WHERE id = $1`, v.ID, now, string(b)); err != nil {
		return fmt.Errorf("closing vote: %w", err)
	}
	v.ClosedAt = &now
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
		SELECT `+pushChannelSQL("c")+`, c.phone, c.id, `+localizedSQL("$3")+`, 'push', `+fmt.Sprint(PriorityPush)+`
		FROM contacts c WHERE c.opted_out_at IS NULL AND `+pushChannelSQL("c")+` <> ''
			AND (c.id = $1 OR $1 IS NULL AND EXISTS (SELECT 1 FROM roles ro
			WHERE ro.phone = c.phone AND ro.desa_kode = $2 AND ro.role IN ('KPMD', 'FASILITATOR')))`,
		r.OpenedBy, v.DesaKode, textsJSON(render(*v, res))); err != nil {
		return fmt.Errorf("queueing vote result: %w", err)
	}
	if post == nil {
		return nil
	}
	m, err := meetingByID(ctx, tx, v.MeetingID)
	if err != nil {
		return err
	}
	_, err = QueueGroupPosts(ctx, tx, m.DesaKode, m.Audience, m.DusunID, post(*v, res), nil)
	return err
}

// ClosedVote is a counted suara warga with its meeting, for the board.
type ClosedVote struct {
	Meeting domain.Meeting
	Vote    domain.Vote
	Result  domain.VoteResult
	// Dusun names the dusun of the result's breakdown.
	Dusun map[int64]string
}

// ClosedVotes lists a desa's counted votes, newest first (at most limit):
// their kept counts, never a ballot or who gave it; a canceled meeting's
// vote has none to show.
func (s *Store) ClosedVotes(ctx context.Context, desaKode string, limit int) ([]ClosedVote, error) {
	var ids []int64
	if err := s.db.SelectContext(ctx, &ids, `SELECT v.meeting_id FROM votes v JOIN meetings m ON m.id = v.meeting_id
		WHERE m.desa_kode = $1 AND v.closed_at IS NOT NULL AND m.status <> 'DIBATALKAN' ORDER BY v.closed_at DESC LIMIT $2`, desaKode, limit); err != nil {
		return nil, fmt.Errorf("listing closed votes: %w", err)
	}
	dusun, err := s.DusunNames(ctx, desaKode)
	if err != nil {
		return nil, err
	}
	out := make([]ClosedVote, 0, len(ids))
	for _, id := range ids {
		var m domain.Meeting
		if err := s.db.GetContext(ctx, &m, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1`, id); err != nil {
			return nil, fmt.Errorf("loading meeting: %w", err)
		}
		v, r, err := s.MeetingVote(ctx, id)
		if err != nil || v == nil || r == nil {
			return nil, err
		}
		out = append(out, ClosedVote{Meeting: m, Vote: *v, Result: *r, Dusun: dusun})
	}
	return out, nil
}

// DusunNames names a desa's dusun by id (a vote's breakdown by dusun).
func (s *Store) DusunNames(ctx context.Context, desaKode string) (map[int64]string, error) {
	var names []struct {
		ID   int64  `db:"id"`
		Nama string `db:"nama"`
	}
	if err := s.db.SelectContext(ctx, &names, `SELECT id, nama FROM dusun WHERE desa_kode = $1`, desaKode); err != nil {
		return nil, fmt.Errorf("listing dusun: %w", err)
	}
	out := make(map[int64]string, len(names))
	for _, d := range names {
		out[d.ID] = d.Nama
	}
	return out, nil
}
