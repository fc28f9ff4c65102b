package flow

import (
	"sort"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// MatchDusun reads a dusun by number or name; on failure it has replied.
func (t *Turn) MatchDusun(dusuns []domain.Dusun) (domain.Dusun, bool) {
	if len(dusuns) == 0 {
		return domain.Dusun{}, true
	}
	list := Numbered(DusunNames(dusuns))
	if n, ok := answer.Number(t.Text); ok {
		if n < 1 || n > len(dusuns) {
			t.Say(MsgChoiceRange, A{"max": len(dusuns)})
			return domain.Dusun{}, false
		}
		return dusuns[n-1], true
	}
	if m := MatchNames(t.Text, DusunNames(dusuns)); len(m) == 1 {
		return dusuns[m[0]], true
	}
	t.Say(MsgDusunNotFound, A{"list": list})
	return domain.Dusun{}, false
}

// DusunNames are the dusun's names, in order.
func DusunNames(ds []domain.Dusun) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Nama
	}
	return out
}

// NormName folds a typed place name: lower case, letters and digits only,
// without the words "desa", "dusun", "dukuh", "kampung".
func NormName(s string) string {
	s = strings.ToLower(s)
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		switch w {
		case "desa", "dusun", "dukuh", "kampung", "kel", "kelurahan", "ds", "dsn":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, "")
}

// MatchNames returns the indexes of the names that a typed text means,
// forgivingly: an exact match wins; else names that start with or contain
// the text; else those within a small edit distance (typos). Several
// results mean the resident must choose.
func MatchNames(text string, names []string) []int {
	out := matchNames(text, names)
	if len(out) == 0 {
		// The name inside a sentence: "sy di tanjung", "kejambon, sampun
		// kula sanjang wau".
		if i, ok := answer.Choice(text, OptionsOf(names, nil)); ok {
			out = append(out, i)
		}
	}
	return out
}

// matchNames is MatchNames without reading a sentence.
func matchNames(text string, names []string) []int {
	norms := make([]string, len(names))
	for i, n := range names {
		norms[i] = NormName(n)
	}
	return matchNorms(NormName(text), norms)
}

// matchNorms is matchNames of a folded text (NormName) among folded
// names.
func matchNorms(q string, norms []string) []int {
	if q == "" {
		return nil
	}
	var exact, prefix, contains []int
	type scored struct{ i, d int }
	var near []scored
	for i, nn := range norms {
		switch {
		case nn == q:
			exact = append(exact, i)
		case strings.HasPrefix(nn, q) && len(q) >= 3:
			prefix = append(prefix, i)
		case strings.Contains(nn, q) && len(q) >= 4:
			contains = append(contains, i)
		default:
			limit := 1
			if len(q) >= 6 {
				limit = 2
			}
			if len(q) >= 10 {
				limit = 3
			}
			if len(q)-len(nn) > limit || len(nn)-len(q) > limit {
				continue // the distance is at least the lengths' difference
			}
			if d := editsWithin(q, nn, limit); d <= limit {
				near = append(near, scored{i, d})
			}
		}
	}
	switch {
	case len(exact) > 0:
		return exact
	case len(prefix) > 0:
		return prefix
	case len(contains) > 0:
		return contains
	}
	sort.SliceStable(near, func(a, b int) bool { return near[a].d < near[b].d })
	out := make([]int, 0, len(near))
	for _, s := range near {
		if s.d == near[0].d {
			out = append(out, s.i)
		}
	}
	return out
}

// editsWithin is the edit distance (Levenshtein) of the folded names a
// and b (NormName: bytes a-z, 0-9) when it is at most k, else k+1: the
// rows stop once every cell is over k.
func editsWithin(a, b string, k int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > k {
		return k + 1
	}
	var buf [2][64]int
	prev, cur := buf[0][:0], buf[1][:0]
	if len(b)+1 > len(buf[0]) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	for j := 0; j <= len(b); j++ {
		prev = append(prev, j)
	}
	cur = cur[:len(b)+1]
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(c, prev[j], cur[j-1])
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], k+1)
}

// HasLetter tells whether s has a letter of any script the residents write.
func HasLetter(s string) bool {
	for _, r := range s {
		if IsLetterRune(r) {
			return true
		}
	}
	return false
}

// IsLetterRune tells whether r is a letter (Latin, or beyond ASCII).
func IsLetterRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r < 0x2000
}

// DesaName is the name of a desa by its kode (the kode when unknown).
func (t *Turn) DesaName(kode string) (string, error) {
	desas, err := t.View.DesasIn(t.Ctx, kode)
	if err != nil {
		return "", err
	}
	for _, d := range desas {
		if d.Kode == kode {
			return d.Nama, nil
		}
	}
	return kode, nil
}

// Location is the time zone of a desa, for dates a person reads.
func (t *Turn) Location(desaKode string) *time.Location {
	k := domain.Kecamatan{TimeZone: t.View.TimeZone(t.Ctx, desaKode)}
	return k.Location()
}

// ParseLang reads a language choice: its number in MsgAskLang or its name
// in any of the three languages.
func ParseLang(s string) (string, bool) {
	if n, ok := answer.Number(s); ok {
		if n >= 1 && n <= len(Langs) {
			return Langs[n-1], true
		}
		return "", false
	}
	// "jawa mawon", "kula nyuwun ngangge basa jawa", "basa sunda wae":
	// the one language named in a short answer.
	words := strings.Fields(answer.Normal(s))
	if len(words) > 8 {
		return "", false
	}
	found := ""
	for _, w := range words {
		lang := ""
		switch w {
		case "indonesia", "indo", "id":
			lang = LangID
		case "jawa", "jowo", "jawi", "jv":
			lang = LangJV
		case "sunda", "su":
			lang = LangSU
		}
		if lang != "" && found != "" && lang != found {
			return "", false
		}
		if lang != "" {
			found = lang
		}
	}
	return found, found != ""
}

// SetLang switches the conversation to lang from this reply on.
func (t *Turn) SetLang(lang string) {
	t.Cmd(SetLang{Lang: lang})
	t.Lang = lang
	t.Say(MsgLangSet, A{"bahasa": Render(lang, Key("lang_"+lang), nil)})
}
