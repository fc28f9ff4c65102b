package web

import (
	"html"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// Admin lists page on the server: the URL holds the search (q), the sort
// column (urut, one of the list's keys), its direction (arah: naik or
// turun) and the page (hal); anything else there is a filter. A bad value
// is the default, never an error and never SQL.

const perPage = 50

// listView is what a list's template needs for its header, its sortable
// columns and its pager.
type listView struct {
	Path  string
	Noun  string
	Query string
	Sort  string
	Desc  bool
	Page  int
	Pages int
	Total int
	From  int
	To    int
	vals  url.Values
	def   string
	// defDesc: the default column sorts newest first.
	defDesc bool
}

// listOf reads a list's parameters; keys are its sort keys, the default
// first, which sorts descending when defDesc.
func listOf(r *http.Request, noun string, keys []string, defDesc bool) *listView {
	q := r.URL.Query()
	v := &listView{Path: r.URL.Path, Noun: noun, Query: strings.TrimSpace(q.Get("q")), vals: q, def: keys[0], defDesc: defDesc}
	v.Sort = q.Get("urut")
	if !slices.Contains(keys, v.Sort) {
		v.Sort = keys[0]
	}
	switch q.Get("arah") {
	case "turun":
		v.Desc = true
	case "naik":
	default:
		v.Desc = v.Sort == keys[0] && defDesc
	}
	v.Page, _ = strconv.Atoi(q.Get("hal"))
	v.Page = max(v.Page, 1)
	return v
}

func (v *listView) listPage() postgres.ListPage {
	return postgres.ListPage{Query: v.Query, Sort: v.Sort, Desc: v.Desc, Offset: (v.Page - 1) * perPage, Limit: perPage}
}

// counted records the list's total and tells whether the page asked for
// lies past the end (then it is the last page, to be loaded again).
func (v *listView) counted(total, shown int) (again bool) {
	v.Total = total
	v.Pages = max(1, (total+perPage-1)/perPage)
	if v.Page > v.Pages {
		v.Page = v.Pages
		return true
	}
	if shown > 0 {
		v.From = (v.Page-1)*perPage + 1
		v.To = v.From + shown - 1
	}
	return false
}

// pageOf loads a page of a list, and the last one when the page asked for
// lies past the end.
func pageOf[T any](v *listView, load func(postgres.ListPage) ([]T, int, error)) ([]T, error) {
	rows, total, err := load(v.listPage())
	if err == nil && v.counted(total, len(rows)) {
		rows, total, err = load(v.listPage())
		v.counted(total, len(rows))
	}
	return rows, err
}

func (v *listView) url(set map[string]string) string {
	q := url.Values{}
	for k, vs := range v.vals {
		if k != "ok" && k != "oks" {
			q[k] = vs
		}
	}
	for k, s := range set {
		if s == "" {
			q.Del(k)
		} else {
			q.Set(k, s)
		}
	}
	if len(q) == 0 {
		return v.Path
	}
	return v.Path + "?" + q.Encode()
}

// Export is the link to an export of the list as it is filtered.
func (v *listView) Export(path string) string {
	w := *v
	w.Path = path
	return w.url(map[string]string{"hal": "", "urut": "", "arah": ""})
}

// PageURL is the link to page n.
func (v *listView) PageURL(n int) string {
	if n <= 1 {
		return v.url(map[string]string{"hal": ""})
	}
	return v.url(map[string]string{"hal": strconv.Itoa(n)})
}

// sortBy is the link that sorts by a column (the other way round when it
// is already the sort column), its aria-sort and its mark.
func (v *listView) sortBy(key string) (href, sort, mark string) {
	arah := "naik"
	sort = "none"
	if key == v.def && v.defDesc {
		arah = "turun"
	}
	if key == v.Sort {
		if v.Desc {
			arah, sort, mark = "naik", "descending", " ▼"
		} else {
			arah, sort, mark = "turun", "ascending", " ▲"
		}
	}
	return v.url(map[string]string{"urut": key, "arah": arah, "hal": ""}), sort, mark
}

// Th is a sortable column's header.
func (v *listView) Th(key, label string) template.HTML {
	href, sort, mark := v.sortBy(key)
	return template.HTML(`<th aria-sort="` + sort + `"><a href="` + html.EscapeString(href) + `">` + html.EscapeString(label) + mark + `</a></th>`)
}

// Sortlink sorts a list that is no table.
func (v *listView) Sortlink(key, label string) template.HTML {
	href, sort, mark := v.sortBy(key)
	current := ""
	if sort != "none" {
		current = ` aria-current="true"`
	}
	return template.HTML(`<a href="` + html.EscapeString(href) + `"` + current + `>` + html.EscapeString(label) + mark + `</a>`)
}

// Hidden keeps the sort, and the kecamatan chosen in the kecamatan bar
// (kec), in a filter form.
func (v *listView) Hidden() template.HTML {
	var b strings.Builder
	for _, k := range []string{"urut", "arah", "kec"} {
		if s := v.vals.Get(k); s != "" {
			b.WriteString(`<input type="hidden" name="` + k + `" value="` + html.EscapeString(s) + `">`)
		}
	}
	return template.HTML(b.String())
}

// thousands writes a count the Indonesian way: 1.200.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
