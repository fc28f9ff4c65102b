// Package answer reads what people write in answer to the bot's questions:
// yes or no, skip or "I don't know", done, cancel, keep the current value, a
// choice from a numbered list, a number, a percent, counts in a sentence, and
// the global intents (delete my data, who are you, a complaint …) that a
// sentence may carry at any step.
//
// Every flow reads its answers here instead of parsing them itself, so that
// the words of the three languages (Bahasa Indonesia with its colloquial and
// SMS spellings, Basa Jawa ngoko and krama, Basa Sunda) are in one place:
// phrases.go. The readers are pure functions of the text; none of them knows
// which language the resident chose, because residents mix them.
package answer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRead bounds what a reader looks at: answers are short, and a reader
// must stay cheap on a 4,000-character message.
const maxRead = 400

// Words returns text as lower-case words: punctuation becomes space (a
// percent sign, a hyphen inside a code and a slash or dot between digits
// are kept), SMS spellings are expanded ("yg" → "yang", "gak" → "tidak")
// and repeated letters of emphasis are folded ("yaaa" → "ya").
func Words(text string) []string {
	if len(text) > maxRead {
		text = text[:maxRead]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	text = strings.ToLower(text)
	text = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(text)
	var b strings.Builder
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			b.WriteRune(r)
		case r == '\'' && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]):
			// jum'at, ba'da: the apostrophe is part of the word.
		case r == '-' && i > 0 && i+1 < len(rs) && isAlnum(rs[i-1]) && isAlnum(rs[i+1]),
			(r == '/' || r == '.' || r == ':' || r == ',') && i > 0 && i+1 < len(rs) &&
				unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			// G-7KM4XA, ke-3, 25/12, 09.00, 1.200 stay whole; "no.2" is
			// two words.
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	fields := strings.Fields(b.String())
	// A new slice: an expansion into two words ("gatau" → "tidak tahu")
	// must not overwrite the words still to be read.
	out := make([]string, 0, len(fields)+4)
	for _, w := range fields {
		w = foldRepeats(w)
		// "okk", "siapp", "gakk": a last letter typed twice.
		if n := len(w); n >= 3 && w[n-1] == w[n-2] && w[n-1] < utf8.RuneSelf && !vocabulary[w] && vocabulary[w[:n-1]] {
			w = w[:n-1]
		}
		if e, ok := spellings[w]; ok {
			if e == "" {
				continue
			}
			out = append(out, strings.Fields(e)...)
			continue
		}
		out = append(out, w)
	}
	return compounds(out)
}

// compounds writes the numbers of more than one word as digits: "dua
// puluh lima" is 25, "dua belas" 12, "pitung puluh" and "tigang dasa" (Basa
// Jawa) 70 and 30, "dua welas" (Basa Sunda) 12.
func compounds(words []string) []string {
	has := false
	for _, w := range words {
		if w == "puluh" || w == "dasa" || w == "belas" || w == "welas" {
			has = true
			break
		}
	}
	if !has {
		return words
	}
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		u, ok := unitWords[words[i]]
		if !ok || i+1 >= len(words) {
			out = append(out, words[i])
			continue
		}
		switch words[i+1] {
		case "puluh", "dasa":
			n := u * 10
			i++
			if i+1 < len(words) {
				if v, ok := unitWords[words[i+1]]; ok {
					n += v
					i++
				}
			}
			out = append(out, strconv.Itoa(n))
		case "belas", "welas":
			out = append(out, strconv.Itoa(10+u))
			i++
		default:
			out = append(out, words[i])
		}
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foldRepeats shortens a letter repeated three times or more to one
// ("yaaa" → "ya", "okeee" → "oke"); digits are left alone.
func foldRepeats(w string) string {
	rs := []rune(w)
	if len(rs) < 3 {
		return w
	}
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		j := i
		for j+1 < len(rs) && rs[j+1] == rs[i] {
			j++
		}
		n := j - i + 1
		if unicode.IsLetter(rs[i]) && n >= 3 {
			n = 1
		}
		for k := 0; k < n; k++ {
			out = append(out, rs[i])
		}
		i = j
	}
	return string(out)
}

// core drops the filler words that carry no answer ("aja", "deh", "pak",
// "nggih" at the end of a sentence is politeness, not yes) from words.
func core(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if _, ok := fillers[w]; ok {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Normal is text reduced to its core words joined by one space: what the
// phrase tables are matched against.
func Normal(text string) string { return strings.Join(core(Words(text)), " ") }

// matchPhrase tells whether words are exactly one of the phrases, or one of
// them followed only by words of tail.
func matchPhrase(words []string, phrases map[string]bool, tail map[string]bool) bool {
	for n := len(words); n >= 1; n-- {
		if !phrases[strings.Join(words[:n], " ")] {
			continue
		}
		rest := words[n:]
		ok := true
		for _, w := range rest {
			if !tail[w] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
