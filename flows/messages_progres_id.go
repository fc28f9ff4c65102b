package flows

// Message keys of kegiatan, progress reports and complaints.
const (
	MsgNotTPK          Key = "not_tpk"
	MsgLaporPick       Key = "lapor_pick"
	MsgLaporPercent    Key = "lapor_percent"
	MsgPercentRange    Key = "percent_range"
	MsgLaporReason     Key = "lapor_reason"
	MsgLaporPhotos     Key = "lapor_photos"
	MsgPhotoAdded      Key = "photo_added"
	MsgPhotoTooMany    Key = "photo_too_many"
	MsgPhotoNotImage   Key = "photo_not_image"
	MsgLaporNote       Key = "lapor_note"
	MsgLaporWorkers    Key = "lapor_workers"
	MsgWorkersHint     Key = "workers_hint"
	MsgLaporLocation   Key = "lapor_location"
	MsgLaporSummary    Key = "lapor_summary"
	MsgLaporSent       Key = "lapor_sent"
	MsgNoPhotoMark     Key = "no_photo_mark"
	MsgReportPush      Key = "report_push"
	MsgProgresNone     Key = "progres_none"
	MsgProgresList     Key = "progres_list"
	MsgProgresLine     Key = "progres_line"
	MsgProgresDetail   Key = "progres_detail"
	MsgProgresNoReport Key = "progres_no_report"
	MsgProgresLast     Key = "progres_last"
	MsgTrancheLine     Key = "tranche_line"
	MsgTranchePaid     Key = "tranche_paid"
	MsgTrancheWaiting  Key = "tranche_waiting"
	MsgKegiatanBadCode Key = "kegiatan_bad_code"
	MsgKegiatanUnknown Key = "kegiatan_unknown"
	MsgFollowing       Key = "following"
	MsgAduanText       Key = "aduan_text"
	MsgAduanPhoto      Key = "aduan_photo"
	MsgAduanAnon       Key = "aduan_anon"
	MsgAduanSaved      Key = "aduan_saved"
	MsgAduanFasil      Key = "aduan_fasil"
	MsgAduanAnonName   Key = "aduan_anon_name"
	MsgAduanStatus     Key = "aduan_status"
	MsgAduanNotFound   Key = "aduan_not_found"
	MsgAduanChanged    Key = "aduan_changed"
	MsgLaporCondition  Key = "lapor_condition"
	MsgConditionPush   Key = "condition_push"
	MsgConditionLine   Key = "condition_line"
)

var conditionKeys = map[string]Key{"BAIK": "cond_baik", "RUSAK_RINGAN": "cond_rusak_ringan", "RUSAK_BERAT": "cond_rusak_berat"}

var complaintStageKeys = map[string]Key{
	"DITERIMA": "cs_diterima", "DIVERIFIKASI": "cs_diverifikasi", "DITERUSKAN": "cs_diteruskan",
	"DITANGANI": "cs_ditangani", "SELESAI": "cs_selesai",
}

var kegiatanStatusKeys = map[string]Key{"BERJALAN": "ks_berjalan", "SELESAI": "ks_selesai", "DISERAHTERIMAKAN": "ks_diserahkan"}

func init() {
	for k, v := range map[Key]string{
		MsgNotTPK:             "Maaf, LAPOR hanya untuk anggota TPK kegiatan atau fasilitator. Balas PROGRES untuk melihat kemajuan kegiatan.",
		MsgLaporPick:          "Laporan untuk kegiatan mana? Balas dengan nomornya:\n{list}",
		MsgLaporPercent:       "{code} {title}: berapa persen pekerjaan fisik yang selesai? (laporan terakhir {last}%). Balas angka 0 sampai 100.",
		MsgPercentRange:       "Mohon balas angka persen dari 0 sampai 100.",
		MsgLaporReason:        "Angka itu lebih rendah dari laporan terakhir ({last}%). Apa sebabnya?",
		MsgLaporPhotos:        "Kirim 1 sampai 5 foto pekerjaan, satu per satu (boleh dengan keterangan). Balas SELESAI bila sudah. Tanpa foto (atau lewat SMS): balas LEWATI.",
		MsgPhotoAdded:         "Foto {n} diterima. Kirim foto berikutnya, atau balas SELESAI.",
		MsgPhotoTooMany:       "Sudah 5 foto; foto ini tidak disimpan. Balas SELESAI untuk lanjut.",
		MsgPhotoNotImage:      "Itu bukan foto. Mohon kirim foto, atau balas SELESAI.",
		MsgLaporNote:          "Tulis catatan singkat tentang pekerjaan ini (atau kirim pesan suara), atau balas LEWATI.",
		MsgLaporWorkers:       "Sejak laporan terakhir: berapa pekerja dari desa, berapa perempuan di antaranya, dan berapa hari orang kerja? Balas tiga angka, misalnya 12 4 60, atau LEWATI.",
		MsgWorkersHint:        "Mohon balas tiga angka (pekerja, perempuan, hari orang), misalnya 12 4 60, atau LEWATI.",
		MsgLaporLocation:      "Bila ada, kirim lokasi (pin) pekerjaan. Bila tidak, balas LEWATI.",
		MsgLaporSummary:       "Ringkasan laporan {code}:\nKemajuan: {percent}%\nFoto: {photos}\nCatatan: {note}\nPekerja: {workers}\nBalas KIRIM untuk mengirim, UBAH untuk mengulang, atau BATAL.",
		MsgLaporSent:          "Laporan {code} tercatat ({percent}%). Pengikut kegiatan diberi kabar.{mark}",
		MsgNoPhotoMark:        " Laporan ini tanpa foto.",
		MsgReportPush:         "Kabar kegiatan {code} {title}: kemajuan {percent}%. {note}\nBalas PROGRES {code} untuk rinciannya.",
		MsgProgresNone:        "Belum ada kegiatan yang didanai di desa Bapak/Ibu.",
		MsgProgresList:        "Kegiatan di desa Bapak/Ibu:\n{list}\nBalas nomornya untuk rincian.",
		MsgProgresLine:        "{code} {title} - {percent}% ({status})",
		MsgProgresDetail:      "{code} {title}\nDesa {desa}{volume}\nAnggaran: {budget}\nDana:\n{tranches}\nKemajuan: {percent}%\n{last}\nBalas IKUTI {code} untuk mendapat kabar setiap ada laporan.",
		MsgProgresNoReport:    "Belum ada laporan kemajuan.",
		MsgProgresLast:        "Laporan terakhir {date}: {note}",
		MsgTrancheLine:        "- Tahap {no} ({percent}%): {amount}, {state}",
		MsgTranchePaid:        "sudah cair {date}",
		MsgTrancheWaiting:     "belum cair",
		MsgKegiatanBadCode:    "\"{text}\" bukan kode kegiatan. Kode kegiatan berbentuk K- diikuti 6 huruf/angka.",
		MsgKegiatanUnknown:    "Kegiatan dengan kode {code} tidak ditemukan.",
		MsgFollowing:          "Bapak/Ibu akan mendapat kabar setiap ada laporan kegiatan {code}. Balas BERHENTI untuk berhenti menerima kabar.",
		MsgAduanText:          "Tulis aduan Bapak/Ibu: apa yang terjadi, di mana, kapan. Boleh dengan pesan suara.",
		MsgAduanText + "_sms": "Tulis aduan Bapak/Ibu: apa yang terjadi, di mana, kapan.",
		MsgLaporNote + "_sms": "Tulis catatan singkat tentang pekerjaan ini, atau balas LEWATI.",
		MsgAduanPhoto:         "Bila ada, kirim satu foto sebagai bukti. Bila tidak (atau lewat SMS), balas LEWATI.",
		MsgAduanAnon:          "Kirim aduan tanpa nama?\n1. Ya, tanpa nama (fasilitator tidak melihat nama dan nomor Bapak/Ibu)\n2. Tidak, sertakan nama saya",
		MsgAduanSaved:         "Aduan tercatat dengan kode {code} dan diteruskan ke fasilitator. Kami kabari setiap ada perkembangan. Cek kapan saja dengan STATUS {code}.",
		MsgAduanFasil:         "Aduan baru {code} dari {from}, Desa {desa}:\n{text}",
		MsgAduanAnonName:      "warga (tanpa nama)",
		MsgAduanStatus:        "Aduan {code}: {stage}",
		MsgAduanNotFound:      "Aduan dengan kode {code} tidak ditemukan.",
		MsgAduanChanged:       "Kabar aduan {code}: {stage}{note}",

		MsgLaporCondition:   "{code} {title} sudah diserahterimakan. Bagaimana kondisinya sekarang?\n1. Baik\n2. Rusak ringan\n3. Rusak berat",
		MsgConditionPush:    "Kabar {code} {title}: kondisi {condition}. {note}\nBalas PROGRES {code} untuk rinciannya.",
		MsgConditionLine:    "Kondisi: {condition}.",
		"cond_baik":         "baik",
		"cond_rusak_ringan": "rusak ringan",
		"cond_rusak_berat":  "rusak berat",
		"cs_diterima":       "diterima, menunggu diperiksa.",
		"cs_diverifikasi":   "sedang diperiksa.",
		"cs_diteruskan":     "diteruskan ke pihak yang berwenang.",
		"cs_ditangani":      "sedang ditindaklanjuti.",
		"cs_selesai":        "selesai ditangani.",
		"ks_berjalan":       "berjalan",
		"ks_selesai":        "selesai",
		"ks_diserahkan":     "sudah diserahterimakan",
	} {
		messagesID[k] = v
	}
}
