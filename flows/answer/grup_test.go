package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

func TestGroup(t *testing.T) {
	for _, c := range []struct {
		text string
		want answer.GroupRequest
	}{
		{"HUBUNGKAN DESA", answer.GroupRequest{Action: answer.GroupLink, Audience: "DESA"}},
		{"HUBUNGKAN DUSUN KEJAMBON", answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon"}},
		{"hubungkan grup ini ke dusun kejambon", answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon"}},
		{"Hubungkan grup ini dengan Dusun Kejambon ya", answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon ya"}},
		{"sambungke grup punika dhateng padukuhan kejambon", answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon"}},
		{"sambungkeun grup ieu ka dusun kejambon", answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon"}},
		{"HUBUNGKAN PEREMPUAN", answer.GroupRequest{Action: answer.GroupLink, Audience: "PEREMPUAN"}},
		{"hubungkan grup ini ke ibu-ibu pkk", answer.GroupRequest{Action: answer.GroupLink, Audience: "PEREMPUAN"}},
		{"hubungkan desa sindumartani", answer.GroupRequest{Action: answer.GroupLink, Audience: "DESA", Place: "sindumartani"}},
		{"LEPASKAN GRUP", answer.GroupRequest{Action: answer.GroupUnlink}},
		{"PUTUSKAN GRUP", answer.GroupRequest{Action: answer.GroupUnlink}},
		{"hubungkan grup ini ke ibu-ibu", answer.GroupRequest{Action: answer.GroupLink, Audience: "PEREMPUAN"}},
		{"link grup ini ke desa", answer.GroupRequest{Action: answer.GroupLink, Audience: "DESA"}},
		{"hubungkan ibu-ibu perempuan", answer.GroupRequest{Action: answer.GroupLink, Audience: "PEREMPUAN"}},
		// Bare verbs, and "ibu" or "warga" with neither "grup" nor
		// "perempuan" nor "desa": talk among members.
		{"putus", answer.GroupRequest{}},
		{"putus ya", answer.GroupRequest{}},
		{"Lepas.", answer.GroupRequest{}},
		{"copot", answer.GroupRequest{}},
		{"lepas ya", answer.GroupRequest{}},
		{"PUTUSKAN", answer.GroupRequest{}},
		{"sambungkan ke ibu ya", answer.GroupRequest{}},
		{"hubungkan dengan ibu", answer.GroupRequest{}},
		{"link ibu", answer.GroupRequest{}},
		{"link desa", answer.GroupRequest{}},
		{"hubungkan ke warga", answer.GroupRequest{}},
		{"hubungkan ke ibu-ibu pkk", answer.GroupRequest{}},
		{"leupaskeun grup ieu", answer.GroupRequest{Action: answer.GroupUnlink}},
		// Chatter that starts with the verbs.
		{"hubungkan saya dengan pak RT dong", answer.GroupRequest{}},
		{"hubungkan", answer.GroupRequest{}},
		{"hubungkan dusun", answer.GroupRequest{}},
		{"putus sekolah anaknya bu", answer.GroupRequest{}},
		{"lepaskan saja, sudah ikhlas", answer.GroupRequest{}},
		{"hubungkan desa kita dengan jalan baru supaya lancar ekonomi warga semua", answer.GroupRequest{}},
		{"", answer.GroupRequest{}},
	} {
		if got := answer.Group(c.text, false); got != c.want {
			t.Errorf("Group(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
	// Mentioning the bot is addressing it: the loose forms count.
	for text, want := range map[string]answer.GroupRequest{
		"lepas ya":              {Action: answer.GroupUnlink},
		"PUTUSKAN":              {Action: answer.GroupUnlink},
		"sambungkan ke ibu ya":  {Action: answer.GroupLink, Audience: "PEREMPUAN"},
		"hubungkan ke warga":    {Action: answer.GroupLink, Audience: "DESA"},
		"putus sekolah anaknya": {},
	} {
		if got := answer.Group(text, true); got != want {
			t.Errorf("Group(%q, mentioned) = %+v, want %+v", text, got, want)
		}
	}
}

func TestPersonal(t *testing.T) {
	for _, c := range []struct {
		text         string
		personal, ok bool
	}{
		{"PESAN PRIBADI", true, true},
		{"minta pesan pribadi", true, true},
		{"nyuwun pesen pribadi", true, true},
		{"kirim japri saja", false, false}, // no message word
		{"kirim pesan japri saja", true, true},
		{"PESAN GRUP", false, true},
		{"cukup pesan grup", false, true},
		{"lewat grup saja", false, true},
		{"tidak usah pesan pribadi", false, true},
		{"pesan grup dan pribadi", false, false},
		{"pesan saya kemarin sudah sampai belum", false, false},
		{"grup", false, false},
		{"pesan", false, false},
	} {
		p, ok := answer.Personal(c.text)
		if p != c.personal || ok != c.ok {
			t.Errorf("Personal(%q) = %v, %v; want %v, %v", c.text, p, ok, c.personal, c.ok)
		}
	}
}

// FuzzGroupReading: the group readers never panic, and a link they read
// always names its audience.
func FuzzGroupReading(f *testing.F) {
	for _, s := range []string{"HUBUNGKAN DUSUN KEJAMBON", "PUTUSKAN", "PESAN PRIBADI", "hubungkan grup ini ke dusun kejambon", "🙏", "hubungkan  desa\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := answer.Group(s, len(s)%2 == 0)
		switch r.Action {
		case answer.GroupLink:
			if r.Audience != "DESA" && r.Audience != "DUSUN" && r.Audience != "PEREMPUAN" || r.Audience == "DUSUN" && r.Place == "" {
				t.Fatalf("Group(%q) = %+v", s, r)
			}
		case answer.GroupUnlink, answer.GroupNone:
			if r.Audience != "" || r.Place != "" {
				t.Fatalf("Group(%q) = %+v", s, r)
			}
		}
		answer.Personal(s)
	})
}
