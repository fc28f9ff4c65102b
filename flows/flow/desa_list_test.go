package flow_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lithammer/fuzzysearch/fuzzy"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// embeddedDesa are the desa of the embedded region list
// (configs/wilayah), with their kecamatan and kabupaten names, by
// kabupaten code, each sorted by name then code as the store serves them.
var embeddedDesa = sync.OnceValues(func() (map[string][]domain.DesaPlace, error) {
	read := func(name string) ([][]string, error) {
		data, err := fs.ReadFile(configs.Wilayah(), name+".csv.gz")
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		rows, err := csv.NewReader(zr).ReadAll()
		if len(rows) > 0 {
			rows = rows[1:] // the header
		}
		return rows, err
	}
	names := map[string]string{}
	for _, f := range []string{"regencies", "districts"} {
		rows, err := read(f)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			names[r[0]] = r[2]
		}
	}
	rows, err := read("villages")
	if err != nil {
		return nil, err
	}
	byKab := map[string][]domain.DesaPlace{}
	for _, r := range rows {
		kab := domain.KabupatenKodeOf(r[0])
		byKab[kab] = append(byKab[kab], domain.DesaPlace{Desa: domain.Desa{Kode: r[0], Nama: r[2], KecamatanKode: r[1]},
			Kecamatan: names[r[1]], Kabupaten: names[kab]})
	}
	for _, ds := range byKab {
		sort.SliceStable(ds, func(i, j int) bool {
			return ds[i].Nama < ds[j].Nama || ds[i].Nama == ds[j].Nama && ds[i].Kode < ds[j].Kode
		})
	}
	return byKab, nil
})

// listView serves one list of desa, as the store's memory does.
type listView struct {
	flow.View
	desas []domain.DesaPlace
}

func (v listView) DesasIn(context.Context, string) ([]domain.DesaPlace, error) { return v.desas, nil }

// TestEveryDesaByItsExactName: in every kabupaten of the embedded region
// list, a resident who types a desa's exact name as the list writes it
// (any case) gets that desa, or — when several desa of the kabupaten
// share the name — a list of at most MaxDesaList that holds it. Intro
// words ("Bumi Harapan", "Selamat"), Roman numerals ("Pabatu III") and
// repeated letters are part of a name.
func TestEveryDesaByItsExactName(t *testing.T) {
	byKab, err := embeddedDesa()
	if err != nil {
		t.Fatal(err)
	}
	n, bad := 0, 0
	for _, places := range byKab {
		v := listView{desas: places}
		for _, p := range places {
			n++
			for _, typed := range []string{p.Nama, toLowerASCII(p.Nama)} {
				turn := &flow.Turn{Ctx: context.Background(), View: v, Text: typed, Lang: flow.LangID}
				var c flow.DesaChoice
				got, ok, err := turn.ReadDesa(&c)
				if err != nil {
					t.Fatal(err)
				}
				found := ok && got.Kode == p.Kode
				for _, k := range c.Cands {
					found = found || k == p.Kode && len(c.Cands) <= flow.MaxDesaList
				}
				if !found {
					if bad++; bad <= 20 {
						t.Errorf("%s %s (%s, %s) typed %q: chose %q, offered %v", p.Kode, p.Nama, p.Kecamatan, p.Kabupaten, typed, got.Kode, c.Cands)
					}
					break
				}
			}
		}
	}
	t.Logf("%d desa in %d kabupaten; %d not chosen by their exact name", n, len(byKab), bad)
	if bad > 0 {
		t.Errorf("%d desa cannot be chosen by typing their exact name", bad)
	}
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// provinceDesa are the desa of the embedded list's largest province
// (Jawa Tengah, 33: 8,563 desa), sorted by name.
func provinceDesa(b *testing.B) []domain.DesaPlace {
	byKab, err := embeddedDesa()
	if err != nil {
		b.Fatal(err)
	}
	var out []domain.DesaPlace
	for kab, ds := range byKab {
		if domain.InScope(kab, "33") {
			out = append(out, ds...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Nama < out[j].Nama || out[i].Nama == out[j].Nama && out[i].Kode < out[j].Kode
	})
	return out
}

// BenchmarkFindDesaProvince: a province's desa and answers that name
// none, one exactly, one with a typo, one in a sentence.
func BenchmarkFindDesaProvince(b *testing.B) {
	places := provinceDesa(b)
	for _, bc := range []struct{ name, text string }{
		{"no match sentence", "saya belum tahu nama desanya, nanti saya tanya pak RT dulu ya"},
		{"exact", "Wonosari"},
		{"typo", "Kaliwunguu"},
		{"intro and kecamatan", "kula saking desa sidomulyo kec. ampel"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				flow.FindDesa(places, bc.text)
			}
		})
	}
}

// TestEditsWithin: the bounded edit distance is the library's
// Levenshtein distance wherever that is within the bound, over pairs of
// the region list's folded names.
func TestEditsWithin(t *testing.T) {
	byKab, err := embeddedDesa()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"", "a", "bimomartani", "bimomartni", "wedomartany", "sindumartani"}
	for _, ds := range byKab["33.04"] {
		names = append(names, flow.NormName(ds.Nama))
	}
	checked := 0
	for i, a := range names {
		for _, b := range names[max(0, i-40) : i+1] {
			want := fuzzy.LevenshteinDistance(a, b)
			for k := 0; k <= 3; k++ {
				got := flow.EditsWithin(a, b, k)
				if want <= k && got != want || want > k && got != k+1 {
					t.Fatalf("EditsWithin(%q, %q, %d) = %d; distance %d", a, b, k, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d checks", checked)
}

// TestFindDesaExactNameFirst: a desa's exact name wins over the intro
// words it begins with, its Roman numeral and its letters (the
// reviewer's cases); intro words before it, a kecamatan after it and
// typos still work.
func TestFindDesaExactNameFirst(t *testing.T) {
	var places []domain.DesaPlace
	for _, p := range [][2]string{
		{"Harapan", "Way Serdang"}, {"Bumi Harapan", "Way Serdang"}, {"Pabatu I", "Padang Hilir"},
		{"Pabatu II", "Padang Hilir"}, {"Pabatu III", "Padang Hilir"}, {"Selamat", "Kota"}, {"Sari", "Kota"},
		{"Bumi Sari", "Natar"}, {"Bumi Sari", "Jati Agung"}, {"Alue Teh", "Birem Bayeun"}, {"Dukuh", "Sidomukti"},
		{"Binangun", "Bantarsari"}, {"Binangun", "Binangun"}, {"Sidomulyo", "Godean"}, {"Sidomulyo", "Ampel"},
		{"Bimomartani", "Ngemplak"}, {"Tiga", "Susut"},
	} {
		places = append(places, domain.DesaPlace{Desa: domain.Desa{Kode: p[0] + "/" + p[1], Nama: p[0]}, Kecamatan: p[1]})
	}
	for _, tc := range []struct {
		typed string
		want  []string // kode: name/kecamatan
	}{
		{"Bumi Harapan", []string{"Bumi Harapan/Way Serdang"}},
		{"BUMI-HARAPAN.", []string{"Bumi Harapan/Way Serdang"}},
		{"desa bumi harapan", []string{"Bumi Harapan/Way Serdang"}},
		{"desa harapan", []string{"Harapan/Way Serdang"}},
		{"Pabatu III", []string{"Pabatu III/Padang Hilir"}},
		{"pabatu iii nggih", []string{"Pabatu III/Padang Hilir"}},
		{"Pabatu I", []string{"Pabatu I/Padang Hilir"}},
		{"Selamat", []string{"Selamat/Kota"}},
		{"kula saking Selamat", []string{"Selamat/Kota"}},
		{"Bumi Sari", []string{"Bumi Sari/Natar", "Bumi Sari/Jati Agung"}},
		{"bumi sari jati agung", []string{"Bumi Sari/Jati Agung"}},
		{"Alue Teh", []string{"Alue Teh/Birem Bayeun"}},
		{"Dukuh", []string{"Dukuh/Sidomukti"}},
		{"Binangun", []string{"Binangun/Bantarsari", "Binangun/Binangun"}},
		{"binangun kec bantarsari", []string{"Binangun/Bantarsari"}},
		{"saya dari sidomulyo ampel", []string{"Sidomulyo/Ampel"}},
		{"bimomartni", []string{"Bimomartani/Ngemplak"}},
		{"kula saking Bimo", []string{"Bimomartani/Ngemplak"}},
		{"abdi ti desa Bimomartani, dusun Kejambon", []string{"Bimomartani/Ngemplak"}},
		{"Selamat pagi, saya dari Bimomartani", []string{"Bimomartani/Ngemplak"}},
		{"xyz", nil},
		{"saya dari desa", nil},
	} {
		var got []string
		for _, i := range flow.FindDesa(places, tc.typed) {
			got = append(got, places[i].Kode)
		}
		sort.Strings(got)
		want := append([]string(nil), tc.want...)
		sort.Strings(want)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("FindDesa(%q) = %v, want %v", tc.typed, got, want)
		}
	}
	// A desa named by a number word is that desa where no list is shown,
	// the number in a list.
	for _, tc := range []struct {
		n    int
		want string
	}{{len(places), "Tiga"}, {5, "Pabatu I"}} {
		v := listView{desas: append([]domain.DesaPlace(nil), places[:tc.n]...)}
		turn := &flow.Turn{Ctx: context.Background(), View: v, Text: "tiga", Lang: flow.LangID}
		if tc.n <= flow.MaxDesaList {
			sort.SliceStable(v.desas, func(i, j int) bool { return v.desas[i].Nama < v.desas[j].Nama })
		}
		var c flow.DesaChoice
		got, ok, err := turn.ReadDesa(&c)
		if err != nil || !ok || got.Nama != tc.want {
			t.Errorf("%d desa, \"tiga\": %q, %v, %v; want %s", tc.n, got.Nama, ok, err, tc.want)
		}
	}
}

// FuzzFindDesa: any answer gives valid, distinct indexes, and a desa's
// exact name is among what it gives.
func FuzzFindDesa(f *testing.F) {
	names := []string{"Bumi Harapan", "Harapan", "Pabatu III", "Pabatu I", "Selamat", "Tiga", "Dukuh", "Alue Teh", "Kampung Baru",
		"Baru", "Sidomulyo", "Sidomulyo", "Lee", "Ujung Batu III"}
	var places []domain.DesaPlace
	for i, n := range names {
		places = append(places, domain.DesaPlace{Desa: domain.Desa{Kode: string(rune('a' + i)), Nama: n}, Kecamatan: "Kec " + n})
	}
	for _, s := range []string{"bumi harapan", "desa selamat nggih", "kula saking", "PABATU iii", "ȺȾ sari", "1", "…", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[int]bool{}
		for _, i := range flow.FindDesa(places, text) {
			if i < 0 || i >= len(places) || seen[i] {
				t.Fatalf("FindDesa(%q): index %d", text, i)
			}
			seen[i] = true
		}
		for i, p := range places {
			if flow.FoldName(text) == flow.FoldName(p.Nama) && !seen[i] {
				t.Fatalf("FindDesa(%q) lacks %q", text, p.Nama)
			}
		}
	})
}

// TestFindDesaConcurrentLists: turns read lists at once, lists come and
// go (their indexes with them), and each answer is read in its own list.
func TestFindDesaConcurrentLists(t *testing.T) {
	byKab, err := embeddedDesa()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				kab := []string{"33.04", "35.07", "18.11", "12.08"}[(g+i)%4]
				places := append([]domain.DesaPlace(nil), byKab[kab]...) // a fresh list, as after a change
				if i%2 == 0 {
					places = byKab[kab] // the list the store keeps
				}
				p := places[(i*37)%len(places)]
				found := flow.FindDesa(places, p.Nama)
				ok := false
				for _, f := range found {
					ok = ok || places[f].Kode == p.Kode
				}
				if !ok {
					t.Errorf("%s: %q not found in its own list (%v)", kab, p.Nama, found)
				}
				if i%10 == 0 {
					runtime.GC()
				}
			}
		}()
	}
	wg.Wait()
}
