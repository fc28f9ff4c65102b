package answer

import (
	"strings"
	"unicode"
)

// Words that mark a message as Basa Jawa or Basa Sunda: greetings, pronouns
// and particles a speaker uses in the first lines to a stranger, and not
// in Bahasa Indonesia. Words both languages share ("mangga", "enjing",
// "dinten", "bade", "nami") or Indonesian also uses ("mas", "mbak", "teh",
// "mah", "saking", "pengin") mark neither.
var (
	javaneseMarks = set("kula", "kulo", "nuwun", "sugeng", "nyuwun", "matur", "suwun", "maturnuwun", "mboten", "boten",
		"badhe", "nggih", "inggih", "enggih", "panjenengan", "sampeyan", "sampun", "ngapunten", "menawi", "menapa",
		"wonten", "niki", "niku", "punika", "menika", "piye", "pripun", "kepripun", "ora", "arep", "kepengin", "rawuh",
		"saged", "ngendi", "pundi", "kados", "sesuk", "benjing", "kaliyan", "karo", "wis", "uwis", "durung", "dereng",
		"opo", "lan")
	sundaneseMarks = set("punten", "sampurasun", "rampes", "abdi", "urang", "hatur", "nuhun", "teu", "henteu", "muhun",
		"kumaha", "naon", "iraha", "tiasa", "ayeuna", "wilujeng", "akang", "eteh", "atuh", "euy", "hoyong", "palay",
		"parantos", "tos", "acan", "aya", "jeung", "pikeun", "deui", "oge")
)

// minLangMarks is how many marks a guess needs; one ("nggih", "punten")
// is enough in a first message, which is mostly a greeting.
const minLangMarks = 1

// GuessLang tells the language a message is written in, when it is clearly
// Basa Jawa ("jv") or Basa Sunda ("su"), else "": a newcomer's first
// message chooses the language of the consent text before they were asked
// (the question still follows, and a choice there wins). Indonesian, a
// mix as Javanese as it is Sundanese, and an unknown language give "".
func GuessLang(text string) string {
	if len(text) > maxRead {
		text = text[:maxRead]
	}
	jv, su := 0, 0
	// Not Words: its spellings write "piye" and "kumaha" as "bagaimana".
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = foldRepeats(w)
		if javaneseMarks[w] {
			jv++
		}
		if sundaneseMarks[w] {
			su++
		}
	}
	switch {
	case jv >= minLangMarks && jv > su:
		return "jv"
	case su >= minLangMarks && su > jv:
		return "su"
	}
	return ""
}
