package flow

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"weak"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// desaIndex is a list of desa's names folded once, for FindDesa.
type desaIndex struct {
	// exact holds each name folded by FoldName, with the indexes of the
	// desa so named.
	exact map[string][]int
	// norms are the names folded by NormName, in the list's order.
	norms []string
	// byWord holds each word of a name (lower case, as written), with the
	// indexes of the desa whose name has it.
	byWord map[string][]int
	// kecs holds each kecamatan's name folded by FoldName, with the
	// indexes of its desa; byKode each desa's index by its code.
	kecs   map[string][]int
	byKode map[string]int
}

func newDesaIndex(places []domain.DesaPlace) *desaIndex {
	ix := &desaIndex{exact: make(map[string][]int, len(places)), norms: make([]string, len(places)),
		byWord: make(map[string][]int, len(places)), kecs: map[string][]int{}, byKode: make(map[string]int, len(places))}
	for i, p := range places {
		if k := FoldName(p.Kecamatan); k != "" {
			ix.kecs[k] = append(ix.kecs[k], i)
		}
		ix.byKode[p.Kode] = i
		f := FoldName(p.Nama)
		ix.exact[f] = append(ix.exact[f], i)
		ix.norms[i] = NormName(p.Nama)
		for _, w := range nameWords(p.Nama) {
			if ws := ix.byWord[w]; len(ws) == 0 || ws[len(ws)-1] != i {
				ix.byWord[w] = append(ws, i)
			}
		}
	}
	return ix
}

// nameWords are the words of a name or an answer: lower case, split at
// every character that is no letter or digit.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// FoldName is a place's name, or a typed answer, as FindDesa compares
// them first: lower case, its letters (of any script) and digits run
// together; nothing else dropped or changed ("Pabatu III" is "pabatuiii",
// "Desa Bumi-Harapan" "desabumiharapan").
func FoldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// The indexes of the large lists of desa the store serves from memory
// (View.DesasIn: shared, never changed), kept while their list lives; a
// list is known by its first element's address and its length.
var desaIndexes struct {
	sync.Mutex
	m map[desaListKey]*desaIndex
}

type desaListKey struct {
	first weak.Pointer[domain.DesaPlace]
	n     int
}

// minIndexedList is the smallest list whose index is kept: smaller ones
// (a cadre's few desa, a kecamatan) are folded afresh.
const minIndexedList = 50

// indexOf is the index of a list of desa, built once per list.
func indexOf(places []domain.DesaPlace) *desaIndex {
	if len(places) < minIndexedList {
		return newDesaIndex(places)
	}
	k := desaListKey{weak.Make(&places[0]), len(places)}
	desaIndexes.Lock()
	ix, ok := desaIndexes.m[k]
	desaIndexes.Unlock()
	if ok {
		return ix
	}
	ix = newDesaIndex(places)
	desaIndexes.Lock()
	defer desaIndexes.Unlock()
	if old, ok := desaIndexes.m[k]; ok {
		return old
	}
	if desaIndexes.m == nil {
		desaIndexes.m = map[desaListKey]*desaIndex{}
	}
	desaIndexes.m[k] = ix
	runtime.AddCleanup(&places[0], func(k desaListKey) {
		desaIndexes.Lock()
		delete(desaIndexes.m, k)
		desaIndexes.Unlock()
	}, k)
	return ix
}

// sentence reads a whole sentence for a desa's name (answer.Choice)
// among the desa whose names share a word with it, in the list's order.
func (ix *desaIndex) sentence(places []domain.DesaPlace, text string) []int {
	seen := map[int]bool{}
	var cands []int
	for _, ws := range [][]string{nameWords(text), answer.Words(text)} {
		for _, w := range ws {
			for _, i := range ix.byWord[w] {
				if !seen[i] {
					seen[i] = true
					cands = append(cands, i)
				}
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.Sort(cands)
	names := make([]string, len(cands))
	for j, i := range cands {
		names[j] = places[i].Nama
	}
	if j, ok := answer.Choice(text, OptionsOf(names, nil)); ok {
		return []int{cands[j]}
	}
	return nil
}

// exactReading is the desa one of the readings of an answer names by
// its exact name (FoldName), the most literal reading first.
func (ix *desaIndex) exactReading(readings [][]string) []int {
	for _, r := range readings {
		if f := ix.exact[FoldName(strings.Join(r, ""))]; len(f) > 0 {
			return f
		}
	}
	return nil
}

// exactDesa is the desa a typed answer names by its exact name.
func exactDesa(places []domain.DesaPlace, text string) []int {
	if len(places) == 0 {
		return nil
	}
	return indexOf(places).exactReading(answer.PlaceReadings(text))
}
