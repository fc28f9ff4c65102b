package bot

import (
	"context"
	"reflect"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// A step's commands are carried out by effects: each command type has one,
// written once in the file of its family (effects_person.go,
// effects_gagasan.go, effects_meeting.go, effects_work.go,
// effects_peta.go, effects_suara.go), and looked up by the command's type. An effect also
// says when it runs: a personal one before the turn's replies are queued, a
// fan-out one (it writes to many people) after them, so that the one who
// asked reads the answer before any broadcast.

// phase is when, within a turn, an effect runs.
type phase int

const (
	// personal effects run before the turn's replies are queued.
	personal phase = iota
	// fanOut effects write to many people and run after the replies.
	fanOut
)

// applying is what an effect may use besides its command: the turn, the
// message that caused it and the pipeline's settings.
type applying struct {
	turn      *postgres.Turn
	in        Inbound
	reminders postgres.ReminderPlan
	// replies are the turn's replies: a personal effect refused by a race
	// may replace them with what happened (they are queued after it).
	replies *[]flow.Reply
	// followUp queues one more reply after the turn's (fan-out effects:
	// the replies were queued before them); nil in the personal phase.
	followUp func(ctx context.Context, text string) error
}

// effect carries out one command type.
type effect struct {
	command reflect.Type
	phase   phase
	apply   func(ctx context.Context, a applying, c flow.Command) error
}

// effectOf makes the effect of command type C from a function of C.
func effectOf[C flow.Command](ph phase, f func(ctx context.Context, a applying, c C) error) effect {
	return effect{command: reflect.TypeFor[C](), phase: ph, apply: func(ctx context.Context, a applying, c flow.Command) error {
		return f(ctx, a, c.(C))
	}}
}

// effectFamilies lists every family's effects: the one list a new command
// family is added to.
var effectFamilies = [][]effect{personEffects, gagasanEffects, meetingEffects, workEffects, petaEffects, suaraEffects, groupEffects}

// effects is every effect by its command's type.
var effects = indexEffects(effectFamilies)

func indexEffects(families [][]effect) map[reflect.Type]effect {
	m := map[reflect.Type]effect{}
	for _, fam := range families {
		for _, e := range fam {
			m[e.command] = e
		}
	}
	return m
}

// effectFor looks up the effect of command c; an unknown command type is
// an internal error (a command added to flows without its effect, which
// TestEveryCommandHasAnEffect catches first).
func effectFor(c flow.Command) (effect, error) {
	e, ok := effects[reflect.TypeOf(c)]
	if !ok {
		return effect{}, domain.Errorf(domain.EINTERNAL, "no effect for command %T", c)
	}
	return e, nil
}

// byPhase splits a step's commands into those to run before its replies
// and those to run after, each in the order the step returned them.
func byPhase(cmds []flow.Command) (before, after []flow.Command, err error) {
	for _, c := range cmds {
		e, err := effectFor(c)
		if err != nil {
			return nil, nil, err
		}
		if e.phase == fanOut {
			after = append(after, c)
		} else {
			before = append(before, c)
		}
	}
	return before, after, nil
}

// apply carries out commands on the turn, in order.
func (p *Pipeline) apply(ctx context.Context, turn *postgres.Turn, in Inbound, cmds []flow.Command, replies *[]flow.Reply,
	followUp func(ctx context.Context, text string) error) error {
	a := applying{turn: turn, in: in, reminders: p.reminders(), replies: replies, followUp: followUp}
	for _, c := range cmds {
		e, err := effectFor(c)
		if err != nil {
			return err
		}
		if err := e.apply(ctx, a, c); err != nil {
			return err
		}
	}
	return nil
}

// refusedIsDone lets a turn commit when a change is refused by a rule the
// flow already checked: only a race (an item removed by another KPMD, a
// gagasan discussed, a moment before) gets here, and retrying the message
// would not help.
func refusedIsDone(err error) error {
	if c := domain.ErrorCodeOf(err); c == domain.EINVALID || c == domain.ENOTFOUND {
		return nil
	}
	return err
}
