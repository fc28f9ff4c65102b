package flows

// Message keys of meetings and invitations.
const (
	MsgNotKPMD        Key = "not_kpmd"
	MsgAskMeetingType Key = "ask_meeting_type"
	MsgAskAudience    Key = "ask_audience"
	MsgAskMeetDusun   Key = "ask_meeting_dusun"
	MsgAskWhen        Key = "ask_when"
	MsgWhenHint       Key = "when_hint"
	MsgWhenPast       Key = "when_past"
	MsgAskPlace       Key = "ask_place"
	MsgPlaceInvalid   Key = "place_invalid"
	MsgAskAgenda      Key = "ask_agenda"
	MsgAskAgendaPick  Key = "ask_agenda_pick"
	MsgPreview        Key = "preview"
	MsgPreviewHint    Key = "preview_hint"
	MsgAskMeetEdit    Key = "ask_meeting_edit"
	MsgNoRecipients   Key = "no_recipients"
	MsgInviteSent     Key = "invite_sent"
	MsgInvite         Key = "invite"
	MsgReminder       Key = "reminder"
	MsgReminderH1     Key = "reminder_h1"
	MsgReminderJ2     Key = "reminder_j2"
	MsgReminderDays   Key = "reminder_days"
	MsgCanceledNotice Key = "canceled_notice"
	MsgMovedNotice    Key = "moved_notice"

	MsgRapatBadCode  Key = "rapat_bad_code"
	MsgRapatNotFound Key = "rapat_not_found"
	MsgRapatStats    Key = "rapat_stats"
	MsgRapatManage   Key = "rapat_manage"
	MsgRapatClosed   Key = "rapat_closed"
	MsgAskMoveWhen   Key = "ask_move_when"
	MsgAskMovePlace  Key = "ask_move_place"
	MsgMoved         Key = "moved"
	MsgConfirmCancel Key = "confirm_cancel"
	MsgRapatCanceled Key = "rapat_canceled"
	MsgRSVPSaved     Key = "rsvp_saved"
	MsgRSVPWhich     Key = "rsvp_which"
	MsgRSVPNone      Key = "rsvp_none"
	MsgRSVPPast      Key = "rsvp_past"
	MsgJadwalHead    Key = "jadwal_head"
	MsgJadwalLine    Key = "jadwal_line"
	MsgJadwalFoot    Key = "jadwal_foot"
	MsgJadwalNone    Key = "jadwal_none"
	MsgAnswerHadir   Key = "answer_hadir"
	MsgAnswerTidak   Key = "answer_tidak"
	MsgAnswerNone    Key = "answer_none"

	MsgAskAttended  Key = "ask_attended"
	MsgAskWomen     Key = "ask_women"
	MsgWomenTooMany Key = "women_too_many"
	MsgAskDecision  Key = "ask_decision"
	MsgAskReason    Key = "ask_reason"
	MsgOutcomeSaved Key = "outcome_saved"
	MsgDecidedAt    Key = "decided_at"
	MsgHasilNotHeld Key = "hasil_not_held"

	MsgScopeDesa      Key = "scope_desa"
	MsgScopeDusun     Key = "scope_dusun"
	MsgScopeDusunOnly Key = "scope_dusun_only"
	MsgScopePerempuan Key = "scope_perempuan"
	MsgScopeMAD       Key = "scope_mad"
)

var meetingTypeKeys = map[string]Key{
	"MUSDUS": "mt_musdus", "MKP": "mt_mkp", "MUSDES_SOSIALISASI": "mt_musdes_sosialisasi",
	"MUSDES_PERENCANAAN": "mt_musdes_perencanaan", "MUSDES_INFORMASI": "mt_musdes_informasi",
	"MUSDES_PERTANGGUNGJAWABAN": "mt_pertanggungjawaban", "MUSDES_SERAH_TERIMA": "mt_serah_terima",
	"MAD_SOSIALISASI": "mt_mad_sosialisasi", "MAD_PRIORITAS": "mt_mad_prioritas", "MAD_PENETAPAN": "mt_mad_penetapan",
	"PELATIHAN_KPMD": "mt_pelatihan_kpmd", "PELATIHAN_PEMELIHARA": "mt_pelatihan_pemelihara",
}

func init() {
	for k, v := range map[Key]string{
		MsgNotKPMD:        "Maaf, {word} hanya untuk kader desa (KPMD) atau fasilitator. Balas MENU untuk melihat pilihan.",
		MsgAskMeetingType: "Rapat apa yang akan diadakan? Balas dengan nomornya:\n{list}",
		MsgAskAudience:    "Siapa yang diundang?\n1. Seluruh warga Desa {desa}\n2. Warga satu dusun\n3. Perempuan Desa {desa}",
		MsgAskMeetDusun:   "Dusun mana? Balas dengan nomornya:\n{list}",
		MsgAskWhen:        "Kapan? Contoh: 25/12 09.00, besok jam 9, atau Senin 14.00.",
		MsgWhenHint:       "Tanggal/jam itu tidak kami pahami. Contoh: 25/12 09.00, 25-12-2026 9:00, besok jam 9, Senin 14.00.",
		MsgWhenPast:       "Waktu itu sudah lewat ({when}). Mohon tulis waktu yang akan datang.",
		MsgAskPlace:       "Di mana tempatnya? (contoh: Balai Dusun Kejambon)",
		MsgPlaceInvalid:   "Mohon tulis tempat rapat (2 sampai 120 huruf).",
		MsgAskAgenda:      "Tulis agenda singkat, atau balas LEWATI.",
		MsgAskAgendaPick:  "Gagasan yang menunggu dibahas:\n{list}\nBalas nomor gagasan yang dibahas (misalnya 1,3), SEMUA, atau tulis agenda lain.",
		MsgPreview:        "Pratinjau undangan untuk {n} warga:\n\n{text}",
		MsgPreviewHint:    "Balas KIRIM untuk mengirim, UBAH untuk mengubah, atau BATAL.",
		MsgAskMeetEdit:    "Bagian mana yang diubah?\n1. Jenis rapat\n2. Peserta\n3. Waktu\n4. Tempat\n5. Agenda",
		MsgNoRecipients:   "Belum ada warga terdaftar yang termasuk peserta ini. Ubah peserta (UBAH) atau BATAL.",
		MsgInviteSent:     "Undangan {code} sedang dikirim ke {n} warga, bertahap agar nomor tidak diblokir. Cek kapan saja dengan UNDANG {code}; catat hasilnya dengan HASIL {code}.",
		MsgInvite:         "Yth. Bapak/Ibu {nama},\nAnda diundang ke {jenis} {lingkup}.\nHari/tanggal: {hari}, {tanggal}\nPukul: {jam} {zona}\nTempat: {tempat}\nAgenda: {agenda}\nMohon balas HADIR {kode} atau TIDAK {kode}.",
		MsgReminder:       "Pengingat untuk Bapak/Ibu {nama}: {jenis} {lingkup} {kapan}, {hari} {tanggal} pukul {jam} {zona} di {tempat}. Balas HADIR {kode} atau TIDAK {kode}.",
		MsgReminderH1:     "besok",
		MsgReminderJ2:     "sebentar lagi",
		MsgReminderDays:   "{n} hari lagi",
		MsgCanceledNotice: "Yth. Bapak/Ibu {nama}, {jenis} {lingkup} pada {hari}, {tanggal} DIBATALKAN. Mohon maaf.",
		MsgMovedNotice:    "Yth. Bapak/Ibu {nama}, {jenis} {lingkup} DIPINDAH ke {hari}, {tanggal} pukul {jam} {zona} di {tempat}. Balas HADIR {kode} atau TIDAK {kode}.",

		MsgRapatBadCode:  "\"{text}\" bukan kode rapat. Kode rapat berbentuk R- diikuti 6 huruf/angka, misalnya R-7KM4XA.",
		MsgRapatNotFound: "Rapat dengan kode {code} tidak ditemukan.",
		MsgRapatStats:    "{code} {jenis} {lingkup}, {hari} {tanggal} {jam} {zona}\nDiundang: {invited}, terkirim: {sent}, diterima: {delivered}\nHADIR: {hadir} (perempuan {women}), TIDAK: {tidak}, belum menjawab: {unanswered}",
		MsgRapatManage:   "Balas 1 untuk memindah waktu/tempat, 2 untuk membatalkan rapat, atau MENU.",
		MsgRapatClosed:   "Rapat {code} sudah {status}.",
		MsgAskMoveWhen:   "Waktu baru? Contoh: 25/12 09.00 atau besok jam 9.",
		MsgAskMovePlace:  "Tempat baru? Balas SAMA bila tetap di {tempat}.",
		MsgMoved:         "Rapat {code} dipindah. Semua undangan diberi tahu.",
		MsgConfirmCancel: "Batalkan {code}? Semua undangan akan diberi tahu. Balas YA untuk membatalkan, atau TIDAK.",
		MsgRapatCanceled: "Rapat {code} dibatalkan. Semua undangan diberi tahu.",
		MsgRSVPSaved:     "Terima kasih, jawaban {answer} untuk {code} ({jenis}, {hari} {tanggal}) tercatat.",
		MsgRSVPWhich:     "Rapat mana? Balas {word} diikuti kodenya:\n{list}",
		MsgRSVPNone:      "Tidak ada rapat yang akan datang untuk Bapak/Ibu.",
		MsgRSVPPast:      "Rapat {code} sudah lewat atau dibatalkan.",
		MsgJadwalHead:    "Rapat yang akan datang:",
		MsgJadwalLine:    "{i}. {jenis} {lingkup}: {hari} {tanggal} {jam} {zona}, {tempat} ({kode}){jawaban}",
		MsgJadwalFoot:    "Balas HADIR atau TIDAK diikuti kode rapat.",
		MsgJadwalNone:    "Belum ada rapat yang dijadwalkan untuk Bapak/Ibu.",
		MsgAnswerHadir:   " - Anda: HADIR",
		MsgAnswerTidak:   " - Anda: TIDAK",
		MsgAnswerNone:    "",

		MsgAskAttended:  "Hasil {code}: berapa orang yang hadir? Balas angka.",
		MsgAskWomen:     "Berapa perempuan di antara {n} yang hadir?",
		MsgWomenTooMany: "Jumlah perempuan tidak boleh lebih dari {n}. Mohon balas lagi.",
		MsgAskDecision:  "Keputusan untuk {gcode} \"{title}\"?\n1. Lanjut: {next}\n2. Ditolak\n3. Belum diputuskan",
		MsgAskReason:    "Apa alasan penolakannya? (akan disampaikan kepada pengirim)",
		MsgOutcomeSaved: "Hasil {code} tercatat: {n} hadir ({women} perempuan), {decided} keputusan gagasan. Pengirim gagasan diberi tahu.",
		MsgDecidedAt:    "Diputuskan di {jenis} {tanggal}.",
		MsgHasilNotHeld: "Rapat {code} belum dimulai; hasil dicatat setelah rapat.",

		MsgScopeDesa:      "Desa {desa}",
		MsgScopeDusun:     "Dusun {dusun}, Desa {desa}",
		MsgScopeDusunOnly: "{dusun}, Desa {desa}",
		MsgScopePerempuan: "untuk perempuan Desa {desa}",
		MsgScopeMAD:       "Kecamatan (perwakilan desa)",

		"mt_musdus":               "Musyawarah Dusun",
		"mt_mkp":                  "Musyawarah Desa Khusus Perempuan",
		"mt_musdes_sosialisasi":   "Musyawarah Desa Sosialisasi",
		"mt_musdes_perencanaan":   "Musyawarah Desa Perencanaan",
		"mt_musdes_informasi":     "Musyawarah Desa Informasi Hasil MAD",
		"mt_pertanggungjawaban":   "Musyawarah Desa Pertanggungjawaban",
		"mt_serah_terima":         "Musyawarah Desa Serah Terima",
		"mt_mad_sosialisasi":      "MAD Sosialisasi",
		"mt_mad_prioritas":        "MAD Prioritas Usulan",
		"mt_mad_penetapan":        "MAD Penetapan Usulan",
		"mt_pelatihan_kpmd":       "Pelatihan KPMD",
		"mt_pelatihan_pemelihara": "Pelatihan Tim Pemelihara",
	} {
		messagesID[k] = v
	}
}
