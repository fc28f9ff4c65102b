package web

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

func publicCount(n int) string { return domain.PublicCount(n, 3) }

// The board hides a group under 3 ballots, and with it the rest of its
// split: the total less the men's would give the woman's points back.
func TestVoteViewHidesTheWholeGenderSplit(t *testing.T) {
	items := []domain.VoteItem{{Title: "A"}, {Title: "B"}, {Title: "C"}}
	bs := []domain.Ballot{
		{Choices: []int{1, 2, 3}, Gender: domain.GenderMale}, {Choices: []int{1, 2, 3}, Gender: domain.GenderMale},
		{Choices: []int{1, 2, 3}, Gender: domain.GenderMale}, {Choices: []int{3, 2, 1}, Gender: domain.GenderFemale},
	}
	r := domain.CountVote(items, bs, 10, 5, 5)
	vv := newVoteView(domain.Meeting{}, domain.Vote{}, r, nil, time.Now(), publicCount, 3)
	if vv.ShowGender || vv.Men != "" || vv.Women != "" {
		t.Errorf("split shown: women %q men %q", vv.Women, vv.Men)
	}
	for _, row := range vv.Rows {
		if row.Points == "–" || row.MenPoints != "" || row.WomenPoints != "" || row.MenFirst != "" {
			t.Errorf("%s: points %s, men %q, women %q", row.Title, row.Points, row.MenPoints, row.WomenPoints)
		}
	}
	// Three of each: the split is shown. Two with no gender recorded would
	// be the total less both: hidden again.
	bs = append(bs, domain.Ballot{Choices: []int{2}, Gender: domain.GenderFemale}, domain.Ballot{Choices: []int{2}, Gender: domain.GenderFemale})
	if vv := newVoteView(domain.Meeting{}, domain.Vote{}, domain.CountVote(items, bs, 10, 5, 5), nil, time.Now(), publicCount, 3); !vv.ShowGender || vv.Rows[0].WomenPoints == "" {
		t.Errorf("three women and three men: split hidden %+v", vv)
	}
	bs = append(bs, domain.Ballot{Choices: []int{2}}, domain.Ballot{Choices: []int{2}})
	if vv := newVoteView(domain.Meeting{}, domain.Vote{}, domain.CountVote(items, bs, 10, 5, 5), nil, time.Now(), publicCount, 3); vv.ShowGender {
		t.Errorf("two of no gender: split shown")
	}
}

// Dusun: one dusun under 3, or a rest under 3 in no dusun, hides every
// dusun; an open vote shows no breakdown at all, even to officials.
func TestVoteViewHidesTheWholeDusunSplit(t *testing.T) {
	items := []domain.VoteItem{{Title: "A"}, {Title: "B"}}
	var bs []domain.Ballot
	for range 3 {
		bs = append(bs, domain.Ballot{Choices: []int{1}, DusunID: 1, Gender: domain.GenderMale},
			domain.Ballot{Choices: []int{2}, DusunID: 2, Gender: domain.GenderFemale})
	}
	names := map[int64]string{1: "Krajan", 2: "Kulon"}
	closed := domain.Vote{ClosesAt: time.Now().Add(-time.Hour)}
	if vv := newVoteView(domain.Meeting{}, closed, domain.CountVote(items, bs, 10, 5, 5), names, time.Now(), publicCount, 3); len(vv.Dusun) != 2 {
		t.Fatalf("three in each dusun: %+v", vv.Dusun)
	}
	for _, extra := range []domain.Ballot{{Choices: []int{1}, DusunID: 3}, {Choices: []int{1}}} {
		more := append(append([]domain.Ballot{}, bs...), extra)
		if vv := newVoteView(domain.Meeting{}, closed, domain.CountVote(items, more, 10, 5, 5), names, time.Now(), publicCount, 3); len(vv.Dusun) != 0 {
			t.Errorf("one ballot in dusun %d: dusun shown %+v", extra.DusunID, vv.Dusun)
		}
	}
	open := domain.Vote{ClosesAt: time.Now().Add(time.Hour)}
	vv := voteViewOf(domain.Meeting{}, open, domain.CountVote(items, bs, 10, 5, 5), names, time.Now(), publicCount, 0, 3)
	if len(vv.Dusun) != 0 || vv.ShowGender {
		t.Errorf("an open vote's breakdown shown: dusun %+v, gender %v", vv.Dusun, vv.ShowGender)
	}
	if un := adminText("vote_dusun_unnamed", map[string]any{"id": 7}); un != "(dusun 7)" {
		t.Errorf("unnamed dusun %q", un)
	}
}
