package flow

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
	MsgPreviewName    Key = "preview_name"
	MsgAgendaGagasan  Key = "agenda_gagasan"
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
	// MsgBAConfirm asks whether a photo captioned as a berita acara is the
	// one of the cadre's only meeting awaiting it.
	MsgBAConfirm Key = "ba_confirm"
	// MsgRapatNamesHadir and MsgRapatNamesTidak name, under the counts,
	// who answered, when few did (rapat.answerersShown).
	MsgRapatNamesHadir Key = "rapat_names_hadir"
	MsgRapatNamesTidak Key = "rapat_names_tidak"
	MsgRapatManage     Key = "rapat_manage"
	MsgRapatClosed     Key = "rapat_closed"
	MsgAskMoveWhen     Key = "ask_move_when"
	MsgAskMovePlace    Key = "ask_move_place"
	MsgMoved           Key = "moved"
	MsgConfirmCancel   Key = "confirm_cancel"
	MsgRapatCanceled   Key = "rapat_canceled"
	MsgRSVPSaved       Key = "rsvp_saved"
	MsgRSVPWhich       Key = "rsvp_which"
	MsgRSVPNone        Key = "rsvp_none"
	MsgRSVPPast        Key = "rsvp_past"
	MsgJadwalHead      Key = "jadwal_head"
	MsgJadwalLine      Key = "jadwal_line"
	MsgJadwalFoot      Key = "jadwal_foot"
	MsgJadwalNone      Key = "jadwal_none"
	MsgAnswerHadir     Key = "answer_hadir"
	MsgAnswerTidak     Key = "answer_tidak"
	MsgAnswerNone      Key = "answer_none"

	MsgAskAttended  Key = "ask_attended"
	MsgAskWomen     Key = "ask_women"
	MsgWomenTooMany Key = "women_too_many"
	MsgAskDecision  Key = "ask_decision"
	// MsgHasilOthers asks, after the agenda, which other waiting gagasan
	// the meeting discussed.
	MsgHasilOthers  Key = "hasil_others"
	MsgAskReason    Key = "ask_reason"
	MsgOutcomeSaved Key = "outcome_saved"
	// MsgOutcomeSavedNoNotice: no gagasan moved this time, so no sender
	// is told.
	MsgOutcomeSavedNoNotice Key = "outcome_saved_no_notice"
	// MsgHasilRecorded: HASIL on a meeting whose outcome is recorded asks
	// before it is corrected.
	MsgHasilRecorded Key = "hasil_recorded"
	// MsgHasilDecidedBefore: a gagasan this meeting already moved is
	// shown, not asked again.
	MsgHasilDecidedBefore Key = "hasil_decided_before"
	MsgDecidedAt          Key = "decided_at"
	MsgHasilNotHeld       Key = "hasil_not_held"

	MsgScopeDesa      Key = "scope_desa"
	MsgScopeDusun     Key = "scope_dusun"
	MsgScopeDusunOnly Key = "scope_dusun_only"
	MsgScopePerempuan Key = "scope_perempuan"
	MsgScopeMAD       Key = "scope_mad"
)

var MeetingTypeKeys = map[string]Key{
	"MUSDUS": "mt_musdus", "MKP": "mt_mkp", "MUSDES_SOSIALISASI": "mt_musdes_sosialisasi",
	"MUSDES_PERENCANAAN": "mt_musdes_perencanaan", "MUSDES_INFORMASI": "mt_musdes_informasi",
	"MUSDES_PERTANGGUNGJAWABAN": "mt_pertanggungjawaban", "MUSDES_SERAH_TERIMA": "mt_serah_terima",
	"MAD_SOSIALISASI": "mt_mad_sosialisasi", "MAD_PRIORITAS": "mt_mad_prioritas", "MAD_PENETAPAN": "mt_mad_penetapan",
	"PELATIHAN_KPMD": "mt_pelatihan_kpmd", "PELATIHAN_PEMELIHARA": "mt_pelatihan_pemelihara",
}

// Message keys of the photo of a meeting's signed berita acara (the last
// question of HASIL, FOTO BA R-…).
const (
	MsgBAAsk      Key = "ba_ask"
	MsgBAAskPhoto Key = "ba_ask_photo"
	MsgBANotImage Key = "ba_not_image"
	MsgBASaved    Key = "ba_saved"
	MsgBAReplaced Key = "ba_replaced"
	MsgBASkipped  Key = "ba_skipped"
	MsgBAByWA     Key = "ba_by_whatsapp"
	MsgBANotHeld  Key = "ba_not_held"
	MsgBACanceled Key = "ba_canceled"
	MsgBANeedCode Key = "ba_need_code"
	// MsgHasilNeedCode answers HASIL without a meeting's code (the
	// cadre's menu item).
	MsgHasilNeedCode Key = "hasil_need_code"
	// A berita acara of several pages: each photo after the first, within
	// a few minutes, is its next page (step more of fotoba).
	MsgBAPageSaved Key = "ba_page_saved"
	MsgBAPagesDone Key = "ba_pages_done"
	// A photo sent just before FOTO BA R-… and used as its berita acara.
	MsgBAHeldUsed Key = "ba_held_used"
)

// The answer to a meeting that named another day than the meeting's
// ("sesuk jam 9 kula rawuh" for next week's): recorded, and the day told.
const (
	MsgRSVPSavedOtherDay Key = "rsvp_saved_other_day"
	MsgRSVPDayToday      Key = "rsvp_day_today"
	MsgRSVPDayTomorrow   Key = "rsvp_day_tomorrow"
)

// "usul kula dirembag kapan?": the meeting that takes up each of one's
// gagasan, scheduled or not yet.
const (
	MsgRembagScheduled   Key = "rembag_scheduled"
	MsgRembagUnscheduled Key = "rembag_unscheduled"
)
