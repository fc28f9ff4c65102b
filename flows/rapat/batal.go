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
		m, err := t.managedMeeting(code, "UNDANG")
		if m == nil || err != nil {
			return err
		}
		if m.Status != domain.MeetingScheduled {
			t.Say(flow.MsgRapatClosed, flow.A{"code": m.Code, "status": strings.ToLower(string(m.Status))})
			return nil
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
		if err != nil || len(flow.MatchNames(arg, flow.DusunNames(dusuns))) != 1 {
			return err
		}
		t.Out.Replies = nil
		t.Text = arg
		return t.undangStep()
	})
}
