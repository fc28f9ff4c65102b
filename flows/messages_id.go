package flows

// Message keys. Keep each text short: many residents read on feature phones,
// and an SMS segment is 160 characters.
const (
	MsgWelcome           Key = "welcome"
	MsgConsentHint       Key = "consent_hint"
	MsgConsentDeclined   Key = "consent_declined"
	MsgAskName           Key = "ask_name"
	MsgNameInvalid       Key = "name_invalid"
	MsgAskDesa           Key = "ask_desa"
	MsgDesaNotFound      Key = "desa_not_found"
	MsgDesaChoose        Key = "desa_choose"
	MsgAskDusun          Key = "ask_dusun"
	MsgDusunNotFound     Key = "dusun_not_found"
	MsgAskGender         Key = "ask_gender"
	MsgGenderHint        Key = "gender_hint"
	MsgRegistered        Key = "registered"
	MsgRegisterCanceled  Key = "register_canceled"
	MsgNoDesa            Key = "no_desa"
	MsgAlreadyRegistered Key = "already_registered"

	MsgMenu          Key = "menu"
	MsgHelp          Key = "help"
	MsgUnknown       Key = "unknown"
	MsgEmpty         Key = "empty"
	MsgCanceled      Key = "canceled"
	MsgNothingToStop Key = "nothing_to_cancel"
	MsgTimedOut      Key = "timed_out"
	MsgSessionLost   Key = "session_lost"
	MsgOptedOut      Key = "opted_out"
	MsgOptedIn       Key = "opted_in"
	MsgOptOutNoData  Key = "opt_out_no_data"
	MsgTooLong       Key = "too_long"
	MsgNeedText      Key = "need_text"
	MsgNeedNumber    Key = "need_number"
	MsgChoiceRange   Key = "choice_range"
	MsgNotYet        Key = "not_yet"
	MsgMoreHint      Key = "more_hint"
	MsgNoMore        Key = "no_more"
	MsgSMSCut        Key = "sms_cut"
	MsgDataSaya      Key = "data_saya"
	MsgUbahIntro     Key = "ubah_intro"
	MsgDataUpdated   Key = "data_updated"
	MsgMediaKept     Key = "media_kept"
	MsgMediaRefused  Key = "media_refused"
	MsgMediaNotKept  Key = "media_not_kept"
	MsgLate          Key = "late"
	MsgAskNumber     Key = "ask_number"
	MsgResend        Key = "resend"
	MsgNumberMoved   Key = "number_moved"
	MsgBadLocation   Key = "bad_location"

	MsgAskCategory       Key = "ask_category"
	MsgAskTitle          Key = "ask_title"
	MsgTitleInvalid      Key = "title_invalid"
	MsgAskDescription    Key = "ask_description"
	MsgDescInvalid       Key = "description_invalid"
	MsgAskGagasanDusun   Key = "ask_gagasan_dusun"
	MsgAskLocation       Key = "ask_location"
	MsgAskHouseholds     Key = "ask_households"
	MsgAskPoor           Key = "ask_poor"
	MsgPoorTooMany       Key = "poor_too_many"
	MsgAskPhoto          Key = "ask_photo"
	MsgPhotoNeedImage    Key = "photo_need_image"
	MsgSummary           Key = "summary"
	MsgConfirmHint       Key = "confirm_hint"
	MsgAskEdit           Key = "ask_edit"
	MsgGagasanSaved      Key = "gagasan_saved"
	MsgNextMeeting       Key = "next_meeting"
	MsgNextMeetingMKP    Key = "next_meeting_mkp"
	MsgQuickSaved        Key = "quick_saved"
	MsgDetailDone        Key = "detail_done"
	MsgGagasanIncomplete Key = "gagasan_incomplete"
	MsgNone              Key = "none_word"
	MsgHasPin            Key = "has_pin"
	MsgHasPhoto          Key = "has_photo"
	MsgHouseholdsLine    Key = "households_line"
	MsgHouseholdsPoor    Key = "households_poor_line"

	MsgStatusBadCode   Key = "status_bad_code"
	MsgStatusNotFound  Key = "status_not_found"
	MsgStatusOne       Key = "status_one"
	MsgStatusHistLine  Key = "status_history_line"
	MsgStatusListHead  Key = "status_list_head"
	MsgStatusListLine  Key = "status_list_line"
	MsgStatusListFoot  Key = "status_list_foot"
	MsgStatusNone      Key = "status_none"
	MsgStatusChanged   Key = "status_changed"
	MsgStatusNote      Key = "status_note"
	MsgStatusOtherHint Key = "status_other_hint"
	// STATUS alone with complaints among the resident's records.
	MsgStatusListHeadAll Key = "status_list_head_all"
	MsgStatusListAduan   Key = "status_list_aduan"

	MsgTarikConfirm Key = "tarik_confirm"
	MsgTarikDone    Key = "tarik_done"
	MsgTarikKept    Key = "tarik_kept"
	MsgTarikNone    Key = "tarik_none"
	MsgTarikChoose  Key = "tarik_choose"
	MsgTarikItem    Key = "tarik_item"
	MsgTarikNotOwn  Key = "tarik_not_own"
	MsgTarikTooLate Key = "tarik_too_late"
	MsgTarikAlready Key = "tarik_already"

	MsgDeleteConfirm  Key = "delete_confirm"
	MsgDeleted        Key = "deleted"
	MsgDeleteKept     Key = "delete_kept"
	MsgDeleteKeepText Key = "delete_keep_text"
	MsgNoDataToDelete Key = "no_data_to_delete"

	MsgAskLang Key = "ask_lang"
	MsgLangSet Key = "lang_set"

	MsgUntukAskName   Key = "untuk_ask_name"
	MsgUntukAskDusun  Key = "untuk_ask_dusun"
	MsgUntukAskGender Key = "untuk_ask_gender"
	MsgUntukAskPhone  Key = "untuk_ask_phone"
	MsgUntukPhoneBad  Key = "untuk_phone_bad"
	MsgUntukStart     Key = "untuk_start"
	MsgUntukSaved     Key = "untuk_saved"
	MsgUntukKabar     Key = "untuk_kabar"
	MsgUntukRelative  Key = "untuk_relative"
	MsgUntukChanged   Key = "untuk_changed"
	MsgUntukLine      Key = "untuk_line"

	MsgWorkersLine Key = "workers_line"

	MsgVoiceWord Key = "voice_word"
	MsgVoiceKept Key = "voice_kept"
)

// Category and stage names, as residents read them.
var (
	categoryKeys = map[string]Key{
		"INFRASTRUKTUR": "cat_infrastruktur",
		"EKONOMI":       "cat_ekonomi",
		"PENDIDIKAN":    "cat_pendidikan",
		"KESEHATAN":     "cat_kesehatan",
		"LAINNYA":       "cat_lainnya",
	}
	stageKeys = map[string]Key{
		"DIAJUKAN":         "stage_diajukan",
		"DIBAHAS":          "stage_dibahas",
		"USULAN_DESA":      "stage_usulan_desa",
		"VERIFIKASI":       "stage_verifikasi",
		"PRIORITAS_MAD":    "stage_prioritas_mad",
		"DIDANAI":          "stage_didanai",
		"TIDAK_DIDANAI":    "stage_tidak_didanai",
		"DITERUSKAN":       "stage_diteruskan",
		"PELAKSANAAN":      "stage_pelaksanaan",
		"SELESAI":          "stage_selesai",
		"DISERAHTERIMAKAN": "stage_diserahterimakan",
		"DIGABUNG":         "stage_digabung",
		"DITOLAK":          "stage_ditolak",
		"DITARIK":          "stage_ditarik",
	}
)

// messagesID is the Indonesian catalog. Bapak/Ibu addresses a resident politely.
var messagesID = map[Key]string{
	MsgWelcome: "Selamat datang di Suara Desa, layanan gagasan pembangunan desa.\n\n" +
		"Sebelum mulai, kami minta persetujuan Bapak/Ibu. Yang kami simpan: nama, nomor HP, desa, dusun, jenis kelamin (boleh tidak diisi) dan pesan yang Bapak/Ibu kirim.\n" +
		"Untuk apa: mencatat gagasan dan mengabarkan musyawarah serta kemajuannya.\n" +
		"Siapa yang melihat: kader (KPMD) dan fasilitator desa. Papan informasi umum hanya memuat gagasan, tanpa nama dan nomor.\n" +
		"Pengendali data: {pengendali}. Data disimpan selama Bapak/Ibu terdaftar; pesan dan berkas lama dihapus berkala. " +
		"Bapak/Ibu dapat melihat data dengan DATA SAYA, mengubahnya dengan UBAH DATA, dan menghapusnya kapan saja dengan HAPUS DATA (UU No. 27 Tahun 2022).\n\n" +
		"Setuju? Balas YA atau TIDAK.",
	MsgConsentHint:       "Mohon balas YA bila setuju, atau TIDAK bila tidak setuju.",
	MsgWelcome + "_sms":  "Suara Desa: layanan gagasan desa. Kami simpan nama, nomor, desa, dusun & pesan Bapak/Ibu untuk gagasan & undangan musyawarah; dilihat kader & fasilitator, papan umum tanpa nama. Pengendali: {pengendali}. Hapus: HAPUS DATA (UU 27/2022). Setuju? Balas YA atau TIDAK.",
	MsgHelp + "_sms":     "Kata perintah: GAGASAN isi, STATUS kode, TARIK kode, JADWAL, HADIR kode, TIDAK kode, PROGRES, IKUTI kode, ADUAN isi, PETA, DATA SAYA, UBAH DATA, BAHASA, LAGI, MENU, BATAL, BERHENTI, MULAI, HAPUS DATA.",
	MsgConsentDeclined:   "Baik, tidak ada data Bapak/Ibu yang kami simpan. Bila berubah pikiran, kirim pesan apa saja.",
	MsgAskName:           "Terima kasih. Siapa nama Bapak/Ibu?",
	MsgNameInvalid:       "Mohon ketik nama Bapak/Ibu (2 sampai 60 huruf).",
	MsgAskDesa:           "Bapak/Ibu tinggal di desa mana? Balas dengan nomornya:\n{list}",
	MsgDesaNotFound:      "Desa \"{text}\" tidak kami temukan. Balas dengan nomor dari daftar:\n{list}",
	MsgDesaChoose:        "Yang Bapak/Ibu maksud desa yang mana? Balas dengan nomornya:\n{list}",
	MsgAskDusun:          "Dusun mana di Desa {desa}? Balas dengan nomornya:\n{list}",
	MsgDusunNotFound:     "Dusun itu tidak ada dalam daftar. Balas dengan nomornya:\n{list}",
	MsgAskGender:         "Terakhir (boleh tidak dijawab): Bapak/Ibu perempuan atau laki-laki?\n1. Perempuan\n2. Laki-laki\n3. Tidak ingin menjawab",
	MsgGenderHint:        "Mohon balas 1 (perempuan), 2 (laki-laki) atau 3 (tidak ingin menjawab).",
	MsgRegistered:        "Terima kasih, {name}. Pendaftaran selesai.",
	MsgRegisterCanceled:  "Pendaftaran dibatalkan. Kirim pesan apa saja untuk mulai lagi.",
	MsgAlreadyRegistered: "Bapak/Ibu sudah terdaftar atas nama {name}. Balas MENU untuk melihat pilihan.",
	MsgNoDesa:            "Maaf, daftar desa belum tersedia. Silakan hubungi kader desa Bapak/Ibu.",

	MsgMenu: "Menu Suara Desa:\n" +
		"1. Kirim gagasan (GAGASAN)\n" +
		"2. Status gagasan saya (STATUS)\n" +
		"3. Jadwal rapat (JADWAL)\n" +
		"4. Bantuan (BANTUAN)\n" +
		"Balas dengan nomor atau kata di dalam kurung.",
	MsgHelp: "Kata perintah Suara Desa:\n" +
		"GAGASAN - kirim gagasan (atau GAGASAN diikuti isinya)\n" +
		"STATUS - status gagasan dan aduan, STATUS G-xxxxxx untuk satu gagasan\n" +
		"TARIK G-xxxxxx - tarik gagasan yang belum dibahas\n" +
		"JADWAL - rapat yang akan datang; HADIR atau TIDAK diikuti kode rapat\n" +
		"PROGRES - kegiatan desa dan kemajuannya; IKUTI diikuti kode kegiatan untuk kabarnya\n" +
		"ADUAN - kirim aduan (boleh tanpa nama)\n" +
		"PETA - peta sosial dusun Bapak/Ibu\n" +
		"DATA SAYA - lihat data diri; UBAH DATA - ubah data diri; BAHASA - ganti bahasa\n" +
		"Untuk kader: UNDANG (buat undangan), UNDANG R-xxxxxx (pantau), HASIL R-xxxxxx (catat hasil), PETA (isi peta dusun), GAGASAN UNTUK (catat gagasan warga)\n" +
		"MENU - menu utama\n" +
		"BATAL - keluar dari langkah yang sedang berjalan\n" +
		"BERHENTI - berhenti menerima kabar, MULAI - menerima lagi\n" +
		"HAPUS DATA - hapus data diri Bapak/Ibu",
	MsgUnknown:       "Maaf, kami belum mengerti pesan itu. Balas MENU untuk melihat pilihan.",
	MsgEmpty:         "Pesan kosong. Balas MENU untuk melihat pilihan.",
	MsgCanceled:      "Dibatalkan. Tidak ada yang disimpan dari langkah tadi.",
	MsgNothingToStop: "Tidak ada langkah yang sedang berjalan.",
	MsgTimedOut:      "Percakapan sebelumnya berakhir karena lama tidak ada balasan. Silakan mulai lagi.",
	MsgSessionLost:   "Maaf, percakapan sebelumnya terputus. Data yang sudah tersimpan tetap aman. Silakan mulai lagi.",
	MsgOptedOut:      "Bapak/Ibu tidak akan menerima kabar dan undangan lagi. Pesan yang Bapak/Ibu kirim tetap kami balas. Balas MULAI untuk menerima kabar lagi, atau HAPUS DATA untuk menghapus data.",
	MsgOptedIn:       "Bapak/Ibu akan menerima kabar dan undangan lagi. Terima kasih.",
	MsgOptOutNoData:  "Baik. Kami tidak menyimpan data Bapak/Ibu dan tidak akan mengirim pesan.",
	MsgTooLong:       "Pesan terlalu panjang; yang kami catat {n} huruf pertama.",
	MsgNeedText:      "Di langkah ini kami perlu jawaban berupa tulisan.",
	MsgNeedNumber:    "Mohon balas dengan angka, misalnya 25.",
	MsgChoiceRange:   "Pilihan itu tidak ada. Balas dengan angka 1 sampai {max}.",
	MsgNotYet:        "Maaf, layanan {word} belum tersedia. Balas MENU untuk melihat pilihan.",
	MsgMoreHint:      "(bersambung, balas LAGI)",
	MsgNoMore:        "Tidak ada lanjutan pesan. Balas MENU untuk melihat pilihan.",
	MsgSMSCut:        "(dipotong, balas MENU)",
	MsgDataSaya: "Data Bapak/Ibu di Suara Desa:\nNama: {name}\nNomor: {phone}\nDesa {desa}, Dusun {dusun}\nJenis kelamin: {gender}; bahasa: {bahasa}\n" +
		"Persetujuan: {consent}; terdaftar: {registered}\nPeran: {roles}\nGagasan: {gagasan}\nJawaban undangan rapat: {rsvp}\n" +
		"Aduan dengan nama: {aduan}\nPesan suara: {suara}\nSaluran: {channels}\nUbah: UBAH DATA. Hapus semua: HAPUS DATA.",
	MsgUbahIntro:     "Kita ubah data {name}. Tulis nama Bapak/Ibu (atau LEWATI bila nama tetap).",
	MsgDataUpdated:   "Terima kasih, {name}. Data sudah diperbarui. Lihat dengan DATA SAYA.",
	"gender_p":       "perempuan",
	"gender_l":       "laki-laki",
	"gender_unknown": "tidak diisi",
	MsgMediaKept:     "File Bapak/Ibu sudah kami terima. Untuk mengirim gagasan dengan foto, balas GAGASAN.",
	MsgMediaRefused:  "Maaf, berkas yang Bapak/Ibu kirim tidak dapat kami simpan (terlalu besar atau kosong). Mohon kirim ulang sebagai foto biasa, bukan dokumen.",
	MsgMediaNotKept:  "Foto atau file ini tidak kami simpan karena Bapak/Ibu belum setuju. Kirim lagi setelah pendaftaran selesai.",
	MsgLate:          "Maaf, pesan Bapak/Ibu baru sampai setelah layanan kami sempat terhenti. Bila masih perlu, mohon kirim lagi, atau balas MENU.",
	MsgAskNumber:     "Maaf, nomor HP Bapak/Ibu tidak terlihat oleh kami. Mohon ketik nomor HP Bapak/Ibu (contoh: 0812 3456 7890) atau kirim kartu kontak Bapak/Ibu.",
	MsgResend:        "Maaf, pesan terakhir Bapak/Ibu tidak terbaca di sistem kami. Mohon kirim sekali lagi.",
	MsgNumberMoved:   "WhatsApp memberi tahu kami bahwa Bapak/Ibu sekarang memakai nomor ini. Data, gagasan, undangan dan peran Bapak/Ibu sudah kami pindahkan ke nomor ini. Balas MENU untuk pilihan.",
	MsgBadLocation:   "Maaf, lokasi yang Bapak/Ibu kirim tidak terbaca. Mohon kirim lagi pin lokasinya, atau tuliskan nama tempatnya.",

	MsgAskCategory: "Gagasan ini tentang apa? Balas dengan nomornya:\n" +
		"1. Infrastruktur / sarana prasarana\n2. Ekonomi\n3. Pendidikan\n4. Kesehatan\n5. Lainnya",
	MsgAskTitle:       "Tulis judul singkat gagasan Bapak/Ibu (contoh: Perbaikan jalan dusun).",
	MsgTitleInvalid:   "Judul perlu 3 sampai 80 huruf. Mohon tulis judul singkat.",
	MsgAskDescription: "Masalah atau potensi apa yang dijawab gagasan ini? Ceritakan singkat (boleh dengan pesan suara).",
	// SMS cannot carry a voice note: its variants do not offer one.
	MsgAskDescription + "_sms": "Masalah atau potensi apa yang dijawab gagasan ini? Ceritakan singkat.",
	MsgDescInvalid:             "Mohon ceritakan masalah atau potensinya dengan beberapa kata.",
	MsgAskGagasanDusun:         "Di dusun mana? Balas dengan nomornya:\n{list}",
	MsgAskLocation:             "Bila ada, kirim lokasi (pin) WhatsApp tempatnya. Bila tidak, balas LEWATI.",
	MsgAskHouseholds:           "Kira-kira berapa rumah tangga (KK) yang akan merasakan manfaatnya? Balas angka, atau LEWATI bila belum tahu.",
	MsgAskPoor:                 "Dari {n} KK itu, kira-kira berapa yang miskin? Balas angka, atau LEWATI.",
	MsgPoorTooMany:             "Jumlah KK miskin tidak boleh lebih dari {n}. Mohon balas lagi.",
	MsgAskPhoto:                "Bila ada, kirim satu foto tempat atau masalahnya. Bila tidak ada (atau lewat SMS), balas LEWATI.",
	MsgPhotoNeedImage:          "Mohon kirim foto, atau balas LEWATI.",
	MsgSummary: "Ringkasan gagasan:\n" +
		"Kategori: {category}\nJudul: {title}\nMasalah/potensi: {description}\nDusun: {dusun}\n" +
		"Lokasi: {location}\nManfaat: {households}\nFoto: {photo}",
	MsgConfirmHint:       "Balas YA untuk mengirim, UBAH untuk mengubah, atau BATAL.",
	MsgAskEdit:           "Bagian mana yang diubah?\n1. Kategori\n2. Judul\n3. Masalah/potensi\n4. Dusun\n5. Lokasi\n6. Jumlah KK\n7. Foto",
	MsgGagasanSaved:      "Terima kasih! Gagasan Bapak/Ibu tercatat dengan kode {code}.",
	MsgNextMeeting:       "Langkah berikutnya: gagasan ini dibahas di Musyawarah Dusun {dusun}. Kami kabari setiap ada perkembangan. Cek kapan saja dengan STATUS {code}.",
	MsgNextMeetingMKP:    "Langkah berikutnya: gagasan ini dibahas di Musyawarah Dusun {dusun} dan di Musyawarah Desa Khusus Perempuan. Kami kabari setiap ada perkembangan. Cek kapan saja dengan STATUS {code}.",
	MsgQuickSaved:        "Mau menambah kategori, jumlah penerima manfaat dan foto? Balas 1 untuk menambah, atau MENU bila sudah cukup.",
	MsgDetailDone:        "Terima kasih, detail gagasan {code} sudah ditambahkan.",
	MsgGagasanIncomplete: "Maaf, isian gagasan tidak lengkap. Silakan mulai lagi dengan GAGASAN.",
	MsgNone:              "-",
	MsgHasPin:            "ada (pin)",
	MsgHasPhoto:          "ada",
	MsgHouseholdsLine:    "{n} KK",
	MsgHouseholdsPoor:    "{n} KK ({poor} KK miskin)",

	MsgStatusBadCode:     "\"{text}\" bukan kode gagasan. Kode gagasan berbentuk G- diikuti 6 huruf/angka, misalnya G-7KM4XA.",
	MsgStatusNotFound:    "Gagasan dengan kode {code} tidak ditemukan. Periksa lagi kodenya.",
	MsgStatusOne:         "{code} \"{title}\"\nTahap sekarang: {stage}\nRiwayat:\n{history}",
	MsgStatusHistLine:    "- {date}: {stage}{note}",
	MsgStatusListHead:    "Gagasan Bapak/Ibu (terbaru dulu):",
	MsgStatusListLine:    "{i}. {code} {title} - {stage}",
	MsgStatusListFoot:    "Balas STATUS diikuti kode untuk riwayatnya.",
	MsgStatusNone:        "Bapak/Ibu belum mengirim gagasan. Balas GAGASAN untuk mengirim.",
	MsgStatusChanged:     "Kabar gagasan {code} \"{title}\": {stage}{note}\nBalas STATUS {code} untuk riwayatnya.",
	MsgStatusNote:        " Catatan: {note}",
	MsgStatusOtherHint:   "Gagasan ini dikirim warga lain; riwayat lengkapnya ada di papan informasi desa.",
	MsgStatusListHeadAll: "Gagasan dan aduan Bapak/Ibu (terbaru dulu):",
	MsgStatusListAduan:   "{i}. {code} aduan: {text} - {stage}",

	MsgTarikConfirm: "Tarik gagasan {code} \"{title}\"? Gagasan itu tidak akan dibahas dan hilang dari papan informasi. Balas YA untuk menarik, TIDAK untuk membatalkan.",
	MsgTarikDone:    "Gagasan {code} sudah ditarik: tidak dibahas dan tidak tampil lagi di papan informasi.",
	MsgTarikKept:    "Baik, gagasan {code} tidak ditarik dan tetap menunggu dibahas.",
	MsgTarikNone:    "Tidak ada gagasan Bapak/Ibu yang masih menunggu dibahas; hanya gagasan itu yang bisa ditarik. Lihat gagasan Bapak/Ibu dengan STATUS.",
	MsgTarikChoose:  "Gagasan mana yang mau ditarik? Balas dengan nomornya, atau BATAL:\n{list}",
	MsgTarikItem:    "{code} \"{title}\"",
	MsgTarikNotOwn:  "Gagasan {code} bukan gagasan yang Bapak/Ibu kirim, jadi tidak bisa Bapak/Ibu tarik. Lihat gagasan Bapak/Ibu dengan STATUS.",
	MsgTarikTooLate: "Gagasan {code} sudah dibahas, tidak bisa ditarik; hubungi KPMD desa. Tahap sekarang: {stage}",
	MsgTarikAlready: "Gagasan {code} sudah ditarik sebelumnya.",

	MsgDeleteConfirm:  "Hapus data Bapak/Ibu? Nama, nomor, desa, dusun, sesi dan pesan suara akan dihapus. Gagasan tetap tercatat untuk desa tanpa nama dan nomor Bapak/Ibu.\nBalas YA untuk menghapus, atau BATAL.",
	MsgDeleteKeepText: "Uraian gagasan, aduan dan usulan peta yang Bapak/Ibu tulis, serta fotonya, boleh tetap disimpan untuk desa (tanpa nama)?\n1. Boleh, simpan uraian dan fotonya\n2. Tidak, simpan judul dan kategori gagasan saja",
	MsgDeleted:        "Data Bapak/Ibu sudah dihapus. Terima kasih telah ikut membangun desa.",
	MsgDeleteKept:     "Baik, data tidak dihapus.",
	MsgNoDataToDelete: "Kami tidak menyimpan data Bapak/Ibu.",

	"cat_infrastruktur": "Infrastruktur / sarana prasarana",
	"cat_ekonomi":       "Ekonomi",
	"cat_pendidikan":    "Pendidikan",
	"cat_kesehatan":     "Kesehatan",
	"cat_lainnya":       "Lainnya",

	"stage_diajukan":         "Diajukan, menunggu dibahas di Musyawarah Dusun.",
	"stage_dibahas":          "Sudah dibahas di musyawarah dusun/perempuan, menunggu Musyawarah Desa Perencanaan.",
	"stage_usulan_desa":      "Diterima sebagai usulan desa; proposal sedang ditulis.",
	"stage_verifikasi":       "Sedang diperiksa Tim Verifikasi kecamatan.",
	"stage_prioritas_mad":    "Lolos verifikasi; diperingkat di Musyawarah Antar Desa (MAD).",
	"stage_didanai":          "Didanai! Diputuskan di MAD Penetapan.",
	"stage_tidak_didanai":    "Belum didanai di MAD Penetapan.",
	"stage_diteruskan":       "Diteruskan ke Musrenbang/dinas atau penyandang dana lain.",
	"stage_pelaksanaan":      "Sedang dikerjakan oleh TPK.",
	"stage_selesai":          "Pekerjaan selesai.",
	"stage_diserahterimakan": "Sudah diserahterimakan kepada masyarakat.",
	"stage_digabung":         "Digabung dengan gagasan lain yang serupa.",
	"stage_ditolak":          "Tidak dilanjutkan.",
	"stage_ditarik":          "Ditarik oleh pengirimnya; tidak dibahas.",

	"day_0": "Minggu", "day_1": "Senin", "day_2": "Selasa", "day_3": "Rabu", "day_4": "Kamis", "day_5": "Jumat", "day_6": "Sabtu",
	"month_1": "Januari", "month_2": "Februari", "month_3": "Maret", "month_4": "April", "month_5": "Mei", "month_6": "Juni",
	"month_7": "Juli", "month_8": "Agustus", "month_9": "September", "month_10": "Oktober", "month_11": "November", "month_12": "Desember",

	// The language question is the same in every language: the resident
	// has not chosen yet.
	MsgAskLang: "Pilih bahasa / Pilih basa:\n1. Bahasa Indonesia\n2. Basa Jawa\n3. Basa Sunda",
	MsgLangSet: "Baik, Suara Desa memakai {bahasa} untuk Bapak/Ibu. Ganti kapan saja dengan BAHASA.",
	"lang_id":  "Bahasa Indonesia",
	"lang_jv":  "Basa Jawa",
	"lang_su":  "Basa Sunda",

	MsgUntukAskName:   "Gagasan ini milik warga siapa? Tulis namanya.",
	MsgUntukAskDusun:  "{name} tinggal di dusun mana? Balas dengan nomornya:\n{list}",
	MsgUntukAskGender: "{name} perempuan atau laki-laki?\n1. Perempuan\n2. Laki-laki\n3. Tidak disebut",
	MsgUntukAskPhone:  "Nomor HP keluarga {name} yang mau menerima kabar gagasan ini? Tulis nomornya, atau LEWATI.",
	MsgUntukPhoneBad:  "Nomor itu tidak bisa kami baca. Contoh: 0812 3456 7890. Atau balas LEWATI.",
	MsgUntukStart:     "Sekarang isi gagasan {name}.",
	MsgUntukSaved:     "Gagasan {name} tercatat dengan kode {code}. Mohon sampaikan kode ini kepada {name}.{kabar}",
	MsgUntukKabar:     " Kabar perkembangannya dikirim ke nomor keluarga.",
	MsgUntukRelative:  "Yth. Bapak/Ibu, kader desa mencatat gagasan {name} di Suara Desa dengan kode {code}: \"{title}\". Nomor ini akan menerima kabar perkembangannya. Balas BERHENTI bila tidak mau menerima kabar.",
	MsgUntukChanged:   "Kabar gagasan {name} ({code} \"{title}\"): {stage}{note}",
	MsgUntukLine:      "Untuk: {name}, Dusun {dusun}",

	MsgWorkersLine: "{workers} ({women} perempuan), {days} hari orang",

	MsgVoiceWord: "(pesan suara, akan ditulis petugas)",
	MsgVoiceKept: "Pesan suara diterima. Petugas desa akan menuliskannya.",
}
