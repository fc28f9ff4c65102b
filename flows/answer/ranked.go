package answer

import "strings"

// rankWords are the words that may stand between the numbers of a ranked
// answer: "nomor 3 dulu lalu 1", "telu terus siji", "tilu heula tuluy hiji".
var rankWords = set(
	// Bahasa Indonesia
	"dulu", "duluan", "lalu", "terus", "trus", "kemudian", "baru", "dan", "sama", "setelah", "itu", "habis",
	"selanjutnya", "berikutnya", "paling", "penting", "utama", "prioritas", "urutan", "suara", "saya", "aku", "lagi",
	"yg", "lebih", "baru", "abis", "terakhir", "jadi", "dados", "janten",
	// Basa Jawa
	"banjur", "lajeng", "nuli", "lan", "kaliyan", "karo", "rumiyin", "riyin", "disik", "dhisik", "disek", "sakwise",
	"sakbanjure", "salajengipun", "sing", "ingkang", "kula", "kulo", "aku", "trs", "njuk", "terus",
	// Basa Sunda
	"heula", "tuluy", "teras", "jeung", "sareng", "saterusna", "salajengna", "nu", "abdi", "mah", "anu",
)

// rankChangeWords change a ballot already given ("ganti 3 1", "gentos
// nu katilu"), and rankOnlyWords say a choice is the only one ("telu wae",
// "1 aja", "hiji hungkul"): either marks numbers as a ballot while a vote
// is open, not a menu pick.
var (
	rankChangeWords = set("ganti", "diganti", "gantos", "gentos", "digentos", "dipungentos", "ubah", "diubah", "rubah",
		"robah", "robih", "change")
	rankOnlyWords = set("wae", "mawon", "aja", "saja", "hungkul", "wungkul", "bae", "ae", "weh", "we", "mung", "cuma", "hanya", "thok", "tok")
)

// ordinalWords name a place in the ranking ("pertama 3, kedua 1"): before
// a number they label it, alone they are the number.
var ordinalWords = set("pertama", "kedua", "ketiga", "kapisan", "sepisan", "kahiji", "kadua", "katilu", "kaping")

// rankSeparators become spaces before a ranked answer is read: "3,1",
// "3-1", "3>1", "3.1" and "3/1" are two numbers, not one.
var rankSeparators = strings.NewReplacer(",", " ", ".", " ", ";", " ", "/", " ", "-", " ", ">", " ", "+", " ", "&", " ", ":", " ")

// maxRanked bounds how many numbers a ranked answer may hold: more is not
// a ballot but a list of something else.
const maxRanked = 9

// Ranked reads an answer that ranks items of a numbered list, first
// preference first: "3 1", "3, 1 dan 5", "nomor 3 dulu lalu 1",
// "telu terus siji", "tilu heula tuluy hiji", "pertama 3 kedua 1". Every
// word must be a number or a word that joins or points at numbers; any
// other word ("3 orang", "tidak 3") makes it no ranked answer (false).
// The numbers are returned as written, repeats and all: the caller checks
// them against its list (domain.CleanChoices).
func Ranked(text string) ([]int, bool) {
	ns, _, ok := RankedMarked(text)
	return ns, ok
}

// RankedMarked is Ranked, and tells whether the answer holds a word that
// changes a ballot or makes a choice the only one ("ganti telu", "telu
// wae", "gentos, nu katilu wungkul"): such numbers are meant as a ballot.
func RankedMarked(text string) (ns []int, marked, ok bool) {
	words := Words(rankSeparators.Replace(text))
	var out []int
	for i, w := range words {
		if ordinalWords[w] && i+1 < len(words) && isRankNumber(words[i+1]) {
			continue // "kedua 1": the place, not a choice
		}
		if n, ok := rankNumber(w); ok {
			out = append(out, n)
			if len(out) > maxRanked {
				return nil, false, false
			}
			continue
		}
		if rankChangeWords[w] || rankOnlyWords[w] {
			marked = true
			continue
		}
		if rankWords[w] || choicePrefix[w] || polite[w] {
			continue
		}
		return nil, false, false
	}
	return out, marked && len(out) > 0, len(out) > 0
}

func isRankNumber(w string) bool { _, ok := rankNumber(w); return ok }

// rankNumber reads one word of a ranked answer as a number: digits (at
// most three), a number word, or a pointing word run into digits ("no3").
func rankNumber(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if i := strings.IndexAny(w, "0123456789"); i > 0 {
		if !choicePrefix[w[:i]] && w[:i] != "nmr" {
			return 0, false
		}
		w = w[i:]
	}
	return digitsOf(w, 3)
}
