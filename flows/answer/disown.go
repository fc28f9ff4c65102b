package answer

// Disown tells whether text says that the message just saved as a
// gagasan was none, or a mistake: "lho dudu, iku dudu usulan. batalke",
// "bukan usulan", "sanes usulan", "salah", "batalke". Read only right
// after a gagasan was saved from one message, where such words are never
// more of it.
func Disown(text string) bool {
	if Cancel(text) {
		return true
	}
	w := Words(text)
	for i := 0; i+1 < len(w); i++ {
		if notWords[w[i]] && ideaWords[w[i+1]] {
			return true // "dudu usulan", "bukan gagasan", "sanes usul" (ideaWords: ask.go)
		}
	}
	if len(w) > 4 {
		return false // "eh salah, lokasine neng RT 03 cedak masjid" corrects it
	}
	for _, x := range w {
		if mistakeWords[x] || undoWords[x] {
			return true // "lho salah", "wah keliru batalke"
		}
	}
	return false
}

// mistakeWords say "wrong" in id, jv and su (wrongWords, place.go, deny a place).
var mistakeWords = set("salah", "keliru", "lepat", "klentu")

// notWords say "is not" in id, jv and su.
var notWords = set("bukan", "bkn", "dudu", "sanes", "lain", "ukan")

// undoWords undo what was just done.
var undoWords = set("batal", "batalke", "batalkan", "batalno", "batalaken", "bolay", "bolaykeun", "wurung", "wurungke", "hapus", "hapusen", "busak", "cabut")
