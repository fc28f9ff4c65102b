package answer

// thanksWords carry thanks in the three languages (after Words: "trims",
// "tq", "mksh" and "maturnuwun" are spelled out); a message of thanks holds
// one of them.
var thanksWords = set("makasih", "kasih", "nuwun", "suwun", "nuhun")

// thanksWith may stand with thanks and change nothing: "terima kasih
// banyak ya pak", "matur sembah nuwun sanget", "hatur nuhun pisan kang",
// "makasih infonya".
var thanksWith = set("terima", "matur", "hatur", "sembah", "banyak", "sangat", "sekali", "sanget", "pisan", "kasih",
	"atas", "infonya", "informasinya", "infone", "infona", "bantuannya", "bantuanipun", "jawabannya", "semuanya",
	"ya", "iya", "inggih", "sumuhun", "mangga", "nya", "kula", "saya", "abdi", "nggih", "njih", "injih")

// thanksAcks open a message of thanks as an answer might: "ok makasih",
// "ya terima kasih", "nggih matur nuwun", "siap, nuhun".
var thanksAcks = set("ok", "ya", "iya", "inggih", "sumuhun", "siap", "baik", "oh", "oalah", "wah", "sudah", "wis", "atos")

// Thanked tells whether text is only thanks ("matur nuwun", "maturnuwun",
// "suwun", "hatur nuhun", "makasih", "trims", "tq", "terima kasih ya pak"):
// thanks is true when every word is thanks, its company or a form of
// address, and one of them thanks. ack tells that it opens with a word a
// question may take as its answer ("oke makasih", "ya terima kasih",
// "nggih matur nuwun"): where a step waits for a yes, the step reads it.
func Thanked(text string) (thanks, ack bool) {
	ws := core(Words(text))
	if len(ws) == 0 {
		return false, false
	}
	for i, w := range ws {
		switch {
		case w == "nuwun" && i > 0 && ws[i-1] == "kula":
			// "kula nuwun": asking leave to come in, a greeting.
			return false, false
		case thanksWords[w]:
			thanks = true
		case i == 0 && thanksAcks[w]:
			ack = true
		case thanksWith[w], fillers[w]:
		default:
			return false, false
		}
	}
	return thanks, thanks && ack
}
