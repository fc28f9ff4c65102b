package answer

import "strings"

// The questions and answers a resident writes when no step waits for
// one: a meeting declined without a verb of coming, what a message costs,
// how to join a WhatsApp group, a gagasan to delete in words.

// reasonWords are a reason not to come ("wonten pasar", "ada acara",
// "aya kaperluan", "kula sakit"); reasonLeads open one: such a word, or a
// lead that says nothing alone ("wonten", "ada", "kula", "hari", "karena")
// and needs a reason word after it — "gak bisa, ada yang salah", "tidak bisa
// saya baca", "ga bisa jam segini sinyal jelek" tell what cannot be done,
// not that a meeting is declined.
var (
	reasonWords = set("acara", "kaperluan", "keperluan", "perlu", "sibuk", "repot", "sakit", "gerah", "kerja", "nyambut",
		"makarya", "damel", "pasar", "dagang", "kesah", "tindak", "pergi", "lunga", "mios", "angkat", "indit", "alesan",
		"alasan", "halangan", "berhalangan", "alangan", "kalangan", "izin", "ijin", "pamit")
	weakLeads = set("wonten", "onten", "enten", "ana", "ono", "ada", "aya", "saweg", "nembe", "lagi", "lagek", "keur",
		"nuju", "soalnya", "karena", "sebab", "amargi", "margi", "mergo", "merga", "jalaran", "sabab", "kusabab", "nyuwun",
		"mangke", "nanti", "engke", "mengko", "dinten", "hari", "poe", "dina", "jam", "kula", "saya", "abdi", "aku", "kulo",
		"ngapunten", "maaf", "punten")
	reasonLeads = union(reasonWords, weakLeads)
)

// CantCome reads a short "can't" that declines a meeting without naming
// coming ("mboten saged, wonten pasar", "eh mboten sida, mboten saged,
// wonten pasar", "gak bisa pak ada acara", "teu tiasa, aya kaperluan"):
// the caller takes it as TIDAK only when an invitation is open and no step
// waits for an answer. A question is none.
func CantCome(text string) bool {
	if strings.Contains(text, "?") {
		return false
	}
	words := core(Words(text))
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		if askHowWords[w] || comeWords[w] {
			return false // a question, or a verb of coming (Ask reads it)
		}
	}
	// What opens it: courtesy, a slip, "mboten sida" (plans changed).
	for len(words) > 0 {
		if n := openerAt(words); n > 0 {
			words = words[n:]
			continue
		}
		if slipWords[words[0]] || rsvpFiller[words[0]] {
			words = words[1:]
			continue
		}
		if n := cancelAt(words); n > 0 {
			words = words[n:]
			continue
		}
		break
	}
	// A negation, helpers, then "can".
	i := 0
	if i >= len(words) || !rsvpNegations[words[i]] {
		return false
	}
	for i++; i < len(words) && helperWords[words[i]] && !canWords[words[i]]; i++ {
	}
	if i >= len(words) || !canWords[words[i]] {
		return false
	}
	i++
	if i == len(words) {
		return true // "mboten saged" alone
	}
	if !reasonLeads[words[i]] && !excuseWords[words[i]] {
		return false
	}
	for _, w := range words[i:] {
		if reasonWords[w] || excuseWords[w] {
			return true
		}
	}
	return false
}

// cancelAt returns how many of words (from the start) a cancel phrase
// takes ("mboten sida", "gak jadi"); 0 when none.
func cancelAt(words []string) int {
	for n := min(3, len(words)); n >= 1; n-- {
		if cancelPhrases[strings.Join(words[:n], " ")] {
			return n
		}
	}
	return 0
}

var (
	// costWords name paying for messages.
	costWords = set("gratis", "gratisan", "bayar", "mbayar", "bayare", "bayarna", "mayar", "dibayar", "bayaran", "berbayar",
		"biaya", "biayane", "biayanya", "ongkos", "ongkose", "tarif", "tarifnya", "pulsa", "pulsane", "pulsanya", "pulsana",
		"kepotong", "kapotong", "dipotong", "motong", "kesedot", "kesedhot", "nyedot", "ngirangan", "ngurangi", "berkurang",
		"suda", "mbayari", "ngabayar", "dibayar", "bea", "beya", "prei", "perei", "free")
	// costQuestion are the words of a yes-no question ("… mboten?",
	// "… gak?", "… teu?", "apa …").
	costQuestion = set("tidak", "mboten", "ora", "henteu", "apa", "apakah", "napa", "nopo", "menapa", "punapa", "naon",
		"po", "ta", "kah", "opo", "bagaimana", "berapa", "pinten", "sabaraha", "piro", "atau", "utawi", "atanapi")
)

// AsksCost tells whether text asks what the service costs ("niki gratis
// mboten?", "sms niki mbayar mboten? pulsa kula kepotong?", "bayar
// gak?", "gratis teu?").
//
// An idea that names money is no such question ("usul jalan ke pasar
// diperbaiki, warga tidak mau bayar", "bantuan biaya sekolah anak yatim,
// apa bisa?"): a message with an idea's word, or longer than four words
// without a word for the message or the service, is left to the readers
// of ideas.
func AsksCost(text string) bool {
	words := Words(text)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	cost, question, service := false, strings.Contains(text, "?"), len(words) <= 4
	for _, w := range words {
		if ideaWords[w] {
			return false
		}
		cost = cost || costWords[w]
		question = question || costQuestion[w]
		service = service || serviceWords[w]
	}
	return cost && question && service
}

// serviceWords name the message or the service a cost question is about
// ("sms niki mbayar mboten?", "wa ini gratis?").
var serviceWords = set("sms", "pesan", "pesen", "pesenipun", "niki", "iki", "ini", "ieu", "menika", "punika", "layanan",
	"wa", "whatsapp", "kirim", "ngirim", "ngintun", "kintun", "balas", "bales", "mbales", "wangsul", "waler", "nomer",
	"nomor", "suara", "daftar", "ndaftar", "ngadaptar", "aplikasi", "pulsa", "pulsane", "pulsanya", "pulsana", "kuota")

var (
	// anyGroupWords name a (WhatsApp) group: groupWords and spellings.
	anyGroupWords = union(groupWords, set("grop", "groub", "grupna", "grupnya", "grupipun", "wag"))
	// enterWords ask to be in one.
	enterWords = set("mlebet", "mlebu", "melbu", "lebet", "masuk", "masukin", "dimasukkan", "dimasukin", "gabung",
		"bergabung", "join", "ikut", "melu", "tumut", "ngiring", "asup", "diasupkeun", "ngiringan", "dilebetaken",
		"dilebetke", "dilebokke", "ditambahkan", "tambahkan", "add", "diadd", "dilebetkeun", "anggota", "member")
)

// AsksJoinGroup tells whether text asks how to join a WhatsApp group
// ("kula pengin mlebet grup wa rt 03, pripun carane?", "cara masuk grup wa
// desa").
func AsksJoinGroup(text string) bool {
	words := Words(text)
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	group, join, asks := false, false, strings.Contains(text, "?")
	for _, w := range words {
		if ideaWords[w] {
			return false // "usul dibuat grup wa supaya warga bisa gabung"
		}
		group = group || anyGroupWords[w]
		join = join || enterWords[w]
		asks = asks || askHowWords[w] || wishWords[w]
	}
	return group && join && asks
}

// wishWords ask for something or how to do it ("kula pengin mlebet grup",
// "cara masuk grup wa desa").
var wishWords = set("cara", "carane", "caranya", "carana", "pengin", "pengen", "kepengin", "ingin", "mau", "badhe",
	"hoyong", "palay", "bade", "arep", "minta", "nyuwun", "tolong", "mohon", "bisa", "saged", "tiasa", "iso", "isa")

// deleteWords delete or cancel a thing just sent ("dibusak mawon",
// "dibatalke", "hapus").
var deleteWords = union(deleteVerbs, set("dibatalke", "dibatalaken", "dibatalkan", "dibatalkeun", "batalke", "batalaken",
	"hapusen", "busaken", "dicabut", "ditarik", "dipunbatalaken"))

// thingWords point at what was just sent ("niku dibusak mawon").
var thingWords = set("niku", "niki", "iku", "iki", "itu", "ini", "eta", "ieu", "menika", "punika", "puniku", "sing",
	"ingkang", "yang", "nu", "ingkang", "wau", "tadi", "mau", "kala", "ajeng", "kiriman", "pesen", "pesan")

// DeleteSent tells whether text asks, in a first sentence of few words,
// to delete what was sent, without naming one's data ("dibusak mawon",
// "niku dibusak mawon, kula mboten sida ngintun kalih"); a number in it
// names an item of a list instead (see DeletePick).
func DeleteSent(text string) bool {
	first := firstClause(text)
	words := skipOpeners(core(Words(first)))
	if len(words) == 0 || len(words) > 4 || hasDigit(first) {
		return false
	}
	verb := false
	for _, w := range words {
		switch {
		case deleteWords[w]:
			verb = true
		case !thingWords[w] && !pronouns[w]:
			return false
		}
	}
	return verb
}

// DeletePick reads "sing nomer 1 dibusak mawon", "hapus yang 2" after a
// list: the number picked to delete, or false.
func DeletePick(text string) (int, bool) {
	words := core(Words(text))
	if len(words) == 0 || len(words) > 8 {
		return 0, false
	}
	verb := false
	for _, w := range words {
		verb = verb || deleteWords[w] || withdrawVerb[w]
	}
	ns := Numbers(text)
	if !verb || len(ns) != 1 {
		return 0, false
	}
	return ns[0], true
}

// firstClause is text up to its first ".", ",", "!", "?" or ";".
func firstClause(text string) string {
	if i := strings.IndexAny(text, ".,!?;\n"); i > 0 {
		return text[:i]
	}
	return text
}

// lateWords tell of coming late ("menawi kula telat pripun").
var lateWords = set("telat", "terlambat", "kasep", "kesiangan", "kawengen", "kelambatan", "ketinggalan", "kaliwat", "nelat")
