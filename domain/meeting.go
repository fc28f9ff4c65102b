package domain

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MeetingType is a meeting of the program cycle (GLOSSARY.md) or a training.
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
}

// Validate checks a meeting before it is stored; now is the clock.
func (m *Meeting) Validate(now time.Time) error {
	switch {
	case m.Code == "" || m.DesaKode == "":
		return Errorf(EINVALID, "meeting without code or desa")
	case m.Audience == AudienceDusun && m.DusunID == nil:
		return Errorf(EINVALID, "a dusun meeting needs its dusun")
	case !m.StartsAt.After(now):
		return Errorf(EINVALID, "meeting time is in the past")
	case utf8.RuneCountInString(m.Place) < 2 || utf8.RuneCountInString(m.Place) > 120:
		return Errorf(EINVALID, "meeting place must be 2 to 120 characters")
	case utf8.RuneCountInString(m.Agenda) > 600:
		return Errorf(EINVALID, "agenda too long")
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

// CheckOutcome checks the attendance a KPMD reports.
func CheckOutcome(attended, women int) error {
	if attended < 0 || women < 0 || women > attended || attended > 100000 {
		return Errorf(EINVALID, "attendance must be a count, women no more than all")
	}
	return nil
}

var (
	dayNames = map[string]time.Weekday{
		"minggu": time.Sunday, "ahad": time.Sunday, "senin": time.Monday, "selasa": time.Tuesday,
		"rabu": time.Wednesday, "kamis": time.Thursday, "jumat": time.Friday, "jum'at": time.Friday, "sabtu": time.Saturday,
	}
	// A date is dd/mm[/yyyy] or dd-mm[-yyyy], or dd.mm.yy with all three
	// parts (dd.mm alone is a time: 09.00).
	dateRe     = regexp.MustCompile(`\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b|\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b`)
	kwTimeRe   = regexp.MustCompile(`\b(?:jam|pukul|pkl\.?)\s*(\d{1,2})(?:[.:](\d{2}))?`)
	bareTimeRe = regexp.MustCompile(`\b(\d{1,2})[.:](\d{2})\b`)
)

// ParseWhen reads a meeting time as people type it, in the kecamatan's time
// zone loc: "25/12 09.00", "25-12-2026 9:00", "besok jam 9", "Senin 14.00",
// "lusa pukul 19.30", "hari ini jam 16". A time without a date is today;
// a date without a year is the next such date; "jam 7 malam" is 19:00.
// The result may be in the past: the caller refuses that with its reason.
func ParseWhen(text string, now time.Time, loc *time.Location) (time.Time, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "" || len(s) > 80 {
		return time.Time{}, Errorf(EINVALID, "no date")
	}
	now = now.In(loc)
	y, mo, d := now.Date()
	dateSet := false

	// A time after "jam"/"pukul" first, then the date, then a bare time
	// among what is left, so that no digits are read twice.
	hour, minute, timeSet := 0, 0, false
	readTime := func(re *regexp.Regexp) {
		if m := re.FindStringSubmatchIndex(s); m != nil && !timeSet {
			hour, _ = strconv.Atoi(sub(s, m, 1))
			minute, _ = strconv.Atoi(sub(s, m, 2))
			timeSet = true
			s = s[:m[0]] + " " + s[m[1]:]
		}
	}
	readTime(kwTimeRe)
	if m := dateRe.FindStringSubmatchIndex(s); m != nil {
		dd, mm, yys := sub(s, m, 1), sub(s, m, 2), sub(s, m, 3)
		if dd == "" {
			dd, mm, yys = sub(s, m, 4), sub(s, m, 5), sub(s, m, 6)
		}
		s = s[:m[0]] + " " + s[m[1]:]
		readTime(bareTimeRe)
		day, _ := strconv.Atoi(dd)
		month, _ := strconv.Atoi(mm)
		year := y
		if yys != "" {
			year, _ = strconv.Atoi(yys)
			if year < 100 {
				year += 2000
			}
		}
		if month < 1 || month > 12 || day < 1 || day > 31 || time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc).Day() != day {
			return time.Time{}, Errorf(EINVALID, "no such date")
		}
		if yys == "" && time.Date(year, time.Month(month), day, 23, 59, 0, 0, loc).Before(now) {
			year++ // "5/1" typed in December is next January
		}
		y, mo, d, dateSet = year, time.Month(month), day, true
	}
	readTime(bareTimeRe)
	if timeSet && hour < 12 && (strings.Contains(s, "sore") || strings.Contains(s, "malam")) {
		hour += 12
	}
	if !dateSet {
		switch {
		case strings.Contains(s, "kemarin"):
			y, mo, d = now.AddDate(0, 0, -1).Date()
			dateSet = true
		case strings.Contains(s, "lusa"):
			y, mo, d = now.AddDate(0, 0, 2).Date()
			dateSet = true
		case strings.Contains(s, "besok"):
			y, mo, d = now.AddDate(0, 0, 1).Date()
			dateSet = true
		case strings.Contains(s, "hari ini"), strings.Contains(s, "nanti"):
			dateSet = true
		default:
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
				if wd, ok := dayNames[w]; ok {
					ahead := (int(wd) - int(now.Weekday()) + 7) % 7
					if ahead == 0 {
						ahead = 7 // "Senin" said on a Monday is next Monday
					}
					y, mo, d = now.AddDate(0, 0, ahead).Date()
					dateSet = true
					break
				}
			}
		}
	}
	if !dateSet && !timeSet {
		return time.Time{}, Errorf(EINVALID, "no date or time")
	}
	if !timeSet {
		return time.Time{}, Errorf(EINVALID, "no time")
	}
	if hour > 23 || minute > 59 {
		return time.Time{}, Errorf(EINVALID, "no such time")
	}
	return time.Date(y, mo, d, hour, minute, 0, 0, loc), nil
}

func sub(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
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
}
