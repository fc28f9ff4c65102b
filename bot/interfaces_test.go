package bot_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/store/postgres"
)

var (
	_ bot.RenumberHandler = (*bot.Pipeline)(nil)
	_ bot.StatusStore     = (*postgres.Store)(nil)
)

// inspect parses the Go files below root, the tests only or all but the
// tests, and visits each node.
func inspect(t *testing.T, root string, tests bool, visit func(pos func(token.Pos) token.Position, n ast.Node)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") != tests {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool { visit(fset.Position, n); return true })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// What every channel adapter needs of the pipeline (Handle) and of the
// store (delivery reports) is declared once, in bot: an adapter package
// that declares its own interface with one of these methods repeats it.
func TestAdaptersShareHandlerAndStatusStore(t *testing.T) {
	shared := map[string]bool{"Handle": true, "MoveNumber": true, "MarkOutboundStatus": true, "FailOutbound": true}
	inspect(t, ".", false, func(pos func(token.Pos) token.Position, n ast.Node) {
		spec, ok := n.(*ast.TypeSpec)
		if !ok {
			return
		}
		iface, ok := spec.Type.(*ast.InterfaceType)
		if !ok || !strings.Contains(pos(spec.Pos()).Filename, "/") { // bot's own
			return
		}
		for _, m := range iface.Methods.List {
			for _, name := range m.Names {
				if shared[name.Name] {
					t.Errorf("%s: interface %s declares %s again; use bot.Handler, bot.RenumberHandler or bot.StatusStore",
						pos(name.Pos()), spec.Name.Name, name.Name)
				}
			}
		}
	})
}

// The tests of the channels (and of the web site, which runs the
// simulator) wire the pipeline through one harness, bot/bottest, not by
// hand: a new field of the pipeline is then set in one place.
func TestTestsWireThePipelineThroughTheHarness(t *testing.T) {
	for _, root := range []string{".", "../web"} {
		inspect(t, root, true, func(pos func(token.Pos) token.Position, n ast.Node) {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return
			}
			if sel, ok := lit.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Pipeline" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "bot" {
					t.Errorf("%s: a bot.Pipeline wired by hand; use bottest.New", pos(lit.Pos()))
				}
			}
		})
	}
}
