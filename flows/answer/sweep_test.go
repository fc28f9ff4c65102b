package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestSweepYesNoAttendDontKnow: short answers as residents type them on a
// phone, in Bahasa Indonesia, Basa Jawa (ngoko and krama) and Basa Sunda,
// with typos and doubled letters, read by the yes/no reader (YesNo), the
// "don't know" reader (Skip) and the reader of an answer to an invitation
// (BareAnswer). want is "yes", "no", "?" (unclear) for YesNo; "skip" or ""
// for Skip; "attend", "decline" or "-" for BareAnswer. The last rows are
// sentences that hold a no word but mean something else: no reader may
// file them as an answer.
func TestSweepYesNoAttendDontKnow(t *testing.T) {
	yn := map[answer.YN]string{answer.Yes: "yes", answer.No: "no", answer.Unclear: "?"}
	kind := map[answer.Kind]string{answer.Attend: "attend", answer.Decline: "decline", answer.None: "-"}
	for _, tc := range []struct{ lang, text, yesno, skip, rsvp string }{
		// Yes.
		{"jv", "nggih", "yes", "", "-"},
		{"jv", "inggih", "yes", "", "-"},
		{"jv", "enggih", "yes", "", "-"},
		{"jv", "nggihh", "yes", "", "-"},
		{"jv", "nggeh", "yes", "", "-"},
		{"jv", "nggeh pak", "yes", "", "-"},
		{"jv", "inggeh", "yes", "", "-"},
		{"jv", "enggeh bu", "yes", "", "-"},
		{"jv", "njeh", "yes", "", "-"},
		{"jv", "inggih leres", "yes", "", "-"},
		{"jv", "leres", "yes", "", "-"},
		{"su", "muhun", "yes", "", "-"},
		{"su", "muhunn", "yes", "", "-"},
		{"su", "muhun leres", "yes", "", "-"},
		{"su", "mangga", "yes", "", "-"},
		{"id", "iyaaa", "yes", "", "-"},
		// No.
		{"jv", "sanes", "no", "", "-"},
		{"jv", "sanes, lepat", "no", "", "-"},
		{"jv", "mboten", "no", "", "-"},
		{"jv", "mbotenn", "no", "", "-"},
		{"jv", "mbten", "no", "", "-"},
		{"jv", "mboteen", "no", "", "-"},
		{"jv", "nyuwun sewu, mboten", "no", "", "-"},
		{"su", "henteu", "no", "", "-"},
		{"su", "hanteu", "no", "", "-"},
		{"su", "teu", "no", "", "-"},
		{"su", "alim", "no", "", "-"},
		{"su", "alim ah, teu hoyong", "no", "", "-"},
		{"su", "punten teu tiasa", "no", "", "decline"},
		{"id", "maaf tidak bisa", "no", "", "decline"},
		{"id", "gak bisa pak", "no", "", "decline"},
		// Attending or not.
		{"jv", "mboten saged rawuh", "no", "", "decline"},
		{"jv", "kula mboten saged rawuh pak", "no", "", "decline"},
		{"jv", "nggih kula rawuh", "yes", "", "attend"},
		{"su", "teu tiasa", "no", "", "decline"},
		{"su", "punten abdi teu tiasa sumping", "no", "", "decline"},
		{"su", "sumuhun abdi sumping", "yes", "", "attend"},
		{"id", "insya allah datang", "?", "", "attend"},
		{"id", "in syaa Allah datang", "?", "", "attend"},
		{"id", "inshaa allah hadir pak", "?", "", "attend"},
		{"id", "InsyaAllah hadirr", "?", "", "attend"},
		{"jv", "insyaallah rawuh", "?", "", "attend"},
		{"id", "siap hadir", "yes", "", "attend"},
		{"id", "insya allah", "?", "", "-"}, // no verb of coming: asked, not taken
		{"id", "ga bisa dtg", "no", "", "decline"},
		// Don't know.
		{"id", "blm tau", "?", "skip", "-"},
		{"id", "blm tw pak", "?", "skip", "-"},
		{"id", "gatau", "?", "skip", "-"},
		{"jv", "mboten ngertos", "?", "skip", "-"},
		{"jv", "ora ngerti", "?", "skip", "-"},
		{"jv", "ora ngertos", "?", "skip", "-"},
		{"jv", "embuh", "?", "skip", "-"},
		{"jv", "mbuh", "?", "skip", "-"},
		{"jv", "kirang mangertos", "?", "skip", "-"},
		{"su", "teu terang", "?", "skip", "-"},
		{"su", "duka", "?", "skip", "-"},
		{"su", "duka teu terang", "?", "skip", "-"},
		{"su", "kirang terang", "?", "skip", "-"},
		{"su", "teuing", "?", "skip", "-"},
		{"su", "teu apal", "?", "skip", "-"},
		// Sentences that hold a no word and mean something else.
		{"id", "tidak ada air bersih di dusun kami", "?", "", "-"},
		{"id", "maaf, jalan tidak bisa dilewati mobil", "?", "", "-"},
		{"su", "punten, jalan teu tiasa diliwatan", "?", "", "-"},
		{"jv", "kali mboten wonten toya", "?", "", "-"},
		{"id", "alim ulama desa ikut rapat", "?", "", "-"},
		{"su", "mahal teuing", "?", "", "-"},
		{"jv", "mboten saged mbukak file", "no", "", "-"},
	} {
		if got := yn[answer.YesNo(tc.text)]; got != tc.yesno {
			t.Errorf("%s YesNo(%q) = %s; want %s", tc.lang, tc.text, got, tc.yesno)
		}
		if got := answer.Skip(tc.text); got != (tc.skip == "skip") {
			t.Errorf("%s Skip(%q) = %v; want %v", tc.lang, tc.text, got, tc.skip == "skip")
		}
		if got := kind[answer.BareAnswer(tc.text)]; got != tc.rsvp {
			t.Errorf("%s BareAnswer(%q) = %s; want %s", tc.lang, tc.text, got, tc.rsvp)
		}
	}
}
