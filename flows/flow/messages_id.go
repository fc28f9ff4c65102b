package flow

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
	MsgRegisteredDesa    Key = "registered_desa"
	MsgRegisterCanceled  Key = "register_canceled"
	MsgNoDesa            Key = "no_desa"
	MsgAlreadyRegistered Key = "already_registered"

	MsgMenu     Key = "menu"
	MsgHelp     Key = "help"      // a resident's commands
	MsgHelpKPMD Key = "help_kpmd" // added for a KPMD or facilitator
	MsgHelpTPK  Key = "help_tpk"  // added for a TPK member or facilitator
	// MsgHelpWargaPointer ends a cadre's or TPK's help by SMS: the
	// resident's commands come with BANTUAN WARGA.
	MsgHelpWargaPointer Key = "help_warga_pointer"
	MsgUnknown          Key = "unknown"
	MsgEmpty            Key = "empty"
	MsgCanceled         Key = "canceled"
	MsgNothingToStop    Key = "nothing_to_cancel"
	MsgTimedOut         Key = "timed_out"
	MsgSessionLost      Key = "session_lost"
	MsgOptedOut         Key = "opted_out"
	MsgOptedIn          Key = "opted_in"
	MsgOptOutNoData     Key = "opt_out_no_data"
	MsgTooLong          Key = "too_long"
	MsgNeedText         Key = "need_text"
	MsgNeedNumber       Key = "need_number"
	MsgChoiceRange      Key = "choice_range"
	MsgNotYet           Key = "not_yet"
	MsgMoreHint         Key = "more_hint"
	MsgNoMore           Key = "no_more"
	MsgSMSCut           Key = "sms_cut"
	MsgDataSaya         Key = "data_saya"
	MsgUbahIntro        Key = "ubah_intro"
	MsgDataUpdated      Key = "data_updated"
	// MsgUbahConfirmName shows a changed name, old and new, before UBAH
	// DATA saves it; MsgUbahDesaNow the desa kept by a keep answer.
	MsgUbahConfirmName Key = "ubah_confirm_name"
	MsgUbahDesaNow     Key = "ubah_desa_now"
	// MsgDesaRegion tells the kabupaten the service covers, when a desa
	// named is not found.
	MsgDesaRegion Key = "desa_region"
	// MsgAskTitleUntuk asks the title of a resident's gagasan a KPMD
	// files (GAGASAN UNTUK); MsgUntukPhoneLine shows the relative's
	// number in its summary.
	MsgAskTitleUntuk  Key = "ask_title_untuk"
	MsgUntukPhoneLine Key = "untuk_phone_line"
	MsgMediaKept      Key = "media_kept"
	MsgMediaRefused   Key = "media_refused"
	MsgMediaNotKept   Key = "media_not_kept"
	MsgLate           Key = "late"
	MsgAskNumber      Key = "ask_number"
	MsgResend         Key = "resend"
	MsgNumberMoved    Key = "number_moved"
	MsgBadLocation    Key = "bad_location"

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
	MsgNextMusdes        Key = "next_meeting_desa"
	MsgNextMusdesMKP     Key = "next_meeting_desa_mkp"
	MsgQuickSaved        Key = "quick_saved"
	MsgDetailDone        Key = "detail_done"
	MsgTextAdded         Key = "gagasan_text_added"
	MsgAddTextAsk        Key = "gagasan_add_ask"
	MsgOfferClosed       Key = "gagasan_offer_closed"
	MsgNoteKept          Key = "note_kept"
	MsgCancelDraft       Key = "cancel_draft"
	MsgCancelDraftAsk    Key = "cancel_draft_ask"
	MsgAskJenis          Key = "ask_jenis"
	MsgRSVPHow           Key = "rsvp_how"
	MsgGagasanIncomplete Key = "gagasan_incomplete"
	MsgDefaultTitle      Key = "gagasan_default_title"
	MsgNone              Key = "none_word"
	MsgHasPin            Key = "has_pin"
	MsgHasPhoto          Key = "has_photo"
	MsgHouseholdsLine    Key = "households_line"
	MsgHouseholdsPoor    Key = "households_poor_line"

	MsgStatusBadCode  Key = "status_bad_code"
	MsgStatusNotFound Key = "status_not_found"
	MsgStatusOne      Key = "status_one"
	MsgStatusHistLine Key = "status_history_line"
	MsgStatusListHead Key = "status_list_head"
	MsgStatusListLine Key = "status_list_line"
	MsgStatusListFoot Key = "status_list_foot"
	MsgStatusNone     Key = "status_none"
	MsgStatusChanged  Key = "status_changed"
	MsgStatusNote     Key = "status_note"
	// MsgMADReasonDefault is why a MAD Penetapan did not fund a proposal
	// when the MAD wrote no reason of its own.
	MsgMADReasonDefault Key = "mad_forward_reason_default"
	MsgStatusOtherHint  Key = "status_other_hint"
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
	CategoryKeys = map[string]Key{
		"INFRASTRUKTUR": "cat_infrastruktur",
		"EKONOMI":       "cat_ekonomi",
		"PENDIDIKAN":    "cat_pendidikan",
		"KESEHATAN":     "cat_kesehatan",
		"LAINNYA":       "cat_lainnya",
	}
	StageKeys = map[string]Key{
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

// Choosing a desa (flow/desa.go): in a scope of more than MaxDesaList, by
// typing its name; the desa of a board's HALO code, confirmed.
const (
	MsgAskDesaName      Key = "ask_desa_name"
	MsgDesaNotFoundName Key = "desa_not_found_name"
	MsgDesaTooMany      Key = "desa_too_many"
	MsgDesaTypeName     Key = "desa_type_name"
	MsgDesaConfirm      Key = "desa_confirm"
	MsgDesaPlace        Key = "desa_place"
	MsgDesaPlaceKab     Key = "desa_place_kab"
	// A kecamatan's or a dusun's name answered for the desa.
	MsgDesaKecamatanChoose Key = "desa_kecamatan_choose"
	MsgDesaKecamatanName   Key = "desa_kecamatan_name"
	MsgDesaDusunConfirm    Key = "desa_dusun_confirm"
	MsgDesaDusunChoose     Key = "desa_dusun_choose"
	MsgDesaDusunMany       Key = "desa_dusun_many"
	MsgDesaDusunPlace      Key = "desa_dusun_place"
	// HALO with a board's code from a registered resident.
	MsgHaloRegistered Key = "halo_registered"
	MsgHaloOtherDesa  Key = "halo_other_desa"
)

// A photo sent after a gagasan (flows/fotogagasan): to it?
const (
	MsgFotoGagasanAsk   Key = "gagasan_photo_ask"
	MsgFotoGagasanAdded Key = "gagasan_photo_added"
)
