// Package tarik is a resident withdrawing their own gagasan while it still
// waits to be discussed (TARIK G-…, or TARIK alone: a list to choose from).
package tarik

import (
	"errors"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Name is the flow's name in the session.
const Name = "tarik"

// scan is how many of a resident's newest gagasan TARIK alone looks
// through for the ones still waiting to be discussed.
const scan = 20

// listLimit bounds the list TARIK alone offers.
const listLimit = 5

// state is the list offered, or the gagasan asked about.
type state struct {
	Codes []string `json:"codes,omitempty"`
	Code  string   `json:"code,omitempty"`
	Title string   `json:"title,omitempty"`
}

// Flow is the withdrawal's flow. (TARIK PERSETUJUAN, withdrawing
// consent, is read before any flow.)
var Flow = &flow.Typed[state]{Called: Name, Words: []string{"TARIK"}, Stages: steps,
	Starter: func(t *flow.Turn, _, arg string) (bool, error) { return true, Start(t, arg) }}

var steps = []flow.Step[state]{
	{Spec: flow.Pick("choose"), Run: chooseStep, Needs: func(st state) bool { return len(st.Codes) > 0 }},
	{Spec: flow.Pick("confirm"), Run: confirmStep, Needs: func(st state) bool { return st.Code != "" }},
}

// Start withdraws the gagasan named by arg, or, with no code, the
// resident's only gagasan still DIAJUKAN (a list when there are several).
func Start(t *flow.Turn, arg string) error {
	t.EndFlow()
	if strings.TrimSpace(arg) == "" {
		return list(t)
	}
	code, err := domain.ParseCode(domain.CodeGagasan, flow.CodeArg(domain.CodeGagasan, arg))
	if err != nil {
		t.Say(flow.MsgStatusBadCode, flow.A{"text": flow.CutRunes(strings.TrimSpace(arg), 20)})
		return nil
	}
	g, err := withdrawable(t, code)
	if g == nil || err != nil {
		return err
	}
	confirm(t, g)
	return nil
}

func list(t *flow.Turn) error {
	own, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, scan)
	if err != nil {
		return err
	}
	var waiting []domain.Gagasan
	for _, g := range own {
		if g.Status == domain.StatusDiajukan && len(waiting) < listLimit {
			waiting = append(waiting, g)
		}
	}
	switch len(waiting) {
	case 0:
		t.Say(flow.MsgTarikNone, nil)
		return nil
	case 1:
		confirm(t, &waiting[0])
		return nil
	}
	items := make([]string, len(waiting))
	codes := make([]string, len(waiting))
	for i, g := range waiting {
		items[i] = flow.Render(t.Lang, flow.MsgTarikItem, flow.A{"code": g.Code, "title": g.Title})
		codes[i] = g.Code
	}
	t.GoTo(Name, "choose")
	flow.Save(t, state{Codes: codes})
	t.Say(flow.MsgTarikChoose, flow.A{"list": flow.Numbered(items)})
	return nil
}

// withdrawable loads a gagasan the contact may withdraw; otherwise it says
// why not and returns nil. A gagasan of someone else (or one a KPMD filed
// for a resident) and an unknown code get the same answer.
func withdrawable(t *flow.Turn, code string) (*domain.Gagasan, error) {
	g, _, err := t.View.Gagasan(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.Say(flow.MsgTarikNotOwn, flow.A{"code": code})
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if g.SenderID == nil || domain.ContactID(*g.SenderID) != t.Contact.ID {
		t.Say(flow.MsgTarikNotOwn, flow.A{"code": code})
		return nil, nil
	}
	switch g.Status {
	case domain.StatusDiajukan:
		return g, nil
	case domain.StatusDitarik:
		t.Say(flow.MsgTarikAlready, flow.A{"code": g.Code})
	default:
		t.Say(flow.MsgTarikTooLate, flow.A{"code": g.Code, "stage": flow.StageText(t.Lang, g.Status)})
	}
	return nil, nil
}

// confirm asks whether to withdraw g.
func confirm(t *flow.Turn, g *domain.Gagasan) {
	t.GoTo(Name, "confirm")
	flow.Save(t, state{Code: g.Code, Title: g.Title})
	t.Say(flow.MsgTarikConfirm, flow.A{"code": g.Code, "title": g.Title})
}

// chooseStep: which gagasan of the list.
func chooseStep(t *flow.Turn, st *state) error {
	n, ok := t.ChooseFrom(flow.OptionsOf(st.Codes, st.Codes))
	if !ok {
		return nil
	}
	t.EndFlow()
	g, err := withdrawable(t, st.Codes[n-1])
	if g == nil || err != nil {
		return err
	}
	*st = state{Code: g.Code, Title: g.Title}
	confirm(t, g)
	return nil
}

// confirmStep: yes withdraws it (checked again: the stage may have moved
// since the question); no keeps it.
func confirmStep(t *flow.Turn, st *state) error {
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		t.EndFlow()
		g, err := withdrawable(t, st.Code)
		if g == nil || err != nil {
			return err
		}
		t.Cmd(flow.WithdrawGagasan{Code: g.Code})
		t.Say(flow.MsgTarikDone, flow.A{"code": g.Code})
	case answer.No:
		t.EndFlow()
		t.Say(flow.MsgTarikKept, flow.A{"code": st.Code})
	default:
		t.Say(flow.MsgTarikConfirm, flow.A{"code": st.Code, "title": st.Title})
	}
	return nil
}
