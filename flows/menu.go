package flows

import (
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
)

// menu is a numbered menu defined once: its items in order (item i answers
// to the number i+1), each with its label in the catalog, the keyword shown
// beside it and what choosing it does. The catalog text of key holds
// {items}, where Render puts the items in the reader's language, so the
// numbers live here and nowhere else.
type menu struct {
	key   Key
	items []menuItem
}

// menuItem is one line of a menu. Choosing it does what typing its keyword
// does; an item without a keyword is a value the step that asked reads by
// its number.
type menuItem struct {
	label   Key
	keyword string
}

// Message keys of the main menu's items.
const (
	MsgMenuGagasan Key = "menu_gagasan"
	MsgMenuStatus  Key = "menu_status"
	MsgMenuJadwal  Key = "menu_jadwal"
	MsgMenuBantuan Key = "menu_bantuan"
)

// mainMenu is what MENU shows and what a number answers when no question
// waits.
var mainMenu = menu{key: MsgMenu, items: []menuItem{
	{label: MsgMenuGagasan, keyword: "GAGASAN"},
	{label: MsgMenuStatus, keyword: "STATUS"},
	{label: MsgMenuJadwal, keyword: "JADWAL"},
	{label: MsgMenuBantuan, keyword: "BANTUAN"},
}}

// categoryMenu offers the categories of a gagasan in domain.Categories'
// order; the gagasan steps read number n as domain.Categories[n-1].
var categoryMenu = menu{key: MsgAskCategory, items: categoryItems()}

func categoryItems() []menuItem {
	out := make([]menuItem, len(domain.Categories))
	for i, c := range domain.Categories {
		out[i] = menuItem{label: categoryKeys[string(c)]}
	}
	return out
}

// langMenu offers the languages in Langs' order, each named in itself;
// parseLang reads number n as Langs[n-1].
var langMenu = menu{key: MsgAskLang, items: langItems()}

func langItems() []menuItem {
	out := make([]menuItem, len(Langs))
	for i, l := range Langs {
		out[i] = menuItem{label: Key("lang_" + l)}
	}
	return out
}

// menus lists every numbered menu, for Render and CheckCatalog.
var menus = []*menu{&mainMenu, &categoryMenu, &langMenu}

func menuOf(key Key) *menu {
	for _, m := range menus {
		if m.key == key {
			return m
		}
	}
	return nil
}

// pick returns the item of number n (1 for the first).
func (m *menu) pick(n int) (menuItem, bool) {
	if n < 1 || n > len(m.items) {
		return menuItem{}, false
	}
	return m.items[n-1], true
}

func (m *menu) labels() []Key {
	out := make([]Key, len(m.items))
	for i, it := range m.items {
		out[i] = it.label
	}
	return out
}

// args adds {items} to args: "N. label (KEYWORD)", one a line, in lang
// (without the keyword when the item has none).
func (m *menu) args(lang string, args A) A {
	var b strings.Builder
	for i, it := range m.items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(Render(lang, it.label, nil))
		if it.keyword != "" {
			b.WriteString(" (")
			b.WriteString(it.keyword)
			b.WriteString(")")
		}
	}
	out := make(A, len(args)+1)
	for k, v := range args {
		out[k] = v
	}
	out["items"] = b.String()
	return out
}
