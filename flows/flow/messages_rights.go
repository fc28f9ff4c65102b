package flow

// Messages of a resident's rights asked in their own words: who sees their
// data, how not to get messages, and HAPUS DATA's question asked again.
const (
	MsgPrivacy        Key = "privacy"
	MsgPrivacyOthers  Key = "privacy_others"
	MsgStopHow        Key = "stop_how"
	MsgDeleteKeepHint Key = "delete_keep_hint"
)
