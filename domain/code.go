package domain

import (
	"math/rand/v2"
	"strings"
)

// CodeKind is the prefix of a tracking code.
type CodeKind byte

// Tracking code kinds (docs/GLOSSARY.md, "Records and channels"): G-
// gagasan, R- meeting (rapat), K- kegiatan, A- complaint (aduan).
const (
	CodeGagasan  CodeKind = 'G'
	CodeRapat    CodeKind = 'R'
	CodeKegiatan CodeKind = 'K'
	CodeAduan    CodeKind = 'A'
)

// codeAlphabet leaves out characters that look alike on a small screen or
// sound alike read aloud: 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V.
const codeAlphabet = "ACEFGHJKMNPRTWXY34679"

// codeLen gives 21^6 ≈ 86 million codes per kind; a collision is retried by the store.
const codeLen = 6

// NewCode draws a random code of the kind, such as "G-7KM4XA", from r, or
// from the shared generator (safe for concurrent use) when r is nil.
func NewCode(kind CodeKind, r *rand.Rand) string {
	intN := rand.IntN
	if r != nil {
		intN = r.IntN
	}
	var b strings.Builder
	b.Grow(2 + codeLen)
	b.WriteByte(byte(kind))
	b.WriteByte('-')
	for range codeLen {
		b.WriteByte(codeAlphabet[intN(len(codeAlphabet))])
	}
	return b.String()
}

// ParseCode reads a code as people type it: any case, with or without the
// hyphen, with spaces. It returns the canonical form, or an EINVALID error
// when s is not shaped like a code of the kind (its prefix, then 6 letters
// or digits). A code of that shape with a letter NewCode never draws (O, I,
// 0, …) is read all the same: no record has it, so whoever typed it hears
// "not found", which is true, rather than a lesson on the shape of a code
// that has the shape.
func ParseCode(kind CodeKind, s string) (string, error) {
	c := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	c = strings.ReplaceAll(c, "-", "")
	if len(c) != 1+codeLen || c[0] != byte(kind) {
		return "", ruleCodeForm.Err(kind)
	}
	for i := 1; i < len(c); i++ {
		if (c[i] < 'A' || c[i] > 'Z') && (c[i] < '0' || c[i] > '9') {
			return "", ruleCodeForm.Err(kind)
		}
	}
	return c[:1] + "-" + c[1:], nil
}

// LooksLikeCode tells whether s is shaped like any tracking code (a known
// prefix, then letters and digits), so that a reply can say "unknown code"
// rather than "unknown command".
func LooksLikeCode(s string) bool {
	c := strings.ToUpper(strings.TrimSpace(s))
	if len(c) < 3 || len(c) > 12 {
		return false
	}
	switch CodeKind(c[0]) {
	case CodeGagasan, CodeRapat, CodeKegiatan, CodeAduan:
	default:
		return false
	}
	return c[1] == '-'
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleCodeForm = NewRule("code_form", EINVALID, "not a %c- code")
)

// LeadingCode reads a code of the kind at the start of s, followed by
// other words: "R-F7XM6X sing teko 14" is R-F7XM6X with "sing teko 14"
// after it. The code is one word, or split as people type it ("R F7XM6X",
// "R-F7X M6X"); a comma or full stop may end it. It reports false when s
// does not start with a whole code: "G-7KM4XA9" is no code followed by "9".
func LeadingCode(kind CodeKind, s string) (code, rest string, ok bool) {
	rest = s
	acc := ""
	for range 3 {
		rest = strings.TrimLeft(rest, " \t\r\n")
		w := rest
		if j := strings.IndexAny(w, " \t\r\n"); j >= 0 {
			w = w[:j]
		}
		if w == "" {
			return "", "", false
		}
		rest = rest[len(w):]
		bare := strings.TrimRight(w, ".,;:!?")
		acc += strings.ReplaceAll(bare, "-", "")
		if len(acc) >= 1+codeLen || bare != w {
			break
		}
	}
	c, err := ParseCode(kind, acc)
	if err != nil {
		return "", "", false
	}
	return c, strings.TrimSpace(rest), true
}
