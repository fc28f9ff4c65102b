package flows

// stopHow answers "gimana caranya biar gak dikirim pesan?": reply
// BERHENTI. At a question of a flow, the flow goes on.
func (t *turn) stopHow() error {
	t.say(MsgStopHow, nil)
	if !t.Sess.Idle() && t.Sess.Flow != FlowPilih {
		t.say(MsgWhoGoOn, nil)
	}
	return nil
}
