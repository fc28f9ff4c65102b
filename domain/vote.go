package domain

import (
	"sort"
	"time"
)

// Suara warga: a priority vote by chat on a coming meeting's agenda. The
// vote informs the musyawarah; it does not decide (docs/GLOSSARY.md).

// MaxChoices is how many gagasan a ballot may rank.
const MaxChoices = 3

// Vote is a meeting's suara warga: the agenda's gagasan in ballot order,
// when it closes, and (once counted) its result.
type Vote struct {
	ID          int64
	MeetingID   int64
	MeetingCode string
	DesaKode    string
	Items       []VoteItem
	OpenedAt    time.Time
	ClosesAt    time.Time
	// ClosedAt is when the result was counted and sent; nil while open
	// (or past ClosesAt and not yet counted by the job).
	ClosedAt *time.Time
	// Mine is the asking contact's ballot (numbers of Items, 1-based), when
	// the vote was loaded for a resident.
	Mine []int
	// SentAt is when the vote's ballot was sent to that contact (nil while
	// it waits in the queue), and Others how many other votes are open to
	// them: a plain list of numbers answers a ballot just received, and
	// only when it is the one open (flows/suara.Plain).
	SentAt *time.Time
	Others int
}

// VoteItem is one gagasan on the ballot; its number is its place + 1.
type VoteItem struct {
	GagasanID int64  `json:"id"`
	Code      string `json:"code"`
	Title     string `json:"title"`
}

// Open tells whether ballots are still taken at now.
func (v *Vote) Open(now time.Time) bool { return v.ClosedAt == nil && now.Before(v.ClosesAt) }

// Ballot is one resident's ranked choices (numbers of the vote's items,
// first preference first) with what the count is broken down by.
type Ballot struct {
	Choices []int
	Gender  Gender
	DusunID int64
}

// CleanChoices keeps a ballot's valid choices in order: numbers of one of
// n items, each once (a repeat keeps its first place), at most MaxChoices.
func CleanChoices(choices []int, n int) []int {
	out := make([]int, 0, MaxChoices)
	seen := map[int]bool{}
	for _, c := range choices {
		if c < 1 || c > n || seen[c] || len(out) == MaxChoices {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// BordaPoints is the score of a ballot's places: 3 for the first, 2 for
// the second, 1 for the third (README, "Suara warga": why).
var BordaPoints = [MaxChoices]int{3, 2, 1}

// Tally is the count of a group of ballots (all, the women's, a dusun's).
type Tally struct {
	Ballots int   `json:"ballots"`
	First   []int `json:"first"` // first preferences per item
	Points  []int `json:"points"`
}

func newTally(n int) Tally { return Tally{First: make([]int, n), Points: make([]int, n)} }

func (t *Tally) add(choices []int) {
	if len(choices) == 0 {
		return
	}
	t.Ballots++
	t.First[choices[0]-1]++
	for i, c := range choices {
		t.Points[c-1] += BordaPoints[i]
	}
}

// VoteResult is a counted vote: turnout against the audience the ballot
// went to, the whole count and its breakdowns, and the items' order.
type VoteResult struct {
	Items    []VoteItem `json:"items"`
	Audience int        `json:"audience"`
	// AudienceWomen and AudienceMen count the audience by gender (the
	// rest gave none).
	AudienceWomen int             `json:"audience_women"`
	AudienceMen   int             `json:"audience_men"`
	All           Tally           `json:"all"`
	Women         Tally           `json:"women"`
	Men           Tally           `json:"men"`
	ByDusun       map[int64]Tally `json:"by_dusun"`
	// Order lists item numbers (1-based) from the most points down; Rank
	// is each item's place in it, shared by items that tie on points and
	// first preferences.
	Order []int `json:"order"`
	Rank  []int `json:"rank"`
}

// Turnout is the share of the audience that voted, in whole percent.
func (r VoteResult) Turnout() int { return Percent(r.All.Ballots, r.Audience) }

// Percent is part of whole in whole percent, rounded; 0 of nothing.
func Percent(part, whole int) int {
	if whole <= 0 {
		return 0
	}
	return (part*200 + whole) / (2 * whole)
}

// CountVote counts ballots on n items: each ballot's choices are cleaned
// first (out of range and repeated numbers dropped, at most three kept);
// a ballot left empty is not counted. audience, women and men size the
// audience for turnout.
func CountVote(items []VoteItem, ballots []Ballot, audience, women, men int) VoteResult {
	n := len(items)
	r := VoteResult{Items: items, Audience: audience, AudienceWomen: women, AudienceMen: men,
		All: newTally(n), Women: newTally(n), Men: newTally(n), ByDusun: map[int64]Tally{}}
	for _, b := range ballots {
		c := CleanChoices(b.Choices, n)
		if len(c) == 0 {
			continue
		}
		r.All.add(c)
		switch b.Gender {
		case GenderFemale:
			r.Women.add(c)
		case GenderMale:
			r.Men.add(c)
		}
		if b.DusunID != 0 {
			d, ok := r.ByDusun[b.DusunID]
			if !ok {
				d = newTally(n)
			}
			d.add(c)
			r.ByDusun[b.DusunID] = d
		}
	}
	r.Order = make([]int, n)
	for i := range r.Order {
		r.Order[i] = i + 1
	}
	before := func(a, b int) bool {
		pa, pb := r.All.Points[a-1], r.All.Points[b-1]
		if pa != pb {
			return pa > pb
		}
		return r.All.First[a-1] > r.All.First[b-1]
	}
	sort.SliceStable(r.Order, func(i, j int) bool { return before(r.Order[i], r.Order[j]) })
	r.Rank = make([]int, n)
	for i, it := range r.Order {
		if i > 0 && !before(r.Order[i-1], it) {
			r.Rank[it-1] = r.Rank[r.Order[i-1]-1]
			continue
		}
		r.Rank[it-1] = i + 1
	}
	return r
}

// MinVoteItems is the fewest gagasan a vote ranks: one alone needs no vote.
const MinVoteItems = 2

// Rules a vote's opening is refused with (their Indonesian texts:
// web/catalog/id.toml; the chat says the same from the catalog).
var (
	ruleVoteMeetingPast = NewRule("vote_meeting_past", EINVALID, "meeting %s has started or was cancelled: a vote is for a coming meeting")
	ruleVoteFewItems    = NewRule("vote_few_items", EINVALID, "meeting %s has fewer than 2 gagasan on its agenda")
	ruleVoteExists      = NewRule("vote_exists", ECONFLICT, "meeting %s has a vote already")
)

// ErrVoteExists refuses a second vote on meeting code (a race the store
// finds after CheckVoteOpen passed).
func ErrVoteExists(code string) error { return ruleVoteExists.Err(code) }

// CheckVoteOpen tells whether a vote may be opened on meeting m now, with
// agenda gagasan on its agenda and hasVote when it has one already.
func CheckVoteOpen(m Meeting, agenda int, hasVote bool, now time.Time) error {
	switch {
	case m.Status != MeetingScheduled || !m.StartsAt.After(now):
		return ruleVoteMeetingPast.Err(m.Code)
	case hasVote:
		return ruleVoteExists.Err(m.Code)
	case agenda < MinVoteItems:
		return ruleVoteFewItems.Err(m.Code)
	}
	return nil
}
