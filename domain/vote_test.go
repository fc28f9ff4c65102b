package domain_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

func TestCleanChoices(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		n    int
		want []int
	}{
		{[]int{3, 1}, 5, []int{3, 1}},
		{[]int{3, 3, 1}, 5, []int{3, 1}},       // a repeat keeps its first place
		{[]int{0, 6, 2, -1}, 5, []int{2}},      // out of range dropped
		{[]int{1, 2, 3, 4}, 5, []int{1, 2, 3}}, // at most three
		{[]int{2, 2, 2, 2, 4}, 5, []int{2, 4}},
		{nil, 5, []int{}},
		{[]int{1}, 0, []int{}},
	} {
		if got := domain.CleanChoices(tc.in, tc.n); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("CleanChoices(%v, %d) = %v, want %v", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestCountVote(t *testing.T) {
	items := []domain.VoteItem{{Code: "G-AAAAAA", Title: "Jalan"}, {Code: "G-BBBBBB", Title: "Sumur"},
		{Code: "G-CCCCCC", Title: "Lampu"}, {Code: "G-DDDDDD", Title: "PAUD"}}
	P, L := domain.GenderFemale, domain.GenderMale
	ballots := []domain.Ballot{
		{Choices: []int{2, 1, 3}, Gender: P, DusunID: 10}, // 2:3 1:2 3:1
		{Choices: []int{2}, Gender: P, DusunID: 10},       // fewer than three: 2:3
		{Choices: []int{1, 1, 2}, Gender: L, DusunID: 11}, // duplicate: 1:3 2:2
		{Choices: []int{9, 3}, Gender: L, DusunID: 11},    // out of range: 3:3
		{Choices: []int{7}, Gender: L, DusunID: 11},       // nothing valid: not counted
		{Choices: []int{1, 3}, DusunID: 0},                // no gender, no dusun: 1:3 3:2
	}
	r := domain.CountVote(items, ballots, 20, 9, 10)
	if r.All.Ballots != 5 || r.Women.Ballots != 2 || r.Men.Ballots != 2 {
		t.Fatalf("ballots all %d women %d men %d", r.All.Ballots, r.Women.Ballots, r.Men.Ballots)
	}
	if want := []int{8, 8, 6, 0}; !reflect.DeepEqual(r.All.Points, want) {
		t.Errorf("points %v, want %v", r.All.Points, want)
	}
	if want := []int{2, 2, 1, 0}; !reflect.DeepEqual(r.All.First, want) {
		t.Errorf("first preferences %v, want %v", r.All.First, want)
	}
	// 1 and 2 tie on points and on first preferences: they share the first
	// place, listed in ballot order.
	if want := []int{1, 2, 3, 4}; !reflect.DeepEqual(r.Order, want) {
		t.Errorf("order %v, want %v", r.Order, want)
	}
	if want := []int{1, 1, 3, 4}; !reflect.DeepEqual(r.Rank, want) {
		t.Errorf("rank %v, want %v", r.Rank, want)
	}
	if want := []int{2, 6, 1, 0}; !reflect.DeepEqual(r.Women.Points, want) {
		t.Errorf("women's points %v, want %v", r.Women.Points, want)
	}
	if d := r.ByDusun[11]; d.Ballots != 2 || !reflect.DeepEqual(d.Points, []int{3, 2, 3, 0}) {
		t.Errorf("dusun 11: %+v", d)
	}
	if _, ok := r.ByDusun[0]; ok {
		t.Error("a ballot without a dusun counted under dusun 0")
	}
	if r.Turnout() != 25 {
		t.Errorf("turnout %d%%, want 25%%", r.Turnout())
	}
}

func TestCountVoteTieBrokenByFirstPreferences(t *testing.T) {
	items := make([]domain.VoteItem, 3)
	// Every item has 4 points; 1 and 3 are a first preference once, 2
	// never: 2 comes last, 1 and 3 share the first place.
	r := domain.CountVote(items, []domain.Ballot{{Choices: []int{1, 2, 3}}, {Choices: []int{3, 2, 1}}}, 2, 0, 0)
	if want := []int{1, 3, 2}; !reflect.DeepEqual(r.Order, want) {
		t.Errorf("order %v, want %v (points %v)", r.Order, want, r.All.Points)
	}
	if want := []int{1, 3, 1}; !reflect.DeepEqual(r.Rank, want) {
		t.Errorf("rank %v, want %v", r.Rank, want)
	}
}

func TestCountVoteEmpty(t *testing.T) {
	r := domain.CountVote(make([]domain.VoteItem, 2), nil, 0, 0, 0)
	if r.Turnout() != 0 || r.All.Ballots != 0 || !reflect.DeepEqual(r.Rank, []int{1, 1}) {
		t.Errorf("empty vote: %+v", r)
	}
}

func TestVoteOpen(t *testing.T) {
	closes := time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)
	v := domain.Vote{ClosesAt: closes}
	if !v.Open(closes.Add(-time.Second)) || v.Open(closes) {
		t.Error("a vote is open until its closing time, not at it")
	}
	done := closes.Add(-time.Hour)
	v.ClosedAt = &done
	if v.Open(closes.Add(-2 * time.Hour)) {
		t.Error("a counted vote is closed")
	}
}

func FuzzCountVote(f *testing.F) {
	f.Add([]byte{1, 2, 3, 3, 0, 9}, uint8(4))
	f.Fuzz(func(t *testing.T, raw []byte, n uint8) {
		items := make([]domain.VoteItem, n%12)
		var ballots []domain.Ballot
		for i := 0; i+2 < len(raw); i += 3 {
			ballots = append(ballots, domain.Ballot{Choices: []int{int(int8(raw[i])), int(raw[i+1]), int(raw[i+2])}})
		}
		r := domain.CountVote(items, ballots, len(ballots), 0, 0)
		total := 0
		for _, p := range r.All.Points {
			total += p
		}
		if total > 6*r.All.Ballots || r.All.Ballots > len(ballots) || len(r.Order) != len(items) {
			t.Fatalf("count %+v from %d ballots", r, len(ballots))
		}
	})
}

func TestCheckVoteOpen(t *testing.T) {
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	m := domain.Meeting{Code: "R-AAAAAA", Status: domain.MeetingScheduled, StartsAt: now.Add(48 * time.Hour)}
	if err := domain.CheckVoteOpen(m, 2, false, now); err != nil {
		t.Fatal(err)
	}
	past := m
	past.StartsAt = now
	canceled := m
	canceled.Status = domain.MeetingCanceled
	for _, tc := range []struct {
		m       domain.Meeting
		agenda  int
		hasVote bool
		key     string
	}{{past, 3, false, "vote_meeting_past"}, {canceled, 3, false, "vote_meeting_past"}, {m, 1, false, "vote_few_items"}, {m, 3, true, "vote_exists"}} {
		if r, _ := domain.RuleOf(domain.CheckVoteOpen(tc.m, tc.agenda, tc.hasVote, now)); r == nil || r.Key != tc.key {
			t.Errorf("%+v: %v, want %s", tc, r, tc.key)
		}
	}
}
