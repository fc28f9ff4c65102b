package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Gender is recorded, optionally, because the program counts women's participation.
type Gender string

// Genders. GenderUnknown is the resident's choice not to say.
const (
	GenderUnknown Gender = ""
	GenderFemale  Gender = "P" // perempuan
	GenderMale    Gender = "L" // laki-laki
)

// ContactID identifies a contact (a person) in the store.
type ContactID int64

// Contact is a person keyed by their phone number. A contact row exists only
// once the person has given consent; what they typed before is not kept.
type Contact struct {
	ID           ContactID  `db:"id"`
	Phone        Phone      `db:"phone"`
	Name         string     `db:"name"`
	DesaKode     string     `db:"desa_kode"`
	DusunID      int64      `db:"dusun_id"`
	Gender       Gender     `db:"gender"`
	Lang         string     `db:"lang"`
	ConsentAt    *time.Time `db:"consent_at"`
	RegisteredAt *time.Time `db:"registered_at"`
	OptedOutAt   *time.Time `db:"opted_out_at"`
	// Channel is the channel the person last wrote on; replies and pushes use it.
	Channel string `db:"channel"`
	// SessionSeq counts the messages processed for the contact. The Redis
	// session carries the same number; a mismatch means the session was lost
	// (Redis flushed, or a crash between the commit and the session write).
	SessionSeq int64 `db:"session_seq"`
	// SessionFlow is the flow the contact was in after the last message, ""
	// when idle: it tells whether a lost session cut a conversation short.
	SessionFlow string `db:"session_flow"`

	Roles []RoleAssignment `db:"-"`
}

// Registered tells whether the person finished registration.
func (c *Contact) Registered() bool { return c != nil && c.RegisteredAt != nil }

// OptedOut tells whether the person asked to receive nothing but replies.
func (c *Contact) OptedOut() bool { return c != nil && c.OptedOutAt != nil }

// HasRole tells whether the contact holds role r for the desa (or anywhere,
// when desaKode is empty). A facilitator of a desa's kecamatan counts as
// holding every role there.
func (c *Contact) HasRole(r Role, desaKode string) bool {
	if c == nil {
		return false
	}
	for _, a := range c.Roles {
		if a.Role == r && (desaKode == "" || a.DesaKode == desaKode) {
			return true
		}
	}
	return false
}

// MaxNameLen bounds a name; longer input is refused with a hint.
const MaxNameLen = 60

// CleanName trims and folds spaces in a typed name and checks it.
func CleanName(s string) (string, error) {
	name := strings.Join(strings.Fields(s), " ")
	n := utf8.RuneCountInString(name)
	switch {
	case n < 2:
		return "", ruleNameTooShort.Err()
	case n > MaxNameLen:
		return "", ruleNameTooLong.Err()
	}
	letters := 0
	for _, r := range name {
		if isLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return "", ruleNameNoLetters.Err()
	}
	return capitalise(name), nil
}

// capitalise writes a name typed all in lower case with capitals
// ("darto" → "Darto", "siti aminah" → "Siti Aminah"); a name with any
// capital is kept as its owner wrote it ("dr. Ani", "RT Sugeng").
func capitalise(name string) string {
	if strings.ToLower(name) != name {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

func isLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r > 127 && r < 0x2000)
}

// PersonalData is what the service keeps about a person beyond their
// contact row, in the words DATA SAYA shows.
type PersonalData struct {
	DesaNama, DusunNama string
	Gagasan             []string // codes of the gagasan they sent
	RSVPs               int      // invitations they answered
	Complaints          []string // codes of complaints sent with their name
	Channels            []string // channels they wrote on
	VoiceNotes          int      // voice notes kept with records
	Votes               []string // codes of the meetings whose suara warga they answered
	// WantsPersonal: personal messages even when a linked group of theirs
	// gets the post (PESAN PRIBADI).
	WantsPersonal bool
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleNameTooShort  = NewRule("name_too_short", EINVALID, "name too short")
	ruleNameTooLong   = NewRule("name_too_long", EINVALID, "name too long")
	ruleNameNoLetters = NewRule("name_no_letters", EINVALID, "name has no letters")
)
