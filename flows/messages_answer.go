package flows

// Messages of understanding people as they write: who runs the bot, the
// short menu line for SMS, a flow kept over a pause, a gagasan kept through
// registration, and the questions that ask for what a date lacked.
const (
	MsgWho             Key = "who"
	MsgWhoGoOn         Key = "who_go_on"
	MsgMenuHint        Key = "menu_hint"
	MsgPaused          Key = "paused"
	MsgNothingPaused   Key = "nothing_paused"
	MsgPendingKept     Key = "pending_kept"
	MsgTitleTooVague   Key = "title_too_vague"
	MsgAskHour         Key = "ask_hour"
	MsgAskDay          Key = "ask_day"
	MsgConfirmWhen     Key = "confirm_when"
	MsgPhotoHeld       Key = "photo_held"
	MsgAduanFromLapor  Key = "aduan_from_lapor"
	MsgAskNameOrLang   Key = "ask_name_or_lang"
	MsgPhotoAttached   Key = "photo_attached"
	MsgQuickSavedPhoto Key = "quick_saved_photo"
	MsgMoveConfirm     Key = "move_confirm"
	MsgMoveKept        Key = "move_kept"
)

func init() {
	for lang, texts := range map[string]map[Key]string{
		LangID: {
			MsgGagasanSaved + "_sms":    "Gagasan tercatat: {code}.",
			MsgNextMeeting + "_sms":     "Dibahas di Musdus {dusun}; kabarnya kami kirim. Cek: STATUS {code}",
			MsgNextMeetingMKP + "_sms":  "Dibahas di Musdus {dusun} & Musdes Perempuan; kabarnya kami kirim. Cek: STATUS {code}",
			MsgQuickSaved + "_sms":      "Tambah kategori, jumlah KK & foto? Balas 1.",
			MsgAskNameOrLang:            "Terima kasih. Siapa nama Bapak/Ibu? (Basa Jawa: balas 2, Basa Sunda: 3)",
			MsgPhotoAttached:            "Fotonya ikut tercatat.",
			MsgQuickSavedPhoto:          "Mau menambah kategori dan jumlah penerima manfaat? Balas 1 untuk menambah, atau MENU bila sudah cukup.",
			MsgQuickSavedPhoto + "_sms": "Tambah kategori & jumlah KK? Balas 1.",
			MsgMoveConfirm:              "Pindahkan {kode} ke {hari}, {tanggal} pukul {jam} di {tempat}? Semua undangan akan diberi tahu. Balas YA untuk memindah, atau TIDAK.",
			MsgMoveKept:                 "Rapat {kode} tidak dipindah: tetap {hari}, {tanggal} pukul {jam} di {tempat}.",
			MsgStatusListHead + "_sms":  "Gagasan Bapak/Ibu:",
			MsgStatusListFoot + "_sms":  "Balas nomornya untuk riwayat.",
			MsgWho:                      "Ini Suara Desa, layanan pesan untuk program pembangunan desa: gagasan warga, undangan musyawarah dan kabar kegiatan. Dikelola {pengendali} bersama kader desa (KPMD).",
			MsgWhoGoOn:                  "Silakan jawab pertanyaan tadi, atau BATAL untuk berhenti.",
			MsgMenuHint:                 "Balas MENU untuk melihat pilihan.",
			MsgPaused:                   "Percakapan tadi berakhir karena lama tidak ada balasan, tetapi jawaban Bapak/Ibu masih kami simpan: balas LANJUT untuk meneruskan, atau MENU untuk mulai dari awal.",
			MsgNothingPaused:            "Tidak ada percakapan yang bisa dilanjutkan. Balas MENU untuk melihat pilihan.",
			MsgPendingKept:              "Gagasan yang Bapak/Ibu kirim tadi kami simpan sekarang.",
			MsgTitleTooVague:            "Baik, mari kita tulis gagasannya satu per satu.",
			MsgAskHour:                  "Jam berapa? Contoh: jam {saran}. Balas jamnya, atau YA untuk jam {saran}.",
			MsgAskHourNoHint:            "Jam berapa? Contoh: jam 9 pagi atau 14.00.",
			MsgAskDay:                   "Hari apa atau tanggal berapa? Contoh: besok, Kamis, tgl 10 atau 25/12.",
			MsgConfirmWhen:              "Maksudnya {hari}, {tanggal} pukul {jam}? Balas YA bila benar, atau tulis lagi waktunya.",
			MsgPhotoHeld:                "Foto kami simpan; akan dipakai saat ditanya fotonya.",
			MsgAduanFromLapor:           "LAPOR untuk tim pelaksana (TPK). Pesan Bapak/Ibu kami catat sebagai aduan.",
		},
		LangJV: {
			MsgGagasanSaved + "_sms":    "Gagasan kacathet: {code}.",
			MsgNextMeeting + "_sms":     "Dipunrembag ing Musdus {dusun}; kabaripun kakintun. Priksa: STATUS {code}",
			MsgNextMeetingMKP + "_sms":  "Dipunrembag ing Musdus {dusun} & Musdes Perempuan; kabaripun kakintun. Priksa: STATUS {code}",
			MsgQuickSaved + "_sms":      "Nambahi kategori, cacah KK & foto? Wangsuli 1.",
			MsgAskNameOrLang:            "Matur nuwun. Sinten asma Panjenengan? (Bahasa Indonesia: wangsuli 1, Basa Sunda: 3)",
			MsgPhotoAttached:            "Fotonipun tumut kacathet.",
			MsgQuickSavedPhoto:          "Kersa nambahi kategori lan cacah ingkang pikantuk paedah? Wangsuli 1 kangge nambahi, utawi MENU menawi sampun cekap.",
			MsgQuickSavedPhoto + "_sms": "Nambahi kategori & cacah KK? Wangsuli 1.",
			MsgMoveConfirm:              "Ngalih {kode} dhateng {hari}, {tanggal} jam {jam} wonten {tempat}? Sedaya ingkang dipunulemi badhe dipunwartosi. Wangsuli YA kangge ngalih, utawi TIDAK.",
			MsgMoveKept:                 "Rapat {kode} mboten dipunalih: tetep {hari}, {tanggal} jam {jam} wonten {tempat}.",
			MsgStatusListHead + "_sms":  "Gagasan Panjenengan:",
			MsgStatusListFoot + "_sms":  "Wangsuli nomeripun kangge riwayat.",
			MsgWho:                      "Menika Suara Desa, layanan pesen kangge program pembangunan desa: gagasan warga, undangan musyawarah lan kabar kegiatan. Dipunkelola {pengendali} sesarengan kader desa (KPMD).",
			MsgWhoGoOn:                  "Mangga wangsuli pitakenan wau, utawi BATAL kangge mandheg.",
			MsgMenuHint:                 "Wangsuli MENU kangge ningali pilihan.",
			MsgPaused:                   "Pirembagan wau kendel amargi dangu mboten wonten wangsulan. Wangsulan Panjenengan taksih kasimpen: wangsuli LANJUT kangge nglajengaken, utawi MENU kangge wiwit malih.",
			MsgNothingPaused:            "Mboten wonten pirembagan ingkang saged dipunlajengaken. Wangsuli MENU kangge ningali pilihan.",
			MsgPendingKept:              "Gagasan ingkang Panjenengan kintun wau sapunika kasimpen.",
			MsgTitleTooVague:            "Inggih, mangga gagasanipun dipunserat setunggal-setunggal.",
			MsgAskHour:                  "Jam pinten? Tuladha: jam {saran}. Wangsuli jamipun, utawi YA kangge jam {saran}.",
			MsgAskHourNoHint:            "Jam pinten? Tuladha: jam 9 enjing utawi 14.00.",
			MsgAskDay:                   "Dinten menapa utawi tanggal pinten? Tuladha: benjing, Kemis, tgl 10 utawi 25/12.",
			MsgConfirmWhen:              "Menapa {hari}, {tanggal} jam {jam}? Wangsuli YA menawi leres, utawi serat malih wekdalipun.",
			MsgPhotoHeld:                "Foto kasimpen; badhe dipunangge nalika dipuntakekaken fotonipun.",
			MsgAduanFromLapor:           "LAPOR kangge tim pelaksana (TPK). Pesen Panjenengan kacathet dados aduan.",
		},
		LangSU: {
			MsgGagasanSaved + "_sms":    "Gagasan kacatet: {code}.",
			MsgNextMeeting + "_sms":     "Dibahas di Musdus {dusun}; béjana dikintun. Parios: STATUS {code}",
			MsgNextMeetingMKP + "_sms":  "Dibahas di Musdus {dusun} & Musdes Perempuan; béjana dikintun. Parios: STATUS {code}",
			MsgQuickSaved + "_sms":      "Nambihan kategori, jumlah KK & poto? Waler 1.",
			MsgAskNameOrLang:            "Hatur nuhun. Saha nami Bapa/Ibu? (Bahasa Indonesia: waler 1, Basa Jawa: 2)",
			MsgPhotoAttached:            "Potona kacatet ogé.",
			MsgQuickSavedPhoto:          "Badé nambihan kategori sareng jumlah anu nampi mangpaat? Waler 1 kanggo nambihan, atanapi MENU upami parantos cekap.",
			MsgQuickSavedPhoto + "_sms": "Nambihan kategori & jumlah KK? Waler 1.",
			MsgMoveConfirm:              "Ngalihkeun {kode} ka {hari}, {tanggal} tabuh {jam} di {tempat}? Sadaya anu diondang bakal dibéjaan. Waler YA kanggo ngalihkeun, atanapi TIDAK.",
			MsgMoveKept:                 "Rapat {kode} henteu dialihkeun: tetep {hari}, {tanggal} tabuh {jam} di {tempat}.",
			MsgStatusListHead + "_sms":  "Gagasan Bapa/Ibu:",
			MsgStatusListFoot + "_sms":  "Waler nomerna kanggo riwayat.",
			MsgWho:                      "Ieu Suara Desa, layanan pesen pikeun program pangwangunan desa: gagasan warga, uleman musyawarah sareng béja kagiatan. Dikelola {pengendali} sareng kader desa (KPMD).",
			MsgWhoGoOn:                  "Mangga waler patarosan tadi, atanapi BATAL kanggo eureun.",
			MsgMenuHint:                 "Waler MENU kanggo ningali pilihan.",
			MsgPaused:                   "Obrolan tadi eureun margi lami teu aya waleran. Waleran Bapa/Ibu masih disimpen: waler LANJUT kanggo neraskeun, atanapi MENU kanggo ngamimitian deui.",
			MsgNothingPaused:            "Teu aya obrolan anu tiasa diteraskeun. Waler MENU kanggo ningali pilihan.",
			MsgPendingKept:              "Gagasan anu dikintun Bapa/Ibu tadi ayeuna disimpen.",
			MsgTitleTooVague:            "Mangga, urang serat gagasanana hiji-hiji.",
			MsgAskHour:                  "Tabuh sabaraha? Conto: tabuh {saran}. Waler tabuhna, atanapi YA kanggo tabuh {saran}.",
			MsgAskHourNoHint:            "Tabuh sabaraha? Conto: tabuh 9 énjing atanapi 14.00.",
			MsgAskDay:                   "Dinten naon atanapi tanggal sabaraha? Conto: isukan, Kemis, tgl 10 atanapi 25/12.",
			MsgConfirmWhen:              "Maksadna {hari}, {tanggal} tabuh {jam}? Waler YA upami leres, atanapi serat deui waktosna.",
			MsgPhotoHeld:                "Poto disimpen; bakal dianggo nalika ditaroskeun potona.",
			MsgAduanFromLapor:           "LAPOR kanggo tim palaksana (TPK). Pesen Bapa/Ibu dicatet janten aduan.",
		},
	} {
		cat := map[string]map[Key]string{LangID: messagesID, LangJV: messagesJV, LangSU: messagesSU}[lang]
		for k, v := range texts {
			cat[k] = v
		}
	}
}

// MsgAskHourNoHint asks the hour when no day-period suggested one.
const MsgAskHourNoHint Key = "ask_hour_no_hint"
