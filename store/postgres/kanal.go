package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"time"

	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Kanal is a channel's setting: the region its number serves (Cakupan, a
// Kemendagri code prefix, "" = everywhere) and the number residents write
// to (Nomor, "" when unknown). Aktif tells whether a serving process runs
// it (TouchKanal within KanalLive).
type Kanal struct {
	Nama    string `db:"nama"`
	Cakupan string `db:"cakupan"`
	// CakupanNama names the scope: the desa's, kecamatan's, kabupaten's or
	// province's name ("" when everywhere, or not in the region tables).
	CakupanNama string       `db:"cakupan_nama"`
	Nomor       domain.Phone `db:"nomor"`
	// CakupanEnv and NomorEnv tell that the scope or the number came from
	// the environment of the serving process that last started with the
	// channel (StartKanal): it sets them again at its next start.
	CakupanEnv bool      `db:"cakupan_env"`
	NomorEnv   bool      `db:"nomor_env"`
	Aktif      bool      `db:"aktif"`
	UpdatedAt  time.Time `db:"updated_at"`
}

// KanalLive is how long a channel stays active after a serving process
// last said it runs it; serve says so every KanalTouchEvery.
const (
	KanalLive       = 5 * time.Minute
	KanalTouchEvery = time.Minute
)

// kanalLiveSQL tells whether channel kn is active.
const kanalLiveSQL = `kn.seen_at > now() - interval '5 minutes'`

// KanalRun is a channel a serving process runs: its number when the
// channel knows it, and a scope or number from the environment (nil or "":
// keep the stored setting; NomorEnv: Nomor is the environment's).
type KanalRun struct {
	Nama     string
	Nomor    domain.Phone
	Cakupan  *string
	NomorEnv bool
}

var (
	scopeForm = regexp.MustCompile(`^[0-9]+(\.[0-9]+){0,3}$`)

	ruleKanalScopeForm    = domain.NewRule("kanal_scope_form", domain.EINVALID, "scope %q is not a region code (34.04, 34.04.11 or 34.04.11.2002)")
	ruleKanalScopeUnknown = domain.NewRule("kanal_scope_unknown", domain.ENOTFOUND, "region %s does not exist")
)

// CheckScope tells whether kode can be a channel's scope: "" (everywhere),
// a desa or a kecamatan that exists, or a kabupaten or province with a
// kecamatan under it (or in the region tables).
func (s *Store) CheckScope(ctx context.Context, kode string) error {
	if kode == "" {
		return nil
	}
	if !scopeForm.MatchString(kode) {
		return ruleKanalScopeForm.Err(kode)
	}
	var ok bool
	err := s.db.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM desa WHERE kode = $1)
		OR EXISTS (SELECT 1 FROM kecamatan WHERE kode = $1 OR kode LIKE $1 || '.%')
		OR EXISTS (SELECT 1 FROM kabupaten WHERE kode = $1) OR EXISTS (SELECT 1 FROM provinsi WHERE kode = $1)`, kode)
	if err != nil {
		return fmt.Errorf("checking scope: %w", err)
	}
	if !ok {
		return ruleKanalScopeUnknown.Err(kode)
	}
	return nil
}

// SetKanal sets a channel's scope and, unless nomor is nil, its number
// ("" clears it); the channel need not be running yet.
func (s *Store) SetKanal(ctx context.Context, nama, cakupan string, nomor *domain.Phone) error {
	if err := s.CheckScope(ctx, cakupan); err != nil {
		return err
	}
	var n any
	if nomor != nil {
		n = string(*nomor)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO kanal (nama, cakupan, nomor) VALUES ($1, $2, coalesce($3::text, ''))
		ON CONFLICT (nama) DO UPDATE SET cakupan = EXCLUDED.cakupan, nomor = coalesce($3::text, kanal.nomor), updated_at = now()`,
		nama, cakupan, n)
	if err != nil {
		return fmt.Errorf("setting channel: %w", err)
	}
	return nil
}

// Kanals lists the channels' settings by name.
func (s *Store) Kanals(ctx context.Context) ([]Kanal, error) {
	var out []Kanal
	if err := s.db.SelectContext(ctx, &out, `SELECT nama, cakupan, nomor, cakupan_env, nomor_env, `+kanalLiveSQL+` IS TRUE AS aktif, updated_at,
		coalesce((SELECT 'Desa ' || nama FROM desa WHERE kode = kn.cakupan), (SELECT 'Kecamatan ' || nama FROM kecamatan WHERE kode = kn.cakupan),
			(SELECT nama FROM kabupaten WHERE kode = kn.cakupan), (SELECT nama FROM provinsi WHERE kode = kn.cakupan), '') AS cakupan_nama
		FROM kanal kn ORDER BY nama`); err != nil {
		return nil, fmt.Errorf("listing channels: %w", err)
	}
	return out, nil
}

// KanalScopes are the scopes of the channels that have one, by name.
func (s *Store) KanalScopes(ctx context.Context) (map[string]string, error) {
	var rows []Kanal
	if err := s.db.SelectContext(ctx, &rows, `SELECT nama, cakupan FROM kanal WHERE cakupan <> ''`); err != nil {
		return nil, fmt.Errorf("loading channel scopes: %w", err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Nama] = r.Cakupan
	}
	return out, nil
}

// StartKanal records, as a serving process starts, the channels it runs:
// active for KanalLive, with their number when they know it and the scope
// or number its environment gives (which thus wins over the CLI's, until
// `suaradesa kanal cakupan` changes it again: CakupanEnv, NomorEnv tell
// that it will be set again at the next start). Other processes' channels
// are left alone. A scope that does not exist refuses it all.
func (s *Store) StartKanal(ctx context.Context, running []KanalRun) error {
	return s.touchKanal(ctx, running, true)
}

// TouchKanal records that this process still runs these channels, now:
// they are active for KanalLive, with their number when they know it. A
// scope given is set (as at the start, without recording that it came from
// the environment); serve gives none after its start, so that the CLI's
// change stays.
func (s *Store) TouchKanal(ctx context.Context, running []KanalRun) error {
	return s.touchKanal(ctx, running, false)
}

func (s *Store) touchKanal(ctx context.Context, running []KanalRun, start bool) error {
	for _, k := range running {
		if k.Cakupan != nil {
			if err := s.CheckScope(ctx, *k.Cakupan); err != nil {
				return fmt.Errorf("scope of %s: %w", k.Nama, err)
			}
		}
	}
	n := len(running)
	names, scopes, numbers, fromEnv := make([]string, n), make([]sql.NullString, n), make([]string, n), make([]bool, n)
	for i, k := range running {
		names[i], numbers[i], fromEnv[i] = k.Nama, string(k.Nomor), k.NomorEnv && k.Nomor != ""
		if k.Cakupan != nil {
			scopes[i] = sql.NullString{String: *k.Cakupan, Valid: true}
		}
	}
	_, err := s.db.ExecContext(ctx, `WITH r AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[]) AS r(nama, cakupan, nomor, nomor_env))
		INSERT INTO kanal (nama, cakupan, nomor, seen_at, cakupan_env, nomor_env)
			SELECT nama, coalesce(cakupan, ''), nomor, now(), $5 AND cakupan IS NOT NULL, $5 AND nomor_env FROM r
		ON CONFLICT (nama) DO UPDATE SET seen_at = now(),
			cakupan = coalesce((SELECT r.cakupan FROM r WHERE r.nama = EXCLUDED.nama), kanal.cakupan),
			nomor = CASE WHEN EXCLUDED.nomor <> '' THEN EXCLUDED.nomor ELSE kanal.nomor END,
			cakupan_env = CASE WHEN $5 THEN EXCLUDED.cakupan_env ELSE kanal.cakupan_env END,
			nomor_env = CASE WHEN $5 THEN EXCLUDED.nomor_env ELSE kanal.nomor_env END`,
		pq.Array(names), pq.Array(scopes), pq.Array(numbers), pq.Array(fromEnv), start)
	if err != nil {
		return fmt.Errorf("recording channels: %w", err)
	}
	return nil
}

// narrowestKanalSQL is a subquery for col of the narrowest active channel
// whose scope covers the desa code desa (an SQL expression), among those
// where (SQL, "" for all) allows: a desa's channel before its kecamatan's,
// its kabupaten's, its province's and an unscoped one; at the same scope
// WhatsApp before SMS, as the SMS fallback has it, then by name. Only real
// channels are candidates: the simulator (sim, SIM_ENABLED) runs unscoped
// but reaches nobody's phone.
func narrowestKanalSQL(col, desa, where string) string {
	if where != "" {
		where = " AND " + where
	}
	return `(SELECT kn.` + col + ` FROM kanal kn WHERE ` + kanalLiveSQL + ` AND kn.nama <> 'sim'` + where + `
		AND (kn.cakupan = '' OR ` + desa + ` = kn.cakupan OR ` + desa + ` LIKE kn.cakupan || '.%')
		ORDER BY length(kn.cakupan) DESC, CASE WHEN kn.nama LIKE 'whatsapp%' THEN 0 WHEN kn.nama LIKE 'sms:%' THEN 1 ELSE 2 END, kn.nama
		LIMIT 1)`
}

// pushChannelSQL is the channel pushes and broadcasts to contact c use: the
// one it wrote on last or was pinned to, while that channel is active (a
// number messages the people who wrote to it); for a contact who never
// wrote (imported, seeded) or whose channel the service no longer runs, the
// narrowest active channel covering their desa; their stored channel when
// no active channel covers it (or none is recorded, as in tests).
func pushChannelSQL(c string) string {
	return `(CASE WHEN ` + c + `.channel_pinned OR ` + c + `.desa_kode IS NULL
			OR ` + c + `.channel IN (SELECT kn.nama FROM kanal kn WHERE ` + kanalLiveSQL + `) THEN ` + c + `.channel
		ELSE coalesce(` + narrowestKanalSQL("nama", c+".desa_kode", "") + `, ` + c + `.channel) END)`
}

// boardNumberSQL is the number desa d's board shows in its column own
// (wa_number or sms_number): the desa's own numbers when it has any (desa
// nomor), otherwise the narrowest active channel of the kind (a LIKE
// pattern: 'whatsapp%', 'sms:%') covering it that has a number.
func boardNumberSQL(own, kind string) string {
	return `CASE WHEN d.wa_number <> '' OR d.sms_number <> '' THEN d.` + own + `
		ELSE coalesce(` + narrowestKanalSQL("nomor", "d.kode", `kn.nomor <> '' AND kn.nama LIKE '`+kind+`'`) + `, '') END`
}

// BoardNumbers are the numbers each desa of a scope (a kecamatan or a
// kabupaten: inScope) shows on its board
// (its own, or its scope's channels': boardNumberSQL), by desa code.
func (s *Store) BoardNumbers(ctx context.Context, scope string) (map[string]DesaContact, error) {
	var rows []struct {
		Kode string `db:"kode"`
		DesaContact
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT d.kode, `+boardNumberSQL("wa_number", "whatsapp%")+` AS wa_number, `+
		boardNumberSQL("sms_number", "sms:%")+` AS sms_number FROM desa d WHERE `+inScope, scope); err != nil {
		return nil, fmt.Errorf("loading board numbers: %w", err)
	}
	out := make(map[string]DesaContact, len(rows))
	for _, r := range rows {
		out[r.Kode] = r.DesaContact
	}
	return out, nil
}
