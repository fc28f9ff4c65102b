package flow

// Message keys of the suara warga (SUARA): a priority vote by chat on a
// coming meeting's agenda. Every text about it says that the vote informs
// the musyawarah and does not decide.
const (
	MsgSuaraConfirm    Key = "suara_confirm"
	MsgSuaraOpened     Key = "suara_opened"
	MsgSuaraBallot     Key = "suara_ballot"
	MsgSuaraMore       Key = "suara_more"
	MsgSuaraSaved      Key = "suara_saved"
	MsgSuaraChanged    Key = "suara_changed"
	MsgSuaraClosed     Key = "suara_closed"
	MsgSuaraRange      Key = "suara_range"
	MsgSuaraTooMany    Key = "suara_too_many"
	MsgSuaraNone       Key = "suara_none"
	MsgSuaraPast       Key = "suara_past"
	MsgSuaraFewItems   Key = "suara_few_items"
	MsgSuaraExists     Key = "suara_exists"
	MsgSuaraBadClose   Key = "suara_bad_close"
	MsgSuaraConfirmAsk Key = "suara_confirm_ask"
	MsgSuaraKept       Key = "suara_kept"
	MsgSuaraResult     Key = "suara_result"
	MsgSuaraResultLine Key = "suara_result_line"
	MsgSuaraHasil      Key = "suara_hasil"
	MsgSuaraHasilRank  Key = "suara_hasil_rank"
	MsgSuaraUseWord    Key = "suara_use_word"
	MsgSuaraWhich      Key = "suara_which"
	MsgSuaraHint       Key = "suara_hint"
	MsgSuaraChoiceLine Key = "suara_choice_line"
	// MsgSuaraHasilOpen: HASIL while the vote is still open (provisional).
	MsgSuaraHasilOpen Key = "suara_hasil_open"
	// MsgSuaraUndang*: the vote's state under UNDANG R-…'s progress.
	MsgSuaraUndangOpen   Key = "suara_undang_open"
	MsgSuaraUndangClosed Key = "suara_undang_closed"
	MsgSuaraUndangNone   Key = "suara_undang_none"
	// MsgSuaraOpenedBefore: another KPMD opened it a moment before.
	MsgSuaraOpenedBefore Key = "suara_opened_before"
)
