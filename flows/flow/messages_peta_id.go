package flow

import "github.com/suaradesa/suaradesa/domain"

// Message keys of a gagasan's link to the social map.
const (
	MsgAskMapLink  Key = "ask_map_link"
	MsgMapLinkLine Key = "map_link_line"
)

// The kinds' names, as a KPMD reads them.
var MapKindKeys = map[string]Key{
	"MASALAH": "mk_masalah", "POTENSI": "mk_potensi", "KETERBATASAN_SDA": "mk_sda",
	"KETERBATASAN_SDM": "mk_sdm", "KETERBATASAN_LAIN": "mk_lain",
}

var LevelKeys = map[string]Key{"SANGAT_MISKIN": "lv_sangat_miskin", "MISKIN": "lv_miskin"}

// MapKindText is a map kind in plain words.
func MapKindText(lang string, k domain.MapKind) string {
	return Render(lang, MapKindKeys[string(k)], nil)
}

// LevelText is a poverty level in plain words.
func LevelText(lang string, l domain.PovertyLevel) string {
	return Render(lang, LevelKeys[string(l)], nil)
}
