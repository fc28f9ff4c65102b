package flow

import (
	"context"
	"encoding/json"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Session is the conversation state of one contact, kept in Redis between
// messages. It is small and flat so that it encodes fast.
type Session struct {
	Flow string            `json:"f,omitempty"`
	Step string            `json:"s,omitempty"`
	Data map[string]string `json:"d,omitempty"`
	// State is the typed state of a flow that has one (a struct of its
	// package, as JSON: Load and Save).
	State json.RawMessage `json:"st,omitempty"`
	// Seq is the contact's message counter when the session was written;
	// it must equal Contact.SessionSeq, or the session is stale.
	Seq int64     `json:"q"`
	At  time.Time `json:"t"`
	// More is the rest of the last reply that was too long for SMS; LAGI
	// sends its next page. It lives one turn: any other message drops it.
	More string `json:"m,omitempty"`
	// Ballot is the suara warga whose ballot (or a reply about it: saved,
	// changed, shown again, a number out of range) the last reply was: a
	// message of numbers alone answers it. It lives one turn, as More does.
	Ballot int64 `json:"sv,omitempty"`
	// Held is a photo sent with no flow to take it, kept for the flow the
	// next message starts (a photo sent just before "GAGASAN …", a TPK's
	// photo captioned "progres minggu ini"). It lives until the timeout.
	Held int64 `json:"h,omitempty"`
	// HeldAt is when Held arrived: FOTO BA takes a photo held only when
	// it was sent just before (HeldFresh).
	HeldAt time.Time `json:"ha,omitzero"`
	// Caption is the words that came with a photo (or a refused one) and
	// named no command: GAGASAN or ADUAN next takes them as its text. It
	// lives as Held does.
	Caption string `json:"hc,omitempty"`
	// Paused is a flow that timed out, kept for PausedKeep so that LANJUT
	// takes it up again with every answer given.
	Paused *Paused `json:"p,omitempty"`
	// Nudged is when a keyword written in a WhatsApp group was last
	// answered with the private nudge to write it here: once a day.
	Nudged time.Time `json:"gn,omitempty"`
}

// Paused is a flow left at a step, with its answers and the message that
// arrived after the timeout (answered to the step on LANJUT).
type Paused struct {
	Flow   string            `json:"f"`
	Step   string            `json:"s"`
	Data   map[string]string `json:"d,omitempty"`
	State  json.RawMessage   `json:"st,omitempty"`
	Answer string            `json:"a,omitempty"`
	At     time.Time         `json:"t"`
}

// PausedKeep is how long a timed-out flow waits for LANJUT.
const PausedKeep = 24 * time.Hour

// Idle tells whether the contact is in no flow.
func (s Session) Idle() bool { return s.Flow == "" }

// MediaKind is the kind of an attachment.
type MediaKind string

// Media kinds that channels deliver.
const (
	MediaImage    MediaKind = "image"
	MediaAudio    MediaKind = "audio"
	MediaDocument MediaKind = "document"
	MediaOther    MediaKind = "other"
)

// Media is an attachment the pipeline already stored; flows see only its id.
type Media struct {
	ID   int64
	Kind MediaKind
	Mime string
}

// Location is a map pin: domain.Location, which channels deliver too.
type Location = domain.Location

// Input is one inbound message as a flow sees it.
type Input struct {
	Channel  string
	Text     string
	Media    *Media
	Location *domain.Location
	// MediaRefused tells that the message carried a file that was not
	// stored (too large to keep or to decode, or empty).
	MediaRefused bool
	// NotKept is the kind of an attachment that was not stored: it came
	// before consent, when nothing about the person may be kept.
	NotKept MediaKind
	// Group is the WhatsApp group the message was posted in, nil for a
	// personal message. A flow never answers into the group: replies go
	// to the sender's own chat (docs/ARCHITECTURE.md, "Groups").
	Group *GroupInput
}

// GroupInput is what a step knows of the group a message came from, read
// by the pipeline from the store before the step.
type GroupInput struct {
	JID  string
	Name string
	// Mentioned: the message addresses the bot (a mention, or a reply to
	// its post); it runs as a personal message would.
	Mentioned bool
	// Known: the store has the group (the adapter reported it); Left: the
	// number is no longer in it; CanPost: the number may post there.
	Known, Left, CanPost bool
	// The audience it is linked to ("" when none).
	DesaKode string
	Audience domain.Audience
	DusunID  int64
}

// View is the read-only data a flow may consult. The pipeline implements it
// on the current transaction; tests implement it on plain values.
type View interface {
	// DesasIn lists the desa in a scope (a Kemendagri code prefix as in
	// Env.Scope; "" for every desa, a desa's own code for that desa) with
	// their kecamatan and kabupaten names, sorted by name. The store serves
	// it from memory; the slice is shared and must not be changed. Where a
	// desa is chosen, read it through Turn.AskDesa and Turn.ReadDesa.
	DesasIn(ctx context.Context, scope string) ([]domain.DesaPlace, error)
	// Dusuns lists the dusun of a desa, sorted by name.
	Dusuns(ctx context.Context, desaKode string) ([]domain.Dusun, error)
	// DusunsNamed lists the dusun in a scope (as DesasIn's) whose name,
	// folded as FoldName folds it, is folded; by desa code (at most 50).
	// A resident may answer "which desa?" with her dusun's name.
	DusunsNamed(ctx context.Context, scope, folded string) ([]domain.Dusun, error)
	// Gagasan returns a gagasan and its history, or domain.ErrNotFound.
	Gagasan(ctx context.Context, code string) (*domain.Gagasan, []domain.StatusChange, error)
	// GagasanOf lists the gagasan a contact sent, newest first.
	GagasanOf(ctx context.Context, id domain.ContactID, limit int) ([]domain.Gagasan, error)
	// TimeZone returns the IANA time zone of a desa's kecamatan.
	TimeZone(ctx context.Context, desaKode string) string

	// Meeting returns a meeting by code, or domain.ErrNotFound.
	Meeting(ctx context.Context, code string) (*domain.Meeting, error)
	// CountAudience counts the registered residents an invitation would reach.
	CountAudience(ctx context.Context, desaKode string, dusunID *int64, aud domain.Audience) (int, error)
	// GroupReach counts how an invitation to the audience would go: one
	// post into each linked group that gets it, reaching the residents who
	// are members, and personal messages to the others (of them by SMS).
	GroupReach(ctx context.Context, desaKode string, dusunID *int64, aud domain.Audience) (domain.GroupReach, error)
	// WaitingGagasan lists gagasan waiting to be discussed, oldest first.
	WaitingGagasan(ctx context.Context, desaKode string, dusunID *int64, limit int) ([]domain.Gagasan, error)
	// MeetingsFor lists the upcoming meetings that concern a contact.
	MeetingsFor(ctx context.Context, c *domain.Contact, from time.Time, limit int) ([]domain.Meeting, error)
	// MeetingsPostedIn lists the upcoming meetings of MeetingsFor whose
	// invitation (or a change or reminder of it) was posted into the
	// WhatsApp group jid: what "nggih hadir" written there answers.
	MeetingsPostedIn(ctx context.Context, jid string, c *domain.Contact, from time.Time, limit int) ([]domain.Meeting, error)
	// MeetingsNotPostedIn lists the coming meetings of a desa none of
	// whose posts went into the WhatsApp group jid (sent before it was
	// linked).
	MeetingsNotPostedIn(ctx context.Context, jid, desaKode string, from time.Time, limit int) ([]domain.Meeting, error)
	// RSVPOf returns a contact's answer to a meeting ("" when none).
	RSVPOf(ctx context.Context, meetingID int64, id domain.ContactID) (domain.RSVP, error)
	// MayAnswer tells whether a contact may answer a meeting: invited, or
	// in its audience.
	MayAnswer(ctx context.Context, meetingID int64, id domain.ContactID) (bool, error)
	// MeetingStats counts an invitation's progress.
	MeetingStats(ctx context.Context, meetingID int64) (domain.MeetingStats, error)
	// MeetingsAwaitingBA lists the meetings of the desa that began before
	// now (within 30 days), not cancelled, with no berita acara photo yet,
	// newest first, at most limit.
	MeetingsAwaitingBA(ctx context.Context, desas []string, now time.Time, limit int) ([]domain.Meeting, error)
	// MeetingAnswerers lists up to limit of a meeting's invitees who
	// answered HADIR or TIDAK, by name.
	MeetingAnswerers(ctx context.Context, meetingID int64, limit int) ([]domain.Answerer, error)
	// MeetingAgenda lists the gagasan a meeting discusses.
	MeetingAgenda(ctx context.Context, meetingID int64) ([]domain.Gagasan, error)
	// MeetingDecisions are the stages a meeting's recorded outcome moved
	// gagasan to, by gagasan code (each one's last move by it); empty
	// before its outcome is recorded.
	MeetingDecisions(ctx context.Context, meetingID int64) (map[string]domain.Status, error)
	// MeetingVote returns a meeting's suara warga and its count (so far,
	// or the final one once closed); nil, nil when it has none.
	MeetingVote(ctx context.Context, meetingID int64) (*domain.Vote, *domain.VoteResult, error)
	// VoteSentTo returns the newest suara warga whose ballot went to a
	// contact (of the meeting code, when one is given), with the contact's
	// ballot in Mine; nil when none.
	VoteSentTo(ctx context.Context, id domain.ContactID, meetingCode string) (*domain.Vote, error)

	// Kegiatan returns a kegiatan by code, or domain.ErrNotFound.
	Kegiatan(ctx context.Context, code string) (*domain.Kegiatan, error)
	// KegiatanOfDesa lists a desa's kegiatan.
	KegiatanOfDesa(ctx context.Context, desaKode string) ([]domain.Kegiatan, error)
	// KegiatanOfTPK lists the kegiatan a number may report on.
	KegiatanOfTPK(ctx context.Context, phone domain.Phone) ([]domain.Kegiatan, error)
	// Tranches lists a kegiatan's tranches.
	Tranches(ctx context.Context, kegiatanID int64) ([]domain.Tranche, error)
	// LatestReport returns a kegiatan's newest report, or domain.ErrNotFound.
	LatestReport(ctx context.Context, kegiatanID int64) (*domain.ProgressReport, error)
	// Complaint returns a complaint by code, or domain.ErrNotFound.
	Complaint(ctx context.Context, code string) (*domain.Complaint, error)
	// ComplaintsOf lists the complaints a contact sent (anonymous ones
	// too: only the sender sees this list), newest first.
	ComplaintsOf(ctx context.Context, id domain.ContactID, limit int) ([]domain.Complaint, error)

	// PersonalData gathers what is kept about a contact (DATA SAYA).
	PersonalData(ctx context.Context, id domain.ContactID) (domain.PersonalData, error)
	// HideSender returns text with the contact's registered name and
	// number, however written, replaced by "…" (an anonymous complaint).
	HideSender(ctx context.Context, text string) (string, error)

	// DusunMap reads a dusun's social map (confirmed items, criteria, counts).
	DusunMap(ctx context.Context, dusunID int64) (domain.DusunMap, error)
	// MapSuggestions lists residents' suggestions waiting in a dusun.
	MapSuggestions(ctx context.Context, dusunID int64) ([]domain.MapItem, error)
}

// Env is what a step needs from outside that is not data: the clock, the
// code generator and settings. Tests fix all of it.
type Env struct {
	Now     time.Time
	NewCode func(domain.CodeKind) string
	// Timeout ends a flow left idle this long (default 30 minutes).
	Timeout time.Duration
	// Controller is the data controller the consent text names (the
	// kecamatan's program unit); DefaultController when empty.
	Controller string
	// SMSSegments is the budget of the channel the message came by: the
	// most SMS segments a reply may cost (smstext.MaxSegments for an SMS
	// gateway), or 0 for a channel without one. With a budget, replies are
	// written in GSM-7 and paged (LAGI), and the shorter _sms texts used.
	SMSSegments int
	// Scope is the region the number the message came to serves, as a
	// Kemendagri code (a province 34, a kabupaten 34.04, a kecamatan
	// 34.04.11 or a desa 34.04.11.2002; domain.InScope), "" for a number
	// that serves every desa of the service. Where a desa is chosen, only
	// the desa in scope are offered.
	Scope string
}

// Reply is one outbound message.
type Reply struct {
	Text    string
	MediaID int64
}

// Result is what a step decides: the new session, the replies and the
// commands the store applies, all in one transaction.
type Result struct {
	Session  Session
	Replies  []Reply
	Commands []Command
}
