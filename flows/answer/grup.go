package answer

import (
	"slices"
	"strings"
)

// GroupAction is what a message in a WhatsApp group asks of the bot about
// the group itself (docs/ARCHITECTURE.md, "Groups").
type GroupAction int

// Group actions.
const (
	GroupNone   GroupAction = iota
	GroupLink               // HUBUNGKAN DUSUN KEJAMBON, "hubungkan grup ini ke dusun kejambon", "sambungke desa"
	GroupUnlink             // LEPASKAN GRUP, PUTUSKAN GRUP
)

// GroupAudience is the audience a link names: DESA, DUSUN or PEREMPUAN
// (the values of domain.Audience).
type GroupAudience string

// GroupRequest is a link or unlink read from a group message; Place is
// the dusun's name as written (DUSUN).
type GroupRequest struct {
	Action   GroupAction
	Audience GroupAudience
	Place    string
}

var (
	// linkVerbs start a link in the three languages; looseLinkVerbs only
	// with "grup" written or the bot mentioned ("link desa" is chatter).
	linkVerbs = set("hubungkan", "hubungken", "hubungke", "hubungaken", "hubungkeun", "sambungkan", "sambungke", "sambungaken",
		"sambungkeun", "tautkan", "taliake", "link",
		// Passive and Javanese active forms: "grup iki disambungke karo
		// dusun kejambon", "tak nyambungke".
		"dihubungkan", "dihubungke", "dihubungaken", "disambungkan", "disambungke", "disambungaken", "ditautkan", "dilink",
		"nyambungke", "nyambungaken", "nyambungkan", "menghubungkan", "nyambungkeun", "ngahubungkeun")
	// leadFill may come before a link verb: a request's politeness, the
	// Javanese "tak" (I'll …), "grup iki" as the topic ("grup iki tak
	// sambungke karo dusun kejambon", "tolong sambungke grup iki …").
	leadFill = set("tolong", "mohon", "nyuwun", "punten", "ayo", "ayok", "yuk", "mari", "monggo", "mangga", "tak", "takk", "kula",
		"saya", "aku", "abdi", "mau", "arep", "badhe", "bade", "grup", "group", "grub", "grupe", "wa", "ini", "iki", "niki", "punika",
		"menika", "ieu", "pak", "bot", "min", "admin")
	// politeFill are the lead words that may stand before an unlink verb
	// too ("tolong lepaskan grup"; "grup iki putus" is talk).
	politeFill = set("tolong", "mohon", "nyuwun", "punten")
	// thisWords point at the group: "@Suara Desa iki grup dusun
	// kejambon" names its audience without a verb (only when mentioned).
	thisWords      = set("ini", "iki", "niki", "punika", "menika", "ieu")
	looseLinkVerbs = set("link", "tautkan", "taliake")
	// unlinkVerbs start an unlink: always with "grup" (LEPASKAN GRUP,
	// PUTUSKAN GRUP), or alone when the message mentions the bot.
	unlinkVerbs = set("lepaskan", "lepasin", "lepas", "putuskan", "putus", "pedhotke", "pedotke", "uculke", "uculaken", "leupaskeun",
		"pegatkeun", "pegatkan", "copot")
	// groupFill are the words between the verb and the audience: "grup
	// ini ke", "grup punika dhateng", "grup ieu ka".
	groupFill = set("grup", "group", "grub", "grupe", "grupipun", "grupna", "wa", "whatsapp", "ini", "iki", "punika", "menika", "niki",
		"ieu", "ke", "kepada", "dengan", "dengen", "sama", "karo", "kaliyan", "dhateng", "dateng", "menyang", "ka", "kana", "sareng",
		"jeung", "untuk", "kanggo", "kangge", "pikeun", "dari", "saking", "ti", "nggih", "ya", "tolong", "mohon", "nyuwun", "punten")
	groupNames     = set("grup", "group", "grub", "grupe", "grupipun", "grupna")
	desaWords      = set("desa", "kelurahan", "kalurahan", "deso", "sedesa", "sadesa", "warga")
	dusunWords     = set("dusun", "dukuh", "padukuhan", "pedukuhan", "kampung", "lembur", "dsn", "dusune", "dusunipun", "rw")
	perempuanWords = set("perempuan", "wanita", "ibu", "ibu2", "ibu-ibu", "pkk", "estri", "wadon", "wedok", "istri", "awewe", "mojang", "kaum")
	// looseAudience are audience words of everyday talk ("sambungkan ke
	// ibu ya", "hubungkan ke warga"): a link only with "grup",
	// "perempuan" or "desa" written, or the bot mentioned.
	looseAudience  = set("warga", "ibu", "ibu2", "ibu-ibu", "pkk", "istri", "kaum", "mojang", "wedok")
	strongAudience = set("perempuan", "wanita", "estri", "wadon", "awewe", "desa", "kelurahan", "kalurahan", "deso", "sedesa", "sadesa")
)

// maxGroupWords bounds a group command: a longer message is group chatter
// that happens to start with the verb.
const maxGroupWords = 8

// Group reads a link or an unlink of the group a message was posted in:
// the verb first, then (for a link) the audience. Only the explicit forms
// count — HUBUNGKAN DESA, HUBUNGKAN DUSUN <nama>, HUBUNGKAN PEREMPUAN,
// "hubungkan grup ini ke …", LEPASKAN GRUP, PUTUSKAN GRUP — unless the
// message mentions the bot (mentioned), which also takes a bare "lepas"
// or "hubungkan ke ibu-ibu". Anything else — a sentence that only starts
// with "hubungkan" or "putus", a link naming no audience — is GroupNone:
// in a group the bot answers only what is clearly addressed to it.
func Group(text string, mentioned bool) GroupRequest {
	words := Words(text)
	if len(words) == 0 || len(words) > maxGroupWords+3 {
		return GroupRequest{}
	}
	named := mentioned // "grup" written, or the bot mentioned
	lead, polite, this := 0, true, false
	for lead < len(words)-1 && leadFill[words[lead]] && !linkVerbs[words[lead]] {
		named = named || groupNames[words[lead]]
		polite = polite && politeFill[words[lead]]
		this = this || thisWords[words[lead]]
		lead++
	}
	if lead > 0 && !linkVerbs[words[lead]] && !(polite && unlinkVerbs[words[lead]]) {
		// "@Suara Desa iki grup dusun kejambon": mentioned, the group
		// pointed at and its audience named, no verb.
		if mentioned && this && groupNamed(words[:lead]) && len(words)-lead <= 3 {
			return audienceOf(words[lead:], true)
		}
		return GroupRequest{}
	}
	words = words[lead:]
	if len(words) > maxGroupWords {
		return GroupRequest{}
	}
	verb, rest := words[0], words[1:]
	for len(rest) > 0 && groupFill[rest[0]] {
		named = named || groupNames[rest[0]]
		rest = rest[1:]
	}
	switch {
	case unlinkVerbs[verb]:
		// Only the verb and "grup (ini)": "putus sekolah" is chatter, and
		// "putus ya" or "lepas." too.
		if len(rest) == 0 && named {
			return GroupRequest{Action: GroupUnlink}
		}
	case linkVerbs[verb] && len(rest) > 0 && (named || !looseLinkVerbs[verb]):
		req := audienceOf(rest, named)
		if req.Action == GroupNone && mentioned && len(rest) <= 2 && !looseAudience[rest[0]] {
			// "@Suara Desa sambungke kejambon": addressed to the bot, a
			// link verb and a name suffice; the name is a dusun's, or
			// the desa's (grup.link tells them apart).
			return GroupRequest{Action: GroupLink, Audience: "DUSUN", Place: strings.Join(rest, " ")}
		}
		return req
	}
	return GroupRequest{}
}

// groupNamed tells whether words name the group ("grup", "group").
func groupNamed(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return groupNames[w] })
}

// audienceOf reads the audience a link names, rest starting at it: DESA
// (with the desa's name, if written), DUSUN with its name, PEREMPUAN;
// everyday words ("ibu", "warga") only when named ("grup" written or the
// bot mentioned) or with a strong audience word.
func audienceOf(rest []string, named bool) GroupRequest {
	first, place := rest[0], strings.Join(rest[1:], " ")
	if looseAudience[first] && !named && !slices.ContainsFunc(rest, func(w string) bool { return strongAudience[w] }) {
		return GroupRequest{}
	}
	switch {
	case desaWords[first] && place == "":
		return GroupRequest{Action: GroupLink, Audience: "DESA"}
	case desaWords[first]:
		// "hubungkan desa bimomartani": the desa named, as its own.
		return GroupRequest{Action: GroupLink, Audience: "DESA", Place: place}
	case dusunWords[first] && place != "":
		return GroupRequest{Action: GroupLink, Audience: "DUSUN", Place: place}
	case perempuanWords[first]:
		return GroupRequest{Action: GroupLink, Audience: "PEREMPUAN"}
	}
	return GroupRequest{}
}

var (
	personalWords = set("pribadi", "japri", "langsung", "piyambak", "pribados", "sorangan")
	groupWords    = set("grup", "group", "grub", "grupe")
	pesanWords    = set("pesan", "pesen", "pesenan", "seratan", "talatah", "kabar", "undangan", "wa", "chat")
	askPersonal   = set("minta", "mohon", "nyuwun", "kirim", "kirimi", "kirimkan", "tolong", "punten", "mau", "ingin", "pengen", "ajeng",
		"hoyong", "badhe", "lewat", "liwat", "ngaliwatan", "melalui", "via", "saya", "kula", "abdi", "aku", "dikirim", "cukup", "saja",
		"wae", "mawon", "ke", "ka", "dhateng", "mboten", "ora", "teu", "tidak", "lagi", "maneh", "deui", "usah", "perlu",
		"dikirimi", "dikintuni", "kintun", "cekap", "lumantar", "kemawon", "pun", "dikirimin")
)

// Personal reads a resident's wish about personal messages when their
// group gets the post: true for PESAN PRIBADI ("minta pesan pribadi",
// "nyuwun pesen pribadi"), false for PESAN GRUP ("cukup pesan grup",
// "lewat grup saja"); ok false when the message is neither.
func Personal(text string) (personal, ok bool) {
	words := Words(text)
	if len(words) < 2 || len(words) > 6 {
		return false, false
	}
	msg, priv, grp := false, false, false
	for _, w := range words {
		switch {
		case pesanWords[w]:
			msg = true
		case personalWords[w]:
			priv = true
		case groupWords[w]:
			grp = true
		case !askPersonal[w]:
			return false, false // a word of something else: a sentence
		}
	}
	switch {
	case priv == grp:
		return false, false // both ("pesan grup dan pribadi") or neither
	case priv && msg:
		// "tidak usah pesan pribadi" undoes it.
		for _, w := range words {
			if w == "tidak" || w == "mboten" || w == "ora" || w == "teu" {
				return false, true
			}
		}
		return true, true
	case grp && (msg || len(words) <= 4):
		return false, true
	}
	return false, false
}

// GroupTalk tells whether a message speaks of linking a group: a link
// verb or the word "grup" in it. A KPMD who mentions the bot with such a
// message that is no link is shown how to write it, not "not understood".
func GroupTalk(text string) bool {
	for _, w := range Words(text) {
		if linkVerbs[w] || groupNames[w] {
			return true
		}
	}
	return false
}

// GroupHow reads a question how to link a WhatsApp group, written in
// private chat: "carane nyambungke grup wa piye?", "cara hubungkan grup".
func GroupHow(text string) bool {
	words := Words(text)
	if len(words) > maxIntentWords {
		return false
	}
	how, verb, grp := strings.HasSuffix(strings.TrimSpace(text), "?"), false, false
	for _, w := range words {
		how = how || howWords[w] || askHowWords[w]
		verb = verb || linkVerbs[w]
		grp = grp || groupNames[w]
	}
	return how && verb && grp
}

// whichFill may stand around an audience answering "which meeting?": "nu
// dusun", "sing dusun", "rapat dusun", "yang desa", "ingkang estri".
var whichFill = set("nu", "anu", "sing", "seng", "ingkang", "yang", "yg", "rapat", "rapate", "rapatna", "rapatipun", "musyawarah",
	"ke", "kang", "ingkang", "niku", "punika", "itu", "iku", "kuwi", "eta", "wae", "aja", "saja", "mawon", "iya", "nggih", "muhun")

// MeetingAudience reads a meeting named by its audience in a short answer
// ("nu dusun", "sing dusun", "rapat desa", "musdus", "sing ibu-ibu"):
// DUSUN, DESA or PEREMPUAN; false when it names none or other words
// stand in it.
func MeetingAudience(text string) (string, bool) {
	words := Words(text)
	if len(words) == 0 || len(words) > 4 {
		return "", false
	}
	aud := ""
	for _, w := range words {
		a := ""
		switch {
		case dusunWords[w] || w == "musdus":
			a = "DUSUN"
		case desaWords[w] && w != "warga" || w == "musdes":
			a = "DESA"
		case perempuanWords[w] || w == "mkp":
			a = "PEREMPUAN"
		case whichFill[w]:
			continue
		default:
			return "", false
		}
		if aud != "" && aud != a {
			return "", false
		}
		aud = a
	}
	return aud, aud != ""
}
