package answer

import "strings"

// baWords may stand around a meeting's code in a message that sends the
// photo of its signed berita acara: "foto BA R-…", "kirim foto berita acara
// rapat R-…", "niki potret BA R-…", "ieu poto berita acara R-…".
var baWords = set("foto", "fotonya", "fotone", "poto", "potona", "potone", "potret", "gambar", "gambare", "gambarna",
	"rapat", "untuk", "buat", "kanggo", "pikeun", "dari", "saking", "ti", "ini", "niki", "punika", "ieu", "iki",
	"sudah", "sampun", "atos", "tos", "yang", "ingkang", "anu", "ditandatangani", "ditandatangan", "tanda", "tangan",
	"tandatangan", "ditapak", "asma", "dan", "lan", "sareng", "musyawarah", "musdus", "musdes", "mkp", "mad")

// BAPhoto reads a short message that sends (or announces) the photo of a
// meeting's signed paper berita acara: "foto BA R-7KM4XA", "foto berita
// acara R-7KM4XA", "kirim potret BA rapat R-7KM4XA", "ieu poto berita acara
// R-7KM4XA". It needs "BA" or "berita acara" and one meeting code (or,
// without a code, a word for a photo: "foto BA" is asked for its code);
// every other word is one of a request, a filler or baWords. It returns
// the code, upper case, or "".
func BAPhoto(text string) (string, bool) {
	code, rest, one := oneCode(text, "R-")
	words := Words(strings.Join(rest, " "))
	if !one || len(words) > 12 {
		return "", false
	}
	named, photo := false, false
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case photoWords[w]:
			photo = true
		case w == "ba" || w == "b" && i+1 < len(words) && words[i+1] == "a":
			named = true
			if w == "b" {
				i++ // "B.A."
			}
		case w == "berita" && i+1 < len(words) && (words[i+1] == "acara" || words[i+1] == "acarane" || words[i+1] == "acarana" || words[i+1] == "acaranya"):
			named = true
			i++
		case baWords[w] || requestWords[w] || fillers[w] || polite[w]:
		default:
			return "", false
		}
	}
	// Without a code, "foto BA" still asks for it; "BA" alone does not.
	if !named || code == "" && !photo {
		return "", false
	}
	return code, true
}

// photoWords name a photo.
var photoWords = set("foto", "fotonya", "fotone", "poto", "potona", "potone", "potret", "gambar", "gambare", "gambarna")

// NamesBA tells whether text (a photo's caption) names a berita acara
// without a meeting's code: "iki foto berita acara musdus kejambon wingi",
// "BA rapat kemarin".
func NamesBA(text string) bool {
	words := Words(text)
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case w == "ba", w == "b" && next == "a":
			return true
		case w == "berita" && (next == "acara" || next == "acarane" || next == "acarana" || next == "acaranya"):
			return true
		}
	}
	return false
}
