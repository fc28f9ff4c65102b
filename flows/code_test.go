package flows_test

import (
	"context"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// A code of the right shape with a letter the code alphabet leaves out
// (D, O, I, 0, …) names no record, and is answered exactly as a code of
// the alphabet that names none: "… tidak ditemukan", never "… bukan kode
// …, berbentuk X- diikuti 6 huruf/angka" (the persona's "HADIR R-WDM4KX",
// which is R- and 6 letters). Only a wrong shape gets that hint.
func TestCodeOutsideAlphabetIsUnknown(t *testing.T) {
	cases := []struct {
		cmd, unknown, outside string
	}{
		{"HADIR", "R-MMMMMM", "R-WDM4KX"},
		{"TIDAK", "R-MMMMMM", "r-wdm4kx"},
		{"UNDANG", "R-MMMMMM", "R-0OI1LQ"},
		{"HASIL", "R-MMMMMM", "R WDM4KX"},
		{"STATUS", "G-MMMMMM", "G-SUMUR5"},
		{"TARIK", "G-MMMMMM", "G-SUMUR5"},
		{"STATUS", "K-MMMMMM", "K-JALAN1"},
		{"PROGRES", "K-MMMMMM", "K-JALAN1"},
		{"IKUTI", "K-MMMMMM", "K-JALAN1"},
		{"STATUS", "A-MMMMMM", "A-BOCOR2"},
	}
	reply := func(text string) string {
		t.Helper()
		c := withMeetings(kpmd(newConversation(t)))
		res, err := flows.Step(context.Background(), c.env(), c.fx, c.contact, c.sess, flow.Input{Channel: "sim", Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var out []string
		for _, r := range res.Replies {
			out = append(out, r.Text)
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range cases {
		want := reply(tc.cmd + " " + tc.unknown)
		if strings.Contains(want, "berbentuk") || !strings.Contains(want, "tidak") {
			t.Fatalf("%s %s: %q is not the unknown-code answer", tc.cmd, tc.unknown, want)
		}
		bare := strings.NewReplacer("-", "", " ", "").Replace(strings.ToUpper(tc.outside))
		canon := bare[:1] + "-" + bare[1:]
		got := reply(tc.cmd + " " + tc.outside)
		if want = strings.ReplaceAll(want, tc.unknown, canon); got != want {
			t.Errorf("%s %s answered\n%q\nwant, as for an unknown code,\n%q", tc.cmd, tc.outside, got, want)
		}
	}
	// A wrong shape still gets the hint.
	for _, text := range []string{"HADIR R-WDM4K", "STATUS G-7KM4XA9", "IKUTI K-JALAN!"} {
		if got := reply(text); !strings.Contains(got, "berbentuk") {
			t.Errorf("%q answered %q; want the shape hint", text, got)
		}
	}
}
