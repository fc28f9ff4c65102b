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

// Elections: who a held meeting elected (migrations 00041, 00046),
// recorded with its outcome from the admin site; a position that is a role
// of the system, with a phone number, grants the role in the same
// transaction, naming the meeting as its source.

// RecordElections sets the people meeting code elected, each checked by
// domain.CheckElected: it replaces what the meeting had, in one
// transaction, so that a form saved twice records each person once, a
// person left out is removed, and a role the meeting granted to a number
// no longer elected to it is revoked (a role granted by hand, by another
// meeting, or still given by another meeting's election, is kept). A person's desa is the meeting's (a MAD's:
// any desa of its kecamatan, "" for the meeting's own). It returns how
// many roles were newly granted.
func (s *Store) RecordElections(ctx context.Context, code string, elected []domain.Elected, by string) (int, error) {
	granted := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		granted = 0 // a retried transaction counts again
		m, err := meetingByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		// The meeting is locked so that its outcome and its elections
		// are not written at once, nor two forms' elections.
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE`, m.ID); err != nil {
			return fmt.Errorf("locking meeting: %w", err)
		}
		// What the meeting recorded before: a position its type no
		// longer elects is kept for as many people as held it.
		var old []domain.Position
		if err := tx.SelectContext(ctx, &old, `SELECT position FROM meeting_elections WHERE meeting_id = $1`, m.ID); err != nil {
			return fmt.Errorf("loading elections: %w", err)
		}
		if err := domain.CheckElectionMeeting(*m, len(old)); err != nil {
			return err
		}
		kept := map[domain.Position]int{}
		for _, p := range old {
			kept[p]++
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_elections WHERE meeting_id = $1`, m.ID); err != nil {
			return fmt.Errorf("clearing elections: %w", err)
		}
		var phones, roles, desas []string
		for _, e := range elected {
			if !m.Type.ElectsPosition(e.Position) {
				if kept[e.Position] == 0 {
					return domain.PositionNotElectedErr(m.Type, e.Position)
				}
				kept[e.Position]--
			}
			desa, err := electionDesa(ctx, tx, m, e.DesaKode)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_elections (meeting_id, position, name, gender, phone, desa_kode, recorded_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, m.ID, string(e.Position), e.Name, string(e.Gender), string(e.Phone), desa, by); err != nil {
				if isUniqueViolation(err, "meeting_elections_once") {
					return ruleElectionTwice.Err(e.Name, e.Position)
				}
				return fmt.Errorf("recording election: %w", err)
			}
			role := e.Position.Role()
			if role == "" || e.Phone == "" {
				continue
			}
			phones, roles, desas = append(phones, string(e.Phone)), append(roles, string(role)), append(desas, desa)
			// Elected again, the role's source is the newer meeting; a
			// role granted by hand stays so. Counted when new.
			var inserted bool
			err = tx.GetContext(ctx, &inserted, `INSERT INTO roles (phone, role, desa_kode, granted_by, source_meeting_id) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (phone, role, desa_kode) DO UPDATE SET source_meeting_id = EXCLUDED.source_meeting_id,
					granted_by = EXCLUDED.granted_by, granted_at = now()
					WHERE roles.source_meeting_id IS NOT NULL AND roles.source_meeting_id <> EXCLUDED.source_meeting_id
				RETURNING xmax = 0`,
				string(e.Phone), string(role), desa, by, m.ID)
			if err != nil && !errors.Is(err, sql.ErrNoRows) { // no row: held already, kept as it was
				return fmt.Errorf("granting elected role: %w", err)
			}
			if inserted {
				granted++
			}
		}
		// The roles this meeting granted to numbers it no longer elects:
		// one that another meeting's election still gives that number
		// (the same position in the same desa) names the latest such
		// meeting as its source instead; the others are revoked. A role
		// granted by hand names no meeting and is kept; so are the
		// person's places in TPK teams (the people page's revoke,
		// RevokeRole, leaves them).
		if _, err := tx.ExecContext(ctx, `WITH dropped AS (SELECT r.phone, r.role, r.desa_kode,
				(SELECT e.meeting_id FROM meeting_elections e JOIN meetings om ON om.id = e.meeting_id
				WHERE e.meeting_id <> $1 AND e.phone = r.phone AND e.position = r.role AND e.desa_kode = r.desa_kode
				ORDER BY om.starts_at DESC, om.id DESC LIMIT 1) AS other
				FROM roles r WHERE r.source_meeting_id = $1
				AND (r.phone, r.role, r.desa_kode) NOT IN (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]))),
			moved AS (UPDATE roles r SET source_meeting_id = d.other FROM dropped d
				WHERE d.other IS NOT NULL AND (r.phone, r.role, r.desa_kode) = (d.phone, d.role, d.desa_kode))
			DELETE FROM roles r USING dropped d
			WHERE d.other IS NULL AND (r.phone, r.role, r.desa_kode) = (d.phone, d.role, d.desa_kode)`,
			m.ID, pq.Array(phones), pq.Array(roles), pq.Array(desas)); err != nil {
			return fmt.Errorf("revoking roles no longer elected: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return granted, nil
}

// electionDesa is the desa an elected person serves: the meeting's own,
// or for a MAD any desa of the meeting's kecamatan.
func electionDesa(ctx context.Context, tx *sqlx.Tx, m *domain.Meeting, kode string) (string, error) {
	if kode == "" || kode == m.DesaKode {
		return m.DesaKode, nil
	}
	if !m.Type.IsMAD() {
		return "", domain.ElectionDesaErr(kode)
	}
	var same bool
	if err := tx.GetContext(ctx, &same, `SELECT EXISTS (SELECT 1 FROM desa a JOIN desa b ON b.kecamatan_kode = a.kecamatan_kode
		WHERE a.kode = $1 AND b.kode = $2)`, m.DesaKode, kode); err != nil {
		return "", fmt.Errorf("checking elected desa: %w", err)
	}
	if !same {
		return "", domain.ElectionDesaErr(kode)
	}
	return kode, nil
}

// MeetingElections lists who a meeting elected, by position as
// domain.Positions orders them, then as recorded.
func (s *Store) MeetingElections(ctx context.Context, meetingID int64) ([]domain.Elected, error) {
	var out []domain.Elected
	err := s.db.SelectContext(ctx, &out, `SELECT e.position, e.name, e.gender, e.phone, e.desa_kode, d.nama AS desa_nama
		FROM meeting_elections e JOIN desa d ON d.kode = e.desa_kode
		WHERE e.meeting_id = $1
		ORDER BY array_position(ARRAY['KPMD', 'TPK', 'TPU', 'PEMELIHARA', 'DELEGASI_MAD', 'DELEGASI_MKP'], e.position), d.nama, e.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("listing elections: %w", err)
	}
	return out, nil
}

// AgendaDecision is a gagasan on a held meeting's agenda with what the
// meeting decided: the stage its outcome moved it to (To, "" when it
// stayed or when the outcome was recorded before decisions named their
// meeting: Recorded tells which).
type AgendaDecision struct {
	Code           string          `db:"code"`
	Title          string          `db:"title"`
	Category       domain.Category `db:"category"`
	DusunNama      string          `db:"dusun_nama"`
	Households     *int            `db:"households"`
	PoorHouseholds *int            `db:"poor_households"`
	From           domain.Status   `db:"from_status"`
	To             domain.Status   `db:"to_status"`
	// Note is the decision's note (the reason of a rejection): shown on
	// the admin's berita acara only, since it is free text.
	Note string `db:"note"`
}

// BeritaAcara is what a held meeting's berita acara prints beside the
// meeting itself.
type BeritaAcara struct {
	Agenda  []AgendaDecision
	Elected []domain.Elected
	// Kegiatan are, for a Musdes Pertanggungjawaban, the desa's kegiatan
	// it accounted for, as they stood when it began.
	Kegiatan []AccountedKegiatan
	// PhotoID is the photo of the signed paper berita acara (0: none);
	// PhotoPublic tells whether a facilitator let it onto the board.
	PhotoID     int64
	PhotoPublic bool
	// Kabupaten is the name of the desa's kabupaten, for the kop.
	Kabupaten string
	// Decided tells whether the meeting's decisions were recorded with
	// it: meetings.outcome_at is set (migration 00046; an older outcome:
	// when it moved no gagasan without naming the meeting).
	Decided bool
}

// AccountedKegiatan is a kegiatan as a Musdes Pertanggungjawaban accounts
// for it: the money paid out and the work reported before the meeting
// began, and its state then (handed over, finished — a report at 100% —
// or under way). It names no one (no TPK member, no reporter).
type AccountedKegiatan struct {
	Code   string `db:"code"`
	Title  string `db:"title"`
	Budget int64  `db:"budget"` // whole Rupiah
	// Disbursed is the sum of the tranches paid out, TranchesPaid of
	// Tranches.
	Disbursed    int64 `db:"disbursed"`
	TranchesPaid int   `db:"tranches_paid"`
	Tranches     int   `db:"tranches"`
	// Percent is the progress of the latest report (nil: none yet).
	Percent *int                  `db:"percent"`
	Status  domain.KegiatanStatus `db:"status"`
}

// MeetingBeritaAcara loads a held meeting's agenda with the decision on
// each gagasan, whom it elected, the photo of its signed paper and, for a
// Musdes Pertanggungjawaban, the kegiatan it accounted for.
//
// The agenda is what the meeting decided, from the gagasan's history rows
// naming it, whatever happened to each gagasan later: one withdrawn
// (TARIK) or moved on after the meeting stays, with the meeting's
// decision. Only a gagasan withdrawn before the meeting's outcome was
// recorded, on which it decided nothing, is left out.
func (s *Store) MeetingBeritaAcara(ctx context.Context, meetingID int64) (*BeritaAcara, error) {
	ba := &BeritaAcara{}
	var m struct {
		Type     domain.MeetingType
		StartsAt time.Time
		DesaKode string
	}
	// Decisions name their meeting since migration 00041; outcome_at
	// (00046) tells that the outcome was recorded with them.
	if err := s.db.QueryRowxContext(ctx, `SELECT COALESCE(m.ba_media_id, 0), m.ba_public_at IS NOT NULL, COALESCE(kb.nama, ''),
			m.outcome_at IS NOT NULL, m.type, m.starts_at, m.desa_kode
		FROM meetings m JOIN desa d ON d.kode = m.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
			LEFT JOIN kabupaten kb ON kb.kode = k.kabupaten_kode
		WHERE m.id = $1`, meetingID).Scan(&ba.PhotoID, &ba.PhotoPublic, &ba.Kabupaten, &ba.Decided, &m.Type, &m.StartsAt, &m.DesaKode); err != nil {
		return nil, fmt.Errorf("loading berita acara meeting: %w", err)
	}
	err := s.db.SelectContext(ctx, &ba.Agenda, `SELECT g.code, g.title, g.category, COALESCE(du.nama, '') AS dusun_nama,
			g.households, g.poor_households,
			COALESCE(h.from_status, '') AS from_status, COALESCE(h.to_status, '') AS to_status, COALESCE(h.note, '') AS note
		FROM meeting_agenda a JOIN meetings m ON m.id = a.meeting_id JOIN gagasan g ON g.id = a.gagasan_id
			LEFT JOIN dusun du ON du.id = g.dusun_id
			LEFT JOIN LATERAL (SELECT from_status, to_status, note FROM gagasan_history
				WHERE gagasan_id = g.id AND meeting_id = a.meeting_id ORDER BY id DESC LIMIT 1) h ON true
		WHERE a.meeting_id = $1 AND (h.to_status IS NOT NULL OR NOT EXISTS (SELECT 1 FROM gagasan_history w
			WHERE w.gagasan_id = g.id AND w.to_status = 'DITARIK' AND w.at <= COALESCE(m.outcome_at, m.starts_at)))
		ORDER BY g.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("loading berita acara agenda: %w", err)
	}
	if ba.Elected, err = s.MeetingElections(ctx, meetingID); err != nil {
		return nil, err
	}
	if m.Type == domain.MeetingPertanggungjawaban {
		if ba.Kegiatan, err = s.accountedKegiatan(ctx, m.DesaKode, m.StartsAt); err != nil {
			return nil, err
		}
	}
	return ba, nil
}

// accountedKegiatan lists a desa's kegiatan as they stood at a moment
// (see AccountedKegiatan), oldest first: those made by then, and those
// with money paid out by then (one recorded later than it began).
func (s *Store) accountedKegiatan(ctx context.Context, desaKode string, at time.Time) ([]AccountedKegiatan, error) {
	var out []AccountedKegiatan
	err := s.db.SelectContext(ctx, &out, `SELECT k.code, k.title, k.budget,
			COALESCE(t.paid, 0) AS disbursed, COALESCE(t.n_paid, 0) AS tranches_paid, COALESCE(t.n, 0) AS tranches,
			r.percent,
			CASE WHEN k.handed_over_at <= $2 THEN 'DISERAHTERIMAKAN'
				WHEN EXISTS (SELECT 1 FROM progress_reports f WHERE f.kegiatan_id = k.id AND f.percent >= 100 AND f.at <= $2) THEN 'SELESAI'
				ELSE 'BERJALAN' END AS status
		FROM kegiatan k
			LEFT JOIN LATERAL (SELECT sum(amount) FILTER (WHERE disbursed_at <= $2) AS paid,
				count(*) FILTER (WHERE disbursed_at <= $2) AS n_paid, count(*) AS n
				FROM tranches WHERE kegiatan_id = k.id) t ON true
			LEFT JOIN LATERAL (SELECT percent FROM progress_reports
				WHERE kegiatan_id = k.id AND at <= $2 ORDER BY at DESC, id DESC LIMIT 1) r ON true
		WHERE k.desa_kode = $1 AND (k.created_at <= $2 OR t.n_paid > 0) ORDER BY k.id`, desaKode, at)
	if err != nil {
		return nil, fmt.Errorf("loading the kegiatan accounted for: %w", err)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var ruleElectionTwice = domain.NewRule("election_twice", domain.EINVALID, "%s is elected twice to %s")
