package flows

import "github.com/suaradesa/suaradesa/flows/flow"

// stopHow answers "gimana caranya biar gak dikirim pesan?": reply
// BERHENTI. At a question of a flow, the flow goes on.
func (t *turn) stopHow() error {
	t.say(flow.MsgStopHow, nil)
	if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
		t.say(flow.MsgWhoGoOn, nil)
	}
	return nil
}
