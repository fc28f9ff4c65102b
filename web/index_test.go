package web_test

import (
	"strings"
	"testing"
	"time"
)

// TestPublicIndexSearch: the public index groups the desa by kecamatan, and
// its search (a GET form) keeps the desa whose name, or whose kecamatan's
// name, is like what was typed: a part of it, a typo, an old spelling, the
// word "desa" typed with it.
func TestPublicIndexSearch(t *testing.T) {
	s := kabupatenSite(t)
	c := s.client(t)
	code, all := c.get("/")
	if code != 200 {
		t.Fatalf("index %d", code)
	}
	for _, w := range []string{`<form method="get" action="/"`, `name="q"`, `id="kec-34.04.11">Kecamatan Ngemplak`,
		`id="kec-34.04.13">Kecamatan Ngaglik`, `id="kec-33.74.01">Kecamatan Mijen`, "Desa Bimomartani", "Desa Sardonoharjo", "Desa Jatibarang"} {
		if !strings.Contains(all, w) {
			t.Errorf("index lacks %s", w)
		}
	}
	for _, tc := range []struct {
		q         string
		want, not []string
	}{
		{"bimomartani", []string{"Desa Bimomartani", "1 desa cocok"}, []string{"Desa Sindumartani", "Ngaglik"}},
		{"Desa Bimomartni", []string{"Desa Bimomartani"}, []string{"Desa Sardonoharjo"}},
		{"martani", []string{"Desa Bimomartani", "Desa Sindumartani", "Desa Umbulmartani"}, []string{"Desa Jatibarang"}},
		{"ngaglik", []string{"Desa Sardonoharjo"}, []string{"Desa Bimomartani"}},
		{"kec. Ngaglk", []string{"Desa Sardonoharjo"}, []string{"Desa Bimomartani"}},
		{"Djatibarang", []string{"Desa Jatibarang"}, []string{"Desa Bimomartani"}},
		{"xyzzy", []string{"Tidak ada desa atau kecamatan yang mirip", `href="/">Tampilkan semua`}, []string{"Desa Bimomartani"}},
		{`<b>bimo`, []string{"&lt;b&gt;bimo"}, []string{"<b>bimo"}},
	} {
		_, body := c.get("/?q=" + strings.NewReplacer(" ", "+", "<", "%3C", ">", "%3E").Replace(tc.q))
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%q: lacks %s", tc.q, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(body, n) {
				t.Errorf("%q: shows %s", tc.q, n)
			}
		}
	}
	// 300 desa in 17 kecamatan: the page lists them all, and fast.
	if _, err := s.st.DB().Exec(`INSERT INTO kecamatan (kode, nama) SELECT '34.04.' || (20 + k), 'Kapanewon ' || k FROM generate_series(1, 17) k;
		INSERT INTO desa (kode, nama, kecamatan_kode) SELECT '34.04.' || (20 + i % 17 + 1) || '.' || (2000 + i), 'Desa Uji ' || i, '34.04.' || (20 + i % 17 + 1)
			FROM generate_series(1, 300) i`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, body := c.get("/")
	took := time.Since(start)
	t.Logf("index of %d desa: %v", strings.Count(body, `<a href="/desa/`), took)
	if n := strings.Count(body, `<a href="/desa/`); n < 300 {
		t.Fatalf("index lists %d desa", n)
	}
	if took > time.Second {
		t.Fatalf("index took %v", took)
	}
	if _, body := c.get("/?q=uji+299"); !strings.Contains(body, "Desa Uji 299<") || strings.Contains(body, "Desa Uji 298<") {
		t.Fatal("search among 300 desa")
	}
	// A short search finds them all: the page lists searchLimit (50) and
	// asks for more letters.
	_, body = c.get("/?q=uji")
	if n := strings.Count(body, `<a href="/desa/`); n != 50 || !strings.Contains(body, "300 desa cocok dengan „uji”; 50 pertama ditampilkan. Ketik nama lebih lengkap") {
		t.Fatalf("search of 300 desa lists %d: %s", n, visible(body))
	}
}
