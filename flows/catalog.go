package flows

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Key names a message of the catalog. Every user-facing text lives in the
// catalog, never inline in a flow, so that a language is a column.
type Key string

// A carries the named arguments of a message: {name} in the template.
type A map[string]any

// The languages of the catalog. Indonesian is the source: every other
// language has exactly its keys and placeholders (TestCatalogLanguages).
const (
	LangID = "id" // Bahasa Indonesia
	LangJV = "jv" // Basa Jawa, krama
	LangSU = "su" // Basa Sunda, lemes
)

// Langs lists the languages in the order residents choose them.
var Langs = []string{LangID, LangJV, LangSU}

// ValidLang tells whether lang is a language of the catalog.
func ValidLang(lang string) bool { return slices.Contains(Langs, lang) }

// builtin holds the catalogs compiled in; the Indonesian one is assembled
// from several files' init functions, so the set is built on first use.
func builtin() map[string]map[Key]string {
	return map[string]map[Key]string{LangID: messagesID, LangJV: messagesJV, LangSU: messagesSU}
}

var (
	current  atomic.Pointer[map[string]map[Key]string]
	initOnce sync.Once
)

func catalogs() map[string]map[Key]string {
	initOnce.Do(func() {
		b := builtin()
		current.CompareAndSwap(nil, &b)
	})
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
	c := catalogs()[lang]
	out := make([]Key, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
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
	src, ok := builtin()[LangID][key]
	if !ok {
		return fmt.Errorf("kunci %q tidak ada di katalog", key)
	}
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
	catalogs()
	b := builtin()
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
	b := builtin()
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
