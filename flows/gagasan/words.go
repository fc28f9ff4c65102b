package gagasan

import (
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// notTitleWords are the words of a message like "gagasan lagi", "usul
// dong", "gagasan saya ada 2" or a greeting: none names an idea.
var notTitleWords = map[string]bool{
	"saya": true, "ada": true, "lagi": true, "mau": true, "ingin": true, "baru": true, "punya": true, "kirim": true,
	"sebuah": true, "usul": true, "usulan": true, "gagasan": true, "ide": true, "boleh": true, "bisa": true, "tolong": true,
	"halo": true, "hallo": true, "hai": true, "assalamualaikum": true, "selamat": true, "pagi": true, "siang": true,
	"sore": true, "malam": true, "ya": true, "ok": true, "tidak": true, "yang": true, "ini": true, "itu": true, "nggih": true,
	"inggih": true, "kula": true, "abdi": true, "gadah": true, "badhe": true, "bade": true, "gaduh": true, "wonten": true,
	"aya": true, "satu": true, "dua": true, "tiga": true, "apa": true, "bagaimana": true, "caranya": true, "dulu": true,
}

// fillerWords say "again", "also" or soften ("usul malih", "usul deui",
// "gagasan juga dong"): they name nothing, and a title does not start or
// end with them.
var fillerWords = map[string]bool{
	"malih": true, "maneh": true, "meneh": true, "deui": true, "lagi": true, "juga": true, "jg": true, "uga": true,
	"oge": true, "ogé": true, "dong": true, "deh": true, "nih": true, "aja": true, "saja": true, "mawon": true,
	"wae": true, "waé": true, "we": true, "atuh": true, "nggih": true, "nya": true, "ya": true, "yah": true,
}

// trimFillers drops the filler words at the start and the end of a title
// ("Deui, lampu jalan …" is "Lampu jalan …"), with the punctuation after
// them.
func trimFillers(title string) string {
	ws := strings.Fields(title)
	bare := func(w string) string { return strings.ToLower(strings.Trim(w, ".,;:!?-")) }
	for len(ws) > 0 && fillerWords[bare(ws[0])] {
		ws = ws[1:]
	}
	for len(ws) > 0 && fillerWords[bare(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 0 {
		ws[len(ws)-1] = strings.TrimRight(ws[len(ws)-1], ",;:-")
	}
	return strings.Join(ws, " ")
}

// VagueTitle tells whether the text of "GAGASAN <text>" names no idea:
// nothing is left of it but such words, numbers and fillers.
func VagueTitle(text string) bool {
	if strings.HasSuffix(strings.TrimSpace(text), "?") && len(strings.Fields(text)) <= 6 {
		return true // "kula wau pripun?": a question, not an idea
	}
	return ContentWords(text) == 0
}

// ContentWords counts the words of text that may name an idea: not
// notTitleWords, numbers or fillers.
func ContentWords(text string) int {
	n := 0
	for _, w := range strings.Fields(answer.Normal(text)) {
		if notTitleWords[w] || fillerWords[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		n++
	}
	return n
}

// dusunNamedIn returns the one dusun whose name stands as a word in
// text; none when no dusun, or more than one, is named.
func dusunNamedIn(text string, dusuns []domain.Dusun) (domain.Dusun, bool) {
	padded := " " + strings.Join(answer.Words(text), " ") + " "
	var found []domain.Dusun
	for _, du := range dusuns {
		if n := strings.Join(answer.Words(du.Nama), " "); n != "" && strings.Contains(padded, " "+n+" ") {
			found = append(found, du)
		}
	}
	if len(found) != 1 {
		return domain.Dusun{}, false
	}
	return found[0], true
}

// titleFrom makes a title from the first words of a one-message gagasan,
// or a plain one in lang when they are too few.
func titleFrom(lang, text string) string {
	first := text
	if i := strings.IndexAny(first, ".\n!?"); i >= 3 {
		first = first[:i]
	}
	first = flow.UpperFirst(trimFillers(first))
	if utf8.RuneCountInString(first) <= 60 {
		if utf8.RuneCountInString(first) < 3 {
			return flow.Render(lang, flow.MsgDefaultTitle, nil)
		}
		return first
	}
	cut := flow.CutRunes(first, 60)
	if i := strings.LastIndexByte(cut, ' '); i > 20 {
		cut = cut[:i]
	}
	return cut + "…"
}

// categoryWords are the things residents name instead of a category
// ("dalan, dalane bolong2" is about infrastructure).
var categoryWords = func() map[string]domain.Category {
	m := map[string]domain.Category{}
	for c, ws := range map[domain.Category]string{
		domain.CategoryInfrastruktur: "jalan dalan margi jembatan kreteg irigasi saluran selokan got drainase sumur air banyu toya cai lampu listrik talud gorong cor aspal balai mck",
		domain.CategoryEkonomi:       "usaha modal pasar dagang warung ternak umkm pinjam",
		domain.CategoryPendidikan:    "sekolah paud tk guru buku perpustakaan kursus sinau",
		domain.CategoryKesehatan:     "posyandu puskesmas bidan sehat gizi stunting obat jamban",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = c
		}
	}
	return m
}()

// categoryNamed is the one category a short answer's words name, if any.
func categoryNamed(s string) (domain.Category, bool) {
	if len(strings.Fields(answer.Normal(s))) > 6 {
		return "", false
	}
	return categoryIn(s)
}

func parseCategory(s string) (domain.Category, bool) {
	if n, ok := answer.Number(s); ok {
		if n >= 1 && n <= len(domain.Categories) {
			return domain.Categories[n-1], true
		}
		return "", false
	}
	w := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case w == "":
		return "", false
	case strings.HasPrefix(w, "INFRA"), strings.HasPrefix(w, "SARANA"), w == "JALAN":
		return domain.CategoryInfrastruktur, true
	case strings.HasPrefix(w, "EKONOMI"), w == "USAHA":
		return domain.CategoryEkonomi, true
	case strings.HasPrefix(w, "PENDIDIKAN"), w == "SEKOLAH":
		return domain.CategoryPendidikan, true
	case strings.HasPrefix(w, "KESEHATAN"):
		return domain.CategoryKesehatan, true
	case strings.HasPrefix(w, "LAIN"):
		return domain.CategoryLainnya, true
	}
	return "", false
}

// closingWords are the words of a message that only ends a conversation:
// thanks, "enough", "no", "no need" and their softeners, in id/jv/su
// ("mpun cekap matur nuwun", "tos cekap hatur nuhun", "mboten usah").
var closingWords = map[string]bool{
	"cukup": true, "sudah": true, "udah": true, "udh": true, "sdh": true, "dah": true, "selesai": true, "itu": true,
	"saja": true, "aja": true, "terima": true, "kasih": true, "makasih": true, "trims": true, "tidak": true, "gak": true,
	"nggak": true, "ga": true, "usah": true, "perlu": true, "ada": true, "lagi": true, "dulu": true, "ya": true, "iya": true,
	"ok": true, "oke": true, "baik": true, "banyak": true, "pak": true, "bu": true, "mas": true, "mbak": true,
	"mpun": true, "empun": true, "sampun": true, "pun": true, "cekap": true, "matur": true, "nuwun": true, "suwun": true,
	"sanget": true, "mboten": true, "ora": true, "wis": true, "uwis": true, "mawon": true, "wae": true, "malih": true,
	"maneh": true, "wonten": true, "inggih": true, "nggih": true, "niku": true, "semanten": true, "rumiyin": true,
	"tos": true, "atos": true, "parantos": true, "hatur": true, "nuhun": true, "henteu": true, "teu": true, "aya": true,
	"deui": true, "sumuhun": true, "muhun": true, "mung": true, "kitu": true, "sakitu": true, "we": true, "heula": true,
	"kula": true, "saya": true, "abdi": true,
}

// closing tells whether text only closes ("sudah cukup terima kasih",
// "mpun cekap matur nuwun", "henteu, hatur nuhun"): every word is one
// of closingWords, and one of them says enough, thanks or no.
func closing(text string) bool {
	ws := answer.Words(text)
	closes := false
	for _, w := range ws {
		if !closingWords[w] {
			return false
		}
		closes = closes || !fillerWords[w] && !pronoun[w]
	}
	return closes
}

// requestWords ask the bot to do something ("mau ubah judulnya",
// "berhenti kirim pesan"): a message holding one is no detail of a
// gagasan unless the sender says so.
var requestWords = map[string]bool{
	"ubah": true, "ganti": true, "edit": true, "ralat": true, "hapus": true, "berhenti": true, "stop": true,
	"batal": true, "judul": true, "judulnya": true, "pesan": true, "kirimi": true, "tarik": true, "gantos": true,
	"ngganti": true, "ngubah": true, "busak": true, "mandheg": true, "irah": true, "pesen": true, "robih": true,
	"gentos": true, "eureun": true, "gentosan": true, "ngarobih": true, "judulna": true, "cabut": true,
}

// pronoun are the words for oneself, which close nothing alone.
var pronoun = map[string]bool{"kula": true, "saya": true, "abdi": true}

// request tells whether text holds a request word.
func request(text string) bool {
	for _, w := range answer.Words(text) {
		if requestWords[w] {
			return true
		}
	}
	return false
}
