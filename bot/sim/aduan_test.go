package sim_test

import (
	"strings"
	"testing"
)

// The persona's complaint: Sumarni, writing in Javanese, names herself and
// her number in the text and chooses "tanpa asma". The facilitator reads
// the complaint without them, the record keeps it without them, and her
// receipt tells her they were taken out.
func TestAnonymousComplaintNamingItsSender(t *testing.T) {
	s := startServer(t)
	say := chat(t, s, "081255550011")
	for _, step := range [][2]string{
		{"halo", "Setuju?"}, {"ya", "Pilih bahasa"}, {"2", ""}, {"Sumarni", ""}, {"1", ""}, {"1", ""}, {"1", "Sumarni"},
		{"ADUAN", "aduan"},
		{"lampu dalan ing prapatan kejambon mati sampun sewulan, kula sumarni 0812-5555-0011 sampun lapor pak dukuh", "foto"},
		{"LEWATI", "tanpa asma"},
		{"1", "asma lan nomer Panjenengan ugi dipunbusak"},
	} {
		say(step[0], nil, step[1])
	}
	const want = "lampu dalan ing prapatan kejambon mati sampun sewulan, kula … … sampun lapor pak dukuh"
	var stored string
	if err := s.Store.DB().Get(&stored, `SELECT text FROM complaints`); err != nil || stored != want {
		t.Fatalf("complaint stored as %q, %v; want %q", stored, err, want)
	}
	fasil := joinTexts(s.replies(t, "+6281100000003"))
	if !strings.Contains(fasil, want) || strings.Contains(strings.ToLower(fasil), "sumarni") || strings.Contains(fasil, "5555") {
		t.Fatalf("the facilitator read %q", fasil)
	}
}
