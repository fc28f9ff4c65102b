package flows

import (
	"strings"
	"sync"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/akun"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/peta"
	"github.com/suaradesa/suaradesa/flows/progres"
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
			daftarFlow(),
			gagasanFlow(),
			detailFlow(),
			untukFlow(),
			akun.Hapus,
			undangFlow(),
			rapatFlow(),
			hasilFlow(),
			progres.Lapor,
			progres.Progres{},
			aduan.Flow,
			peta.Flow{},
			akun.Bahasa,
			pilihFlow(),
			tarik.Flow,
			akun.Privasi,
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

func daftarFlow() flow.Flow {
	return &rootFlow{
		name: FlowDaftar, keywords: []string{"DAFTAR", "DATA", "UBAH"},
		start: func(t *turn, kw, arg string) (bool, error) {
			if kw == "DAFTAR" {
				t.say(MsgAlreadyRegistered, A{"name": t.Contact.Name})
				return true, nil
			}
			next, _, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(arg)), " ")
			switch {
			case kw == "DATA" && (next == "SAYA" || next == "KULA" || next == "ABDI" || next == "KAULA" || next == "KULO"):
				return true, t.dataSaya()
			case kw == "UBAH" && next == "DATA":
				return true, t.ubahData()
			}
			if t.Sess.Idle() {
				word := kw
				if next != "" {
					word += " " + next
				}
				t.say(MsgNotYet, A{"word": cutRunes(word, 20)})
				return true, nil
			}
			return false, nil
		},
		// UBAH DATA: a registered contact answers the registration again.
		step: func(t *turn) error {
			kw, arg := splitKeyword(t.Text)
			return t.registration(kw, arg == "")
		},
		steps: []flow.StepSpec{pick(""), pick("consent"), free("name"), free("desa"), pick("dusun"), pick("gender"), pick("lang")},
	}
}

func gagasanFlow() flow.Flow {
	return &rootFlow{
		name: FlowGagasan, keywords: []string{"GAGASAN", "USUL", "IDE"},
		start: func(t *turn, _, arg string) (bool, error) {
			if strings.EqualFold(strings.Join(strings.Fields(arg), " "), "UNTUK") {
				return true, t.startUntuk()
			}
			return true, t.startGagasan(arg)
		},
		step:     (*turn).gagasanStep,
		askAgain: func(t *turn) error { return t.askField(t.Sess.Step) },
		steps: []flow.StepSpec{pick("category"), pick("map"), free("title"), free("description"), pick("dusun"),
			pick("location"), pick("households"), pick("poor"), pick("photo"), pick("confirm"), pick("edit")},
	}
}

func detailFlow() flow.Flow {
	return &rootFlow{
		name:     FlowDetail,
		step:     (*turn).detailStep,
		askAgain: func(t *turn) error { return t.askField(t.Sess.Step) },
		steps:    []flow.StepSpec{pick("offer"), pick("category"), pick("map"), pick("households"), pick("poor"), pick("photo")},
	}
}

func untukFlow() flow.Flow {
	return &rootFlow{
		name:  FlowUntuk,
		step:  (*turn).untukStep,
		steps: []flow.StepSpec{free("name"), pick("dusun"), pick("gender"), pick("phone")},
	}
}

func undangFlow() flow.Flow {
	return &rootFlow{
		name: FlowUndang, keywords: []string{"UNDANG"},
		start:    func(t *turn, _, arg string) (bool, error) { return true, t.startUndang(arg) },
		step:     (*turn).undangStep,
		askAgain: func(t *turn) error { return t.askUndang(t.Sess.Step) },
		steps: []flow.StepSpec{pick("type"), pick("audience"), pick("dusun"), pick("when"), free("place"), free("agenda"),
			pick("preview"), pick("edit")},
	}
}

func rapatFlow() flow.Flow {
	return &rootFlow{
		name: FlowRapat, keywords: []string{"JADWAL", "RAPAT", "HADIR", "DATANG", "TIDAK"},
		start: func(t *turn, kw, arg string) (bool, error) {
			switch kw {
			case "JADWAL", "RAPAT":
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
		step:  (*turn).rapatStep,
		steps: []flow.StepSpec{pick("manage"), pick("move_when"), free("move_place"), pick("move_confirm"), pick("cancel")},
	}
}

func hasilFlow() flow.Flow {
	return &rootFlow{
		name: FlowHasil, keywords: []string{"HASIL"},
		start: func(t *turn, _, arg string) (bool, error) { return true, t.startHasil(arg) },
		step:  (*turn).hasilStep,
		steps: []flow.StepSpec{pick("attended"), pick("women"), pick("decision"), free("reason")},
	}
}

// pilihFlow is a pick from a list just shown (STATUS's, JADWAL's); its
// step is named after what the pick does.
func pilihFlow() flow.Flow {
	return &rootFlow{
		name: FlowPilih, keywords: []string{"STATUS", "CEK"},
		start: func(t *turn, _, arg string) (bool, error) { return true, t.status(arg) },
		step:  (*turn).pilihStep,
		steps: []flow.StepSpec{pick("status"), pick(string(domain.RSVPHadir)), pick(string(domain.RSVPTidak))},
	}
}
