package flows_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows"
)

// A word of one language in the other's texts: Sundanese readers were
// asked "Saha jenengan Bapa/Ibu?" (jenengan is Javanese; Sundanese lemes
// says nami).
var (
	javaneseWords = []string{"jenengan", "panjenengan", "asma", "menika", "mboten", "wonten", "sampun", "badhe", "ingkang",
		"kaliyan", "utawi", "kangge", "mawon", "nggih", "pundi", "sinten", "dereng", "saking", "dhateng", "ngantos", "nyuwun",
		"estri", "kakung", "kula", "lan", "punika", "niki", "niku"}
	sundaneseWords = []string{"jenengan", "atanapi", "sareng", "anu", "henteu", "teu", "abdi", "kanggo", "parantos", "ieu", "éta",
		"dina", "tiasa", "kumaha", "naon", "saha", "sabaraha", "waler", "dugi", "bapa"}
)

func TestNoWordOfTheOtherLanguage(t *testing.T) {
	for _, c := range []struct {
		lang  string
		words []string
	}{{flows.LangSU, javaneseWords}, {flows.LangJV, sundaneseWords}} {
		for _, k := range flows.Keys(flows.LangID) {
			text, ok := flows.Text(c.lang, k)
			if !ok {
				continue
			}
			for _, w := range c.words {
				if c.lang == flows.LangJV && w == "jenengan" {
					continue // "Panjenengan" is Javanese; "jenengan" alone is checked in Sundanese
				}
				if regexp.MustCompile(`(?i)(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`).MatchString(text) {
					t.Errorf("%s/%s has %q: %s", c.lang, k, w, strings.ReplaceAll(text, "\n", " / "))
				}
			}
		}
	}
}
