package flow

import (
	"sort"
	"strings"

	"github.com/lithammer/fuzzysearch/fuzzy"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// MaxDesaList is the most desa one reply lists. A scope with more is
// chosen from by typing the desa's name, and a typed name that fits more
// is asked again, never listed.
const MaxDesaList = 10

// DesaChoice is a desa being chosen (registration, UBAH DATA, GAGASAN
// UNTUK for a cadre of several desa), kept in its flow's state. Every
// place a desa is chosen asks with Turn.AskDesa and reads the answer with
// Turn.ReadDesa.
type DesaChoice struct {
	// Cands are the desa a typed name could mean, offered by number
	// (at most MaxDesaList).
	Cands []string `json:"cands,omitempty"`
	// Within limits the choice to these desa (a cadre's own); empty:
	// every desa in the scope of the number written to (Env.Scope).
	Within []string `json:"within,omitempty"`
	// Proposed is the desa of the board the resident came from ("HALO
	// 34.04.11.2002", the board's link and QR code): asked to confirm
	// with YA instead of choosing.
	Proposed string `json:"proposed,omitempty"`
	// Misses counts the answers that named no desa: from the second (or
	// the first that names a place, "abdi ti desa sukamaju garut") the
	// region the service covers is told.
	Misses int `json:"misses,omitempty"`
	// ProposedDusun is the dusun whose name the resident answered, in
	// the Proposed desa ("kejambon": Dusun Kejambon, Desa Bimomartani?).
	ProposedDusun int64 `json:"proposed_dusun,omitempty"`
	// CandDusuns are, when the answer was a dusun's name several desa
	// have, that dusun in each of Cands (same order).
	CandDusuns []int64 `json:"cand_dusuns,omitempty"`
	// NamedDusun is set when ReadDesa returns a desa chosen by its
	// dusun's name: that dusun, which need not be asked again.
	NamedDusun int64 `json:"named_dusun,omitempty"`
}

// take is the desa d chosen from Cands, with the dusun that offered it.
func (c *DesaChoice) take(d domain.DesaPlace) domain.DesaPlace {
	if len(c.CandDusuns) == len(c.Cands) {
		for i, k := range c.Cands {
			if k == d.Kode {
				c.NamedDusun = c.CandDusuns[i]
				break
			}
		}
	}
	c.Cands, c.CandDusuns = nil, nil
	return d
}

// DesaChoices are the desa to choose from: Within's, or every desa in
// Env.Scope; sorted by name.
func (t *Turn) DesaChoices(c *DesaChoice) ([]domain.DesaPlace, error) {
	if len(c.Within) == 0 {
		return t.View.DesasIn(t.Ctx, t.Env.Scope)
	}
	var out []domain.DesaPlace
	for _, k := range c.Within {
		ds, err := t.View.DesasIn(t.Ctx, k)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Nama < out[j].Nama || out[i].Nama == out[j].Nama && out[i].Kode < out[j].Kode
	})
	return out, nil
}

// DesaInScope returns the desa kode names when it is one to choose from
// (the desa of a board's HALO code, when the number written to serves it).
func (t *Turn) DesaInScope(c *DesaChoice, kode string) (domain.DesaPlace, bool, error) {
	all, err := t.DesaChoices(c)
	if err != nil {
		return domain.DesaPlace{}, false, err
	}
	d, ok := placeOf(all, kode)
	return d, ok, nil
}

// AskDesa asks which desa: YA for the proposed one, a number for one of
// at most MaxDesaList, else the desa's name. It returns false when there
// is no desa to choose from, which it has said.
func (t *Turn) AskDesa(c *DesaChoice) (bool, error) {
	c.Cands, c.CandDusuns, c.ProposedDusun = nil, nil, 0
	all, err := t.DesaChoices(c)
	if err != nil {
		return false, err
	}
	if len(all) == 0 {
		t.Say(MsgNoDesa, nil)
		return false, nil
	}
	if c.Proposed != "" {
		if d, ok := placeOf(all, c.Proposed); ok {
			t.Say(MsgDesaConfirm, A{"desa": t.desaLabel(d, true, false)})
			return true, nil
		}
		c.Proposed = ""
	}
	if len(all) <= MaxDesaList {
		t.Say(MsgAskDesa, A{"list": Numbered(t.desaLabels(all, false))})
		return true, nil
	}
	t.Say(MsgAskDesaName, A{"contoh": all[0].Nama})
	return true, nil
}

// ReadDesa reads the answer to AskDesa. When it returns false it has
// replied (the few desa the name could mean, not found, too many, the
// proposed desa again) and the step waits for the next answer.
func (t *Turn) ReadDesa(c *DesaChoice) (domain.DesaPlace, bool, error) {
	all, err := t.DesaChoices(c)
	if err != nil || len(all) == 0 {
		if err == nil {
			t.Say(MsgNoDesa, nil)
		}
		return domain.DesaPlace{}, false, err
	}
	text := strings.TrimSpace(t.Text)
	c.NamedDusun = 0
	if c.Proposed != "" {
		d, ok := placeOf(all, c.Proposed)
		yn := answer.YesNo(text)
		switch {
		case ok && yn == answer.Yes:
			c.Proposed, c.NamedDusun, c.ProposedDusun = "", c.ProposedDusun, 0
			return d, true, nil
		case yn == answer.No || !ok:
			c.Proposed = ""
			_, err := t.AskDesa(c)
			return domain.DesaPlace{}, false, err
		}
		// Another desa named instead: read below.
		c.Proposed, c.ProposedDusun = "", 0
	}
	if text == "" {
		t.Say(MsgNeedText, nil)
		_, err := t.AskDesa(c)
		return domain.DesaPlace{}, false, err
	}
	// A board's code again ("HALO 34.04.11.2002"): that desa, confirmed.
	if kode, ok := answer.BoardHello(text); ok {
		if _, in := placeOf(all, kode); in {
			c.Proposed = kode
		}
		_, err := t.AskDesa(c)
		return domain.DesaPlace{}, false, err
	}
	if d, ok := placeOf(all, text); ok {
		return d, true, nil
	}
	offered := placesOf(all, c.Cands)
	if len(c.Cands) == 0 && len(all) <= MaxDesaList {
		offered = all
	}
	// A desa named by a number word ("Tiga", "Pitu") where no list is
	// shown is that desa, not a number.
	if n, ok := answer.Number(text); ok && (len(offered) > 0 || len(exactDesa(all, text)) == 0) {
		switch {
		case len(offered) == 0:
			t.Say(MsgDesaTypeName, A{"contoh": all[0].Nama})
		case n < 1 || n > len(offered):
			t.Say(MsgChoiceRange, A{"max": len(offered)})
		default:
			return c.take(offered[n-1]), true, nil
		}
		return domain.DesaPlace{}, false, nil
	}
	// One of the desa offered, by its kecamatan ("yang di Godean").
	if len(c.Cands) > 0 {
		if i, ok := answer.Choice(text, desaOptions(offered)); ok {
			return c.take(offered[i]), true, nil
		}
	}
	// Not a desa's name but her kecamatan's or her dusun's ("ngemplak",
	// "kejambon"); at "which of these?" an answer is read for those only.
	if len(c.Cands) == 0 && len(exactDesa(all, text)) == 0 {
		if done, err := t.readOtherPlace(c, all, text); done || err != nil {
			return domain.DesaPlace{}, false, err
		}
	}
	found := FindDesa(all, text)
	switch {
	case len(found) == 1:
		c.Cands = nil
		return all[found[0]], true, nil
	case len(found) == 0 && len(c.Cands) > 0 && len(offered) > 0:
		// At "which of these?": these again, by number.
		t.Say(MsgDesaNotFound, A{"text": CutRunes(text, 40), "list": Numbered(t.desaLabels(offered, len(all) > MaxDesaList))})
		t.sayRegion(c, all, text)
	case len(found) == 0:
		c.Cands = nil
		if len(all) <= MaxDesaList {
			t.Say(MsgDesaNotFound, A{"text": CutRunes(text, 40), "list": Numbered(t.desaLabels(all, false))})
		} else {
			t.Say(MsgDesaNotFoundName, A{"text": CutRunes(text, 40), "contoh": all[0].Nama})
		}
		t.sayRegion(c, all, text)
	case len(found) > MaxDesaList:
		c.Cands = nil
		t.Say(MsgDesaTooMany, A{"text": CutRunes(text, 40), "contoh": all[found[0]].Nama})
	default:
		cands := make([]domain.DesaPlace, len(found))
		c.Cands, c.CandDusuns = make([]string, len(found)), nil
		for i, f := range found {
			cands[i], c.Cands[i] = all[f], all[f].Kode
		}
		t.Say(MsgDesaChoose, A{"list": Numbered(t.desaLabels(cands, len(all) > MaxDesaList))})
	}
	return domain.DesaPlace{}, false, nil
}

// FindDesa returns the indexes of the places a typed answer names. A
// desa's exact name wins (FoldName: any case, spaces and punctuation; no
// word, letter or numeral changed: "Bumi Harapan", "Pabatu III",
// "Selamat"), as typed or after each word that may introduce a place in
// any of the three languages ("desa Bumi Harapan", "kula saking
// Selamat", "abdi ti desa Sukamaju"; answer.PlaceReadings). Else the
// longest run of first words after those that names a desa exactly, then
// forgivingly (matchNames: "desa", a beginning, typos), narrowed by a
// kecamatan named in the words after it ("Sidomulyo Godean") when several
// desa share the name; else a desa named inside the sentence. Names are
// folded once per list the store serves (indexOf).
func FindDesa(places []domain.DesaPlace, text string) []int {
	if len(places) == 0 {
		return nil
	}
	ix := indexOf(places)
	readings := answer.PlaceReadings(text)
	if f := ix.exactReading(readings); len(f) > 0 {
		return f
	}
	// "sido mulyo kec godean": the longest run of first words that names
	// a desa exactly (the words after the intro words, or two words or
	// more with them: "bumi sari jati agung", but not "selamat" of
	// "selamat pagi, …"), else forgivingly after the intro words.
	for k, ws := range readings {
		least := 2
		if k == len(readings)-1 {
			least = 1
		}
		for n := min(len(ws), 4); n >= least; n-- {
			if found := ix.exact[FoldName(strings.Join(ws[:n], ""))]; len(found) > 0 {
				return narrowByKecamatan(places, found, ws[n:])
			}
		}
	}
	if len(readings) > 0 {
		ws := readings[len(readings)-1]
		for n := min(len(ws), 4); n >= 1; n-- {
			if found := matchNorms(NormName(strings.Join(ws[:n], " ")), ix.norms); len(found) > 0 {
				return narrowByKecamatan(places, found, ws[n:])
			}
		}
	}
	if !strings.ContainsAny(strings.TrimSpace(text), " ,.") {
		return nil
	}
	// A sentence the words above did not open ("bimomartani, dusun
	// kejambon"): read as one, once.
	if found := matchNorms(NormName(text), ix.norms); len(found) > 0 {
		return found
	}
	return ix.sentence(places, text)
}

// narrowByKecamatan keeps of several found desa those in a kecamatan the
// words after the name name; all when none is named.
func narrowByKecamatan(places []domain.DesaPlace, found []int, after []string) []int {
	if len(found) < 2 || len(after) == 0 {
		return found
	}
	words := answer.Words(strings.Join(after, " "))
	var narrowed []int
	for _, i := range found {
		if k := NormName(places[i].Kecamatan); k != "" && namesPlace(words, k) {
			narrowed = append(narrowed, i)
		}
	}
	if len(narrowed) > 0 {
		return narrowed
	}
	return found
}

// namesPlace tells whether words hold the folded name n, as one word or
// two, or with one typo in a name of five letters or more.
func namesPlace(words []string, n string) bool {
	for i, w := range words {
		cands := []string{NormName(w)}
		if i+1 < len(words) {
			cands = append(cands, NormName(w+words[i+1]))
		}
		for _, c := range cands {
			if c == n || len(n) >= 5 && fuzzy.LevenshteinDistance(c, n) <= 1 {
				return true
			}
		}
	}
	return false
}

// desaLabels are the lines of a list of desa: the name, with its
// kecamatan where another listed desa has the same name (or always, when
// the resident typed a name in a large scope), and its kabupaten too when
// the list spans several.
func (t *Turn) desaLabels(ds []domain.DesaPlace, always bool) []string {
	seen := map[string]int{}
	kabs := map[string]bool{}
	for _, d := range ds {
		seen[NormName(d.Nama)]++
		kabs[d.Kabupaten] = true
	}
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = t.desaLabel(d, always || seen[NormName(d.Nama)] > 1, len(kabs) > 1)
	}
	return out
}

// desaLabel names a desa, with its kecamatan (and kabupaten) when where
// is set and they are known.
func (t *Turn) desaLabel(d domain.DesaPlace, where, kab bool) string {
	switch {
	case !where || d.Kecamatan == "":
		return d.Nama
	case kab && d.Kabupaten != "":
		return Render(t.Lang, MsgDesaPlaceKab, A{"desa": d.Nama, "kecamatan": d.Kecamatan, "kabupaten": d.Kabupaten})
	}
	return Render(t.Lang, MsgDesaPlace, A{"desa": d.Nama, "kecamatan": d.Kecamatan})
}

// desaOptions are the desa offered as answer options: each named also by
// its kecamatan and kabupaten.
func desaOptions(ds []domain.DesaPlace) []answer.Option {
	out := make([]answer.Option, len(ds))
	for i, d := range ds {
		out[i] = answer.Option{Label: d.Nama + " " + d.Kecamatan, Words: []string{d.Kecamatan, d.Kabupaten}}
	}
	return out
}

// placeOf finds the desa with the given code.
func placeOf(ds []domain.DesaPlace, kode string) (domain.DesaPlace, bool) {
	for _, d := range ds {
		if d.Kode == kode {
			return d, true
		}
	}
	return domain.DesaPlace{}, false
}

// placesOf are the desa of the given codes, in their order.
func placesOf(ds []domain.DesaPlace, kodes []string) []domain.DesaPlace {
	var out []domain.DesaPlace
	for _, k := range kodes {
		if d, ok := placeOf(ds, k); ok {
			out = append(out, d)
		}
	}
	return out
}

// sayRegion tells, when an answer named no desa for the second time or
// named a place ("abdi ti desa sukamaju garut"), the kabupaten the
// service covers: a desa elsewhere is no typo to correct.
func (t *Turn) sayRegion(c *DesaChoice, all []domain.DesaPlace, text string) {
	c.Misses++
	place := answer.PlaceName(text)
	namesPlace := place != "" && place != strings.Join(strings.Fields(answer.Normal(text)), " ") && len(strings.Fields(text)) >= 2
	if c.Misses < 2 && !namesPlace {
		return
	}
	var kabs []string
	seen := map[string]bool{}
	for _, d := range all {
		if d.Kabupaten != "" && !seen[d.Kabupaten] {
			seen[d.Kabupaten] = true
			kabs = append(kabs, d.Kabupaten)
		}
	}
	if len(kabs) == 0 || len(kabs) > 3 {
		return
	}
	t.Say(MsgDesaRegion, A{"wilayah": strings.Join(kabs, ", ")})
}
