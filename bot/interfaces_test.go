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

// What every channel adapter needs of the pipeline (Handle) and of the
// store (delivery reports) is declared once, in bot: an adapter package
// that declares its own interface with one of these methods repeats it.
func TestAdaptersShareHandlerAndStatusStore(t *testing.T) {
	shared := map[string]bool{"Handle": true, "MoveNumber": true, "MarkOutboundStatus": true, "FailOutbound": true}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Dir(path) == "." || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			iface, ok := spec.Type.(*ast.InterfaceType)
			if !ok {
				return true
			}
			for _, m := range iface.Methods.List {
				for _, name := range m.Names {
					if shared[name.Name] {
						t.Errorf("%s: interface %s declares %s again; use bot.Handler, bot.RenumberHandler or bot.StatusStore",
							fset.Position(name.Pos()), spec.Name.Name, name.Name)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
