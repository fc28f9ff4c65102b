package whatsappcloud

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// Whatever a push says, its template parameters are ones Meta accepts.
func FuzzTemplateParams(f *testing.F) {
	f.Add("Yth. Ibu Wati,\nAnda diundang ke Musdus Dusun A.\nHari/tanggal: Sabtu, 12 Desember 2026\nPukul: 09.00 WIB\nTempat: Balai\nAgenda: -\nMohon balas HADIR R-AAAAAA atau TIDAK R-AAAAAA.")
	f.Add("Kabar gagasan G-AAAAAA \"x\": Didanai. Catatan: \t\t     \nBalas STATUS G-AAAAAA untuk riwayatnya.")
	f.Add(strings.Repeat("a\n\t     ", 500))
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		check := func(body string, params []string) {
			filled := body
			for _, p := range params {
				if p == "" || strings.ContainsAny(p, "\n\t") || strings.Contains(p, "     ") {
					t.Fatalf("parameter %q", p)
				}
				filled += p
			}
			if n := utf8.RuneCountInString(variable.ReplaceAllString(filled, "")); n > maxBody {
				t.Fatalf("body of %d characters", n)
			}
		}
		if tpl, params, ok := templateFor(text); ok {
			if len(params) != len(tpl.Params) {
				t.Fatalf("%d parameters for %d", len(params), len(tpl.Params))
			}
			check(tpl.Body, params)
		}
		check(GeneralBody, oneLineParams(GeneralBody, []string{text}))
	})
}

// Every catalog text of a per-kind template can be matched back.
func TestTemplatesMatchTheCatalog(t *testing.T) {
	for _, tpl := range Templates {
		for _, lang := range flow.Langs {
			text, ok := flow.Text(lang, tpl.Key)
			if !ok {
				t.Fatalf("%s has no %s", lang, tpl.Key)
			}
			for _, name := range flow.Placeholders(text) {
				if !strings.Contains(strings.Join(tpl.Params, " "), "{"+name+"}") {
					t.Fatalf("%s/%s: placeholder {%s} is in no parameter", lang, tpl.Key, name)
				}
			}
		}
	}
}

// Whatever a reply lists, its buttons or rows are ones Meta accepts:
// titles within their length, none alike, ids unique.
func FuzzInteractive(f *testing.F) {
	f.Add("Pilih nomornya:\n1. Masalah: Jalan tanah berlubang di RT 02\n2. Masalah: Jalan tanah licin saat hujan")
	f.Add("1. a\n2. a\n3. a\n4. a\n5. a\n6. a\n7. a\n8. a\n9. a\n10. a")
	f.Fuzz(func(t *testing.T, text string) {
		inter := Interactive(text)
		if inter == nil {
			return
		}
		action := inter["action"].(map[string]any)
		titles, ids := map[string]bool{}, map[string]bool{}
		add := func(id, title string, limit int) {
			if title == "" || utf8.RuneCountInString(title) > limit || titles[title] || ids[id] {
				t.Fatalf("title %q id %q in %v", title, id, action)
			}
			titles[title], ids[id] = true, true
		}
		if buttons, ok := action["buttons"].([]any); ok {
			for _, b := range buttons {
				r := b.(map[string]any)["reply"].(map[string]string)
				add(r["id"], r["title"], 20)
			}
			return
		}
		for _, r := range action["sections"].([]any)[0].(map[string]any)["rows"].([]any) {
			row := r.(map[string]string)
			add(row["id"], row["title"], 24)
			if utf8.RuneCountInString(row["description"]) > 72 {
				t.Fatalf("description %q", row["description"])
			}
		}
	})
}
