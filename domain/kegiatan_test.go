package domain_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

func TestTranches(t *testing.T) {
	split, err := domain.ParseTranches(domain.DefaultTranches)
	if err != nil {
		t.Fatal(err)
	}
	tr := domain.SplitBudget(150000001, split)
	if tr[0].Amount != 60000000 || tr[1].Amount != 60000000 || tr[2].Amount != 30000001 {
		t.Fatalf("split %+v", tr)
	}
	for _, bad := range []string{"50,40", "40,40,30", "x", "100,0", ""} {
		if _, err := domain.ParseTranches(bad); err == nil {
			t.Errorf("split %q accepted", bad)
		}
	}
	if domain.ProgressThreshold(tr, 2) != 40 || domain.ProgressThreshold(tr, 3) != 80 {
		t.Fatal("thresholds")
	}
}

func TestCheckDisburse(t *testing.T) {
	split, _ := domain.ParseTranches("40,40,20")
	paid := time.Now()
	fresh := func() []domain.Tranche { return domain.SplitBudget(100, split) }
	first := fresh()
	first[0].DisbursedAt = &paid
	two := fresh()
	two[0].DisbursedAt, two[1].DisbursedAt = &paid, &paid
	tests := []struct {
		name string
		n    int
		f    domain.DisbursementFacts
		ok   bool
	}{
		{"first needs nothing", 1, domain.DisbursementFacts{Tranches: fresh()}, true},
		{"no such tranche", 4, domain.DisbursementFacts{Tranches: fresh()}, false},
		{"out of order", 2, domain.DisbursementFacts{Tranches: fresh(), BestPercent: 90, AccountabilityHeldAfterPrevious: true}, false},
		{"twice", 1, domain.DisbursementFacts{Tranches: first}, false},
		{"progress too low", 2, domain.DisbursementFacts{Tranches: first, BestPercent: 39, AccountabilityHeldAfterPrevious: true}, false},
		{"no accountability meeting", 2, domain.DisbursementFacts{Tranches: first, BestPercent: 45}, false},
		{"second allowed", 2, domain.DisbursementFacts{Tranches: first, BestPercent: 40, AccountabilityHeldAfterPrevious: true}, true},
		{"third needs 80", 3, domain.DisbursementFacts{Tranches: two, BestPercent: 79, AccountabilityHeldAfterPrevious: true}, false},
		{"third allowed", 3, domain.DisbursementFacts{Tranches: two, BestPercent: 80, AccountabilityHeldAfterPrevious: true}, true},
	}
	for _, tt := range tests {
		if err := domain.CheckDisburse(tt.n, tt.f); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	if domain.CheckCompletion(99, true) == nil || domain.CheckCompletion(100, false) == nil || domain.CheckCompletion(100, true) != nil {
		t.Fatal("CheckCompletion")
	}
}

func TestCheckReport(t *testing.T) {
	n := func(i int) *int { return &i }
	if err := domain.CheckReport(domain.ProgressReport{Percent: 30}, 40); err == nil {
		t.Fatal("lower without a reason accepted")
	}
	if err := domain.CheckReport(domain.ProgressReport{Percent: 30, Reason: "longsor, dibongkar"}, 40); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []domain.ProgressReport{{Percent: 101}, {Percent: -1}, {Percent: 50, PhotoIDs: make([]int64, 6)}, {Percent: 50, Workers: n(3), Women: n(4)}} {
		if domain.CheckReport(bad, 0) == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
}

func TestComplaintMoves(t *testing.T) {
	if domain.CheckComplaintMove(domain.ComplaintDiterima, domain.ComplaintDitangani) != nil {
		t.Fatal("forward move refused")
	}
	if domain.CheckComplaintMove(domain.ComplaintDitangani, domain.ComplaintDiterima) == nil {
		t.Fatal("backward move accepted")
	}
	if domain.CheckComplaintMove(domain.ComplaintSelesai, domain.ComplaintSelesai) == nil {
		t.Fatal("same stage accepted")
	}
	if domain.CheckComplaintMove(domain.ComplaintDiterima, "HILANG") == nil {
		t.Fatal("unknown stage accepted")
	}
}

// A facilitator may reply without moving a complaint, but not stay put
// with nothing to say, nor move it back.
func TestComplaintReply(t *testing.T) {
	if domain.CheckComplaintReply(domain.ComplaintDiverifikasi, domain.ComplaintDiverifikasi, "mandor dipanggil") != nil {
		t.Fatal("a reply at the same stage refused")
	}
	if domain.CheckComplaintReply(domain.ComplaintDiverifikasi, domain.ComplaintDiverifikasi, "  ") == nil {
		t.Fatal("staying put without a reply accepted")
	}
	if domain.CheckComplaintReply(domain.ComplaintDitangani, domain.ComplaintDiterima, "balik") == nil {
		t.Fatal("a move back accepted with a note")
	}
	if domain.CheckComplaintReply(domain.ComplaintDiterima, domain.ComplaintSelesai, "") != nil {
		t.Fatal("a move forward without a note refused")
	}
}

func TestDisburseDate(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	prev := now.AddDate(0, 0, -10)
	for _, c := range []struct {
		paid time.Time
		prev *time.Time
		ok   bool
	}{
		{now, nil, true},
		{now.Add(time.Minute), nil, false},
		{prev, &prev, true},
		{prev.Add(-time.Minute), &prev, false},
		{now.AddDate(-1, 0, 0), nil, true},
	} {
		if err := domain.CheckDisburseDate(c.paid, now, c.prev); (err == nil) != c.ok {
			t.Errorf("paid %v (previous %v): %v", c.paid, c.prev, err)
		}
	}
}
