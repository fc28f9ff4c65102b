package flow

import (
	"strconv"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Labels the web pages share with the chat, so that a stage or a meeting
// reads the same on the board as on a phone.

// CategoryText is a gagasan category in plain words.
func CategoryText(lang string, c domain.Category) string {
	return Render(lang, CategoryKeys[string(c)], nil)
}

// MeetingTypeText is a meeting type in plain words.
func MeetingTypeText(lang string, t domain.MeetingType) string {
	return Render(lang, MeetingTypeKeys[string(t)], nil)
}

// DayName is a weekday's name: "Sabtu".
func DayName(lang string, d time.Weekday) string {
	return Render(lang, Key("day_"+strconv.Itoa(int(d))), nil)
}

// MonthName is a month's name: "Desember".
func MonthName(lang string, m time.Month) string {
	return Render(lang, Key("month_"+strconv.Itoa(int(m))), nil)
}

// DateText is a date as people write it: "5 Desember 2026".
func DateText(lang string, at time.Time) string {
	return strconv.Itoa(at.Day()) + " " + MonthName(lang, at.Month()) + " " + strconv.Itoa(at.Year())
}

// LongDateText is a date with its day: "Sabtu, 5 Desember 2026".
func LongDateText(lang string, at time.Time) string {
	return DayName(lang, at.Weekday()) + ", " + DateText(lang, at)
}

// ShortDateText is "5 Des 2026".
func ShortDateText(lang string, at time.Time) string {
	return strconv.Itoa(at.Day()) + " " + CutRunes(MonthName(lang, at.Month()), 3) + " " + strconv.Itoa(at.Year())
}

// StageText is a gagasan stage in plain words.
func StageText(lang string, s domain.Status) string {
	return Render(lang, StageKeys[string(s)], nil)
}
