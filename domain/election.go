package domain

import "strings"

// Position is what a meeting elects someone to (docs/GLOSSARY.md,
// "Positions"): some are roles of the system, the rest are recorded only.
type Position string

// Positions a meeting of the program elects.
const (
	PositionKPMD        Position = "KPMD"
	PositionTPK         Position = "TPK"
	PositionTPU         Position = "TPU"
	PositionPemelihara  Position = "PEMELIHARA"   // Tim Pemelihara
	PositionDelegateMAD Position = "DELEGASI_MAD" // the desa's delegates to the MAD
	PositionDelegateMKP Position = "DELEGASI_MKP" // the women's delegates the MKP sends on
)

// Positions lists every position, in the order a berita acara lists them.
var Positions = []Position{PositionKPMD, PositionTPK, PositionTPU, PositionPemelihara, PositionDelegateMAD, PositionDelegateMKP}

// ParsePosition reads a position's name in any case.
func ParsePosition(s string) (Position, error) {
	p := Position(strings.ToUpper(strings.TrimSpace(s)))
	for _, known := range Positions {
		if p == known {
			return p, nil
		}
	}
	return "", rulePositionUnknown.Err(s)
}

// Role is the role of the system the position carries ("" for none: Tim
// Pemelihara is named per kegiatan at its handover, delegates hold no
// role).
func (p Position) Role() Role {
	switch p {
	case PositionKPMD:
		return RoleKPMD
	case PositionTPK:
		return RoleTPK
	case PositionTPU:
		return RoleTPU
	}
	return ""
}

// Elected is one person a meeting elected.
type Elected struct {
	Position Position `db:"position"`
	Name     string   `db:"name"`
	Gender   Gender   `db:"gender"`
	// Phone is "" when none was given; with one, a position that is a
	// role grants it (Position.Role).
	Phone    Phone  `db:"phone"`
	DesaKode string `db:"desa_kode"`
	DesaNama string `db:"desa_nama"`
}

// ElectedInput is one row of the form as typed.
type ElectedInput struct {
	Position, Name, Gender, Phone, DesaKode string
}

// CheckElected reads and checks a typed row: a known position, a name, a
// gender, a phone number when one is typed, and only women as the MKP's
// delegates.
func CheckElected(in ElectedInput) (Elected, error) {
	pos, err := ParsePosition(in.Position)
	if err != nil {
		return Elected{}, err
	}
	name, err := CleanName(in.Name)
	if err != nil {
		return Elected{}, err
	}
	e := Elected{Position: pos, Name: name, DesaKode: strings.TrimSpace(in.DesaKode)}
	switch g := Gender(strings.ToUpper(strings.TrimSpace(in.Gender))); g {
	case GenderFemale, GenderMale:
		e.Gender = g
	default:
		return Elected{}, ruleElectedGender.Err(name)
	}
	if pos == PositionDelegateMKP && e.Gender != GenderFemale {
		return Elected{}, ruleElectedMKPWoman.Err(name)
	}
	if t := strings.TrimSpace(in.Phone); t != "" {
		if e.Phone, err = ParsePhone(t); err != nil {
			return Elected{}, ruleElectedPhone.Err(name, t)
		}
	}
	return e, nil
}

// CheckElectionMeeting says whether a meeting's elections may be recorded:
// once it was held (its outcome recorded).
func CheckElectionMeeting(m Meeting) error {
	if m.Status != MeetingHeld {
		return ruleElectionNotHeld.Err(m.Code)
	}
	return nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	rulePositionUnknown = NewRule("position_unknown", EINVALID, "unknown position %q (one of KPMD, TPK, TPU, PEMELIHARA, DELEGASI_MAD, DELEGASI_MKP)")
	ruleElectedGender   = NewRule("elected_gender", EINVALID, "say whether %s is a woman (P) or a man (L)")
	ruleElectedMKPWoman = NewRule("elected_mkp_woman", EINVALID, "%s: the MKP's delegates are women")
	ruleElectedPhone    = NewRule("elected_phone", EINVALID, "%s: %q is not a phone number")
	ruleElectionNotHeld = NewRule("election_not_held", EINVALID, "meeting %s has no outcome yet: record attendance first")
	ruleElectionDesa    = NewRule("election_desa", EINVALID, "desa %s is not one of the meeting's")
	ruleElectionNone    = NewRule("election_none", EINVALID, "no one elected: fill in at least one row")
)

// ElectionDesaErr refuses an elected person's desa that the meeting does
// not cover (another kecamatan's, for a MAD).
func ElectionDesaErr(kode string) error { return ruleElectionDesa.Err(kode) }

// ElectionNoneErr refuses a form with no row filled in.
func ElectionNoneErr() error { return ruleElectionNone.Err() }
