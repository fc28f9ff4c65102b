package answer

import "strings"

// Decision is a decision on a gagasan at a meeting, read from its words.
type Decision int

// Decisions: none read, and the options of the HASIL question by their
// numbers (1 moved on, 2 rejected, 3 not decided).
const (
	DecideNone Decision = iota
	DecideOn
	DecideReject
	DecideNotYet
)

// decisionWords are the words that name a decision option besides its
// label, in the three languages ("belum, minggu depan dibahas lagi").
var decisionWords = []struct {
	pick  Decision
	words []string
}{
	// Not decided comes first: "belum lanjut" is not decided.
	{DecideNotYet, []string{"belum", "dereng", "durung", "acan", "ditunda", "tunda", "pending", "dibahas lagi", "minggu depan",
		"mengke", "engke", "diundur", "mundur"}},
	{DecideReject, []string{"ditolak", "tolak", "menolak", "dipuntolak", "ditampik", "ditulak", "tidak lanjut", "mboten lanjut",
		"henteu lanjut", "gagal"}},
	{DecideOn, []string{"lanjut", "lanjutkan", "dilanjutkan", "lajeng", "dipunlajengaken", "teras", "diteraskeun", "diterima",
		"setuju", "disetujui", "disarujukan", "disarujuk", "ditampi", "terus", "diteruskan"}},
}

// Decide reads a decision in words: "belum, minggu depan dibahas lagi",
// "ditolak", "lajeng"; DecideNone when none is named.
func Decide(text string) Decision {
	padded := " " + strings.Join(Words(text), " ") + " "
	for _, d := range decisionWords {
		for _, w := range d.words {
			if strings.Contains(padded, " "+w+" ") {
				return d.pick
			}
		}
	}
	return DecideNone
}

// womenWords name the women among those who came ("ibu2nya 9").
var womenWords = []string{"ibu", "perempuan", "wanita", "estri", "istri", "putri", "awewe", "awéwé", "mbok", "emak", "pr"}

// CountAndWomen reads "yg dtg 23 org, ibu2nya 9": two numbers, the
// second naming the women; ok is false when the text is not such.
func CountAndWomen(text string) (attended, women int, ok bool) {
	ns := Numbers(text)
	if len(ns) != 2 || ns[1] > ns[0] {
		return 0, 0, false
	}
	for _, w := range Words(text) {
		for _, ww := range womenWords {
			if w == ww || len(ww) > 2 && strings.HasPrefix(w, ww) {
				return ns[0], ns[1], true
			}
		}
	}
	return 0, 0, false
}
