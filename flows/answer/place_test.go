package answer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

func TestPlaceName(t *testing.T) {
	for in, want := range map[string]string{
		"Bimomartani":                                "bimomartani",
		"desa Bimomartani":                           "bimomartani",
		"saya dari desa Sidomulyo kec Godean":        "sidomulyo kec godean",
		"kula saking Bimo":                           "bimo",
		"kulo manggen wonten desa bimomartani nggih": "bimomartani",
		"abdi ti desa Sukamju":                       "sukamju",
		"simkuring cicing di Sukamaju":               "sukamaju",
		"sugeng siang, kula saking Wedomartani, pak": "wedomartani",
		"Pabatu III":                                 "pabatu iii",
		"abdi tos ngalih ka desa bimomartni":         "bimomartni",
		"saya sudah pindah ke desa Bimomartani":      "bimomartani",
		"kula sampun pindhah dhateng Wedomartani":    "wedomartani",
		"desa":   "",
		"saya":   "",
		"ya pak": "",
	} {
		if got := answer.PlaceName(in); got != want {
			t.Errorf("PlaceName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlaceReadings(t *testing.T) {
	for in, want := range map[string]string{
		"Bumi Harapan":             "bumi harapan|harapan",
		"desa Bumi-Harapan, nggih": "desa bumi harapan nggih|desa bumi harapan|bumi harapan nggih|bumi harapan|harapan nggih|harapan",
		"kula saking Selamat":      "kula saking selamat|saking selamat|selamat|",
		"Pabatu III":               "pabatu iii",
		"Tanjung Mas":              "tanjung mas|tanjung",
		"sy dari desa Sukamaju":    "sy dari desa sukamaju|dari desa sukamaju|desa sukamaju|sukamaju",
		"saya":                     "saya|",
		"":                         "",
	} {
		var got []string
		for _, r := range answer.PlaceReadings(in) {
			got = append(got, strings.Join(r, " "))
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("PlaceReadings(%q) = %q, want %q", in, g, want)
		}
	}
}

func TestBoardHello(t *testing.T) {
	for in, want := range map[string]string{
		"HALO 34.04.11.2002":            "34.04.11.2002",
		"halo 34.04.11.2002 ":           "34.04.11.2002",
		"Hallo, 34.04.11.2002":          "34.04.11.2002",
		"halo pak 34.04.11.2002 sugeng": "34.04.11.2002",
		"HALO":                          "",
		"halo 34.04.11":                 "",
		"34.04.11.2002":                 "",
		"HALO 34.04.11.20021":           "",
		"gagasan 34.04.11.2002":         "",
	} {
		got, ok := answer.BoardHello(in)
		if got != want || ok != (want != "") {
			t.Errorf("BoardHello(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestWrongPlace(t *testing.T) {
	for in, want := range map[string]string{
		"sanes, widodomartani":              "true widodomartani",
		"desana lepat":                      "true ",
		"salah desa":                        "true ",
		"bukan desa itu":                    "true ",
		"dudu":                              "true ",
		"salah desa, harusnya sindumartani": "true sindumartani",
		"kejambon":                          "false ",
		"dusun sambiroto":                   "false ",
		"desa bimomartani":                  "false ",
	} {
		rest, ok := answer.WrongPlace(in)
		if got := fmt.Sprint(ok) + " " + rest; got != want {
			t.Errorf("WrongPlace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrongPlaceNotADontKnow(t *testing.T) {
	for _, in := range []string{"teu terang", "teu aya", "gak tau"} {
		if _, ok := answer.WrongPlace(in); ok {
			t.Errorf("WrongPlace(%q) = true", in)
		}
	}
}
