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
		"sambungkeun", "tautkan", "taliake", "link")
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
	if len(words) == 0 || len(words) > maxGroupWords {
		return GroupRequest{}
	}
	verb, rest := words[0], words[1:]
	named := mentioned // "grup" written, or the bot mentioned
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
