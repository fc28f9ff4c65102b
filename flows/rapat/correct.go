package rapat

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// correctWhen reads an answer to a YA/TIDAK confirmation that is a date or
// an hour ("lho dudu, sabtu tgl 12", "jam 8 saja") as a correction of
// prev: the part not typed stays as it was. read is false when the text is
// no date or hour (the confirmation reads it); when read and !ok, it has
// replied (a day already past, a weekday that is not the date's).
func (t *turn) correctWhen(prev time.Time, loc *time.Location) (at time.Time, ok, read bool) {
	if answer.YesNo(t.Text) == answer.Yes {
		return time.Time{}, false, false
	}
	w, err := domain.ReadWhen(t.Text, t.Env.Now, loc)
	if err != nil {
		if t.sayWeekdayMismatch(w) {
			return time.Time{}, false, true
		}
		return time.Time{}, false, false
	}
	if !w.HasDate && !w.HasTime {
		return time.Time{}, false, false
	}
	prev = prev.In(loc)
	day, hour, minute := prev, prev.Hour(), prev.Minute()
	if w.HasDate {
		day = w.Date
	}
	if w.HasTime {
		hour, minute = w.Hour, w.Minute
	}
	at = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, loc)
	if !at.After(t.Env.Now) {
		t.Say(flow.MsgWhenPast, flow.A{"when": flow.DayName(t.Lang, at.Weekday()) + " " + at.Format("02/01/2006 15.04")})
		return time.Time{}, false, true
	}
	return at, true, true
}

// sayWeekdayMismatch asks back, naming both, when the weekday typed is
// not the weekday of the date typed with it ("sabtu 13": 13 December is a
// Sunday); false when w read no such pair.
func (t *turn) sayWeekdayMismatch(w domain.When) bool {
	if w.Mismatch.IsZero() {
		return false
	}
	d := w.Mismatch
	// The nearest date of the weekday typed, on or after the date typed.
	near := d.AddDate(0, 0, (int(w.MismatchWeekday)-int(d.Weekday())+7)%7)
	t.Say(flow.MsgWhenWeekdayMismatch, flow.A{
		"tanggal": dayMonth(t.Lang, d), "hari_tanggal": flow.DayName(t.Lang, d.Weekday()), "hari": flow.DayName(t.Lang, w.MismatchWeekday),
		"contoh1": flow.DayName(t.Lang, d.Weekday()) + " " + strconv.Itoa(d.Day()),
		"contoh2": flow.DayName(t.Lang, w.MismatchWeekday) + " " + strconv.Itoa(near.Day()),
	})
	return true
}

// dayMonth is "11 Desember".
func dayMonth(lang string, d time.Time) string {
	return strconv.Itoa(d.Day()) + " " + flow.MonthName(lang, d.Month())
}

// sayMoveConfirm asks to confirm the move of m; a new day before the
// meeting's own is said in capitals, with the date to write instead ("sabtu
// jam 8 bengi" on Wednesday is this Saturday, not the one after the
// meeting of Friday the 11th).
func (t *turn) sayMoveConfirm(m domain.Meeting) {
	moved := t.moved(m)
	t.Say(flow.MsgMoveConfirm, MeetingArgs(t.Lang, moved))
	loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
	was, to := m.StartsAt.In(loc), moved.StartsAt.In(loc)
	wasDay := time.Date(was.Year(), was.Month(), was.Day(), 0, 0, 0, 0, loc)
	if !to.Before(wasDay) {
		return
	}
	// The same weekday on or after the meeting's day.
	after := wasDay.AddDate(0, 0, (int(to.Weekday())-int(wasDay.Weekday())+7)%7)
	t.Say(flow.MsgMoveEarlier, flow.A{
		"semula": flow.DayName(t.Lang, was.Weekday()) + " " + dayMonth(t.Lang, was),
		"contoh": flow.DayName(t.Lang, after.Weekday()) + " " + strconv.Itoa(after.Day()),
	})
}

// placeWords stand before a place written with the time: "jumat depan jam
// 8 malem di rumah pak RT", "sesuk jam 8 neng omahe pak RT".
var placeWords = map[string]bool{"di": true, "neng": true, "ning": true, "nang": true, "ing": true, "wonten": true, "ten": true,
	"teng": true, "dina": true, "tempat": true, "tempatnya": true, "lokasi": true, "panggenan": true}

// placeWithTime is the place written after the day and hour in one answer
// ("… jam 8 malem di rumah pak RT": "Rumah pak RT"), "" when none: the
// words after the first place word, when they hold no date or hour.
func placeWithTime(text string, now time.Time) string {
	words := strings.Fields(text)
	for i, w := range words {
		if !placeWords[strings.ToLower(strings.Trim(w, ",.;:!?"))] || i == 0 || i == len(words)-1 {
			continue
		}
		rest := strings.Join(words[i+1:], " ")
		if _, err := domain.ReadWhen(rest, now, time.UTC); err == nil {
			return "" // "di hari sabtu jam 8": a time, not a place
		}
		place := cleanPlace(rest)
		if n := utf8.RuneCountInString(place); n < 2 || n > 120 || !flow.HasLetter(place) {
			return ""
		}
		return place
	}
	return ""
}

// placeFillers open a place answer that repeats what was written before:
// "lha kan wis tak tulis, rumah pak RT", "sudah saya tulis, balai dusun",
// "kan tadi di rumah pak RT".
var placeFillers = map[string]bool{"lha": true, "lho": true, "loh": true, "la": true, "kan": true, "wis": true, "wes": true,
	"uwis": true, "sudah": true, "udah": true, "sampun": true, "tak": true, "saya": true, "aku": true, "kula": true,
	"tulis": true, "ditulis": true, "tulisno": true, "nulis": true, "serat": true, "kaserat": true, "tadi": true, "mau": true,
	"wau": true, "kok": true, "lah": true, "to": true, "toh": true, "tuh": true, "kuwi": true, "iku": true, "nggih": true,
	"ya": true, "yo": true}

// withoutFillers drops the fillers that open a place answer; the answer
// is unchanged when nothing but fillers would be left.
func withoutFillers(words []string) []string {
	i := 0
	for i < len(words)-1 && placeFillers[strings.ToLower(strings.Trim(words[i], ",.;:!?"))] {
		i++
	}
	return words[i:]
}

// MoveNamed moves the meeting a sentence names by its code, with the new
// time in it ("rapat R-F7XM6X pindah sabtu jam 8 bengi"): the move's time
// question is answered by the words after the move word; the KPMD is
// asked only what they lacked. rest is the sentence after RAPAT.
func MoveNamed(ft *flow.Turn, rest string) error {
	return fresh(ft, func(t *turn) error {
		code := ""
		for _, f := range strings.Fields(rest) {
			if f = strings.Trim(f, ".,!?:;()\"'"); domain.LooksLikeCode(f) {
				code = f
				break
			}
		}
		m, err := t.scheduledMeeting(code)
		if m == nil || err != nil {
			return err
		}
		t.GoTo(FlowRapat, "move_when")
		t.s.Code = m.Code
		when := answer.AfterMove(rest)
		if when == "" {
			t.Say(flow.MsgAskMoveWhen, nil)
			return nil
		}
		t.Text = when
		t.moveWhenStep(*m)
		return nil
	})
}

// Manage shows a meeting's answers to its KPMD and offers to move or
// cancel it, as UNDANG R-… does ("sopo wae sing wis bales undangan
// musdus?").
func Manage(ft *flow.Turn, code string) error {
	return fresh(ft, func(t *turn) error { return t.manageMeeting(code) })
}
