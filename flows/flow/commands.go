package flow

import (
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Command is a change to the records that a step asks for. The store applies
// the commands of a step, the inbound log entry and the replies in one
// transaction, so a step either happens whole or not at all.
type Command interface{ command() }

// GiveConsent creates the contact: consent is the first thing stored.
type GiveConsent struct{}

// Register completes a contact's registration.
type Register struct {
	Name     string
	DesaKode string
	DusunID  int64
	Gender   domain.Gender
}

// CreateGagasan stores a new gagasan sent by the contact.
type CreateGagasan struct {
	Gagasan domain.Gagasan
}

// UpdateGagasanDetail adds detail to a gagasan the contact sent in one message.
type UpdateGagasanDetail struct {
	Code           string
	Category       domain.Category
	Households     *int
	PoorHouseholds *int
	PhotoID        *int64
	MapItemID      *int64
}

// AddGagasanText adds the sender's words to the description of a gagasan
// they sent in one message: its second half, or a correction, sent right
// after it was saved.
type AddGagasanText struct {
	Code string
	Text string
}

// AttachGagasanPhoto makes a photo the resident sent after her gagasan
// (and said YA to) its photo, while it still waits to be discussed and has
// none. The store checks the sender, the stage and the photo again.
type AttachGagasanPhoto struct {
	Code    string
	PhotoID int64
}

func (AttachGagasanPhoto) command() {}

// WithdrawGagasan withdraws one of the contact's own gagasan while it still
// waits to be discussed (TARIK): it moves to DITARIK and leaves the public
// board. The store checks the sender and the stage again.
type WithdrawGagasan struct {
	Code string
}

// SetOptOut opts the contact out of (or back into) everything but replies.
type SetOptOut struct{ Out bool }

// DeleteContact erases the person: their contact row, roles and session;
// their gagasan stay in the village's record without any link to them.
type DeleteContact struct {
	// KeepText keeps their gagasan's descriptions (without any link to
	// them) when they agreed; otherwise only titles and categories stay.
	KeepText bool
}

// CreateMeeting stores a meeting and sends its invitation ("{nama}" in the
// text is each recipient's name) to the audience, fixed now.
type CreateMeeting struct {
	Meeting domain.Meeting
	Agenda  []int64
	Invite  map[string]string // by language
	// Post is the invitation posted into the linked groups that get it
	// (domain.GroupPostsFor); their members get no personal copy.
	Post map[string]string // by language
}

// SetRSVP records the contact's answer to a meeting.
type SetRSVP struct {
	MeetingID int64
	Answer    domain.RSVP
}

// CancelMeeting cancels a meeting and tells its invitees.
type CancelMeeting struct {
	MeetingID int64
	Notice    map[string]string // by language
	Post      map[string]string // into the linked groups, by language
}

// MoveMeeting moves a meeting and tells its invitees.
type MoveMeeting struct {
	MeetingID int64
	At        time.Time
	Place     string
	Notice    map[string]string // by language
	Post      map[string]string // into the linked groups, by language
}

// Decision is a meeting's decision on one gagasan.
type Decision struct {
	GagasanCode string
	To          domain.Status
	Note        string
}

// RecordOutcome stores a meeting's attendance and its decisions; each
// gagasan's sender is told.
type RecordOutcome struct {
	MeetingID int64
	Attended  int
	Women     int
	Decisions []Decision
	Post      map[string]string // the result, into the linked groups, by language
}

// SetBAPhoto keeps a photo (or PDF scan) of a meeting's signed paper
// berita acara, sent at At (the last question of HASIL, or FOTO BA R-…):
// the first page of a new set, which replaces the meeting's set (kept on
// record), or with Page the next page of the current set.
type SetBAPhoto struct {
	MeetingID int64
	MediaID   int64
	At        time.Time
	Page      bool
}

// CreateReport stores a TPK's progress report and pushes Push ("{nama}"
// for each follower's name) with its first photo to the followers.
type CreateReport struct {
	Report domain.ProgressReport
	Push   map[string]string // by language
	// Post goes with the first photo into the desa's linked groups.
	Post map[string]string // by language
}

// Follow subscribes the contact to a kegiatan.
type Follow struct{ KegiatanID int64 }

// CreateComplaint stores a complaint and routes ForFasilitator to the
// facilitators of its desa.
type CreateComplaint struct {
	Complaint      domain.Complaint
	ForFasilitator string
}

func (CreateReport) command()    {}
func (Follow) command()          {}
func (CreateComplaint) command() {}

func (CreateMeeting) command() {}
func (SetRSVP) command()       {}
func (CancelMeeting) command() {}
func (MoveMeeting) command()   {}
func (RecordOutcome) command() {}
func (SetBAPhoto) command()    {}

func (GiveConsent) command()         {}
func (SetLang) command()             {}
func (Register) command()            {}
func (CreateGagasan) command()       {}
func (UpdateGagasanDetail) command() {}
func (AddGagasanText) command()      {}
func (WithdrawGagasan) command()     {}
func (AddMapItem) command()          {}
func (ChangeMapItem) command()       {}
func (AddCriterion) command()        {}
func (RemoveCriterion) command()     {}
func (SetRTMCount) command()         {}
func (SetOptOut) command()           {}
func (DeleteContact) command()       {}

// AddMapItem adds an item to a dusun's social map; Suggest marks a
// resident's suggestion, which waits for a KPMD.
type AddMapItem struct {
	Item    domain.MapItem
	Suggest bool
}

// ChangeMapItem edits ("edit": a new Title or Description), removes
// ("remove"), confirms or rejects ("confirm", "reject" a suggestion) an item.
type ChangeMapItem struct {
	DusunID     int64
	ID          int64
	Action      string
	Title, Desc string
}

// AddCriterion adds a poverty criterion a dusun agreed.
type AddCriterion struct {
	DusunID int64
	Level   domain.PovertyLevel
	Text    string
}

// RemoveCriterion removes one.
type RemoveCriterion struct {
	DusunID, ID int64
}

// SetRTMCount stores a dusun's household counts.
type SetRTMCount struct {
	Count domain.RTMCount
}

// SetLang stores the contact's language.
type SetLang struct{ Lang string }

// NotifyNumber sends one message to a number that is not a contact: the
// relative of a resident a KPMD filed for, on the KPMD's channel.
type NotifyNumber struct {
	Channel string
	Phone   domain.Phone
	Text    string
}

// ForgetNumber removes a number that is not a contact from the records
// that hold it (a relative's number on a filed gagasan): BERHENTI or HAPUS
// DATA from that number.
type ForgetNumber struct{}

func (NotifyNumber) command() {}
func (ForgetNumber) command() {}
