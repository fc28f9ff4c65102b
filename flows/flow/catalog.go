package flow

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"github.com/suaradesa/suaradesa/flows/catalog"
)

// Key names a message of the catalog. Every user-facing text lives in the
// catalog, never inline in a flow, so that a language is a column.
type Key string

// A carries the named arguments of a message: {name} in the template.
type A map[string]any

// The languages of the catalog. Indonesian is the source: every other
// language has exactly its keys and placeholders, or lists a key as
// shown in Indonesian (CheckCatalog, TestCatalogComplete).
const (
	LangID = "id" // Bahasa Indonesia
	LangJV = "jv" // Basa Jawa, krama
	LangSU = "su" // Basa Sunda, lemes
)

// Langs lists the languages in the order residents choose them.
var Langs = []string{LangID, LangJV, LangSU}

// ValidLang tells whether lang is a language of the catalog.
func ValidLang(lang string) bool { return slices.Contains(Langs, lang) }

// The catalog is data: one TOML file per language under catalog/, embedded
// in the binary. TOML reads well for translators (a text of several lines
// is written as it is read) and its decoder refuses a key written twice.
//
// The files live in flows/catalog (package catalog embeds them); they are
// read here as catalog/<lang>.toml.
var catalogFiles fs.FS = underDir{dir: "catalog", fsys: catalog.Files}

// underDir shows fsys as if its files were in dir.
type underDir struct {
	dir  string
	fsys fs.FS
}

func (u underDir) Open(name string) (fs.File, error) {
	rest, ok := strings.CutPrefix(name, u.dir+"/")
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return u.fsys.Open(rest)
}

// catalogFile is one language's file: its texts, and the keys it lists as
// shown in Indonesian until translated.
type catalogFile struct {
	Fallback []string          `toml:"fallback"`
	Messages map[string]string `toml:"messages"`
}

// builtin returns the embedded catalogs, read once, and what is wrong with
// them (CheckCatalog). A key a language lists as fallback carries the
// Indonesian text there, so every language has every key.
var builtin = sync.OnceValues(func() (map[string]map[Key]string, error) {
	return loadCatalog(catalogFiles)
})

// CheckCatalog reports every problem of the embedded catalog: a file that
// does not parse (a key written twice), a key missing from a language and
// not listed as its fallback, a key unknown to Indonesian, a placeholder
// that differs from the Indonesian text, a menu item without its text. The
// service refuses to start on any (serve calls it first).
func CheckCatalog() error {
	_, err := builtin()
	return err
}

// loadCatalog reads catalog/<lang>.toml of every language from fsys and
// checks them together; it returns what it could read even with errors.
func loadCatalog(fsys fs.FS) (map[string]map[Key]string, error) {
	out := make(map[string]map[Key]string, len(Langs))
	fallbacks := make(map[string][]string, len(Langs))
	var errs []error
	for _, lang := range Langs {
		f, err := readCatalogFile(fsys, lang)
		errs = append(errs, err...)
		out[lang] = make(map[Key]string, len(f.Messages))
		for k, v := range f.Messages {
			out[lang][Key(k)] = v
		}
		fallbacks[lang] = f.Fallback
	}
	src := out[LangID]
	if len(fallbacks[LangID]) > 0 {
		errs = append(errs, fmt.Errorf("catalog/id.toml: Indonesian is the source and has no fallback"))
	}
	for _, lang := range Langs[1:] {
		errs = append(errs, checkLanguage(src, lang, out[lang], fallbacks[lang])...)
	}
	for _, m := range append(slices.Clone(menus), &roleMenu) {
		for _, k := range append([]Key{m.Key}, m.Labels()...) {
			if _, ok := src[k]; !ok {
				errs = append(errs, fmt.Errorf("catalog/id.toml: menu %q needs %q", m.Key, k))
			}
		}
	}
	return out, errors.Join(errs...)
}

// readCatalogFile decodes one language's file; an entry outside
// [messages] and fallback is an error, like a key written twice.
func readCatalogFile(fsys fs.FS, lang string) (catalogFile, []error) {
	name := "catalog/" + lang + ".toml"
	var f catalogFile
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return f, []error{fmt.Errorf("catalog: %w", err)}
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return catalogFile{}, []error{fmt.Errorf("%s: %w", name, err)}
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("%s: unknown entry %q (texts go under [messages])", name, k.String()))
	}
	return f, errs
}

// checkLanguage holds a translation's texts to the Indonesian ones in src:
// every key translated or listed as fallback (then it gets the Indonesian
// text), no key Indonesian lacks, the same placeholders.
func checkLanguage(src map[Key]string, lang string, texts map[Key]string, fallback []string) []error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("catalog/%s.toml: "+format, append([]any{lang}, a...)...))
	}
	listed := map[Key]bool{}
	for _, k := range fallback {
		key := Key(k)
		_, translated := texts[key]
		_, known := src[key]
		switch {
		case listed[key]:
			bad("%q listed twice as fallback", k)
		case translated:
			bad("%q is translated and also listed as fallback", k)
		case !known:
			bad("fallback %q is not in the Indonesian catalog", k)
		}
		listed[key] = true
	}
	for _, k := range sortedKeys(texts) {
		if _, ok := src[k]; !ok {
			bad("%q is not in the Indonesian catalog", k)
		}
	}
	for _, k := range sortedKeys(src) {
		text, ok := texts[k]
		switch {
		case listed[k]:
			texts[k] = src[k]
		case !ok:
			bad("%q missing (translate it or list it as fallback)", k)
		default:
			if err := checkAgainst(src[k], lang, k, text); err != nil {
				bad("%w", err)
			}
		}
	}
	return errs
}

func sortedKeys(m map[Key]string) []Key {
	out := make([]Key, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var current atomic.Pointer[map[string]map[Key]string]

func catalogs() map[string]map[Key]string {
	if c := current.Load(); c != nil {
		return *c
	}
	b, _ := builtin()
	current.CompareAndSwap(nil, &b)
	return *current.Load()
}

// HasKey tells whether a language's catalog (or Indonesian) has key.
func HasKey(lang string, key Key) bool {
	c := catalogs()
	if _, ok := c[lang][key]; ok {
		return true
	}
	_, ok := c[LangID][key]
	return ok
}

// Keys lists the keys of a language's catalog, sorted.
func Keys(lang string) []Key {
	return sortedKeys(catalogs()[lang])
}

// Text returns the template of key in lang as it stands (with corrections
// applied), and whether the language has it.
func Text(lang string, key Key) (string, bool) {
	s, ok := catalogs()[lang][key]
	return s, ok
}

// Render returns the message of key in lang with its {placeholders} filled.
// A language that lacks a key falls back to Indonesian; an unknown key
// renders as its name in brackets, which the catalog tests catch before it
// can reach a resident.
func Render(lang string, key Key, args A) string {
	c := catalogs()
	tpl, ok := c[lang][key]
	if !ok {
		tpl, ok = c[LangID][key]
	}
	if !ok {
		return "[" + string(key) + "]"
	}
	if m := menuOf(key); m != nil && args["items"] == nil {
		args = m.args(lang, args)
	}
	if !strings.Contains(tpl, "{") {
		return tpl
	}
	var b strings.Builder
	b.Grow(len(tpl) + 32)
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			break
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			break
		}
		b.WriteString(tpl[:i])
		name := tpl[i+1 : i+j]
		if v, ok := args[name]; ok {
			b.WriteString(format(v))
		} else {
			b.WriteString(tpl[i : i+j+1])
		}
		tpl = tpl[i+j+1:]
	}
	return b.String()
}

// RenderAll renders key in every language, for messages queued to many
// people at once (invitations, notices): each gets their own language.
func RenderAll(key Key, args A) map[string]string {
	out := make(map[string]string, len(Langs))
	for _, l := range Langs {
		out[l] = Render(l, key, args)
	}
	return out
}

func format(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case interface{ String() string }:
		return x.String()
	}
	return ""
}

// Placeholders lists the distinct {names} of a template, sorted.
func Placeholders(tpl string) []string {
	var out []string
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			break
		}
		name := tpl[i+1 : i+j]
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
		tpl = tpl[i+j+1:]
	}
	sort.Strings(out)
	return out
}

// Correction is one reviewed text: a language's template for a key.
type Correction struct {
	Lang string
	Key  Key
	Text string
}

// CheckText tells why a template cannot stand for key in lang: the key
// must exist in Indonesian, the text must not be empty, and it must use
// exactly the placeholders of the Indonesian text.
func CheckText(lang string, key Key, text string) error {
	if !ValidLang(lang) {
		return fmt.Errorf("bahasa %q tidak dikenal", lang)
	}
	b, _ := builtin()
	src, ok := b[LangID][key]
	if !ok {
		return fmt.Errorf("kunci %q tidak ada di katalog", key)
	}
	return checkAgainst(src, lang, key, text)
}

// checkAgainst tells why text cannot stand for key in lang beside the
// Indonesian template src.
func checkAgainst(src, lang string, key Key, text string) error {
	if strings.TrimSpace(text) == "" && strings.TrimSpace(src) != "" {
		return fmt.Errorf("%s/%s: teks kosong", lang, key)
	}
	if want, got := Placeholders(src), Placeholders(text); !slices.Equal(want, got) {
		return fmt.Errorf("%s/%s: isian {…} harus %v, tertulis %v", lang, key, want, got)
	}
	return nil
}

// Apply puts reviewed texts in place of the compiled ones (the service does
// it at start with the corrections stored by "katalog impor"). Each is
// checked first; on any error nothing changes.
func Apply(cs []Correction) error {
	for _, c := range cs {
		if err := CheckText(c.Lang, c.Key, c.Text); err != nil {
			return err
		}
	}
	old := catalogs()
	next := make(map[string]map[Key]string, len(old))
	for l, m := range old {
		next[l] = make(map[Key]string, len(m))
		for k, v := range m {
			next[l][k] = v
		}
	}
	for _, c := range cs {
		next[c.Lang][c.Key] = c.Text
	}
	current.Store(&next)
	return nil
}

// ResetCorrections puts the compiled catalog back (tests use it).
func ResetCorrections() {
	b, _ := builtin()
	current.Store(&b)
}

// csvHeader is the first row of the catalog's CSV: one column per language.
var csvHeader = []string{"key", "id (Bahasa Indonesia)", "jv (Basa Jawa krama)", "su (Basa Sunda lemes)"}

// ExportCSV writes the catalog as it stands to w: one row per key with its
// text in every language, so that a native speaker can review it in a
// spreadsheet.
func ExportCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	c := catalogs()
	for _, k := range Keys(LangID) {
		row := []string{string(k)}
		for _, l := range Langs {
			row = append(row, c[l][k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ParseCSV reads a reviewed catalog CSV (the ExportCSV form) and returns
// the texts that differ from the compiled catalog, every one checked. All
// problems are reported together, with their line, and then nothing is
// returned: a half-imported catalog would mix two reviews.
func ParseCSV(r io.Reader) ([]Correction, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	b, _ := builtin()
	var out []Correction
	var problems []string
	seen := map[Key]bool{}
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("baris %d: %v", line, err)
		}
		if line == 1 && len(rec) > 0 && rec[0] == csvHeader[0] {
			continue
		}
		if len(rec) != len(Langs)+1 {
			problems = append(problems, fmt.Sprintf("baris %d: perlu %d kolom (key, id, jv, su)", line, len(Langs)+1))
			continue
		}
		key := Key(strings.TrimSpace(rec[0]))
		if seen[key] {
			problems = append(problems, fmt.Sprintf("baris %d: kunci %q dua kali", line, key))
			continue
		}
		seen[key] = true
		for i, l := range Langs {
			text := rec[i+1]
			if err := CheckText(l, key, text); err != nil {
				problems = append(problems, fmt.Sprintf("baris %d: %v", line, err))
				continue
			}
			if text != b[l][key] {
				out = append(out, Correction{Lang: l, Key: key, Text: text})
			}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return out, nil
}
