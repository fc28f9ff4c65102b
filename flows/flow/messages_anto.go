package flow

// Messages of a hurried KPMD's corrections: a move earlier than the
// meeting's own day, a weekday that is not the date's, the how-tos of
// linking a group and inviting.
const (
	// MsgMoveEarlier follows the move's confirmation when the new day is
	// before the meeting's day, so that a distracted YA does not bring it
	// forward unnoticed.
	MsgMoveEarlier Key = "move_earlier"
	// MsgWhenWeekdayMismatch asks back when a weekday and a day number
	// do not go together ("sabtu 13"), naming both.
	MsgWhenWeekdayMismatch Key = "when_weekday_mismatch"
	// MsgGrupHint answers a KPMD who mentioned the bot in a group about
	// linking it, in words it could not read: how to write it there.
	MsgGrupHint Key = "grup_hint"
	// MsgUndangHow answers a cadre's "how do I invite?" in short.
	MsgUndangHow Key = "undang_how"
	// MsgGrupSentBefore follows a link: a coming meeting of the group's
	// audience was invited before the link, so its invitation is not in
	// the group (its reminders will be).
	MsgGrupSentBefore Key = "grup_sent_before"
)
