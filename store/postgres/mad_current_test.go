package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// rankAll ranks every candidate of the demo kecamatan on a meeting, in the
// candidates' order.
func rankAll(t *testing.T, st *postgres.Store, meeting string, now time.Time, notice postgres.StatusNotice) domain.MADResult {
	t.Helper()
	cands, err := st.MADCandidates(ctx, "34.04.11")
	if err != nil {
		t.Fatal(err)
	}
	ranks := map[string]int{}
	for i, c := range cands {
		ranks[c.Code] = i + 1
	}
	res, err := st.RecordRanking(ctx, postgres.RankingInput{MeetingCode: meeting, Method: domain.MADUrutan, Ranks: ranks, By: "test",
		Now: now, Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func wantConflict(t *testing.T, what string, err error, rule string) {
	t.Helper()
	if ruleKeyOf(err) != rule || domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("%s: %v, want %s (ECONFLICT)", what, err, rule)
	}
}

// TestMADPenetapanRefusesStaleRanking: a Penetapan funds only the cut of a
// ranking made under what holds now. Lowering the allocation, raising a
// funded proposal's budget, or a LAYAK proposal arriving after the ranking
// each refuse it (ECONFLICT, nothing moved) until the ranking is saved
// again; once decided, the year's allocation and the decided proposals'
// budgets stay. Ranked directly on the Penetapan meeting, no sender hears
// of PRIORITAS_MAD; the history rows name the meeting; a forward without
// a reason tells each sender the default in their language.
func TestMADPenetapanRefusesStaleRanking(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	cands, err := st.MADCandidates(ctx, "34.04.11")
	if err != nil || len(cands) != 7 {
		t.Fatalf("candidates %d %v", len(cands), err)
	}
	// One LAYAK proposal arrives only after the ranking.
	late := cands[len(cands)-1].Code
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'USULAN_DESA' WHERE code = $1`, late); err != nil {
		t.Fatal(err)
	}
	res := rankAll(t, st, "R-MAPEN7", now, madNotice)
	if len(res.Items) != 6 {
		t.Fatalf("ranked %d", len(res.Items))
	}
	if got := outboundOf(t, st); len(got) != 0 {
		t.Errorf("ranked on the Penetapan meeting, senders told of PRIORITAS_MAD: %v", got)
	}
	m, err := st.MADMeetingByCode(ctx, "R-MAPEN7")
	if err != nil {
		t.Fatal(err)
	}
	var named int
	if err := st.DB().Get(&named, `SELECT count(*) FROM gagasan_history WHERE meeting_id = $1 AND to_status = 'PRIORITAS_MAD'`, m.ID); err != nil || named != 6 {
		t.Errorf("%d PRIORITAS_MAD history rows name the meeting (%v), want 6", named, err)
	}
	pen := postgres.Penetapan{MeetingCode: "R-MAPEN7", By: "test", Now: now, Notice: madNotice,
		DefaultReason: func(lang string) string { return "alasan-" + lang }}
	noneMoved := func(what string) {
		t.Helper()
		for _, it := range res.Items {
			if s := statusOf(t, st, it.Code); s != domain.StatusPrioritasMAD {
				t.Fatalf("%s: %s moved to %s", what, it.Code, s)
			}
		}
	}

	// A proposal arrived after the ranking.
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'VERIFIKASI' WHERE code = $1`, late); err != nil {
		t.Fatal(err)
	}
	_, err = st.RecordPenetapan(ctx, pen)
	wantConflict(t, "a proposal arrived after the ranking", err, "mad_new_candidates")
	if !strings.Contains(err.Error(), late) {
		t.Errorf("refusal does not name %s: %v", late, err)
	}
	noneMoved("new proposal")
	res = rankAll(t, st, "R-MAPEN7", now, madNotice)
	if len(res.Items) != 7 || res.Funded == 0 {
		t.Fatalf("ranked again: %+v", res)
	}

	// The allocation lowered after the ranking (an undecided year may
	// still change it).
	a, err := st.AllocationOf(ctx, "34.04.11", m.Year)
	if err != nil {
		t.Fatal(err)
	}
	lower := a
	lower.Amount = 225_000_000
	if err := st.SetAllocation(ctx, lower, "test"); err != nil {
		t.Fatal(err)
	}
	rk, err := st.MADRankingOf(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantConflict(t, "the page's check, allocation lowered", st.MADRankingCurrent(ctx, rk), "mad_allocation_changed")
	_, err = st.RecordPenetapan(ctx, pen)
	wantConflict(t, "allocation lowered", err, "mad_allocation_changed")
	noneMoved("allocation lowered")
	if err := st.SetAllocation(ctx, a, "test"); err != nil {
		t.Fatal(err)
	}

	// A funded proposal's budget raised after the ranking.
	var funded domain.MADItem
	for _, it := range res.Items {
		if it.Funded {
			funded = it
			break
		}
	}
	raised := funded.Budget + 400_000_000
	if err := st.SetProposalFigures(ctx, funded.Code, postgres.ProposalFigures{Budget: &raised}); err != nil {
		t.Fatal(err)
	}
	_, err = st.RecordPenetapan(ctx, pen)
	wantConflict(t, "budget raised", err, "mad_budget_changed")
	noneMoved("budget raised")
	if err := st.SetProposalFigures(ctx, funded.Code, postgres.ProposalFigures{Budget: &funded.Budget}); err != nil {
		t.Fatal(err)
	}
	if rk, _ = st.MADRankingOf(ctx, m.ID); st.MADRankingCurrent(ctx, rk) != nil {
		t.Fatalf("restored, still out of date: %v", st.MADRankingCurrent(ctx, rk))
	}

	// Now the Penetapan goes through; the forwards name no reason.
	out, err := st.RecordPenetapan(ctx, pen)
	if err != nil {
		t.Fatal(err)
	}
	if out.Funded != res.Funded || out.Forwarded != res.Unfunded {
		t.Fatalf("result %+v, cut %+v", out, res)
	}
	if err := st.DB().Get(&named, `SELECT count(*) FROM gagasan_history WHERE meeting_id = $1 AND to_status IN ('DIDANAI', 'TIDAK_DIDANAI', 'DITERUSKAN')`,
		m.ID); err != nil || named != res.Funded+2*res.Unfunded {
		t.Errorf("%d Penetapan history rows name the meeting (%v), want %d", named, err, res.Funded+2*res.Unfunded)
	}
	msgs := outboundOf(t, st)
	checked := 0
	for _, it := range res.Items {
		if it.Funded {
			continue
		}
		_, hist, _ := st.GagasanByCode(ctx, it.Code)
		if last := hist[len(hist)-1]; last.Note != domain.DefaultForwardTo+": alasan-id" {
			t.Errorf("%s: history note %q", it.Code, last.Note)
		}
		for _, msg := range msgs[it.Code] {
			// madNotice writes "[lang] note": the reason in that language.
			i := strings.Index(msg, "[")
			lang := msg[i+1 : i+3]
			checked++
			if !strings.HasSuffix(msg, "] "+domain.DefaultForwardTo+": alasan-"+lang) {
				t.Errorf("%s: told %q, want the default reason in %s", it.Code, msg, lang)
			}
		}
	}
	if checked == 0 {
		t.Error("no forwarded proposal's sender was told")
	}
	rk, _ = st.MADRankingOf(ctx, m.ID)
	for _, it := range rk.Items {
		if !it.Funded && it.ForwardReason != "alasan-id" {
			t.Errorf("%s: recorded reason %q", it.Code, it.ForwardReason)
		}
	}

	// Decided: the year's allocation and the decided budgets stay.
	wantConflict(t, "allocation of a decided year", st.SetAllocation(ctx, lower, "test"), "mad_allocation_decided")
	if got, _ := st.AllocationOf(ctx, "34.04.11", m.Year); got != a {
		t.Errorf("allocation changed to %+v", got)
	}
	wantConflict(t, "budget of a decided proposal", st.SetProposalFigures(ctx, funded.Code, postgres.ProposalFigures{Budget: &raised}),
		"proposal_budget_decided")
}

// TestMADCycleYear: a MAD Prioritas on 18 December and its MAD Penetapan
// on 8 January are one cycle: the Penetapan ranks and decides under the
// Prioritas's year's allocation, and keeps that year once ranked; a
// Penetapan with no Prioritas within MADCycleDays before it is of the
// year it is held.
func TestMADCycleYear(t *testing.T) {
	st := storetest.SeededStore(t)
	wib := domain.Kecamatan{TimeZone: "Asia/Jakarta"}.Location()
	prio := time.Date(2026, 12, 18, 9, 0, 0, 0, wib)
	pen := time.Date(2027, 1, 8, 9, 0, 0, 0, wib)
	if err := st.SeedDemoMADProposals(ctx, pen.AddDate(0, 0, 7)); err != nil {
		t.Fatal(err)
	}
	for code, at := range map[string]time.Time{"R-MAPRY4": prio, "R-MAPEN7": pen} {
		if _, err := st.DB().Exec(`UPDATE meetings SET starts_at = $2 WHERE code = $1`, code, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.DB().Exec(`DELETE FROM allocations`); err != nil {
		t.Fatal(err)
	}
	if err := st.SetAllocation(ctx, domain.Allocation{KecamatanKode: "34.04.11", Year: 2026, Amount: 500_000_000, SkipToFit: true,
		MKPShare: 667}, "test"); err != nil {
		t.Fatal(err)
	}
	// Before the Prioritas is ranked, the Penetapan is of its own year.
	if m, err := st.MADMeetingByCode(ctx, "R-MAPEN7"); err != nil || m.Year != 2027 || m.YearFrom != "" {
		t.Fatalf("unranked cycle: %+v %v", m, err)
	}
	rankAll(t, st, "R-MAPRY4", prio.Add(time.Hour), nil)
	m, err := st.MADMeetingByCode(ctx, "R-MAPEN7")
	if err != nil || m.Year != 2026 || m.YearFrom != "R-MAPRY4" {
		t.Fatalf("Penetapan of 8 January: year %d from %q (%v), want 2026 from R-MAPRY4", m.Year, m.YearFrom, err)
	}
	if p, _ := st.MADMeetingByCode(ctx, "R-MAPRY4"); p.Year != 2026 {
		t.Errorf("Prioritas year %d", p.Year)
	}
	res := rankAll(t, st, "R-MAPEN7", pen.Add(time.Hour), nil)
	if res.Used == 0 || res.Used > 500_000_000 {
		t.Fatalf("cut under the 2026 allocation: %+v", res)
	}
	if _, err := st.RecordPenetapan(ctx, postgres.Penetapan{MeetingCode: "R-MAPEN7", By: "test", Now: pen.Add(2 * time.Hour),
		DefaultReason: func(string) string { return "Alokasi tidak cukup" }}); err != nil {
		t.Fatal(err)
	}
	rk, err := st.MADRankingOf(ctx, m.ID)
	if err != nil || rk.Year != 2026 || rk.Allocation != 500_000_000 {
		t.Fatalf("ranking %+v %v", rk, err)
	}
	// Decided, it stays of 2026.
	if m, _ := st.MADMeetingByCode(ctx, "R-MAPEN7"); m.Year != 2026 {
		t.Errorf("decided Penetapan's year %d", m.Year)
	}
	// A Prioritas more than MADCycleDays before: the meeting's own year.
	if _, err := st.DB().Exec(`DELETE FROM mad_rankings WHERE meeting_id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE meetings SET starts_at = $2 WHERE code = $1`, "R-MAPRY4", pen.AddDate(0, 0, -postgres.MADCycleDays-1)); err != nil {
		t.Fatal(err)
	}
	if m, _ := st.MADMeetingByCode(ctx, "R-MAPEN7"); m.Year != 2027 {
		t.Errorf("Prioritas out of the cycle, year %d", m.Year)
	}
}

// TestMADReadsWriteNothing: the criteria and a preview are read without
// writing (the defaults are returned unstored); only SetMADCriteria
// writes them.
func TestMADReadsWriteNothing(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := st.DB().Get(&n, `SELECT count(*) FROM mad_criteria`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	cs, err := st.MADCriteria(ctx, "34.04.11")
	if err != nil || len(cs) != len(domain.DefaultMADCriteria) {
		t.Fatalf("criteria %+v %v", cs, err)
	}
	cands, _ := st.MADCandidates(ctx, "34.04.11")
	scores := map[string]map[string]int{}
	for _, c := range cands {
		scores[c.Code] = map[string]int{}
		for _, k := range cs {
			scores[c.Code][k.Key] = 50
		}
	}
	if _, err := st.PreviewRanking(ctx, postgres.RankingInput{MeetingCode: "R-MAPRY4", Method: domain.MADSkor, Scores: scores, Now: now}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("reading wrote %d criteria", n)
	}
	if err := st.SetMADCriteria(ctx, "34.04.11", domain.DefaultMADCriteria); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != len(domain.DefaultMADCriteria) {
		t.Fatalf("%d criteria stored", n)
	}
}

// TestShareMilli: a share is a fraction (comma or point) or a percent,
// nothing more.
func TestShareMilli(t *testing.T) {
	for in, want := range map[string]int{"0,667": 667, "0.5": 500, "50%": 500, "66,7 %": 667, "1": 1000, "0": 0, ",5": 500} {
		if v, ok := postgres.ShareMilli(in); !ok || v != want {
			t.Errorf("%q: %d %v, want %d", in, v, ok, want)
		}
	}
	for _, in := range []string{"0.5abc", "0,5 x", "1e-1", "-0.1", "2", "", "%", "0.5.1", "NaN", "0x1p-1", "150%"} {
		if v, ok := postgres.ShareMilli(in); ok {
			t.Errorf("%q read as %d", in, v)
		}
	}
}

// TestMADPenetapanHoldsAllocation: the Penetapan reads the allocation FOR
// SHARE, so an allocation change not yet committed makes it wait rather
// than decide by the value the change is replacing.
func TestMADPenetapanHoldsAllocation(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	rankAll(t, st, "R-MAPEN7", now, nil)
	tx, err := st.DB().Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.Exec(`UPDATE allocations SET amount = 225000000 WHERE kecamatan_kode = '34.04.11'`); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer cancel()
	_, err = st.RecordPenetapan(short, postgres.Penetapan{MeetingCode: "R-MAPEN7", By: "test", Now: now,
		DefaultReason: func(string) string { return "Alokasi tidak cukup" }})
	if err == nil {
		t.Fatal("the Penetapan decided while the allocation was being changed")
	}
	if s := statusOf(t, st, "G-TAPAK4"); s != domain.StatusPrioritasMAD {
		t.Fatalf("moved to %s", s)
	}
}
