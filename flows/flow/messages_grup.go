package flow

// Message keys of WhatsApp groups (flows/grup): linking a group to an
// audience, and personal messages for a resident whose group gets the post.
// All are answered in the sender's own chat.
const (
	MsgGrupLinkedDesa      Key = "grup_linked_desa"
	MsgGrupLinkedDusun     Key = "grup_linked_dusun"
	MsgGrupLinkedPerempuan Key = "grup_linked_perempuan"
	MsgGrupUnlinked        Key = "grup_unlinked"
	MsgGrupNotLinked       Key = "grup_not_linked"
	MsgGrupRefused         Key = "grup_refused"
	MsgGrupLeft            Key = "grup_left"
	MsgGrupNoPost          Key = "grup_no_post"
	MsgGrupDusunNotFound   Key = "grup_dusun_not_found"
	MsgGrupInGroup         Key = "grup_in_group"
	// MsgGrupRSVPRegister answers an RSVP in a group from a member who is
	// not registered (nothing is kept of them).
	MsgGrupRSVPRegister Key = "grup_rsvp_register"
	// MsgGrupCannotPost tells the one who linked a group that the bot may
	// no longer post there ("{grup}"; queued by the store).
	MsgGrupCannotPost  Key = "grup_cannot_post"
	MsgPesanPribadiOn  Key = "pesan_pribadi_on"
	MsgPesanPribadiOff Key = "pesan_pribadi_off"
	// MsgDataSayaPesan is DATA SAYA's line about personal messages.
	MsgDataSayaPesan Key = "data_saya_pesan"
	MsgPesanYa       Key = "pesan_ya"
	MsgPesanGrup     Key = "pesan_grup"
)
