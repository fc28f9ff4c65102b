package postgres

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// The one rule for "a proposal came from the women's meeting (MKP)"
// (docs/GLOSSARY.md, "Syarat usulan MKP"): the proposal's own flag
// (proposals.from_mkp) when a facilitator set it, either way; else
// whether the gagasan was on the agenda of an MKP meeting that was not
// cancelled. The MAD's candidates and ranking (mad.go), a proposal's admin
// page (onMKPAgenda) and the participation figures (participation.go) all
// read it from here.

// sqlOnMKPAgenda is the MKP agendas that count: the gagasan on the agenda
// of an MKP not cancelled. It is not correlated, so that a statement over
// many gagasan reads it once (a hashed subplan).
var sqlOnMKPAgenda = `(SELECT mkp_a.gagasan_id FROM meeting_agenda mkp_a JOIN meetings mkp_m ON mkp_m.id = mkp_a.meeting_id
		WHERE mkp_m.type = '` + string(domain.MeetingMKP) + `' AND mkp_m.status <> '` + string(domain.MeetingCanceled) + `')`

// onMKPAgendaSQL is whether the gagasan whose id is the SQL expression g
// was on the agenda of an MKP not cancelled.
func onMKPAgendaSQL(g string) string { return `(` + g + ` IN ` + sqlOnMKPAgenda + `)` }

// fromMKPSQL is whether a proposal came from the MKP: flag is its
// proposals.from_mkp (NULL when not set, or no proposal row), g the
// gagasan's id.
func fromMKPSQL(flag, g string) string { return `coalesce(` + flag + `, ` + onMKPAgendaSQL(g) + `)` }

// onMKPAgenda tells whether a gagasan was on the agenda of an MKP that was
// not cancelled (what a proposal's unset from_mkp stands for).
func onMKPAgenda(ctx context.Context, q sqlx.QueryerContext, gagasanID int64) (bool, error) {
	var on bool
	if err := sqlx.GetContext(ctx, q, &on, `SELECT `+onMKPAgendaSQL("$1::bigint"), gagasanID); err != nil {
		return false, fmt.Errorf("reading the MKP agenda: %w", err)
	}
	return on, nil
}
