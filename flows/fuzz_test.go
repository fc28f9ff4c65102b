package flows_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// handStates are the sessions FuzzStep always starts from, written by
// hand before the flows were listed (and a flow that does not exist).
var handStates = []string{
	"|", "daftar|consent", "daftar|name", "daftar|desa", "daftar|dusun", "daftar|gender",
	"gagasan|category", "gagasan|title", "gagasan|description", "gagasan|dusun", "gagasan|location",
	"gagasan|households", "gagasan|poor", "gagasan|photo", "gagasan|confirm", "gagasan|edit",
	"detail|offer", "detail|category", "detail|photo", "hapus|confirm", "nosuch|step",
	"undang|type", "undang|audience", "undang|dusun", "undang|when", "undang|place", "undang|agenda",
	"undang|preview", "undang|edit", "rapat|manage", "rapat|move_when", "rapat|move_place", "rapat|cancel",
	"hasil|attended", "hasil|women", "hasil|decision", "hasil|reason",
	"lapor|pick", "lapor|percent", "lapor|reason", "lapor|photos", "lapor|note", "lapor|workers", "lapor|location",
	"lapor|summary", "lapor|condition", "progres|pick", "aduan|text", "aduan|photo", "aduan|anon",
	"daftar|lang", "bahasa|pick", "untuk|name", "untuk|dusun", "untuk|gender", "untuk|phone",
	"pilih|status", "pilih|HADIR", "pilih|TIDAK", "rapat|move_confirm", "tarik|choose", "tarik|confirm",
}

// fuzzStates is every session FuzzStep starts from: every step of every
// listed flow (so a new flow is fuzzed without anyone remembering to), and
// the hand-written ones.
func fuzzStates() []string {
	states := slices.Clone(handStates)
	for _, fl := range flows.Flows() {
		for _, st := range fl.Steps() {
			if s := fl.Name() + "|" + st.Name; !slices.Contains(states, s) {
				states = append(states, s)
			}
		}
	}
	return states
}

// TestFuzzSeedsCoverEveryFlow: every step of every listed flow is a seed
// of FuzzStep, and every hand-written seed is a step of a listed flow (or
// the idle and the unknown session), so the list misses no step.
func TestFuzzSeedsCoverEveryFlow(t *testing.T) {
	seeds := fuzzStates()
	for _, fl := range flows.Flows() {
		for _, st := range fl.Steps() {
			if !slices.Contains(seeds, fl.Name()+"|"+st.Name) {
				t.Errorf("step %s|%s of a listed flow is not fuzzed", fl.Name(), st.Name)
			}
		}
	}
	for _, s := range handStates {
		if s != "|" && s != "nosuch|step" && !listedStep(s) {
			t.Errorf("seed %s is no step of a listed flow", s)
		}
	}
}

// listedStep tells whether "flow|step" is a step of a listed flow.
func listedStep(state string) bool {
	name, step, _ := strings.Cut(state, "|")
	for _, fl := range flows.Flows() {
		if fl.Name() != name {
			continue
		}
		for _, st := range fl.Steps() {
			if st.Name == step {
				return true
			}
		}
	}
	return false
}

// typedStates are a state of every flow with typed state, holding every
// field its steps may read (FuzzStep).
var typedStates = map[string][]byte{
	"lapor":   []byte(`{"code":"K-AAAAAA","title":"Jalan rabat beton","last":40,"percent":50,"reason":"retak","photos":[5],"captions":["utara"],"note":"cor","workers":3,"women":1,"days":5,"lat":-7.7,"lng":110.4}`),
	"bahasa":  []byte(`{}`),
	"hapus":   []byte(`{}`),
	"privasi": []byte(`{}`),
	"tarik":   []byte(`{"codes":["G-7KM4XA","G-AAAAAA"],"code":"G-7KM4XA","title":"Jalan Kejambon"}`),
	"aduan":   []byte(`{"text":"Lampu jalan mati","photo":5,"voice":6}`),
	"suara":   []byte(`{"code":"R-AAAAAA","closes":"2026-12-05T02:00:00Z"}`),
	"peta":    []byte(`{"dusun":11,"dusun_nama":"Krajan","kind":"MASALAH","title":"Jalan licin","photo":5,"item":3,"item_title":"Sumur","level":"MISKIN"}`),
}

// legacyData is every key a flow's session held in the release before the
// flow packages (057018a), packed as it was (TestLegacySessions).
var legacyData = map[string]map[string]string{
	"gagasan": legacyGagasan, "detail": legacyGagasan, "untuk": legacyGagasan,
	"undang": legacyMeeting, "rapat": legacyMeeting, "hasil": legacyMeeting,
	"daftar": {"quick": "Sri#Bimomartani#Sambiroto#P", "pending": "sumur bor kering", "lang": "jv", "desa_lang": "jv", "name": "Sri",
		"desa": "34.04.11.2002", "desa_nama": "Bimomartani", "dusun": "0", "cands": "34.04.11.2002,34.04.11.2001", "ubah": "1"},
	"peta": {"dusun": "11", "dusun_nama": "Kejambon", "kind": "MASALAH", "title": "Jalan licin", "desc": "Tanah liat", "photo": "5", "item": "3",
		"item_title": "Sumur", "level": "MISKIN"},
	"lapor": {"code": "K-AAAAAA", "title": "Jalan rabat beton", "last": "40", "early_percent": "60", "percent": "50", "reason": "retak",
		"condition": "BAIK", "photos": "5,6", "captions": "utara\x1fselatan", "note": "cor", "note_voice": "7", "workers": "3", "women": "1",
		"days": "5", "lat": "-7.7", "lng": "110.4"},
	"aduan":   {"text": "Lampu jalan mati", "photo": "5", "voice": "6"},
	"tarik":   {"codes": "G-7KM4XA,G-AAAAAA", "code": "G-7KM4XA", "title": "Jalan Kejambon"},
	"pilih":   {"codes": "G-7KM4XA,R-AAAAAA"},
	"privasi": {"codes": "G-7KM4XA,G-XXXXXX"},
}

var (
	legacyGagasan = map[string]string{"code": "G-7KM4XA", "cat": "KESEHATAN", "map": "3", "map_title": "Sumur", "title": "Timbangan posyandu", "desc": "Timbangan rusak",
		"desc_voice": "7", "dusun": "12", "dusun_nama": "Sambiroto", "lat": "-7.712345", "lng": "110.401234", "hh": "30", "poor": "5", "photo": "5",
		"edit": "1", "for_desa": "34.04.11.2002", "for_name": "Mbah Painem", "for_dusun": "12", "for_dusun_nama": "Sambiroto", "for_gender": "P",
		"for_phone": "+6281322223333"}
	legacyMeeting = map[string]string{"code": "R-HHHHHH", "desa": "34.04.11.2002", "type": "MUSDUS", "audience": "DUSUN", "dusun": "11", "when": "2026-12-25T09:00:00+07:00",
		"when_confirm": "2026-12-25T09:00:00+07:00", "place": "Balai", "agenda": "Membahas gagasan: Jalan", "agenda_ids": "1,2",
		"waiting": "1:Jalan Kejambon\n2:Sumur bor", "edit": "1", "when_date": "2026-11-29", "when_hour": "19:30", "when_suggest": "19:30",
		"when_pm": "1", "when_roll": "1", "attended": "45", "women": "20", "i": "1", "dec": "G-7KM4XA=USULAN_DESA\nG-XXXXXX=DITOLAK=sudah ada\n"}
)

// typed tells whether a flow keeps typed state.
var typed = map[string]bool{"peta": true, "aduan": true, "lapor": true, "tarik": true, "bahasa": true, "hapus": true, "privasi": true,
	"gagasan": true, "detail": true, "untuk": true, "daftar": true, "undang": true, "rapat": true, "hasil": true, "fotoba": true}

// FuzzStep drives every flow step with arbitrary input: no panic, always a
// reply, never an unfilled placeholder, and a session that can be stored.
func FuzzStep(f *testing.F) {
	steps := fuzzStates()
	for i, s := range steps {
		for _, text := range []string{"", "1", "ya", "GAGASAN jalan", "STATUS G-7KM4XA", "BATAL", "🙏", "12 KK", "LEWATI", "HAPUS DATA",
			"KIRIM", "besok jam 9", "LAPOR", "PROGRES K-AAAAAA", "IKUTI K-AAAAAA", "ADUAN semen hilang", "STATUS A-AAAAAA", "12 4 60", "SELESAI", "HADIR R-AAAAAA", "TIDAK", "1,2", "SEMUA", "JADWAL", "UNDANG R-AAAAAA", "HASIL R-HHHHHH", "GAGASAN UNTUK", "BAHASA JAWA", "saged", "inggih", "0813 2222 3333",
			"lanjut", "siapa ini?", "usul kula wau pripun?", "mboten ngertos", "tetap", "batal aja deh", "besok pagi", "jam 7",
			"ba'da isya", "ubah waktunya", "hadir insyaallah", "aduan saya gimana?", "mau bikin undangan", "setengah 8",
			"FOTO BA R-HHHHHH", "foto berita acara R-HHHHHH", "mengko wae", "FOTO BA"} {
			f.Add(s, text, uint8(i), true)
			// And as every typed flow's step runs in the common case: its
			// state, the session current, text alone (20) or with a photo
			// (16); kind i alone reaches a step with a third of the states.
			f.Add(s, text, uint8(20), true)
			f.Add(s, text, uint8(16), true)
		}
	}
	// Sessions as the release before the flow packages wrote them
	// (legacyData: kind%3 == 0 keeps the map), live (30) or under a paused
	// old gagasan (21).
	for _, s := range steps {
		for _, text := range []string{"", "1", "2", "ya", "LEWATI", "KIRIM", "LANJUT", "selesai", "12 4 60", "besok jam 9"} {
			f.Add(s, text, uint8(30), true)
			f.Add(s, text, uint8(21), true)
		}
	}
	f.Add("gagasan|poor", strings.Repeat("9", 50), uint8(3), false)
	f.Add("daftar|desa", "martani", uint8(0), false)
	// UBAH DATA and GAGASAN UNTUK as residents and cadres write them.
	for _, st := range []string{"|", "daftar|name", "daftar|desa", "daftar|dusun", "daftar|gender", "daftar|confirm", "gagasan|households", "untuk|name"} {
		for _, text := range []string{"abdi tos ngalih ka desa bimomartani", "namina mah sami keneh", "sanes, sindumartani", "desana lepat",
			"kira2 15 kk, yg miskin 6", "waduh salah, tarik aja G-7KM4XA", "gagasan untuk mbah painem, tetangga saya gak punya hp", "abdi ti desa sukamaju garut"} {
			f.Add(st, text, uint8(20), true)
		}
	}
	f.Fuzz(func(t *testing.T, state, text string, kind uint8, registered bool) {
		name, step, _ := strings.Cut(state, "|")
		now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
		var contact *domain.Contact
		if registered || kind%3 == 0 {
			contact = &domain.Contact{ID: 7, DesaKode: "34.04.11.2002", DusunID: 11, ConsentAt: &now, SessionSeq: int64(kind % 2)}
			if registered {
				contact.RegisteredAt = &now
			}
		}
		sess := flow.Session{Flow: name, Step: step, Seq: 0, At: now.Add(-time.Minute),
			Data: map[string]string{"hh": "10", "cat": "EKONOMI", "title": text, "photo": strconv.Itoa(int(kind)), "desa": "34.04.11.2002", "cands": text}}
		in := flow.Input{Channel: "sim", Text: text}
		switch kind % 5 {
		case 1:
			in.Media = &flow.Media{ID: 5, Kind: flow.MediaImage}
		case 2:
			in.Location = &domain.Location{Lat: -7, Lng: 110}
		case 3:
			in.Media = &flow.Media{ID: 6, Kind: flow.MediaDocument}
		case 4:
			in.Media = &flow.Media{ID: 7, Kind: flow.MediaAudio}
		}
		n := 0
		env := flow.Env{Now: now, NewCode: func(k domain.CodeKind) string { n++; return string(k) + "-FUZZ" + strconv.Itoa(n) }}
		fx := newFixture()
		if kind%2 == 0 {
			withMeetings(&conversation{fx: fx})
			if contact != nil {
				contact.Roles = []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}
			}
		}
		sess.Data["codes"] = "G-7KM4XA,R-AAAAAA,A-AAAAAA"
		if kind%7 == 0 {
			// A flow paused by the timeout, and a photo held for the next.
			sess.Paused = &flow.Paused{Flow: "gagasan", Step: "title", State: fuzzState("gagasan", "", kind), Answer: text, At: now}
			sess.Held = 5
			sess.Data["when_date"], sess.Data["when_suggest"], sess.Data["when_pm"] = "2026-11-29", "19:30", "1"
		}
		sess.Data["code"] = "R-HHHHHH"
		sess.Data["when"] = now.Add(48 * time.Hour).Format(time.RFC3339)
		sess.Data["type"], sess.Data["audience"], sess.Data["place"] = "MUSDUS", "DESA", "Balai"
		if kind%4 == 1 {
			sess.Data["for_name"], sess.Data["for_desa"] = "Mbah Painem", "34.04.11.2002"
		}
		if kind%3 == 0 {
			// Every key the flow's old code wrote, packed as it packed them.
			maps.Copy(sess.Data, legacyData[name])
			if kind%7 == 0 {
				sess.Paused = &flow.Paused{Flow: "gagasan", Step: "households", Data: maps.Clone(legacyGagasan), Answer: text, At: now}
			}
		}
		if typed[name] && kind%3 != 0 {
			// A flow with typed state gets one (every field it may read);
			// otherwise it is a session written by older code, as a map.
			sess.Data, sess.State = nil, typedStates[name]
			if st := fuzzState(name, text, kind); st != nil {
				sess.State = st // varied by the input, as the map is
			}
			if kind%5 == 4 {
				sess.State = []byte(text) // or damaged
			}
		}
		res, err := flows.Step(context.Background(), env, fx, contact, sess, in)
		if err != nil {
			t.Fatalf("error on input %q in %s: %v", text, state, err)
		}
		if len(res.Replies) == 0 {
			t.Fatalf("no reply to %q in %s", text, state)
		}
		for _, r := range res.Replies {
			if !utf8.ValidString(r.Text) && utf8.ValidString(text) {
				t.Fatalf("reply is not valid UTF-8")
			}
			if strings.Contains(r.Text, "{") && !strings.Contains(text, "{") {
				t.Fatalf("unfilled placeholder: %s", r.Text)
			}
		}
		if out := res.Session; out.Flow != "" && !listedStep(out.Flow+"|"+out.Step) && out.Flow+"|"+out.Step != state {
			t.Fatalf("%q in %s went to %s|%s, no step of a listed flow", text, state, out.Flow, out.Step)
		}
		for _, c := range res.Commands {
			if cg, ok := c.(flow.CreateGagasan); ok {
				if err := cg.Gagasan.Validate(); err != nil {
					t.Fatalf("invalid gagasan created: %v", err)
				}
			}
		}
	})
}

// TestCatalogComplete reads the catalog's data files as a translator
// leaves them: every key of Indonesian has a text in every language, or is
// listed as that language's fallback, and no language has a key Indonesian
// lacks. The embedded copy passes the service's start check.
func TestCatalogComplete(t *testing.T) {
	if err := flow.CheckCatalog(); err != nil {
		t.Fatalf("the service would refuse to start:\n%v", err)
	}
	type file struct {
		Fallback []string
		Messages map[string]string
	}
	files := map[string]file{}
	for _, lang := range flow.Langs {
		var f file
		if _, err := toml.DecodeFile("catalog/"+lang+".toml", &f); err != nil {
			t.Fatal(err)
		}
		files[lang] = f
	}
	id := files[flow.LangID].Messages
	if len(id) < 300 {
		t.Fatalf("catalog/id.toml has only %d texts", len(id))
	}
	for _, lang := range flow.Langs[1:] {
		f := files[lang]
		for k := range id {
			if _, ok := f.Messages[k]; !ok && !slices.Contains(f.Fallback, k) {
				t.Errorf("catalog/%s.toml: %q has no text and is not listed as fallback", lang, k)
			}
		}
		for k := range f.Messages {
			if _, ok := id[k]; !ok {
				t.Errorf("catalog/%s.toml: %q is not in catalog/id.toml", lang, k)
			}
		}
		if len(f.Fallback) > 0 {
			t.Logf("%s shows %d texts in Bahasa Indonesia: %v", lang, len(f.Fallback), f.Fallback)
		}
	}
}

// isKeyType tells whether a declared type is the catalog's Key (Key in
// package flow, flow.Key in a flow's package).
func isKeyType(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "Key"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Key"
	}
	return false
}

// TestKeyConstantsHaveText checks the Go side of the catalog: every Key
// constant declared in the package names a text of catalog/id.toml.
func TestKeyConstantsHaveText(t *testing.T) {
	fset := token.NewFileSet()
	// The keys are declared in flows/flow and in each flow's package.
	pkgs := map[string]*ast.Package{}
	err := filepath.WalkDir(".", func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		found, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, 0)
		for name, pkg := range found {
			pkgs[dir+"/"+name] = pkg
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, pkg := range pkgs {
		for _, file := range pkg.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				vs, ok := n.(*ast.ValueSpec)
				if !ok {
					return true
				}
				if isKeyType(vs.Type) {
					for _, v := range vs.Values {
						if lit, ok := v.(*ast.BasicLit); ok {
							s, _ := strconv.Unquote(lit.Value)
							keys = append(keys, s)
						}
					}
				}
				return true
			})
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; the parser missed the catalog", len(keys))
	}
	for _, k := range keys {
		if _, ok := flow.Text(flow.LangID, flow.Key(k)); !ok {
			t.Errorf("key %q has no Indonesian text", k)
		}
	}
}
