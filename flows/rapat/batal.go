package rapat

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// CancelNamed starts the cancel confirmation of meeting code, as UNDANG
// R-… and "batalkan rapat" do: "batalkan rapat R-…", "R-… dibatalke wae"
// (answer.CancelMeeting). Only a KPMD or facilitator of its desa may; a
// meeting no longer scheduled is said so.
func CancelNamed(ft *flow.Turn, code string) error {
	return fresh(ft, func(t *turn) error {
		t.endFlow()
		m, err := t.scheduledMeeting(code)
		if m == nil || err != nil {
			return err
		}
		t.GoTo(FlowRapat, "cancel")
		t.s.Code = m.Code
		t.Say(flow.MsgConfirmCancel, flow.A{"code": m.Code})
		return nil
	})
}

// undangWords is "UNDANG musdus kejambon": UNDANG with its type read from
// the words (UndangNamed), and the dusun when one is named.
func undangWords(ft *flow.Turn, arg string) error {
	return fresh(ft, func(t *turn) error {
		if err := t.undangNamed(arg); err != nil || t.Sess.Flow != FlowUndang || t.Sess.Step != "audience" {
			return err
		}
		dusuns, err := t.View.Dusuns(t.Ctx, t.s.Desa)
		if err != nil {
			return err
		}
		// A number further on ("jam 7") would be read as a dusun's
		// number: the name is looked for before it.
		named := arg
		if i := strings.IndexAny(arg, "0123456789"); i >= 0 {
			named = arg[:i]
		}
		m := flow.MatchNames(named, flow.DusunNames(dusuns))
		if len(m) != 1 {
			return nil
		}
		// The dusun's name answers the audience: the words around it
		// ("jumat depan jam 7") are no number of its list.
		name := dusuns[m[0]].Nama
		t.Out.Replies = nil
		t.Text = name
		if err := t.undangStep(); err != nil || t.Sess.Step != "when" {
			return err
		}
		// "… kejambon jumat depan jam 7 bengi": the words after the
		// dusun's name answer the next question, when.
		when := wordsAfter(arg, name)
		if when == "" {
			return nil
		}
		t.Out.Replies = nil
		t.Text = when
		return t.undangStep()
	})
}

// wordsAfter is what follows the last word of name in text (any case), or
// "" when text does not hold it.
func wordsAfter(text, name string) string {
	nw := strings.Fields(name)
	if len(nw) == 0 {
		return ""
	}
	last := nw[len(nw)-1]
	words := strings.Fields(text)
	for i, w := range words {
		if strings.EqualFold(strings.Trim(w, ".,;:"), last) {
			return strings.Join(words[i+1:], " ")
		}
	}
	return ""
}

// scheduledMeeting is a meeting the cadre manages that is still to be held
// (moving or cancelling it); nil, after saying why, when it is not.
func (t *turn) scheduledMeeting(code string) (*domain.Meeting, error) {
	m, err := t.managedMeeting(code, "UNDANG")
	if m == nil || err != nil {
		return nil, err
	}
	if m.Status != domain.MeetingScheduled {
		t.Say(flow.MsgRapatClosed, flow.A{"code": m.Code, "status": strings.ToLower(string(m.Status))})
		return nil, nil
	}
	return m, nil
}
