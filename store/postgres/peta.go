package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// The social map: the same functions serve the chat (on a turn's
// transaction) and the admin site (each in its own). Every change writes a
// map_history row with who and when.

const mapItemSelect = `SELECT mi.id, mi.dusun_id, du.nama AS dusun_nama, du.desa_kode, mi.kind, mi.title, mi.description,
		mi.photo_id, mi.lat, mi.lng, mi.suggested, mi.removed_at, mi.created_at
	FROM map_items mi JOIN dusun du ON du.id = mi.dusun_id`

func mapHistory(ctx context.Context, q sqlx.ExecerContext, dusunID int64, what string, ref int64, action, detail, by string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO map_history (dusun_id, what, ref_id, action, detail, by) VALUES ($1, $2, $3, $4, $5, $6)`,
		dusunID, what, ref, action, detail, by)
	if err != nil {
		return fmt.Errorf("recording map history: %w", err)
	}
	return nil
}

func addMapItem(ctx context.Context, q sqlx.ExtContext, it domain.MapItem, suggestedBy *int64, by string) (int64, error) {
	if err := it.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := sqlx.GetContext(ctx, q, &id, `INSERT INTO map_items (dusun_id, kind, title, description, photo_id, lat, lng, suggested, suggested_by, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		it.DusunID, string(it.Kind), it.Title, it.Description, it.PhotoID, it.Lat, it.Lng, suggestedBy != nil, suggestedBy, by)
	if err != nil {
		return 0, fmt.Errorf("storing map item: %w", err)
	}
	action := "add"
	if suggestedBy != nil {
		action = "suggest"
	}
	return id, mapHistory(ctx, q, it.DusunID, "item", id, action, string(it.Kind)+": "+it.Title, by)
}

// MapItemChange edits ("edit": a new Title or Desc, "" leaving it as it
// is), removes ("remove"), confirms or rejects ("confirm", "reject" a
// suggestion) item ID of a dusun.
type MapItemChange struct {
	DusunID, ID int64
	Action      string
	Title, Desc string
}

// changeMapItem makes change ch on behalf of by.
func changeMapItem(ctx context.Context, q sqlx.ExtContext, ch MapItemChange, by string) error {
	dusunID, id, action, title, desc := ch.DusunID, ch.ID, ch.Action, ch.Title, ch.Desc
	var it domain.MapItem
	err := sqlx.GetContext(ctx, q, &it, mapItemSelect+` WHERE mi.id = $1 AND mi.dusun_id = $2 AND mi.removed_at IS NULL FOR UPDATE OF mi`, id, dusunID)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Errorf(domain.ENOTFOUND, "no map item %d in this dusun", id)
	}
	if err != nil {
		return fmt.Errorf("loading map item: %w", err)
	}
	detail := it.Title
	switch action {
	case "edit":
		if title != "" {
			it.Title = title
		}
		if desc != "" {
			it.Description = desc
		}
		if err := it.Validate(); err != nil {
			return err
		}
		_, err = q.ExecContext(ctx, `UPDATE map_items SET title = $2, description = $3, updated_at = now() WHERE id = $1`, id, it.Title, it.Description)
		detail = it.Title
	case "remove", "reject":
		_, err = q.ExecContext(ctx, `UPDATE map_items SET removed_at = now(), updated_at = now() WHERE id = $1`, id)
	case "confirm":
		if !it.Suggested {
			return ruleMapNotSuggestion.Err(id)
		}
		_, err = q.ExecContext(ctx, `UPDATE map_items SET suggested = false, updated_at = now() WHERE id = $1`, id)
	default:
		return ruleMapChangeUnknown.Err(action)
	}
	if err != nil {
		return fmt.Errorf("changing map item: %w", err)
	}
	return mapHistory(ctx, q, dusunID, "item", id, action, detail, by)
}

func addCriterion(ctx context.Context, q sqlx.ExtContext, dusunID int64, level domain.PovertyLevel, text, by string) error {
	text, err := domain.ValidateCriterion(level, text)
	if err != nil {
		return err
	}
	var n int
	if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM poverty_criteria WHERE dusun_id = $1 AND level = $2`, dusunID, string(level)); err != nil {
		return err
	}
	if n >= domain.MaxCriteriaPerList {
		return ruleCriteriaMax.Err(domain.MaxCriteriaPerList)
	}
	var id int64
	if err := sqlx.GetContext(ctx, q, &id, `INSERT INTO poverty_criteria (dusun_id, level, text, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
		dusunID, string(level), text, by); err != nil {
		return fmt.Errorf("storing criterion: %w", err)
	}
	return mapHistory(ctx, q, dusunID, "criterion", id, "add", string(level)+": "+text, by)
}

func removeCriterion(ctx context.Context, q sqlx.ExtContext, dusunID, id int64, by string) error {
	var text string
	err := sqlx.GetContext(ctx, q, &text, `DELETE FROM poverty_criteria WHERE id = $1 AND dusun_id = $2 RETURNING level || ': ' || text`, id, dusunID)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Errorf(domain.ENOTFOUND, "no criterion %d in this dusun", id)
	}
	if err != nil {
		return fmt.Errorf("removing criterion: %w", err)
	}
	return mapHistory(ctx, q, dusunID, "criterion", id, "remove", text, by)
}

func setRTMCount(ctx context.Context, q sqlx.ExtContext, c domain.RTMCount, by string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `INSERT INTO rtm_counts (dusun_id, sangat_miskin, miskin, total, updated_by) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (dusun_id) DO UPDATE SET sangat_miskin = EXCLUDED.sangat_miskin, miskin = EXCLUDED.miskin,
			total = EXCLUDED.total, updated_by = EXCLUDED.updated_by, updated_at = now()`,
		c.DusunID, c.SangatMiskin, c.Miskin, c.Total, by)
	if err != nil {
		return fmt.Errorf("storing counts: %w", err)
	}
	return mapHistory(ctx, q, c.DusunID, "count", c.DusunID, "set",
		fmt.Sprintf("sangat miskin %d, miskin %d, total %d", c.SangatMiskin, c.Miskin, c.Total), by)
}

func dusunMap(ctx context.Context, q sqlx.QueryerContext, dusunID int64) (domain.DusunMap, error) {
	var m domain.DusunMap
	err := sqlx.GetContext(ctx, q, &m.Dusun, `SELECT id, desa_kode, nama FROM dusun WHERE id = $1`, dusunID)
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.ENOTFOUND, "no dusun %d", dusunID)
	}
	if err != nil {
		return m, err
	}
	if err := sqlx.SelectContext(ctx, q, &m.Items, mapItemSelect+` WHERE mi.dusun_id = $1 AND mi.removed_at IS NULL AND NOT mi.suggested
		ORDER BY array_position(ARRAY['MASALAH', 'POTENSI', 'KETERBATASAN_SDA', 'KETERBATASAN_SDM', 'KETERBATASAN_LAIN'], mi.kind), mi.id`, dusunID); err != nil {
		return m, fmt.Errorf("loading map items: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &m.Criteria, `SELECT id, dusun_id, level, text FROM poverty_criteria WHERE dusun_id = $1 ORDER BY level DESC, id`,
		dusunID); err != nil {
		return m, fmt.Errorf("loading criteria: %w", err)
	}
	var c domain.RTMCount
	err = sqlx.GetContext(ctx, q, &c, `SELECT dusun_id, sangat_miskin, miskin, total FROM rtm_counts WHERE dusun_id = $1`, dusunID)
	switch {
	case err == nil:
		m.Count = &c
	case !errors.Is(err, sql.ErrNoRows):
		return m, fmt.Errorf("loading counts: %w", err)
	}
	return m, nil
}

func mapSuggestions(ctx context.Context, q sqlx.QueryerContext, dusunID int64) ([]domain.MapItem, error) {
	var out []domain.MapItem
	err := sqlx.SelectContext(ctx, q, &out, mapItemSelect+` WHERE mi.dusun_id = $1 AND mi.removed_at IS NULL AND mi.suggested ORDER BY mi.id`, dusunID)
	if err != nil {
		return nil, fmt.Errorf("loading suggestions: %w", err)
	}
	return out, nil
}

// DusunMap reads a dusun's map (flows.View).
func (t *Turn) DusunMap(ctx context.Context, dusunID int64) (domain.DusunMap, error) {
	return dusunMap(ctx, t.tx, dusunID)
}

// MapSuggestions lists residents' suggestions waiting in a dusun (flows.View).
func (t *Turn) MapSuggestions(ctx context.Context, dusunID int64) ([]domain.MapItem, error) {
	return mapSuggestions(ctx, t.tx, dusunID)
}

// AddMapItem stores an item, or a resident's suggestion when suggest.
func (t *Turn) AddMapItem(ctx context.Context, it domain.MapItem, suggest bool) error {
	if err := t.requireContact(); err != nil {
		return err
	}
	var by *int64
	if suggest {
		id := int64(t.contact.ID)
		by = &id
	}
	_, err := addMapItem(ctx, t.tx, it, by, t.who())
	return err
}

// ChangeMapItem edits, removes, confirms or rejects an item.
func (t *Turn) ChangeMapItem(ctx context.Context, ch MapItemChange) error {
	return changeMapItem(ctx, t.tx, ch, t.who())
}

// AddCriterion adds a poverty criterion to a dusun.
func (t *Turn) AddCriterion(ctx context.Context, dusunID int64, level domain.PovertyLevel, text string) error {
	return addCriterion(ctx, t.tx, dusunID, level, text, t.who())
}

// RemoveCriterion removes one.
func (t *Turn) RemoveCriterion(ctx context.Context, dusunID, id int64) error {
	return removeCriterion(ctx, t.tx, dusunID, id, t.who())
}

// SetRTMCount stores a dusun's household counts.
func (t *Turn) SetRTMCount(ctx context.Context, c domain.RTMCount) error {
	return setRTMCount(ctx, t.tx, c, t.who())
}

// who names the contact of the turn for a history: a cadre by role and
// name (an office held in public), a resident only as "warga", so that the
// map's history keeps no resident's name after they delete their data.
func (t *Turn) who() string {
	c := t.contact
	switch {
	case c == nil:
		return "?"
	case c.HasRole(domain.RoleKPMD, c.DesaKode):
		return "KPMD " + c.Name
	case c.HasRole(domain.RoleFasilitator, c.DesaKode):
		return "fasilitator " + c.Name
	}
	return "warga"
}

// DesaMap is a desa's map for the board and the admin site: its dusun maps
// and, for each item, the gagasan that answer it.
type DesaMap struct {
	domain.DesaMap
	Answers     map[int64][]BoardGagasan
	Suggestions []domain.MapItem
}

// DesaMapOf reads the map of a desa, derived from its dusun.
func (s *Store) DesaMapOf(ctx context.Context, desaKode string) (*DesaMap, error) {
	dusuns, err := listDusun(ctx, s.db, desaKode)
	if err != nil {
		return nil, err
	}
	var maps []domain.DusunMap
	out := &DesaMap{Answers: map[int64][]BoardGagasan{}}
	for _, du := range dusuns {
		m, err := dusunMap(ctx, s.db, du.ID)
		if err != nil {
			return nil, err
		}
		maps = append(maps, m)
		sug, err := mapSuggestions(ctx, s.db, du.ID)
		if err != nil {
			return nil, err
		}
		out.Suggestions = append(out.Suggestions, sug...)
	}
	out.DesaMap = domain.DeriveDesaMap(maps)
	var rows []struct {
		BoardGagasan
		ItemID int64 `db:"map_item_id"`
	}
	err = s.db.SelectContext(ctx, &rows, `SELECT g.code, g.title, g.category, coalesce(du.nama, '') AS dusun_nama, g.status, g.created_at, g.map_item_id
		FROM gagasan g LEFT JOIN dusun du ON du.id = g.dusun_id
		WHERE g.desa_kode = $1 AND g.map_item_id IS NOT NULL AND g.status <> 'DITARIK' ORDER BY g.created_at`, desaKode)
	if err != nil {
		return nil, fmt.Errorf("loading answering gagasan: %w", err)
	}
	for _, r := range rows {
		out.Answers[r.ItemID] = append(out.Answers[r.ItemID], r.BoardGagasan)
	}
	return out, nil
}

// The admin site's changes, each in its own transaction, by a named user.

// AdminAddMapItem adds an item to a dusun.
func (s *Store) AdminAddMapItem(ctx context.Context, it domain.MapItem, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { _, err := addMapItem(ctx, tx, it, nil, by); return err })
}

// AdminChangeMapItem edits, removes, confirms or rejects an item.
func (s *Store) AdminChangeMapItem(ctx context.Context, ch MapItemChange, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return changeMapItem(ctx, tx, ch, by) })
}

// AdminAddCriterion adds a criterion.
func (s *Store) AdminAddCriterion(ctx context.Context, dusunID int64, level domain.PovertyLevel, text, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return addCriterion(ctx, tx, dusunID, level, text, by) })
}

// AdminRemoveCriterion removes a criterion.
func (s *Store) AdminRemoveCriterion(ctx context.Context, dusunID, id int64, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return removeCriterion(ctx, tx, dusunID, id, by) })
}

// AdminSetRTMCount stores counts.
func (s *Store) AdminSetRTMCount(ctx context.Context, c domain.RTMCount, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return setRTMCount(ctx, tx, c, by) })
}

// DusunByID loads one dusun.
func (s *Store) DusunByID(ctx context.Context, id int64) (domain.Dusun, error) {
	var d domain.Dusun
	err := s.db.GetContext(ctx, &d, `SELECT id, desa_kode, nama FROM dusun WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return d, domain.Errorf(domain.ENOTFOUND, "no dusun %d", id)
	}
	return d, err
}

// MapChange is one line of a desa map's history.
type MapChange struct {
	Dusun  string    `db:"dusun"`
	What   string    `db:"what"`
	Action string    `db:"action"`
	Detail string    `db:"detail"`
	By     string    `db:"by"`
	At     time.Time `db:"at"`
}

// MapHistory lists the latest changes to a desa's map.
func (s *Store) MapHistory(ctx context.Context, desaKode string, limit int) ([]MapChange, error) {
	var out []MapChange
	err := s.db.SelectContext(ctx, &out, `SELECT du.nama AS dusun, h.what, h.action, h.detail, h.by, h.at
		FROM map_history h JOIN dusun du ON du.id = h.dusun_id WHERE du.desa_kode = $1 ORDER BY h.id DESC LIMIT $2`, desaKode, limit)
	if err != nil {
		return nil, fmt.Errorf("loading map history: %w", err)
	}
	return out, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMapNotSuggestion = domain.NewRule("map_not_suggestion", domain.EINVALID, "isi peta %d bukan usulan warga")
	ruleMapChangeUnknown = domain.NewRule("map_change_unknown", domain.EINVALID, "unknown map change %q")
	ruleCriteriaMax      = domain.NewRule("criteria_max", domain.EINVALID, "paling banyak %d kriteria per tingkat")
)
