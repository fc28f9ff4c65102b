package answer

import "strings"

// Anonymity reads an answer to "send the complaint without your name?" in
// words: anon for "tanpa nama aja", "rahasiakan", "mboten usah nami";
// named for "ngagem nami kula mawon", "pakai nama saya", "nganggo
// jenengku", "ngangge nami abdi". ok is false when the words say neither.
func Anonymity(text string) (anon, ok bool) {
	// "Mboten, kaliyan asma kula", "Ya, tanpa nama": the option's own
	// label, read by its yes or no.
	if first := firstClause(text); first != text && YesNo(first) != Unclear {
		return false, false
	}
	// Each clause is read; clauses that disagree ("tanpa nama, eh pakai
	// nama saja") leave the question open.
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;!?\n", r) }) {
		a, read := anonymityOf(clause)
		switch {
		case !read:
		case ok && a != anon:
			return false, false
		default:
			anon, ok = a, true
		}
	}
	return anon, ok
}

// anonymityOf reads one clause of an answer to the anonymity question.
func anonymityOf(text string) (anon, ok bool) {
	words := core(Words(text))
	if len(words) == 0 || len(words) > 10 {
		return false, false
	}
	name, use, own, neg := false, false, false, false
	for _, w := range words {
		switch {
		case secretWords[w]:
			return true, true
		case w == "tanpa":
			neg = true
		case negations[w] || prohibitives[w]:
			neg = true
		case ownNameWords[w]:
			name, own = true, true
		case w == "nama":
			name = true
		case useNameWords[w]:
			use = true
		case pronouns[w] || w == "abdi" || w == "ku":
			own = true
		}
	}
	switch {
	case !name:
		return false, false
	case neg:
		return true, true
	case use || own:
		return false, true
	}
	return false, false
}

var (
	// secretWords ask for the name to be hidden.
	secretWords = set("rahasiakan", "dirahasiakan", "rahasia", "rahasiaken", "dirahasiaken", "anonim", "anonymous", "samarkan",
		"disamarkan", "sidhem", "didelikke", "dipundelikaken", "diumpetke", "disumputkeun", "sumputkeun", "ndelik")
	// ownNameWords are one's own name in one word.
	ownNameWords = set("namaku", "jenengku", "namiku", "asmaku", "namine", "namina", "jenenge")
	// useNameWords put the name with it.
	useNameWords = set("ngagem", "ngangge", "nganggo", "nganggé", "pakai", "make", "memakai", "dengan", "kaliyan", "kalih",
		"sareng", "jeung", "karo", "cantumkan", "sertakan", "dicantumkan", "disertakan", "tulis", "ditulis", "mawi",
		"ngagem", "pakaikan", "ngangem", "dipasang", "pasang", "nganggé", "nyebut", "disebut", "kasebut", "gunakan")
)
