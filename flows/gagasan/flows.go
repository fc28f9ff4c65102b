package gagasan

import (
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Guided is GAGASAN (USUL, IDE): with words, the gagasan they tell is
// saved at once; alone, its parts are asked one at a time; GAGASAN UNTUK
// files one for a resident.
func Guided() flow.Flow { return guided{} }

// Detail offers to complete a gagasan saved from one message.
func Detail() flow.Flow { return detail{} }

// Untuk asks who a KPMD files a gagasan for (GAGASAN UNTUK), then goes on
// as Guided.
func Untuk() flow.Flow { return untuk{} }

type guided struct{}

func (guided) Name() string       { return Name }
func (guided) Keywords() []string { return []string{"GAGASAN", "USUL", "IDE"} }
func (guided) Start(t *flow.Turn, _, arg string) (bool, error) {
	return true, fresh(t, func(t *turn) error { return start(t, arg) })
}
func (guided) Step(t *flow.Turn) error { return run(t, (*turn).guidedStep) }
func (guided) AskAgain(t *flow.Turn) error {
	return run(t, func(t *turn) error { return t.ask(t.Sess.Step) })
}
func (guided) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick("category"), flow.Pick("map"), flow.Free("title"), flow.Free("description"),
		flow.Pick("dusun"), flow.Pick("location"), flow.Pick("households"), flow.Pick("poor"), flow.Pick("photo"),
		flow.Pick("confirm"), flow.Pick("edit"), flow.Pick("cancel"), flow.Free("forname")}
}

type detail struct{}

func (detail) Name() string                                   { return NameDetail }
func (detail) Keywords() []string                             { return nil }
func (detail) Start(*flow.Turn, string, string) (bool, error) { return false, nil }
func (detail) Step(t *flow.Turn) error                        { return run(t, (*turn).detailStep) }
func (detail) AskAgain(t *flow.Turn) error {
	return run(t, func(t *turn) error { return t.ask(t.Sess.Step) })
}
func (detail) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Pick("offer"), flow.Pick("addask"), flow.Pick("category"), flow.Pick("map"), flow.Pick("households"),
		flow.Pick("poor"), flow.Pick("photo")}
}

type untuk struct{}

func (untuk) Name() string                                   { return NameUntuk }
func (untuk) Keywords() []string                             { return nil }
func (untuk) Start(*flow.Turn, string, string) (bool, error) { return false, nil }
func (untuk) Step(t *flow.Turn) error                        { return run(t, (*turn).untukStep) }
func (untuk) Steps() []flow.StepSpec {
	return []flow.StepSpec{flow.Free("desa"), flow.Free("name"), flow.Pick("dusun"), flow.Pick("gender"), flow.Pick("phone")}
}

// Offered is the gagasan just saved from one message whose detail the
// session offers (steps offer, addask); "" when it offers none.
func Offered(ft *flow.Turn) string {
	if ft.Sess.Flow != NameDetail || ft.Sess.Step != "offer" && ft.Sess.Step != "addask" {
		return ""
	}
	s, err := flow.Load[State](ft)
	if err != nil {
		return ""
	}
	return s.Code
}
