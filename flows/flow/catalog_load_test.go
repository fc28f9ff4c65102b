package flow

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadCatalogRefuses feeds the loader small broken catalogs: each
// problem stops the service at start (CheckCatalog), and its message names
// the file and the key.
func TestLoadCatalogRefuses(t *testing.T) {
	// The smallest catalog that passes: the menus and one text.
	var menuTexts strings.Builder
	for _, m := range menus {
		fmt.Fprintf(&menuTexts, "%s = \"\"\"\nMenu:\n{items}\"\"\"\n", m.Key)
		for _, l := range m.Labels() {
			fmt.Fprintf(&menuTexts, "%s = \"%s\"\n", l, l)
		}
	}
	for _, l := range roleMenu.Labels() { // the items a role adds to MENU
		fmt.Fprintf(&menuTexts, "%s = \"%s\"\n", l, l)
	}
	id := "[messages]\n" + menuTexts.String() + "saved = \"Kode {code}.\"\n"
	jv := "fallback = []\n" + id
	su := jv
	files := func(id, jv, su string) fstest.MapFS {
		return fstest.MapFS{
			"catalog/id.toml": {Data: []byte(id)}, "catalog/jv.toml": {Data: []byte(jv)}, "catalog/su.toml": {Data: []byte(su)},
		}
	}
	if _, err := loadCatalog(files(id, jv, su)); err != nil {
		t.Fatalf("a sound catalog was refused: %v", err)
	}
	for _, c := range []struct {
		name   string
		fsys   fstest.MapFS
		reason []string
	}{
		{"duplicate key", files(id+"saved = \"Lagi {code}.\"\n", jv, su), []string{"catalog/id.toml", "saved", "already been defined"}},
		{"missing translation", files(id, strings.Replace(jv, "saved = \"Kode {code}.\"\n", "", 1), su), []string{"catalog/jv.toml", `"saved" missing`}},
		{"placeholder differs", files(id, jv, strings.Replace(su, "{code}", "{kode}", 1)), []string{"su/saved", "[code]", "[kode]"}},
		{"key unknown to Indonesian", files(id, jv+"extra = \"x\"\n", su), []string{"catalog/jv.toml", `"extra" is not in the Indonesian catalog`}},
		{"fallback and translated", files(id, strings.Replace(jv, "fallback = []", `fallback = ["saved"]`, 1), su), []string{"catalog/jv.toml", `"saved" is translated and also listed as fallback`}},
		{"fallback unknown", files(id, strings.Replace(jv, "fallback = []", `fallback = ["nope"]`, 1), su), []string{`fallback "nope"`}},
		{"entry outside messages", files(id, "title = \"x\"\n"+jv, su), []string{"catalog/jv.toml", `unknown entry "title"`}},
		{"Indonesian with fallback", files("fallback = [\"saved\"]\n"+id, jv, su), []string{"Indonesian is the source"}},
		{"menu item without text", files(strings.Replace(id, "menu_jadwal = \"menu_jadwal\"\n", "", 1), jv, su), []string{`menu "menu" needs "menu_jadwal"`}},
		{"file missing", fstest.MapFS{"catalog/id.toml": {Data: []byte(id)}, "catalog/jv.toml": {Data: []byte(jv)}}, []string{"catalog/su.toml"}},
	} {
		_, err := loadCatalog(c.fsys)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		for _, r := range c.reason {
			if !strings.Contains(err.Error(), r) {
				t.Errorf("%s: the error does not say %q:\n%v", c.name, r, err)
			}
		}
	}

	// A key listed as fallback is read in Indonesian, and is no error.
	jvFallback := strings.Replace(strings.Replace(jv, "saved = \"Kode {code}.\"\n", "", 1), "fallback = []", `fallback = ["saved"]`, 1)
	c, err := loadCatalog(files(id, jvFallback, su))
	if err != nil || c[LangJV]["saved"] != "Kode {code}." {
		t.Fatalf("fallback: %q, %v", c[LangJV]["saved"], err)
	}
}

// TestMenusRenderTheirNumbers: the numbers a resident reads in a menu are
// the items of its definition, in order, in every language.
func TestMenusRenderTheirNumbers(t *testing.T) {
	for _, m := range menus {
		for _, lang := range Langs {
			text := Render(lang, m.Key, nil)
			opts := ListItems(text)
			if len(opts) != len(m.Items) {
				t.Fatalf("%s/%s: %d numbered items in %q, the menu has %d", lang, m.Key, len(opts), text, len(m.Items))
			}
			for i, it := range m.Items {
				want := Render(lang, it.Label, nil)
				if it.Keyword != "" {
					want += " (" + it.Keyword + ")"
				}
				if opts[i].Label != want {
					t.Errorf("%s/%s: item %d reads %q, want %q", lang, m.Key, i+1, opts[i].Label, want)
				}
			}
		}
	}
}
