package flow

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

// MsgCaptionKept tells that a photo's words, which named no command, wait
// for GAGASAN or ADUAN.
const MsgCaptionKept Key = "caption_kept"

// MsgAskHourNoHint asks the hour when no day-period suggested one.
const MsgAskHourNoHint Key = "ask_hour_no_hint"

// MsgThanksReply answers thanks ("matur nuwun", "hatur nuhun", "makasih"):
// alone where no question waits, before MsgWhoGoOn in one reply where one
// does.
const MsgThanksReply Key = "thanks_reply"
