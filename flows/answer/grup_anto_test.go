package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestGroupLinkInAnyOrder: Mas Anto's ways of linking his group, which
// needed the exact order "sambungke grup iki ke dusun kejambon": fillers
// before the verb, passive forms, "karo" before the audience; mentioned,
// "iki grup dusun kejambon" with no verb. Talk stays talk.
func TestGroupLinkInAnyOrder(t *testing.T) {
	kejambon := func(tail string) answer.GroupRequest {
		return answer.GroupRequest{Action: answer.GroupLink, Audience: "DUSUN", Place: "kejambon" + tail}
	}
	for _, c := range []struct {
		text      string
		mentioned bool
		want      answer.GroupRequest
	}{
		{"grup iki tak sambungke karo dusun kejambon yo", false, kejambon(" iya")},
		{"tolong sambungke grup iki ke dusun kejambon", false, kejambon("")},
		{"tolong grup iki disambungke karo dusun kejambon", true, kejambon("")},
		{"tolong grup ini dihubungkan dengan dusun kejambon", false, kejambon("")},
		{"mohon grup ini disambungkan ke dusun kejambon", false, kejambon("")},
		{"ayo sambungke grup iki kaliyan dusun kejambon", false, kejambon("")},
		{"iki grup dusun kejambon", true, kejambon("")},
		{"ini grup desa", true, answer.GroupRequest{Action: answer.GroupLink, Audience: "DESA"}},
		{"tolong lepaskan grup ini", false, answer.GroupRequest{Action: answer.GroupUnlink}},
		{"sambungke grup iki ke dusun kejambon", false, kejambon("")},
		{"sambungke kejambon", true, kejambon("")},
		{"tolong grup iki disambungke karo kejambon", true, kejambon("")},
		{"sambungke kejambon", false, answer.GroupRequest{}},
		{"hubungkan ke ibu", true, answer.GroupRequest{Action: answer.GroupLink, Audience: "PEREMPUAN"}},
		// Talk.
		{"iki grup dusun kejambon", false, answer.GroupRequest{}},
		{"grup iki putus", false, answer.GroupRequest{}},
		{"tolong hubungkan saya dengan pak RT dong", false, answer.GroupRequest{}},
		{"ini grup dusun kejambon, rapat kapan ya bapak ibu", true, answer.GroupRequest{}},
		{"saya mau link desa", false, answer.GroupRequest{}},
		{"tolong grup iki disambungke karo dusun kejambon ben undangan rapat musdus iso mlebu kabeh", false, answer.GroupRequest{}},
	} {
		if got := answer.Group(c.text, c.mentioned); got != c.want {
			t.Errorf("Group(%q, %v) = %+v, want %+v", c.text, c.mentioned, got, c.want)
		}
	}
}
