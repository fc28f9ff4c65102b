package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// madNotice tells a sender in a text the test can count by gagasan code.
func madNotice(lang string, g domain.Gagasan, note string) string {
	return "kabar " + g.Code + " " + string(g.Status) + " [" + lang + "] " + note
}

// outboundOf counts the queued messages about each gagasan (by the code
// madNotice writes) and to whom they go.
func outboundOf(t *testing.T, st *postgres.Store) map[string][]string {
	t.Helper()
	var rows []struct {
		To   string `db:"to_phone"`
		Text string `db:"text"`
	}
	if err := st.DB().Select(&rows, `SELECT to_phone, text FROM outbound_messages WHERE text LIKE 'kabar %' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		code := strings.Fields(r.Text)[1]
		out[code] = append(out[code], r.To+" "+r.Text)
	}
	return out
}

func statusOf(t *testing.T, st *postgres.Store, code string) domain.Status {
	t.Helper()
	g, _, err := st.GagasanByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	return g.Status
}

// TestMADPenetapanMovesEveryProposalOnce: the demo MAD's proposals of three
// desa are ranked on the MAD Prioritas (moved to PRIORITAS_MAD), then the
// MAD Penetapan moves every one in one transaction, funded → DIDANAI, the
// others → TIDAK_DIDANAI → DITERUSKAN with where and why, and tells every
// sender (or relative's number) exactly once; a proposal moved meanwhile
// rolls the whole Penetapan back, and a second Penetapan is refused.
func TestMADPenetapanMovesEveryProposalOnce(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	for _, p := range []domain.Phone{"+6281100000011", "+6281100000012", "+6281100000013"} {
		if _, err := st.UpsertRegisteredContact(ctx, domain.Contact{Phone: p, Name: "Warga " + string(p[len(p)-2:]), DesaKode: "34.04.11.2002",
			DusunID: firstDusun(t, st), Gender: domain.GenderFemale, Channel: "sim"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	cands, err := st.MADCandidates(ctx, "34.04.11")
	if err != nil || len(cands) != 7 {
		t.Fatalf("candidates %d, %v", len(cands), err)
	}
	desa := map[string]bool{}
	for _, c := range cands {
		desa[c.DesaKode] = true
		if c.Budget == nil || c.Status != domain.StatusVerifikasi {
			t.Fatalf("candidate %+v", c)
		}
	}
	if len(desa) != 3 {
		t.Fatalf("candidates of %d desa", len(desa))
	}

	// A Penetapan before any ranking is refused.
	pen := postgres.Penetapan{MeetingCode: "R-MAPEN7", By: "test", Now: now, Notice: madNotice}
	if _, err := st.RecordPenetapan(ctx, pen); ruleKeyOf(err) != "mad_no_ranking" {
		t.Fatalf("Penetapan without ranking: %v", err)
	}
	// Ranking on the MAD Prioritas: every candidate, in this order.
	ranks := map[string]int{}
	for i, c := range cands {
		ranks[c.Code] = i + 1
	}
	delete(ranks, cands[0].Code)
	in := postgres.RankingInput{MeetingCode: "R-MAPRY4", Method: domain.MADUrutan, Ranks: ranks, By: "test", Now: now, Notice: madNotice}
	if _, err := st.RecordRanking(ctx, in); ruleKeyOf(err) != "mad_unranked" {
		t.Fatalf("a candidate left out: %v", err)
	}
	ranks[cands[0].Code] = 1
	res, err := st.RecordRanking(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Used > 500_000_000 || res.Funded == 0 || res.Unfunded == 0 {
		t.Fatalf("cut: %+v", res)
	}
	for _, c := range cands {
		if st := statusOf(t, st, c.Code); st != domain.StatusPrioritasMAD {
			t.Fatalf("%s at %s after the Prioritas", c.Code, st)
		}
	}
	before := outboundOf(t, st)

	// The Penetapan ranks on its own meeting; a Prioritas meeting has no
	// Penetapan.
	in.MeetingCode, in.Notice = "R-MAPEN7", nil
	if _, err := st.RecordRanking(ctx, in); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordPenetapan(ctx, postgres.Penetapan{MeetingCode: "R-MAPRY4", Now: now}); ruleKeyOf(err) != "mad_not_penetapan" {
		t.Fatalf("Penetapan on a Prioritas: %v", err)
	}
	var unfunded []string
	for _, it := range res.Items {
		if !it.Funded {
			unfunded = append(unfunded, it.Code)
		}
	}
	pen.Forwards = map[string]domain.Forward{unfunded[0]: {To: "Dinas PU Sleman", Reason: "Di luar batas biaya BLM"}}
	for _, c := range unfunded[1:] {
		pen.Forwards[c] = domain.Forward{Reason: "Alokasi tidak cukup"}
	}
	pen.Delegates = []domain.Delegate{
		{DesaKode: "34.04.11.2002", Name: "Sri Wahyuni", Gender: domain.GenderFemale, Position: "KPMD"},
		{DesaKode: "34.04.11.2001", Name: "Sukiman", Gender: domain.GenderMale},
		{DesaKode: "34.04.11.2005", Name: "Painem", Gender: domain.GenderFemale},
	}

	// A proposal moved meanwhile: nothing at all is recorded.
	moved := res.Items[len(res.Items)-1].Code
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'TIDAK_DIDANAI' WHERE code = $1`, moved); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordPenetapan(ctx, pen); ruleKeyOf(err) != "mad_moved_meanwhile" || domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("a proposal moved meanwhile: %v", err)
	}
	for _, it := range res.Items[:len(res.Items)-1] {
		if st := statusOf(t, st, it.Code); st != domain.StatusPrioritasMAD {
			t.Fatalf("%s at %s after a failed Penetapan", it.Code, st)
		}
	}
	if got := outboundOf(t, st); len(got) != len(before) {
		t.Fatalf("a failed Penetapan queued messages: %v", got)
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM mad_delegates`); err != nil || n != 0 {
		t.Fatalf("%d delegates after a failed Penetapan (%v)", n, err)
	}
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'PRIORITAS_MAD' WHERE code = $1`, moved); err != nil {
		t.Fatal(err)
	}
	// A forward for a funded proposal, a delegate of another kecamatan.
	bad := pen
	bad.Forwards = map[string]domain.Forward{res.Items[0].Code: {Reason: "salah"}}
	if _, err := st.RecordPenetapan(ctx, bad); ruleKeyOf(err) != "mad_forward_funded" {
		t.Fatalf("forwarding a funded proposal: %v", err)
	}

	out, err := st.RecordPenetapan(ctx, pen)
	if err != nil {
		t.Fatal(err)
	}
	if out.Funded != res.Funded || out.Forwarded != res.Unfunded {
		t.Fatalf("result %+v, cut %+v", out, res)
	}
	after := outboundOf(t, st)
	told := 0
	for _, it := range res.Items {
		want := domain.StatusDidanai
		if !it.Funded {
			want = domain.StatusDiteruskan
		}
		if got := statusOf(t, st, it.Code); got != want {
			t.Errorf("%s at %s, want %s", it.Code, got, want)
		}
		msgs := after[it.Code][len(before[it.Code]):]
		var p demoProposal
		for _, c := range demoMAD {
			if c.code == it.Code {
				p = c
			}
		}
		if p.hears {
			if len(msgs) != 1 || !strings.Contains(msgs[0], string(want)) {
				t.Errorf("%s: told %v, want once of %s", it.Code, msgs, want)
			}
			told++
		} else if len(msgs) != 0 {
			t.Errorf("%s has no one to tell, yet %v", it.Code, msgs)
		}
	}
	if out.Notified != told || told < 4 {
		t.Errorf("notified %d, counted %d", out.Notified, told)
	}
	_, hist, _ := st.GagasanByCode(ctx, unfunded[0])
	last := hist[len(hist)-1]
	if last.To != domain.StatusDiteruskan || last.Note != "Dinas PU Sleman: Di luar batas biaya BLM" || hist[len(hist)-2].To != domain.StatusTidakDidanai {
		t.Errorf("history %+v", hist)
	}
	m, _ := st.MADMeetingByCode(ctx, "R-MAPEN7")
	r, err := st.MADRankingOf(ctx, m.ID)
	if err != nil || r.DecidedAt == nil || len(r.Delegates) != 3 {
		t.Fatalf("ranking %+v %v", r, err)
	}
	for _, it := range r.Items {
		if !it.Funded && (it.ForwardTo == "" || it.ForwardReason == "") {
			t.Errorf("%s forwarded without where or why: %+v", it.Code, it)
		}
		if it.Code == unfunded[1] && it.ForwardTo != domain.DefaultForwardTo {
			t.Errorf("default destination: %q", it.ForwardTo)
		}
	}
	if w := postgres.WomenPerDesa(r.Delegates); w["34.04.11.2002"] != [2]int{1, 1} || w["34.04.11.2001"] != [2]int{1, 0} {
		t.Errorf("women per desa %v", w)
	}

	// A second Penetapan is refused and changes nothing.
	if _, err := st.RecordPenetapan(ctx, pen); ruleKeyOf(err) != "mad_decided" || domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("second Penetapan: %v", err)
	}
	if _, err := st.RecordRanking(ctx, in); err == nil {
		t.Fatal("re-ranking a decided MAD")
	}
	if got := outboundOf(t, st); len(got[res.Items[0].Code]) != len(after[res.Items[0].Code]) {
		t.Fatal("the second Penetapan told someone")
	}
}

// demoProposal: whether a demo MAD proposal has someone to tell (a
// sender, or a relative's number).
type demoProposal struct {
	code  string
	hears bool
}

var demoMAD = []demoProposal{{"G-TAPAK4", true}, {"G-PANGN6", true}, {"G-AYRWT7", true}, {"G-JEMTN3", true},
	{"G-PYNKM4", false}, {"G-KEPRM9", true}, {"G-PAMNY6", false}}

func firstDusun(t *testing.T, st *postgres.Store) int64 {
	t.Helper()
	d, err := st.ListDusun(ctx, "34.04.11.2002")
	if err != nil || len(d) == 0 {
		t.Fatal(err)
	}
	return d[0].ID
}

func ruleKeyOf(err error) string {
	if r, _ := domain.RuleOf(err); r != nil {
		return r.Key
	}
	return ""
}

// TestMADSettings: an allocation per kecamatan and year is stored and
// replaced; the criteria start from the defaults and are replaced only by
// weights summing to 100; the scored ranking orders by weights; the demo
// seed's MAD is finished.
func TestMADSettings(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.AllocationOf(ctx, "34.04.11", 2026); ruleKeyOf(err) != "mad_no_allocation" {
		t.Fatalf("no allocation: %v", err)
	}
	a := domain.Allocation{KecamatanKode: "34.04.11", Year: 2026, Amount: 750_000_000, SkipToFit: false, MKPShare: 667}
	if err := st.SetAllocation(ctx, a, "test"); err != nil {
		t.Fatal(err)
	}
	a.Amount, a.MKPShare = 800_000_000, 500
	if err := st.SetAllocation(ctx, a, "test"); err != nil {
		t.Fatal(err)
	}
	if got, err := st.AllocationOf(ctx, "34.04.11", 2026); err != nil || got != a {
		t.Fatalf("allocation %+v, %v", got, err)
	}
	if err := st.SetAllocation(ctx, domain.Allocation{KecamatanKode: "99.99.99", Year: 2026, Amount: 5}, "test"); ruleKeyOf(err) != "mad_kecamatan_unknown" {
		t.Fatalf("unknown kecamatan: %v", err)
	}
	if list, err := st.Allocations(ctx, "34.04"); err != nil || len(list) != 1 || list[0].KecamatanNama != "Ngemplak" {
		t.Fatalf("list %+v %v", list, err)
	}
	cs, err := st.MADCriteria(ctx, "34.04.11")
	if err != nil || len(cs) != len(domain.DefaultMADCriteria) {
		t.Fatalf("criteria %+v %v", cs, err)
	}
	if err := st.SetMADCriteria(ctx, "34.04.11", []domain.MADCriterion{{Key: "a", Label: "Satu", Weight: 60}}); ruleKeyOf(err) != "mad_weight_sum" {
		t.Fatalf("weights not 100: %v", err)
	}
	mine := []domain.MADCriterion{{Key: "manfaat", Label: "Manfaat", Weight: 70}, {Key: "urgensi", Label: "Urgensi", Weight: 30}}
	if err := st.SetMADCriteria(ctx, "34.04.11", mine); err != nil {
		t.Fatal(err)
	}
	if cs, _ := st.MADCriteria(ctx, "34.04.11"); len(cs) != 2 || cs[0] != mine[0] {
		t.Fatalf("criteria after set %+v", cs)
	}
	if v, ok := postgres.ShareMilli("0,667"); !ok || v != 667 {
		t.Errorf("share %d %v", v, ok)
	}
	if v, ok := postgres.ShareMilli("50%"); !ok || v != 500 {
		t.Errorf("share %d %v", v, ok)
	}
	if _, ok := postgres.ShareMilli("2"); ok {
		t.Error("share 2 read")
	}
}

// TestSeedDemoMAD: the demo's MAD is finished: ranked, decided, every
// proposal funded or forwarded, delegates with women; loading it twice
// changes nothing.
func TestSeedDemoMAD(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	for i := 0; i < 2; i++ {
		if err := st.SeedDemoMAD(ctx, now, madNotice); err != nil {
			t.Fatal(err)
		}
	}
	m, err := st.MADMeetingByCode(ctx, "R-MAPEN7")
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.MADRankingOf(ctx, m.ID)
	if err != nil || r.DecidedAt == nil || len(r.Items) != 7 || len(r.Delegates) != 9 {
		t.Fatalf("%+v %v", r, err)
	}
	funded := 0
	for _, it := range r.Items {
		switch {
		case it.Funded && it.Status == domain.StatusDidanai:
			funded++
		case !it.Funded && it.Status == domain.StatusDiteruskan && it.ForwardTo != "":
		default:
			t.Errorf("item %+v", it)
		}
	}
	if funded < 3 || funded == 7 {
		t.Errorf("%d funded", funded)
	}
}
