package flow

// Message keys of answers to meetings written in a WhatsApp group
// (flows/group.go), answered in the sender's own chat.
const (
	// MsgGrupRSVPNotAudience answers a member outside a meeting's audience
	// who answered its post in the group: the meeting is not theirs (the
	// post named it, so it is no secret), nothing is recorded.
	MsgGrupRSVPNotAudience Key = "grup_rsvp_not_audience"
	// MsgGrupNudge answers a registered resident's keyword written in a
	// group ("{kw}"), at most once a day: write it here, privately.
	MsgGrupNudge Key = "grup_nudge"
	// The KIRIM preview's group line when no invitee is on SMS, and when
	// the group post reaches nobody who would not get a personal message.
	MsgPreviewGroupsNoSMS   Key = "preview_groups_nosms"
	MsgPreviewGroupsNoneNew Key = "preview_groups_none_new"
)
