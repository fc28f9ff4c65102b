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
)
