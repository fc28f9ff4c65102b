package flow

// Flow is one conversation a contact can be in: its name in the session,
// the keywords that start it, its steps, and what runs them. The engine
// (flows.Step) knows flows only through this interface and the one list of
// them (flows/list.go); each method is there because the engine needs it:
//   - Name routes a waiting session to its flow (Session.Flow).
//   - Keywords make a first word a command and route it to Start.
//   - Start runs a keyword with the rest of the message.
//   - Step reads the answer to the flow's current step.
//   - Steps lists the steps, and which take free text (there a keyword is
//     text; only the control words act); FuzzStep seeds every one of them.
type Flow interface {
	Name() string
	Keywords() []string
	// Start reports false when the keyword means nothing here (TIDAK
	// with no code inside another flow): the engine goes on as if the
	// word were no command.
	Start(t *Turn, kw, arg string) (bool, error)
	Step(t *Turn) error
	Steps() []StepSpec
}

// StepSpec is one step of a flow: its name in the session, and whether it
// takes free text.
type StepSpec struct {
	Name     string
	FreeText bool
}

// Free is a StepSpec taking free text; Pick one whose answer is read (a
// choice, a number, a yes or no).
func Free(name string) StepSpec { return StepSpec{Name: name, FreeText: true} }

// Pick is a step whose answer is read, not taken as text.
func Pick(name string) StepSpec { return StepSpec{Name: name} }

// Reasker is a Flow that can ask its current step again: LANJUT takes a
// paused flow up with no answer waiting. A flow without it is told to go
// on (MsgWhoGoOn).
type Reasker interface {
	AskAgain(t *Turn) error
}
