package domain_test

import (
	"reflect"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// ruleKey is the key of the rule that refused err ("" when none).
func ruleKey(err error) string {
	if r, _ := domain.RuleOf(err); r != nil {
		return r.Key
	}
	return ""
}

func madItems(budgets ...int64) []domain.MADItem {
	out := make([]domain.MADItem, len(budgets))
	for i, b := range budgets {
		out[i] = domain.MADItem{GagasanID: int64(i + 1), Code: "G-" + string(rune('A'+i)), DesaKode: "D1", Budget: b, Rank: i + 1}
	}
	return out
}

func fundedOf(r domain.MADResult) []bool {
	out := make([]bool, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.Funded
	}
	return out
}

func TestMADCut(t *testing.T) {
	T, F := true, false
	for _, tc := range []struct {
		name    string
		budgets []int64
		alloc   int64
		skip    bool
		want    []bool
		used    int64
	}{
		{"all fit", []int64{100, 200, 300}, 1000, true, []bool{T, T, T}, 600},
		{"exact fit", []int64{400, 600}, 1000, true, []bool{T, T}, 1000},
		{"exact fit at the end", []int64{500, 300, 200}, 1000, false, []bool{T, T, T}, 1000},
		{"skip and take next", []int64{500, 600, 300, 200}, 1000, true, []bool{T, F, T, T}, 1000},
		{"stop at first", []int64{500, 600, 300, 200}, 1000, false, []bool{T, F, F, F}, 500},
		{"first too big, skip", []int64{1500, 900}, 1000, true, []bool{F, T}, 900},
		{"first too big, stop", []int64{1500, 900}, 1000, false, []bool{F, F}, 0},
		{"skip keeps looking", []int64{700, 400, 400, 300}, 1000, true, []bool{T, F, F, T}, 1000},
		{"one rupiah over", []int64{1001}, 1000, true, []bool{F}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := domain.RankMAD(domain.MADUrutan, madItems(tc.budgets...), nil,
				domain.Allocation{Year: 2026, Amount: tc.alloc, SkipToFit: tc.skip})
			if err != nil {
				t.Fatal(err)
			}
			if got := fundedOf(r); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("funded = %v, want %v", got, tc.want)
			}
			if r.Used != tc.used || r.Left != tc.alloc-tc.used {
				t.Errorf("used %d left %d, want %d and %d", r.Used, r.Left, tc.used, tc.alloc-tc.used)
			}
			funded := 0
			for _, f := range tc.want {
				if f {
					funded++
				}
			}
			if r.Funded != funded || r.Unfunded != len(tc.want)-funded {
				t.Errorf("counts %d/%d", r.Funded, r.Unfunded)
			}
		})
	}
}

func TestMADRefusals(t *testing.T) {
	a := domain.Allocation{Year: 2026, Amount: 1000, SkipToFit: true}
	noBudget := madItems(100, 0, 300)
	twice := madItems(100, 200)
	twice[1].GagasanID = 1
	badRank := madItems(100, 200)
	badRank[1].Rank = 1
	farRank := madItems(100, 200)
	farRank[0].Rank = 3
	for _, tc := range []struct {
		name   string
		method domain.MADMethod
		items  []domain.MADItem
		a      domain.Allocation
		want   string
	}{
		{"a proposal without a budget is refused, never guessed", domain.MADUrutan, noBudget, a, "mad_no_budget"},
		{"nothing to rank", domain.MADUrutan, nil, a, "mad_empty"},
		{"listed twice", domain.MADUrutan, twice, a, "mad_twice"},
		{"rank twice", domain.MADUrutan, badRank, a, "mad_rank_twice"},
		{"rank out of range", domain.MADUrutan, farRank, a, "mad_rank_range"},
		{"no allocation", domain.MADUrutan, madItems(1), domain.Allocation{Year: 2026}, "mad_amount"},
		{"share over 1", domain.MADUrutan, madItems(1), domain.Allocation{Year: 2026, Amount: 5, MKPShare: 1001}, "mad_share"},
		{"year", domain.MADUrutan, madItems(1), domain.Allocation{Year: 1999, Amount: 5}, "mad_year"},
		{"method", "UNDIAN", madItems(1), a, "mad_method"},
		{"scores missing", domain.MADSkor, madItems(1), a, "mad_score_missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := domain.RankMAD(tc.method, tc.items, domain.DefaultMADCriteria, tc.a)
			if got := ruleKey(err); got != tc.want {
				t.Fatalf("refused by %q (%v), want %q", got, err, tc.want)
			}
			if domain.ErrorCodeOf(err) != domain.EINVALID {
				t.Errorf("code %s", domain.ErrorCodeOf(err))
			}
		})
	}
	// The refusal names the proposal without a budget.
	_, err := domain.RankMAD(domain.MADUrutan, noBudget, nil, a)
	if _, args := domain.RuleOf(err); len(args) != 1 || args[0] != "G-B" {
		t.Errorf("no-budget refusal args %v", args)
	}
}

func TestMADCriteria(t *testing.T) {
	if err := domain.CheckMADCriteria(domain.DefaultMADCriteria); err != nil {
		t.Fatalf("defaults refused: %v", err)
	}
	sum := 0
	for _, c := range domain.DefaultMADCriteria {
		sum += c.Weight
	}
	if sum != 100 {
		t.Fatalf("default weights sum to %d", sum)
	}
	c := func(key, label string, w int) domain.MADCriterion {
		return domain.MADCriterion{Key: key, Label: label, Weight: w}
	}
	for _, tc := range []struct {
		cs   []domain.MADCriterion
		want string
	}{
		{nil, "mad_criteria_count"},
		{[]domain.MADCriterion{c("a", "Satu", 50), c("b", "Dua", 49)}, "mad_weight_sum"},
		{[]domain.MADCriterion{c("a", "Satu", 50), c("a", "Dua", 50)}, "mad_criterion_twice"},
		{[]domain.MADCriterion{c("A b", "Satu", 100)}, "mad_criterion_key"},
		{[]domain.MADCriterion{c("a", " ", 100)}, "mad_criterion_label"},
		{[]domain.MADCriterion{c("a", "Satu", 101), c("b", "Dua", -1)}, "mad_weight_range"},
		{[]domain.MADCriterion{c("a", "Satu", 100), c("b", "Dua", 0)}, ""},
	} {
		if got := ruleKey(domain.CheckMADCriteria(tc.cs)); got != tc.want {
			t.Errorf("CheckMADCriteria(%v) = %q, want %q", tc.cs, got, tc.want)
		}
	}
}

func TestMADScoring(t *testing.T) {
	cs := []domain.MADCriterion{{Key: "manfaat", Label: "Manfaat", Weight: 60}, {Key: "urgensi", Label: "Urgensi", Weight: 40}}
	p, err := domain.Points("G-A", cs, map[string]int{"manfaat": 80, "urgensi": 55})
	if err != nil || p != 60*80+40*55 {
		t.Fatalf("Points = %d, %v; want %d", p, err, 60*80+40*55)
	}
	for _, tc := range []struct {
		scores map[string]int
		want   string
	}{
		{map[string]int{"manfaat": 80}, "mad_score_missing"},
		{map[string]int{"manfaat": 101, "urgensi": 1}, "mad_score_range"},
		{map[string]int{"manfaat": 1, "urgensi": -1}, "mad_score_range"},
		{map[string]int{"manfaat": 1, "urgensi": 1, "lain": 3}, "mad_criterion_unknown"},
	} {
		if _, err := domain.Points("G-A", cs, tc.scores); ruleKey(err) != tc.want {
			t.Errorf("Points(%v) refused by %q, want %q", tc.scores, ruleKey(err), tc.want)
		}
	}

	// Weights decide: A is better on urgency, B on benefit, which weighs
	// more; C ties with B and asks less money, so it goes before B; D ties
	// with C on both and is the newer gagasan.
	items := []domain.MADItem{
		{GagasanID: 1, Code: "G-A", DesaKode: "D1", Budget: 300, Scores: map[string]int{"manfaat": 40, "urgensi": 100}},
		{GagasanID: 2, Code: "G-B", DesaKode: "D1", Budget: 500, Scores: map[string]int{"manfaat": 90, "urgensi": 40}},
		{GagasanID: 4, Code: "G-D", DesaKode: "D2", Budget: 200, Scores: map[string]int{"manfaat": 90, "urgensi": 40}},
		{GagasanID: 3, Code: "G-C", DesaKode: "D2", Budget: 200, Scores: map[string]int{"manfaat": 90, "urgensi": 40}},
	}
	a := domain.Allocation{Year: 2026, Amount: 600, SkipToFit: true}
	r, err := domain.RankMAD(domain.MADSkor, items, cs, a)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for i, it := range r.Items {
		order = append(order, it.Code)
		if it.Rank != i+1 {
			t.Errorf("%s rank %d at place %d", it.Code, it.Rank, i+1)
		}
	}
	if want := []string{"G-C", "G-D", "G-B", "G-A"}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if r.Items[0].Points != 60*90+40*40 || r.Items[3].Points != 60*40+40*100 {
		t.Errorf("points %d, %d", r.Items[0].Points, r.Items[3].Points)
	}
	if got := fundedOf(r); !reflect.DeepEqual(got, []bool{true, true, false, false}) {
		t.Errorf("funded %v", got)
	}
	// The order does not depend on how the items were listed.
	rev := []domain.MADItem{items[3], items[2], items[1], items[0]}
	r2, _ := domain.RankMAD(domain.MADSkor, rev, cs, a)
	if !reflect.DeepEqual(r2.Items, r.Items) {
		t.Errorf("listing order changed the ranking")
	}
	// RankMAD leaves its input as it was.
	if items[0].Rank != 0 || items[0].Funded {
		t.Errorf("input changed: %+v", items[0])
	}
}

func TestMADMKPShare(t *testing.T) {
	it := func(desa string, mkp bool) domain.MADItem { return domain.MADItem{DesaKode: desa, FromMKP: mkp} }
	items := []domain.MADItem{
		it("D2", true), it("D2", true), it("D2", false), // two of three: meets two thirds
		it("D1", true), it("D1", false), // one of two
		it("D3", true), // one of one
		it("D4", false),
	}
	got := domain.CheckMKP(items, domain.MKPShareDefault)
	want := []domain.DesaMKP{
		{DesaKode: "D1", Count: 2, FromMKP: 1, Share: 500, Pass: false},
		{DesaKode: "D2", Count: 3, FromMKP: 2, Share: 667, Pass: true},
		{DesaKode: "D3", Count: 1, FromMKP: 1, Share: 1000, Pass: true},
		{DesaKode: "D4", Count: 1, FromMKP: 0, Share: 0, Pass: false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CheckMKP = %+v\nwant %+v", got, want)
	}
	if got := domain.CheckMKP(items, 500); !got[0].Pass || got[3].Pass {
		t.Errorf("half: %+v", got)
	}
	if got := domain.CheckMKP(items, 0); got != nil {
		t.Errorf("share 0 is off, got %+v", got)
	}
}

func TestMADDelegateAndForward(t *testing.T) {
	for _, tc := range []struct {
		d    domain.Delegate
		want string
	}{
		{domain.Delegate{DesaKode: "D1", Name: "Sri Lestari", Gender: domain.GenderFemale, Position: "KPMD"}, ""},
		{domain.Delegate{DesaKode: "D1", Name: "S", Gender: domain.GenderFemale}, "mad_delegate_name"},
		{domain.Delegate{DesaKode: "D1", Name: "Budi", Gender: "X"}, "gender_unknown"},
		{domain.Delegate{Name: "Budi", Gender: domain.GenderMale}, "mad_delegate_desa"},
	} {
		if got := ruleKey(tc.d.Validate()); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.d, got, tc.want)
		}
	}
	if ruleKey(domain.Forward{To: domain.DefaultForwardTo, Reason: "dana habis"}.Validate("G-A")) != "" {
		t.Error("good forward refused")
	}
	if ruleKey(domain.Forward{To: "x", Reason: "dana habis"}.Validate("G-A")) != "mad_forward_to" {
		t.Error("short destination passed")
	}
	if ruleKey(domain.Forward{To: "Dinas PU", Reason: ""}.Validate("G-A")) != "mad_forward_reason" {
		t.Error("missing reason passed")
	}
}

// checkCutInvariants holds what every cut must: no more money than the
// allocation; stop-at-first funds a prefix; skip-to-fit leaves no unfunded
// proposal that fits in what is left, and funds everything stop-at-first
// funds.
func checkCutInvariants(t *testing.T, budgets []int64, alloc int64) {
	t.Helper()
	a := domain.Allocation{Year: 2026, Amount: alloc}
	stop, err := domain.RankMAD(domain.MADUrutan, madItems(budgets...), nil, a)
	a.SkipToFit = true
	skip, err2 := domain.RankMAD(domain.MADUrutan, madItems(budgets...), nil, a)
	if err != nil || err2 != nil {
		t.Fatalf("refused: %v %v", err, err2)
	}
	for _, r := range []domain.MADResult{stop, skip} {
		var sum int64
		for _, it := range r.Items {
			if it.Funded {
				sum += it.Budget
			}
		}
		if sum != r.Used || r.Used > alloc || r.Used+r.Left != alloc {
			t.Fatalf("budgets %v alloc %d: funded %d, used %d, left %d", budgets, alloc, sum, r.Used, r.Left)
		}
	}
	ended := false
	for i, it := range stop.Items {
		if ended && it.Funded {
			t.Fatalf("stop-at-first funded %s after an unfunded one: %v", it.Code, fundedOf(stop))
		}
		ended = ended || !it.Funded
		if it.Funded && !skip.Items[i].Funded {
			t.Fatalf("skip-to-fit left out %s that stop-at-first funds", it.Code)
		}
	}
	for _, it := range skip.Items {
		if !it.Funded && it.Budget <= skip.Left {
			t.Fatalf("skip-to-fit left %s (Rp %d) unfunded with Rp %d left", it.Code, it.Budget, skip.Left)
		}
	}
}

func FuzzMADCut(f *testing.F) {
	f.Add([]byte{5, 6, 3, 2}, uint16(10))
	f.Add([]byte{10, 0, 1}, uint16(10))
	f.Add([]byte{255, 255}, uint16(0))
	f.Fuzz(func(t *testing.T, raw []byte, alloc uint16) {
		if len(raw) == 0 || len(raw) > domain.MaxMADItems {
			return
		}
		budgets := make([]int64, len(raw))
		for i, b := range raw {
			budgets[i] = int64(b) + 1
		}
		checkCutInvariants(t, budgets, int64(alloc)+1)
	})
}

func FuzzMADScore(f *testing.F) {
	f.Add([]byte{90, 40, 50, 100, 90, 40})
	f.Fuzz(func(t *testing.T, raw []byte) {
		cs := domain.DefaultMADCriteria
		var items []domain.MADItem
		for i := 0; i+len(cs) <= len(raw) && len(items) < 50; i += len(cs) {
			sc := map[string]int{}
			for j, c := range cs {
				sc[c.Key] = int(raw[i+j])
			}
			items = append(items, domain.MADItem{GagasanID: int64(len(items) + 1), Code: "G", DesaKode: "D", Budget: int64(raw[i]) + 1, Scores: sc})
		}
		if len(items) == 0 {
			return
		}
		r, err := domain.RankMAD(domain.MADSkor, items, cs, domain.Allocation{Year: 2026, Amount: 300, SkipToFit: true})
		over := false
		for _, it := range items {
			for _, v := range it.Scores {
				over = over || v > domain.MaxScore
			}
		}
		if over {
			if ruleKey(err) != "mad_score_range" {
				t.Fatalf("a score over 100 gave %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(r.Items); i++ {
			if r.Items[i-1].Points < r.Items[i].Points {
				t.Fatalf("not ordered by points: %d before %d", r.Items[i-1].Points, r.Items[i].Points)
			}
		}
		for _, it := range r.Items {
			if it.Points < 0 || it.Points > 100*domain.MaxScore {
				t.Fatalf("points %d out of 0..10000", it.Points)
			}
		}
	})
}
