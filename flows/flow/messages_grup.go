package flow

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	// MsgGrupNamed, MsgGrupQuoted and MsgGrupThis are a group in a reply
	// ("{grup}"): "Grup" and its name quoted, its name alone when it
	// already starts with the word, or "Grup ini" when the adapter has not
	// told its name yet (GroupLabel).
	MsgGrupNamed  Key = "grup_named"
	MsgGrupQuoted Key = "grup_quoted"
	MsgGrupThis   Key = "grup_this"
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

// GroupLabel is a group as a reply names it ("{grup}"): "Grup" and its
// name quoted ("Grup 'RT 03'"), its name alone when the name already says
// it is a group ("'Grup RT 03 Kejambon'", never "Grup 'Grup RT 03…'"), or
// "Grup ini" (in the language) when the adapter has not told its name yet
// — never its JID.
func GroupLabel(lang, name string) string {
	switch {
	case name == "":
		return Render(lang, MsgGrupThis, nil)
	case namesGroup(name):
		return Render(lang, MsgGrupQuoted, A{"nama": name})
	}
	return Render(lang, MsgGrupNamed, A{"nama": name})
}

// GroupLabelInside is GroupLabel inside a sentence: "di grup 'RT 03'",
// "di 'Grup RT 03'" (the group's own name is never changed).
func GroupLabelInside(lang, name string) string {
	label := GroupLabel(lang, name)
	if namesGroup(name) {
		return label
	}
	r, size := utf8.DecodeRuneInString(label)
	return string(unicode.ToLower(r)) + label[size:]
}

// namesGroup tells whether a group's name starts with the word "grup"
// (or "group", "grub", "grp"), in any case: "Grup RT 03", "GROUP-Kejambon".
func namesGroup(name string) bool {
	first := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(first) == 0 {
		return false
	}
	switch first[0] {
	case "grup", "group", "grub", "grp", "grupe":
		return strings.HasPrefix(strings.TrimSpace(strings.ToLower(name)), first[0])
	}
	return false
}
