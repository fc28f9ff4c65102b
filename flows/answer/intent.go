package answer

import (
	"slices"
	"strings"
)

// Kind is a global intent: something a person may ask for at any step,
// in a sentence rather than a keyword.
type Kind int

// Global intents.
const (
	None            Kind = iota
	Delete               // "hapus data saya"
	Who                  // "siapa ini?", "ini bot?"
	ComplaintStatus      // "aduan saya gimana?"
	Complaint            // "saya mau mengadu soal jalan"
	CancelIntent         // "batal aja deh", "gak jadi"
	Help                 // "bingung", "caranya gimana"
	Menu                 // "menu utama"
	Stop                 // "jangan kirim lagi"
	Start                // "mulai lagi"
	StopHow              // "gimana caranya biar gak dikirim pesan?"
	Privacy              // "siapa yang bisa lihat data saya?"
)

// Found is an intent found in a message.
type Found struct {
	Kind Kind
	// Whole tells that the intent is the whole message (besides fillers):
	// only such a message leaves a step that takes free text.
	Whole bool
	// Rest is what followed the intent's words, in the person's own
	// spelling ("soal jalan di Kejambon"): the text of a complaint.
	Rest string
}

// maxIntentWords bounds the sentences searched for an intent: a long text
// is an answer (a gagasan's description), not a request.
const maxIntentWords = 12

// Intent finds the global intent of a message, if it has one.
func Intent(text string) Found {
	words := Words(text)
	// "nyuwun sewu, …", "sugeng enjing bu, …": what opens the message
	// asks for nothing.
	c := skipOpeners(coreOrAll(words))
	if len(c) == 0 {
		return Found{}
	}
	if len(c) > maxIntentWords {
		// "data kula dibusak mawon sedaya nggih. nanging …": a long
		// message that opens asking to delete (which is confirmed).
		if s := coreOrAll(Words(firstSentence(text))); len(s) <= maxIntentWords && deleteSentence(s) {
			return Found{Kind: Delete}
		}
		// A long message is an answer or a story, unless it opens as a
		// complaint: "kula ajeng sambat. lampu dalan … mati sampun sewulan".
		return openingComplaint(text, c)
	}
	joined := " " + strings.Join(c, " ") + " "
	// "saya bingung" asks for help as "bingung" does.
	whole := func(phrases []string) bool { return matchPhrase(dropFirst(c, pronouns), set(phrases...), polite) }
	has := func(phrases []string) (string, bool) {
		for _, p := range phrases {
			if strings.Contains(joined, " "+p+" ") {
				return p, true
			}
		}
		return "", false
	}
	if p, ok := has(deletePhrases); ok && len(c) <= 8 && !denied(joined, p) {
		return Found{Kind: Delete, Whole: true}
	}
	// The same in the person's own words: not Whole, so that a step taking
	// free text keeps it as its answer.
	if deleteSentence(c) {
		return Found{Kind: Delete}
	}
	// These questions are Whole when asked as one: a description may tell
	// "warga tidak tahu siapa yang bisa lihat …".
	question := strings.HasSuffix(strings.TrimSpace(text), "?")
	if asksHowToStop(c) {
		return Found{Kind: StopHow, Whole: question}
	}
	if asksWhoSees(words) {
		return Found{Kind: Privacy, Whole: question || len(c) <= 2}
	}
	// A question who the bot is opens a short message, after a greeting
	// ("ini siapa ya pak", "maaf, ini dengan siapa?"), or is most of it.
	opening := " " + strings.Join(dropGreetings(c), " ") + " "
	opens := false
	for _, p := range whoPhrases {
		opens = opens || strings.HasPrefix(opening, " "+p+" ")
	}
	if _, ok := has(whoPhrases); ok && (opens && len(c) <= 6 || len(c) <= 3) {
		return Found{Kind: Who, Whole: true}
	}
	if Cancel(text) {
		return Found{Kind: CancelIntent, Whole: true}
	}
	if whole(menuPhrases) {
		return Found{Kind: Menu, Whole: true}
	}
	if whole(helpPhrases) {
		return Found{Kind: Help, Whole: true}
	}
	if whole(stopPhrases) {
		return Found{Kind: Stop, Whole: true}
	}
	if refusesMessages(c) && !strings.HasSuffix(strings.TrimSpace(text), "?") {
		return Found{Kind: Stop}
	}
	if whole(startPhrases) {
		return Found{Kind: Start, Whole: true}
	}
	if p, ok := has(complaintStatusPhrases); ok {
		// "aduan saya" alone, or with a question about it; "aduan saya
		// jalan rusak" is a new complaint.
		after := strings.Fields(strings.TrimSpace(joined[strings.Index(joined, " "+p+" ")+len(p)+1:]))
		if len(after) == 0 || asking(after) || p != "aduan saya" && p != "aduan kula" && p != "aduan abdi" {
			return Found{Kind: ComplaintStatus, Whole: true}
		}
		// "aduan saya: jalan berlubang di RT 4" is a new complaint.
		if len(strings.Fields(joined[:strings.Index(joined, " "+p+" ")])) <= 2 {
			return Found{Kind: Complaint, Rest: restAfter(text, p)}
		}
	}
	f := openingComplaint(text, c)
	f.Whole = f.Kind == Complaint && whole(complaintPhrases)
	return f
}

// openingComplaint finds a complaint that is the person's own, at the start
// of the message ("saya mau mengadu …", "kula badhe matur …"), not a word
// of a description ("… banyak warga mengeluh soal air …"). A message that
// only says something will be told ("kula ajeng matur, …") and then asks
// for something to be mended or built is an idea (see Request).
func openingComplaint(text string, c []string) Found {
	c = skipOpeners(c)
	opening := " " + strings.Join(c[:min(len(c), 6)], " ") + " "
	for _, p := range complaintPhrases {
		i := strings.Index(opening, " "+p+" ")
		if i < 0 || len(strings.Fields(opening[:i])) > 2 {
			continue
		}
		if slices.Contains(tellPhrases, p) && proposes(c) {
			return Found{}
		}
		return Found{Kind: Complaint, Rest: restAfter(text, p)}
	}
	return Found{}
}

// proposes tells whether words ask for something to be built or mended.
func proposes(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return proposals[w] })
}

// greetings may open a question ("maaf", "punten", "nyuwun sewu").
var greetings = set("kulonuwun", "nuwun", "sugeng", "wilujeng", "sampurasun", "maaf", "mohon", "permisi", "halo", "hallo", "hai", "assalamualaikum", "salam", "eh", "nyuwun",
	"sewu", "ngapunten", "nuwun", "punten", "sampurasun", "wilujeng", "selamat", "pagi", "siang", "sore", "malam")

func dropGreetings(words []string) []string {
	for len(words) > 1 && greetings[words[0]] {
		words = words[1:]
	}
	return words
}

// denied tells whether the phrase p is denied in joined: "jangan hapus
// data saya" does not ask to delete.
func denied(joined, p string) bool {
	before := strings.Fields(joined[:strings.Index(joined, " "+p+" ")])
	for _, w := range before {
		if negations[w] {
			return true
		}
	}
	return false
}

// asking tells whether words ask about something ("bagaimana", "sudah
// sampai mana", "kok belum").
func asking(words []string) bool {
	for _, w := range words {
		switch w {
		case "bagaimana", "mana", "kapan", "apa", "belum", "sudah", "kok", "kabarnya", "nasibnya", "sampai", "diproses", "ditanggapi":
			return true
		}
	}
	return false
}

// restLead are the words that stand between a complaint's words and its
// subject: "soal", "babagan" (Basa Jawa), "ngeunaan" (Basa Sunda).
var restLead = set("", "soal", "tentang", "masalah", "mengenai", "perihal", "terkait", "babagan", "bab", "ngenani",
	"perkara", "prakawis", "ngeunaan", "perkawis", "masalahna", "saya", "kula", "abdi", "kami")

// restAfter returns the words of text after the phrase p (matched on
// normal words), in the original spelling, without a leading "soal",
// "tentang", "masalah".
func restAfter(text, p string) string {
	n := len(strings.Fields(p))
	orig := strings.Fields(text)
	// Find the phrase's last word among the original words by their
	// normal forms.
	for i := range orig {
		end := i
		matched := 0
		want := strings.Fields(p)
		for end < len(orig) && matched < n {
			ws := coreOrAll(Words(orig[end]))
			if len(ws) == 0 {
				end++
				continue
			}
			if ws[0] != want[matched] {
				break
			}
			matched++
			end++
		}
		if matched == n {
			rest := orig[end:]
			for len(rest) > 0 {
				w := Normal(rest[0])
				if w == "" || restLead[w] {
					rest = rest[1:]
					continue
				}
				break
			}
			return strings.TrimSpace(strings.Trim(strings.Join(rest, " "), ",.:;-"))
		}
	}
	return ""
}
