package web

import (
	"context"
	_ "embed"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The admin site says every refusal in Bahasa Indonesia: the texts of the
// rules (domain.NewRule) are data in catalog/id.toml, like the chat's
// messages, never inline in Go.
//
//go:embed catalog/id.toml
var refusalTOML string

var refusalTexts = sync.OnceValues(func() (map[string]string, error) {
	var c struct {
		Refusals map[string]string `toml:"refusals"`
	}
	_, err := toml.Decode(refusalTOML, &c)
	return c.Refusals, err
})

// pageTexts are the admin site's other texts kept in the catalog ([texts]:
// confirmations, flash messages), with {name} arguments.
var pageTexts = sync.OnceValues(func() (map[string]string, error) {
	var c struct {
		Texts map[string]string `toml:"texts"`
	}
	_, err := toml.Decode(refusalTOML, &c)
	return c.Texts, err
})

// adminText is the catalog's text key with its {name} arguments filled;
// the key itself when the catalog lacks it (a test keeps that from
// happening).
func adminText(key string, args map[string]any) string {
	texts, _ := pageTexts()
	t, ok := texts[key]
	if !ok {
		return key
	}
	for k, v := range args {
		t = strings.ReplaceAll(t, "{"+k+"}", fmt.Sprint(v))
	}
	return t
}

// refusalGeneric is said for a refusal without a rule, or a rule the
// catalog lacks (TestEveryRuleHasIndonesianText keeps that from happening).
const refusalGeneric = "Isian tidak dapat diproses. Periksa lalu coba lagi."

// refusalText is why err refused, in Bahasa Indonesia.
func refusalText(err error) string {
	t, _ := refusalParts(err, false)
	return t
}

// refusalList is why err refused as a lead and a list, when it refused
// for several reasons (a rule whose argument is their list, []error, as
// the election form's rows): the rule's text without the list, and each
// reason's text. For any other refusal lines is nil.
func refusalList(err error) (lead string, lines []string) {
	return refusalParts(err, true)
}

// refusalLines are the texts of several refusals, one a line.
func refusalLines(errs []error) []string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = refusalText(e)
	}
	return lines
}

// refusalParts fills the catalog's text of err's rule with its
// arguments; with split, a list of refusals ([]error) is taken out of the
// text and returned as its lines.
func refusalParts(err error, split bool) (string, []string) {
	rule, args := domain.RuleOf(err)
	if rule == nil {
		return refusalGeneric, nil
	}
	texts, _ := refusalTexts()
	t, ok := texts[rule.Key]
	if !ok {
		return refusalGeneric, nil
	}
	var lines []string
	for i := len(args); i >= 1; i-- { // {10} before {1}
		words := ""
		if errs, ok := args[i-1].([]error); ok && split {
			lines = refusalLines(errs)
		} else {
			words = argWords(args[i-1])
		}
		t = strings.ReplaceAll(t, "{"+strconv.Itoa(i)+"}", words)
	}
	return strings.TrimSpace(t), lines
}

// argWords writes a refusal's argument as a facilitator reads it: a stage
// by its name, not its code.
func argWords(a any) string {
	switch v := a.(type) {
	case domain.Status:
		return shortStage(flow.StageText(flow.LangID, v))
	case domain.ComplaintStatus:
		return shortStage(aduan.StageText(flow.LangID, v))
	case domain.CodeKind:
		return string(rune(v))
	case domain.Position:
		return positionText(v)
	case domain.MeetingType:
		return flow.MeetingTypeText(flow.LangID, v)
	case []error: // refusals of several lines
		return strings.Join(refusalLines(v), " ")
	case error: // a refusal inside another
		return refusalText(v)
	}
	return fmt.Sprint(a)
}

// shortStage is a stage's sentence up to its first pause ("Sedang
// dikerjakan oleh TPK.").
func shortStage(s string) string {
	if i := strings.IndexAny(s, ".,;!"); i > 0 {
		return s[:i]
	}
	return s
}

// refused is a form the rules refused: the page it belongs to is shown
// again with why above it and what was typed kept.
type refused struct {
	Path    string // the form's action
	Message string
	// Lead and Lines are Message as a list, one line a reason, when it
	// refused for several (refusalList); Lines is nil otherwise.
	Lead  string
	Lines []string
	Form  url.Values
}

type refusedKey struct{}
type backKey struct{}

// form marks h as the handler of a form on the page back shows: when the
// rules refuse it, back answers (see fail), so the facilitator stays on
// the form, in the admin layout, with the reason and the values typed.
func form(back, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h(w, r.WithContext(context.WithValue(r.Context(), backKey{}, back)))
	}
}

// refuseOnForm shows the form's page again for a refusal; false when the
// request is no form of a page (then fail shows the error page).
func refuseOnForm(w http.ResponseWriter, r *http.Request, err error) bool {
	back, ok := r.Context().Value(backKey{}).(http.HandlerFunc)
	if !ok || r.Method != http.MethodPost {
		return false
	}
	ref := &refused{Path: r.URL.Path, Message: refusalText(err), Form: r.PostForm}
	ref.Lead, ref.Lines = refusalList(err)
	r2 := r.WithContext(context.WithValue(r.Context(), refusedKey{}, ref))
	r2.Method = http.MethodGet
	u := *r.URL
	// The page's own address (its ?desa=), when the browser says it.
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
		u.RawQuery = ref.RawQuery
	}
	r2.URL = &u
	back(w, r2)
	return true
}

func refusedOf(r *http.Request) *refused {
	ref, _ := r.Context().Value(refusedKey{}).(*refused)
	return ref
}

// Kept is the value typed in field of the form posted to path, when that
// form was refused (empty otherwise): templates fill it back in.
func (p page) Kept(path, field string) string {
	if p.Refused == nil || p.Refused.Path != path {
		return ""
	}
	return p.Refused.Form.Get(field)
}

// whyNot is the reason a rule gives for refusing an action now, for the
// page to show beside the action it does not offer ("" when allowed).
func whyNot(err error) string {
	if err == nil {
		return ""
	}
	return refusalText(err)
}

// RefusedAt tells whether the form posted to path was refused.
func (p page) RefusedAt(path string) bool { return p.Refused != nil && p.Refused.Path == path }

// RefusalAt is the refusal of the form posted to path (nil when it was
// not refused): the template "refused" shows why above that form, as a
// list when there were several reasons.
func (p page) RefusalAt(path string) *refused {
	if !p.RefusedAt(path) {
		return nil
	}
	return p.Refused
}
