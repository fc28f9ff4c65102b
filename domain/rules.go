package domain

import (
	"fmt"
	"sort"
	"sync"
)

// Rule is one rule of the program that may refuse an input: its key names
// its text in the admin site's catalog (web/catalog/id.toml), English is
// the message kept for logs and the command line. Every refusal a person
// may see is made from a Rule, so that each surface can say it in its own
// language (TestEveryRuleHasIndonesianText).
type Rule struct {
	Key     string
	Code    ErrorCode
	English string // a fmt format taking the refusal's arguments
}

var (
	rulesMu sync.Mutex
	rules   = map[string]*Rule{}
)

// NewRule registers a rule; it is called from package variables, so a key
// given twice stops the program at start, never on input.
func NewRule(key string, code ErrorCode, english string) *Rule {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	if _, dup := rules[key]; dup {
		panic("domain: rule " + key + " registered twice")
	}
	r := &Rule{Key: key, Code: code, English: english}
	rules[key] = r
	return r
}

// Err is the refusal of this rule with its arguments (a stage, a percent,
// a code), kept so that a surface can write them in its own words.
func (r *Rule) Err(args ...any) *Error {
	return &Error{Code: r.Code, Message: fmt.Sprintf(r.English, args...), Rule: r, Args: args}
}

// Rules lists every registered rule, by key.
func Rules() []*Rule {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	out := make([]*Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
