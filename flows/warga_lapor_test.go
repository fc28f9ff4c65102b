package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestResidentLaporIsAComplaint: a resident (no TPK) who asks to "lapor"
// in a sentence is told only that her message is recorded as a complaint
// (no word of TPK or LAPOR), and the complaint keeps her whole sentence
// without the word "lapor", not only the words after it.
func TestResidentLaporIsAComplaint(t *testing.T) {
	cases := []struct {
		lang, text, told, want string
	}{
		{"jv", "lha piye to, kula badhe lapor got banjir", "Pesen Panjenengan kacathet dados aduan.", "lha piye to, kula badhe got banjir"},
		{"id", "Lapor, cor jalan di kejambon sudah retak.", "Pesan Bapak/Ibu kami catat sebagai aduan.", "cor jalan di kejambon sudah retak."},
		{"su", "abdi bade lapor solokan mampet di lembur", "Pesen Bapa/Ibu dicatet janten aduan.", "abdi bade solokan mampet di lembur"},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			c := newConversation(t).registered(domain.GenderFemale)
			c.contact.Phone, c.contact.Lang = "+6281234567055", tc.lang // a resident: no kegiatan to report on
			c.send(0, msg{text: tc.text, want: []string{tc.told}, notWant: []string{"TPK", "LAPOR"}})
			c.send(1, msg{text: "lewati"})
			res := c.send(2, msg{text: "2", commands: []string{"CreateComplaint"}})
			if got := res.Commands[0].(flow.CreateComplaint).Complaint.Text; got != tc.want {
				t.Fatalf("complaint %q, want %q", got, tc.want)
			}
		})
	}
}
