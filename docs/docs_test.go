package docs

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, seen from this package.
const root = ".."

// topDirs are the repository's top-level folders: a cited path that starts
// with one of them must exist.
var topDirs = []string{"bot", "cmd", "configs", "docs", "domain", "flows", "scripts", "store", "web"}

var (
	testFunc  = regexp.MustCompile(`(?m)^func ((?:Test|Fuzz|Benchmark)[A-Z0-9]\w*)\(`)
	citedTest = regexp.MustCompile("`((?:Test|Fuzz|Benchmark)[A-Z0-9]\\w*)`")
	codeSpan  = regexp.MustCompile("`([^`\\s]+)`")
	mdLink    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	heading   = regexp.MustCompile(`(?m)^#{1,6} +(.+?) *$`)
)

// documents are the Markdown files the project publishes.
func documents(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	for _, name := range []string{"README.md", "docs/ARCHITECTURE.md", "docs/GLOSSARY.md"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(b)
	}
	return docs
}

// walk visits the repository's files, leaving out git's and local data.
func walk(t *testing.T, visit func(rel, text string)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == ".data" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".md")) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		visit(filepath.ToSlash(rel), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDocsCiteWhatExists: every test, fuzz target and benchmark the README
// and docs/ name exists, every repository path they cite exists, and every
// link to a heading finds it.
func TestDocsCiteWhatExists(t *testing.T) {
	tests := map[string]bool{}
	walk(t, func(rel, text string) {
		if strings.HasSuffix(rel, "_test.go") {
			for _, m := range testFunc.FindAllStringSubmatch(text, -1) {
				tests[m[1]] = true
			}
		}
	})
	docs := documents(t)
	anchors := map[string]map[string]bool{}
	for name, text := range docs {
		anchors[name] = map[string]bool{}
		for _, h := range heading.FindAllStringSubmatch(text, -1) {
			anchors[name][slug(h[1])] = true
		}
	}
	for name, text := range docs {
		for _, m := range citedTest.FindAllStringSubmatch(text, -1) {
			if !tests[m[1]] {
				t.Errorf("%s cites %s, which no test file declares", name, m[1])
			}
		}
		for _, m := range codeSpan.FindAllStringSubmatch(text, -1) {
			if p, ok := repoPath(m[1]); ok {
				if _, err := os.Stat(filepath.Join(root, p)); err != nil {
					t.Errorf("%s cites %s, which is not in the repository", name, m[1])
				}
			}
		}
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			target, anchor, _ := strings.Cut(m[1], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(m[1], "mailto:") {
				continue
			}
			file := name
			if target != "" {
				file = filepath.ToSlash(filepath.Join(filepath.Dir(name), target))
				if _, err := os.Stat(filepath.Join(root, file)); err != nil {
					t.Errorf("%s links to %s, which is not in the repository", name, target)
					continue
				}
			}
			if anchor != "" && anchors[file] != nil && !anchors[file][anchor] {
				t.Errorf("%s links to %s#%s, which has no such heading", name, file, anchor)
			}
		}
	}
}

// TestNoDocumentOutsideTheRepository: code and Markdown cite the design
// documents of docs/, never a DESIGN.md or GLOSSARY.md that is not in the
// repository.
func TestNoDocumentOutsideTheRepository(t *testing.T) {
	outside := regexp.MustCompile(`(^|[^/\w])(DESIGN|GLOSSARY|STYLE)\.md`)
	walk(t, func(rel, text string) {
		if strings.HasPrefix(rel, "docs/") {
			return // beside each other, docs cite one another by name
		}
		for i, line := range strings.Split(text, "\n") {
			if outside.MatchString(line) {
				t.Errorf("%s:%d cites a document outside the repository: %s", rel, i+1, strings.TrimSpace(line))
			}
		}
	})
	for _, name := range []string{"ARCHITECTURE.md", "GLOSSARY.md"} {
		if _, err := os.Stat(filepath.Join(root, "docs", name)); err != nil {
			t.Errorf("docs/%s is missing", name)
		}
	}
}

// repoPath reads a code span as a path in the repository: one that starts
// with a top-level folder and names a file or folder plainly (no pattern,
// no placeholder, no address).
func repoPath(s string) (string, bool) {
	s = strings.TrimSuffix(s, "/")
	first, _, ok := strings.Cut(s, "/")
	if !ok || strings.ContainsAny(s, "*…<>{}$?=:@,") {
		return "", false
	}
	for _, d := range topDirs {
		if first == d {
			return s, true
		}
	}
	return "", false
}

// slug is GitHub's anchor for a heading: lower case, spaces as hyphens,
// punctuation other than hyphens and underscores dropped.
func slug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
