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
	words := Words(text)
	padded := " " + strings.Join(words, " ") + " "
	negated := false
	for _, w := range words {
		if _, ok := decisionNegations[w]; ok {
			negated = true
		}
	}
	for _, d := range decisionWords {
		for _, w := range d.words {
			if !strings.Contains(padded, " "+w+" ") {
				continue
			}
			// "tidak lanjut" names the rejection itself; any other "not"
			// turns the word around ("tidak disetujui", "ora lanjut",
			// "tidak ditolak"): the question is asked again rather than
			// a refusal recorded as going on.
			if negated && !(d.pick == DecideReject && strings.Contains(w, " ")) && d.pick != DecideNotYet {
				return DecideNone
			}
			return d.pick
		}
	}
	return DecideNone
}

// DecisionRest is what follows the decision in text ("ditolak, kudu ning
// BBWS sing ngurus" → "kudu ning BBWS sing ngurus"): the words after the
// shortest beginning that names the decision (or its number), without
// the punctuation between; "" when nothing follows or none is named.
func DecisionRest(text string) string {
	fields := strings.Fields(text)
	for k := 1; k <= len(fields); k++ {
		head := strings.Join(fields[:k], " ")
		if _, ok := Number(head); ok && k == 1 || Decide(head) != DecideNone {
			return reasonOf(fields[k:])
		}
	}
	return ""
}

// restFillers are the words after a decision that give no reason ("ditolak
// saja", "tolak dulu ya"), in the three languages.
var restFillers = set("saja", "aja", "sajalah", "wae", "ae", "mawon", "kemawon", "bae", "dulu", "dahulu", "disik", "riyin",
	"rumiyin", "heula", "ya", "yo", "iya", "nggih", "inggih", "enggih", "muhun", "sih", "deh", "lah", "dong", "kok", "pak",
	"bu", "mas", "mbak", "kang", "teh", "gih", "yuk")

// reasonOf is the reason in the words after a decision: what is left once
// further decision words and fillers in front are dropped, "" when only
// those follow ("2. tolak", "ditolak saja").
func reasonOf(rest []string) string {
	for len(rest) > 0 {
		w := strings.Trim(strings.ToLower(rest[0]), " ,.;:-–—!?")
		if w == "" || restFillers[w] || Decide(w) != DecideNone {
			rest = rest[1:]
			continue
		}
		break
	}
	for _, w := range rest {
		if !restFillers[strings.Trim(strings.ToLower(w), " ,.;:-–—!?")] {
			return strings.TrimLeft(strings.Join(rest, " "), " ,.;:-–—!")
		}
	}
	return ""
}

// decisionNegations turn a decision word around.
var decisionNegations = set("tidak", "tak", "tdk", "gak", "ga", "nggak", "ngga", "ndak", "enggak", "ora", "mboten", "boten",
	"teu", "henteu", "jangan", "ulah", "bukan", "sanes")

// womenWords name the women among those who came ("ibu2nya 9").
var womenWords = []string{"ibu", "perempuan", "wanita", "estri", "istri", "putri", "awewe", "awéwé", "mbok", "emak", "pr",
	"wedok", "wedhok", "wadon", "wadhon", "cewek", "wanodya", "mojang"}

// menWords name the men: "lanang 7, wedok 5" is two parts, not a total
// and its women.
var menWords = set("laki", "lakilaki", "laki-laki", "laki2", "pria", "lanang", "kakung", "pameget", "lalaki", "bapak", "cowok")

// CountAndWomen reads "yg dtg 23 org, ibu2nya 9": two numbers, the
// second naming the women; ok is false when the text is not such.
func CountAndWomen(text string) (attended, women int, ok bool) {
	ns := Numbers(text)
	if len(ns) != 2 || ns[1] > ns[0] {
		return 0, 0, false
	}
	ws := Words(text)
	for _, w := range ws {
		if menWords[w] {
			return 0, 0, false
		}
	}
	for _, w := range ws {
		for _, ww := range womenWords {
			if w == ww || len(ww) > 2 && strings.HasPrefix(w, ww) {
				return ns[0], ns[1], true
			}
		}
	}
	return 0, 0, false
}
