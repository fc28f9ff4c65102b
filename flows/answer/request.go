package answer

import "strings"

// requestWords may stand before the thing asked for: "mau bikin undangan",
// "saya ingin lihat jadwal", "badhe ningali jadwal", "hoyong ningali status".
var requestWords = set("mau", "ingin", "pengen", "pingin", "bikin", "buat", "membuat", "kirim", "mengirim", "lihat",
	"melihat", "cek", "minta", "tolong", "saya", "bisa", "boleh", "gimana", "bagaimana", "cara", "caranya", "ada",
	"badhe", "bade", "arep", "kula", "ningali", "ndeleng", "hoyong", "abdi", "palay", "damel", "ngirim", "kintun", "nyuwun",
	"lha", "lho", "nah", "niku", "anu", "ngene", "begini", "gini", "ngaten", "kieu", "kulonuwun", "ngajeng",
	"ngangge", "nganggo", "pakai", "gunakan", "ganti", "make", "nggawe", "gawe", "ajukan", "mengajukan", "ngajukaken",
	// greetings before a request
	"sugeng", "siang", "pagi", "sore", "enjing", "dalu", "wilujeng", "assalamualaikum", "halo", "hallo", "hai", "selamat",
	"punten", "permisi", "maaf", "nuwun", "sewu", "nyuwun", "wassalam", "salam", "malam", "sonten", "wengi", "ngiring", "sampurasun",
	// having an idea: "abdi aya usul", "kula gadah usul", "saya punya usul"
	"punya", "aya", "gaduh", "gadah", "duwe", "nduwe", "wonten",
	// telling: "kula badhe matur usul …" (see below for "matur, kreteg …")
	"matur")

// requestNouns are the things a request names, and the keyword each means.
var requestNouns = map[string]string{
	"undangan": "UNDANG", "undang": "UNDANG", "ulemi": "UNDANG", "uleman": "UNDANG",
	"laporan": "LAPOR", "lapor": "LAPOR",
	"jadwal": "JADWAL", "jadwalnya": "JADWAL",
	"status": "STATUS", "statusnya": "STATUS",
	"progres": "PROGRES", "kemajuan": "PROGRES", "progress": "PROGRES",
	"gagasan": "GAGASAN", "usul": "GAGASAN", "usulan": "GAGASAN", "ide": "GAGASAN",
	"aduan": "ADUAN", "pengaduan": "ADUAN",
	"peta": "PETA", "hasil": "HASIL", "bahasa": "BAHASA", "basa": "BAHASA", "menu": "MENU",
}

// maxRequestLead bounds the words read before a request's noun.
const maxRequestLead = 12

// Request reads a short request that names a command in words rather than
// starting with it: "mau bikin undangan" is UNDANG, "saya mau usul lampu
// jalan" is GAGASAN with "lampu jalan". It returns the keyword and the words
// after the noun (in the person's own spelling), or "" when the message is
// no such request. Only words of requestWords may stand before the noun,
// within the first maxRequestLead words; what follows it may be long (a
// whole idea told in one message).
func Request(text string) (keyword, rest string) {
	orig := strings.Fields(text)
	if len(orig) < 2 {
		return "", ""
	}
	// "eh sida ding. kula badhe usul …", "nyuwun sewu, …": the openers
	// count as words before the noun (a noun first is a keyword).
	all := len(orig)
	orig = skipOpenerFields(orig)
	lead := all - len(orig)
	for i, o := range orig[:min(len(orig), maxRequestLead)] {
		ws := Words(o)
		if len(ws) != 1 {
			if len(ws) == 0 {
				continue
			}
			return "", ""
		}
		w := ws[0]
		kw, ok := requestNouns[w]
		if !ok && len(w) >= 6 {
			// a noun typed with a letter missing or doubled ("gagsan")
			for n, k := range requestNouns {
				if len(n) >= 6 && closeness(w, n) <= 1 {
					kw, ok = k, true
					break
				}
			}
		}
		if !ok && w == "matur" && i+lead > 0 && !startsWithNoun(orig[i+1:]) && proposes(Words(strings.Join(orig[i+1:], " "))) {
			// "kula ajeng matur, kreteg … rusak, mbok menawi saged
			// didandosi": telling that asks for something mended is an
			// idea; otherwise Intent reads a complaint.
			kw, ok = "GAGASAN", true
		}
		if ok && i+lead > 0 {
			return kw, strings.TrimSpace(strings.Trim(strings.Join(orig[i+1:], " "), ",.:;- "))
		}
		if !requestWords[w] && !fillers[w] {
			return usulSentence(text)
		}
	}
	return usulSentence(text)
}

// usulSentence reads a message with a sentence that only says it is an
// idea ("lho kula niki usul mboten sambat. saluran irigasi … mbok menawi
// saged didandosi") as GAGASAN, the other sentences its text. A question,
// or a sentence that denies the usul ("mboten usul"), is none.
func usulSentence(text string) (keyword, rest string) {
	sentences := splitSentences(text)
	for i, s := range sentences {
		if strings.HasSuffix(strings.TrimSpace(s), "?") {
			continue
		}
		ws := Words(s)
		found, meta := false, true
		for j, w := range ws {
			if usulNouns[w] && !found {
				if j > 0 && negations[ws[j-1]] {
					return "", ""
				}
				found = true
				continue
			}
			meta = meta && (requestWords[w] || fillers[w] || negations[w] || usulMeta[w])
		}
		if !found || !meta {
			// "jalan … rusak, mohon dibuat usulan" asks someone else to
			// propose: not read here.
			continue
		}
		others := append(append([]string{}, sentences[:i]...), sentences[i+1:]...)
		return "GAGASAN", strings.TrimSpace(strings.Trim(strings.Join(others, " "), ",.:;- "))
	}
	return "", ""
}

// usulNouns name an idea; usulMeta are the words of a sentence that only
// says a message is one, and no complaint ("kula niki usul, mboten sambat").
var (
	usulNouns = set("usul", "usulan", "gagasan")
	usulMeta  = set("niki", "iki", "ini", "ieu", "puniki", "menika", "punika", "sambat", "aduan", "keluhan", "ngadu",
		"mengadu", "ngeluh", "pengaduan", "sanes", "bukan", "lain", "sanés", "cuma", "hanya", "mung", "namung", "kok",
		"rek")
)

// splitSentences cuts text after each ".", "!", "?" or ";" and line end.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r == '.' || r == '!' || r == '?' || r == ';' || r == '\n' {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// startsWithNoun tells whether the first word of words is a request's noun.
func startsWithNoun(words []string) bool {
	if len(words) == 0 {
		return false
	}
	ws := Words(words[0])
	_, ok := requestNouns[strings.Join(ws, " ")]
	return ok
}

// BrokenThing tells whether text tells of public infrastructure broken or
// blocked ("saluran irigasi … rusak", "kreteg ambrol", "solokan mampet"):
// a repair may be proposed as well as complained of.
func BrokenThing(text string) bool {
	broken, thing := false, false
	for _, w := range Words(text) {
		broken = broken || brokenWords[w]
		thing = thing || infraWords[w]
	}
	return broken && thing
}

// SaysComplaint tells whether text names a complaint itself ("mengadu",
// "sambat", "keluhan"): then it is one.
func SaysComplaint(text string) bool {
	for _, w := range Words(text) {
		if complaintWords[w] {
			return true
		}
	}
	return false
}

// ComplaintOrIdea reads an answer to "gagasan atau aduan?" in words:
// complaint when it names one ("keluhan", "laporan", "sambat", "ngadu"),
// idea when it names an idea or a repair ("usul", "gagasan", "perbaikan",
// "ndandosi"), both when it names both (unclear). A word after a negation
// counts for neither ("bukan aduan, usul" is the idea); named tells
// whether any such word is there, negated or not.
func ComplaintOrIdea(text string) (complaint, idea, named bool) {
	ws := Words(text)
	for i, w := range ws {
		c, d := complaintWords[w], ideaWords[w] || proposals[w] || repairWords[w]
		named = named || c || d
		if i > 0 && negations[ws[i-1]] {
			continue
		}
		complaint, idea = complaint || c, idea || d
	}
	return complaint, idea, named
}

// repairWords name a repair as what is asked for ("perbaikan", "ndandosi",
// "diomean").
var repairWords = set("perbaikan", "perbaiki", "memperbaiki", "benahi", "dibenahi", "pembangunan", "bangun", "membangun",
	"ndandosi", "dandosi", "ndandani", "dandani", "dandan", "mbangun", "omean", "ngomean", "ngalereskeun", "diomekeun")

var (
	brokenWords = set("rusak", "rusaknya", "jebol", "bocor", "ambrol", "ambruk", "longsor", "mampet", "buntu", "putus",
		"retak", "berlubang", "bolong", "risak", "ruksak", "butut", "mati", "pecah", "amblas", "remuk", "rubuh", "roboh")
	infraWords = set("saluran", "irigasi", "jalan", "dalan", "margi", "jembatan", "kreteg", "wot", "lampu", "talud", "kalen",
		"solokan", "sumur", "drainase", "got", "gorong", "selokan", "pipa", "bendungan", "dam", "jalur", "gang", "balai",
		"mck", "wc", "tanggul", "parit", "susukan", "cukang", "jambatan", "pju", "sekolah", "posyandu", "pasar")
	complaintWords = set("adu", "mengadu", "ngadu", "aduan", "pengaduan", "sambat", "keluhan", "mengeluh", "ngeluh",
		"komplain", "protes", "wadul", "ngawadul", "ngadukeun", "lapor", "laporan", "ngalaporkeun", "keluh", "kaluhan")
)
