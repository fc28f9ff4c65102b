package answer

import (
	"strings"
	"unicode"
)

// placeIntro are the words before a place's name in an answer to "which
// desa?" ("saya dari desa …", "kula saking desa …", "kulo manggen
// wonten …", "abdi ti desa …", "simkuring cicing di …").
var placeIntro = set(
	"saya", "aku", "kami", "dari", "asal", "asli", "tinggal", "tinggalnya", "rumah", "rumahnya", "alamat", "alamatnya",
	"alamatku", "yang", "ingkang", "sing", "nu", "di", "desa", "desanya", "desane", "desana", "ds", "kelurahan", "kel", "yaitu", "adalah", "warga", "dr", "nama", "namanya",
	"kula", "kulo", "saking", "manggen", "dumunung", "griya", "griyane", "griyanipun", "omah", "omahku", "ing", "wonten", // Basa Jawa
	"ten", "teng", "neng", "nang", "ning", "yaiku", "inggih", "menika", "niku", "punika", "dalem", "kawula", "kulane",
	"abdi", "simkuring", "sim", "kuring", "urang", "ti", "cicing", "linggih", "bumi", "nyaeta", "nya", "eta", // Basa Sunda
	"halo", "hallo", "hai", "sugeng", "wilujeng", "sampurasun", "punten", "nuwun", "assalamualaikum", "selamat", "pagi",
	"siang", "sore", "malam", "enjing", "dalu",
	// having moved: "sudah pindah ke …", "tos ngalih ka …", "sampun pindhah dhateng …", "ayeuna di …"
	"sudah", "udah", "sdh", "pindah", "pindahan", "ke", "sekarang", "skrg",
	"sampun", "pindhah", "dhateng", "menyang", "saiki", "samenika", "sakmenika", // Basa Jawa
	"tos", "atos", "parantos", "ngalih", "ka", "ayeuna", // Basa Sunda
)

// PlaceName is the name of a place in an answer to "which desa?": the
// words after "saya dari desa", "kula saking", "abdi ti desa" and the like,
// without a closing "nggih" or "pak" (the last of PlaceReadings). It is ""
// when the answer names nothing. The name keeps its own words ("sido
// mulyo kec godean", "pabatu iii").
func PlaceName(text string) string {
	rs := PlaceReadings(text)
	if len(rs) == 0 {
		return ""
	}
	return strings.Join(rs[len(rs)-1], " ")
}

// PlaceReadings are the ways an answer to "which desa?" may name a place,
// most literal first: its words as typed (lower case, without
// punctuation; no letter, numeral or word changed: "pabatu iii", "bumi
// harapan", "alue teh"), then without each further word that may
// introduce a place ("desa bumi harapan", "bumi harapan", "harapan"), each
// also without the polite words that may close it ("nggih", "pak"). A
// place whose name is an intro word ("Selamat", "Bumi Sari") is thus
// named by an earlier reading than a place named by the rest.
func PlaceReadings(text string) [][]string {
	if len(text) > maxRead {
		text = text[:maxRead]
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	end := len(words)
	for end > 0 && placeWordIn(words[end-1], polite, pointers, fillers) {
		end--
	}
	var out [][]string
	for start := 0; ; start++ {
		if start < len(words) {
			out = append(out, words[start:])
		}
		if start >= end {
			// Only intro and polite words: no name.
			return append(out, words[start:start])
		}
		if end < len(words) {
			out = append(out, words[start:end])
		}
		if !placeWordIn(words[start], placeIntro, fillers) {
			return out
		}
	}
}

// placeWordIn tells whether the typed word w is in one of the sets, as
// typed or as Words spells it ("sy" is "saya").
func placeWordIn(w string, sets ...map[string]bool) bool {
	ws := []string{w}
	if n := Words(w); len(n) == 1 && n[0] != w {
		ws = append(ws, n[0])
	}
	for _, w := range ws {
		for _, s := range sets {
			if s[w] {
				return true
			}
		}
	}
	return false
}

// helloWords open the message a board's link or QR code types.
var helloWords = set("halo", "hallo", "hai", "hello", "helo", "hi")

// BoardHello reads the message a desa's board makes residents send ("HALO
// 34.04.11.2002": the wa.me link, the sms: link, the QR code): a greeting
// and the desa's Kemendagri code, perhaps with a few words more. It
// returns the code.
func BoardHello(text string) (kode string, ok bool) {
	words := Words(text)
	if len(words) < 2 || len(words) > 8 || !helloWords[words[0]] {
		return "", false
	}
	for _, w := range words[1:] {
		if isDesaKode(w) {
			return w, true
		}
	}
	return "", false
}

// isDesaKode tells whether w has the form of a desa's code (NN.NN.NN.NNNN).
func isDesaKode(w string) bool {
	if len(w) != 13 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch i {
		case 2, 5, 8:
			if c != '.' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// wrongWords deny a place just taken ("salah desa", "sanes", "dudu",
// "bukan desa itu", "desana lepat"); wrongAround may stand with them.
var (
	wrongWords  = set("salah", "bukan", "sanes", "dudu", "lepat", "keliru", "klentu", "klenta", "lain", "benten", "beda")
	wrongAround = set("desa", "desanya", "desane", "desana", "itu", "eta", "kuwi", "niku", "punika", "menika", "ieu", "iki", "pilih",
		"tadi", "wau", "mau", "eh", "waduh", "aduh", "maaf", "punten", "nyuwun", "pangapunten", "hapunten", "ups", "yang", "ingkang",
		"nu", "sing", "saya", "abdi", "kula", "kulo", "nya", "tapi", "namung", "mung", "ning", "nanging", "mah", "seharusnya",
		"harusnya", "kedahna", "kedahipun", "leresipun", "sebenarnya", "yaitu", "ya", "nggih", "muhun", "sumuhun", "kasebut", "tersebut")
)

// WrongPlace reads an answer saying the place just taken is wrong
// ("sanes, widodomartani", "desana lepat", "salah desa, harusnya
// sindumartani"): true, and the words after the denial (the right place,
// if named), lower case.
func WrongPlace(text string) (rest string, ok bool) {
	if len(text) > maxRead {
		return "", false
	}
	words := coreOrAll(Words(text))
	i := 0
	for i < len(words) && i < 8 && (wrongWords[words[i]] || wrongAround[words[i]]) {
		ok = ok || wrongWords[words[i]]
		i++
	}
	if !ok {
		return "", false
	}
	return strings.Join(words[i:], " "), true
}
