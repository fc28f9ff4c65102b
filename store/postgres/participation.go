package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// ParticipationReport is a scope's participation in one cycle (a year):
// its rows (each desa of a desa's or a kecamatan's scope; each kecamatan
// of a kabupaten), their total, and every meeting held with its
// attendance, oldest first.
type ParticipationReport struct {
	Scope    string
	Year     int
	Rows     []domain.Participation
	Total    domain.Participation
	Meetings []domain.MeetingAttendance
}

// participationDesa is the scope's desa with the cycle's bounds in their
// kecamatan's zone; where is the scope's condition on desa d and kecamatan
// k ($1 the scope, $2 the year).
func participationDesa(where string) string {
	return `WITH dd AS MATERIALIZED (SELECT d.kode, d.nama, d.kecamatan_kode, k.nama AS kecamatan_nama,
		make_timestamptz($2::int, 1, 1, 0, 0, 0, k.tz) AS from_at, make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, k.tz) AS to_at
	FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE ` + where + `)`
}

// participationWhere narrows the desa to a scope by its form: a desa's
// code, a kecamatan's or a kabupaten's (each through its own index).
func participationWhere(scope string) string {
	switch strings.Count(scope, ".") {
	case 3:
		return `d.kode = $1`
	case 2:
		return `d.kecamatan_kode = $1`
	}
	return `k.kabupaten_kode = $1 AND d.kecamatan_kode IN (SELECT kode FROM kecamatan WHERE kabupaten_kode = $1)`
}

// sqlParticipation counts, per desa in one statement, each figure group
// in a CTE of its own, each grouped by desa before the join:
//   - c: residents registered by the cycle's end, and women;
//   - g: gagasan sent in the cycle, not withdrawn: from women (the
//     board's rule: sent by a woman, or filed for one), from the MKP
//     (fromMKPSQL: proposals.from_mkp when set, else on an MKP's agenda
//     not cancelled), answering the social map;
//   - v: the counted votes of the cycle's meetings (not cancelled), from
//     the count each vote keeps (votes.result, domain.VoteResult);
//   - a: complaints filed in the cycle; answered is the first line of a
//     complaint's history after its filing that moved it past DITERIMA or
//     wrote its sender a reply (a note), within 14 days (domain.
//     ComplaintAnsweredBy); due are those answered or filed 14 days
//     before $3 (now), so that a fresh complaint is not counted late.
var sqlParticipation = `,
c AS (SELECT c.desa_kode, count(*) AS residents, count(*) FILTER (WHERE c.gender = 'P') AS women
	FROM contacts c JOIN dd ON dd.kode = c.desa_kode WHERE c.registered_at < dd.to_at GROUP BY 1),
g AS (SELECT g.desa_kode, count(*) AS gagasan,
		count(*) FILTER (WHERE g.for_gender = 'P' OR (g.for_name = '' AND s.gender = 'P')) AS women,
		count(*) FILTER (WHERE ` + fromMKPSQL("p.from_mkp", "g.id") + `) AS mkp,
		count(*) FILTER (WHERE g.map_item_id IS NOT NULL) AS map
	FROM gagasan g JOIN dd ON dd.kode = g.desa_kode LEFT JOIN contacts s ON s.id = g.sender_id
		LEFT JOIN proposals p ON p.gagasan_id = g.id
	WHERE g.created_at >= dd.from_at AND g.created_at < dd.to_at AND g.status <> 'DITARIK' GROUP BY 1),
v AS (SELECT m.desa_kode, count(*) AS votes,
		sum((v.result->>'audience')::int) AS audience, sum((v.result->>'audience_women')::int) AS audience_women,
		sum((v.result->>'audience_men')::int) AS audience_men, sum((v.result->'all'->>'ballots')::int) AS ballots,
		sum((v.result->'women'->>'ballots')::int) AS ballots_women, sum((v.result->'men'->>'ballots')::int) AS ballots_men
	FROM votes v JOIN meetings m ON m.id = v.meeting_id JOIN dd ON dd.kode = m.desa_kode
	WHERE v.result IS NOT NULL AND m.status <> 'DIBATALKAN' AND m.starts_at >= dd.from_at AND m.starts_at < dd.to_at GROUP BY 1),
a AS (SELECT x.desa_kode, count(*) AS complaints,
		count(*) FILTER (WHERE x.answered_at IS NOT NULL OR x.created_at <= $3::timestamptz - interval '14 days') AS due,
		count(*) FILTER (WHERE x.answered_at <= x.created_at + interval '14 days') AS answered
	FROM (SELECT c.desa_kode, c.created_at, (SELECT min(h.at) FROM complaint_history h
			WHERE h.complaint_id = c.id AND (h.status <> 'DITERIMA' OR h.note <> '')) AS answered_at
		FROM complaints c JOIN dd ON dd.kode = c.desa_kode WHERE c.created_at >= dd.from_at AND c.created_at < dd.to_at) x
	GROUP BY 1)
SELECT dd.kode, dd.nama, dd.kecamatan_kode, dd.kecamatan_nama,
	coalesce(c.residents, 0) AS residents, coalesce(c.women, 0) AS residents_women,
	coalesce(g.gagasan, 0) AS gagasan, coalesce(g.women, 0) AS gagasan_women, coalesce(g.mkp, 0) AS gagasan_mkp,
	coalesce(g.map, 0) AS gagasan_map,
	coalesce(v.votes, 0) AS votes, coalesce(v.audience, 0) AS vote_audience, coalesce(v.audience_women, 0) AS vote_audience_women,
	coalesce(v.audience_men, 0) AS vote_audience_men, coalesce(v.ballots, 0) AS ballots,
	coalesce(v.ballots_women, 0) AS ballots_women, coalesce(v.ballots_men, 0) AS ballots_men,
	coalesce(a.complaints, 0) AS complaints, coalesce(a.due, 0) AS complaints_due, coalesce(a.answered, 0) AS complaints_answered
FROM dd LEFT JOIN c ON c.desa_kode = dd.kode LEFT JOIN g ON g.desa_kode = dd.kode
	LEFT JOIN v ON v.desa_kode = dd.kode LEFT JOIN a ON a.desa_kode = dd.kode
ORDER BY dd.kecamatan_nama, dd.kecamatan_kode, dd.nama, dd.kode`

// sqlParticipationMeetings lists the meetings held in the cycle with
// their attendance recorded.
const sqlParticipationMeetings = `
SELECT m.code, m.desa_kode, m.type, m.starts_at, m.attended, coalesce(m.attended_women, 0) AS attended_women
FROM meetings m JOIN dd ON dd.kode = m.desa_kode
WHERE m.status = 'SELESAI' AND m.attended IS NOT NULL AND m.starts_at >= dd.from_at AND m.starts_at < dd.to_at
ORDER BY m.starts_at, m.id`

// ParticipationIn counts participation in a scope (a desa's, a
// kecamatan's or a kabupaten's code) in year's cycle, as of now: two
// statements, one for the figures of every desa and one for the meetings
// (domain.Participation says what each counts). A kabupaten's rows are
// its kecamatan, their desa added up.
func (s *Store) ParticipationIn(ctx context.Context, scope string, year int, now time.Time) (ParticipationReport, error) {
	rep := ParticipationReport{Scope: scope, Year: year}
	head := participationDesa(participationWhere(scope))
	var rows []struct {
		domain.Participation
		KecamatanKode string `db:"kecamatan_kode"`
		KecamatanNama string `db:"kecamatan_nama"`
	}
	if err := s.db.SelectContext(ctx, &rows, head+sqlParticipation, scope, year, now); err != nil {
		return rep, fmt.Errorf("counting participation: %w", err)
	}
	if err := s.db.SelectContext(ctx, &rep.Meetings, head+sqlParticipationMeetings, scope, year); err != nil {
		return rep, fmt.Errorf("listing attendance: %w", err)
	}
	attendance := map[string]domain.Participation{}
	for _, m := range rep.Meetings {
		a := attendance[m.DesaKode]
		a.Meetings++
		a.Attended += m.Attended
		a.AttendedWomen += m.AttendedWomen
		attendance[m.DesaKode] = a
	}
	byKec := strings.Count(scope, ".") < 2
	for _, r := range rows {
		p := r.Participation
		if a := attendance[p.Kode]; a.Meetings > 0 {
			p.Meetings, p.Attended, p.AttendedWomen = a.Meetings, a.Attended, a.AttendedWomen
		}
		rep.Total.Add(p)
		if !byKec {
			rep.Rows = append(rep.Rows, p)
			continue
		}
		if n := len(rep.Rows); n == 0 || rep.Rows[n-1].Kode != r.KecamatanKode {
			rep.Rows = append(rep.Rows, domain.Participation{Kode: r.KecamatanKode, Nama: r.KecamatanNama})
		}
		rep.Rows[len(rep.Rows)-1].Add(p)
	}
	return rep, nil
}
