package answer

import "strings"

// placeLabels are the words a number names a place, a time or an item by
// ("RT 03", "no 5", "jam 9", "tgl 10", "dusun 2"): the number after them
// is no count.
var placeLabels = set("rt", "rw", "no", "nomor", "nomer", "nmr", "jam", "jm", "pukul", "tgl", "tanggal", "dusun",
	"blok", "gang", "gg", "km", "kilo", "lorong", "dukuh", "kampung", "lembur", "tabuh")

// countWords say what a number counts: households, houses, people.
var countWords = set("kk", "keluarga", "kepala", "kulawarga", "rumah", "omah", "griya", "bumi", "somah", "orang",
	"org", "warga", "jiwa", "petani", "tiyang", "jalma", "urang", "rumahtangga", "kaluarga", "an", "kk2")

// placeWords tell that a sentence is about where something is ("eh, lain,
// lokasina di RT 03"): a number in it is no count unless a count word says so.
var placeWords = set("lokasi", "lokasinya", "lokasina", "lokasine", "letak", "letaknya", "alamat", "alamate",
	"tempat", "tempatnya", "tempatna", "panggonan", "panggonane", "di", "ing", "dina", "wonten", "lain", "bukan",
	"sanes", "sanés", "salah", "tapi", "nanging")

// Count reads a count of households or people at a question that asks
// for one: a bare number ("25", "dua puluh"), or a number with a count word
// ("sekitar 40 KK", "kinten2 satus kk", "20an kk"). A number after a place's
// or a time's label ("RT 03", "jam 9") is none, and so is one in a
// sentence about a place or a correction with no count word: false. A
// number followed by its count word is a count wherever it stands ("30
// rumah di RT 03").
func Count(text string) (int, bool) {
	words := Words(text)
	for i, w := range words {
		// "30 rumah", "20an kk", "12kk": the count word says what is counted.
		if ns := Numbers(w); len(ns) > 0 && (i+1 < len(words) && countWords[words[i+1]] || countWords[strings.TrimLeft(w, "0123456789")]) {
			return ns[0], true
		}
	}
	for i, w := range words {
		if len(Numbers(w)) > 0 && (i > 0 && placeLabels[words[i-1]] || placeLabels[strings.TrimRight(w, "0123456789")]) {
			return 0, false // "RT 03", "rt03", "no 5": a place or an item, not a count
		}
	}
	if n, ok := Number(text); ok {
		return n, true
	}
	counted, aboutPlace := false, false
	for _, w := range words {
		counted = counted || countWords[w] || countWords[strings.TrimLeft(w, "0123456789")]
		aboutPlace = aboutPlace || placeWords[w]
	}
	if aboutPlace && !counted {
		return 0, false
	}
	for _, w := range words {
		ns := Numbers(w)
		if len(ns) == 0 {
			continue
		}
		return ns[0], true
	}
	return 0, false
}

// Thanks tells whether text is only thanks or politeness ("terima kasih
// ya", "matur nuwun", "hatur nuhun"): no content to keep.
func Thanks(text string) bool {
	ws := Words(text)
	for _, w := range ws {
		if !polite[w] {
			return false
		}
	}
	return len(ws) > 0
}

// poorWords say by themselves that households are poor ("miskin",
// "prasejahtera", "mlarat"); a negation before one says the opposite
// ("tidak miskin").
var poorWords = set("miskin", "prasejahtera", "fakir", "kekurangan", "mlarat", "sengsara", "malarat", "sangsara")

// ableWords say that households are well off ("mampu", "sejahtera"), and
// poor only after a word that denies it ("kurang mampu", "pra sejahtera",
// "mboten mampu", "teu mampu").
var ableWords = set("mampu", "sejahtera", "sejahtra")

// poorNegations deny the word after them: "tidak miskin" is well off,
// "kurang mampu" is poor.
var poorNegations = set("kurang", "kirang", "tidak", "tak", "pra", "mboten", "boten", "teu", "henteu", "ora", "belum",
	"dereng", "durung", "acan", "bukan", "sanes", "sanés")

// joinWords may stand between a number and the words it counts ("6 yang
// kurang mampu").
var joinWords = set("yang", "sing", "ingkang", "nu", "anu")

// poorMention is a group the answer counts: from..to are its words
// ("kurang mampu"), poor tells whether they are poor, n is its number
// (-1 when none) at index at.
type poorMention struct {
	from, to int
	poor     bool
	n, at    int
}

// CountPoor reads how many households benefit and how many of them are
// poor from one answer ("kira2 15 kk, yg miskin 6", "15 kk, 6 yang
// kurang mampu", "30 kk, 20 kurang mampu 10 mampu"): ok only when both
// are there and the poor are no more than all. A count of the well off
// alone ("30 kk, yang mampu 10", "yang tidak miskin 25") gives the rest;
// two counts of poor households, or groups that add up to more than all,
// give nothing (the question is asked).
func CountPoor(text string) (households, poor int, ok bool) {
	words := Words(text)
	var ms []poorMention
	for i, w := range words {
		if !poorWords[w] && !ableWords[w] {
			continue
		}
		m := poorMention{from: i, to: i, poor: poorWords[w], n: -1, at: -1}
		if i > 0 && poorNegations[words[i-1]] {
			m.from, m.poor = i-1, !m.poor
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return 0, 0, false
	}
	// The numbers stand either before their words ("6 yang miskin") or
	// after them ("yg miskin 6"): the first group says which, for all.
	before := numberBefore(words, ms[0].from) >= 0
	for k := range ms {
		m := &ms[k]
		if before {
			m.at = numberBefore(words, m.from)
		} else {
			limit := len(words)
			if k+1 < len(ms) {
				limit = ms[k+1].from
			}
			for i := m.to + 1; i < limit && i <= m.to+2; i++ {
				if isDigits(words[i]) {
					m.at = i
					break
				}
			}
		}
		if m.at >= 0 {
			m.n = Numbers(words[m.at])[0]
		}
	}
	first := ms[0].from
	if ms[0].at >= 0 {
		first = min(first, ms[0].at)
	}
	if first < 1 {
		return 0, 0, false
	}
	households, ok = Count(strings.Join(words[:first], " "))
	if !ok {
		return 0, 0, false
	}
	poor, poorSeen, others, othersSeen := -1, 0, 0, 0
	for _, m := range ms {
		switch {
		case m.n < 0:
		case m.poor:
			poor, poorSeen = m.n, poorSeen+1
		default:
			others, othersSeen = others+m.n, othersSeen+1
		}
	}
	switch {
	case poorSeen > 1, poorSeen == 0 && othersSeen != 1:
		return 0, 0, false
	case poorSeen == 0:
		poor, others = households-others, 0
	}
	if poor < 0 || poor+others > households {
		return 0, 0, false
	}
	return households, poor, true
}

// numberBefore is the index of the number just before words[from] ("20
// kurang mampu", "6 yang miskin"), or -1.
func numberBefore(words []string, from int) int {
	i := from - 1
	if i >= 0 && joinWords[words[i]] {
		i--
	}
	if i >= 0 && isDigits(words[i]) {
		return i
	}
	return -1
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
