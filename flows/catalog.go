package flows

import (
	"sort"
	"strconv"
	"strings"
)

// Key names a message of the catalog. Every user-facing text lives in the
// catalog, never inline in a flow, so that a second language is a new column.
type Key string

// A carries the named arguments of a message: {name} in the template.
type A map[string]any

// LangID is Bahasa Indonesia, the default language.
const LangID = "id"

// catalogs maps a language to its messages. Only Indonesian exists today;
// a language that lacks a key falls back to Indonesian.
var catalogs = map[string]map[Key]string{
	LangID: messagesID,
}

// HasKey tells whether a language's catalog (or Indonesian) has key.
func HasKey(lang string, key Key) bool {
	if _, ok := catalogs[lang][key]; ok {
		return true
	}
	_, ok := catalogs[LangID][key]
	return ok
}

// Keys lists the keys of a language's catalog, sorted.
func Keys(lang string) []Key {
	out := make([]Key, 0, len(catalogs[lang]))
	for k := range catalogs[lang] {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Render returns the message of key in lang with its {placeholders} filled.
// An unknown key renders as its name in brackets, which the catalog tests
// catch before it can reach a resident.
func Render(lang string, key Key, args A) string {
	tpl, ok := catalogs[lang][key]
	if !ok {
		tpl, ok = catalogs[LangID][key]
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
