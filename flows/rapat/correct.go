package rapat

import (
	"strconv"
	"time"

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
