package domain

import (
	"time"
	"unicode/utf8"
)

// Category of a gagasan, as residents choose it.
type Category string

// Categories, in the order they are offered.
const (
	CategoryInfrastruktur Category = "INFRASTRUKTUR"
	CategoryEkonomi       Category = "EKONOMI"
	CategoryPendidikan    Category = "PENDIDIKAN"
	CategoryKesehatan     Category = "KESEHATAN"
	CategoryLainnya       Category = "LAINNYA"
)

// Categories lists the categories in menu order.
var Categories = []Category{CategoryInfrastruktur, CategoryEkonomi, CategoryPendidikan, CategoryKesehatan, CategoryLainnya}

// Valid tells whether c is a known category.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Status is the stage of a gagasan in the program cycle (docs/GLOSSARY.md,
// "Ideas and their stages").
type Status string

// Stages of a gagasan.
const (
	StatusDiajukan         Status = "DIAJUKAN"
	StatusDibahas          Status = "DIBAHAS"
	StatusUsulanDesa       Status = "USULAN_DESA"
	StatusVerifikasi       Status = "VERIFIKASI"
	StatusPrioritasMAD     Status = "PRIORITAS_MAD"
	StatusDidanai          Status = "DIDANAI"
	StatusTidakDidanai     Status = "TIDAK_DIDANAI"
	StatusDiteruskan       Status = "DITERUSKAN"
	StatusPelaksanaan      Status = "PELAKSANAAN"
	StatusSelesai          Status = "SELESAI"
	StatusDiserahterimakan Status = "DISERAHTERIMAKAN"
	StatusDigabung         Status = "DIGABUNG"
	StatusDitolak          Status = "DITOLAK"
	// StatusDitarik: the sender withdrew it while it still waited to be
	// discussed (TARIK); only they may, never a meeting or a facilitator.
	StatusDitarik Status = "DITARIK"
)

// Statuses lists every stage in cycle order, side exits last.
var Statuses = []Status{
	StatusDiajukan, StatusDibahas, StatusUsulanDesa, StatusVerifikasi, StatusPrioritasMAD,
	StatusDidanai, StatusTidakDidanai, StatusDiteruskan, StatusPelaksanaan, StatusSelesai,
	StatusDiserahterimakan, StatusDigabung, StatusDitolak, StatusDitarik,
}

// transitions is the stage machine. VERIFIKASI may go back to USULAN_DESA
// when the Tim Verifikasi asks for improvement (perbaikan).
var transitions = map[Status][]Status{
	StatusDiajukan:     {StatusDibahas, StatusDigabung, StatusDitolak, StatusDitarik},
	StatusDibahas:      {StatusUsulanDesa, StatusDigabung, StatusDitolak},
	StatusUsulanDesa:   {StatusVerifikasi, StatusDigabung, StatusDitolak},
	StatusVerifikasi:   {StatusPrioritasMAD, StatusUsulanDesa, StatusDitolak},
	StatusPrioritasMAD: {StatusDidanai, StatusTidakDidanai},
	StatusTidakDidanai: {StatusDiteruskan},
	StatusDidanai:      {StatusPelaksanaan},
	StatusPelaksanaan:  {StatusSelesai},
	StatusSelesai:      {StatusDiserahterimakan},
}

// ParseStatus reads a stage name.
func ParseStatus(s string) (Status, error) {
	for _, k := range Statuses {
		if string(k) == s {
			return k, nil
		}
	}
	return "", ruleStageUnknown.Err(s)
}

// Next lists the stages a meeting or a facilitator may move a gagasan to
// from s; DITARIK, the sender's own act, is not among them.
func (s Status) Next() []Status {
	var out []Status
	for _, n := range transitions[s] {
		if n != StatusDitarik {
			out = append(out, n)
		}
	}
	return out
}

// Final tells whether no stage follows s.
func (s Status) Final() bool { return len(transitions[s]) == 0 }

// LeftCycle tells whether a gagasan at s went out of the cycle without
// being carried out (rejected, merged into another, withdrawn): nothing
// is left for a meeting to decide on it.
func (s Status) LeftCycle() bool {
	return s == StatusDitolak || s == StatusDigabung || s == StatusDitarik
}

// CheckTransition returns nil when a gagasan may move from one stage to the
// other with the given note, or the reason it may not.
func CheckTransition(from, to Status, note string) error {
	allowed := false
	for _, n := range transitions[from] {
		if n == to {
			allowed = true
		}
	}
	if !allowed {
		return ruleGagasanMove.Err(from, to)
	}
	if to == StatusDitolak && utf8.RuneCountInString(note) < 3 {
		return ruleRejectionReason.Err()
	}
	return nil
}

// CheckWithdraw returns nil when a gagasan at stage s may be withdrawn by
// its sender: only while it waits to be discussed (DIAJUKAN).
func CheckWithdraw(s Status) error {
	if s == StatusDitarik {
		return ruleWithdrawnAlready.Err()
	}
	if err := CheckTransition(s, StatusDitarik, ""); err != nil {
		return ruleWithdrawDiscussed.Err(s)
	}
	return nil
}

// Limits of a gagasan's fields. Longer text is cut with a notice; the full
// message stays in the inbound log.
const (
	MaxTitleLen       = 80
	MaxDescriptionLen = 1000
	MaxHouseholds     = 100000
)

// Gagasan is a resident's idea, followed through the program's meetings.
type Gagasan struct {
	ID             int64    `db:"id"`
	Code           string   `db:"code"`
	SenderID       *int64   `db:"sender_id"`
	DesaKode       string   `db:"desa_kode"`
	DusunID        *int64   `db:"dusun_id"`
	DusunNama      string   `db:"dusun_nama"`
	Category       Category `db:"category"`
	Title          string   `db:"title"`
	Description    string   `db:"description"`
	Lat            *float64 `db:"lat"`
	Lng            *float64 `db:"lng"`
	Households     *int     `db:"households"`
	PoorHouseholds *int     `db:"poor_households"`
	PhotoID        *int64   `db:"photo_id"`
	// MapItemID is the mapped problem or potential the gagasan answers.
	MapItemID    *int64    `db:"map_item_id"`
	MapItemTitle string    `db:"map_item_title"`
	Status       Status    `db:"status"`
	CreatedAt    time.Time `db:"created_at"`
	UpdatedAt    time.Time `db:"updated_at"`

	// A gagasan a KPMD filed for a resident without a phone (GAGASAN
	// UNTUK) has no sender: it is for ForName, and a relative's number may
	// receive its status.
	ForName       string `db:"for_name"`
	ForGender     Gender `db:"for_gender"`
	ForDusunID    *int64 `db:"for_dusun_id"`
	FiledBy       *int64 `db:"filed_by"`
	NotifyPhone   string `db:"notify_phone"`
	NotifyChannel string `db:"notify_channel"`
	// VoiceID is a voice note that tells the description, waiting to be
	// written down (voice_notes).
	VoiceID *int64 `db:"-"`
}

// Validate checks a gagasan before it is stored.
func (g *Gagasan) Validate() error {
	switch {
	case g.Code == "":
		return ruleGagasanNoCode.Err()
	case !g.Category.Valid():
		return ruleCategoryUnknown.Err(g.Category)
	case utf8.RuneCountInString(g.Title) < 3:
		return ruleTitleShort.Err()
	case utf8.RuneCountInString(g.Title) > MaxTitleLen:
		return ruleTitleLong.Err()
	case utf8.RuneCountInString(g.Description) > MaxDescriptionLen:
		return ruleDescriptionLong.Err()
	case g.ForName == "" && (g.NotifyPhone != "" || g.ForDusunID != nil || g.ForGender != ""):
		return ruleRelativeNumber.Err()
	case utf8.RuneCountInString(g.ForName) > 60:
		return ruleForNameLong.Err()
	case g.ForGender != "" && g.ForGender != GenderFemale && g.ForGender != GenderMale:
		return ruleGenderUnknown.Err(g.ForGender)
	case g.Households != nil && (*g.Households < 0 || *g.Households > MaxHouseholds):
		return ruleHouseholdsRange.Err()
	case g.PoorHouseholds != nil && *g.PoorHouseholds < 0:
		return rulePoorHouseholdsRange.Err()
	case g.PoorHouseholds != nil && g.Households != nil && *g.PoorHouseholds > *g.Households:
		return rulePoorMore.Err()
	}
	return nil
}

// StatusChange is one entry of a gagasan's history.
type StatusChange struct {
	From Status    `db:"from_status"`
	To   Status    `db:"to_status"`
	By   string    `db:"changed_by"`
	Note string    `db:"note"`
	At   time.Time `db:"at"`
}

// StageSender is what is known of a record's sender (a gagasan's, a
// complaint's) when its stage changes.
type StageSender struct {
	ID    ContactID
	Phone Phone
	// Lang is their own choice of language ("" when they made none) and
	// DesaLang their desa's language (nil when they have no desa).
	Lang     string
	DesaLang *string
	// Channel is the channel they last wrote on ("" when none).
	Channel  string
	OptedOut bool
}

// ContactLang is a contact's language: their own choice, else their desa's,
// else Indonesian.
func ContactLang(own string, desa *string) string {
	switch {
	case own != "":
		return own
	case desa != nil:
		return *desa
	}
	return "id"
}

// StageListener is who hears of a gagasan's stage change: where, and in
// which language.
type StageListener struct {
	Channel string
	Phone   Phone
	Contact *ContactID // nil for a relative's number
	Lang    string
}

// WhoHearsStage decides who is told that gagasan g moved, and in which
// language. A gagasan with a sender tells them, on the channel they last
// wrote on and in their language, unless they opted out or never wrote
// (sender must then be given). A gagasan a KPMD filed for a resident
// (GAGASAN UNTUK) tells the relative's number, when one was given, on the
// channel the KPMD used and in the language of g's desa (desaLang). ok is
// false when no one is told.
func WhoHearsStage(g Gagasan, sender *StageSender, desaLang string) (l StageListener, ok bool) {
	if g.SenderID == nil {
		if g.NotifyPhone == "" || g.NotifyChannel == "" {
			return StageListener{}, false
		}
		return StageListener{Channel: g.NotifyChannel, Phone: Phone(g.NotifyPhone), Lang: desaLang}, true
	}
	if sender == nil || sender.OptedOut || sender.Channel == "" {
		return StageListener{}, false
	}
	id := sender.ID
	return StageListener{Channel: sender.Channel, Phone: sender.Phone, Contact: &id, Lang: ContactLang(sender.Lang, sender.DesaLang)}, true
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleStageUnknown        = NewRule("stage_unknown", EINVALID, "unknown stage %q")
	ruleGagasanMove         = NewRule("gagasan_move", EINVALID, "a gagasan cannot move from %s to %s")
	ruleRejectionReason     = NewRule("rejection_reason", EINVALID, "a rejection needs a reason (--note)")
	ruleWithdrawnAlready    = NewRule("withdrawn_already", EINVALID, "the gagasan is withdrawn already")
	ruleWithdrawDiscussed   = NewRule("withdraw_discussed", EINVALID, "a gagasan at %s has been discussed and cannot be withdrawn")
	ruleGagasanNoCode       = NewRule("gagasan_no_code", EINVALID, "gagasan has no code")
	ruleCategoryUnknown     = NewRule("category_unknown", EINVALID, "unknown category %q")
	ruleTitleShort          = NewRule("title_short", EINVALID, "gagasan title too short")
	ruleTitleLong           = NewRule("title_long", EINVALID, "gagasan title too long")
	ruleDescriptionLong     = NewRule("description_long", EINVALID, "gagasan description too long")
	ruleRelativeNumber      = NewRule("relative_number", EINVALID, "only a gagasan filed for a resident has a relative's number")
	ruleForNameLong         = NewRule("for_name_long", EINVALID, "resident's name too long")
	ruleGenderUnknown       = NewRule("gender_unknown", EINVALID, "unknown gender %q")
	ruleHouseholdsRange     = NewRule("households_range", EINVALID, "households out of range")
	rulePoorHouseholdsRange = NewRule("poor_households_range", EINVALID, "poor households out of range")
	rulePoorMore            = NewRule("poor_more", EINVALID, "more poor households than households")
)

// WhoHearsComplaint decides who is told that a complaint moved, and in
// which language: its sender (anonymous or not: only the facilitators do
// not learn who sent it), on the channel they last wrote on and in their
// language, their own choice else their desa's; an opted-out sender is
// told too (the notice answers their own complaint). ok is false when the
// complaint has no sender (they deleted their data).
func WhoHearsComplaint(sender *StageSender) (l StageListener, ok bool) {
	if sender == nil {
		return StageListener{}, false
	}
	id := sender.ID
	return StageListener{Channel: sender.Channel, Phone: sender.Phone, Contact: &id, Lang: ContactLang(sender.Lang, sender.DesaLang)}, true
}
