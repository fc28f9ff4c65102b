package flow

// Message keys of posts into linked WhatsApp groups: no "{nama}" (one post
// for everyone in the group), answers asked for in private chat.
const (
	MsgGroupInvite   Key = "group_invite"
	MsgGroupReminder Key = "group_reminder"
	MsgGroupCanceled Key = "group_canceled"
	MsgGroupMoved    Key = "group_moved"
	MsgGroupOutcome  Key = "group_outcome"
	MsgGroupDecision Key = "group_decision"
	MsgGroupVote     Key = "group_vote"
	MsgGroupReport   Key = "group_report"
	// MsgPreviewGroups is the KIRIM preview's line on how the invitation
	// goes: by group post and by personal message.
	MsgPreviewGroups Key = "preview_groups"
	// MsgRapatStatsGroup adds to UNDANG R-… how many were invited by a
	// group post.
	MsgRapatStatsGroup Key = "rapat_stats_group"
)
