package flows

import (
	"errors"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// FlowTarik is a resident withdrawing their own gagasan (TARIK G-…).
const FlowTarik = "tarik"

// tarikScan is how many of a resident's newest gagasan TARIK alone looks
// through for the ones still waiting to be discussed.
const tarikScan = 20

// tarikListLimit bounds the list TARIK alone offers.
const tarikListLimit = 5

// startTarik withdraws the gagasan named by arg, or, with no code, the
// resident's only gagasan still DIAJUKAN (a list when there are several).
func (t *turn) startTarik(arg string) error {
	t.endFlow()
	if strings.TrimSpace(arg) == "" {
		return t.tarikList()
	}
	code, err := domain.ParseCode(domain.CodeGagasan, arg)
	if err != nil {
		t.say(MsgStatusBadCode, A{"text": cutRunes(strings.TrimSpace(arg), 20)})
		return nil
	}
	g, err := t.tarikable(code)
	if g == nil || err != nil {
		return err
	}
	return t.tarikConfirm(g)
}

func (t *turn) tarikList() error {
	own, err := t.View.GagasanOf(t.Ctx, t.Contact.ID, tarikScan)
	if err != nil {
		return err
	}
	var waiting []domain.Gagasan
	for _, g := range own {
		if g.Status == domain.StatusDiajukan && len(waiting) < tarikListLimit {
			waiting = append(waiting, g)
		}
	}
	switch len(waiting) {
	case 0:
		t.say(MsgTarikNone, nil)
		return nil
	case 1:
		return t.tarikConfirm(&waiting[0])
	}
	items := make([]string, len(waiting))
	codes := make([]string, len(waiting))
	for i, g := range waiting {
		items[i] = Render(t.Lang, MsgTarikItem, A{"code": g.Code, "title": g.Title})
		codes[i] = g.Code
	}
	t.goTo(FlowTarik, "choose")
	t.Sess.Data["codes"] = strings.Join(codes, ",")
	t.say(MsgTarikChoose, A{"list": numbered(items)})
	return nil
}

// tarikable loads a gagasan the contact may withdraw; otherwise it says why
// not and returns nil. A gagasan of someone else (or one a KPMD filed for a
// resident) and an unknown code get the same answer.
func (t *turn) tarikable(code string) (*domain.Gagasan, error) {
	g, _, err := t.View.Gagasan(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.say(MsgTarikNotOwn, A{"code": code})
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if g.SenderID == nil || domain.ContactID(*g.SenderID) != t.Contact.ID {
		t.say(MsgTarikNotOwn, A{"code": code})
		return nil, nil
	}
	switch g.Status {
	case domain.StatusDiajukan:
		return g, nil
	case domain.StatusDitarik:
		t.say(MsgTarikAlready, A{"code": g.Code})
	default:
		t.say(MsgTarikTooLate, A{"code": g.Code, "stage": StageText(t.Lang, g.Status)})
	}
	return nil, nil
}

func (t *turn) tarikConfirm(g *domain.Gagasan) error {
	t.goTo(FlowTarik, "confirm")
	t.Sess.Data["code"], t.Sess.Data["title"] = g.Code, g.Title
	t.say(MsgTarikConfirm, A{"code": g.Code, "title": g.Title})
	return nil
}

func (t *turn) tarikStep() error {
	d := t.Sess.Data
	switch t.Sess.Step {
	case "choose":
		codes := strings.Split(d["codes"], ",")
		n, ok := t.chooseFrom(optionsOf(codes, codes))
		if !ok {
			return nil
		}
		t.endFlow()
		g, err := t.tarikable(codes[n-1])
		if g == nil || err != nil {
			return err
		}
		return t.tarikConfirm(g)
	case "confirm":
		code := d["code"]
		switch answer.YesNo(t.Text) {
		case answer.Yes:
			t.endFlow()
			// Checked again: the stage may have moved since the question.
			g, err := t.tarikable(code)
			if g == nil || err != nil {
				return err
			}
			t.cmd(WithdrawGagasan{Code: g.Code})
			t.say(MsgTarikDone, A{"code": g.Code})
		case answer.No:
			t.endFlow()
			t.say(MsgTarikKept, A{"code": code})
		default:
			t.say(MsgTarikConfirm, A{"code": code, "title": d["title"]})
		}
		return nil
	}
	t.endFlow()
	t.say(MsgMenu, nil)
	return nil
}
