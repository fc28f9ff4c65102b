package answer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/lithammer/fuzzysearch/fuzzy"
)

// YN is the reading of a yes/no answer.
type YN int

// Readings of a yes/no answer.
const (
	Unclear YN = iota // neither: ask again with the hint
	Yes
	No
)

// negations start a no ("tidak mau ah", "ora gelem").
var negations = set("tidak", "bukan", "jangan", "mboten", "ora", "henteu", "ulah", "entong", "dereng", "durung", "belum", "sanes")

// YesNo reads a yes or no: "ya setuju", "nggih setuju", "ok kirim",
// "sumuhun", "tidak mau", "mboten". "tidak tahu" is Unclear: a skip is
// not a no.
func YesNo(text string) YN {
	c := coreOrAll(Words(text))
	if len(c) == 0 || Skip(text) {
		return Unclear
	}
	if matchPhrase(c, noPhrases, polite) {
		return No
	}
	if matchPhrase(c, yesPhrases, polite) {
		return Yes
	}
	neg, yes := false, 0
	for _, w := range c {
		if negations[w] {
			neg = true
		}
		if yesWords[w] {
			yes++
		}
	}
	if neg {
		if negations[c[0]] && len(c) <= 4 && !Skip(text) {
			return No
		}
		return Unclear
	}
	if yes == len(c) && len(c) <= 5 {
		return Yes
	}
	return Unclear
}

// coreOrAll is core(words), or words when they are all fillers ("pak").
func coreOrAll(words []string) []string {
	if c := core(words); len(c) > 0 {
		return c
	}
	return words
}

// Skip tells whether text skips an optional question: "lewati", "gak tau",
// "gak ada fotonya", "mboten ngertos", "teu acan", "-".
func Skip(text string) bool {
	if t := strings.TrimSpace(text); t == "-" || t == "--" || t == "—" {
		return true
	}
	return matchPhrase(coreOrAll(Words(text)), skipPhrases, skipTail)
}

// Done tells whether text ends a list being added to: "selesai", "sudah",
// "sdh cukup", "sampun", "atos".
func Done(text string) bool {
	return matchPhrase(coreOrAll(Words(text)), donePhrases, polite)
}

// Cancel tells whether the whole of text cancels: "batal", "batal aja
// deh", "gak jadi", "wurung", "bolay".
func Cancel(text string) bool {
	return matchPhrase(coreOrAll(Words(text)), cancelPhrases, polite)
}

// Keep tells whether text keeps the current value: "sama", "tetap",
// "sama saja", "tetep", "sarua".
func Keep(text string) bool {
	return matchPhrase(coreOrAll(Words(text)), keepPhrases, polite)
}

// Number reads a message that is one number, maybe with the words that
// point at a list item: "2", "no 2", "nomor 2", "yang ke-3", "pilih 1",
// "dua", "kalih", "hiji".
func Number(text string) (int, bool) {
	c := coreOrAll(Words(text))
	for len(c) > 1 && choicePrefix[c[0]] {
		c = c[1:]
	}
	for len(c) > 1 && polite[c[len(c)-1]] {
		c = c[:len(c)-1]
	}
	if len(c) != 1 {
		return 0, false
	}
	w := strings.TrimPrefix(c[0], "ke-")
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if w == "" || len(w) > 6 {
		return 0, false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// Numbers lists the whole numbers in text, in order: digits ("1.200" is
// 1200; "12org" is 12) and number words. A number of more than seven digits
// is not a count and is left out.
func Numbers(text string) []int {
	var out []int
	for _, w := range Words(text) {
		if n, ok := numberWords[w]; ok {
			out = append(out, n)
			continue
		}
		rs := []rune(w)
		for i := 0; i < len(rs); {
			if !unicode.IsDigit(rs[i]) {
				i++
				continue
			}
			j := i
			var digits strings.Builder
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				if rs[j] != '.' {
					digits.WriteRune(rs[j])
				}
				j++
			}
			if d := digits.String(); len(d) <= 7 {
				if n, err := strconv.Atoi(d); err == nil {
					out = append(out, n)
				}
			}
			i = j
		}
	}
	return out
}

// Percent reads a share of work done: "50", "50%", "60 persen", "setengah",
// "separuh", "tiga perempat", "3/4", "sudah selesai" (100). A text with
// two numbers and no percent sign is Unclear (false).
func Percent(text string) (int, bool) {
	words := coreOrAll(Words(text))
	joined := " " + strings.Join(words, " ") + " "
	for i, w := range words {
		if strings.Count(w, "/") == 1 {
			a, b, _ := strings.Cut(w, "/")
			x, e1 := strconv.Atoi(a)
			y, e2 := strconv.Atoi(b)
			if e1 == nil && e2 == nil && y > 0 && x <= y && y <= 10 {
				return (x*100 + y/2) / y, true
			}
		}
		if strings.HasSuffix(w, "%") || i+1 < len(words) && (words[i+1] == "persen" || words[i+1] == "%" || words[i+1] == "prosen") {
			if ns := Numbers(w); len(ns) == 1 && ns[0] <= 100 {
				return ns[0], true
			}
		}
	}
	best, bestLen := 0, 0
	for p, v := range percentWords {
		if strings.Contains(joined, " "+p+" ") && len(p) > bestLen {
			best, bestLen = v, len(p)
		}
	}
	ns := Numbers(text)
	switch {
	case bestLen > 0 && (len(ns) == 0 || strings.Contains(strings.TrimSpace(joined), " ")):
		// "tiga perempat" holds the number word "tiga"; the fraction wins.
		if len(ns) == 0 || bestLen > 0 && !hasDigit(joined) {
			return best, true
		}
	}
	if len(ns) == 1 {
		return ns[0], true
	}
	return 0, false
}

// Option is one item of a numbered list as the resident saw it: its label
// (in their language), other words that name it (its label in the other
// languages, a short name such as "musdus") and a code when the list shows
// one.
type Option struct {
	Label string
	Words []string
	Code  string
}

// Choice reads a pick from a numbered list: its number ("2", "no 2",
// "nomor dua"), its code, its label or another word of it, or a close
// misspelling of one ("infrastuktur"). It returns the index into opts, or
// false when nothing, or more than one option equally, fits.
func Choice(text string, opts []Option) (int, bool) {
	if n, ok := Number(text); ok {
		if n >= 1 && n <= len(opts) {
			return n - 1, true
		}
		return 0, false
	}
	norm := Normal(text)
	if norm == "" {
		return 0, false
	}
	lower := strings.ToLower(text)
	for i, o := range opts {
		if o.Code != "" && strings.Contains(lower, strings.ToLower(o.Code)) {
			return i, true
		}
	}
	names := func(o Option) []string {
		out := []string{Normal(o.Label)}
		for _, w := range o.Words {
			out = append(out, Normal(w))
		}
		return out
	}
	// The whole answer is a name of one option.
	if i, ok := unique(opts, func(o Option) bool {
		for _, n := range names(o) {
			if n != "" && n == norm {
				return true
			}
		}
		return false
	}); ok {
		return i, true
	}
	// A name is in the answer, or the answer is a word of one name.
	padded := " " + norm + " "
	if i, ok := unique(opts, func(o Option) bool {
		for _, n := range names(o) {
			if n == "" {
				continue
			}
			if strings.Contains(padded, " "+n+" ") || len([]rune(norm)) >= 4 && strings.Contains(" "+n+" ", " "+norm+" ") {
				return true
			}
		}
		return false
	}); ok {
		return i, true
	}
	// A close misspelling of a name, or of a long word of one.
	best, bestD, ties := -1, 99, 0
	for i, o := range opts {
		d := 99
		for _, n := range names(o) {
			d = min(d, closeness(norm, n))
			for _, w := range strings.Fields(n) {
				if len([]rune(w)) >= 5 {
					d = min(d, closeness(norm, w))
				}
			}
		}
		switch {
		case d < bestD:
			best, bestD, ties = i, d, 1
		case d == bestD:
			ties++
		}
	}
	if best >= 0 && bestD < 99 && ties == 1 {
		return best, true
	}
	return 0, false
}

// closeness is the edit distance of a and b when it is small for their
// length (1 for words of 4 to 6 letters, 2 from 7), else 99.
func closeness(a, b string) int {
	la, lb := len([]rune(a)), len([]rune(b))
	if la < 4 || lb < 4 {
		return 99
	}
	limit := 1
	if min(la, lb) >= 7 {
		limit = 2
	}
	if la-lb > limit || lb-la > limit {
		return 99
	}
	if d := fuzzy.LevenshteinDistance(a, b); d <= limit {
		return d
	}
	return 99
}

func unique(opts []Option, match func(Option) bool) (int, bool) {
	found := -1
	for i, o := range opts {
		if match(o) {
			if found >= 0 {
				return 0, false
			}
			found = i
		}
	}
	return found, found >= 0
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
