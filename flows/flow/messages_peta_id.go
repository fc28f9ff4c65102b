package flow

import "github.com/suaradesa/suaradesa/domain"

// Message keys of the social map (PETA).
const (
	MsgPetaAskDusun     Key = "peta_ask_dusun"
	MsgPetaNoDusun      Key = "peta_no_dusun"
	MsgPetaMenu         Key = "peta_menu"
	MsgPetaSummary      Key = "peta_summary"
	MsgPetaMenuNext     Key = "peta_menu_next"
	MsgPetaNoCount      Key = "peta_no_count"
	MsgPetaCountLine    Key = "peta_count_line"
	MsgPetaCountTotal   Key = "peta_count_total"
	MsgPetaAskKind      Key = "peta_ask_kind"
	MsgPetaAskTitle     Key = "peta_ask_title"
	MsgPetaTitleBad     Key = "peta_title_bad"
	MsgPetaAskDesc      Key = "peta_ask_desc"
	MsgPetaAskPhoto     Key = "peta_ask_photo"
	MsgPetaAskPin       Key = "peta_ask_pin"
	MsgPetaSaved        Key = "peta_saved"
	MsgPetaPick         Key = "peta_pick"
	MsgPetaEmpty        Key = "peta_empty"
	MsgPetaItemAction   Key = "peta_item_action"
	MsgPetaAskNewTitle  Key = "peta_ask_new_title"
	MsgPetaAskNewDesc   Key = "peta_ask_new_desc"
	MsgPetaEdited       Key = "peta_edited"
	MsgPetaRemoved      Key = "peta_removed"
	MsgPetaAskLevel     Key = "peta_ask_level"
	MsgPetaCriteria     Key = "peta_criteria"
	MsgPetaCriterionAdd Key = "peta_criterion_added"
	MsgPetaCriterionDel Key = "peta_criterion_removed"
	MsgPetaCriterionBad Key = "peta_criterion_bad"
	MsgPetaAskCount     Key = "peta_ask_count"
	MsgPetaCountBad     Key = "peta_count_bad"
	MsgPetaCountSaved   Key = "peta_count_saved"
	MsgPetaSugPick      Key = "peta_sug_pick"
	MsgPetaSugNone      Key = "peta_sug_none"
	MsgPetaSugAction    Key = "peta_sug_action"
	MsgPetaSugDone      Key = "peta_sug_done"
	MsgPetaFull         Key = "peta_full"
	MsgPetaNone         Key = "peta_none"
	MsgPetaResident     Key = "peta_resident"
	MsgPetaResidentNone Key = "peta_resident_none"
	MsgPetaSugKind      Key = "peta_sug_kind"
	MsgPetaSugTitle     Key = "peta_sug_title"
	MsgPetaSugThanks    Key = "peta_sug_thanks"
	MsgPetaNoDusunSelf  Key = "peta_no_dusun_self"
	MsgAskMapLink       Key = "ask_map_link"
	MsgMapLinkLine      Key = "map_link_line"
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
