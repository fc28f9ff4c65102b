package web

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

var (
	fmtVerb     = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	placeholder = regexp.MustCompile(`\{(\d+)\}`)
)

// Every rule that may refuse a facilitator's input has its Indonesian text
// in catalog/id.toml, using no argument the rule does not give; the
// catalog holds no text of a rule that is gone.
func TestEveryRuleHasIndonesianText(t *testing.T) {
	texts, err := refusalTexts()
	if err != nil {
		t.Fatal(err)
	}
	rules := domain.Rules()
	if len(rules) < 100 {
		t.Fatalf("only %d rules registered", len(rules))
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.Key] = true
		text, ok := texts[r.Key]
		if !ok || strings.TrimSpace(text) == "" {
			t.Errorf("rule %s (%q) has no Indonesian text", r.Key, r.English)
			continue
		}
		verbs := len(fmtVerb.FindAllString(strings.ReplaceAll(r.English, "%%", ""), -1))
		for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
			if n, _ := strconv.Atoi(m[1]); n < 1 || n > verbs {
				t.Errorf("rule %s: {%s} but the rule gives %d arguments", r.Key, m[1], verbs)
			}
		}
	}
	for k := range texts {
		if !known[k] {
			t.Errorf("catalog text %s belongs to no rule", k)
		}
	}
}

// The refusals of the domain and of the admin site's own handlers are made
// from rules: no bare EINVALID or ECONFLICT error, whose words could only
// be English or inline.
func TestRefusalsAreRules(t *testing.T) {
	bare := regexp.MustCompile(`Errorf\((domain\.)?(EINVALID|ECONFLICT)`)
	for _, dir := range []string{"../domain", "."} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "errors.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(b), "\n") {
				// A new password is set on the command line, in English.
				if bare.MatchString(line) && !strings.Contains(line, "a password has") {
					t.Errorf("%s:%d: a refusal without a rule: %s", f, i+1, strings.TrimSpace(line))
				}
			}
		}
	}
}

// A refusal's arguments are written in words: a stage by its name.
func TestRefusalTextInWords(t *testing.T) {
	err := domain.CheckTransition(domain.StatusPelaksanaan, domain.StatusDitolak, "alasan")
	got := refusalText(err)
	if got != "Gagasan pada tahap „Sedang dikerjakan oleh TPK” tidak dapat dipindah ke „Tidak dilanjutkan”." {
		t.Fatalf("%q", got)
	}
	if _, err := domain.ParsePhone("0812"); refusalText(err) == refusalGeneric || err == nil {
		t.Fatalf("phone refusal not in the catalog: %v", err)
	}
}
