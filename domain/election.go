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

// CheckElected reads and checks a typed row: a position chosen and known,
// a name, a gender, a mobile number when one is typed (ParseMobilePhone),
// and only women as the MKP's delegates.
func CheckElected(in ElectedInput) (Elected, error) {
	if strings.TrimSpace(in.Position) == "" {
		return Elected{}, ruleElectedNoPosition.Err()
	}
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
		if e.Phone, err = ParseMobilePhone(t); err != nil {
			return Elected{}, err
		}
	}
	return e, nil
}

// CheckElections reads the rows of a meeting's election form: a row with
// neither a name nor a number is skipped (emptied, it removes that
// person); every row's mistakes are reported at once, each naming its
// row, as are a position the meeting type does not elect
// (ElectsPosition; row i may keep the position of recorded[i], what the
// meeting recorded before its type's positions changed: RowPositions) and
// the same person twice in one position.
func CheckElections(t MeetingType, recorded []Elected, rows []ElectedInput) ([]Elected, error) {
	var out []Elected
	var errs []error
	seen := map[string]int{}
	for i, in := range rows {
		if strings.TrimSpace(in.Name) == "" && strings.TrimSpace(in.Phone) == "" {
			continue
		}
		e, err := CheckElected(in)
		if err == nil && !t.ElectsPosition(e.Position) && (i >= len(recorded) || recorded[i].Position != e.Position) {
			err = PositionNotElectedErr(t, e.Position)
		}
		if err == nil {
			key := string(e.Position) + "\x00" + strings.TrimSpace(in.DesaKode) + "\x00" + strings.ToLower(e.Name)
			if first, ok := seen[key]; ok {
				err = ruleElectedTwice.Err(e.Name, first)
			}
			seen[key] = i + 1
		}
		if err != nil {
			errs = append(errs, ruleElectedRow.Err(i+1, err))
			continue
		}
		out = append(out, e)
	}
	if len(errs) > 0 {
		return nil, ruleElectedRows.Err(errs)
	}
	return out, nil
}

// RowPositions is what row i of a meeting's election form offers: the
// positions type t elects and, when the row shows recorded[i] in one it
// no longer elects (an election recorded before positions per meeting
// type), that one too, in Positions' order.
func RowPositions(t MeetingType, recorded []Elected, i int) []Position {
	if i >= len(recorded) || t.ElectsPosition(recorded[i].Position) {
		return t.ElectedPositions()
	}
	var out []Position
	for _, p := range Positions {
		if t.ElectsPosition(p) || p == recorded[i].Position {
			out = append(out, p)
		}
	}
	return out
}

// electedAt is the positions each meeting type elects, as the program
// holds its elections (docs/GLOSSARY.md, "Positions"): the Musdes
// Sosialisasi chooses the KPMD and forms the TPK and the TPU, the Musdes
// Perencanaan may renew the TPU and sends delegates to the MAD, the Musdes
// Informasi Hasil MAD forms or renews the TPK of the funded works, the
// Musdes Serah Terima names the Tim Pemelihara, the MKP sends its women's
// delegates on. A Musdus, a MAD, a Musdes Pertanggungjawaban and a
// training elect nobody.
var electedAt = map[MeetingType][]Position{
	MeetingMusdesSosialisasi: {PositionKPMD, PositionTPK, PositionTPU},
	MeetingMusdesPerencanaan: {PositionTPU, PositionDelegateMAD},
	MeetingMusdesInformasi:   {PositionTPK},
	MeetingSerahTerima:       {PositionPemelihara},
	MeetingMKP:               {PositionDelegateMKP},
}

// ElectedPositions lists the positions a meeting of type t elects, in
// Positions' order (none: it elects nobody).
func (t MeetingType) ElectedPositions() []Position { return electedAt[t] }

// ElectsPosition tells whether a meeting of type t elects to p.
func (t MeetingType) ElectsPosition(p Position) bool {
	for _, q := range electedAt[t] {
		if q == p {
			return true
		}
	}
	return false
}

// PositionNotElectedErr refuses a position the meeting type does not
// elect.
func PositionNotElectedErr(t MeetingType, p Position) error {
	return rulePositionNotElected.Err(t, p)
}

// CheckElectionMeeting says whether a meeting's elections may be recorded:
// a meeting type that elects someone, or one that has recorded elections
// already (recorded: how many people; they may be corrected or removed),
// once it was held (its outcome recorded).
func CheckElectionMeeting(m Meeting, recorded int) error {
	if len(m.Type.ElectedPositions()) == 0 && recorded == 0 {
		return ruleElectionNoneHere.Err(m.Type)
	}
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
	// The refusals of several rows: its argument is their list ([]error).
	ruleElectedRows        = NewRule("elected_rows", EINVALID, "%v")
	ruleElectedRow         = NewRule("elected_row", EINVALID, "person %d: %v")
	ruleElectedNoPosition  = NewRule("elected_no_position", EINVALID, "choose the position")
	ruleElectedTwice       = NewRule("elected_twice", EINVALID, "%s is already in row %d")
	rulePositionNotElected = NewRule("position_not_elected", EINVALID, "a %s does not elect %s")
	ruleElectionNoneHere   = NewRule("election_none_here", EINVALID, "a %s elects nobody")
	ruleElectionNotHeld    = NewRule("election_not_held", EINVALID, "meeting %s has no outcome yet: record attendance first")
	ruleElectionDesa       = NewRule("election_desa", EINVALID, "desa %s is not one of the meeting's")
)

// ElectionDesaErr refuses an elected person's desa that the meeting does
// not cover (another kecamatan's, for a MAD).
func ElectionDesaErr(kode string) error { return ruleElectionDesa.Err(kode) }
