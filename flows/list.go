package flows

import (
	"strings"
	"sync"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/akun"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/daftar"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/fotogagasan"
	"github.com/suaradesa/suaradesa/flows/gagasan"
	"github.com/suaradesa/suaradesa/flows/grup"
	"github.com/suaradesa/suaradesa/flows/peta"
	"github.com/suaradesa/suaradesa/flows/progres"
	"github.com/suaradesa/suaradesa/flows/rapat"
	"github.com/suaradesa/suaradesa/flows/suara"
	"github.com/suaradesa/suaradesa/flows/tarik"
)

var (
	listOnce   sync.Once
	all        []flow.Flow
	keywordSet map[string]struct{}
)

// Flows returns every flow of the conversation, listed here and nowhere
// else: the engine routes keywords, a waiting session and free-text steps
// from this list, and FuzzStep seeds every step of every flow in it. A new
// flow is a package under flows/ and one line here (docs/ARCHITECTURE.md,
// "Adding a flow"). The list is built on first use, not as a variable's
// value: the flows' steps call back into the engine, which reads it.
func Flows() []flow.Flow {
	listOnce.Do(func() {
		all = []flow.Flow{
			daftar.Flow(akun.DataSaya, splitKeyword),
			gagasan.Guided(),
			gagasan.Detail(),
			gagasan.Untuk(),
			akun.Hapus,
			rapat.Undang(),
			rapat.Rapat(),
			rapat.Hasil(),
			rapat.FotoBA(),
			suara.Flow,
			jadwalFlow(),
			progres.Lapor,
			progres.Progres{},
			aduan.Flow,
			peta.Flow{},
			akun.Bahasa,
			pilihFlow(),
			tarik.Flow,
			fotogagasan.Flow,
			akun.Privasi,
			grup.Flow,
		}
		keywordSet = map[string]struct{}{}
		for _, k := range controlWords {
			keywordSet[k] = struct{}{}
		}
		for _, f := range all {
			for _, k := range f.Keywords() {
				keywordSet[k] = struct{}{}
			}
		}
	})
	return all
}

// isKeyword tells whether an upper-case word is a command: the engine's
// own or a listed flow's.
func isKeyword(w string) bool {
	Flows()
	_, ok := keywordSet[w]
	return ok
}

// flowNamed returns the listed flow of a session's name, or nil.
func flowNamed(name string) flow.Flow {
	for _, f := range Flows() {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// flowOfKeyword returns the listed flow a command keyword starts, or nil.
func flowOfKeyword(kw string) flow.Flow {
	for _, f := range Flows() {
		for _, k := range f.Keywords() {
			if k == kw {
				return f
			}
		}
	}
	return nil
}

// rootFlow is a flow whose steps are still in this package (methods of
// turn); it goes when the last of them has its own package.
type rootFlow struct {
	name     string
	keywords []string
	start    func(t *turn, kw, arg string) (bool, error)
	step     func(t *turn) error
	steps    []flow.StepSpec
	askAgain func(t *turn) error
}

func (f *rootFlow) Name() string            { return f.name }
func (f *rootFlow) Keywords() []string      { return f.keywords }
func (f *rootFlow) Steps() []flow.StepSpec  { return f.steps }
func (f *rootFlow) Step(t *flow.Turn) error { return f.step(&turn{t}) }
func (f *rootFlow) Start(t *flow.Turn, kw, arg string) (bool, error) {
	if f.start == nil {
		return false, nil
	}
	return f.start(&turn{t}, kw, arg)
}

// AskAgain asks the flow's current step again (LANJUT with no answer
// waiting); flow.Reasker.
func (f *rootFlow) AskAgain(t *flow.Turn) error {
	if f.askAgain == nil {
		return errNoAskAgain
	}
	return f.askAgain(&turn{t})
}

var (
	free = flow.Free
	pick = flow.Pick
)

// jadwalFlow is the meeting commands of every resident: JADWAL, HADIR,
// TIDAK. It has no steps: a list it shows is answered by pilihFlow.
func jadwalFlow() flow.Flow {
	return &rootFlow{
		name: FlowJadwal, keywords: []string{"JADWAL", "RAPAT", "HADIR", "DATANG", "TIDAK"},
		start: func(t *turn, kw, arg string) (bool, error) {
			switch kw {
			case "JADWAL", "RAPAT":
				if hasCode(arg) && answer.MoveMeeting(arg) && len(flow.KPMDDesas(t.Contact)) > 0 {
					// "rapat R-F7XM6X pindah sabtu jam 8 bengi": the move.
					return true, rapat.MoveNamed(t.Turn, arg)
				}
				return true, t.jadwal()
			case "HADIR", "DATANG":
				if !hasCode(arg) && !strings.ContainsAny(arg, "0123456789") {
					arg = "" // "hadir pak", "hadir insyaallah": not a code
				}
				return true, t.rsvp(domain.RSVPHadir, arg)
			}
			// "tidak" alone inside a flow is an answer to its question, and
			// "tidak tahu" anywhere is not an answer to a meeting.
			if hasCode(arg) || arg == "" && t.Sess.Idle() {
				return true, t.rsvp(domain.RSVPTidak, arg)
			}
			return false, nil
		},
	}
}

// pilihFlow is a pick from a list just shown (STATUS's, JADWAL's); its
// step is named after what the pick does.
func pilihFlow() flow.Flow {
	return &rootFlow{
		name: FlowPilih, keywords: []string{"STATUS", "CEK"},
		start: func(t *turn, _, arg string) (bool, error) { return true, t.status(arg) },
		step:  (*turn).pilihStep,
		steps: []flow.StepSpec{pick("status"), pick(string(domain.RSVPHadir)), pick(string(domain.RSVPTidak)),
			// Free: "aduan" or "usul" there picks, with the first message's text; it starts no flow.
			flow.Free(stepJenis)},
	}
}
