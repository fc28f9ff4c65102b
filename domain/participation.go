package domain

import "time"

// Participation counts who took part in one cycle (a calendar year in the
// kecamatan's zone) in one place: a desa, a kecamatan or a kabupaten
// (issue 19 §4; README, "Participation figures"). Counts only: no name,
// no number.
type Participation struct {
	Kode string `db:"kode"`
	Nama string `db:"nama"`
	// Residents are those registered by the cycle's end, Women those of
	// them who said they are women.
	Residents      int `db:"residents"`
	ResidentsWomen int `db:"residents_women"`
	// Gagasan are those sent in the cycle (withdrawn ones not counted):
	// Women from a woman (sent by one, or filed by a KPMD for one), MKP
	// from the women's meeting (the proposal's from_mkp when a facilitator
	// set it, otherwise on the agenda of an MKP not cancelled), Map
	// answering an item of the social map.
	Gagasan      int `db:"gagasan"`
	GagasanWomen int `db:"gagasan_women"`
	GagasanMKP   int `db:"gagasan_mkp"`
	GagasanMap   int `db:"gagasan_map"`
	// Meetings are those held in the cycle with their attendance
	// recorded, Attended and AttendedWomen its sum.
	Meetings      int `db:"-"`
	Attended      int `db:"-"`
	AttendedWomen int `db:"-"`
	// Votes are the counted suara warga of the cycle's meetings, with the
	// audience their ballot went to and the ballots given, by gender
	// (from each vote's kept count; the rest gave no gender).
	Votes             int `db:"votes"`
	VoteAudience      int `db:"vote_audience"`
	VoteAudienceWomen int `db:"vote_audience_women"`
	VoteAudienceMen   int `db:"vote_audience_men"`
	Ballots           int `db:"ballots"`
	BallotsWomen      int `db:"ballots_women"`
	BallotsMen        int `db:"ballots_men"`
	// Complaints are those filed in the cycle; Due those whose
	// ComplaintAnswerDays have passed or that were answered already,
	// Answered those answered within ComplaintAnswerDays (AnsweredBy).
	Complaints         int `db:"complaints"`
	ComplaintsDue      int `db:"complaints_due"`
	ComplaintsAnswered int `db:"complaints_answered"`
}

// ComplaintAnswerDays is how soon a complaint counts as answered in time:
// the programme's Penanganan Pengaduan Masyarakat answers within 14 days.
const ComplaintAnswerDays = 14

// ComplaintAnsweredBy is the latest moment a complaint filed at filed is
// answered in time: ComplaintAnswerDays of 24 hours after.
func ComplaintAnsweredBy(filed time.Time) time.Time {
	return filed.Add(ComplaintAnswerDays * 24 * time.Hour)
}

// Add adds o's counts to p's (a kecamatan of its desa, a total).
func (p *Participation) Add(o Participation) {
	p.Residents += o.Residents
	p.ResidentsWomen += o.ResidentsWomen
	p.Gagasan += o.Gagasan
	p.GagasanWomen += o.GagasanWomen
	p.GagasanMKP += o.GagasanMKP
	p.GagasanMap += o.GagasanMap
	p.Meetings += o.Meetings
	p.Attended += o.Attended
	p.AttendedWomen += o.AttendedWomen
	p.Votes += o.Votes
	p.VoteAudience += o.VoteAudience
	p.VoteAudienceWomen += o.VoteAudienceWomen
	p.VoteAudienceMen += o.VoteAudienceMen
	p.Ballots += o.Ballots
	p.BallotsWomen += o.BallotsWomen
	p.BallotsMen += o.BallotsMen
	p.Complaints += o.Complaints
	p.ComplaintsDue += o.ComplaintsDue
	p.ComplaintsAnswered += o.ComplaintsAnswered
}

// ResidentsWomenPercent is the share of women among the residents.
func (p Participation) ResidentsWomenPercent() int { return Percent(p.ResidentsWomen, p.Residents) }

// AttendedWomenPercent is the share of women in the attendance.
func (p Participation) AttendedWomenPercent() int { return Percent(p.AttendedWomen, p.Attended) }

// Turnout is the share of the votes' audience that voted.
func (p Participation) Turnout() int { return Percent(p.Ballots, p.VoteAudience) }

// TurnoutWomen is the share of the women of the audience that voted.
func (p Participation) TurnoutWomen() int { return Percent(p.BallotsWomen, p.VoteAudienceWomen) }

// TurnoutMen is the share of the men of the audience that voted.
func (p Participation) TurnoutMen() int { return Percent(p.BallotsMen, p.VoteAudienceMen) }

// AnsweredPercent is the share of due complaints answered in time.
func (p Participation) AnsweredPercent() int { return Percent(p.ComplaintsAnswered, p.ComplaintsDue) }

// MeetingAttendance is one held meeting's attendance.
type MeetingAttendance struct {
	Code          string      `db:"code"`
	DesaKode      string      `db:"desa_kode"`
	Type          MeetingType `db:"type"`
	StartsAt      time.Time   `db:"starts_at"`
	Attended      int         `db:"attended"`
	AttendedWomen int         `db:"attended_women"`
}

// WomenPercent is the share of women in the meeting's attendance.
func (a MeetingAttendance) WomenPercent() int { return Percent(a.AttendedWomen, a.Attended) }
