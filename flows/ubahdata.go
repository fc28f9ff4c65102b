package flows

// ubahData asks the registration questions again; the answers replace the
// old ones (the registration date stays).
func (t *turn) ubahData() error {
	t.endFlow()
	t.goTo(FlowDaftar, "name")
	t.Sess.Data["ubah"] = "1"
	t.say(MsgUbahIntro, A{"name": t.Contact.Name})
	return nil
}
