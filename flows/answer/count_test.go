package answer

import "testing"

// TestCount: a number after RT/RW/no/jam/tgl/dusun, or in a sentence about
// a place, is no count of households; a bare number or one with a count
// word is, in the three languages.
func TestCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // -1: no count
	}{
		{"25", 25},
		{"dua puluh", 20},
		{"sekitar 40 KK", 40},
		{"kinten2 satus kk", 100},
		{"petani 20an kk", 20},
		{"kira2 30 rumah di RT 03", 30},
		{"eh, lain, lokasina di RT 03", -1}, // su: a correction of the place
		{"bukan RT 02 tapi RT 03", -1},      // id
		{"sanes RT 02, nanging RT 03", -1},  // jv
		{"lokasine ing rt03", -1},           // jv, run together
		{"di dusun 2", -1},                  // id
		{"rapat jam 9", -1},                 // a time
		{"no 5", -1},                        // an item's number
		{"RW 4", -1},                        // a label alone
		{"tiyangipun kinten 15 tiyang", 15}, // jv
		{"aya kana 12 kulawarga", 12},       // su
	} {
		n, ok := Count(tc.text)
		if tc.want < 0 && ok || tc.want >= 0 && (!ok || n != tc.want) {
			t.Errorf("Count(%q) = %d, %v; want %d", tc.text, n, ok, tc.want)
		}
	}
}

// TestAttendQuestionIsNoAnswer: asking what happens if one cannot come is
// a question about the answers, not TIDAK (nor HADIR).
func TestAttendQuestionIsNoAnswer(t *testing.T) {
	for text, want := range map[string]Kind{
		"menawi kula mboten saged rawuh pripun?": AttendHow,
		"kalau saya tidak bisa datang gimana":    AttendHow,
		"kumaha upami abdi teu tiasa sumping?":   AttendHow,
		"kenapa harus hadir?":                    AttendHow,
		"mboten saged rawuh":                     Decline,
		"nggih insyaallah kula rawuh":            Attend,
	} {
		if got := Ask(text); got != want {
			t.Errorf("Ask(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestDecide: a meeting's decision in words, the three languages;
// "yg dtg 23 org, ibu2nya 9" is attended and women.
func TestDecide(t *testing.T) {
	for text, want := range map[string]Decision{
		"belum diputuskan":                 DecideNotYet,
		"belum, minggu depan dibahas lagi": DecideNotYet,
		"teu acan":                         DecideNotYet,
		"dereng":                           DecideNotYet,
		"ditolak saja":                     DecideReject,
		"lajeng":                           DecideOn,
		"lanjut":                           DecideOn,
		"sumur bor":                        DecideNone,
		// A "not" turns a word around: asked again, never recorded as on.
		"tidak disetujui":        DecideNone,
		"tidak dilanjutkan":      DecideNone,
		"ora lanjut":             DecideNone,
		"mboten dipunlajengaken": DecideNone,
		"teu diteraskeun":        DecideNone,
		"henteu ditampi":         DecideNone,
		"tidak ditolak":          DecideNone,
		"tidak lanjut":           DecideReject,
		"mboten lanjut":          DecideReject,
	} {
		if got := Decide(text); got != want {
			t.Errorf("Decide(%q) = %v, want %v", text, got, want)
		}
	}
	if a, w, ok := CountAndWomen("yg dtg 23 org, ibu2nya 9"); !ok || a != 23 || w != 9 {
		t.Errorf("CountAndWomen = %d, %d, %v", a, w, ok)
	}
	if _, _, ok := CountAndWomen("23 orang dari RT 4"); ok {
		t.Error("a place's number read as women")
	}
}

func TestCountPoor(t *testing.T) {
	for text, want := range map[string][3]int{
		"kira2 15 kk, yg miskin 6":   {15, 6, 1},
		"15 kk, 6 yang kurang mampu": {15, 6, 1},
		"sekitar 40 KK, miskin 12":   {40, 12, 1},
		"15 kk":                      {0, 0, 0},
		"5 kk, yg miskin 8":          {0, 0, 0},
		"warga miskin banyak":        {0, 0, 0},
		// "mampu" and "sejahtera" alone are the well off; a negation
		// before "miskin" is too.
		"30 kk, yang mampu 10":            {30, 20, 1},
		"30 kk, 20 kurang mampu 10 mampu": {30, 20, 1},
		"30 kk, yang tidak miskin 25":     {30, 5, 1},
		"30 kk, 5 sejahtera":              {30, 25, 1},
		"30 kk, 8 pra sejahtera":          {30, 8, 1},
		"30 kk, 12 yang tidak mampu":      {30, 12, 1},
		"30 KK, ingkang mboten mampu 7":   {30, 7, 1},
		"30 kk, nu teu mampu 9":           {30, 9, 1},
		"30 kk, yang gak mampu 11":        {30, 11, 1},
		"30 kk, yang mampu 40":            {0, 0, 0},
		"30 kk, 20 miskin 15 mampu":       {0, 0, 0}, // more than all: ask
		"30 kk, 10 miskin 5 kurang mampu": {0, 0, 0}, // two poor counts: ask
		"30 kk, 10 mampu 5 sejahtera":     {0, 0, 0}, // two well-off counts: ask
		"30 kk, yg miskin 6 yg mampu 24":  {30, 6, 1},
		"30 kk, mampu semua":              {0, 0, 0},
	} {
		h, p, ok := CountPoor(text)
		got := [3]int{h, p, 0}
		if ok {
			got[2] = 1
		}
		if got != want {
			t.Errorf("CountPoor(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestCountAndWomenWords: the attendance and its women in one answer, in
// the words of the three languages; men named make it no such answer.
func TestCountAndWomenWords(t *testing.T) {
	for text, want := range map[string][2]int{
		"sing teko 12, wedok e 5": {12, 5},
		"45 tiyang, wadon 20":     {45, 20},
		"30 urang, awewe 11":      {30, 11},
		"40 orang, istri 15":      {40, 15},
	} {
		if a, w, ok := CountAndWomen(text); !ok || a != want[0] || w != want[1] {
			t.Errorf("CountAndWomen(%q) = %d, %d, %v, want %v", text, a, w, ok, want)
		}
	}
	for _, text := range []string{"lanang 7, wedok 5", "laki-laki 20 perempuan 5"} {
		if a, w, ok := CountAndWomen(text); ok {
			t.Errorf("CountAndWomen(%q) = %d, %d: men and women are two parts, not a total", text, a, w)
		}
	}
}

// TestDecisionRest: the reason given after the decision word.
func TestDecisionRest(t *testing.T) {
	for text, want := range map[string]string{
		"ditolak, kudu ning BBWS sing ngurus": "kudu ning BBWS sing ngurus",
		"2, sudah ada dana desa":              "sudah ada dana desa",
		"tidak lanjut: terlalu mahal":         "terlalu mahal",
		"ditolak":                             "",
		"2":                                   "",
		"entahlah":                            "",
		"2. tolak":                            "",
		"ditolak saja":                        "",
		"tolak dulu ya":                       "",
		"ditolak saja, sudah ada dari dinas":  "sudah ada dari dinas",
	} {
		if got := DecisionRest(text); got != want {
			t.Errorf("DecisionRest(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestCancelAfterSlip: a slip owned before the cancel still cancels.
func TestCancelAfterSlip(t *testing.T) {
	for _, text := range []string{"eh salah, wurung", "waduh keliru, batal", "maaf, ora sido"} {
		if !Cancel(text) {
			t.Errorf("Cancel(%q) = false", text)
		}
	}
	if Cancel("salah hitung, 40 orang") {
		t.Error("a corrected count read as a cancel")
	}
}
