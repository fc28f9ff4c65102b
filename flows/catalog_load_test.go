package flows

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadCatalogRefuses feeds the loader small broken catalogs: each
// problem stops the service at start (CheckCatalog), and its message names
// the file and the key.
func TestLoadCatalogRefuses(t *testing.T) {
	// The smallest catalog that passes: the main menu and one text.
	id := "[messages]\nmenu = \"\"\"\nMenu:\n{items}\"\"\"\nmenu_gagasan = \"Kirim\"\nmenu_status = \"Status\"\n" +
		"menu_jadwal = \"Jadwal\"\nmenu_bantuan = \"Bantuan\"\nsaved = \"Kode {code}.\"\n"
	jv := "fallback = []\n[messages]\nmenu = \"Menu:\\n{items}\"\nmenu_gagasan = \"Kintun\"\nmenu_status = \"Status\"\n" +
		"menu_jadwal = \"Jadwal\"\nmenu_bantuan = \"Pitulungan\"\nsaved = \"Kode {code}.\"\n"
	su := strings.Replace(jv, "Pitulungan", "Pitulung", 1)
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
		{"menu item without text", files(strings.Replace(id, "menu_jadwal = \"Jadwal\"\n", "", 1), jv, su), []string{`menu "menu" needs "menu_jadwal"`}},
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

// TestMainMenuRendersItsNumbers: the numbers a resident reads in the menu
// are the ones the engine answers to, in every language.
func TestMainMenuRendersItsNumbers(t *testing.T) {
	for _, lang := range Langs {
		text := Render(lang, MsgMenu, nil)
		opts := listItems(text)
		if len(opts) != len(mainMenu.items) {
			t.Fatalf("%s: %d numbered items in %q, the menu has %d", lang, len(opts), text, len(mainMenu.items))
		}
		for i, it := range mainMenu.items {
			if want := Render(lang, it.label, nil) + " (" + it.keyword + ")"; opts[i].Label != want {
				t.Errorf("%s: item %d reads %q, want %q", lang, i+1, opts[i].Label, want)
			}
		}
	}
}
