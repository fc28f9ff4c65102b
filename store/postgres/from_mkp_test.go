package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// TestFromMKPOneRule: "the proposal came from the MKP" reads the same on
// the MAD's candidates, a recorded ranking, a proposal's admin page and
// the participation figures: the proposal's own flag when set (false
// overrides an MKP's agenda), else on the agenda of an MKP not cancelled
// (a cancelled MKP does not count).
func TestFromMKPOneRule(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	// Bimomartani's three proposals: G-TAPAK4 only on a cancelled MKP's
	// agenda, G-PANGN6 on a held one's, G-AYRWT7 on the held one's too
	// but set "not from the MKP" by a facilitator.
	if _, err := st.DB().Exec(`UPDATE proposals SET from_mkp = CASE WHEN gagasan_id = (SELECT id FROM gagasan WHERE code = 'G-AYRWT7')
		THEN false END WHERE gagasan_id IN (SELECT id FROM gagasan WHERE code IN ('G-TAPAK4', 'G-PANGN6', 'G-AYRWT7'))`); err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct{ code, status, agenda string }{
		{"R-MKPBTL2", "DIBATALKAN", "G-TAPAK4"}, {"R-MKPHDR3", "SELESAI", "G-PANGN6 G-AYRWT7"},
	} {
		if _, err := st.DB().Exec(`WITH m AS (INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
				VALUES ($1, 'MKP', '34.04.11.2002', 'PEREMPUAN', $3, 'Balai Desa', $2) RETURNING id)
			INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT m.id, g.id FROM m, gagasan g WHERE g.code = ANY(string_to_array($4, ' '))`,
			m.code, m.status, now.AddDate(0, -2, 0), m.agenda); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{"G-TAPAK4": false, "G-PANGN6": true, "G-AYRWT7": false}

	cands, err := st.MADCandidates(ctx, "34.04.11")
	if err != nil {
		t.Fatal(err)
	}
	candidates, ranks := map[string]bool{}, map[string]int{}
	for i, c := range cands {
		candidates[c.Code] = c.FromMKP
		ranks[c.Code] = i + 1
	}
	if _, err := st.RecordRanking(ctx, postgres.RankingInput{MeetingCode: "R-MAPRY4", Method: domain.MADUrutan, Ranks: ranks, By: "test", Now: now}); err != nil {
		t.Fatal(err)
	}
	m, err := st.MADMeetingByCode(ctx, "R-MAPRY4")
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.MADRankingOf(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	ranked := map[string]bool{}
	for _, it := range r.Items {
		ranked[it.Code] = it.FromMKP
	}
	fromDesa := 0
	for code, w := range want {
		g, _, err := st.GagasanByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		p, err := st.ProposalOf(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if candidates[code] != w || ranked[code] != w || p.CameFromMKP() != w {
			t.Errorf("%s from the MKP: candidates %v, ranking %v, proposal page %v; want %v", code, candidates[code], ranked[code], p.CameFromMKP(), w)
		}
		if w {
			fromDesa++
		}
	}
	// Bimomartani has no other gagasan from the MKP in the proposals' year.
	year := now.AddDate(0, -3, 0).In(domain.Kecamatan{TimeZone: "Asia/Jakarta"}.Location()).Year()
	rep, err := st.ParticipationIn(ctx, "34.04.11.2002", year, now)
	if err != nil || len(rep.Rows) != 1 {
		t.Fatalf("participation %+v %v", rep, err)
	}
	if rep.Rows[0].GagasanMKP != fromDesa {
		t.Errorf("participation counts %d gagasan from the MKP, the MAD %d", rep.Rows[0].GagasanMKP, fromDesa)
	}
}
