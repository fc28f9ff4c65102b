// Package suaradesa_test holds the checks that span the whole module.
package suaradesa_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/suaradesa/suaradesa"

// layer is one rule: the packages at or below Of may depend, directly or
// through others, on none of ours outside Allow (when set) and on none in
// Deny. Paths are relative to the module; "flows" also means "flows/…".
type layer struct {
	of    string
	allow []string // nil: anything not denied
	deny  []string
	why   string
}

// layers is the design card's order: domain below flows below bot and
// store, web above them, cmd on top; configs is data for cmd alone.
var layers = []layer{
	{of: "domain", allow: []string{}, why: "domain is entities and rules, no I/O"},
	{of: "flows", allow: []string{"domain", "flows"}, why: "flows are pure conversation: domain and flows/* only"},
	{of: "configs", allow: []string{}, why: "configs is data that cmd hands in"},
	{of: "store", deny: []string{"bot", "web", "cmd", "configs"}, why: "the store serves the layers above it; cmd hands it the demo data"},
	{of: "bot", deny: []string{"web", "cmd"}, why: "the runtime does not know the web or the binary"},
	{of: "web", deny: []string{"cmd"}, why: "the web does not know the binary"},
}

// under tells whether a module-relative path is dir or below it.
func under(path, dir string) bool { return path == dir || strings.HasPrefix(path, dir+"/") }

type goPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// modulePackages runs `go list -json -deps ./...` and returns our packages
// by module-relative path ("" for the module root).
func modulePackages(t *testing.T) map[string]goPackage {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goCmd, "list", "-json=ImportPath,Imports,Deps", "-deps", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]goPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("reading go list: %v", err)
		}
		if rel, ok := ours(p.ImportPath); ok {
			pkgs[rel] = p
		}
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d of our packages", len(pkgs))
	}
	return pkgs
}

// ours returns the module-relative path of one of our packages.
func ours(importPath string) (string, bool) {
	if importPath == module {
		return "", true
	}
	rel, ok := strings.CutPrefix(importPath, module+"/")
	return rel, ok
}

// chain is the shortest import path from one of our packages to another,
// for the failure message.
func chain(pkgs map[string]goPackage, from, to string) string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			path := []string{to}
			for p := prev[to]; p != ""; p = prev[p] {
				path = append(path, p)
			}
			slices.Reverse(path)
			return strings.Join(path, " → ")
		}
		for _, imp := range pkgs[cur].Imports {
			if rel, ok := ours(imp); ok {
				if _, seen := prev[rel]; !seen {
					prev[rel] = cur
					queue = append(queue, rel)
				}
			}
		}
	}
	return from + " → … → " + to
}

// TestLayers checks that no lower layer depends on a higher one, through
// any chain of imports (tests' own imports aside).
func TestLayers(t *testing.T) {
	pkgs := modulePackages(t)
	paths := slices.Sorted(maps.Keys(pkgs))
	for _, l := range layers {
		found := false
		for _, path := range paths {
			p := pkgs[path]
			if !under(path, l.of) {
				continue
			}
			found = true
			for _, dep := range p.Deps {
				rel, ok := ours(dep)
				if !ok {
					continue
				}
				allowed := l.allow == nil || slices.ContainsFunc(l.allow, func(a string) bool { return under(rel, a) })
				denied := slices.ContainsFunc(l.deny, func(d string) bool { return under(rel, d) })
				if !allowed || denied {
					t.Errorf("%s depends on %s (%s): %s", path, rel, l.why, chain(pkgs, path, rel))
				}
			}
		}
		if !found {
			t.Errorf("no package under %s: the rule checks nothing", l.of)
		}
	}
}
