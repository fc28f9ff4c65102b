package flows

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
var mapKindKeys = map[string]Key{
	"MASALAH": "mk_masalah", "POTENSI": "mk_potensi", "KETERBATASAN_SDA": "mk_sda",
	"KETERBATASAN_SDM": "mk_sdm", "KETERBATASAN_LAIN": "mk_lain",
}

var levelKeys = map[string]Key{"SANGAT_MISKIN": "lv_sangat_miskin", "MISKIN": "lv_miskin"}

func init() {
	for k, v := range map[Key]string{
		MsgPetaAskDusun: "Peta sosial dusun mana? Balas nomornya:\n{list}",
		MsgPetaNoDusun:  "Desa ini belum punya daftar dusun. Hubungi fasilitator.",
		MsgPetaMenu: "Peta sosial Dusun {dusun}: {summary}\n" +
			"1. Tambah potensi, masalah atau keterbatasan\n2. Ubah atau hapus\n3. Kriteria rumah tangga miskin\n" +
			"4. Jumlah rumah tangga miskin (RTM)\n5. Usulan warga ({n})\n6. Lihat peta lengkap\nBalas nomornya, atau SELESAI.",
		MsgPetaMenuNext: "Lanjut: 1. Tambah  2. Ubah/hapus  3. Kriteria  4. Jumlah RTM  5. Usulan warga  6. Lihat peta. " +
			"Balas nomornya, atau SELESAI.",
		MsgPetaSummary:      "{masalah} masalah, {potensi} potensi, {batas} keterbatasan; {kriteria} kriteria; {rtm}.",
		MsgPetaNoCount:      "RTM belum dihitung",
		MsgPetaCountLine:    "RTM: sangat miskin {sm}, miskin {m}{total}",
		MsgPetaAskKind:      "Jenis apa? Balas nomornya:\n{list}",
		MsgPetaAskTitle:     "Tulis judul singkatnya (3 sampai 80 huruf), misalnya: Jalan licin saat hujan.",
		MsgPetaTitleBad:     "Judul perlu 3 sampai 80 huruf. Coba lagi.",
		MsgPetaAskDesc:      "Tambahkan penjelasan singkat, atau balas LEWATI.",
		MsgPetaAskPhoto:     "Bila ada, kirim satu foto. Bila tidak (atau lewat SMS), balas LEWATI.",
		MsgPetaAskPin:       "Bila ada, kirim lokasi (pin) tempatnya. Bila tidak, balas LEWATI.",
		MsgPetaSaved:        "Tersimpan di peta Dusun {dusun}: {kind} \"{title}\".",
		MsgPetaPick:         "Pilih nomornya:\n{list}",
		MsgPetaEmpty:        "Peta Dusun {dusun} belum berisi apa-apa.",
		MsgPetaItemAction:   "\"{title}\": 1. Ubah judul  2. Ubah penjelasan  3. Hapus",
		MsgPetaAskNewTitle:  "Tulis judul yang baru.",
		MsgPetaAskNewDesc:   "Tulis penjelasan yang baru.",
		MsgPetaEdited:       "Diubah: \"{title}\".",
		MsgPetaRemoved:      "Dihapus dari peta: \"{title}\". Riwayatnya tetap tersimpan.",
		MsgPetaAskLevel:     "Kriteria untuk: 1. Sangat miskin  2. Miskin",
		MsgPetaCriteria:     "Kriteria {level} yang disepakati Dusun {dusun}:\n{list}\nKirim satu kriteria baru per pesan. HAPUS nomor untuk menghapus. SELESAI bila cukup.",
		MsgPetaCriterionAdd: "Kriteria ditambahkan ({n}). Kirim yang lain, atau SELESAI.",
		MsgPetaCriterionDel: "Kriteria \"{text}\" dihapus.",
		MsgPetaCriterionBad: "Kriteria perlu 3 sampai 160 huruf, paling banyak 20 per jenis.",
		MsgPetaAskCount: "Berapa rumah tangga miskin di Dusun {dusun} menurut kriteria yang disepakati? " +
			"Balas angka sangat miskin, miskin, dan (bila tahu) jumlah seluruh KK, misalnya: 4 20 180. Hanya jumlah, tanpa nama.",
		MsgPetaCountBad:     "Mohon balas dua atau tiga angka: sangat miskin, miskin, seluruh KK. Misalnya: 4 20 180. Jumlah miskin tidak boleh lebih dari seluruh KK.",
		MsgPetaCountSaved:   "Jumlah RTM Dusun {dusun} disimpan.",
		MsgPetaSugPick:      "Usulan warga yang menunggu:\n{list}\nBalas nomornya untuk menerima atau menolak.",
		MsgPetaSugNone:      "Tidak ada usulan warga yang menunggu.",
		MsgPetaSugAction:    "\"{title}\": 1. Terima ke peta  2. Tolak",
		MsgPetaSugDone:      "Usulan \"{title}\" {done}.",
		MsgPetaFull:         "Peta sosial Dusun {dusun}\n{items}\n{criteria}{rtm}",
		MsgPetaNone:         "(belum ada)",
		MsgPetaResident:     "Peta sosial Dusun {dusun}:\n{items}\nAda masalah atau potensi yang belum tercatat? Balas 1 untuk mengusulkan, atau MENU.",
		MsgPetaResidentNone: "Peta sosial Dusun {dusun} belum diisi kader. Ada masalah atau potensi yang ingin dicatat? Balas 1 untuk mengusulkan, atau MENU.",
		MsgPetaSugKind:      "Usulan Bapak/Ibu tentang: 1. Masalah  2. Potensi  3. Keterbatasan",
		MsgPetaSugTitle:     "Tulis singkat (3 sampai 80 huruf), misalnya: Air sumur kering saat kemarau.",
		MsgPetaSugThanks:    "Terima kasih. Usulan \"{title}\" diteruskan ke kader (KPMD) untuk diperiksa.",
		MsgPetaNoDusunSelf:  "Dusun Bapak/Ibu belum tercatat, jadi petanya belum bisa ditampilkan.",
		MsgAskMapLink:       "Gagasan ini menjawab masalah atau potensi apa di peta Dusun {dusun}? Balas nomornya:\n{list}",
		MsgMapLinkLine:      "Menjawab peta: {title}",
		"mk_masalah":        "Masalah",
		"mk_potensi":        "Potensi",
		"mk_sda":            "Keterbatasan sumber daya alam",
		"mk_sdm":            "Keterbatasan sumber daya manusia",
		"mk_lain":           "Keterbatasan lainnya",
		"lv_sangat_miskin":  "sangat miskin",
		"lv_miskin":         "miskin",
		"map_other":         "Lainnya (tidak ada di peta)",
		"sug_accepted":      "diterima ke peta",
		"sug_rejected":      "ditolak",
	} {
		messagesID[k] = v
	}
}

// MapKindText is a map kind in plain words.
func MapKindText(lang string, k domain.MapKind) string {
	return Render(lang, mapKindKeys[string(k)], nil)
}

// LevelText is a poverty level in plain words.
func LevelText(lang string, l domain.PovertyLevel) string {
	return Render(lang, levelKeys[string(l)], nil)
}
