package sim_test

import (
	"strings"
	"testing"
)

// TestSecondHalfOfAGagasanStored plays Sumi's and Ujang's exchanges
// through the running pipeline: the message after a one-message gagasan
// is added to its stored description (a correction too, in the sender's
// words), and a place's number at the households question is kept as
// detail, not stored as a count.
func TestSecondHalfOfAGagasanStored(t *testing.T) {
	s := startServer(t)
	say := chat(t, s, "081234567411")
	for _, step := range [][2]string{
		{"halo", "Setuju?"}, {"ya", "Pilih bahasa"}, {"2", "Sinten"}, {"Sumi", "desa"}, {"1", "Dusun"},
		{"2", "estri"}, {"1", "Sumi"},
		{"GAGASAN kula badhe usul, kalen irigasi sawah wetan jebol", "G-"},
		{"toyane mboten dugi sawah, mbok menawi saged didandosi. petani 20an kk", "Sampun dipunwuwuhaken dhateng G-"},
		{"1", "babagan menapa"},
	} {
		say(step[0], nil, step[1])
	}
	// The dusun's social map may be offered first: none of its items.
	if got := say("1", nil); !strings.Contains(got, "KK") {
		t.Logf("map question: %s", got)
		say("LEWATI", nil, "KK")
	}
	say("sanes RT 02, nanging RT 03", nil, "Katrangan menika sampun kacathet")
	say("kinten 20 kk", nil, "20 KK")
	say("LEWATI", nil, "foto")
	say("LEWATI", nil, "sampun dipuntambahi")
	var g struct {
		Description string `db:"description"`
		Households  *int   `db:"households"`
	}
	if err := s.Store.DB().Get(&g, `SELECT description, households FROM gagasan ORDER BY id DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	want := "kula badhe usul, kalen irigasi sawah wetan jebol\ntoyane mboten dugi sawah, mbok menawi saged didandosi. petani 20an kk\nsanes RT 02, nanging RT 03"
	if g.Description != want {
		t.Fatalf("stored description %q, want %q", g.Description, want)
	}
	if g.Households == nil || *g.Households != 20 {
		t.Fatalf("households %v, want 20", g.Households)
	}
}
