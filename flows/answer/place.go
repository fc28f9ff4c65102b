package answer

import "strings"

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
)

// PlaceName is the name of a place in an answer to "which desa?": the
// words after "saya dari desa", "kula saking", "abdi ti desa" and the like,
// without a closing "nggih" or "pak". It is "" when the answer names
// nothing. The name keeps its own words ("sido mulyo kec godean").
func PlaceName(text string) string {
	words := core(Words(text))
	for len(words) > 0 && placeIntro[words[0]] {
		words = words[1:]
	}
	for len(words) > 0 && (polite[words[len(words)-1]] || pointers[words[len(words)-1]]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
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
