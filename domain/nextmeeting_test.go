package domain_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// TestNextMeeting: each stage a meeting still takes up names it; the
// stages out of the cycle, not funded, forwarded or handed over name none.
func TestNextMeeting(t *testing.T) {
	want := map[domain.Status]domain.MeetingType{
		domain.StatusDiajukan: domain.MeetingMusdus, domain.StatusDibahas: domain.MeetingMusdesPerencanaan,
		domain.StatusUsulanDesa: domain.MeetingMADPrioritas, domain.StatusVerifikasi: domain.MeetingMADPrioritas,
		domain.StatusPrioritasMAD: domain.MeetingMADPenetapan, domain.StatusDidanai: domain.MeetingMusdesInformasi,
		domain.StatusPelaksanaan: domain.MeetingPertanggungjawaban, domain.StatusSelesai: domain.MeetingSerahTerima,
	}
	for _, s := range domain.Statuses {
		got, ok := domain.NextMeeting(s)
		if w, open := want[s]; got != w || ok != open {
			t.Errorf("NextMeeting(%s) = %s, %v; want %s, %v", s, got, ok, w, open)
		}
		if ok && (s.LeftCycle() || s.Final()) {
			t.Errorf("%s is out of the cycle but names %s", s, got)
		}
	}
}
