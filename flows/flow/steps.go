package flow

// Step is one step of a flow whose state is S: the question it waits on
// the answer to (Spec), what reads the answer (Run), and what the state
// must hold for the step to make sense (Needs; nil when nothing).
type Step[S any] struct {
	Spec  StepSpec
	Run   func(t *Turn, st *S) error
	Needs func(st S) bool
}

// RunStep runs the session's step of a flow named name: it loads the
// flow's state, runs the step and saves the state while the flow goes on.
// A state that does not load, an unknown step or a state without what the
// step needs is ErrDamaged.
func RunStep[S any](t *Turn, name string, steps []Step[S]) error {
	st, err := Load[S](t)
	if err != nil {
		return err
	}
	for _, s := range steps {
		if s.Spec.Name != t.Sess.Step {
			continue
		}
		if s.Run == nil || s.Needs != nil && !s.Needs(st) {
			return ErrDamaged
		}
		if err := s.Run(t, &st); err != nil {
			return err
		}
		if t.Sess.Flow == name {
			Save(t, st)
		}
		return nil
	}
	return ErrDamaged
}

// Specs lists the steps' specs, for Flow.Steps.
func Specs[S any](steps []Step[S]) []StepSpec {
	out := make([]StepSpec, len(steps))
	for i, s := range steps {
		out[i] = s.Spec
	}
	return out
}

// Typed is a Flow with state S, written as data: its name, keywords,
// steps and what its keywords start. Most flows are one; a flow whose
// engine needs more (peta's offer that lets a message go) writes its own.
type Typed[S any] struct {
	Called  string
	Words   []string
	Stages  []Step[S]
	Starter func(t *Turn, kw, arg string) (bool, error)
}

// Name implements Flow.
func (f *Typed[S]) Name() string { return f.Called }

// Keywords implements Flow.
func (f *Typed[S]) Keywords() []string { return f.Words }

// Steps implements Flow.
func (f *Typed[S]) Steps() []StepSpec { return Specs(f.Stages) }

// Start implements Flow.
func (f *Typed[S]) Start(t *Turn, kw, arg string) (bool, error) {
	if f.Starter == nil {
		return false, nil
	}
	return f.Starter(t, kw, arg)
}

// Step implements Flow.
func (f *Typed[S]) Step(t *Turn) error { return RunStep(t, f.Called, f.Stages) }
