package flow

// Message keys of posts into linked WhatsApp groups: no "{nama}" (one post
// for everyone in the group), answers asked for in private chat.
const (
	MsgGroupInvite   Key = "group_invite"
	MsgGroupReminder Key = "group_reminder"
	MsgGroupCanceled Key = "group_canceled"
	MsgGroupMoved    Key = "group_moved"
	MsgGroupOutcome  Key = "group_outcome"
	// MsgGroupOutcomeFix is a recorded outcome corrected by HASIL again.
	MsgGroupOutcomeFix Key = "group_outcome_fix"
	MsgGroupDecision   Key = "group_decision"
	MsgGroupVote       Key = "group_vote"
	MsgGroupReport     Key = "group_report"
	// MsgGroupMAD is a MAD Penetapan's result for one desa: its funded
	// proposals (MsgGroupMADFunded, or MsgGroupMADNoneFunded) and the
	// forwarded (MsgGroupMADForwarded), one line each, and the link to the
	// kecamatan's board.
	MsgGroupMAD            Key = "group_mad"
	MsgGroupMADFunded      Key = "group_mad_funded"
	MsgGroupMADNoneFunded  Key = "group_mad_none_funded"
	MsgGroupMADForwarded   Key = "group_mad_forwarded"
	MsgGroupMADLine        Key = "group_mad_line"
	MsgGroupMADForwardLine Key = "group_mad_forward_line"
	// MsgPreviewGroups is the KIRIM preview's line on how the invitation
	// goes: by group post and by personal message.
	MsgPreviewGroups Key = "preview_groups"
	// MsgRapatStatsGroup adds to UNDANG R-… how many were invited by a
	// group post.
	MsgRapatStatsGroup Key = "rapat_stats_group"
)
