// Package rapat is a KPMD's meetings by chat: UNDANG composes a meeting
// and its invitation (type, audience, day and hour, place, agenda, a
// preview before anyone is told), UNDANG R-… shows its progress and moves
// or cancels it, HASIL R-… records its attendance and decisions. It also
// renders every text about a meeting (invitations, reminders, notices).
package rapat

import (
	"errors"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Flow names, stored in the session.
const (
	FlowUndang = "undang" // a KPMD creates a meeting and its invitation
	FlowRapat  = "rapat"  // a KPMD manages a meeting: move or cancel
	FlowHasil  = "hasil"  // a KPMD records a meeting's outcome, then sends the berita acara's photo
)

// State is the meeting being composed, moved or reported on, kept in the
// session (as JSON). Zero values are answers not given.
type State struct {
	// Code is the meeting moved, cancelled or reported on (and the one
	// drawn for an invitation as it is sent).
	Code     string             `json:"code,omitempty"`
	Desa     string             `json:"desa,omitempty"`
	Type     domain.MeetingType `json:"type,omitempty"`
	Audience domain.Audience    `json:"audience,omitempty"`
	DusunID  int64              `json:"dusun,omitempty"`
	// When and Place are the meeting's, or the move's.
	When  time.Time `json:"when,omitzero"`
	Place string    `json:"place,omitempty"`
	// Agenda is as stored (Indonesian when made of gagasan); AgendaIDs
	// the gagasan picked from Waiting, the list offered.
	Agenda    string    `json:"agenda,omitempty"`
	AgendaIDs []int64   `json:"agenda_ids,omitempty"`
	Waiting   []Waiting `json:"waiting,omitempty"`
	// Edit is set once a part is changed from the preview: the answer
	// goes back to it.
	Edit bool `json:"edit,omitempty"`
	// Asking is a day and hour being read over several messages.
	Asking WhenAnswers `json:"asking,omitzero"`
	// The outcome (HASIL): attendance, the agenda item asked about next,
	// and the decisions so far.
	Attended  int             `json:"attended,omitempty"`
	Women     int             `json:"women,omitempty"`
	Next      int             `json:"i,omitempty"`
	Decisions []flow.Decision `json:"dec,omitempty"`
	// Others are the gagasan not on the agenda that the meeting discussed
	// too (asked once after the agenda, OthersAsked): their decisions are
	// asked after the agenda's.
	Others      []string `json:"others,omitempty"`
	OthersAsked bool     `json:"others_asked,omitempty"`
	// OthersShown are the codes of that question's list, in its order:
	// the numbers answered mean these, whatever moved meanwhile.
	OthersShown []string `json:"others_shown,omitempty"`
	// Pages is how many pages of the berita acara were kept (FOTO BA's
	// step more).
	Pages int `json:"pages,omitempty"`
	// Pick is the choice of the meeting's desa, for a cadre of several.
	Pick *flow.DesaChoice `json:"pick_desa,omitempty"`
}

// Waiting is a gagasan offered for the agenda.
type Waiting struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// WhenAnswers is what the answers about a meeting's time gave so far: a
// day ("2006-01-02") waiting for its hour ("15:04") or the reverse, an hour
// suggested by a part of the day, and a time read that waits for YA.
type WhenAnswers struct {
	Date    string    `json:"date,omitempty"`
	Hour    string    `json:"hour,omitempty"`
	Suggest string    `json:"suggest,omitempty"`
	PM      bool      `json:"pm,omitempty"`   // the day named an afternoon or evening: "jam 7" is 19.00
	Roll    bool      `json:"roll,omitempty"` // the day rolled into next year: confirmed once the hour is known
	Confirm time.Time `json:"confirm,omitzero"`
}

// turn is one step of these flows: the engine's turn and the state.
type turn struct {
	*flow.Turn
	s State
}

// run runs f on the session's state (a fresh one when the contact is in
// none of these flows: a keyword starts them from any flow) and keeps the
// state while the contact is still in one of them.
func run(ft *flow.Turn, f func(*turn) error) error {
	var s State
	if mine(ft.Sess.Flow) {
		var err error
		if s, err = flow.Load[State](ft); err != nil {
			return err
		}
	}
	t := &turn{Turn: ft, s: s}
	err := f(t)
	if mine(t.Sess.Flow) {
		flow.Save(ft, t.s)
	}
	return err
}

// fresh runs f with an empty state: a keyword starts anew whatever flow
// the contact was in (these included).
func fresh(ft *flow.Turn, f func(*turn) error) error {
	t := &turn{Turn: ft}
	err := f(t)
	if mine(t.Sess.Flow) {
		flow.Save(ft, t.s)
	}
	return err
}

func mine(name string) bool {
	return name == FlowUndang || name == FlowRapat || name == FlowHasil || name == FlowFotoBA
}

func (t *turn) endFlow() {
	t.EndFlow()
	t.s = State{}
}

// audiences are the answers to MsgAskAudience, in its order.
var audiences = []domain.Audience{domain.AudienceDesa, domain.AudienceDusun, domain.AudiencePerempuan}

// idPtr is a record's id, nil for none (0).
func idPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// Undang is UNDANG: a new invitation, or UNDANG R-… to manage one.
func Undang() flow.Flow { return undang{} }

// Rapat manages a meeting (move or cancel); UNDANG R-… starts it.
func Rapat() flow.Flow { return manage{} }

// Hasil is HASIL R-…: a meeting's outcome.
func Hasil() flow.Flow { return hasil{} }

type undang struct{}

func (undang) Name() string       { return FlowUndang }
func (undang) Keywords() []string { return []string{"UNDANG"} }
func (undang) Start(t *flow.Turn, _, arg string) (bool, error) {
	if first, _, _ := strings.Cut(strings.TrimSpace(arg), " "); first != "" && !domain.LooksLikeCode(first) && !codeFirst(arg) {
		// "UNDANG musdus kejambon jumat depan" names the type, not a code.
		return true, undangWords(t, arg)
	}
	return true, fresh(t, func(t *turn) error { return t.startUndang(arg) })
}
func (undang) Step(t *flow.Turn) error { return run(t, (*turn).undangStep) }
func (undang) AskAgain(t *flow.Turn) error {
	return run(t, func(t *turn) error { return t.askUndang(t.Sess.Step) })
}
func (undang) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Free("desa"), flow.Pick("type"), flow.Pick("audience"), flow.Pick("dusun"), flow.Pick("when"),
		flow.Free("place"), flow.Free("agenda"), flow.Pick("preview"), flow.Pick("edit")}
}

// codeFirst tells whether arg starts with a meeting's code, however typed
// ("R F7XM6X").
func codeFirst(arg string) bool {
	_, _, ok := domain.LeadingCode(domain.CodeRapat, arg)
	return ok
}

type manage struct{}

func (manage) Name() string                                   { return FlowRapat }
func (manage) Keywords() []string                             { return nil }
func (manage) Start(*flow.Turn, string, string) (bool, error) { return false, nil }
func (manage) Step(t *flow.Turn) error                        { return run(t, (*turn).rapatStep) }
func (manage) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick("manage"), flow.Pick("move_when"), flow.Free("move_place"),
		flow.Pick("move_confirm"), flow.Pick("cancel")}
}

type hasil struct{}

func (hasil) Name() string       { return FlowHasil }
func (hasil) Keywords() []string { return []string{"HASIL"} }
func (hasil) Start(t *flow.Turn, _, arg string) (bool, error) {
	return true, fresh(t, func(t *turn) error { return t.startHasil(arg) })
}
func (hasil) Step(t *flow.Turn) error { return passOn(t, run(t, (*turn).hasilStep)) }
func (hasil) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick("again"), flow.Pick("attended"), flow.Pick("women"), flow.Pick("decision"), flow.Free("reason"), flow.Pick("others"), flow.Pick("ba_photo")}
}

// UndangNamed starts an invitation whose request named its type ("mau
// bikin undangan musdus"): the type question is answered by it.
func UndangNamed(ft *flow.Turn, rest string) error {
	return fresh(ft, func(t *turn) error { return t.undangNamed(rest) })
}

// ShowMeeting is UNDANG R-… for a meeting named otherwise ("cek undangan
// R-…", a cadre's bare "R-… sopo wae sing wis jawab"): its status, to a
// KPMD or facilitator of its desa.
func ShowMeeting(ft *flow.Turn, code string) error {
	return fresh(ft, func(t *turn) error {
		t.endFlow()
		return t.manageMeeting(code)
	})
}

// KeepMeeting answers BATAL while a move is asked: the move stops, the
// meeting stays as it was (and is said so).
func KeepMeeting(ft *flow.Turn) error {
	err := run(ft, func(t *turn) error {
		m, err := t.sessionMeeting()
		if err != nil || m == nil {
			return err
		}
		t.endFlow()
		t.Say(flow.MsgMoveKept, MeetingArgs(t.Lang, *m))
		return nil
	})
	if errors.Is(err, flow.ErrDamaged) {
		// No meeting to name: the move stops all the same.
		ft.EndFlow()
		ft.Say(flow.MsgCanceled, nil)
		return nil
	}
	return err
}

// LoadMeeting reads a meeting by a typed code (HADIR R-…); nil when the
// code is bad or unknown, and then it has replied.
func LoadMeeting(ft *flow.Turn, arg string) (*domain.Meeting, error) {
	t := &turn{Turn: ft}
	return t.loadMeeting(arg)
}
