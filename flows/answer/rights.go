package answer

import (
	"strings"
	"unicode"
)

// The rights of a resident said in a sentence rather than a keyword:
// deleting their data, not being sent messages, how to stop them, and who
// sees their data.

// ownData say the data is the person's own ("data kula", "datane").
var ownData = set("saya", "kula", "abdi", "kulo", "aku", "ku", "dataku", "datane", "datanya", "datana", "kami")

// isData tells whether w names data.
func isData(w string) bool { return dataWords[w] || w == "dataku" }

// deleteSentence tells whether words ask to delete the person's own data:
// "data kula dibusak mawon sedaya", "abdi hoyong data abdi dipupus",
// "hapus semua data saya"; not "jangan hapus data saya" or a deletion
// asked for others ("data penerima BLT dihapus").
func deleteSentence(words []string) bool {
	verb, data, own := -1, false, false
	for i, w := range words {
		switch {
		case deleteVerbs[w] && verb < 0:
			verb = i
		case isData(w):
			data = true
		}
		own = own || ownData[w]
	}
	if verb < 0 || !data || !own {
		return false
	}
	// A no anywhere ("hapus foto saya, data lainnya jangan"), or a story or
	// question about a deletion ("data bansos saya sudah dihapus desa?",
	// "nama saya dihapus dari data penerima") is no wish to delete.
	for _, w := range words {
		if denial(w) || notAWish[w] {
			return false
		}
	}
	return true
}

// notAWish are words that make a sentence about deleting a story or a
// question rather than a request.
var notAWish = set("sudah", "udah", "sdh", "apakah", "apa", "kenapa", "mengapa", "belum", "dari", "oleh",
	"sampun", "napa", "saking", // Basa Jawa
	"geus", "naha", "tina") // Basa Sunda

// denial tells whether w says no or don't in any of the three languages,
// the Javanese "ojo"/"aja" and the unwilling "emoh", "embung" included
// ("aja" is also the Indonesian "saja": read as a no, an answer is asked
// again rather than taken).
func denial(w string) bool { return negations[w] || prohibitives[w] || unwilling[w] || w == "aja" }

// firstSentence is text up to its first full stop, question or
// exclamation mark followed by a space, or "" when there is none.
func firstSentence(text string) string {
	for i, r := range text {
		if (r == '.' || r == '!' || r == '?') && i+1 < len(text) && unicode.IsSpace(rune(text[i+1])) {
			return text[:i]
		}
	}
	return ""
}

// within tells whether a word of b stands at most n words after position
// i in words.
func within(words []string, i, n int, b map[string]bool) bool {
	for j := i + 1; j < len(words) && j <= i+n; j++ {
		if b[words[j]] {
			return true
		}
	}
	return false
}

// refusesMessages tells whether words refuse messages: "saya tidak mau
// dikirimi pesan lagi", "kula mboten kersa dipunkintuni pesen malih", "abdi
// tos teu hoyong dikirimin pesen deui", "jangan kirimi sms lagi". What is
// refused must be named (a message, or "dikirimi … lagi"): "tidak mau
// dikirim dulu" at a gagasan's preview is about the gagasan.
func refusesMessages(words []string) bool {
	named := false
	for i, w := range words {
		named = named || messageWords[w] && !(w == "sms" && i > 0 && sendVerbs[words[i-1]])
	}
	again := false
	for _, w := range words {
		again = again || againWords[w]
	}
	for i := range words {
		// "tidak mau" / "mboten kersa" / "emoh", then the verb.
		n := 0
		switch {
		case i+1 < len(words) && unwilling[words[i]+" "+words[i+1]]:
			n = 2
		case unwilling[words[i]]:
			n = 1
		case prohibitives[words[i]]:
			n = 1
		default:
			continue
		}
		for j := i + n; j < len(words) && j <= i+n+1; j++ {
			v := words[j]
			if !sendVerbs[v] || v == "terima" && j+1 < len(words) && words[j+1] == "kasih" {
				continue
			}
			if named || again && strings.HasSuffix(v, "i") || again && strings.HasSuffix(v, "in") {
				return true
			}
		}
	}
	return false
}

// asksHowToStop tells whether words ask how not to get messages: "gimana
// caranya biar gak dikirim pesan?", "piye carane ben ora dikirimi pesen?",
// "kumaha carana eureun?".
func asksHowToStop(words []string) bool {
	how := false
	for _, w := range words {
		how = how || howWords[w]
	}
	if !how {
		return false
	}
	// What is not to be sent must be a message: "eta poto teu bisa
	// dikirim, kumaha?" asks how to send a photo, not how to stop.
	named := false
	for _, w := range words {
		named = named || messageWords[w]
	}
	for i, w := range words {
		// "cara berhenti", "carane mandheg", or stopping messages; not
		// "air sumur tidak keluar, bagaimana?" or "cara agar truk berhenti".
		if stopWords[w] && (named || i > 0 && howWords[words[i-1]]) {
			return true
		}
		if (negations[w] || prohibitives[w]) && named && !(i+1 < len(words) && abilityWords[words[i+1]]) &&
			within(words, i, 2, sendVerbs) {
			return true
		}
	}
	return false
}

// asksWhoSees tells whether words ask who sees the person's data: "siapa
// yang bisa lihat data saya?", "saha wae nu bisa ningali data abdi?",
// "saha nu bisa maca? pa kades bisa?", "privasi".
func asksWhoSees(words []string) bool {
	who, see, private, person := false, false, false, false
	for _, w := range words {
		who = who || whoWords[w]
		see = see || seeVerbs[w]
		private = private || privateWords[w]
		person = person || persons[w]
	}
	switch {
	case who && see && (private || person || len(words) <= 4):
		return true
	case person && see && private && strings.Contains(" "+strings.Join(words, " ")+" ", " data "):
		return true
	}
	c := strings.Join(dropFirst(core(words), pronouns), " ")
	for _, p := range privacyPhrases {
		if c == p {
			return true
		}
	}
	return false
}

// modal words ask whether someone can ("pa kades bisa?").
var modal = set("bisa", "saged", "tiasa", "boleh", "kenging", "iso", "dapat", "bisi", "oleh")

// AsksAboutSomeone reads a short question after the answer to who sees
// one's data: "pa kades bisa?", "pak dukuh?", "kalau tetangga?".
func AsksAboutSomeone(text string) bool {
	words := Words(text)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	person, ask := false, strings.HasSuffix(strings.TrimSpace(text), "?")
	for _, w := range words {
		if otherQuestions[w] {
			return false // "kapan rapat RT?" asks something else
		}
		// A form of address alone ("nggih pak, saged") names nobody.
		person = person || persons[w] && !addressForms[w]
		ask = ask || modal[w] || seeVerbs[w]
	}
	return person && ask
}

// otherQuestions ask when, where, how many or what: not who sees.
var otherQuestions = set("kapan", "bila", "dimana", "mana", "berapa", "apa", "kenapa", "iraha", "naon", "sabaraha",
	"naha", "pundi", "pinten", "menapa", "napa", "kados", "pripun")

// addressForms are how one addresses a person, not who they are.
var addressForms = set("bapak", "ibu", "pak", "bu", "pa", "ceu", "kang", "mas", "mbak")

// TitleOnly tells whether text answers HAPUS DATA's question "may what you
// wrote stay?" with "only the title" ("judule mawon", "judul saja",
// "judulna wae", "cukup judul", "tidak, judul saja") or "delete it all"
// ("hapus semua", "busak sedaya"), not denied ("jangan dihapus").
func TitleOnly(text string) bool {
	words := coreOrAll(Words(text))
	if len(words) > 8 {
		return false
	}
	denied := false
	for _, w := range Words(text) {
		switch {
		case titleWords[w]:
			return true
		case denial(w):
			denied = true
		case deleteVerbs[w] && !denied:
			return true
		}
	}
	return false
}

// HoldsNo tells whether text holds a no or a "don't" anywhere ("mboten,
// simpen mawon", "tidak apa-apa", "jangan dihapus").
func HoldsNo(text string) bool {
	for _, w := range Words(text) {
		if denial(w) {
			return true
		}
	}
	return false
}

// BareNo tells whether text is a no and nothing more ("mboten", "tidak",
// "henteu", "tidak boleh", "mboten nggih"): a no with more words ("tidak,
// jangan dihapus", "tidak apa-apa") may mean either answer.
func BareNo(text string) bool {
	return matchPhrase(dropFirst(coreOrAll(Words(text)), pronouns), noPhrases, polite)
}

// leadChoice reads a pick from the first clause of an answer that goes on
// with a reason: "tanpa asma mawon, ajrih kalih pak dukuh" picks "tanpa
// asma". Not when the rest takes it back ("tanpa nama, eh pakai nama") or
// picks another option.
func leadChoice(text string, opts []Option) (int, bool) {
	if len(text) > maxRead {
		return 0, false // an answer with a reason is short
	}
	cut := -1
	for i := 0; i+1 < len(text) && cut < 0; i++ {
		if strings.IndexByte(",;.", text[i]) >= 0 && text[i+1] == ' ' {
			cut = i
		}
	}
	if cut <= 0 || strings.TrimSpace(text[cut+1:]) == "" {
		return 0, false
	}
	lead, rest := text[:cut], text[cut+1:]
	i, ok := Choice(lead, opts)
	if !ok {
		return 0, false
	}
	for _, w := range Words(rest) {
		if corrections[w] {
			return 0, false
		}
	}
	if j, ok := Choice(rest, opts); ok && j != i {
		return 0, false
	}
	return i, true
}
