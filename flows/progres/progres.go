// Package progres is the kegiatan's side of the conversation: a TPK
// member's progress report (LAPOR), a resident's look at the desa's
// kegiatan (PROGRES) and following one (IKUTI).
package progres

import (
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The flows' names in the session.
const (
	LaporName   = "lapor"   // a TPK member reports progress
	ProgresName = "progres" // a resident picks a kegiatan to see
)

// Lapor is the progress report's flow.
var Lapor = &flow.Typed[report]{Called: LaporName, Words: []string{"LAPOR"}, Stages: laporSteps,
	Starter: func(t *flow.Turn, _, arg string) (bool, error) { return true, StartLapor(t, arg) }}

// Progres is the flow of PROGRES (a list to pick a kegiatan from) and
// IKUTI.
type Progres struct{}

// Name implements flow.Flow.
func (Progres) Name() string { return ProgresName }

// Keywords implements flow.Flow.
func (Progres) Keywords() []string { return []string{"PROGRES", "IKUTI"} }

// Steps implements flow.Flow.
func (Progres) Steps() []flow.StepSpec { return []flow.StepSpec{flow.Pick("pick")} }

// Start implements flow.Flow.
func (Progres) Start(t *flow.Turn, kw, arg string) (bool, error) {
	if kw == "IKUTI" {
		return true, follow(t, arg)
	}
	return true, list(t, arg)
}

// Step implements flow.Flow: the kegiatan picked from the list.
func (Progres) Step(t *flow.Turn) error {
	if t.Sess.Step != "pick" {
		return flow.ErrDamaged
	}
	return pickStep(t)
}
