package answer

import "testing"

func TestBAPhoto(t *testing.T) {
	for _, tc := range []struct {
		text, code string
		ok         bool
	}{
		{"FOTO BA R-7KM4XA", "R-7KM4XA", true},
		{"foto berita acara r-7km4xa", "R-7KM4XA", true},
		{"BA R-7KM4XA", "R-7KM4XA", true},
		{"B.A. R-7KM4XA", "R-7KM4XA", true},
		{"kirim foto BA rapat R-7KM4XA ya pak", "R-7KM4XA", true},
		{"niki potret berita acarane musdus R-7KM4XA nggih", "R-7KM4XA", true}, // jv
		{"ieu poto berita acara R-7KM4XA", "R-7KM4XA", true},                   // su
		{"foto BA", "", true},                                                  // asked for its code
		{"BA", "", false},
		{"foto jalan rusak R-7KM4XA", "", false},
		{"R-7KM4XA", "", false},
		{"HADIR R-7KM4XA", "", false},
		{"foto BA R-AAAAAA dan R-BBBBBB", "", false},
		{"berita acara rapat kemarin sudah saya serahkan ke pak kades R-7KM4XA", "", false},
	} {
		code, ok := BAPhoto(tc.text)
		if code != tc.code || ok != tc.ok {
			t.Errorf("BAPhoto(%q) = %q, %v; want %q, %v", tc.text, code, ok, tc.code, tc.ok)
		}
	}
}
