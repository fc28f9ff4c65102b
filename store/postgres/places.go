package postgres

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

const sqlListDesa = `SELECT kode, nama, kecamatan_kode, lang FROM desa ORDER BY nama, kode`

// ListDesa lists every desa the service covers, by name.
func (s *Store) ListDesa(ctx context.Context) ([]domain.Desa, error) {
	return listDesa(ctx, s.db)
}

// CachedDesa lists every desa the service covers, by name, from the
// store's list in memory (placeCache: one tiny read of its version per
// call). The slice is shared: callers must not change it.
func (s *Store) CachedDesa(ctx context.Context) ([]domain.DesaPlace, error) {
	v, err := placesVersion(ctx, s.db)
	if err != nil {
		return nil, err
	}
	return s.places.in(ctx, s.db, v, "")
}

func listDesa(ctx context.Context, q sqlx.QueryerContext) ([]domain.Desa, error) {
	var out []domain.Desa
	if err := sqlx.SelectContext(ctx, q, &out, sqlListDesa); err != nil {
		return nil, fmt.Errorf("listing desa: %w", err)
	}
	return out, nil
}

const sqlListDusun = `SELECT id, desa_kode, nama FROM dusun WHERE desa_kode = $1 ORDER BY nama, id`

// ListDusun lists the dusun of a desa, by name.
func (s *Store) ListDusun(ctx context.Context, desaKode string) ([]domain.Dusun, error) {
	return listDusun(ctx, s.db, desaKode)
}

func listDusun(ctx context.Context, q sqlx.QueryerContext, desaKode string) ([]domain.Dusun, error) {
	var out []domain.Dusun
	if err := sqlx.SelectContext(ctx, q, &out, sqlListDusun, desaKode); err != nil {
		return nil, fmt.Errorf("listing dusun: %w", err)
	}
	return out, nil
}

// sqlDusunsNamed lists the dusun in a scope (a code prefix; empty for all)
// whose name, lower case with only its letters and digits, is $2 (as
// flow.FoldName folds a typed answer).
const sqlDusunsNamed = `SELECT id, desa_kode, nama FROM dusun
	WHERE ($1 = '' OR desa_kode = $1 OR desa_kode LIKE $1 || '.%')
	AND regexp_replace(lower(nama), '[^[:alnum:]]+', '', 'g') = $2
	ORDER BY desa_kode, nama, id LIMIT 50`

func dusunsNamed(ctx context.Context, q sqlx.QueryerContext, scope, folded string) ([]domain.Dusun, error) {
	var out []domain.Dusun
	if folded == "" {
		return nil, nil
	}
	if err := sqlx.SelectContext(ctx, q, &out, sqlDusunsNamed, scope, folded); err != nil {
		return nil, fmt.Errorf("finding dusun by name: %w", err)
	}
	return out, nil
}

const sqlDesaTimeZone = `SELECT k.tz FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE d.kode = $1`

func desaTimeZone(ctx context.Context, q sqlx.QueryerContext, desaKode string) string {
	var tz string
	if err := sqlx.GetContext(ctx, q, &tz, sqlDesaTimeZone, desaKode); err != nil {
		return "Asia/Jakarta"
	}
	return tz
}

// DesaTimeZone returns the IANA time zone of a desa's kecamatan
// (Asia/Jakarta when the desa is unknown).
func (s *Store) DesaTimeZone(ctx context.Context, desaKode string) string {
	return desaTimeZone(ctx, s.db, desaKode)
}

// ListKecamatan lists the kecamatan the service covers.
func (s *Store) ListKecamatan(ctx context.Context) ([]domain.Kecamatan, error) {
	var out []domain.Kecamatan
	if err := s.db.SelectContext(ctx, &out, `SELECT kode, nama, tz FROM kecamatan ORDER BY nama`); err != nil {
		return nil, fmt.Errorf("listing kecamatan: %w", err)
	}
	return out, nil
}

// ImportResult counts what an import changed.
type ImportResult struct {
	Kecamatan, Desa, Dusun int
}

// ImportDesa reads a CSV of (kode, nama, kecamatan, dusun) — one row per
// dusun, or a row with an empty dusun for a desa without any — and upserts
// kecamatan, desa and dusun in one transaction. A header row is skipped.
// tz is the kecamatan's zone unless the region list gave its province one.
// Every bad row is reported with its line number and nothing is stored.
// With only set (a facilitator's import: a kecamatan's or a kabupaten's
// code), a row outside it is a bad row.
func (s *Store) ImportDesa(ctx context.Context, r io.Reader, tz, only string) (ImportResult, error) {
	var res ImportResult
	zone, err := domain.TimeZoneFor(tz)
	if err != nil {
		return res, err
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	type row struct{ kode, nama, kecamatan, dusun string }
	var rows []row
	var problems []error
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return res, ruleImportUnreadable.Err(line)
		}
		if len(rec) == 0 || (len(rec) == 1 && strings.TrimSpace(rec[0]) == "") {
			continue
		}
		if line == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "kode") {
			continue
		}
		if len(rec) < 3 {
			problems = append(problems, ruleImportColumns.Err(line))
			continue
		}
		rw := row{kode: strings.TrimSpace(rec[0]), nama: strings.TrimSpace(rec[1]), kecamatan: strings.TrimSpace(rec[2])}
		if len(rec) > 3 {
			rw.dusun = strings.TrimSpace(rec[3])
		}
		if err := domain.ValidateDesaKode(rw.kode); err != nil {
			problems = append(problems, ruleImportLine.Err(line, err))
			continue
		}
		if rw.nama == "" || rw.kecamatan == "" {
			problems = append(problems, ruleImportNames.Err(line))
			continue
		}
		if !domain.InScope(domain.KecamatanKodeOf(rw.kode), only) {
			problems = append(problems, ruleImportOtherKecamatan.Err(line, rw.kode, only))
			continue
		}
		rows = append(rows, rw)
	}
	if len(problems) > 0 {
		return res, ruleImportProblems.Err(problems)
	}
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		seenKec := map[string]bool{}
		seenDesa := map[string]bool{}
		for _, rw := range rows {
			kec := domain.KecamatanKodeOf(rw.kode)
			if !seenKec[kec] {
				seenKec[kec] = true
				// A province from the region list (`wilayah import`) sets the
				// zone; the file's zone only where it is unknown.
				if _, err := tx.ExecContext(ctx, `INSERT INTO kecamatan (kode, nama, tz)
					VALUES ($1, $2, COALESCE((SELECT tz FROM provinsi WHERE kode = split_part($1, '.', 1)), $3))
					ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, tz = EXCLUDED.tz`, kec, rw.kecamatan, zone); err != nil {
					return fmt.Errorf("storing kecamatan %s: %w", kec, err)
				}
				res.Kecamatan++
			}
			if !seenDesa[rw.kode] {
				seenDesa[rw.kode] = true
				if _, err := tx.ExecContext(ctx, `INSERT INTO desa (kode, nama, kecamatan_kode) VALUES ($1, $2, $3)
					ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama`, rw.kode, rw.nama, kec); err != nil {
					return fmt.Errorf("storing desa %s: %w", rw.kode, err)
				}
				res.Desa++
			}
			if rw.dusun != "" {
				ct, err := tx.ExecContext(ctx, `INSERT INTO dusun (desa_kode, nama) VALUES ($1, $2) ON CONFLICT DO NOTHING`, rw.kode, rw.dusun)
				if err != nil {
					return fmt.Errorf("storing dusun %s: %w", rw.dusun, err)
				}
				if n, _ := ct.RowsAffected(); n > 0 {
					res.Dusun++
				}
			}
		}
		return nil
	})
	return res, err
}

// Rules the import refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleImportUnreadable     = domain.NewRule("import_unreadable", domain.EINVALID, "line %d: not readable as CSV")
	ruleImportColumns        = domain.NewRule("import_columns", domain.EINVALID, "line %d: want kode,nama,kecamatan[,dusun]")
	ruleImportLine           = domain.NewRule("import_line", domain.EINVALID, "line %d: %v")
	ruleImportNames          = domain.NewRule("import_names", domain.EINVALID, "line %d: nama and kecamatan are required")
	ruleImportOtherKecamatan = domain.NewRule("import_other_kecamatan", domain.EINVALID, "line %d: %s is not a desa of %s")
	// Its argument is the list of the lines' refusals ([]error).
	ruleImportProblems = domain.NewRule("import_problems", domain.EINVALID, "%v")
)
