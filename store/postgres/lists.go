package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// ListPage is one page of an admin list: a search text, a sort column
// named by the list's own key (never SQL), and where the page starts.
type ListPage struct {
	Query  string
	Sort   string
	Desc   bool
	Offset int
	Limit  int
}

// sortable maps a list's sort keys to their SQL; the first key is the
// default. An unknown key sorts by the default: the URL never reaches the
// query's text.
type sortable struct {
	keys []string
	sql  map[string]string
	// tie orders rows of equal keys, so that pages never overlap.
	tie string
}

// SortKeys are the keys a list may sort by, the default first.
func (s sortable) SortKeys() []string { return s.keys }

func (s sortable) orderBy(p ListPage) string {
	col, ok := s.sql[p.Sort]
	if !ok {
		col = s.sql[s.keys[0]]
	}
	dir := " ASC NULLS LAST"
	if p.Desc {
		dir = " DESC NULLS LAST"
	}
	cols := strings.Split(col, ", ")
	for i := range cols {
		cols[i] += dir
	}
	return " ORDER BY " + strings.Join(cols, ", ") + ", " + s.tie + dir
}

func (p ListPage) limits() string {
	limit, offset := p.Limit, p.Offset
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	return " LIMIT " + strconv.Itoa(limit) + " OFFSET " + strconv.Itoa(offset)
}

// likeText is a search text for ILIKE: its own % and _ are literal.
func likeText(q string) string {
	q = strings.TrimSpace(q)
	if q == "" {
		return ""
	}
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q) + "%"
}

// listPage runs a list's count and one page of its rows with the same
// conditions and arguments.
//
// Both are planned for their arguments (plan_cache_mode force_custom_plan,
// for this transaction only). A list's conditions are optional filters
// (a desa, unless none is asked for): the generic plan the statement cache
// settles on after five runs cannot tell which are off, estimates one row
// and joins by nested loops — the gagasan list of a kecamatan of the scale
// data set (1,800 of 30,000 gagasan) took 1 s instead of 10 ms.
func (s *Store) listPage(ctx context.Context, dest any, what, sel, from, where string, order sortable, p ListPage, args ...any) (int, error) {
	var total int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &total, `SELECT count(*) `+from+` WHERE `+where, args...); err != nil {
			return fmt.Errorf("counting %s: %w", what, err)
		}
		if err := tx.SelectContext(ctx, dest, sel+from+` WHERE `+where+order.orderBy(p)+p.limits(), args...); err != nil {
			return fmt.Errorf("listing %s: %w", what, err)
		}
		return nil
	})
	return total, err
}

// GagasanSort are the gagasan list's sort keys.
var GagasanSort = sortable{keys: []string{"tanggal", "kode", "judul", "desa", "kategori", "tahap"}, tie: "g.id", sql: map[string]string{
	"tanggal": "g.created_at", "kode": "g.code", "judul": "lower(g.title)", "desa": "d.nama, du.nama",
	"kategori": "g.category", "tahap": "g.status"}}

const adminGagasanFrom = ` FROM gagasan g JOIN desa d ON d.kode = g.desa_kode LEFT JOIN dusun du ON du.id = g.dusun_id
	LEFT JOIN contacts c ON c.id = g.sender_id LEFT JOIN gagasan mg ON mg.id = g.merged_into
	LEFT JOIN contacts fb ON fb.id = g.filed_by`

// inScopeSQL: the desa code in column col is one of scope $1's (a
// kecamatan, or a kabupaten: inScope). As an array the planner reads the
// scope's rows by the desa index; as a join on desa.kecamatan_kode it read
// every row of the kabupaten (the count of a residents list: 85 ms to 10 ms
// on 100,000 residents).
func inScopeSQL(col string) string {
	return col + ` = ANY (ARRAY(SELECT dk.kode FROM desa dk JOIN kecamatan kk ON kk.kode = dk.kecamatan_kode WHERE kk.kode = $1 OR kk.kabupaten_kode = $1))`
}

var adminGagasanWhere = inScopeSQL("g.desa_kode") + ` AND ($2 = '' OR g.desa_kode = $2) AND ($3 = 0 OR g.dusun_id = $3)
	AND ($4 = '' OR g.status = $4) AND ($5 = '' OR g.category = $5)
	AND ($6 = '' OR g.code ILIKE $6 OR g.title ILIKE $6 OR g.description ILIKE $6)`

func (f GagasanFilter) args() []any {
	return []any{f.Scope, f.Desa, f.DusunID, f.Status, f.Category, likeText(f.Query)}
}

// GagasanPage lists one page of a scope's gagasan by the filter, and
// how many match in all.
func (s *Store) GagasanPage(ctx context.Context, f GagasanFilter, p ListPage) ([]AdminGagasan, int, error) {
	var out []AdminGagasan
	total, err := s.listPage(ctx, &out, "gagasan", adminGagasanSelectCols, adminGagasanFrom, adminGagasanWhere, GagasanSort, p, f.args()...)
	return out, total, err
}

// ComplaintFilter narrows the complaints list; empty fields match all.
type ComplaintFilter struct {
	Scope  string
	Desa   string
	Status string
	Query  string
}

// ComplaintSort are the complaints list's sort keys.
var ComplaintSort = sortable{keys: []string{"tanggal", "kode", "desa", "status"}, tie: "cp.id", sql: map[string]string{
	"tanggal": "cp.created_at", "kode": "cp.code", "desa": "d.nama", "status": "cp.status"}}

// ComplaintPage lists one page of a scope's complaints, and how many
// match in all.
func (s *Store) ComplaintPage(ctx context.Context, f ComplaintFilter, p ListPage) ([]AdminComplaint, int, error) {
	var out []AdminComplaint
	total, err := s.listPage(ctx, &out, "complaints", `SELECT cp.id, cp.code, cp.desa_kode, cp.contact_id, cp.anonymous, cp.text, cp.photo_id,
			cp.status, cp.created_at, d.nama AS desa_nama, `+sqlKecamatanNama+`,
			CASE WHEN cp.anonymous THEN '' ELSE coalesce(c.name, '') END AS sender_name`,
		` FROM complaints cp JOIN desa d ON d.kode = cp.desa_kode LEFT JOIN contacts c ON c.id = cp.contact_id`,
		inScope+` AND ($2 = '' OR cp.desa_kode = $2) AND ($3 = '' OR cp.status = $3)
			AND ($4 = '' OR cp.code ILIKE $4 OR cp.text ILIKE $4)`,
		ComplaintSort, p, f.Scope, f.Desa, f.Status, likeText(f.Query))
	return out, total, err
}

// MeetingFilter narrows the meetings list; empty fields match all.
type MeetingFilter struct {
	Scope  string
	Desa   string
	Type   string
	Status string
	Query  string
}

// MeetingSort are the meetings list's sort keys.
var MeetingSort = sortable{keys: []string{"waktu", "kode", "jenis", "desa", "status", "hadir"}, tie: "m.id", sql: map[string]string{
	"waktu": "m.starts_at", "kode": "m.code", "jenis": "m.type", "desa": "d.nama, du.nama", "status": "m.status", "hadir": "m.attended"}}

// MeetingPage lists one page of a scope's meetings, and how many match
// in all.
func (s *Store) MeetingPage(ctx context.Context, f MeetingFilter, p ListPage) ([]domain.Meeting, int, error) {
	var out []domain.Meeting
	total, err := s.listPage(ctx, &out, "meetings", `SELECT `+meetingColumns, meetingFrom,
		inScope+` AND ($2 = '' OR m.desa_kode = $2) AND ($3 = '' OR m.type = $3) AND ($4 = '' OR m.status = $4)
			AND ($5 = '' OR m.code ILIKE $5 OR m.place ILIKE $5 OR m.agenda ILIKE $5 OR du.nama ILIKE $5)`,
		MeetingSort, p, f.Scope, f.Desa, f.Type, f.Status, likeText(f.Query))
	return out, total, err
}

// ContactSort are the residents list's sort keys.
var ContactSort = sortable{keys: []string{"nama", "nomor", "desa", "saluran"}, tie: "c.id", sql: map[string]string{
	"nama": "lower(c.name)", "nomor": "c.phone", "desa": "d.nama, du.nama", "saluran": "c.channel"}}

// ContactPage lists one page of a scope's registered residents found
// by name or number (any part of either), and how many match in all.
func (s *Store) ContactPage(ctx context.Context, scope, q string, p ListPage) ([]ContactRow, int, error) {
	var out []ContactRow
	total, err := s.listPage(ctx, &out, "contacts", `SELECT c.id, c.phone, c.name, c.desa_kode, d.nama AS desa_nama,
			coalesce(du.nama, '') AS dusun_nama, c.gender, c.channel, c.opted_out_at,
			coalesce((SELECT string_agg(r.role || coalesce(' (' || sm.code || ')', ''), ', ' ORDER BY r.role)
				FROM roles r LEFT JOIN meetings sm ON sm.id = r.source_meeting_id WHERE r.phone = c.phone), '') AS roles`,
		` FROM contacts c JOIN desa d ON d.kode = c.desa_kode LEFT JOIN dusun du ON du.id = c.dusun_id`,
		inScopeSQL("c.desa_kode")+` AND c.registered_at IS NOT NULL AND ($2 = '' OR c.name ILIKE $2 OR c.phone LIKE $2)`,
		ContactSort, p, scope, likeText(q))
	return out, total, err
}

// VoiceSort are the voice notes list's sort keys: by default those
// waiting to be written down first, then the newest.
var VoiceSort = sortable{keys: []string{"perlu", "tanggal", "desa"}, tie: "v.id", sql: map[string]string{
	"perlu": "(v.transcribed_at IS NULL), v.created_at", "tanggal": "v.created_at", "desa": "d.nama"}}

// VoicePage lists one page of a scope's voice notes (one desa's when
// desa is set), found by the code of their record or what they say, and
// how many match in all.
func (s *Store) VoicePage(ctx context.Context, scope, desa, q string, p ListPage) ([]VoiceNote, int, error) {
	var out []VoiceNote
	total, err := s.listPage(ctx, &out, "voice notes", voiceNoteCols, voiceNoteFrom,
		inScope+` AND ($2 = '' OR v.desa_kode = $2)
			AND ($3 = '' OR g.code ILIKE $3 OR c.code ILIKE $3 OR k.code ILIKE $3 OR v.transcript ILIKE $3)`,
		VoiceSort, p, scope, desa, likeText(q))
	return out, total, err
}

// AccessSort are the access log's sort keys.
var AccessSort = sortable{keys: []string{"waktu", "pengguna", "akses"}, tie: "id", sql: map[string]string{
	"waktu": "at", "pengguna": "admin", "akses": "action"}}

// AccessPage lists one page of the access log of a scope (a kecamatan's
// code: the lines of its users; a kabupaten's: those of its users and of
// its kecamatan's), found by user, access or data, and how many match in
// all.
func (s *Store) AccessPage(ctx context.Context, scope, q string, p ListPage) ([]Access, int, error) {
	var out []Access
	total, err := s.listPage(ctx, &out, "access log", `SELECT admin, scope, action, subject, at`, ` FROM access_log`,
		`(scope = $1 OR starts_with(scope, $1 || '.')) AND ($2 = '' OR admin ILIKE $2 OR action ILIKE $2 OR subject ILIKE $2)`,
		AccessSort, p, scope, likeText(q))
	return out, total, err
}

// KegiatanSort are the kegiatan list's sort keys.
var KegiatanSort = sortable{keys: []string{"baru", "kode", "judul", "desa", "anggaran", "status"}, tie: "k.id", sql: map[string]string{
	"baru": "k.id", "kode": "k.code", "judul": "lower(k.title)", "desa": "d.nama", "anggaran": "k.budget", "status": "k.status"}}

// KegiatanPage lists one page of a scope's kegiatan (one desa's when
// desa is set), found by code or title, and how many match in all.
func (s *Store) KegiatanPage(ctx context.Context, scope, desa, q string, p ListPage) ([]domain.Kegiatan, int, error) {
	var out []domain.Kegiatan
	total, err := s.listPage(ctx, &out, "kegiatan", `SELECT `+kegiatanColumns, kegiatanFrom,
		inScope+` AND ($2 = '' OR k.desa_kode = $2) AND ($3 = '' OR k.code ILIKE $3 OR k.title ILIKE $3)`,
		KegiatanSort, p, scope, desa, likeText(q))
	return out, total, err
}
