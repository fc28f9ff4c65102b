package answer

import "strings"

// openerPhrases are the courtesies, greetings and self-corrections that
// open a message before what it asks ("nyuwun sewu, …", "sugeng enjing
// bu, …", "eh sida ding. kula badhe usul …"): a reader of a request skips
// them. Words are matched after Words (so "sy" is "saya"), fillers ("pak",
// "bu", "mawon") included.
var openerPhrases = []string{
	"nyuwun sewu", "nuwun sewu", "ngapunten", "nyuwun ngapunten", "nyuwun pangapunten", "pangapunten", "punten",
	"permisi", "maaf", "mohon maaf", "minta maaf", "sepurane", "sepunten",
	"assalamualaikum", "assalamu'alaikum", "asalamualaikum", "assalamu alaikum", "assalamualaikum wr wb",
	"assalamu'alaikum wr wb", "salam", "wr wb",
	"sugeng enjing", "sugeng siang", "sugeng sonten", "sugeng dalu", "sugeng rawuh",
	"selamat pagi", "selamat siang", "selamat sore", "selamat malam",
	"wilujeng enjing", "wilujeng siang", "wilujeng sonten", "wilujeng wengi", "wilujeng dalu",
	"kula nuwun", "kulonuwun", "sampurasun", "halo", "hallo", "hai", "hi",
	"pak", "bu", "bapak", "ibu", "mas", "mbak", "mba", "kang", "teh", "min", "admin",
	"eh", "lha", "lho", "oh", "o", "ya", "iya", "oh iya", "oh ya", "o iya", "nah",
	// "eh sida ding": a plan taken up again after all.
	"sida ding", "sido ding", "jadi deh", "jadi ding", "ding",
}

// openers are openerPhrases as word sequences, longest first.
var openers [][]string

func init() {
	for _, p := range openerPhrases {
		openers = append(openers, Words(p))
	}
}

// openerAt returns how many of words (from the start) one opener takes; 0
// when none opens them.
func openerAt(words []string) int {
	best := 0
	for _, o := range openers {
		if len(o) > best && len(o) <= len(words) && strings.Join(words[:len(o)], " ") == strings.Join(o, " ") {
			best = len(o)
		}
	}
	return best
}

// skipOpeners drops the openers at the start of words; words that are all
// openers ("halo", "punten") are returned as they are.
func skipOpeners(words []string) []string {
	rest := words
	for len(rest) > 0 {
		n := openerAt(rest)
		if n == 0 {
			return rest
		}
		rest = rest[n:]
	}
	return words
}

// skipOpenerFields drops the leading fields of a message (as typed) that
// are openers, and returns the rest; none is dropped when all are.
func skipOpenerFields(fields []string) []string {
	var words []string
	ends := map[int]int{} // a word count at a field's end → the fields it spans
	for i, f := range fields {
		words = append(words, Words(f)...)
		ends[len(words)] = i + 1
	}
	skipped := len(words) - len(skipOpeners(words))
	if skipped == 0 || skipped == len(words) {
		return fields
	}
	// The openers must end where a field does ("pak," but not "pakai").
	for n := skipped; n > 0; n-- {
		if f, ok := ends[n]; ok {
			return fields[f:]
		}
	}
	return fields
}

// Greeting tells whether a message is only a greeting or a courtesy
// ("halo", "kula nuwun", "sugeng enjing bu", "punten",
// "assalamualaikum"): it asks for nothing.
func Greeting(text string) bool {
	words := Words(text)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	greets := false
	for len(words) > 0 {
		n := openerAt(words)
		if n == 0 {
			if fillers[words[0]] || polite[words[0]] {
				words = words[1:]
				continue
			}
			return false
		}
		switch strings.Join(words[:n], " ") {
		case "pak", "bu", "bapak", "ibu", "mas", "mbak", "mba", "kang", "teh", "min", "admin", "eh", "lha", "lho", "oh", "o",
			"ya", "iya", "oh iya", "oh ya", "o iya", "nah", "ding":
		default:
			greets = true
		}
		words = words[n:]
	}
	return greets
}
