package flow

import (
	"slices"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
)

// Menu is a numbered menu defined once: its items in order (item i answers
// to the number i+1), each with its label in the catalog, the keyword shown
// beside it and what choosing it does. The catalog text of key holds
// {items}, where Render puts the items in the reader's language, so the
// numbers live here and nowhere else.
type Menu struct {
	Key   Key
	Items []MenuItem
}

// MenuItem is one line of a menu. Choosing it does what typing its keyword
// does; an item without a keyword is a value the step that asked reads by
// its number.
type MenuItem struct {
	Label   Key
	Keyword string
}

// Message keys of the main menu's items.
const (
	MsgMenuGagasan Key = "menu_gagasan"
	MsgMenuStatus  Key = "menu_status"
	MsgMenuJadwal  Key = "menu_jadwal"
	MsgMenuBantuan Key = "menu_bantuan"
)

// Message keys of the items MENU adds for a cadre (KPMD or facilitator)
// and a TPK member.
const (
	MsgMenuUndang Key = "menu_undang"
	MsgMenuHasil  Key = "menu_hasil"
	MsgMenuSuara  Key = "menu_suara"
	MsgMenuPeta   Key = "menu_peta"
	MsgMenuUntuk  Key = "menu_untuk"
	MsgMenuLapor  Key = "menu_lapor"
	// MsgMenuNotYours refuses a number of the cadre's or TPK's items
	// chosen by someone whose menu does not have it.
	MsgMenuNotYours Key = "menu_not_yours"
)

// MainMenu is what MENU shows a resident and what a number answers when
// no question waits; a cadre's and a TPK's menus go on after it
// (MainMenuOf).
var MainMenu = Menu{Key: MsgMenu, Items: []MenuItem{
	{Label: MsgMenuGagasan, Keyword: "GAGASAN"},
	{Label: MsgMenuStatus, Keyword: "STATUS"},
	{Label: MsgMenuJadwal, Keyword: "JADWAL"},
	{Label: MsgMenuBantuan, Keyword: "BANTUAN"},
}}

// CadreItems are the cadre's main actions, after MainMenu's items for a
// KPMD or facilitator (IsCadre); TPKItems follow for a TPK member or
// facilitator (IsTPK). Each command checks the role again when it runs.
var (
	CadreItems = []MenuItem{
		{Label: MsgMenuUndang, Keyword: "UNDANG"},
		{Label: MsgMenuHasil, Keyword: "HASIL"},
		{Label: MsgMenuSuara, Keyword: "SUARA"},
		{Label: MsgMenuPeta, Keyword: "PETA"},
		{Label: MsgMenuUntuk, Keyword: "GAGASAN UNTUK"},
	}
	TPKItems = []MenuItem{{Label: MsgMenuLapor, Keyword: "LAPOR"}}
)

// MainMenuOf is the main menu as the contact reads it and answers it by
// number: MainMenu's items, then CadreItems for a cadre and TPKItems for a
// TPK member (a resident's menu is MainMenu).
func MainMenuOf(c *domain.Contact) Menu {
	items := slices.Clone(MainMenu.Items)
	if IsCadre(c) {
		items = append(items, CadreItems...)
	}
	if IsTPK(c) {
		items = append(items, TPKItems...)
	}
	return Menu{Key: MsgMenu, Items: items}
}

// roleMenu holds the items a role adds to MENU, for CheckCatalog (it is
// never rendered: MainMenuOf is).
var roleMenu = Menu{Key: MsgMenu, Items: append(slices.Clone(CadreItems), TPKItems...)}

// FullMenuLen is the most items a main menu has (a facilitator's): a
// number above someone's menu and up to it is a role's item.
var FullMenuLen = len(MainMenu.Items) + len(CadreItems) + len(TPKItems)

// CategoryMenu offers the categories of a gagasan in domain.Categories'
// order; the gagasan steps read number n as domain.Categories[n-1].
var CategoryMenu = Menu{Key: MsgAskCategory, Items: categoryItems()}

func categoryItems() []MenuItem {
	out := make([]MenuItem, len(domain.Categories))
	for i, c := range domain.Categories {
		out[i] = MenuItem{Label: CategoryKeys[string(c)]}
	}
	return out
}

// LangMenu offers the languages in Langs' order, each named in itself;
// parseLang reads number n as Langs[n-1].
var LangMenu = Menu{Key: MsgAskLang, Items: langItems()}

func langItems() []MenuItem {
	out := make([]MenuItem, len(Langs))
	for i, l := range Langs {
		out[i] = MenuItem{Label: Key("lang_" + l)}
	}
	return out
}

// Message keys of the parts of a gagasan (EditMenu) and of an invitation
// (MeetEditMenu) that can be changed before sending.
const (
	MsgEditCategory    Key = "edit_category"
	MsgEditTitle       Key = "edit_title"
	MsgEditDescription Key = "edit_description"
	MsgEditDusun       Key = "edit_dusun"
	MsgEditLocation    Key = "edit_location"
	MsgEditHouseholds  Key = "edit_households"
	MsgEditPhoto       Key = "edit_photo"
	// MsgEditForName follows EditMenu's items when a KPMD files for a
	// resident (the resident's name).
	MsgEditForName Key = "edit_for_name"

	MsgMeetEditType     Key = "meeting_edit_type"
	MsgMeetEditAudience Key = "meeting_edit_audience"
	MsgMeetEditWhen     Key = "meeting_edit_when"
	MsgMeetEditPlace    Key = "meeting_edit_place"
	MsgMeetEditAgenda   Key = "meeting_edit_agenda"
)

// EditMenu is UBAH at a gagasan's summary: which part to change
// (flows/gagasan reads the item chosen by its label).
var EditMenu = Menu{Key: MsgAskEdit, Items: []MenuItem{{Label: MsgEditCategory}, {Label: MsgEditTitle},
	{Label: MsgEditDescription}, {Label: MsgEditDusun}, {Label: MsgEditLocation}, {Label: MsgEditHouseholds},
	{Label: MsgEditPhoto}}}

// MeetEditMenu is a change asked at an invitation's preview: which part
// (flows/rapat reads the item chosen by its label).
var MeetEditMenu = Menu{Key: MsgAskMeetEdit, Items: []MenuItem{{Label: MsgMeetEditType}, {Label: MsgMeetEditAudience},
	{Label: MsgMeetEditWhen}, {Label: MsgMeetEditPlace}, {Label: MsgMeetEditAgenda}}}

// menus lists every numbered menu, for Render and CheckCatalog.
var menus = []*Menu{&MainMenu, &CategoryMenu, &LangMenu, &EditMenu, &MeetEditMenu}

func menuOf(key Key) *Menu {
	for _, m := range menus {
		if m.Key == key {
			return m
		}
	}
	return nil
}

// pick returns the item of number n (1 for the first).
func (m *Menu) Pick(n int) (MenuItem, bool) {
	if n < 1 || n > len(m.Items) {
		return MenuItem{}, false
	}
	return m.Items[n-1], true
}

func (m *Menu) Labels() []Key {
	out := make([]Key, len(m.Items))
	for i, it := range m.Items {
		out[i] = it.Label
	}
	return out
}

// args adds {items} to args: "N. label (KEYWORD)", one a line, in lang
// (without the keyword when the item has none).
func (m *Menu) args(lang string, args A) A {
	return m.With(lang, args)
}

// With is args with the menu's {items} in lang, for rendering the menu's
// key with a menu other than the key's own (MainMenuOf).
func (m *Menu) With(lang string, args A) A {
	var b strings.Builder
	for i, it := range m.Items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(Render(lang, it.Label, nil))
		if it.Keyword != "" {
			b.WriteString(" (")
			b.WriteString(it.Keyword)
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
