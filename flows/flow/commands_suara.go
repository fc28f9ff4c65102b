package flow

import "time"

// OpenVote opens a meeting's suara warga: its ballot (Items, the agenda's
// gagasan in ballot order) goes once to every registered, not opted-out
// resident of the meeting's audience, like an invitation; it closes at
// ClosesAt (at the latest the meeting's start).
type OpenVote struct {
	MeetingID int64
	ClosesAt  time.Time
	Items     []int64
	Ballot    map[string]string // by language
	// Exists is said after the turn's replies when another KPMD opened
	// the meeting's vote a moment before.
	Exists string
}

// CastBallot stores (or replaces) the contact's ballot in a vote: the
// numbers of its items, first preference first.
// At is the turn's time, against which the store checks the closing; a
// ballot it refuses as closed replaces the turn's replies with Closed.
type CastBallot struct {
	VoteID  int64
	Choices []int
	At      time.Time
	Closed  string
}

func (OpenVote) command()   {}
func (CastBallot) command() {}
