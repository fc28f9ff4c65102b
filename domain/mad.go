package domain

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The MAD (Musyawarah Antar Desa) ranks the proposals that the Tim
// Verifikasi found LAYAK in every desa of a kecamatan and cuts the ranked
// list where the kecamatan's allocation runs out (docs/GLOSSARY.md,
// "Selection"). This file holds its rules: the criteria and their weights,
// the weighted score, the order, the cut and the per-desa MKP check.

// MADCriterion is one thing a MAD scores proposals on, 0..100 each, with its
// weight (percent of the score; a kecamatan's weights sum to 100).
type MADCriterion struct {
	Key    string `db:"key"`
	Label  string `db:"label"`
	Weight int    `db:"weight"`
}

// DefaultMADCriteria are the criteria a kecamatan scores by until its MAD
// agrees others: those of the programme's practice, the benefit to poor
// households (RTM) first and weighted most, since the programme exists
// for them; then how urgent the need is and whether the proposal can be
// carried out (technically, at its cost, kept up afterwards); the swadaya
// the desa brings and whether the proposal is the women's (MKP) count
// less, as they reward the way a proposal was made rather than what it
// does, but enough to tip a close call.
var DefaultMADCriteria = []MADCriterion{
	{Key: "manfaat_rtm", Label: "Manfaat bagi rumah tangga miskin", Weight: 35},
	{Key: "urgensi", Label: "Urgensi (tingkat kebutuhan)", Weight: 25},
	{Key: "kelayakan", Label: "Kelayakan teknis dan biaya", Weight: 20},
	{Key: "swadaya", Label: "Swadaya masyarakat", Weight: 10},
	{Key: "usulan_perempuan", Label: "Usulan perempuan", Weight: 10},
}

// Limits of the MAD's inputs.
const (
	MaxCriteria   = 10
	MaxScore      = 100
	MaxMADItems   = 500
	MaxAllocation = 1_000_000_000_000 // Rp 1 trillion: far above any BLM
	// MKPShareDefault is two thirds, in thousandths, as the allocations
	// table's default (0.667).
	MKPShareDefault = 667
)

var criterionKey = regexp.MustCompile(`^[a-z_]{1,32}$`)

// CheckMADCriteria says whether cs may be a kecamatan's criteria: one to ten,
// each with a key of small letters, a label and a weight 0..100, keys
// distinct, the weights summing to 100.
func CheckMADCriteria(cs []MADCriterion) error {
	if len(cs) == 0 || len(cs) > MaxCriteria {
		return ruleMADCriteriaCount.Err(MaxCriteria)
	}
	sum, seen := 0, map[string]bool{}
	for _, c := range cs {
		switch {
		case !criterionKey.MatchString(c.Key):
			return ruleMADCriterionKey.Err(c.Key)
		case seen[c.Key]:
			return ruleMADCriterionTwice.Err(c.Key)
		case utf8.RuneCountInString(strings.TrimSpace(c.Label)) < 2 || utf8.RuneCountInString(c.Label) > 80:
			return ruleMADCriterionLabel.Err(c.Key)
		case c.Weight < 0 || c.Weight > 100:
			return ruleMADWeightRange.Err(c.Key)
		}
		seen[c.Key] = true
		sum += c.Weight
	}
	if sum != 100 {
		return ruleMADWeightSum.Err(sum)
	}
	return nil
}

// Points is the weighted score of scores under criteria cs, in hundredths
// (0..10000: the score 0..100 with two decimals, kept whole so that ties
// are exact). Every criterion must be scored 0..100; a score for a key
// not among cs is refused; code names the proposal in the refusal.
func Points(code string, cs []MADCriterion, scores map[string]int) (int, error) {
	total := 0
	for _, c := range cs {
		v, ok := scores[c.Key]
		if !ok {
			return 0, ruleMADScoreMissing.Err(code, c.Label)
		}
		if v < 0 || v > MaxScore {
			return 0, ruleMADScoreRange.Err(code, c.Label)
		}
		total += c.Weight * v
	}
	if len(scores) != len(cs) {
		for k := range scores {
			if !hasCriterion(cs, k) {
				return 0, ruleMADCriterionUnknown.Err(code, k)
			}
		}
	}
	return total, nil
}

func hasCriterion(cs []MADCriterion, key string) bool {
	for _, c := range cs {
		if c.Key == key {
			return true
		}
	}
	return false
}

// Allocation is a kecamatan's BLM money for one year's cycle and how its
// MAD cuts the ranked list.
type Allocation struct {
	KecamatanKode string `db:"kecamatan_kode"`
	Year          int    `db:"year"`
	Amount        int64  `db:"amount"`
	// SkipToFit: a proposal that does not fit in what is left is skipped
	// and the next that fits is taken (as most MADs do); false stops the
	// list at the first that does not fit.
	SkipToFit bool `db:"skip_to_fit"`
	// MKPShare is the least share of a desa's proposals that must come
	// from the MKP, in thousandths (667: two thirds); 0 turns it off.
	MKPShare int `db:"mkp_share"`
}

// Validate checks an allocation before it is stored.
func (a Allocation) Validate() error {
	switch {
	case a.Year < 2000 || a.Year > 2100:
		return ruleMADYear.Err(a.Year)
	case a.Amount <= 0 || a.Amount > MaxAllocation:
		return ruleMADAmount.Err()
	case a.MKPShare < 0 || a.MKPShare > 1000:
		return ruleMADShare.Err()
	}
	return nil
}

// MADMethod is how a MAD ranked: the order directly, or scores per
// criterion.
type MADMethod string

// Methods.
const (
	MADUrutan MADMethod = "URUTAN"
	MADSkor   MADMethod = "SKOR"
)

// MADItem is a proposal in a MAD's ranking.
type MADItem struct {
	GagasanID int64
	Code      string
	Title     string
	DesaKode  string
	// Budget in Rp; 0 when the proposal has none yet (it cannot be ranked).
	Budget  int64
	FromMKP bool
	// Rank is the place the MAD gave it (URUTAN: the input; SKOR: set by
	// Rank), 1 first.
	Rank int
	// Scores per criterion (SKOR) and Points, their weighted sum in
	// hundredths, set by Rank.
	Scores map[string]int
	Points int
	Funded bool
}

// DesaMKP is the MKP check of one desa: how many of its proposals are in
// the ranking, how many came from the MKP, the share (thousandths) and
// whether it reaches the setting.
type DesaMKP struct {
	DesaKode string
	Count    int
	FromMKP  int
	Share    int
	Pass     bool
}

// MADResult is a ranking cut at the allocation.
type MADResult struct {
	Items []MADItem // in rank order, Funded set
	// Used is the money the funded proposals take, Left what remains.
	Used, Left int64
	// Funded and Unfunded count the proposals.
	Funded, Unfunded int
	// MKP is the check per desa, by desa code (empty when the setting is
	// off).
	MKP []DesaMKP
}

// RankMAD orders the items as the MAD did and cuts the list at the
// allocation. URUTAN takes each item's Rank as given (they must be 1..n,
// each once); SKOR computes each item's Points under cs and orders by them,
// highest first, a tie going to the smaller budget (the same money funds
// more) and then to the older gagasan (smaller id): the order never
// depends on how the items were listed. Every item needs a budget: one
// without is refused, never guessed.
func RankMAD(method MADMethod, items []MADItem, cs []MADCriterion, a Allocation) (MADResult, error) {
	if err := a.Validate(); err != nil {
		return MADResult{}, err
	}
	if len(items) == 0 {
		return MADResult{}, ruleMADEmpty.Err()
	}
	if len(items) > MaxMADItems {
		return MADResult{}, ruleMADTooMany.Err(MaxMADItems)
	}
	out := make([]MADItem, len(items))
	copy(out, items)
	seen := map[int64]bool{}
	for _, it := range out {
		if seen[it.GagasanID] {
			return MADResult{}, ruleMADTwice.Err(it.Code)
		}
		seen[it.GagasanID] = true
		if it.Budget <= 0 {
			return MADResult{}, ruleMADNoBudget.Err(it.Code)
		}
		if it.Budget > MaxAllocation {
			return MADResult{}, ruleMADBudgetRange.Err(it.Code)
		}
	}
	switch method {
	case MADUrutan:
		if err := orderByRank(out); err != nil {
			return MADResult{}, err
		}
	case MADSkor:
		if err := CheckMADCriteria(cs); err != nil {
			return MADResult{}, err
		}
		for i := range out {
			p, err := Points(out[i].Code, cs, out[i].Scores)
			if err != nil {
				return MADResult{}, err
			}
			out[i].Points = p
		}
		sort.SliceStable(out, func(i, j int) bool { return scoredBefore(out[i], out[j]) })
		for i := range out {
			out[i].Rank = i + 1
		}
	default:
		return MADResult{}, ruleMADMethod.Err(method)
	}
	res := Cut(out, a.Amount, a.SkipToFit)
	res.MKP = CheckMKP(out, a.MKPShare)
	return res, nil
}

// scoredBefore is the order of scored items: more points first; on a tie
// the smaller budget, then the smaller gagasan id.
func scoredBefore(x, y MADItem) bool {
	if x.Points != y.Points {
		return x.Points > y.Points
	}
	if x.Budget != y.Budget {
		return x.Budget < y.Budget
	}
	return x.GagasanID < y.GagasanID
}

// orderByRank sorts items by the ranks the MAD gave, which must be 1..n,
// each once.
func orderByRank(items []MADItem) error {
	seen := make([]bool, len(items)+1)
	for _, it := range items {
		if it.Rank < 1 || it.Rank > len(items) {
			return ruleMADRankRange.Err(it.Code, len(items))
		}
		if seen[it.Rank] {
			return ruleMADRankTwice.Err(it.Rank)
		}
		seen[it.Rank] = true
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Rank < items[j].Rank })
	return nil
}

// Cut funds the items in their order while the allocation lasts. With
// skipToFit, an item that does not fit in what is left is passed over and
// the next that fits is taken; without, the first that does not fit ends
// the funded list. An item whose budget is exactly what is left is funded.
// The items must have budgets (RankMAD checks); the result holds:
//   - Used ≤ allocation, Used + Left = allocation;
//   - without skipToFit the funded items are a prefix of the list;
//   - with skipToFit no unfunded item fits in Left;
//   - with skipToFit the funded set contains the one without.
func Cut(items []MADItem, allocation int64, skipToFit bool) MADResult {
	res := MADResult{Items: items}
	left, stopped := allocation, false
	for i := range items {
		items[i].Funded = false
		if stopped {
			continue
		}
		if b := items[i].Budget; b > 0 && b <= left {
			items[i].Funded = true
			left -= b
			continue
		}
		if !skipToFit {
			stopped = true
		}
	}
	for _, it := range items {
		if it.Funded {
			res.Funded++
		} else {
			res.Unfunded++
		}
	}
	res.Used, res.Left = allocation-left, left
	return res
}

// CheckMKP is the per-desa rule that at least share (thousandths) of a
// desa's proposals come from the MKP, for each desa with items, by desa
// code; share 0 turns it off (nil). The share a desa reached is rounded
// to thousandths before it is compared, so that two of three (666.7) meets
// the setting two thirds (667).
func CheckMKP(items []MADItem, share int) []DesaMKP {
	if share <= 0 {
		return nil
	}
	by := map[string]*DesaMKP{}
	var order []string
	for _, it := range items {
		d := by[it.DesaKode]
		if d == nil {
			d = &DesaMKP{DesaKode: it.DesaKode}
			by[it.DesaKode] = d
			order = append(order, it.DesaKode)
		}
		d.Count++
		if it.FromMKP {
			d.FromMKP++
		}
	}
	sort.Strings(order)
	out := make([]DesaMKP, 0, len(order))
	for _, k := range order {
		d := by[k]
		// Rounded half up: (2000·m + n) / 2n = round(1000·m/n).
		d.Share = (2000*d.FromMKP + d.Count) / (2 * d.Count)
		d.Pass = d.Share >= share
		out = append(out, *d)
	}
	return out
}

// Delegate is one of a desa's delegates at a MAD.
type Delegate struct {
	DesaKode string `db:"desa_kode"`
	Name     string `db:"name"`
	Gender   Gender `db:"gender"`
	Position string `db:"position"`
}

// Validate checks a delegate before it is recorded.
func (d Delegate) Validate() error {
	n := utf8.RuneCountInString(strings.TrimSpace(d.Name))
	switch {
	case d.DesaKode == "":
		return ruleMADDelegateDesa.Err()
	case n < 2 || utf8.RuneCountInString(d.Name) > 80:
		return ruleMADDelegateName.Err()
	case d.Gender != GenderFemale && d.Gender != GenderMale:
		return ruleGenderUnknown.Err(d.Gender)
	case utf8.RuneCountInString(d.Position) > 80:
		return ruleMADDelegatePosition.Err()
	}
	return nil
}

// Forward is where an unfunded proposal goes and why.
type Forward struct {
	To, Reason string
}

// DefaultForwardTo is where an unfunded proposal goes unless the MAD
// names an SKPD or another funder.
const DefaultForwardTo = "Musrenbang Kecamatan"

// Validate checks a forward before it is recorded (code names the
// proposal in the refusal).
func (f Forward) Validate(code string) error {
	switch {
	case utf8.RuneCountInString(strings.TrimSpace(f.To)) < 2 || utf8.RuneCountInString(f.To) > 120:
		return ruleMADForwardTo.Err(code)
	case utf8.RuneCountInString(strings.TrimSpace(f.Reason)) < 3 || utf8.RuneCountInString(f.Reason) > 300:
		return ruleMADForwardReason.Err(code)
	}
	return nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMADCriteriaCount    = NewRule("mad_criteria_count", EINVALID, "a MAD scores by 1 to %d criteria")
	ruleMADCriterionKey     = NewRule("mad_criterion_key", EINVALID, "criterion key %q: small letters and _ only, up to 32")
	ruleMADCriterionTwice   = NewRule("mad_criterion_twice", EINVALID, "criterion %s given twice")
	ruleMADCriterionLabel   = NewRule("mad_criterion_label", EINVALID, "criterion %s needs a name of 2 to 80 characters")
	ruleMADWeightRange      = NewRule("mad_weight_range", EINVALID, "the weight of criterion %s must be 0 to 100")
	ruleMADWeightSum        = NewRule("mad_weight_sum", EINVALID, "the weights sum to %d, not 100")
	ruleMADScoreMissing     = NewRule("mad_score_missing", EINVALID, "%s has no score for %s")
	ruleMADScoreRange       = NewRule("mad_score_range", EINVALID, "%s: the score for %s must be 0 to 100")
	ruleMADCriterionUnknown = NewRule("mad_criterion_unknown", EINVALID, "%s: unknown criterion %q")
	ruleMADYear             = NewRule("mad_year", EINVALID, "year %d out of range")
	ruleMADAmount           = NewRule("mad_amount", EINVALID, "the allocation must be a positive amount of rupiah")
	ruleMADShare            = NewRule("mad_share", EINVALID, "the MKP share must be between 0 and 1")
	ruleMADEmpty            = NewRule("mad_empty", EINVALID, "no proposal to rank")
	ruleMADTooMany          = NewRule("mad_too_many", EINVALID, "a MAD ranks at most %d proposals")
	ruleMADTwice            = NewRule("mad_twice", EINVALID, "proposal %s listed twice")
	ruleMADNoBudget         = NewRule("mad_no_budget", EINVALID, "proposal %s has no budget yet")
	ruleMADBudgetRange      = NewRule("mad_budget_range", EINVALID, "the budget of proposal %s is out of range")
	ruleMADMethod           = NewRule("mad_method", EINVALID, "unknown ranking method %q")
	ruleMADRankRange        = NewRule("mad_rank_range", EINVALID, "the rank of %s must be 1 to %d")
	ruleMADRankTwice        = NewRule("mad_rank_twice", EINVALID, "rank %d given twice")
	ruleMADDelegateDesa     = NewRule("mad_delegate_desa", EINVALID, "a delegate needs a desa")
	ruleMADDelegateName     = NewRule("mad_delegate_name", EINVALID, "a delegate's name has 2 to 80 characters")
	ruleMADDelegatePosition = NewRule("mad_delegate_position", EINVALID, "a delegate's position has at most 80 characters")
	ruleMADForwardTo        = NewRule("mad_forward_to", EINVALID, "say where %s is forwarded (2 to 120 characters)")
	ruleMADForwardReason    = NewRule("mad_forward_reason", EINVALID, "say why %s is not funded (3 to 300 characters)")
)
