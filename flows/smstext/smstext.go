// Package smstext is the rule of a text sent by SMS: the GSM 03.38
// alphabet, segment counting, and fitting a reply to a feature phone's
// screen and a resident's pulse (each SMS costs money), paging the rest.
// It is a rule about text, not a channel: flows page their replies with it,
// and the SMS gateways (bot/sms/…) split and fit what they send with it.
package smstext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// gsmBasic is the GSM 03.38 default alphabet, in code order (0x00–0x7F).
// 0x1B is the escape to the extension table and is not a character.
const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

// gsmExtension are the characters reached through the escape: two septets each.
const gsmExtension = "^{}\\[~]|€\f"

var basicSet, extSet = runeSet(gsmBasic), runeSet(gsmExtension)

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		if r != 0x1b {
			m[r] = true
		}
	}
	return m
}

// Septets returns how many GSM-7 septets s needs, and false when s has a
// character outside the alphabet (it must then go as UCS-2).
func Septets(s string) (int, bool) {
	n := 0
	for _, r := range s {
		switch {
		case basicSet[r]:
			n++
		case extSet[r]:
			n += 2
		default:
			return 0, false
		}
	}
	return n, true
}

// Segments counts the SMS a text costs: GSM-7 holds 160 septets in one SMS
// and 153 per part of a long one; UCS-2 holds 70 characters, 67 per part.
// An extension character never straddles two parts.
func Segments(s string) (segments int, gsm7 bool) {
	if n, ok := Septets(s); ok {
		if n <= 160 {
			return 1, true
		}
		parts, used := 1, 0
		for _, r := range s {
			w := 1
			if extSet[r] {
				w = 2
			}
			if used+w > 153 {
				parts++
				used = 0
			}
			used += w
		}
		return parts, true
	}
	units := 0
	for _, r := range s {
		units++
		if r > 0xFFFF {
			units++ // a surrogate pair
		}
	}
	if units <= 70 {
		return 1, false
	}
	return (units + 66) / 67, false
}

var replacer = strings.NewReplacer(
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'", "`", "'",
	"“", "\"", "”", "\"", "„", "\"", "‟", "\"", "″", "\"",
	"–", "-", "—", "-", "‒", "-", "―", "-", "‐", "-", "−", "-",
	"…", "...", "•", "-", "·", "-", "\u00a0", " ", "\t", " ", "×", "x", "÷", ":",
	"ç", "c", "ı", "i",
)

// ToGSM7 makes a text sendable in GSM-7: typographic quotes, dashes and
// ellipses become their plain forms, accented letters lose accents the
// alphabet lacks, and what cannot be written (emoji, other scripts) is
// dropped. Space runs left by dropped characters are folded.
func ToGSM7(s string) string {
	if _, ok := Septets(s); ok {
		return s
	}
	s = replacer.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if basicSet[r] || extSet[r] {
			b.WriteRune(r)
			continue
		}
		// Decompose (é → e + ◌́) and keep the base letter when the
		// alphabet has it.
		for _, d := range norm.NFD.String(string(r)) {
			if basicSet[d] || extSet[d] {
				b.WriteRune(d)
			} else if !unicode.Is(unicode.Mn, d) && unicode.IsSpace(d) {
				b.WriteByte(' ')
			}
		}
	}
	out := b.String()
	for strings.Contains(out, "  ") {
		out = strings.ReplaceAll(out, "  ", " ")
	}
	return strings.TrimRight(out, " ")
}

// MaxSegments is the most a reply may cost: the budget of an SMS channel.
const MaxSegments = 3

// Fit renders a reply for SMS: GSM-7 only, and no more than MaxSegments;
// a longer text is cut at a line (or word) and ends with more, the hint to
// ask for the rest, which must itself be GSM-7.
func Fit(text, more string) string {
	page, _ := Page(text, more)
	return page
}

// Page is Fit that keeps what it cut: page is the first MaxSegments' worth
// (ending with more when anything was cut) and rest what follows, for a
// "balas LAGI" continuation. Page(rest, more) gives the next page.
func Page(text, more string) (page, rest string) { return PageWithin(text, more, MaxSegments) }

// PageWithin is Page for a budget of segments other than MaxSegments.
func PageWithin(text, more string, segments int) (page, rest string) {
	t := ToGSM7(text)
	if n, _ := Segments(t); n <= segments {
		return t, ""
	}
	with := func(c string) string { return strings.TrimRight(c, " \n") + "\n" + more }
	// The longest prefix whose septets, with the hint, fill the parts
	// (less two: an extension character never straddles a part), found in
	// one walk; then the cut moves back to a line break, else a space.
	moreSeptets, _ := Septets(more)
	budget := segments*153 - moreSeptets - 1 - 2
	end, used := len(t), 0
	for i, r := range t {
		w := 1
		if extSet[r] {
			w = 2
		}
		if used+w > budget {
			end = i
			break
		}
		used += w
	}
	cut := t[:end]
	if i := strings.LastIndexByte(cut, '\n'); i >= len(cut)/2 {
		cut = cut[:i]
	} else if i := strings.LastIndexByte(cut, ' '); i >= len(cut)/2 {
		cut = cut[:i]
	}
	// Should the estimate be off, shorten by a tenth until it fits.
	for n, _ := Segments(with(cut)); n > segments && cut != ""; n, _ = Segments(with(cut)) {
		r := []rune(cut)
		cut = string(r[:len(r)*9/10])
	}
	return with(cut), strings.TrimLeft(t[len(cut):], " \n")
}

// Split cuts a text into the parts of a concatenated SMS, each filling one
// PDU: 153 septets (GSM-7, an extension character never split) or 67 UTF-16
// units (UCS-2, a surrogate pair never split). A text that fits one SMS is
// one part. gsm7 tells the coding.
func Split(s string) (parts []string, gsm7 bool) {
	n, gsm7 := Segments(s)
	if n <= 1 {
		return []string{s}, gsm7
	}
	limit := 67
	if gsm7 {
		limit = 153
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := 1
		if (gsm7 && extSet[r]) || (!gsm7 && r > 0xFFFF) {
			w = 2
		}
		if used+w > limit {
			parts = append(parts, b.String())
			b.Reset()
			used = 0
		}
		b.WriteRune(r)
		used += w
	}
	return append(parts, b.String()), gsm7
}
