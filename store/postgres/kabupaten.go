package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// KecamatanFigures are one kecamatan's figures on the kabupaten overview:
// the counts its own home page and boards show, side by side.
type KecamatanFigures struct {
	Kode string `db:"kode"`
	Nama string `db:"nama"`
	Desa int    `db:"desa"`
	// Residents are the registered residents, Women those of them who said
	// they are women.
	Residents int `db:"residents"`
	Women     int `db:"women"`
	// Stages counts the kecamatan's gagasan by stage.
	Stages map[domain.Status]int `db:"-"`
	// Meetings are the meetings held (with an outcome), MAD those of them
	// that were MAD, Planned those still to come; Attended and
	// AttendedWomen add up the attendance of the meetings held.
	Meetings      int `db:"meetings"`
	MAD           int `db:"mad"`
	Planned       int `db:"planned"`
	Attended      int `db:"attended"`
	AttendedWomen int `db:"attended_women"`
}

// WomenPercent is the share of women among the registered residents.
func (k KecamatanFigures) WomenPercent() int { return percentOf(k.Women, k.Residents) }

// AttendedWomenPercent is the share of women in the attendance.
func (k KecamatanFigures) AttendedWomenPercent() int { return percentOf(k.AttendedWomen, k.Attended) }

func percentOf(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return (part*100 + whole/2) / whole
}

// sqlKabupatenOverview counts, in one statement grouped by kecamatan, every
// kecamatan of a scope (see inScope): desa, registered residents and women,
// gagasan by stage, meetings held (MAD among them) and to come, and the
// attendance of those held. A kecamatan without any of these is listed
// with zeros. Residents and gagasan are counted per desa first, so that
// the joins to the kecamatan are over a few hundred rows, not every
// resident.
const sqlKabupatenOverview = `
WITH k AS (SELECT kode, nama FROM kecamatan WHERE kode = $1 OR kabupaten_kode = $1),
dd AS MATERIALIZED (SELECT d.kode, d.kecamatan_kode FROM desa d WHERE d.kecamatan_kode IN (SELECT kode FROM k)),
c AS (SELECT dd.kecamatan_kode AS kode, sum(c.residents) AS residents, sum(c.women) AS women
	FROM (SELECT desa_kode, count(*) AS residents, count(*) FILTER (WHERE gender = 'P') AS women FROM contacts
		WHERE registered_at IS NOT NULL AND desa_kode IN (SELECT kode FROM dd) GROUP BY desa_kode) c
	JOIN dd ON dd.kode = c.desa_kode GROUP BY 1),
gs AS (SELECT kode, array_agg(status ORDER BY status) AS stages, array_agg(n ORDER BY status) AS counts
	FROM (SELECT dd.kecamatan_kode AS kode, g.status, sum(g.n) AS n
		FROM (SELECT desa_kode, status, count(*) AS n FROM gagasan WHERE desa_kode IN (SELECT kode FROM dd) GROUP BY 1, 2) g
		JOIN dd ON dd.kode = g.desa_kode GROUP BY 1, 2) s
	GROUP BY kode),
m AS (SELECT dd.kecamatan_kode AS kode,
		count(*) FILTER (WHERE m.status = 'SELESAI') AS meetings,
		count(*) FILTER (WHERE m.status = 'SELESAI' AND m.type LIKE 'MAD\_%') AS mad,
		count(*) FILTER (WHERE m.status = 'DIJADWALKAN' AND m.starts_at >= $2) AS planned,
		coalesce(sum(m.attended) FILTER (WHERE m.status = 'SELESAI'), 0) AS attended,
		coalesce(sum(m.attended_women) FILTER (WHERE m.status = 'SELESAI'), 0) AS attended_women
	FROM meetings m JOIN dd ON dd.kode = m.desa_kode GROUP BY 1),
nd AS (SELECT kecamatan_kode AS kode, count(*) AS desa FROM dd GROUP BY 1)
SELECT k.kode, k.nama, coalesce(nd.desa, 0) AS desa,
	coalesce(c.residents, 0) AS residents, coalesce(c.women, 0) AS women,
	coalesce(gs.stages, '{}') AS stages, coalesce(gs.counts, '{}') AS counts,
	coalesce(m.meetings, 0) AS meetings, coalesce(m.mad, 0) AS mad, coalesce(m.planned, 0) AS planned,
	coalesce(m.attended, 0) AS attended, coalesce(m.attended_women, 0) AS attended_women
FROM k LEFT JOIN nd ON nd.kode = k.kode LEFT JOIN c ON c.kode = k.kode LEFT JOIN gs ON gs.kode = k.kode LEFT JOIN m ON m.kode = k.kode
ORDER BY k.nama, k.kode`

// KabupatenOverview loads the figures of every kecamatan of a scope (a
// kabupaten's code; a kecamatan's gives its one row), in one query.
func (s *Store) KabupatenOverview(ctx context.Context, scope string, now time.Time) ([]KecamatanFigures, error) {
	var rows []struct {
		KecamatanFigures
		StageNames pq.StringArray `db:"stages"`
		Counts     pq.Int64Array  `db:"counts"`
	}
	if err := s.db.SelectContext(ctx, &rows, sqlKabupatenOverview, scope, now); err != nil {
		return nil, fmt.Errorf("kabupaten overview: %w", err)
	}
	out := make([]KecamatanFigures, len(rows))
	for i, r := range rows {
		out[i] = r.KecamatanFigures
		out[i].Stages = make(map[domain.Status]int, len(r.StageNames))
		for j, st := range r.StageNames {
			out[i].Stages[domain.Status(st)] = int(r.Counts[j])
		}
	}
	return out, nil
}

// KabupatenName is a kabupaten's name, when its row was imported (`wilayah
// import`); ok is false otherwise, and the code stands for it.
func (s *Store) KabupatenName(ctx context.Context, kode string) (nama string, ok bool, err error) {
	err = s.db.GetContext(ctx, &nama, `SELECT nama FROM kabupaten WHERE kode = $1`, kode)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("loading kabupaten: %w", err)
	}
	return nama, true, nil
}
