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
var negations = set("tidak", "bukan", "jangan", "mboten", "ora", "henteu", "ulah", "entong", "dereng", "durung", "belum", "sanes", "moal")

// YesNo reads a yes or no: "ya setuju", "nggih setuju", "ok kirim",
// "sumuhun", "tidak mau", "mboten". "tidak tahu" is Unclear: a skip is
// not a no.
func YesNo(text string) YN {
	// "saya tidak mau" is "tidak mau"; "saya" alone is no answer; "maaf
	// tidak bisa", "punten teu tiasa", "nyuwun sewu, mboten": an apology
	// before the answer is courtesy.
	c := dropFirst(dropApology(coreOrAll(Words(text))), pronouns)
	if len(c) == 0 {
		return Unclear
	}
	// "tidak mau, eh mau deh": the person corrects themself; ask again.
	// A leading "eh" is only a start ("eh iya bener").
	c = dropFirst(c, corrections)
	for _, w := range c[1:] {
		if corrections[w] {
			return Unclear
		}
	}
	// "no" alone is English, not "nomor".
	if bare := strings.ToLower(strings.Trim(text, " .!?,\t\r\n")); bare == "no" || bare == "nope" {
		return No
	}
	// A no before a skip: "gak usah", "tidak perlu" and "teu acan" are
	// skips too, and to a yes/no question they are no.
	if matchPhrase(c, noPhrases, polite) {
		return No
	}
	if Skip(text) {
		return Unclear
	}
	if matchPhrase(c, yesPhrases, polite) {
		return Yes
	}
	neg, yes, real := false, 0, false
	for _, w := range c {
		if negations[w] {
			neg = true
		}
		if yesWords[w] {
			yes++
			real = real || !yesHelpers[w]
		}
	}
	if neg {
		// "gak ngerti pak, mboten ngertos" holds a skip: not a no; "tidak
		// salah", "gak ada yang salah" deny a fault: not a no either.
		if negations[c[0]] && len(c) <= 4 && !holdsPhrase(c, skipPhrases, noPhrases) && (standsAlone(text) || !deniesFault(c)) {
			return No
		}
		return Unclear
	}
	if yes == len(c) && len(c) <= 5 && real {
		return Yes
	}
	return Unclear
}

// apologies open an answer politely: "maaf", "mohon maaf", "nyuwun
// sewu", "ngapunten", "punten".
var apologies = set("maaf", "mohon", "punten", "ngapunten", "pangapunten", "nyuwun", "sewu", "sepurane", "sori", "sorry")

// dropApology is words without the apology that opens them, when more
// follows.
func dropApology(words []string) []string {
	i := 0
	for i < len(words)-1 && apologies[words[i]] {
		i++
	}
	return words[i:]
}

// corrections take back what came before ("eh", "ralat").
var corrections = set("eh", "ralat", "maksudnya", "maksud", "eits")

// yesHelpers are yes words that make no yes alone ("saya", "sangat").
var yesHelpers = set("saya", "sekali", "sangat", "banget", "itu", "laksanakan", "hadir", "datang", "rawuh", "dongkap",
	"sumping", "ikut", "tumut", "ngiring")

// faults are the words of something wrong: a negation before one of them
// ("tidak salah") is not a no.
var faults = set("salah", "keliru", "masalah", "kurang", "lepat", "kliru", "kirang")

// standsAlone tells whether the first word of text is set off by a comma
// or a stop ("tidak, itu salah", "mboten. lepat"): a no and then what is
// wrong.
func standsAlone(text string) bool {
	t := strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	return i > 0 && strings.ContainsRune(",.!;", rune(t[i]))
}

func deniesFault(words []string) bool {
	for _, w := range words[1:] {
		if faults[w] {
			return true
		}
	}
	return false
}

// holdsPhrase tells whether a run of words is one of phrases but not one of
// except.
func holdsPhrase(words []string, phrases, except map[string]bool) bool {
	for i := range words {
		for j := i + 1; j <= len(words); j++ {
			p := strings.Join(words[i:j], " ")
			if phrases[p] && !except[p] {
				return true
			}
		}
	}
	return false
}

// pronouns may open a skip ("saya gak tau", "kula mboten ngertos").
var pronouns = set("saya", "kula", "kulo", "abdi", "kami", "kita")

// skipObjects may stand before a skip: the thing there is none of
// ("fotonya gak ada", "nomor hp belum punya").
var skipObjects = set("foto", "fotonya", "gambar", "gambarnya", "poto", "potonya", "fotone", "fotonipun", "lokasi",
	"lokasinya", "nama", "namanya", "nomor", "nomornya", "hp", "datanya", "titiknya", "petanya",
	"fotona", "potona", "gambarna", "lokasina", "namina", "namana") // Basa Sunda -na

// doneTail may follow a done ("sudah itu saja pak", "cukup segitu").
var doneTail = set("ya", "iya", "inggih", "sumuhun", "terima", "kasih", "makasih", "matur", "nuwun", "hatur", "nuhun",
	"mangga", "sudah", "itu", "segitu", "semua", "dulu", "cukup", "selesai", "niku", "mawon", "wae", "eta", "kitu",
	"sadayana", "sadaya", "sedaya", "sedanten", "suwun", "semanten", "sakitu", "segini", "semono")

// acks may open a done or a keep ("ya udah itu aja", "ok selesai", "ya
// sama").
var acks = set("ya", "iya", "ok", "inggih", "sumuhun")

// dropFirst is words without their first word when it is one of m and
// others follow.
func dropFirst(words []string, m map[string]bool) []string {
	if len(words) > 1 && m[words[0]] {
		return words[1:]
	}
	return words
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
	c := dropFirst(coreOrAll(Words(text)), pronouns)
	// "fotonya gak ada", "hp belum punya": the object first.
	for len(c) > 1 && skipObjects[c[0]] {
		c = c[1:]
	}
	if matchPhrase(c, skipPhrases, skipTail) {
		return true
	}
	// "teu bisa, tos weh lewati": what cannot be done, then LEWATI.
	for lead := leadOf(c, skipLeads); lead > 0; lead = leadOf(c, skipLeads) {
		c = c[lead:]
		if matchPhrase(c, skipCommands, skipTail) {
			return true
		}
	}
	return false
}

// leadOf is the number of words of the longest phrase of m that opens
// words and leaves some after it; 0 when none does.
func leadOf(words []string, m map[string]bool) int {
	for n := len(words) - 1; n >= 1; n-- {
		if m[strings.Join(words[:n], " ")] {
			return n
		}
	}
	return 0
}

// Done tells whether text ends a list being added to: "selesai", "sudah",
// "sdh cukup", "sampun", "atos".
func Done(text string) bool {
	return matchPhrase(dropFirst(coreOrAll(Words(text)), acks), donePhrases, doneTail)
}

// Cancel tells whether the whole of text cancels: "batal", "batal aja
// deh", "gak jadi", "wurung", "bolay".
func Cancel(text string) bool {
	c := coreOrAll(Words(text))
	// "eh salah, wurung": a slip owned first, then the cancel.
	for len(c) > 1 && (slipWords[c[0]] || cancelLeads[c[0]]) {
		c = c[1:]
	}
	// "gak jadi lapor": a cancel and the thing not done, in a few words.
	if matchPhrase(c, cancelPhrases, polite) || len(c) <= 4 && matchPhrase(c, cancelPhrases, cancelTail) {
		return true
	}
	// "teu jadi, batal wae": two cancels in one breath.
	for n := 1; n < len(c) && len(c) <= 5; n++ {
		if matchPhrase(c[:n], cancelPhrases, nil) && matchPhrase(c[n:], cancelPhrases, polite) {
			return true
		}
	}
	return false
}

// slipWords own a mistake before a cancel ("eh salah, wurung", "waduh
// keliru, batal").
var slipWords = set("eh", "salah", "keliru", "lepat", "klentu", "waduh", "aduh", "maaf", "sori", "sorry", "ups", "oops",
	"punten", "nyuwun", "pangapunten", "duh")

// cancelLeads may stand before a cancel ("kula mboten sida", "wis
// wurung", "saya gak jadi").
var cancelLeads = set("saya", "kula", "kulo", "abdi", "aku", "wis", "sampun", "mpun", "sudah", "atos", "lha", "wah", "waduh")

// Keep tells whether text keeps the current value: "sama", "tetap",
// "sama saja", "tetep", "sarua".
// The words naming what is kept may come first ("namina mah sami keneh",
// "desane tetep").
func Keep(text string) bool {
	c := dropFirst(coreOrAll(Words(text)), acks)
	for {
		if matchPhrase(c, keepPhrases, polite) {
			return true
		}
		if len(c) < 2 || !keepTopics[c[0]] {
			return false
		}
		c = c[1:]
	}
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
	// "no2", "nmr2", "ke2": the pointing word and the number run together.
	if i := strings.IndexAny(w, "0123456789"); i > 0 {
		if p := Words(w[:i]); len(p) == 1 && choicePrefix[p[0]] {
			w = w[i:]
		}
	}
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	return digitsOf(w, 6)
}

// digitsOf reads w as a number of at most max digits and nothing else.
func digitsOf(w string, max int) (int, bool) {
	if w == "" || len(w) > max {
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
			if rs[i] == '2' && i > 0 && unicode.IsLetter(rs[i-1]) && (i+1 == len(rs) || !unicode.IsDigit(rs[i+1])) {
				// "kira2", "kinten2", "bolong2": the 2 doubles the word.
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
// "separuh", "tiga perempat", "3/4", "sudah selesai" (100). It is Unclear
// (false) when the text holds two numbers and no percent sign, two
// different percents ("60 atau 70 persen"), a hedge ("hampir selesai",
// "belum rampung", "setengah lebih"), or a number above 100.
func Percent(text string) (int, bool) {
	words := coreOrAll(Words(text))
	joined := " " + strings.Join(words, " ") + " "
	// "kurang lebih 60 persen" is about 60: not a hedge.
	for _, a := range []string{"kurang lebih", "lebih kurang", "kirang langkung", "langkung kirang", "kurang langkung"} {
		joined = strings.ReplaceAll(joined, " "+a+" ", " ")
	}
	words = strings.Fields(joined)
	hedged := func(skip string) bool {
		inner := set(strings.Fields(skip)...)
		for _, w := range words {
			if hedges[w] && !inner[w] {
				return true
			}
		}
		return false
	}
	// Percents written as such: "60%", "60 persen", "3/4".
	var marked []int
	for i, w := range words {
		if strings.Count(w, "/") == 1 {
			a, b, _ := strings.Cut(w, "/")
			x, e1 := strconv.Atoi(a)
			y, e2 := strconv.Atoi(b)
			if e1 == nil && e2 == nil && y > 0 && x <= y && y <= 10 {
				marked = append(marked, (x*100+y/2)/y)
			}
		}
		if strings.HasSuffix(w, "%") || i+1 < len(words) && (words[i+1] == "persen" || words[i+1] == "%" || words[i+1] == "prosen") {
			if ns := Numbers(w); len(ns) == 1 {
				marked = append(marked, ns[0])
			}
		}
	}
	if len(marked) > 0 {
		for _, v := range marked[1:] {
			if v != marked[0] {
				return 0, false
			}
		}
		// "60 atau 70 persen", "60 sampai 70%": two shares.
		if ns := Numbers(text); len(ns) > 1 {
			for _, w := range words {
				if alternatives[w] {
					return 0, false
				}
			}
		}
		if marked[0] > 100 || hedged("") {
			return 0, false
		}
		return marked[0], true
	}
	best, bestLen, bestP := 0, 0, ""
	for p, v := range percentWords {
		if strings.Contains(joined, " "+p+" ") && len(p) > bestLen {
			best, bestLen, bestP = v, len(p), p
		}
	}
	// "tiga perempat" holds the number word "tiga"; the fraction wins
	// unless digits are written too.
	if bestLen > 0 {
		if best > 0 && hedged(bestP) {
			return 0, false
		}
		if !hasDigit(joined) {
			return best, true
		}
		// "selesai 2 titik": a share and a count; "sudah selesai 100"
		// says it twice.
		if ns := Numbers(text); len(ns) == 1 && ns[0] == best {
			return best, true
		}
		return 0, false
	}
	// One number alone, as a word of its own ("70", "sudah 70 pak",
	// "40an"), not "5O" (50 typed with a letter) or a count ("tahap 2",
	// "3 titik").
	var bare []string
	for _, w := range words {
		if n, ok := numberWords[w]; ok && !ordinals[w] {
			w = strconv.Itoa(n) // "sepuluh"
		}
		if hasDigit(w) {
			bare = append(bare, w)
		}
		if notShare[w] {
			return 0, false
		}
	}
	if len(bare) != 1 || hedged("") {
		return 0, false
	}
	d := strings.TrimSuffix(bare[0], "an")
	if n, err := strconv.Atoi(d); err == nil && n >= 0 && n <= 100 {
		return n, true
	}
	return 0, false
}

// ordinals point at a list item ("yang kedua"): no share of work.
var ordinals = set("pertama", "kedua", "ketiga", "keempat", "kelima", "kahiji", "kadua", "katilu", "kaopat", "kalima",
	"kapisan", "sepisan")

// notShare are the words of a count or a step, which a number beside them
// is not a share of work: "tahap 2", "3 titik", "minggu ke 4".
var notShare = set("tahap", "minggu", "hari", "bulan", "ke", "titik", "meter", "m", "km", "orang", "hok", "kk", "rt",
	"rw", "pekerja", "org", "tukang", "warga", "unit", "buah", "sak", "zak", "truk", "rit", "foto", "termin", "jam", "tanggal", "rupiah", "rp", "juta", "ribu")

// alternatives join two shares: "60 atau 70 persen".
var alternatives = set("atau", "sampai", "hingga", "sampe", "utawi", "utawa", "atawa", "antara", "s/d")

// hedges make a share of work uncertain: "hampir selesai", "belum
// rampung", "setengah lebih".
var hedges = set("hampir", "ampir", "meh", "belum", "dereng", "durung", "henteu", "tidak", "ora", "mboten", "acan",
	"lebih", "kurang", "langkung", "kirang", "mau", "badhe", "bade", "target", "rencana",
	"tinggal", "sisa", "sisanya", "kari", "kantun", "sesa", "sesana", "kurangnya") // "tinggal 20 persen" is 80 done

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
	if len(opts) == 0 {
		return 0, false
	}
	// "ingkang nomer 2, ten griyane pak dukuh": "nomor" and a number
	// inside a sentence.
	if ws := Words(text); len(ws) <= maxIntentWords {
		for i := 0; i+1 < len(ws); i++ {
			if ws[i] != "nomor" {
				continue
			}
			if n, ok := Number(ws[i+1]); ok && n >= 1 && n <= len(opts) {
				return n - 1, true
			}
		}
	}
	// A code, with or without its hyphen ("R-AB12CD", "r ab12cd").
	lower := alnum(text)
	for i, o := range opts {
		if c := alnum(o.Code); c != "" && strings.Contains(lower, c) {
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
	nameWords := map[string]bool{}
	optWords := make([]map[string]bool, len(opts))
	for i, o := range opts {
		optWords[i] = map[string]bool{}
		for _, n := range names(o) {
			for _, w := range strings.Fields(n) {
				nameWords[w] = true
				optWords[i][w] = true
			}
		}
	}
	words := pickWords(core(Words(text)), nameWords)
	if len(words) == 0 {
		return 0, false
	}
	i, ok := choiceByWords(words, opts, names, optWords)
	if !ok {
		return leadChoice(text, opts)
	}
	// "3 kesehatan" when kesehatan is 4: which one? A number that is a
	// word of the option's own name ("RT 3") is no conflict.
	for _, w := range words {
		if n, err := strconv.Atoi(w); err == nil && !optWords[i][w] && n != i+1 {
			return 0, false
		}
	}
	return i, true
}

func choiceByWords(words []string, opts []Option, names func(Option) []string, optWords []map[string]bool) (int, bool) {
	norm := strings.Join(words, " ")
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
	// Every word of the answer is a word of one option's names ("jalan
	// licin", "kk", "tpk"); a word of no option ("sama", "dan") leaves it.
	found := -1
	for i := range opts {
		all := true
		for _, w := range words {
			if !optWords[i][w] && !pointers[w] {
				all = false
				break
			}
		}
		if all {
			if found >= 0 {
				found = -2
				break
			}
			found = i
		}
	}
	if found >= 0 {
		return found, true
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

// editVerbs may open a pick from an edit list ("ganti judul", "ubah
// waktunya").
var editVerbs = set("ganti", "ubah", "rubah", "edit", "koreksi", "perbaiki", "betulkan", "benahi", "gentos", "ngganti",
	"ngowahi", "robah", "ngarobah", "gentos")

// pointers may stand around a pick without naming it ("yang sumur itu").
var pointers = set("itu", "ini", "tersebut", "niku", "punika", "iku", "kuwi", "eta", "ieu", "tea", "yang", "ingkang",
	"sing", "nu", "ingkang")

// pickWords is the words of an answer to a list without the words that
// point at a pick ("yang", "ganti", "itu") and with the suffix of a word
// of an option taken off ("fotonya", "waktune", "panggenanipun",
// "tempatna").
func pickWords(words []string, nameWords map[string]bool) []string {
	for len(words) > 1 && (choicePrefix[words[0]] || editVerbs[words[0]]) && !nameWords[words[0]] {
		words = words[1:]
	}
	for len(words) > 1 && (pointers[words[len(words)-1]] || polite[words[len(words)-1]]) && !nameWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	out := make([]string, len(words))
	for i, w := range words {
		// "lain-lain", "lain2": the word said twice is the word.
		if a, b, ok := strings.Cut(w, "-"); ok && a == b {
			w = a
		} else if t, ok := strings.CutSuffix(w, "2"); ok && t != "" && !hasDigit(t) {
			w = t
		}
		out[i] = w
		if nameWords[w] {
			continue
		}
		// "lain" names "Lainnya".
		if nameWords[w+"nya"] {
			out[i] = w + "nya"
			continue
		}
		for _, suf := range []string{"nya", "ipun", "ne", "na", "e"} {
			if t, ok := strings.CutSuffix(w, suf); ok && len(t) >= 2 && nameWords[t] {
				out[i] = t
				break
			}
		}
	}
	return out
}

// alnum is s in lower case with only its letters and digits.
func alnum(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
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
