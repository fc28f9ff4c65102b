package answer

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
)

// Questions and requests about one's own records, in a sentence: found by
// Ask when no step waits for an answer.
const (
	GagasanStatus  Kind = 100 + iota // "usul kula wau pripun?", "kumaha usulan abdi?"
	Withdraw                         // "abdi hoyong narik usulan", "mau tarik usulan saya"
	Attend                           // "nggih insyaallah kula rawuh", "saya hadir"
	Decline                          // "mboten saged rawuh", "tidak bisa datang"
	Schedule                         // "kapan rapatipun?", "wonten rapat menapa?"
	MyData                           // "data kula menapa mawon", "data abdi naon wae"
	AttendHow                        // "menawi kula mboten saged rawuh pripun?": no answer, a question
	InviteHow                        // "carane piye nek arep ngundang warga kejambon musdus": how to invite
	MeetingReplies                   // "sopo wae sing wis bales undangan musdus?": who answered an invitation
	GagasanMeeting                   // "usul kula dirembag kapan?": when one's gagasan is discussed
)

var (
	// inviteVerbs invite: "carane ngundang warga", "gimana cara mengundang".
	inviteVerbs = set("undang", "ngundang", "mengundang", "ngundhang", "ngulemi", "ulemi", "ngondang", "ngaondang", "ngundangan")
	// replyVerbs answer a message: "sing wis bales undangan".
	replyVerbs = set("bales", "balas", "membalas", "mbales", "dibales", "dibalas", "jawab", "menjawab", "njawab", "dijawab",
		"wangsul", "mangsuli", "wangsuli", "ngawaler", "waler", "respon", "konfirmasi")
)

var (
	ideaWords    = set("usul", "usulan", "gagasan", "ide", "usulanipun", "gagasanipun", "usulna", "gagasanana", "usulku", "usulanku", "gagasanku", "usule", "usulane", "usulipun", "usulanana")
	ownWords     = set("saya", "kula", "abdi", "kami", "ku", "kulo", "aku", "tadi", "wau", "kemarin", "wingi", "kamari", "mau", "usulku", "usulanku", "gagasanku")
	askWords     = set("bagaimana", "apa", "mana", "pundi", "sudah", "dipuntampi", "diterima", "ditampi", "kabare", "kabarnya", "status", "statusnya", "naon", "kapan", "iraha", "menapa", "napa", "opo", "sampai", "nasib", "nasibnya")
	withdrawVerb = set("tarik", "narik", "menarik", "tarikan", "cabut", "mencabut", "batalkan", "batalin", "hapus", "hapuskan", "busak", "mbusak", "tarik kembali", "urungkan", "wurungaken",
		"dibatalke", "dibatalaken", "dibatalkan", "dibatalkeun", "batalke", "dibusak", "dihapus", "busaken", "hapusen", "dicabut", "ditarik", "dipunbusak")
	// attendWords name coming to a meeting; "insyaallah" or "ikut" alone
	// ("saya ikut senang") is no answer to an invitation.
	attendWords  = set("hadir", "datang", "dateng", "dtg", "rawuh", "dhateng", "teko", "teka", "sumping", "dongkap")
	meetingWords = set("rapat", "rapatipun", "rapatnya", "rapate", "musyawarah", "pertemuan", "kumpulan", "rapatna", "musdus", "musdes", "undangan", "jadwal")
	dataWords    = set("data", "datanya", "datane", "datana")
	whenWords    = set("kapan", "iraha", "kapankah", "bilamana")
	// askHowWords ask how or why: a sentence with one is a question.
	askHowWords = set("pripun", "kepripun", "piye", "kepiye", "gimana", "gmn", "bagaimana", "kumaha", "kenapa", "napa", "naha", "mengapa", "kok", "pripundi")
)

// Ask finds a question or request about the person's own records in a
// short sentence; None when there is none.
func Ask(text string) Kind {
	words := coreOrAll(Words(text))
	if len(words) == 0 || len(words) > maxIntentWords {
		return None
	}
	has := func(s map[string]bool) bool {
		for _, w := range words {
			if s[w] {
				return true
			}
		}
		return false
	}
	question := strings.HasSuffix(strings.TrimSpace(text), "?") || has(askWords)
	neg := has(negations) || has(set("berhalangan", "halangan", "absen", "izin", "ijin", "alangan", "pamit", "gak", "nggak", "ga", "ngga", "tdk", "ndak", "gk"))
	switch {
	case has(ideaWords) && has(withdrawVerb), DeleteSent(text):
		return Withdraw
	case has(ideaWords) && has(whenWords) && question:
		// When her idea is discussed: the meeting of its stage.
		return GagasanMeeting
	case has(ideaWords) && has(ownWords) && question:
		return GagasanStatus
	case has(dataWords) && has(ownWords) && (question || len(words) <= 3):
		return MyData
	case has(inviteVerbs) && (has(askHowWords) || has(howWords)):
		return InviteHow
	case has(whoWords) && has(replyVerbs) && (has(meetingWords) || has(inviteVerbs)):
		return MeetingReplies
	case has(meetingWords) && question && !has(attendWords):
		return Schedule
	case (has(attendWords) || has(lateWords)) && (strings.HasSuffix(strings.TrimSpace(text), "?") || has(askHowWords)):
		// "what if I can't come?" asks about the answers; it is none.
		return AttendHow
	case has(attendWords) && neg && len(words) <= 8:
		return Decline
	case has(attendWords) && !question && len(words) <= 8:
		return Attend
	}
	return None
}

// WithdrawCode reads a short message that asks to withdraw the gagasan
// it names by code, with words around it ("waduh salah, tarik aja
// G-7KM4XA", "tolong cabut G-7KM4XA"): the code, upper case.
func WithdrawCode(text string) (string, bool) {
	words := coreOrAll(Words(text))
	if len(words) == 0 || len(words) > 8 {
		return "", false
	}
	verb := false
	for _, w := range words {
		if withdrawVerb[w] {
			verb = true
		}
	}
	if !verb {
		return "", false
	}
	code, _, ok := oneCode(text, "G-")
	return code, ok && code != ""
}

// oneCode finds the one record code of a kind (its prefix, "G-") in text,
// upper case, with the words that are not it; false when text names two
// different ones (which one is meant is not clear).
func oneCode(text, prefix string) (code string, rest []string, ok bool) {
	for _, f := range strings.Fields(text) {
		c := strings.ToUpper(strings.Trim(f, ".,!?:;()\"'"))
		if len(c) <= len(prefix) || !strings.HasPrefix(c, prefix) {
			rest = append(rest, f)
			continue
		}
		if code != "" && code != c {
			return "", nil, false
		}
		code = c
	}
	return code, rest, true
}

var (
	// canWords say one is able to; with a negation before them they
	// decline ("mboten saged", "ora iso", "teu tiasa"), and they attend
	// only before a verb of coming ("kula saged rawuh").
	canWords = set("saged", "saget", "bisa", "bs", "iso", "isa", "biso", "tiasa", "tiyasa", "sanggup", "kenging", "dapat", "sempat", "sempet")
	// helperWords stand between a negation and its verb ("tidak akan hadir").
	helperWords = set("akan", "bakal", "badhe", "bade", "ajeng", "arep", "mau", "jadi", "sido", "siyos", "ada", "wonten", "onten", "enten", "aya")
	// excuseWords decline by themselves when no verb of coming is said.
	excuseWords = set("halangan", "berhalangan", "alangan", "kalangan", "absen", "izin", "ijin", "udzur", "uzur")
	// rsvpNegations deny the verb after them, in the three languages and
	// in chat spelling.
	rsvpNegations = union(negations, set("gak", "nggak", "ga", "ngga", "enggak", "tdk", "ndak", "gk", "teu", "ra", "boten", "mboten", "dak"))
	// comeWords are the verbs of coming to a meeting for MeetingAnswer:
	// attendWords and the forms a sentence around a code uses.
	comeWords = union(attendWords, set("dugi", "hadiri", "menghadiri", "rawuhi", "sowan", "mangkat", "budal", "angkat"))
)

// maxAnswerWords bounds the sentence MeetingAnswer reads: an answer with
// its reason ("putu kula sakit") is short; a longer text is something else.
const maxAnswerWords = 30

// MeetingAnswer reads an answer to a meeting's invitation anywhere in a
// sentence that carries the meeting's code: "wah kula mboten saged rawuh
// R-…, putu kula sakit" (Decline), "kula saged rawuh R-…, putu kula
// sampun sehat" (Attend), "nyuwun sewu mboten saged R-…, wonten
// layatan" (Decline). The first verb of coming decides, declined when a
// negation stands just before it (or before "saged" ahead of it);
// without a verb, a negated "saged" or an excuse ("halangan") declines.
// A question ("R-… hadir jam pinten?") is no answer: None.
func MeetingAnswer(text string) Kind {
	var words []string
	for _, f := range strings.Fields(text) {
		if !strings.HasPrefix(strings.ToUpper(strings.Trim(f, ".,!?:;()\"'")), "R-") {
			words = append(words, Words(f)...)
		}
	}
	if len(words) == 0 || len(words) > maxAnswerWords || strings.HasSuffix(strings.TrimSpace(text), "?") {
		return None
	}
	// negatedAt: a negation just before word i, over at most two
	// helpers ("mboten saged rawuh", "ora bakal iso teko").
	negatedAt := func(i int) bool {
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			switch w := words[j]; {
			case rsvpNegations[w]:
				return true
			case !canWords[w] && !helperWords[w]:
				return false
			}
		}
		return false
	}
	for _, w := range words {
		if askHowWords[w] {
			return None
		}
	}
	excuse := None
	for i, w := range words {
		switch {
		case comeWords[w]:
			if negatedAt(i) {
				return Decline
			}
			return Attend
		case canWords[w] && negatedAt(i) && excuse == None:
			excuse = Decline // "mboten saged R-…": unless a verb says more
		case excuseWords[w] && excuse == None:
			excuse = Decline
			if negatedAt(i) { // "mboten wonten alangan": coming
				excuse = Attend
			}
		}
	}
	return excuse
}

// rsvpFiller are the words around a short answer without a code:
// courtesy, persons, "insyaallah".
var rsvpFiller = set("nggih", "inggih", "iya", "ya", "insyaallah", "insya", "allah", "inshaallah", "nyuwun", "sewu", "ngapunten", "maaf",
	"mohon", "punten", "sepurane", "pak", "bu", "bapak", "ibu", "mas", "mbak", "kula", "saya", "abdi", "aku", "kulo", "sumuhun", "muhun",
	"amin", "aamiin", "mawon", "saja", "wae", "dulu", "rumiyin", "heula",
	// "in syaa Allah", "inshaa allah", "insya'allah", "InsyaAllah": how it is typed
	"in", "sya", "syaa", "insya", "insyaa", "insha", "inshaa", "insyallah", "insaallah", "inshallah", "insyaalloh", "alloh", "siap")

// BareAnswer reads a short answer to an invitation without a code and
// with nothing else in it ("mboten saged", "nggih insyaallah hadir",
// "punten teu tiasa sumping"): MeetingAnswer's reading when every word
// is its own or courtesy; None for "mboten saged mbukak file".
func BareAnswer(text string) Kind {
	for _, w := range Words(text) {
		if !rsvpFiller[w] && !rsvpNegations[w] && !canWords[w] && !comeWords[w] && !helperWords[w] && !excuseWords[w] {
			return None
		}
	}
	return MeetingAnswer(text)
}

// MeetingTypeWords are the meeting types a text names by their everyday
// words ("musdus", "rapat dusun", "musdes", "mkp"); none when it names
// none.
func MeetingTypeWords(text string) []domain.MeetingType {
	var out []domain.MeetingType
	for _, w := range Words(text) {
		switch {
		case w == "musdus" || dusunWords[w]:
			out = append(out, domain.MeetingMusdus)
		case w == "mkp" || w == "perempuan":
			out = append(out, domain.MeetingMKP)
		case w == "musdes":
			out = append(out, domain.MeetingMusdesSosialisasi, domain.MeetingMusdesPerencanaan, domain.MeetingMusdesInformasi)
		case w == "mad":
			out = append(out, domain.MeetingMADSosialisasi, domain.MeetingMADPrioritas, domain.MeetingMADPenetapan)
		}
	}
	return out
}
