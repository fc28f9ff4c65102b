package flows

import (
	"strconv"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Labels the web pages share with the chat, so that a stage or a meeting
// reads the same on the board as on a phone.

// CategoryText is a gagasan category in plain words.
func CategoryText(lang string, c domain.Category) string {
	return Render(lang, categoryKeys[string(c)], nil)
}

// MeetingTypeText is a meeting type in plain words.
func MeetingTypeText(lang string, t domain.MeetingType) string {
	return Render(lang, meetingTypeKeys[string(t)], nil)
}

// DateText is a day as people write it: "Sabtu, 5 Desember 2026".
func DateText(at time.Time) string {
	return dayNamesID[at.Weekday()] + ", " + strconv.Itoa(at.Day()) + " " + monthNamesID[at.Month()] + " " + strconv.Itoa(at.Year())
}

// ShortDateText is "5 Des 2026".
func ShortDateText(at time.Time) string {
	return strconv.Itoa(at.Day()) + " " + monthNamesID[at.Month()][:3] + " " + strconv.Itoa(at.Year())
}
