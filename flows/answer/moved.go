package answer

import "strings"

// changeVerbs change something; with a changeNoun they ask for UBAH DATA
// ("ngarobih data", "ganti desa", "ngganti alamat").
var changeVerbs = set("ubah", "ubahin", "mengubah", "merubah", "rubah", "ganti", "gantiin", "mengganti", "edit", "perbaiki",
	"betulkan", "benerin", "koreksi", "perbarui", "update", "apdet",
	"ngganti", "gantos", "nggantos", "ngowahi", "owahi", "ngewahi", "ewahi", "ndandani", // Basa Jawa
	"robih", "ngarobih", "ngarobah", "robah", "ngagentos", "gentos", "ngaganti", "benerkeun", "ngaropea") // Basa Sunda

// changeNouns are the records UBAH DATA changes.
var changeNouns = set("data", "datanya", "datane", "datana", "alamat", "alamatnya", "alamate", "alamatna", "desa", "desanya",
	"desane", "desana", "dusun", "dusunnya", "dusune", "dusuna", "nama", "namanya", "nami", "namina", "jeneng", "jenenge", "asma")

// moveVerbs tell of having moved house ("sudah pindah ke …", "tos ngalih
// ka …", "sampun pindhah dhateng …").
var moveVerbs = set("pindah", "pindahan", "boyongan", "pindhah", "ngalih", "ngalieh", "pindah rumah")

// moveTo are the words before the place moved to.
var moveTo = set("ke", "ka", "dhateng", "menyang", "mring", "teng", "nang", "neng", "ning", "di", "ing", "wonten")

// ChangeData reads a resident asking, in a short sentence, to change what
// is kept about them or telling that they moved ("ngarobih data", "ganti
// desa", "abdi tos ngalih ka desa bimomartani", "saya sudah pindah ke desa
// X"). place is the words after the move ("desa bimomartani"), in the
// person's spelling, or "" when none is named.
func ChangeData(text string) (ok bool, place string) {
	if len(text) > maxRead {
		return false, ""
	}
	words := coreOrAll(Words(text))
	if len(words) == 0 || len(words) > maxIntentWords {
		return false, ""
	}
	change, noun, move := false, false, -1
	for i, w := range words {
		switch {
		case changeVerbs[w]:
			change = true
		case changeNouns[w]:
			noun = true
		case moveVerbs[w] && move < 0:
			move = i
		}
	}
	if negated(words) {
		return false, ""
	}
	if !(change && noun) && move < 0 {
		return false, ""
	}
	if move < 0 {
		return true, ""
	}
	if !(change && noun) && !movedOwn(words) {
		// "tempat rapat pindah ke balai desa": not the person moving.
		return false, ""
	}
	// The place: the words after the move verb and "ke"/"ka".
	orig := strings.Fields(text)
	for i, o := range orig {
		if ws := Words(o); len(ws) == 1 && moveVerbs[ws[0]] {
			rest := orig[i+1:]
			for len(rest) > 0 && moveTo[strings.ToLower(strings.Trim(rest[0], ",.:;!?"))] {
				rest = rest[1:]
			}
			return true, strings.TrimSpace(strings.Trim(strings.Join(rest, " "), ",.:;!?- "))
		}
	}
	return true, ""
}

// negated tells whether a negation stands among words ("tidak pindah",
// "teu acan ngalih").
func negated(words []string) bool {
	for _, w := range words {
		if negations[w] || w == "teu" || w == "gak" || w == "nggak" || w == "ga" || w == "durung" {
			return true
		}
	}
	return false
}

// movedOwn tells whether a move is the person's own: said of themselves
// or as done ("saya pindah", "tos ngalih", "sampun pindhah").
func movedOwn(words []string) bool {
	for _, w := range words {
		if pronouns[w] || movedDone[w] {
			return true
		}
	}
	return false
}

// movedDone tell that something is done ("sudah pindah").
var movedDone = set("sudah", "udah", "sdh", "dah", "baru", "sampun", "wis", "uwis", "mpun", "tos", "atos", "parantos", "aku", "kuring", "simkuring")
