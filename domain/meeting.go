package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MeetingType is a meeting of the program cycle (docs/GLOSSARY.md,
// "Meetings") or a training.
type MeetingType string

// Meeting types, in the order of a cycle; trainings last.
const (
	MeetingMADSosialisasi      MeetingType = "MAD_SOSIALISASI"
	MeetingMusdesSosialisasi   MeetingType = "MUSDES_SOSIALISASI"
	MeetingMusdus              MeetingType = "MUSDUS"
	MeetingMKP                 MeetingType = "MKP"
	MeetingMusdesPerencanaan   MeetingType = "MUSDES_PERENCANAAN"
	MeetingMADPrioritas        MeetingType = "MAD_PRIORITAS"
	MeetingMADPenetapan        MeetingType = "MAD_PENETAPAN"
	MeetingMusdesInformasi     MeetingType = "MUSDES_INFORMASI"
	MeetingPertanggungjawaban  MeetingType = "MUSDES_PERTANGGUNGJAWABAN"
	MeetingSerahTerima         MeetingType = "MUSDES_SERAH_TERIMA"
	MeetingPelatihanKPMD       MeetingType = "PELATIHAN_KPMD"
	MeetingPelatihanPemelihara MeetingType = "PELATIHAN_PEMELIHARA"
)

// MeetingTypes lists the types in menu order.
var MeetingTypes = []MeetingType{
	MeetingMusdus, MeetingMKP, MeetingMusdesSosialisasi, MeetingMusdesPerencanaan, MeetingMusdesInformasi,
	MeetingPertanggungjawaban, MeetingSerahTerima, MeetingMADSosialisasi, MeetingMADPrioritas,
	MeetingMADPenetapan, MeetingPelatihanKPMD, MeetingPelatihanPemelihara,
}

// IsMAD tells whether the meeting is inter-village (its audience is the
// representatives of every desa of the kecamatan).
func (t MeetingType) IsMAD() bool { return strings.HasPrefix(string(t), "MAD_") }

// DiscussesGagasan tells whether the meeting decides on gagasan, so that
// its agenda offers those waiting.
func (t MeetingType) DiscussesGagasan() bool {
	return t == MeetingMusdus || t == MeetingMKP || t == MeetingMusdesPerencanaan
}

// IsTraining tells whether the meeting is a training, not a musyawarah:
// it decides nothing, so it has no public berita acara.
func (t MeetingType) IsTraining() bool {
	return t == MeetingPelatihanKPMD || t == MeetingPelatihanPemelihara
}

// Audience is who a meeting invites.
type Audience string

// Audiences.
const (
	AudienceDesa      Audience = "DESA"      // every registered resident of the desa
	AudienceDusun     Audience = "DUSUN"     // those of one dusun
	AudiencePerempuan Audience = "PEREMPUAN" // the women of the desa (MKP)
	AudienceMAD       Audience = "MAD"       // role holders of every desa of the kecamatan
)

// MeetingStatus is the state of a meeting.
type MeetingStatus string

// Meeting statuses.
const (
	MeetingScheduled MeetingStatus = "DIJADWALKAN"
	MeetingCanceled  MeetingStatus = "DIBATALKAN"
	MeetingHeld      MeetingStatus = "SELESAI"
)

// Meeting is a musyawarah or training with its invitation.
type Meeting struct {
	ID            int64         `db:"id"`
	Code          string        `db:"code"`
	Type          MeetingType   `db:"type"`
	DesaKode      string        `db:"desa_kode"`
	DesaNama      string        `db:"desa_nama"`
	KecamatanNama string        `db:"kecamatan_nama"`
	DusunID       *int64        `db:"dusun_id"`
	DusunNama     string        `db:"dusun_nama"`
	Audience      Audience      `db:"audience"`
	StartsAt      time.Time     `db:"starts_at"`
	Place         string        `db:"place"`
	Agenda        string        `db:"agenda"`
	Status        MeetingStatus `db:"status"`
	Attended      *int          `db:"attended"`
	AttendedWomen *int          `db:"attended_women"`
	TZ            string        `db:"tz"`
	// BAMediaID is the photo of the signed paper berita acara (FOTO BA),
	// sent at BASentAt; nil when none was sent.
	BAMediaID *int64     `db:"ba_media_id"`
	BASentAt  *time.Time `db:"ba_sent_at"`
}

// Validate checks a meeting before it is stored; now is the clock.
func (m *Meeting) Validate(now time.Time) error {
	switch {
	case m.Code == "" || m.DesaKode == "":
		return ruleMeetingIncomplete.Err()
	case m.Audience == AudienceDusun && m.DusunID == nil:
		return ruleMeetingNeedsDusun.Err()
	case !m.StartsAt.After(now):
		return ruleMeetingInPast.Err()
	case utf8.RuneCountInString(m.Place) < 2 || utf8.RuneCountInString(m.Place) > 120:
		return ruleMeetingPlaceLength.Err()
	case utf8.RuneCountInString(m.Agenda) > 600:
		return ruleMeetingAgendaLong.Err()
	}
	return nil
}

// RSVP is a resident's answer to an invitation.
type RSVP string

// Answers.
const (
	RSVPHadir RSVP = "HADIR"
	RSVPTidak RSVP = "TIDAK"
)

// TextKey is the key, in a message's texts by language, of its text for
// an invitee of lang who answered r ("id/HADIR"): a reminder or a moved
// meeting's notice tells someone who said HADIR they did, instead of
// asking again. The store picks it for each invitee, else the language's
// text (postgres.Texts).
func (r RSVP) TextKey(lang string) string { return lang + "/" + string(r) }

// CheckOutcome checks the attendance a KPMD reports.
func CheckOutcome(attended, women int) error {
	if attended < 0 || women < 0 || women > attended || attended > 100000 {
		return ruleAttendanceInvalid.Err()
	}
	return nil
}

// CheckOutcomeTime says whether the outcome of meeting code, starting at
// startsAt, may be recorded at now: not before it starts.
func CheckOutcomeTime(code string, startsAt, now time.Time) error {
	if startsAt.After(now) {
		return ruleMeetingNotStarted.Err(code)
	}
	return nil
}

// ParseWhen reads a meeting time as people type it, in the kecamatan's time
// zone loc: "25/12 09.00", "25-12-2026 9:00", "besok jam 9", "Senin 14.00",
// "lusa pukul 19.30", "hari ini jam 16". It is ReadWhen with the legacy rule
// that a time without a date is today, and an error when no hour was read.
// Flows should move to ReadWhen, which never fills in a day not typed.
// The result may be in the past: the caller refuses that with its reason.
func ParseWhen(text string, now time.Time, loc *time.Location) (time.Time, error) {
	if len(text) > 80 {
		return time.Time{}, ruleWhenNoDate.Err()
	}
	w, err := ReadWhen(text, now, loc)
	switch {
	case err != nil:
		return time.Time{}, err
	case !w.HasTime:
		return time.Time{}, ruleWhenNoTime.Err()
	case !w.HasDate:
		y, m, d := now.In(loc).Date()
		return time.Date(y, m, d, w.Hour, w.Minute, 0, 0, loc), nil
	}
	return w.At, nil
}

// Answerer is an invitee who answered HADIR or TIDAK, for the meeting's
// organiser (UNDANG R-…).
type Answerer struct {
	Name string `db:"name"`
	RSVP RSVP   `db:"rsvp"`
}

// MeetingStats counts an invitation's progress.
type MeetingStats struct {
	Invited    int `db:"invited"`
	Sent       int `db:"sent"`
	Delivered  int `db:"delivered"`
	Hadir      int `db:"hadir"`
	HadirWomen int `db:"hadir_women"`
	Tidak      int `db:"tidak"`
	Unanswered int `db:"unanswered"`
	// ByGroup were invited by the post in a linked group they are a
	// member of, not by a personal message (not in Sent, Delivered),
	// counted once that post was sent (a post that failed gives them their
	// personal invitation instead: postgres.ReleaseGroupPosts).
	ByGroup int `db:"by_group"`
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMeetingIncomplete  = NewRule("meeting_incomplete", EINVALID, "meeting without code or desa")
	ruleMeetingNeedsDusun  = NewRule("meeting_needs_dusun", EINVALID, "a dusun meeting needs its dusun")
	ruleMeetingInPast      = NewRule("meeting_in_past", EINVALID, "meeting time is in the past")
	ruleMeetingPlaceLength = NewRule("meeting_place_length", EINVALID, "meeting place must be 2 to 120 characters")
	ruleMeetingAgendaLong  = NewRule("meeting_agenda_long", EINVALID, "agenda too long")
	ruleMeetingNotStarted  = NewRule("meeting_not_started", EINVALID, "meeting %s has not started yet")
	ruleAttendanceInvalid  = NewRule("attendance_invalid", EINVALID, "attendance must be a count, women no more than all")
	ruleWhenNoDate         = NewRule("when_no_date", EINVALID, "no date")
	ruleWhenNoTime         = NewRule("when_no_time", EINVALID, "no time")
)
