package whatsappcloud

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// Outside the 24-hour window Meta delivers only approved templates, and a
// template's parameters may hold no newline, no tab and no more than four
// spaces in a row (error 132018). Pushes are stored as the text each
// person reads, so the adapter reads the parameters back out of that text:
// each kind's text is matched against its catalog template (in every
// language, with the reviewed corrections), and each parameter is made of
// the placeholders it captured, on one line. A push of another kind (or
// one whose catalog text no longer matches) goes as the general template
// with the whole text on one line. The bodies below are submitted for
// approval as written (README, "WhatsApp Cloud API templates").

// template is one approved template.
type template struct {
	Suffix string   // the name is Config.TemplatePrefix + "_" + Suffix
	Key    flow.Key // the catalog text pushes of this kind are rendered from
	Body   string   // as submitted for approval, in Indonesian
	// Params are the parameters {{1}}, {{2}}, … as catalog placeholders.
	Params []string
	// Note names the placeholder that holds a rendered flow.MsgStatusNote
	// (" Catatan: …"), of which only the note itself is a parameter.
	Note string
}

// Templates are the per-kind templates, in the order they are tried.
var Templates = []template{
	{Suffix: "undangan", Key: flow.MsgInvite,
		Body: "Yth. {{1}},\nAnda diundang ke {{2}}.\nHari/tanggal: {{3}}\nPukul: {{4}}\nTempat: {{5}}\nAgenda: {{6}}\n" +
			"Untuk menjawab, balas HADIR atau TIDAK diikuti kode {{7}}.",
		Params: []string{"{nama}", "{jenis} {lingkup}", "{hari}, {tanggal}", "{jam} {zona}", "{tempat}", "{agenda}", "{kode}"}},
	{Suffix: "pengingat", Key: flow.MsgReminder,
		Body:   "Pengingat untuk {{1}}: {{2}}, {{3}} pukul {{4}} di {{5}}.\nUntuk menjawab, balas HADIR atau TIDAK diikuti kode {{6}}.",
		Params: []string{"{nama}", "{jenis} {lingkup} {kapan}", "{hari} {tanggal}", "{jam} {zona}", "{tempat}", "{kode}"}},
	{Suffix: "tahap", Key: flow.MsgStatusChanged,
		Body:   "Kabar gagasan {{1}} ({{2}}): {{3}}\nCatatan: {{4}}\nUntuk riwayatnya, balas STATUS diikuti kode gagasan.",
		Params: []string{"{code}", "{title}", "{stage}", "{note}"}, Note: "note"},
	{Suffix: "kemajuan", Key: flow.MsgReportPush,
		Body:   "Kabar kegiatan {{1}} ({{2}}): kemajuan {{3}}%.\nCatatan: {{4}}\nUntuk rinciannya, balas PROGRES diikuti kode kegiatan.",
		Params: []string{"{code}", "{title}", "{percent}", "{note}"}},
}

// GeneralBody is the general template (Config.Template): any push, on one line.
const GeneralBody = "Kabar dari Suara Desa: {{1}}\nBalas MENU untuk melihat pilihan."

// maxBody is the most characters of a template's body, parameters included.
const maxBody = 1024

// salutation is how the catalog addresses a person before {nama}; the
// queue writes it as "Ibu Wati", "Bapak Darto" or "Bapak/Ibu Siti".
var salutation = regexp.MustCompile(`(Bapak|Bapa)/Ibu $`)

var (
	variable = regexp.MustCompile(`\{\{\d+\}\}`)
	word     = regexp.MustCompile(`^\w+$`)
	// placeholder is a catalog placeholder in a template's Params.
	placeholder = regexp.MustCompile(`\{\w+\}`)
)

var patterns sync.Map // catalog text → *regexp.Regexp

// shapes are what some placeholders can hold, in a language: they keep
// apart placeholders that a comma or a space alone separates ("{lingkup}
// {kapan}, {hari}" where the scope itself has a comma).
func shapes(lang string) map[string]string {
	days := make([]string, 7)
	for d := range days {
		days[d] = regexp.QuoteMeta(flow.DayName(lang, time.Weekday(d)))
	}
	inDays := strings.ReplaceAll(regexp.QuoteMeta(flow.Render(lang, flow.MsgReminderDays, flow.A{"n": "\x00"})), "\x00", `\d+`)
	return map[string]string{
		"hari": strings.Join(days, "|"),
		"kapan": regexp.QuoteMeta(flow.Render(lang, flow.MsgReminderH1, nil)) + "|" +
			regexp.QuoteMeta(flow.Render(lang, flow.MsgReminderJ2, nil)) + "|" + inDays,
		"jam": `\d{1,2}[.:]\d{2}`, "kode": `[A-Z]-\w+`, "code": `[A-Z]-\w+`, "percent": `\d+`,
	}
}

// pattern turns a catalog text of a language into a regexp that captures
// its placeholders.
func pattern(lang, text string) *regexp.Regexp {
	if re, ok := patterns.Load(lang + "\x00" + text); ok {
		return re.(*regexp.Regexp)
	}
	shape := shapes(lang)
	var b strings.Builder
	b.WriteString(`^(?s)`)
	seen := map[string]bool{}
	rest := text
	for {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		lit, name := rest[:i], rest[i+1:i+j]
		rest = rest[i+j+1:]
		group := `(.*?)`
		if sh, ok := shape[name]; ok {
			group = `(` + sh + `)`
		}
		if name == "nama" && salutation.MatchString(lit) {
			lit = salutation.ReplaceAllString(lit, "")
			group = `((?:Bapak/Ibu|Bapa/Ibu|Bapak|Bapa|Ibu) .*?)`
		}
		b.WriteString(regexp.QuoteMeta(lit))
		if !seen[name] && word.MatchString(name) {
			seen[name] = true
			group = `(?P<` + name + `>` + group[1:]
		} else {
			group = `(?:` + group[1:]
		}
		b.WriteString(group)
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		re = regexp.MustCompile(`^\b$`) // matches nothing
	}
	patterns.Store(lang+"\x00"+text, re)
	return re
}

// capture matches text against key's catalog text in any language; a
// placeholder named note holds a rendered MsgStatusNote (" Catatan: …") or
// nothing, and is matched as either.
func capture(key flow.Key, note, text string) (lang string, values map[string]string, ok bool) {
	for _, l := range flow.Langs {
		tpl, ok := flow.Text(l, key)
		if !ok {
			continue
		}
		forms := []string{tpl}
		if note != "" {
			withNote, _ := flow.Text(l, flow.MsgStatusNote)
			forms = []string{strings.Replace(tpl, "{"+note+"}", withNote, 1), strings.Replace(tpl, "{"+note+"}", "", 1)}
		}
		for _, form := range forms {
			re := pattern(l, form)
			m := re.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			values = map[string]string{}
			for i, name := range re.SubexpNames() {
				if name != "" {
					values[name] = m[i]
				}
			}
			return l, values, true
		}
	}
	return "", nil, false
}

// templateFor picks the template of a push and its parameters.
func templateFor(text string) (template, []string, bool) {
	for _, t := range Templates {
		_, values, ok := capture(t.Key, t.Note, text)
		if !ok {
			continue
		}
		params := make([]string, len(t.Params))
		for i, p := range t.Params {
			params[i] = fill(p, values)
		}
		return t, oneLineParams(t.Body, params), true
	}
	return template{}, nil, false
}

// fill writes a parameter's placeholders with the captured values (a
// placeholder the text left out, as an empty note, is empty).
func fill(p string, values map[string]string) string {
	return placeholder.ReplaceAllStringFunc(p, func(name string) string { return values[name[1:len(name)-1]] })
}

// oneLineParams makes parameters Meta accepts: each on one line with single
// spaces, never empty, and together short enough for the body to stay
// within maxBody characters (short ones whole, the room left shared among
// the long ones).
func oneLineParams(body string, params []string) []string {
	room := maxBody - utf8.RuneCountInString(variable.ReplaceAllString(body, ""))
	out := make([]string, len(params))
	order := make([]int, len(params))
	for i, p := range params {
		out[i] = cmp.Or(oneLine(p), "-")
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(utf8.RuneCountInString(out[a]), utf8.RuneCountInString(out[b]))
	})
	for n, i := range order {
		share := room / (len(order) - n)
		out[i] = clip(out[i], max(share, 1))
		room -= utf8.RuneCountInString(out[i])
	}
	return out
}

// oneLine joins a text's lines (a line that ends a sentence or a clause
// with a space, others with "; ") and leaves single spaces.
func oneLine(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if strings.ContainsAny(b.String()[b.Len()-1:], ".,:;!?") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}
