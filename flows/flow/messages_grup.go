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
	MsgGrupInGroupUnlink   Key = "grup_in_group_unlink"
	// MsgGrupNamed and MsgGrupThis are a group in a reply ("{grup}"): its
	// name quoted, or "ini" when the adapter has not told its name yet
	// (GroupLabel).
	MsgGrupNamed Key = "grup_named"
	MsgGrupThis  Key = "grup_this"
	// MsgGrupDesaChosenEnds tells a cadre of several desa that the desa
	// question of a link ended the conversation they had in private chat.
	MsgGrupDesaChosenEnds Key = "grup_desa_chosen_ends"
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

// GroupLabel is a group as a reply names it ("{grup}"): its name quoted,
// or "ini" (in the language) when the adapter has not told its name yet —
// never its JID.
func GroupLabel(lang, name string) string {
	if name == "" {
		return Render(lang, MsgGrupThis, nil)
	}
	return Render(lang, MsgGrupNamed, A{"nama": name})
}
