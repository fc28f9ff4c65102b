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

const kegiatanColumns = `k.id, k.code, k.gagasan_id, k.desa_kode, d.nama AS desa_nama, k.title, k.budget, k.volume, k.unit, k.status,
	COALESCE((SELECT r.percent FROM progress_reports r WHERE r.kegiatan_id = k.id ORDER BY r.id DESC LIMIT 1), 0) AS percent,
	(SELECT max(r.at) FROM progress_reports r WHERE r.kegiatan_id = k.id) AS last_report_at, kc.tz`

const kegiatanFrom = ` FROM kegiatan k JOIN desa d ON d.kode = k.desa_kode JOIN kecamatan kc ON kc.kode = d.kecamatan_kode`

func kegiatanByCode(ctx context.Context, q sqlx.QueryerContext, code string) (*domain.Kegiatan, error) {
	var k domain.Kegiatan
	err := sqlx.GetContext(ctx, q, &k, `SELECT `+kegiatanColumns+kegiatanFrom+` WHERE k.code = $1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no kegiatan %s", code)
	}
	if err != nil {
		return nil, fmt.Errorf("loading kegiatan: %w", err)
	}
	return &k, nil
}

// KegiatanByCode returns a kegiatan, or domain.ErrNotFound.
func (s *Store) KegiatanByCode(ctx context.Context, code string) (*domain.Kegiatan, error) {
	return kegiatanByCode(ctx, s.db, code)
}

// Kegiatan returns a kegiatan (flows.View).
func (t *Turn) Kegiatan(ctx context.Context, code string) (*domain.Kegiatan, error) {
	return kegiatanByCode(ctx, t.tx, code)
}

// KegiatanOfDesa lists a desa's kegiatan (flows.View).
func (t *Turn) KegiatanOfDesa(ctx context.Context, desaKode string) ([]domain.Kegiatan, error) {
	var out []domain.Kegiatan
	err := t.tx.SelectContext(ctx, &out, `SELECT `+kegiatanColumns+kegiatanFrom+` WHERE k.desa_kode = $1 ORDER BY k.id`, desaKode)
	if err != nil {
		return nil, fmt.Errorf("listing kegiatan: %w", err)
	}
	return out, nil
}

// KegiatanOfTPK lists the kegiatan a number reports on: those it is a TPK
// member of, and every kegiatan of the desa where it is facilitator (flows.View).
func (t *Turn) KegiatanOfTPK(ctx context.Context, phone domain.Phone) ([]domain.Kegiatan, error) {
	var out []domain.Kegiatan
	err := t.tx.SelectContext(ctx, &out, `SELECT `+kegiatanColumns+kegiatanFrom+`
		WHERE EXISTS (SELECT 1 FROM kegiatan_tpk m WHERE m.kegiatan_id = k.id AND m.phone = $1
				AND m.role = CASE WHEN k.status = 'DISERAHTERIMAKAN' THEN 'PEMELIHARA' ELSE 'TPK' END) OR
			EXISTS (SELECT 1 FROM roles r WHERE r.phone = $1 AND r.role = 'FASILITATOR' AND r.desa_kode = k.desa_kode)
		ORDER BY k.id`, string(phone))
	if err != nil {
		return nil, fmt.Errorf("listing kegiatan of tpk: %w", err)
	}
	return out, nil
}

// Tranches lists a kegiatan's tranches (flows.View).
func (t *Turn) Tranches(ctx context.Context, kegiatanID int64) ([]domain.Tranche, error) {
	return tranchesOf(ctx, t.tx, kegiatanID)
}

func tranchesOf(ctx context.Context, q sqlx.QueryerContext, kegiatanID int64) ([]domain.Tranche, error) {
	var out []domain.Tranche
	if err := sqlx.SelectContext(ctx, q, &out, `SELECT no, percent, amount, disbursed_at FROM tranches WHERE kegiatan_id = $1 ORDER BY no`, kegiatanID); err != nil {
		return nil, fmt.Errorf("listing tranches: %w", err)
	}
	return out, nil
}

// LatestReport returns a kegiatan's newest report with its photos, or
// domain.ErrNotFound (flows.View).
func (t *Turn) LatestReport(ctx context.Context, kegiatanID int64) (*domain.ProgressReport, error) {
	var r domain.ProgressReport
	err := t.tx.GetContext(ctx, &r, `SELECT id, kegiatan_id, percent, reason, condition, note, workers, women, person_days, lat, lng, at, by_name
		FROM progress_reports WHERE kegiatan_id = $1 ORDER BY id DESC LIMIT 1`, kegiatanID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no report")
	}
	if err != nil {
		return nil, fmt.Errorf("loading report: %w", err)
	}
	if err := t.tx.SelectContext(ctx, &r.PhotoIDs, `SELECT media_id FROM report_photos WHERE report_id = $1 ORDER BY position`, r.ID); err != nil {
		return nil, fmt.Errorf("loading report photos: %w", err)
	}
	return &r, nil
}

// NewKegiatan is a kegiatan to make of a funded gagasan.
type NewKegiatan struct {
	// Code is the kegiatan's tracking code; when empty one is drawn, and
	// drawn again while it is taken (RetryCode).
	Code        string
	GagasanCode string
	Budget      int64    // whole Rupiah
	Volume      *float64 // optional, with its Unit
	Unit        string
	TPK         []domain.Phone
	// Notice tells the gagasan's sender of its move to PELAKSANAAN (nil:
	// no one is told).
	Notice StatusNotice
}

// CreateKegiatan makes a kegiatan of a funded gagasan (moving it to
// PELAKSANAAN and telling its sender), with its tranches split as the
// kecamatan sets and its TPK members: the one way the admin site, the CLI
// and the demo data make one.
func (s *Store) CreateKegiatan(ctx context.Context, nk NewKegiatan) (*domain.Kegiatan, error) {
	if nk.Code != "" {
		return s.createKegiatan(ctx, nk)
	}
	var out *domain.Kegiatan
	err := RetryCode(func() error {
		nk.Code = domain.NewCode(domain.CodeKegiatan, nil)
		var err error
		out, err = s.createKegiatan(ctx, nk)
		return err
	})
	return out, err
}

func (s *Store) createKegiatan(ctx context.Context, nk NewKegiatan) (*domain.Kegiatan, error) {
	code, budget, tpk := nk.Code, nk.Budget, nk.TPK
	var out *domain.Kegiatan
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		g, _, err := gagasanByCode(ctx, tx, nk.GagasanCode)
		if err != nil {
			return err
		}
		if g.Status != domain.StatusDidanai {
			return ruleKegiatanNotFunded.Err(g.Code, g.Status)
		}
		if budget <= 0 {
			return ruleBudgetPositive.Err()
		}
		var split string
		if err := tx.GetContext(ctx, &split, `SELECT k.tranches FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE d.kode = $1`, g.DesaKode); err != nil {
			return fmt.Errorf("loading tranche split: %w", err)
		}
		parts, err := domain.ParseTranches(split)
		if err != nil {
			return err
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget, volume, unit)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, code, g.ID, g.DesaKode, g.Title, budget, nk.Volume, nk.Unit)
		if isUniqueViolation(err, "kegiatan_gagasan_id_key") {
			return ruleKegiatanExists.Err(g.Code)
		}
		if isUniqueViolation(err, "kegiatan_code_key") {
			return ErrCodeTaken
		}
		if err != nil {
			return fmt.Errorf("storing kegiatan: %w", err)
		}
		for _, tr := range domain.SplitBudget(budget, parts) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO tranches (kegiatan_id, no, percent, amount) VALUES ($1, $2, $3, $4)`,
				id, tr.No, tr.Percent, tr.Amount); err != nil {
				return fmt.Errorf("storing tranche: %w", err)
			}
		}
		phones := make([]string, len(tpk))
		for i, p := range tpk {
			phones[i] = string(p)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO kegiatan_tpk (kegiatan_id, phone) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
			id, pq.Array(phones)); err != nil {
			return fmt.Errorf("storing tpk: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO roles (phone, role, desa_kode, granted_by) SELECT unnest($1::text[]), 'TPK', $2, 'kegiatan'
			ON CONFLICT DO NOTHING`, pq.Array(phones), g.DesaKode); err != nil {
			return fmt.Errorf("granting tpk role: %w", err)
		}
		// The history names the kegiatan; the sender's message does not.
		var notice StatusNotice
		if nk.Notice != nil {
			notice = func(lang string, g domain.Gagasan, _ string) string { return nk.Notice(lang, g, "") }
		}
		mv := StageMove{Code: g.Code, To: domain.StatusPelaksanaan, Note: "Kegiatan " + code, By: "kegiatan", Notice: notice}
		if _, _, err := setGagasanStatus(ctx, tx, mv); err != nil {
			return err
		}
		out, err = kegiatanByCode(ctx, tx, code)
		return err
	})
	return out, err
}

// DisbursementFacts is what the rule for tranche n of kegiatan k looks at
// now, so that the admin site offers "Catat cair" only when the rule
// (domain.CheckDisburse) allows it, and says why not.
func (s *Store) DisbursementFacts(ctx context.Context, k *domain.Kegiatan, n int, now time.Time) (domain.DisbursementFacts, error) {
	return disbursementFacts(ctx, s.db, k, n, now)
}

func disbursementFacts(ctx context.Context, q sqlx.QueryerContext, k *domain.Kegiatan, n int, now time.Time) (domain.DisbursementFacts, error) {
	trs, err := tranchesOf(ctx, q, k.ID)
	if err != nil {
		return domain.DisbursementFacts{}, err
	}
	facts := domain.DisbursementFacts{Tranches: trs}
	if err := sqlx.GetContext(ctx, q, &facts.BestPercent, `SELECT COALESCE(max(percent), 0) FROM progress_reports WHERE kegiatan_id = $1`, k.ID); err != nil {
		return facts, fmt.Errorf("loading progress: %w", err)
	}
	if n >= 2 && n <= len(trs) && trs[n-2].DisbursedAt != nil {
		err := sqlx.GetContext(ctx, q, &facts.AccountabilityHeldAfterPrevious, `SELECT EXISTS (SELECT 1 FROM meetings
			WHERE desa_kode = $1 AND type = 'MUSDES_PERTANGGUNGJAWABAN' AND status = 'SELESAI' AND starts_at > $2 AND starts_at <= $3)`,
			k.DesaKode, *trs[n-2].DisbursedAt, now)
		if err != nil {
			return facts, fmt.Errorf("checking accountability meeting: %w", err)
		}
	}
	return facts, nil
}

// DisburseTranche marks tranche n of a kegiatan disbursed, if the domain
// rule allows it: in order, after a report at the threshold and a MusDes
// Pertanggungjawaban held since the previous tranche.
func (s *Store) DisburseTranche(ctx context.Context, code string, n int, by string, now time.Time) error {
	return s.DisburseTrancheOn(ctx, code, n, by, now, now)
}

// DisburseTrancheOn is DisburseTranche for money paid at paid, which is
// when it is recorded as disbursed (the rules are checked as of then): not
// after now, not before the previous tranche (domain.CheckDisburseDate).
func (s *Store) DisburseTrancheOn(ctx context.Context, code string, n int, by string, paid, now time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		k, err := kegiatanByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM kegiatan WHERE id = $1 FOR UPDATE`, k.ID); err != nil {
			return err
		}
		facts, err := disbursementFacts(ctx, tx, k, n, paid)
		if err != nil {
			return err
		}
		if err := domain.CheckDisburse(n, facts); err != nil {
			return err
		}
		var prev *time.Time // CheckDisburse saw n in range
		if n >= 2 {
			prev = facts.Tranches[n-2].DisbursedAt
		}
		if err := domain.CheckDisburseDate(paid, now, prev); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE tranches SET disbursed_at = $3, disbursed_by = $4 WHERE kegiatan_id = $1 AND no = $2`, k.ID, n, paid, by)
		return err
	})
}

// CreateReport stores a progress report with its photos and pushes it, with
// its first photo, to the kegiatan's followers, and post (nil: none) with
// that photo into the desa's linked groups (a kegiatan is the desa's:
// audience DESA).
func (t *Turn) CreateReport(ctx context.Context, r domain.ProgressReport, push, post Texts) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	var last int
	if err := t.tx.GetContext(ctx, &last, `SELECT COALESCE((SELECT percent FROM progress_reports WHERE kegiatan_id = $1 ORDER BY id DESC LIMIT 1), 0)`, r.KegiatanID); err != nil {
		return fmt.Errorf("loading last report: %w", err)
	}
	if err := domain.CheckReport(r, last); err != nil {
		return err
	}
	var id int64
	err := t.tx.GetContext(ctx, &id, `INSERT INTO progress_reports (kegiatan_id, percent, reason, condition, note, workers, women, person_days, lat, lng, by_contact, by_name)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		r.KegiatanID, r.Percent, r.Reason, string(r.Condition), r.Note, r.Workers, r.Women, r.PersonDays, r.Lat, r.Lng, int64(t.contact.ID), t.contact.Name)
	if err != nil {
		return fmt.Errorf("storing report: %w", err)
	}
	if len(r.PhotoIDs) > 0 {
		captions := make([]string, len(r.PhotoIDs))
		copy(captions, r.Captions)
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO report_photos (report_id, media_id, caption, position)
			SELECT $1, m, c, p FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS u(m, c, p)`, id, pq.Array(r.PhotoIDs), pq.Array(captions)); err != nil {
			return fmt.Errorf("storing report photos: %w", err)
		}
	}
	if r.VoiceID != nil {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO voice_notes (media_id, desa_kode, report_id)
			SELECT $1, desa_kode, $2 FROM kegiatan WHERE id = $3`, *r.VoiceID, id, r.KegiatanID); err != nil {
			return fmt.Errorf("storing voice note: %w", err)
		}
	}
	if r.Percent >= 100 {
		if _, err := t.tx.ExecContext(ctx, `UPDATE kegiatan SET status = 'SELESAI' WHERE id = $1 AND status = 'BERJALAN'`, r.KegiatanID); err != nil {
			return fmt.Errorf("completing kegiatan: %w", err)
		}
	}
	var photo *int64
	if len(r.PhotoIDs) > 0 {
		photo = &r.PhotoIDs[0]
	}
	if len(post) > 0 {
		var desa string
		if err := t.tx.GetContext(ctx, &desa, `SELECT desa_kode FROM kegiatan WHERE id = $1`, r.KegiatanID); err != nil {
			return fmt.Errorf("loading kegiatan's desa: %w", err)
		}
		if _, err := QueueGroupPosts(ctx, t.tx, desa, domain.AudienceDesa, nil, post, photo); err != nil {
			return err
		}
	}
	if len(push) == 0 {
		return nil
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO outbound_messages (channel, to_phone, contact_id, text, media_id, kind, priority)
		SELECT `+pushChannelSQL("c")+`, c.phone, c.id, `+personalSQL(localizedSQL("$2"), "c.name", "c.gender")+`, $3, 'push', $4
		FROM followers f JOIN contacts c ON c.id = f.contact_id
		WHERE f.kegiatan_id = $1 AND c.opted_out_at IS NULL AND `+pushChannelSQL("c")+` <> ''`, r.KegiatanID, textsJSON(push), photo, PriorityPush)
	if err != nil {
		return fmt.Errorf("pushing report: %w", err)
	}
	return nil
}

// Follow subscribes the contact to a kegiatan's reports.
func (t *Turn) Follow(ctx context.Context, kegiatanID int64) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO followers (kegiatan_id, contact_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, kegiatanID, int64(t.contact.ID))
	if err != nil {
		return fmt.Errorf("following: %w", err)
	}
	return nil
}

// ListKegiatan lists kegiatan (of one desa when set).
func (s *Store) ListKegiatan(ctx context.Context, desaKode string) ([]domain.Kegiatan, error) {
	var out []domain.Kegiatan
	err := s.db.SelectContext(ctx, &out, `SELECT `+kegiatanColumns+kegiatanFrom+` WHERE $1 = '' OR k.desa_kode = $1 ORDER BY k.id`, desaKode)
	if err != nil {
		return nil, fmt.Errorf("listing kegiatan: %w", err)
	}
	return out, nil
}

// HandOver hands a finished kegiatan to the community and its Tim
// Pemelihara: it needs a final report at 100% and a MusDes Serah Terima
// held since the kegiatan began. The gagasan moves to SELESAI and
// DISERAHTERIMAKAN, and its sender is told.
func (s *Store) HandOver(ctx context.Context, code string, pemelihara []domain.Phone, now time.Time, notice StatusNotice) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		k, err := kegiatanByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		if k.Status == domain.KegiatanDiserahkan {
			return ruleHandedOverAlready.Err(code)
		}
		if len(pemelihara) == 0 {
			return rulePemeliharaMissing.Err()
		}
		var best int
		var held bool
		if err := tx.GetContext(ctx, &best, `SELECT COALESCE(max(percent), 0) FROM progress_reports WHERE kegiatan_id = $1`, k.ID); err != nil {
			return fmt.Errorf("loading progress: %w", err)
		}
		if err := tx.GetContext(ctx, &held, `SELECT EXISTS (SELECT 1 FROM meetings m JOIN kegiatan k ON k.desa_kode = m.desa_kode
			WHERE k.id = $1 AND m.type = 'MUSDES_SERAH_TERIMA' AND m.status = 'SELESAI' AND m.starts_at > k.created_at AND m.starts_at <= $2)`, k.ID, now); err != nil {
			return fmt.Errorf("checking handover meeting: %w", err)
		}
		if err := domain.CheckCompletion(best, held); err != nil {
			return err
		}
		phones := make([]string, len(pemelihara))
		for i, p := range pemelihara {
			phones[i] = string(p)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO kegiatan_tpk (kegiatan_id, phone, role) SELECT $1, unnest($2::text[]), 'PEMELIHARA'
			ON CONFLICT DO NOTHING`, k.ID, pq.Array(phones)); err != nil {
			return fmt.Errorf("naming tim pemelihara: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE kegiatan SET status = 'DISERAHTERIMAKAN', handed_over_at = $2 WHERE id = $1`, k.ID, now); err != nil {
			return fmt.Errorf("handing over: %w", err)
		}
		var gcode string
		if err := tx.GetContext(ctx, &gcode, `SELECT code FROM gagasan WHERE id = $1`, k.GagasanID); err != nil {
			return err
		}
		if _, _, err := setGagasanStatus(ctx, tx, StageMove{Code: gcode, To: domain.StatusSelesai, By: "kegiatan"}); err != nil {
			return err
		}
		_, _, err = setGagasanStatus(ctx, tx, StageMove{Code: gcode, To: domain.StatusDiserahterimakan, By: "kegiatan", Notice: notice})
		return err
	})
}

// TranchesOf lists a kegiatan's tranches in order.
func (s *Store) TranchesOf(ctx context.Context, kegiatanID int64) ([]domain.Tranche, error) {
	return tranchesOf(ctx, s.db, kegiatanID)
}

// ReportsOf lists a kegiatan's progress reports, newest first, with their
// photos.
func (s *Store) ReportsOf(ctx context.Context, kegiatanID int64) ([]domain.ProgressReport, error) {
	var out []domain.ProgressReport
	err := s.db.SelectContext(ctx, &out, `SELECT id, kegiatan_id, percent, reason, condition, note, workers, women, person_days, lat, lng, at, by_name
		FROM progress_reports WHERE kegiatan_id = $1 ORDER BY id DESC LIMIT 100`, kegiatanID)
	if err != nil {
		return nil, fmt.Errorf("listing reports: %w", err)
	}
	for i := range out {
		var photos []struct {
			ID      int64  `db:"media_id"`
			Caption string `db:"caption"`
		}
		if err := s.db.SelectContext(ctx, &photos, `SELECT media_id, caption FROM report_photos WHERE report_id = $1 ORDER BY position`, out[i].ID); err != nil {
			return nil, fmt.Errorf("listing report photos: %w", err)
		}
		for _, p := range photos {
			out[i].PhotoIDs = append(out[i].PhotoIDs, p.ID)
			out[i].Captions = append(out[i].Captions, p.Caption)
		}
	}
	return out, nil
}

// FundedWithoutKegiatan lists the funded gagasan of a scope (a kecamatan
// or a kabupaten, see inScope) that have no kegiatan yet: the ones a
// facilitator can start.
func (s *Store) FundedWithoutKegiatan(ctx context.Context, scope string) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	err := s.db.SelectContext(ctx, &out, `SELECT `+gagasanColumns+`
		FROM gagasan g JOIN desa d ON d.kode = g.desa_kode LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE `+inScope+` AND g.status = 'DIDANAI' AND NOT EXISTS (SELECT 1 FROM kegiatan k WHERE k.gagasan_id = g.id)
		ORDER BY g.id`, scope)
	if err != nil {
		return nil, fmt.Errorf("listing funded gagasan: %w", err)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleKegiatanNotFunded = domain.NewRule("kegiatan_not_funded", domain.EINVALID, "gagasan %s is %s; a kegiatan needs a funded (DIDANAI) gagasan")
	ruleBudgetPositive    = domain.NewRule("budget_positive", domain.EINVALID, "budget must be a positive number of Rupiah")
	ruleKegiatanExists    = domain.NewRule("kegiatan_exists", domain.ECONFLICT, "gagasan %s already has a kegiatan")
	ruleHandedOverAlready = domain.NewRule("handed_over_already", domain.ECONFLICT, "%s was already handed over")
	rulePemeliharaMissing = domain.NewRule("pemelihara_missing", domain.EINVALID, "name the Tim Pemelihara (--pemelihara)")
)
