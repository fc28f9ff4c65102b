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

// selfWords are the person (or their family): they own a changeNoun
// ("desa saya", "data kula", "alamat abdi") and, within two words before
// a move verb, tell that they moved ("saya sudah pindah", "abdi tos
// ngalih", "kami pindah"; not "pak rt sudah pindah").
var selfWords = set("saya", "sy", "aku", "kula", "kulo", "abdi", "kuring", "simkuring", "gue", "gw", "kami")

// notChange are words of work, meetings and records: a message with one
// is about them, never about the person's own data ("ganti lampu jalan
// desa", "ganti tempat rapat", "koreksi data gagasan saya", "kantor desa
// sudah pindah").
var notChange = union(infraWords, set("rapat", "rapatnya", "jadwal", "jadwalnya", "tempat", "tempatnya", "jam", "jamnya",
	"gagasan", "gagasannya", "gagasanku", "usul", "usulan", "usulnya", "usulanku", "judul", "judulnya", "kepala", "kades",
	"kantor", "acara", "musyawarah", "musdus", "musdes", "pertemuan", "kegiatan", "proyek"))

// moveWhat may stand between a move verb and the place ("pindah tempat
// tinggal ke …", "pindah rumah ke …").
var moveWhat = set("tempat", "tinggal", "rumah", "griya", "bumi")

// ChangeData reads a resident asking, in a short sentence, to change what
// is kept about them or telling that they moved ("ngarobih data", "ganti
// desa", "abdi tos ngalih ka desa bimomartani", "saya sudah pindah ke desa
// X"). The thing changed must follow the change word or be owned ("ganti
// desa", "alamat abdi"); a move must be the person's own. place is the
// words after the move ("desa bimomartani"), in the person's spelling, or
// "" when none is named.
func ChangeData(text string) (ok bool, place string) {
	if len(text) > maxRead {
		return false, ""
	}
	words := coreOrAll(Words(text))
	if len(words) == 0 || len(words) > maxIntentWords || negated(words) {
		return false, ""
	}
	change, thing, move := false, false, -1
	for i, w := range words {
		switch {
		case notChange[w] && !(w == "tempat" && i+1 < len(words) && words[i+1] == "tinggal"):
			// "pindah tempat tinggal" is moving house.
			return false, ""
		case changeVerbs[w]:
			change = true
			thing = thing || i+1 < len(words) && changeNouns[words[i+1]]
		case changeNouns[w] && i+1 < len(words) && selfWords[words[i+1]]:
			thing = true
		case moveVerbs[w] && move < 0:
			move = i
		}
	}
	asked := change && thing
	if move < 0 {
		return asked, ""
	}
	if !asked && !movedSelf(words, move) {
		// "pak rt sudah pindah": not the person moving.
		return false, ""
	}
	// The place: the words after the move verb and "ke"/"ka".
	orig := strings.Fields(text)
	for i, o := range orig {
		if ws := Words(o); len(ws) == 1 && moveVerbs[ws[0]] {
			rest := orig[i+1:]
			for len(rest) > 0 && (moveTo[strings.ToLower(strings.Trim(rest[0], ",.:;!?"))] ||
				moveWhat[strings.ToLower(strings.Trim(rest[0], ",.:;!?"))]) {
				rest = rest[1:]
			}
			return true, strings.TrimSpace(strings.Trim(strings.Join(rest, " "), ",.:;!?- "))
		}
	}
	return true, ""
}

// movedSelf tells whether the person stands within two words before the
// move verb at words[move] ("saya pindah", "abdi tos ngalih"), not as
// another's owner ("rt saya sudah pindah", "tetangga kula pindhah").
func movedSelf(words []string, move int) bool {
	for i := max(0, move-2); i < move; i++ {
		if selfWords[words[i]] && (i == 0 || !othersOwn[words[i-1]]) {
			return true
		}
	}
	return false
}

// othersOwn are other people a selfWord may own ("rt saya", "tetangga
// kula", "anak abdi").
var othersOwn = set("rt", "rw", "tetangga", "tonggo", "tatangga", "teman", "kawan", "rekan", "anak", "adik", "adek",
	"putra", "putri", "orang", "warga", "kades", "lurah", "dukuh", "kadus", "kader", "kpmd", "pengurus")

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

// union is the words of all the sets.
func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range sets {
		for w := range m {
			out[w] = true
		}
	}
	return out
}

// ChangeVerbFirst tells whether a short text opens with a change verb
// ("ubah tempate", "ganti jame"): the caller reads what it names.
func ChangeVerbFirst(text string) bool {
	words := Words(text)
	return len(words) > 0 && len(words) <= 4 && (changeVerbs[words[0]] || changePhrases[words[0]])
}

// meetingMoveWords move a meeting: "rapat R-… pindah sabtu jam 8",
// "diundur", "dimajukan", "geser".
var meetingMoveWords = set("pindah", "pindahkan", "dipindah", "dipindahkan", "pindhah", "ngalih", "dialihkeun", "ngalihkeun",
	"undur", "diundur", "mundur", "majukan", "dimajukan", "geser", "digeser")

// MoveMeeting tells whether text asks to move the meeting it names by
// code: a move word after the code ("R-F7XM6X pindah sabtu jam 8 bengi").
func MoveMeeting(text string) bool {
	return AfterMove(text) != "" || endsWithMove(text)
}

func endsWithMove(text string) bool {
	w := Words(text)
	return len(w) > 0 && meetingMoveWords[w[len(w)-1]]
}

// AfterMove is what follows the first move word of text ("sabtu jam 8
// bengi"), in the person's spelling; "" when none.
func AfterMove(text string) string {
	fields := strings.Fields(text)
	for i, f := range fields {
		if ws := Words(f); len(ws) == 1 && meetingMoveWords[ws[0]] {
			rest := fields[i+1:]
			for len(rest) > 0 && moveTo[strings.ToLower(strings.Trim(rest[0], ",.:;!?"))] {
				rest = rest[1:] // "pindah ke sabtu"
			}
			return strings.TrimSpace(strings.Join(rest, " "))
		}
	}
	return ""
}
