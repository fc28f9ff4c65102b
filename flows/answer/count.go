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

// poorWords say that households are poor ("miskin", "kurang mampu",
// "pra sejahtera", "mboten mampu", "teu mampu").
var poorWords = set("miskin", "mampu", "prasejahtera", "sejahtera", "fakir", "kekurangan", "mlarat", "sengsara", "malarat", "sangsara")

// CountPoor reads how many households benefit and how many of them are
// poor from one answer ("kira2 15 kk, yg miskin 6", "15 kk, 6 yang
// kurang mampu"): ok only when both are there and the poor are no more
// than all.
func CountPoor(text string) (households, poor int, ok bool) {
	words := Words(text)
	p := -1
	for i, w := range words {
		if poorWords[w] {
			p = i
			break
		}
	}
	if p < 1 {
		return 0, 0, false
	}
	poorAt := -1
	// "yg miskin 6" (the number after), else "6 yang miskin" (just before).
	for i := p + 1; i < len(words) && i <= p+2; i++ {
		if ns := Numbers(words[i]); len(ns) == 1 && isDigits(words[i]) {
			poorAt, poor = i, ns[0]
			break
		}
	}
	if poorAt < 0 {
		for i := p - 1; i >= 0 && i >= p-3; i-- {
			if ns := Numbers(words[i]); len(ns) == 1 && isDigits(words[i]) {
				poorAt, poor = i, ns[0]
				break
			}
		}
	}
	if poorAt < 0 {
		return 0, 0, false
	}
	before := words[:min(p, poorAt)]
	households, ok = Count(strings.Join(before, " "))
	if !ok || poor > households {
		return 0, 0, false
	}
	return households, poor, true
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
