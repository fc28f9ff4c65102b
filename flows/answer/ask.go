package answer

import "strings"

// Questions and requests about one's own records, in a sentence: found by
// Ask when no step waits for an answer.
const (
	GagasanStatus Kind = 100 + iota // "usul kula wau pripun?", "kumaha usulan abdi?"
	Withdraw                        // "abdi hoyong narik usulan", "mau tarik usulan saya"
	Attend                          // "nggih insyaallah kula rawuh", "saya hadir"
	Decline                         // "mboten saged rawuh", "tidak bisa datang"
	Schedule                        // "kapan rapatipun?", "wonten rapat menapa?"
	MyData                          // "data kula menapa mawon", "data abdi naon wae"
	AttendHow                       // "menawi kula mboten saged rawuh pripun?": no answer, a question
)

var (
	ideaWords    = set("usul", "usulan", "gagasan", "ide", "usulanipun", "gagasanipun", "usulna", "gagasanana", "usulku", "usulanku", "gagasanku", "usule", "usulane", "usulipun", "usulanana")
	ownWords     = set("saya", "kula", "abdi", "kami", "ku", "kulo", "aku", "tadi", "wau", "kemarin", "wingi", "kamari", "mau", "usulku", "usulanku", "gagasanku")
	askWords     = set("bagaimana", "apa", "mana", "pundi", "sudah", "dipuntampi", "diterima", "ditampi", "kabare", "kabarnya", "status", "statusnya", "naon", "kapan", "iraha", "menapa", "napa", "opo", "sampai", "nasib", "nasibnya")
	withdrawVerb = set("tarik", "narik", "menarik", "tarikan", "cabut", "mencabut", "batalkan", "batalin", "hapus", "hapuskan", "busak", "mbusak", "tarik kembali", "urungkan", "wurungaken")
	// attendWords name coming to a meeting; "insyaallah" or "ikut" alone
	// ("saya ikut senang") is no answer to an invitation.
	attendWords  = set("hadir", "datang", "dateng", "dtg", "rawuh", "dhateng", "teko", "teka", "sumping", "dongkap")
	meetingWords = set("rapat", "rapatipun", "rapatnya", "rapate", "musyawarah", "pertemuan", "kumpulan", "rapatna", "musdus", "musdes", "undangan", "jadwal")
	dataWords    = set("data", "datanya", "datane", "datana")
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
	case has(ideaWords) && has(withdrawVerb):
		return Withdraw
	case has(ideaWords) && has(ownWords) && question:
		return GagasanStatus
	case has(dataWords) && has(ownWords) && (question || len(words) <= 3):
		return MyData
	case has(meetingWords) && question && !has(attendWords):
		return Schedule
	case has(attendWords) && (strings.HasSuffix(strings.TrimSpace(text), "?") || has(askHowWords)):
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
