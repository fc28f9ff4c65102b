package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// commandTypes type-checks the flows packages (from the go command's export
// data) and returns every type in them that implements flow.Command, as
// "import/path.Name".
func commandTypes(t *testing.T) []string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	const flowsPath = "github.com/suaradesa/suaradesa/flows"
	cmd := exec.Command(goCmd, "list", "-export", "-deps", "-json=ImportPath,Export,Standard", flowsPath+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	exports := map[string]string{}
	var ours []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath, Export string
			Standard           bool
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("reading go list: %v", err)
		}
		exports[p.ImportPath] = p.Export
		if p.ImportPath == flowsPath || strings.HasPrefix(p.ImportPath, flowsPath+"/") {
			ours = append(ours, p.ImportPath)
		}
	}
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok || f == "" {
			return nil, errors.New("no export data for " + path)
		}
		return os.Open(f)
	})
	root, err := imp.Import(flowsPath + "/flow")
	if err != nil {
		t.Fatalf("importing flows/flow: %v", err)
	}
	iface, ok := root.Scope().Lookup("Command").Type().Underlying().(*types.Interface)
	if !ok {
		t.Fatal("flow.Command is not an interface")
	}
	found := map[string]bool{}
	for _, path := range ours {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatalf("importing %s: %v", path, err)
		}
		for _, name := range pkg.Scope().Names() {
			tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			named, ok := types.Unalias(tn.Type()).(*types.Named)
			if !ok || types.IsInterface(named) || !types.Implements(named, iface) {
				continue
			}
			found[named.Obj().Pkg().Path()+"."+named.Obj().Name()] = true
		}
	}
	list := slices.Sorted(func(yield func(string) bool) {
		for k := range found {
			if !yield(k) {
				return
			}
		}
	})
	if len(list) < 20 {
		t.Fatalf("found only %d command types in flows: %v", len(list), list)
	}
	return list
}

// Every command a flow can return has its effect, so a new command cannot
// be forgotten; and each has one only.
func TestEveryCommandHasAnEffect(t *testing.T) {
	have := map[string]bool{}
	n := 0
	for _, fam := range effectFamilies {
		for _, e := range fam {
			have[e.command.PkgPath()+"."+e.command.Name()] = true
			n++
		}
	}
	if n != len(effects) {
		t.Errorf("%d effects listed for %d command types: one is written twice", n, len(effects))
	}
	for _, c := range commandTypes(t) {
		if !have[c] {
			t.Errorf("command %s has no effect: add one to the file of its family (bot/effects_*.go)", c)
		}
		delete(have, c)
	}
	for c := range have {
		t.Errorf("effect for %s, which is no command of flows", c)
	}
}

// unknownCommand is a command no effect knows (it borrows GiveConsent's
// marker method).
type unknownCommand struct{ flow.GiveConsent }

// A command without an effect is a coded internal error, never a panic,
// and nothing of the step is applied.
func TestUnknownCommandIsACodedError(t *testing.T) {
	cmds := []flow.Command{flow.SetOptOut{Out: true}, unknownCommand{}}
	if _, _, err := byPhase(cmds); domain.ErrorCodeOf(err) != domain.EINTERNAL || !strings.Contains(err.Error(), "unknownCommand") {
		t.Fatalf("byPhase: %v", err)
	}
	p := &Pipeline{}
	if err := p.apply(context.Background(), nil, Inbound{}, []flow.Command{unknownCommand{}}, nil, nil); domain.ErrorCodeOf(err) != domain.EINTERNAL {
		t.Fatalf("apply: %v", err)
	}
}

// The commands that write to many people run after the turn's replies are
// queued, the rest before, each in the order the step returned them.
func TestEffectPhases(t *testing.T) {
	wantFanOut := []reflect.Type{
		reflect.TypeFor[flow.CreateMeeting](), reflect.TypeFor[flow.MoveMeeting](), reflect.TypeFor[flow.CancelMeeting](),
		reflect.TypeFor[flow.RecordOutcome](), reflect.TypeFor[flow.OpenVote](), reflect.TypeFor[flow.CreateReport](), reflect.TypeFor[flow.CreateComplaint](),
	}
	for typ, e := range effects {
		if got, want := e.phase == fanOut, slices.Contains(wantFanOut, typ); got != want {
			t.Errorf("%v: fan-out %v, want %v", typ, got, want)
		}
	}
	cmds := []flow.Command{flow.CreateMeeting{}, flow.GiveConsent{}, flow.CreateComplaint{}, flow.SetRSVP{}, flow.Follow{}}
	before, after, err := byPhase(cmds)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, []flow.Command{flow.GiveConsent{}, flow.SetRSVP{}, flow.Follow{}}) ||
		!reflect.DeepEqual(after, []flow.Command{flow.CreateMeeting{}, flow.CreateComplaint{}}) {
		t.Fatalf("before %v, after %v", before, after)
	}
}

// BenchmarkByPhase measures looking up the effects of a busy turn's
// commands (the work the pipeline's type switch did before).
//
//	go test ./bot -run '^$' -bench ByPhase
func BenchmarkByPhase(b *testing.B) {
	cmds := []flow.Command{flow.GiveConsent{}, flow.Register{}, flow.CreateGagasan{}, flow.CreateMeeting{}}
	for b.Loop() {
		if _, _, err := byPhase(cmds); err != nil {
			b.Fatal(err)
		}
	}
}
