package flow

import "github.com/suaradesa/suaradesa/domain"

// LinkGroup links the WhatsApp group the message was posted in (Input.Group)
// to an audience of a desa: posts for that audience go into it. The
// store refuses a group the number left or may not post in.
type LinkGroup struct {
	JID      string
	Name     string // the group's name as the step knew it ("" unknown): the reply when it cannot be linked
	DesaKode string
	Audience domain.Audience
	DusunID  *int64
}

// UnlinkGroup removes the group's audience: nothing is posted into it.
type UnlinkGroup struct{ JID string }

// SetWantsPersonal records whether the contact wants personal messages
// even when a linked group of theirs gets the post (PESAN PRIBADI, PESAN
// GRUP).
type SetWantsPersonal struct{ On bool }

func (LinkGroup) command()        {}
func (UnlinkGroup) command()      {}
func (SetWantsPersonal) command() {}
