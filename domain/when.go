package domain

// ReadWhen reads the date and hour of a meeting as a KPMD types it, in
// Indonesian, Javanese or Sundanese, and says which parts it read. It never
// fills in a part that was not typed: a text with only an hour has no day, a
// text with only a day has no hour, and the caller asks for what is missing.
//
// The reader is written by hand (a small tokenizer and word tables) rather
// than with github.com/markusmobius/go-dateparser v1.4.7, which was tried with
// its Indonesian locale and now = Wednesday 2 December 2026 10:00 WIB:
//   - "jam 9" became 9 December 00:00 (the hour read as a day of the month);
//   - "tanggal 10 jam 9" became 2 December 20:00 ("10 jam" read as in 10 hours);
//   - "besok 09.00" and "minggu depan jam 9" kept the clock's 10:00, the typed
//     hour dropped;
//   - "jam 2 siang", "lusa", "kamis depan", "besok pagi", "sesuk jam 9" and
//     "Jumat, 4/12 pkl 13.00" were not read at all ("unknown format").
//
// The rules for what is ambiguous:
//   - A week runs Monday to Sunday. "Kamis" alone is the next Thursday after
//     today (a Thursday said on a Thursday is next week's). "Kamis depan",
//     "Kamis minggu depan" and "Kamis pekan depan" are the Thursday of next
//     week: said on Wednesday 2 December, the 10th, not the 3rd. "Kamis ini"
//     is the Thursday of this week, which may be past. "malam Jumat" is
//     Thursday evening, as in Indonesian. "minggu depan"/"pekan depan" without
//     a weekday is the same weekday next week (today + 7 days), not a Sunday.
//   - A day number without a month ("tgl 10") is this month's if it has not
//     passed yet (today counts), else next month's; December to January is a
//     rollover of the year. "tgl 31" where the month taken has no 31st is an
//     error. A month without a day ("bulan depan", "desember") is an error.
//   - "jam 12 malam" is 00:00 at the end of the day read, so Date moves one
//     day forward; without a day it is an error, as a day asked for later
//     would put it at the wrong midnight. Hours 1 to 5 with "malam" are an
//     error too (dini hari: which night?), as is an hour that contradicts its
//     period ("jam 9 sore", "jam 15 pagi").
//   - "enjing" is morning (Javanese krama) when an hour or another day word
//     is typed, and tomorrow (Sundanese) otherwise. "isuk" is morning;
//     "isukan" is tomorrow.
//   - A prayer time ("ba'da isya", "habis maghrib", "setelah ashar") is not
//     an hour: HasTime stays false and SuggestHour/SuggestMinute carry isya
//     19:30, maghrib 18:00, ashar 15:30, dzuhur 12:30, subuh 05:00 so that the
//     caller asks "jam berapa?" with a suggestion. With an hour typed, the
//     prayer only places it in the day ("habis isya jam 8" is 20:00).
//   - An hour with no period is read as typed from 6 to 23 ("jam 7" is
//     07:00; the flow's preview says the hour before anything is sent). An
//     hour from 1 to 5 with no period ("jam 3", "3.30") is not read: nobody
//     meets at 03:00, and taking 15:00 would be a guess, so Unplaced is set
//     and SuggestHour offers the afternoon for the caller to ask. "03.00"
//     (zero first) is a 24-hour clock and is read as typed.
//   - "nanti", "mengko", "mangke", "engke" (later) are today only when no
//     other day is typed ("mengko bengi" is tonight, "nanti Kamis" Thursday).
//     "dino iki", "dinten punika", "poe ieu" are "hari ini"; "ngarep",
//     "ngajeng", "payun", "hareup" are "depan"; "sesuk emben" and "emben"
//     are "lusa".
//   - "jam setengah 8" is 7:30, as Indonesians count half to the hour.
//   - The second hour of a range ("jam 9-12", "09.00 s/d 12.00") is the end
//     and is not read.
//   - Two different days or two different hours typed are an error, and so is
//     a weekday that is not the weekday of the date typed ("Jumat, 5/12").

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// When is what ReadWhen understood of a typed date and time.
type When struct {
	At      time.Time // the date and hour read (valid when HasDate && HasTime), in loc
	HasDate bool      // a day was read (besok, tgl 10, Kamis depan, 25/12 ...)
	HasTime bool      // an hour was read (jam 9, 09.00, jam 2 siang ...)
	Date    time.Time // midnight of the day read, when HasDate
	Hour    int       // the hour read (0-23), when HasTime; Minute likewise
	Minute  int
	// SuggestHour is an hour to offer when a day period or a prayer time was
	// given without an hour ("besok pagi" 8, "siang" 13, "sore" 16, "malam"
	// 19, "subuh" 5, "ba'da isya" 19:30, "habis maghrib" 18:00, "setelah
	// ashar" 15:30, "ba'da dzuhur" 12:30); -1 when none, and always -1 when
	// HasTime. SuggestMinute goes with it (0 when none).
	SuggestHour   int
	SuggestMinute int
	// Unplaced says an hour from 1 to 5 was typed with no period ("jam 3",
	// "3.30"): it is not read (HasTime is false) and SuggestHour carries it in
	// the afternoon (15), so that the caller asks rather than take 03.00.
	Unplaced bool
	// Confirm says the date must be confirmed in words before use: it rolled
	// over to next year without a year being typed, or is more than 90 days ahead.
	Confirm    bool
	RolledYear bool // the typed day/month was already past this year, so next year was taken
	// Mismatch is the date typed when its weekday is not the weekday typed
	// with it ("sabtu 13": 13 December is a Sunday), with the error
	// when_not_that_weekday; MismatchWeekday is the weekday typed. The
	// caller asks back naming both.
	Mismatch        time.Time
	MismatchWeekday time.Weekday
}

// ReadWhen reads a meeting's date and hour from text typed by a KPMD, in the
// kecamatan's time zone loc, with now the clock: "besok jam 9 pagi", "tgl 10
// jam 9", "25/12 09.00", "Kamis depan jam 2 siang", "lusa jam 1 siang",
// "sesuk jam 9 enjing", "pageto jam 1 beurang". It returns an EINVALID error
// only when nothing date- or time-like was read or what was read cannot be
// (31/2, 25/13, jam 25, 9.75, two different days). A day without an hour
// (HasDate, !HasTime) and an hour without a day (HasTime, !HasDate) are not
// errors: the caller asks for the rest. The date read may be in the past
// ("kemarin", "senin ini"); the caller refuses it. The rules for the
// ambiguous forms are at the top of when.go.
func ReadWhen(text string, now time.Time, loc *time.Location) (When, error) {
	w := When{SuggestHour: -1}
	if len([]rune(text)) > 200 {
		return w, ruleWhenTooLong.Err()
	}
	now = now.In(loc)
	r := &whenReader{toks: tokenizeWhen(text), now: now, loc: loc,
		today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)}
	r.used = make([]bool, len(r.toks))
	if err := r.read(); err != nil {
		return w, err
	}
	return r.result()
}

// whenTok is a word (letters and apostrophes) or a number (digits, with
// '/', '-', '.' or ':' between digit groups).
type whenTok struct {
	word  string
	num   string
	dash  bool // a '-' right before it: the end of a range
	punct bool // a comma or other mark right before it
}

func tokenizeWhen(text string) []whenTok {
	s := strings.ToLower(text)
	s = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "´", "'", "é", "e", "è", "e", "ê", "e").Replace(s)
	rs := []rune(s)
	var toks []whenTok
	dash, punct := false, false
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case unicode.IsDigit(c):
			j, sep := i, rune(0)
			for j < len(rs) {
				if unicode.IsDigit(rs[j]) {
					j++
					continue
				}
				if strings.ContainsRune("/-.:", rs[j]) && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && (sep == 0 || sep == rs[j]) {
					sep = rs[j]
					j++
					continue
				}
				break
			}
			toks = append(toks, whenTok{num: string(rs[i:j]), dash: dash, punct: punct})
			dash, punct = false, false
			i = j
		case unicode.IsLetter(c) || c == '\'':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || rs[j] == '\'') {
				j++
			}
			if w := strings.Trim(string(rs[i:j]), "'"); w != "" {
				toks = append(toks, whenTok{word: w, dash: dash, punct: punct})
				dash, punct = false, false
			}
			i = j
		default:
			if c == '-' || c == '–' {
				dash = true
			} else if !unicode.IsSpace(c) {
				dash, punct = false, true
			}
			i++
		}
	}
	return toks
}

type period int

const (
	noPeriod period = iota
	pagi
	siang
	sore
	malam
	subuh
)

var (
	periodWords = map[string]period{
		"pagi": pagi, "esuk": pagi, "isuk": pagi,
		"siang": siang, "siyang": siang, "awan": siang, "beurang": siang,
		"sore": sore, "sonten": sore,
		"malam": malam, "malem": malam, "dalu": malam, "bengi": malam, "wengi": malam, "peuting": malam,
	}
	periodSuggest = map[period]int{pagi: 8, siang: 13, sore: 16, malam: 19, subuh: 5}

	prayers = map[string]string{
		"subuh": "subuh", "shubuh": "subuh", "subuhan": "subuh",
		"dzuhur": "dzuhur", "zuhur": "dzuhur", "dhuhur": "dzuhur", "duhur": "dzuhur", "dzuhr": "dzuhur",
		"zuhr": "dzuhur", "luhur": "dzuhur", "lohor": "dzuhur", "dhuhr": "dzuhur",
		"ashar": "ashar", "asar": "ashar", "ashr": "ashar", "asr": "ashar",
		"maghrib": "maghrib", "magrib": "maghrib", "mahgrib": "maghrib", "magreb": "maghrib", "maghrip": "maghrib",
		"isya": "isya", "isa": "isya", "isyak": "isya", "isha": "isya",
	}
	// A prayer places an hour typed with it; "sebelum" places it before.
	prayerPeriod = map[string]period{"subuh": subuh, "dzuhur": siang, "ashar": sore, "maghrib": malam, "isya": malam}
	prayerBefore = map[string]period{"subuh": noPeriod, "dzuhur": pagi, "ashar": siang, "maghrib": sore, "isya": malam}
	prayerAt     = map[string][2]int{"subuh": {5, 0}, "dzuhur": {12, 30}, "ashar": {15, 30}, "maghrib": {18, 0}, "isya": {19, 30}}

	// Days from today.
	relDays = map[string]int{
		"besok": 1, "bsk": 1, "besuk": 1, "esok": 1, "sesuk": 1, "benjing": 1, "mbenjing": 1, "isukan": 1,
		"lusa": 2, "pageto": 2, "emben": 2,
		"kemarin": -1, "kemaren": -1,
	}
	// "Later" (nanti, Javanese mengko/mangke, Sundanese engke) is today only
	// when no other day is typed: "nanti malam" is tonight, "nanti Kamis jam
	// 9" is Thursday.
	laterWords = map[string]bool{
		"nanti": true, "nnti": true, "ntar": true, "entar": true,
		"mengko": true, "mangke": true, "mengke": true, "engke": true, "ngke": true,
	}
	// "hari ini" in the three languages: a day noun, then "this".
	dayNouns  = map[string]bool{"hari": true, "dino": true, "dina": true, "dinten": true, "poe": true}
	thisWords = map[string]bool{"ini": true, "iki": true, "menika": true, "punika": true, "niki": true, "puniki": true, "ieu": true}
	// "depan" (next): Javanese ngarep/ngajeng, Sundanese payun/hareup.
	nextWords  = map[string]bool{"depan": true, "ngarep": true, "ngajeng": true, "payun": true, "hareup": true}
	monthNouns = map[string]bool{"bulan": true, "bln": true, "wulan": true, "sasih": true}
	weekNouns  = map[string]bool{"minggu": true, "pekan": true, "mgg": true}
	weekdays   = map[string]time.Weekday{
		"senin": time.Monday, "senen": time.Monday,
		"selasa": time.Tuesday, "seloso": time.Tuesday, "salasa": time.Tuesday,
		"rabu": time.Wednesday, "rebo": time.Wednesday,
		"kamis": time.Thursday, "kemis": time.Thursday,
		"jumat": time.Friday, "jum'at": time.Friday, "jumaat": time.Friday, "jumuah": time.Friday,
		"jemuwah": time.Friday, "jemuah": time.Friday, "jumaah": time.Friday, "jumah": time.Friday,
		"sabtu": time.Saturday, "setu": time.Saturday, "saptu": time.Saturday,
		"minggu": time.Sunday, "ahad": time.Sunday, "ngahad": time.Sunday,
	}
	// Full month names; a bare one without a day is an error ("which day?").
	monthsFull = map[string]time.Month{
		"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
		"juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
	}
	// Short month names, read only right after a day number ("des" is also desa).
	monthsShort = map[string]time.Month{
		"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"agu": 8, "agt": 8, "agus": 8, "ags": 8, "agst": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
	}
	hourWords = map[string]bool{"jam": true, "pukul": true, "pkl": true, "pk": true, "jm": true, "puk": true}
	dayWords  = map[string]bool{"tgl": true, "tanggal": true, "tg": true, "tang": true, "tangg": true}
	numWords  = map[string]int{
		"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
		"sembilan": 9, "sepuluh": 10, "sebelas": 11,
	}
	// Words between an hour and its period: "jam 9 wib pagi", "jam 9 tepat".
	hourFiller = map[string]bool{"wib": true, "wita": true, "wit": true, "tepat": true, "an": true, "ya": true}
	rangeWords = map[string]bool{"sampai": true, "sd": true, "hingga": true, "selesai": true, "sampe": true, "smp": true}
)

func monthWord(w string) (time.Month, bool) {
	if m, ok := monthsFull[w]; ok {
		return m, true
	}
	m, ok := monthsShort[w]
	return m, ok
}

type rawHour struct {
	h, m     int
	setengah bool // "setengah h": half an hour before h
	at, from int  // index of the last token of the hour, and of its first (the "jam")
}

type dayCand struct {
	date   time.Time
	rolled bool
}

type whenReader struct {
	toks       []whenTok
	used       []bool
	now, today time.Time
	loc        *time.Location

	hours    []rawHour
	days     []dayCand
	wd       time.Weekday
	wdMode   string // "", "plain", "next", "this"
	wdEve    bool   // "malam Jumat": the evening before
	weekNext bool   // "minggu depan", "pekan depan"
	weekThis bool
	periods  []period // the periods typed, in order
	prayer   string   // the first prayer named, for the suggestion
	prayerBy bool     // it came after "sebelum"
	enjing   []int    // where "enjing" was typed
	later    bool     // "nanti", "mengko", "engke": today unless another day is typed

	pendMonth, pendYear int  // a month typed before its day ("bulan depan tgl 5")
	pendUsed            bool // a day number took it
}

func (r *whenReader) word(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].word
}

func (r *whenReader) num(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].num
}

// numParts splits a number token into its digit groups and their separator.
func numParts(s string) ([]string, rune) {
	for _, sep := range "/-.:" {
		if strings.ContainsRune(s, sep) {
			return strings.Split(s, string(sep)), sep
		}
	}
	return []string{s}, 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 4 {
		return 9999 // read as impossible by every range check
	}
	return n
}

func (r *whenReader) isRangeEnd(i int) bool {
	if r.toks[i].dash {
		return true
	}
	if rangeWords[r.word(i-1)] {
		return true
	}
	return r.word(i-2) == "s" && r.word(i-1) == "d" // "s/d"
}

func (r *whenReader) read() error {
	// Hours after "jam"/"pukul" first, so that their digits are not read as days.
	for i := 0; i < len(r.toks); i++ {
		if !hourWords[r.word(i)] || r.used[i] {
			continue
		}
		j := i + 1
		if r.word(j) == "ke" {
			j++
		}
		setengah := false
		if r.word(j) == "setengah" || r.word(j) == "stgh" || r.word(j) == "stengah" {
			setengah = true
			j++
		}
		if s := r.num(j); s != "" {
			if r.isRangeEnd(i) {
				r.used[i], r.used[j] = true, true
				continue
			}
			parts, sep := numParts(s)
			var h, m int
			switch {
			case len(parts) == 1 && len(s) >= 3: // "jam 0900"
				if len(s) > 4 {
					return ruleWhenNoSuchTime.Err()
				}
				h, m = atoi(s[:len(s)-2]), atoi(s[len(s)-2:])
			case len(parts) == 1:
				h = atoi(s)
			case len(parts) == 2 && (sep == '.' || sep == ':'):
				if len(parts[1]) != 2 {
					return ruleWhenNoSuchTime.Err()
				}
				h, m = atoi(parts[0]), atoi(parts[1])
			case len(parts) == 2 && sep == '-': // "jam 9-12": from 9
				h = atoi(parts[0])
			default:
				return ruleWhenNoSuchTime.Err()
			}
			if setengah && m != 0 {
				return ruleWhenNoSuchTime.Err()
			}
			for k := i; k <= j; k++ {
				r.used[k] = true
			}
			r.hours = append(r.hours, rawHour{h: h, m: m, setengah: setengah, at: j, from: i})
			continue
		}
		if n, ok := numWords[r.word(j)]; ok {
			end := j
			if n >= 2 && n <= 9 && r.word(j+1) == "belas" {
				n += 10
				end = j + 1
			}
			for k := i; k <= end; k++ {
				r.used[k] = true
			}
			r.hours = append(r.hours, rawHour{h: n, setengah: setengah, at: end, from: i})
		}
	}

	// Days: numeric dates, day numbers, words.
	for i := 0; i < len(r.toks); i++ {
		if r.used[i] {
			continue
		}
		if s := r.num(i); s != "" {
			if err := r.readNumber(i, s); err != nil {
				return err
			}
			continue
		}
		if err := r.readWord(i); err != nil {
			return err
		}
	}
	return nil
}

func (r *whenReader) readNumber(i int, s string) error {
	parts, sep := numParts(s)
	switch {
	case len(parts) == 3 && sep != ':':
		r.used[i] = true
		y := atoi(parts[2])
		if len(parts[2]) == 2 {
			y += 2000
		} else if len(parts[2]) != 4 {
			return ruleWhenNoSuchDate.Err()
		}
		return r.addDate(atoi(parts[0]), atoi(parts[1]), y, true)
	case len(parts) == 2 && (sep == '/' || sep == '-'):
		r.used[i] = true
		return r.addDate(atoi(parts[0]), atoi(parts[1]), 0, false)
	case len(parts) == 2 || len(parts) == 3: // a time: 09.00, 9:00, 9:00:00
		r.used[i] = true
		if r.isRangeEnd(i) {
			return nil
		}
		if len(parts[1]) != 2 || (len(parts) == 3 && len(parts[2]) != 2) {
			return ruleWhenNoSuchTime.Err()
		}
		r.hours = append(r.hours, rawHour{h: atoi(parts[0]), m: atoi(parts[1]), at: i, from: i})
		return nil
	case len(parts) > 3:
		r.used[i] = true
		return ruleWhenNoSuchDate.Err()
	}
	// A lone number: a day before a month or after "tgl", an hour before a period.
	d := atoi(s)
	tgl := dayWords[r.word(i-1)] && !r.used[i-1]
	j := i + 1
	if monthNouns[r.word(j)] {
		j++
	}
	if m, ok := monthWord(r.word(j)); ok {
		for k := i; k <= j; k++ {
			r.used[k] = true
		}
		if tgl {
			r.used[i-1] = true
		}
		if y := r.num(j + 1); len(y) == 4 && !strings.ContainsAny(y, "/-.:") {
			r.used[j+1] = true
			return r.addDate(d, int(m), atoi(y), true)
		}
		return r.addDate(d, int(m), 0, false)
	}
	if j > i+1 && (nextWords[r.word(j)] || thisWords[r.word(j)]) { // "tgl 5 bulan depan"
		for k := i; k <= j; k++ {
			r.used[k] = true
		}
		if tgl {
			r.used[i-1] = true
		}
		off := 0
		if nextWords[r.word(j)] {
			off = 1
		}
		return r.addDayOfMonth(d, off)
	}
	if tgl {
		r.used[i-1], r.used[i] = true, true
		return r.addDayOfMonth(d, -1)
	}
	if _, ok := weekdays[r.word(i-1)]; ok && len(s) <= 2 && d >= 1 && d <= 31 {
		// "sabtu 12", "sabtu, 12": the weekday's day number, unless a
		// period makes it an hour ("sabtu 9 pagi").
		if _, isPeriod := r.periodAt(i + 1); !isPeriod {
			r.used[i] = true
			return r.addDayOfMonth(d, -1)
		}
	}
	if p, ok := r.periodAt(i + 1); ok && p != noPeriod { // "9 pagi"
		if !r.isRangeEnd(i) {
			r.hours = append(r.hours, rawHour{h: d, at: i, from: i})
		}
		r.used[i] = true
	}
	// Any other lone number ("2 minggu", a count, a house number) is not read.
	return nil
}

// periodAt tells whether token i is a period word (enjing counts as one here).
func (r *whenReader) periodAt(i int) (period, bool) {
	w := r.word(i)
	if p, ok := periodWords[w]; ok {
		return p, true
	}
	if w == "enjing" {
		return pagi, true
	}
	if w == "subuh" || w == "shubuh" {
		return subuh, true
	}
	return noPeriod, false
}

func (r *whenReader) readWord(i int) error {
	w := r.word(i)
	switch {
	case dayNouns[w] && thisWords[r.word(i+1)]:
		r.used[i], r.used[i+1] = true, true
		r.days = append(r.days, dayCand{date: r.today})
	case w == "enjing":
		r.enjing = append(r.enjing, i)
	case laterWords[w]:
		r.later = true
	case (w == "sesuk" || w == "besuk" || w == "mbesuk") && r.word(i+1) == "emben":
		// "sesuk emben": the day after tomorrow, one day said in two words.
		r.used[i], r.used[i+1] = true, true
		r.days = append(r.days, dayCand{date: r.today.AddDate(0, 0, 2)})
	case relDays[w] != 0:
		r.days = append(r.days, dayCand{date: r.today.AddDate(0, 0, relDays[w])})
	case weekNouns[w] && (nextWords[r.word(i+1)] || thisWords[r.word(i+1)]) && !dayNouns[r.word(i-1)]:
		r.used[i], r.used[i+1] = true, true
		if nextWords[r.word(i+1)] {
			r.weekNext = true
		} else {
			r.weekThis = true
		}
	case monthNouns[w] && (nextWords[r.word(i+1)] || thisWords[r.word(i+1)]):
		// "bulan depan tgl 5": the month for a day number read later.
		r.used[i], r.used[i+1] = true, true
		r.pendMonth = int(r.today.Month())
		r.pendYear = r.today.Year()
		if nextWords[r.word(i+1)] {
			r.pendMonth++
			if r.pendMonth > 12 {
				r.pendMonth, r.pendYear = 1, r.pendYear+1
			}
		}
	default:
		if wd, ok := weekdays[w]; ok {
			if n := r.num(i - 1); n != "" && !strings.ContainsAny(n, "/-.:") && w == "minggu" { // "2 minggu": weeks
				return nil
			}
			mode := "plain"
			switch {
			case nextWords[r.word(i+1)]:
				mode = "next"
				r.used[i+1] = true
			case thisWords[r.word(i+1)]:
				mode = "this"
				r.used[i+1] = true
			}
			eve := false
			if p, ok := periodWords[r.word(i-1)]; ok && p == malam && !r.toks[i].punct {
				eve = true // "malam Jumat"
			}
			if r.wdMode != "" && (r.wd != wd || r.wdEve != eve) {
				return ruleWhenTwoDays.Err()
			}
			if r.wdMode == "" || mode != "plain" {
				r.wdMode = mode
			}
			r.wd, r.wdEve = wd, eve
			return nil
		}
		if m, ok := monthsFull[w]; ok {
			// "Desember tgl 10": the month for a day number read later.
			r.pendMonth, r.pendYear = int(m), 0
			if y := r.num(i + 1); len(y) == 4 && !strings.ContainsAny(y, "/-.:") {
				r.used[i+1] = true
				r.pendYear = atoi(y)
			}
			return nil
		}
		if p, ok := periodWords[w]; ok {
			r.periods = append(r.periods, p)
			if thisWords[r.word(i+1)] { // "malam ini", "sore ini", "peuting ieu"
				r.used[i+1] = true
				r.days = append(r.days, dayCand{date: r.today})
			}
			return nil
		}
		if pr, ok := prayers[w]; ok {
			before := r.word(i-1) == "sebelum" || r.word(i-1) == "sblm"
			p := prayerPeriod[pr]
			if before {
				p = prayerBefore[pr]
			}
			r.periods = append(r.periods, p)
			if r.prayer == "" {
				r.prayer, r.prayerBy = pr, before
			}
		}
	}
	return nil
}

// addDate adds a day/month[/year]; without a year, a date already past this
// year is next year's.
func (r *whenReader) addDate(d, m, y int, yearTyped bool) error {
	if !yearTyped {
		y = r.today.Year()
	}
	t, ok := dateOf(y, m, d, r.loc)
	if !ok {
		return ruleWhenNoSuchDate.Err()
	}
	rolled := false
	if !yearTyped && t.Before(r.today) {
		if t, ok = dateOf(y+1, m, d, r.loc); !ok {
			return ruleWhenNoSuchDate.Err()
		}
		rolled = true
	}
	r.days = append(r.days, dayCand{date: t, rolled: rolled})
	return nil
}

// addDayOfMonth adds a day number without a month: off -1 is this month if
// the day is not past, else next month; 0 this month; 1 next month.
func (r *whenReader) addDayOfMonth(d, off int) error {
	if off < 0 && r.pendMonth != 0 {
		r.pendUsed = true
		if r.pendYear != 0 {
			return r.addDate(d, r.pendMonth, r.pendYear, true)
		}
		return r.addDate(d, r.pendMonth, 0, false)
	}
	y, m := r.today.Year(), int(r.today.Month())
	implicit := off < 0
	if implicit {
		off = 0
		if d < r.today.Day() {
			off = 1
		}
	}
	m += off
	if m > 12 {
		m, y = 1, y+1
	}
	t, ok := dateOf(y, m, d, r.loc)
	if !ok {
		return ruleWhenNoSuchDate.Err()
	}
	r.days = append(r.days, dayCand{date: t, rolled: implicit && y > r.today.Year()})
	return nil
}

func dateOf(y, m, d int, loc *time.Location) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	return t, t.Day() == d
}

// hourIn turns an hour typed with its period into 0-24 (24: the midnight
// ending the day).
func hourIn(h int, p period) (int, bool) {
	switch p {
	case noPeriod:
		return h, h >= 0 && h <= 23
	case subuh:
		return h, h >= 3 && h <= 6
	case pagi:
		return h, h >= 1 && h <= 11
	case siang:
		switch {
		case h >= 10 && h <= 17:
			return h, true
		case h >= 1 && h <= 5:
			return h + 12, true
		}
	case sore:
		switch {
		case h >= 13 && h <= 19:
			return h, true
		case h >= 1 && h <= 7:
			return h + 12, true
		}
	case malam:
		switch {
		case h >= 18 && h <= 23:
			return h, true
		case h >= 6 && h <= 11:
			return h + 12, true
		case h == 12:
			return 24, true
		}
	}
	return 0, false
}

// periodOf finds the period of an hour: the word right after it, else the
// word right before its "jam", else the only period typed.
func (r *whenReader) periodOf(h rawHour, enjingPagi bool) period {
	isPeriod := func(i int) (period, bool) {
		if r.word(i) == "enjing" && !enjingPagi {
			return noPeriod, false
		}
		if p, ok := r.periodAt(i); ok {
			return p, true
		}
		if pr, ok := prayers[r.word(i)]; ok {
			if r.word(i-1) == "sebelum" || r.word(i-1) == "sblm" {
				return prayerBefore[pr], true
			}
			return prayerPeriod[pr], true
		}
		return noPeriod, false
	}
	j := h.at + 1
	for hourFiller[r.word(j)] {
		j++
	}
	if p, ok := isPeriod(j); ok {
		return p
	}
	if p, ok := isPeriod(h.from - 1); ok {
		return p
	}
	ps := append([]period(nil), r.periods...)
	if enjingPagi && len(r.enjing) > 0 {
		ps = append(ps, pagi)
	}
	var only period
	for _, p := range ps {
		if p == noPeriod {
			continue
		}
		if only != noPeriod && only != p {
			return noPeriod
		}
		only = p
	}
	return only
}

func (r *whenReader) result() (When, error) {
	w := When{SuggestHour: -1}
	if r.pendMonth != 0 && !r.pendUsed {
		return w, ruleWhenMonthWithoutDay.Err()
	}
	// enjing: morning when an hour or another day word is typed, else tomorrow.
	otherDay := len(r.days) > 0 || r.wdMode != "" || r.weekNext
	enjingPagi := len(r.hours) > 0 || otherDay
	if len(r.enjing) > 0 {
		if enjingPagi {
			r.periods = append(r.periods, pagi)
		} else {
			r.days = append(r.days, dayCand{date: r.today.AddDate(0, 0, 1)})
		}
	}

	// The hour.
	hour, minute := -1, 0
	unplaced := false
	for _, rh := range r.hours {
		if rh.m < 0 || rh.m > 59 {
			return w, ruleWhenNoSuchTime.Err()
		}
		p := r.periodOf(rh, enjingPagi)
		h, ok := hourIn(rh.h, p)
		if !ok {
			return w, ruleWhenNoSuchTime.Err()
		}
		m := rh.m
		if rh.setengah {
			if h == 0 {
				return w, ruleWhenNoSuchTime.Err()
			}
			h, m = h-1, 30
		}
		if hour >= 0 && (h != hour || m != minute) {
			return w, ruleWhenTwoTimes.Err()
		}
		hour, minute = h, m
		// "jam 3" with no period: nobody meets at 03.00, so it is asked
		// (15.00 offered), never taken either way. "03.00" is a 24-hour
		// clock and is taken as typed.
		unplaced = p == noPeriod && h >= 1 && h <= 5 && !strings.HasPrefix(r.num(rh.at), "0")
	}
	if r.later && len(r.days) == 0 && r.wdMode == "" && !r.weekNext {
		r.days = append(r.days, dayCand{date: r.today}) // "nanti malam", "mengko bengi"
	}

	// The day.
	var day *dayCand
	for i := range r.days {
		if day != nil && !r.days[i].date.Equal(day.date) {
			return w, ruleWhenTwoDays.Err()
		}
		if day == nil {
			day = &r.days[i]
		}
	}
	if r.wdMode != "" {
		mode := r.wdMode
		if mode == "plain" && r.weekNext {
			mode = "next"
		} else if mode == "plain" && r.weekThis {
			mode = "this"
		}
		target := r.wd
		monday := r.today.AddDate(0, 0, -((int(r.today.Weekday()) + 6) % 7))
		var t time.Time
		switch mode {
		case "next":
			t = monday.AddDate(0, 0, 7+(int(target)+6)%7)
		case "this":
			t = monday.AddDate(0, 0, (int(target)+6)%7)
		default:
			ahead := (int(target) - int(r.today.Weekday()) + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			t = r.today.AddDate(0, 0, ahead)
		}
		if r.wdEve {
			t = t.AddDate(0, 0, -1)
		}
		if day != nil {
			check := day.date
			if r.wdEve {
				check = check.AddDate(0, 0, 1)
			}
			if check.Weekday() != target {
				w.Mismatch, w.MismatchWeekday = day.date, target
				return w, ruleWhenNotThatWeekday.Err(dayNameID[target])
			}
		} else {
			day = &dayCand{date: t}
		}
	} else if r.weekNext {
		if day != nil {
			return w, ruleWhenTwoDays.Err()
		}
		day = &dayCand{date: r.today.AddDate(0, 0, 7)}
	}

	if hour == 24 { // "jam 12 malam": the midnight ending the day read
		if day == nil {
			return w, ruleWhenMidnightNeedsDay.Err()
		}
		day = &dayCand{date: day.date.AddDate(0, 0, 1), rolled: day.rolled}
		hour = 0
	}

	switch {
	case unplaced:
		w.Unplaced, w.SuggestHour, w.SuggestMinute = true, hour+12, minute
	case hour >= 0:
		w.HasTime, w.Hour, w.Minute = true, hour, minute
	default:
		switch {
		case r.prayer != "" && !r.prayerBy:
			at := prayerAt[r.prayer]
			w.SuggestHour, w.SuggestMinute = at[0], at[1]
		default:
			for _, p := range r.periods {
				if s, ok := periodSuggest[p]; ok {
					w.SuggestHour = s
					break
				}
			}
		}
	}
	if day != nil {
		w.HasDate, w.Date, w.RolledYear = true, day.date, day.rolled
		w.Confirm = day.rolled || day.date.After(r.today.AddDate(0, 0, 90))
		if w.HasTime {
			w.At = time.Date(day.date.Year(), day.date.Month(), day.date.Day(), hour, minute, 0, 0, r.loc)
		}
	}
	if !w.HasDate && !w.HasTime && w.SuggestHour < 0 {
		return w, ruleWhenNothing.Err()
	}
	return w, nil
}

var dayNameID = map[time.Weekday]string{
	time.Sunday: "Minggu", time.Monday: "Senin", time.Tuesday: "Selasa", time.Wednesday: "Rabu",
	time.Thursday: "Kamis", time.Friday: "Jumat", time.Saturday: "Sabtu",
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleWhenTooLong          = NewRule("when_too_long", EINVALID, "date text too long")
	ruleWhenNoSuchTime       = NewRule("when_no_such_time", EINVALID, "no such time")
	ruleWhenNoSuchDate       = NewRule("when_no_such_date", EINVALID, "no such date")
	ruleWhenTwoDays          = NewRule("when_two_days", EINVALID, "two different days")
	ruleWhenMonthWithoutDay  = NewRule("when_month_without_day", EINVALID, "a month without its day")
	ruleWhenTwoTimes         = NewRule("when_two_times", EINVALID, "two different times")
	ruleWhenNotThatWeekday   = NewRule("when_not_that_weekday", EINVALID, "that date is not a %s")
	ruleWhenMidnightNeedsDay = NewRule("when_midnight_needs_day", EINVALID, "jam 12 malam needs its day")
	ruleWhenNothing          = NewRule("when_nothing", EINVALID, "no date or time")
)
