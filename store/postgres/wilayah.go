package postgres

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Wilayah is a part of Kemendagri's region list: a province, kabupaten or
// kecamatan with its desa, and the regions above it. ReadWilayah reads it,
// ImportWilayah stores it.
type Wilayah struct {
	Provinsi  []domain.Provinsi
	Kabupaten []domain.Kabupaten
	Kecamatan []domain.Kecamatan // each with its province's time zone
	Desa      []domain.Desa
}

// The files of the region list, as the idn-area-data package names them;
// each is read as NAME.csv.gz or, failing that, NAME.csv (a test extract).
var wilayahFiles = []struct {
	name   string
	header []string
}{
	{"provinces", []string{"code", "name"}},
	{"regencies", []string{"code", "province_code", "name"}},
	{"districts", []string{"code", "regency_code", "name"}},
	{"villages", []string{"code", "district_code", "name"}},
}

// ReadWilayah reads from fsys the part of the region list that a scope
// names — a province (34), a kabupaten (34.04) or a kecamatan (34.04.11),
// "" for all of it — with the regions above it (34.04.11 brings province
// 34 and kabupaten 34.04 too). Every kecamatan takes its province's time
// zone (domain.ProvinsiTimeZone); a province without one is an error, not
// a guess.
func ReadWilayah(fsys fs.FS, scope string) (Wilayah, error) {
	var w Wilayah
	if scope != "" {
		if err := domain.ValidateWilayahKode(scope); err != nil {
			return w, err
		}
	}
	// A row is kept when it lies in the scope or the scope lies in it.
	keep := func(kode string) bool { return domain.InScope(kode, scope) || domain.InScope(scope, kode) }
	zones := map[string]string{}
	for i, f := range wilayahFiles {
		rows, err := readWilayahFile(fsys, f.name, f.header, keep)
		if err != nil {
			return w, err
		}
		for _, r := range rows {
			// r is (code, name) for provinces and (code, parent, name) below.
			switch i {
			case 0:
				tz, ok := domain.ProvinsiTimeZone(r[0])
				if !ok {
					return w, fmt.Errorf("region list: province %s (%s) has no time zone in domain.ProvinsiTimeZone", r[0], r[1])
				}
				zones[r[0]] = tz
				w.Provinsi = append(w.Provinsi, domain.Provinsi{Kode: r[0], Nama: r[1], TimeZone: tz})
			case 1:
				if _, ok := zones[r[1]]; !ok || domain.KabupatenKodeOf(r[0]) != r[0] || !domain.InScope(r[0], r[1]) {
					return w, fmt.Errorf("region list: regency %s is not under its province %s", r[0], r[1])
				}
				w.Kabupaten = append(w.Kabupaten, domain.Kabupaten{Kode: r[0], ProvinsiKode: r[1], Nama: r[2]})
			case 2:
				tz, ok := zones[strings.Split(r[0], ".")[0]]
				if !ok || domain.KabupatenKodeOf(r[0]) != r[1] || domain.KecamatanKodeOf(r[0]) != r[1] {
					return w, fmt.Errorf("region list: district %s is not under its province or regency %s", r[0], r[1])
				}
				w.Kecamatan = append(w.Kecamatan, domain.Kecamatan{Kode: r[0], Nama: r[2], TimeZone: tz})
			case 3:
				if domain.ValidateDesaKode(r[0]) != nil || domain.KecamatanKodeOf(r[0]) != r[1] {
					return w, fmt.Errorf("region list: village %s is not a desa code of district %s", r[0], r[1])
				}
				w.Desa = append(w.Desa, domain.Desa{Kode: r[0], KecamatanKode: r[1], Nama: r[2]})
			}
		}
	}
	if len(w.Provinsi) == 0 || (len(scope) > 2 && len(w.Kabupaten) == 0) || (len(scope) > 5 && len(w.Kecamatan) == 0) {
		return Wilayah{}, ruleWilayahUnknown.Err(scope)
	}
	// Every kecamatan must lie under a kabupaten of the list, and every desa
	// under one of its kecamatan: a desa row needs its kecamatan row.
	kab := map[string]bool{}
	for _, k := range w.Kabupaten {
		kab[k.Kode] = true
	}
	kec := map[string]bool{}
	for _, k := range w.Kecamatan {
		if !kab[domain.KabupatenKodeOf(k.Kode)] {
			return w, fmt.Errorf("region list: district %s has no regency", k.Kode)
		}
		kec[k.Kode] = true
	}
	for _, d := range w.Desa {
		if !kec[d.KecamatanKode] {
			return w, fmt.Errorf("region list: village %s has no district", d.Kode)
		}
	}
	return w, nil
}

// readWilayahFile reads one file of the list, checking its header, and
// returns the rows whose code keep accepts, with their fields trimmed.
func readWilayahFile(fsys fs.FS, name string, header []string, keep func(string) bool) ([][]string, error) {
	var r io.Reader
	if data, err := fs.ReadFile(fsys, name+".csv.gz"); err == nil {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("region list %s.csv.gz: %w", name, err)
		}
		r = zr
	} else if data, err2 := fs.ReadFile(fsys, name+".csv"); err2 == nil {
		r = bytes.NewReader(data)
	} else {
		return nil, fmt.Errorf("region list: %w", errors.Join(err, err2))
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(header)
	cr.ReuseRecord = true
	first, err := cr.Read()
	if err != nil || !slices.Equal(first, header) {
		return nil, fmt.Errorf("region list %s: the first line must be %v (%v)", name, header, err)
	}
	var out [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("region list %s: %w", name, err)
		}
		if keep(rec[0]) {
			out = append(out, slices.Clone(rec))
		}
	}
}

// WilayahCounts counts the rows of one level that an import added, changed
// (a name or, for a kecamatan, a time zone) and left as they were.
type WilayahCounts struct {
	Added, Updated, Unchanged int
}

// WilayahResult is what ImportWilayah did at each level.
type WilayahResult struct {
	Provinsi, Kabupaten, Kecamatan, Desa WilayahCounts
}

// The upserts of ImportWilayah: one statement per level over arrays, which
// change a row only where the list differs from it (a name; a kecamatan's
// time zone) and return, for each row written, whether it was new. Nothing
// else is touched: a desa's language and board numbers, a kecamatan's
// tranches and every dusun are local.
const (
	sqlUpsertProvinsi = `INSERT INTO provinsi AS t (kode, nama, tz)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, tz = EXCLUDED.tz
		WHERE (t.nama, t.tz) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.tz)
		RETURNING xmax = 0`
	sqlUpsertKabupaten = `INSERT INTO kabupaten AS t (kode, nama, provinsi_kode)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, provinsi_kode = EXCLUDED.provinsi_kode
		WHERE (t.nama, t.provinsi_kode) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.provinsi_kode)
		RETURNING xmax = 0`
	sqlUpsertKecamatan = `INSERT INTO kecamatan AS t (kode, nama, tz)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, tz = EXCLUDED.tz
		WHERE (t.nama, t.tz) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.tz)
		RETURNING xmax = 0`
	sqlUpsertDesa = `INSERT INTO desa AS t (kode, nama, kecamatan_kode)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama
		WHERE t.nama IS DISTINCT FROM EXCLUDED.nama
		RETURNING xmax = 0`
)

// ImportWilayah stores a part of the region list in one transaction,
// idempotently: a second import of the same part changes nothing and
// counts every row unchanged.
func (s *Store) ImportWilayah(ctx context.Context, w Wilayah) (WilayahResult, error) {
	var res WilayahResult
	// Each level's rows as the three arrays its upsert takes.
	type level struct {
		what string
		sql  string
		cols [3]pq.StringArray
		n    int
		into *WilayahCounts
	}
	levels := []*level{
		{what: "provinsi", sql: sqlUpsertProvinsi, into: &res.Provinsi},
		{what: "kabupaten", sql: sqlUpsertKabupaten, into: &res.Kabupaten},
		{what: "kecamatan", sql: sqlUpsertKecamatan, into: &res.Kecamatan},
		{what: "desa", sql: sqlUpsertDesa, into: &res.Desa},
	}
	add := func(l *level, row ...string) {
		for j := range l.cols {
			l.cols[j] = append(l.cols[j], row[j])
		}
		l.n++
	}
	for _, p := range w.Provinsi {
		add(levels[0], p.Kode, p.Nama, p.TimeZone)
	}
	for _, k := range w.Kabupaten {
		add(levels[1], k.Kode, k.Nama, k.ProvinsiKode)
	}
	for _, k := range w.Kecamatan {
		add(levels[2], k.Kode, k.Nama, k.TimeZone)
	}
	for _, d := range w.Desa {
		add(levels[3], d.Kode, d.Nama, d.KecamatanKode)
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, l := range levels {
			if l.n == 0 {
				continue
			}
			var added []bool
			if err := tx.SelectContext(ctx, &added, l.sql, l.cols[0], l.cols[1], l.cols[2]); err != nil {
				return fmt.Errorf("storing %s: %w", l.what, err)
			}
			c := WilayahCounts{}
			for _, a := range added {
				if a {
					c.Added++
				} else {
					c.Updated++
				}
			}
			c.Unchanged = l.n - len(added)
			*l.into = c
		}
		return nil
	})
	if err != nil {
		return WilayahResult{}, err
	}
	return res, nil
}

// ruleWilayahUnknown refuses a code that is well formed but not in the list
// (its Indonesian text: web/catalog/id.toml).
var ruleWilayahUnknown = domain.NewRule("wilayah_unknown", domain.EINVALID, "region %s is not in Kemendagri's list")
