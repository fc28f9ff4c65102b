package domain_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

var (
	wibZone = time.FixedZone("WIB", 7*3600)
	// Wednesday 2 December 2026, 10:00 WIB.
	whenNow = time.Date(2026, 12, 2, 10, 0, 0, 0, wibZone)
)

// show prints a When as "date time ~suggest flags", with "-" for a part not read.
func show(w domain.When) string {
	d, t, s, f := "-", "-", "-", ""
	if w.HasDate {
		d = w.Date.Format("2006-01-02")
	}
	if w.HasTime {
		t = fmt.Sprintf("%02d:%02d", w.Hour, w.Minute)
	}
	if w.SuggestHour >= 0 {
		s = fmt.Sprintf("%02d:%02d", w.SuggestHour, w.SuggestMinute)
	}
	if w.Confirm {
		f += "C"
	}
	if w.RolledYear {
		f += "R"
	}
	if w.Unplaced {
		f += "U"
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s ~%s %s", d, t, s, f))
}

func TestReadWhen(t *testing.T) {
	tests := []struct{ in, want string }{
		// Day numbers, month names, numeric dates.
		{"tgl 10 jam 9", "2026-12-10 09:00 ~-"},
		{"tanggal 10", "2026-12-10 - ~-"},
		{"tgl. 10", "2026-12-10 - ~-"},
		{"tgl10jam9", "2026-12-10 09:00 ~-"},
		{"tgl 2 jam 14", "2026-12-02 14:00 ~-"},  // today is not past
		{"tgl 1", "2027-01-01 - ~- CR"},          // past this month: next month, December to January
		{"tgl 31 jam 9", "2026-12-31 09:00 ~-"},  // December has a 31st
		{"tgl 5 bulan depan", "2027-01-05 - ~-"}, // said, so no rollover
		{"bulan depan tgl 5 jam 9", "2027-01-05 09:00 ~-"},
		{"desember tgl 24", "2026-12-24 - ~-"},
		{"10 des jam 9 pagi", "2026-12-10 09:00 ~-"},
		{"10 desember 2026 jam 09.00", "2026-12-10 09:00 ~-"},
		{"tanggal 10 bulan desember jam 8", "2026-12-10 08:00 ~-"},
		{"jam 9 pagi tanggal 10", "2026-12-10 09:00 ~-"},
		{"25/12 09.00", "2026-12-25 09:00 ~-"},
		{"25-12-2026 9:00", "2026-12-25 09:00 ~-"},
		{"25.12.26 jam 9", "2026-12-25 09:00 ~-"},
		{"Jumat, 4/12 pkl 13.00", "2026-12-04 13:00 ~-"},
		{"sabtu, 5 des 2026 pukul 08.00", "2026-12-05 08:00 ~-"},
		{"besok 3/12 jam 9", "2026-12-03 09:00 ~-"}, // two ways to say one day
		{"1 januari 2027", "2027-01-01 - ~-"},
		{"5 agt 2027 jam 9", "2027-08-05 09:00 ~- C"},
		{"17 agus jam 8", "2027-08-17 08:00 ~- CR"},
		// Rollover and far ahead.
		{"30/11 09.00", "2027-11-30 09:00 ~- CR"},
		{"10 maret 2027 jam 9", "2027-03-10 09:00 ~- C"},
		{"10 maret jam 9", "2027-03-10 09:00 ~- CR"},
		{"2/3/2027 jam 9", "2027-03-02 09:00 ~-"}, // 90 days ahead: no confirm
		{"3/3/2027 jam 9", "2027-03-03 09:00 ~- C"},
		// Day periods with an hour.
		{"jam 2 siang", "- 14:00 ~-"},
		{"jam 1 siang", "- 13:00 ~-"},
		{"jam 11 siang", "- 11:00 ~-"},
		{"jam 12 siang", "- 12:00 ~-"},
		{"jam 14 siang", "- 14:00 ~-"},
		{"jam 3 sore", "- 15:00 ~-"},
		{"jam 7 malam", "- 19:00 ~-"},
		{"jam 10 malam", "- 22:00 ~-"},
		{"jam 9 pagi", "- 09:00 ~-"},
		{"jam 4 subuh", "- 04:00 ~-"},
		{"besok jam 12 malam", "2026-12-04 00:00 ~-"}, // the midnight ending besok
		{"pagi jam 9 besok", "2026-12-03 09:00 ~-"},
		{"besok 9 pagi", "2026-12-03 09:00 ~-"},
		{"jam 9", "- 09:00 ~-"},
		{"09.30", "- 09:30 ~-"},
		{"jam 0900", "- 09:00 ~-"},
		{"besok jam 9 wib", "2026-12-03 09:00 ~-"},
		{"jam sembilan", "- 09:00 ~-"},
		{"besok jam dua belas siang", "2026-12-03 12:00 ~-"},
		{"jam setengah 8 malam", "- 19:30 ~-"},
		{"besok jam 09.00-12.00", "2026-12-03 09:00 ~-"}, // a range: its start
		{"besok jam 9-12", "2026-12-03 09:00 ~-"},
		{"besok 09.00 s/d 12.00", "2026-12-03 09:00 ~-"},
		{"pagi ini jam 11", "2026-12-02 11:00 ~-"},
		// Relative days.
		{"besok jam 9", "2026-12-03 09:00 ~-"},
		{"bsk jam 9", "2026-12-03 09:00 ~-"},
		{"besuk jam 9", "2026-12-03 09:00 ~-"},
		{"lusa jam 1 siang", "2026-12-04 13:00 ~-"},
		{"hari ini jam 16", "2026-12-02 16:00 ~-"},
		{"nanti malam", "2026-12-02 - ~19:00"},
		{"nanti jam 3 sore", "2026-12-02 15:00 ~-"},
		{"kemarin jam 9", "2026-12-01 09:00 ~-"},
		{"minggu depan jam 9", "2026-12-09 09:00 ~-"},
		{"pekan depan jam 9", "2026-12-09 09:00 ~-"},
		{"rapatnya besok jam 9 pagi ya pak", "2026-12-03 09:00 ~-"},
		{"RAPAT BESOK JAM 7 MALAM!!", "2026-12-03 19:00 ~-"},
		// Weekdays: plain is the next one after today, "depan" is next week's.
		{"kamis", "2026-12-03 - ~-"},
		{"kamis pagi", "2026-12-03 - ~08:00"},
		{"rabu", "2026-12-09 - ~-"}, // said on a Wednesday
		{"minggu jam 8", "2026-12-06 08:00 ~-"},
		{"kamis depan jam 2 siang", "2026-12-10 14:00 ~-"},
		{"kamis minggu depan jam 9", "2026-12-10 09:00 ~-"},
		{"senin depan", "2026-12-07 - ~-"},
		{"hari minggu depan", "2026-12-13 - ~-"},
		{"jam 9 kamis ini", "2026-12-03 09:00 ~-"},
		{"senin ini", "2026-11-30 - ~-"}, // past: the caller refuses it
		{"Jum'at jam 8", "2026-12-04 08:00 ~-"},
		{"ahad jam 8", "2026-12-06 08:00 ~-"},
		{"malam jumat jam 8", "2026-12-03 20:00 ~-"}, // Thursday evening
		{"malam minggu", "2026-12-05 - ~19:00"},
		{"jam 7 malam, kamis", "2026-12-03 19:00 ~-"}, // a comma: not "malam Kamis"
		// Javanese.
		{"senen jam 9", "2026-12-07 09:00 ~-"},
		{"seloso", "2026-12-08 - ~-"},
		{"rebo jam 8", "2026-12-09 08:00 ~-"},
		{"kemis jam 1 awan", "2026-12-03 13:00 ~-"},
		{"jemuwah sonten jam 3", "2026-12-04 15:00 ~-"},
		{"setu bengi jam 7", "2026-12-05 19:00 ~-"},
		{"ngahad jam 9", "2026-12-06 09:00 ~-"},
		{"sesuk jam 9 enjing", "2026-12-03 09:00 ~-"},
		{"sesuk isuk", "2026-12-03 - ~08:00"},
		{"benjing Kemis jam 2 siang", "2026-12-03 14:00 ~-"},
		{"benjing enjing", "2026-12-03 - ~08:00"},
		{"sesuk dalu jam 8", "2026-12-03 20:00 ~-"},
		// Sundanese.
		{"senén jam 9", "2026-12-07 09:00 ~-"},
		{"salasa", "2026-12-08 - ~-"},
		{"jumaah jam 1 beurang", "2026-12-04 13:00 ~-"},
		{"saptu peuting jam 8", "2026-12-05 20:00 ~-"},
		{"isukan jam 9", "2026-12-03 09:00 ~-"},
		{"pageto jam 1 beurang", "2026-12-04 13:00 ~-"},
		{"enjing", "2026-12-03 - ~-"},  // alone: tomorrow
		{"enjing jam 9", "- 09:00 ~-"}, // with an hour: morning, no day read
		{"isukan peuting", "2026-12-03 - ~19:00"},
		// A day without an hour: a suggestion.
		{"besok pagi", "2026-12-03 - ~08:00"},
		{"besok siang", "2026-12-03 - ~13:00"},
		{"besok sore", "2026-12-03 - ~16:00"},
		{"besok malam", "2026-12-03 - ~19:00"},
		{"besok", "2026-12-03 - ~-"},
		{"lusa", "2026-12-04 - ~-"},
		// Prayer times: ask, suggesting.
		{"subuh", "- - ~05:00"},
		{"ba'da isya", "- - ~19:30"},
		{"bada isya besok", "2026-12-03 - ~19:30"},
		{"habis maghrib", "- - ~18:00"},
		{"setelah ashar", "- - ~15:30"},
		{"ba'da dzuhur", "- - ~12:30"},
		{"besok ba’da subuh", "2026-12-03 - ~05:00"},
		{"habis isya jam 8", "- 20:00 ~-"},
		{"sebelum maghrib jam 5", "- 17:00 ~-"},
	}
	for _, tt := range tests {
		w, err := domain.ReadWhen(tt.in, whenNow, wibZone)
		if err != nil {
			t.Errorf("ReadWhen(%q): %v; want %s", tt.in, err, tt.want)
			continue
		}
		if got := show(w); got != tt.want {
			t.Errorf("ReadWhen(%q) = %s; want %s", tt.in, got, tt.want)
		}
		if w.HasDate && w.HasTime {
			want := time.Date(w.Date.Year(), w.Date.Month(), w.Date.Day(), w.Hour, w.Minute, 0, 0, wibZone)
			if !w.At.Equal(want) || w.At.Location() != wibZone {
				t.Errorf("ReadWhen(%q).At = %v; want %v", tt.in, w.At, want)
			}
		}
		if w.HasDate && (w.Date.Hour() != 0 || w.Date.Location() != wibZone) {
			t.Errorf("ReadWhen(%q).Date = %v, not midnight WIB", tt.in, w.Date)
		}
	}

	for _, bad := range []string{
		"", "kapan-kapan", "31/2 09.00", "25/13 9.00", "jam 25", "25/12 jam 9.75", "9.75", "tgl 32", "29/2 jam 9",
		"bulan depan", "desember", "jam 12 malam", "jam 2 malam", "jam 9 sore", "jam 15 pagi", "jam 8 siang",
		"besok lusa", "besok jam 9 jam 10", "Jumat, 5/12", "benjing Jumat jam 9", "2 minggu lagi",
		"minggu ini", "25/12/202 jam 9", "0812-3456-7890", "jam 24",
	} {
		if w, err := domain.ReadWhen(bad, whenNow, wibZone); err == nil {
			t.Errorf("ReadWhen(%q) = %s; want an error", bad, show(w))
		} else if domain.ErrorCodeOf(err) != domain.EINVALID {
			t.Errorf("ReadWhen(%q): %v, not EINVALID", bad, err)
		}
	}
}

// Today, tomorrow, "later" and next week as Javanese (ngoko and krama) and
// Sundanese cadres type them, and the hour typed with no period.
func TestReadWhenJavaneseSundanese(t *testing.T) {
	tests := []struct{ in, want string }{
		// Today.
		{"dino iki", "2026-12-02 - ~-"},
		{"dina iki jam 4 sore", "2026-12-02 16:00 ~-"},
		{"dinten punika", "2026-12-02 - ~-"},
		{"dinten menika jam 8 dalu", "2026-12-02 20:00 ~-"},
		{"dinten niki", "2026-12-02 - ~-"},
		{"poe ieu", "2026-12-02 - ~-"},
		{"poé ieu jam 7 peuting", "2026-12-02 19:00 ~-"},
		{"peuting ieu", "2026-12-02 - ~19:00"},
		{"wengi niki", "2026-12-02 - ~19:00"},
		{"sonten menika jam 4", "2026-12-02 16:00 ~-"},
		// Later today (mengko, mangke, engke), unless another day is typed.
		{"mengko bengi jam 11", "2026-12-02 23:00 ~-"},
		{"mengke dalu", "2026-12-02 - ~19:00"},
		{"mangke sonten jam 4", "2026-12-02 16:00 ~-"},
		{"engke peuting jam 7", "2026-12-02 19:00 ~-"},
		{"nanti kamis jam 9", "2026-12-03 09:00 ~-"},
		{"mengko tgl 10 jam 9", "2026-12-10 09:00 ~-"},
		{"engke isukan jam 8", "2026-12-03 08:00 ~-"},
		// Tomorrow and the day after.
		{"sesuk", "2026-12-03 - ~-"},
		{"benjing", "2026-12-03 - ~-"},
		{"mbenjing jam 9", "2026-12-03 09:00 ~-"},
		{"isukan", "2026-12-03 - ~-"},
		{"lusa", "2026-12-04 - ~-"},
		{"sesuk emben", "2026-12-04 - ~-"},
		{"emben jam 9 isuk", "2026-12-04 09:00 ~-"},
		{"pageto", "2026-12-04 - ~-"},
		// Periods.
		{"isuk jam 8", "- 08:00 ~-"},
		{"enjing jam 9", "- 09:00 ~-"},
		{"sonten", "- - ~16:00"},
		{"wengi", "- - ~19:00"},
		{"jam 7 sonten", "- 19:00 ~-"},
		{"jam 7 wengi", "- 19:00 ~-"},
		{"tgl 10 jam 9", "2026-12-10 09:00 ~-"},
		{"malem jumat", "2026-12-03 - ~19:00"},
		{"malem jemuwah jam 8", "2026-12-03 20:00 ~-"},
		// Next week: ngarep, ngajeng, payun, hareup.
		{"minggu ngarep jam 9", "2026-12-09 09:00 ~-"},
		{"minggu payun", "2026-12-09 - ~-"},
		{"minggu hareup jam 8", "2026-12-09 08:00 ~-"},
		{"kemis ngarep", "2026-12-10 - ~-"},
		{"jumat payun jam 1 beurang", "2026-12-11 13:00 ~-"},
		{"dinten jumat ngajeng", "2026-12-11 - ~-"},
		{"dinten minggu ngajeng", "2026-12-13 - ~-"},
		{"tgl 5 wulan ngarep", "2027-01-05 - ~-"},
		{"sasih ngajeng tgl 5 jam 9", "2027-01-05 09:00 ~-"},
		// An hour with no period: 6 to 23 as typed ("jam 7" is 07.00: the
		// preview before KIRIM says it), 1 to 5 asked with the afternoon
		// offered (nobody meets at 03.00), "03.00" a 24-hour clock.
		{"jam 7", "- 07:00 ~-"},
		{"besok jam 7", "2026-12-03 07:00 ~-"},
		{"jam 3", "- - ~15:00 U"},
		{"besok jam 3", "2026-12-03 - ~15:00 U"},
		{"poe ieu jam 3", "2026-12-02 - ~15:00 U"},
		{"jam 3.30", "- - ~15:30 U"},
		{"jam setengah 4", "- - ~15:30 U"},
		{"jam 1", "- - ~13:00 U"},
		{"03.00", "- 03:00 ~-"},
		{"jam 3 sore", "- 15:00 ~-"},
		{"jam 3 enjing", "- 03:00 ~-"},
		{"jam 4 subuh", "- 04:00 ~-"},
		{"jam 12", "- 12:00 ~-"},
	}
	for _, tt := range tests {
		w, err := domain.ReadWhen(tt.in, whenNow, wibZone)
		if err != nil {
			t.Errorf("ReadWhen(%q): %v; want %s", tt.in, err, tt.want)
			continue
		}
		if got := show(w); got != tt.want {
			t.Errorf("ReadWhen(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"sesuk lusa", "dino iki tgl 10", "poe ieu isukan", "kemis ngarep jumat"} {
		if w, err := domain.ReadWhen(bad, whenNow, wibZone); err == nil {
			t.Errorf("ReadWhen(%q) = %s; want an error", bad, show(w))
		}
	}
}

// The day number of a "tgl" in another month: November has no 31st.
func TestReadWhenShortMonth(t *testing.T) {
	now := time.Date(2026, 11, 2, 10, 0, 0, 0, wibZone)
	if w, err := domain.ReadWhen("tgl 31 jam 9", now, wibZone); err == nil {
		t.Fatalf("tgl 31 in November = %s; want an error", show(w))
	}
	w, err := domain.ReadWhen("tgl 1 jam 9", now, wibZone) // past: 1 December, same year
	if err != nil || show(w) != "2026-12-01 09:00 ~-" {
		t.Fatalf("tgl 1 in November = %s, %v", show(w), err)
	}
}

var (
	digitsRe = regexp.MustCompile(`\d+`)
	// Words that name a day; a text with none and no digit has no day.
	fuzzDayWords = []string{
		"besok", "bsk", "besuk", "esok", "sesuk", "benjing", "enjing", "isukan", "lusa", "pageto", "nanti", "hari ini",
		"kemarin", "kemaren", "depan", "ini", "senin", "senen", "selasa", "seloso", "salasa", "rabu", "rebo", "kamis",
		"kemis", "jum", "jemu", "sabtu", "setu", "saptu", "minggu", "ahad", "ngahad",
		"iki", "ieu", "menika", "punika", "niki", "emben", "ngarep", "ngajeng", "payun", "hareup",
		"mengko", "mangke", "mengke", "engke", "ngke", "ntar", "nnti",
	}
	fuzzNumWords = []string{"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}
)

func FuzzReadWhen(f *testing.F) {
	for _, s := range []string{
		"tgl 10 jam 9", "10 des jam 9 pagi", "25/12 09.00", "25-12-2026 9:00", "25.12.26 jam 9", "Jumat, 4/12 pkl 13.00",
		"jam 2 siang", "besok jam 12 malam", "kamis depan jam 2 siang", "lusa jam 1 siang", "sesuk jam 9 enjing",
		"pageto jam 1 beurang", "ba'da isya", "jam setengah 8 malam", "besok jam 09.00-12.00", "malam jumat jam 8",
		"tgl 5 bulan depan", "30/11 09.00", "jam sembilan", "rapatnya besok jam 9 pagi ya pak", "0812-3456-7890",
		"dinten punika", "poe ieu jam 3", "sesuk emben", "mengko bengi jam 11", "engke peuting jam 7", "kemis ngarep",
		"jam setengah 4", "mangke sonten jam 4",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := domain.ReadWhen(s, whenNow, wibZone)
		if err != nil {
			return
		}
		low := strings.ToLower(s)
		nums := map[int]bool{}
		for _, d := range digitsRe.FindAllString(s, -1) {
			if n, err := strconv.Atoi(d); err == nil {
				nums[n] = true
				if len(d) >= 3 { // "0900": an hour and minutes in one
					h, _ := strconv.Atoi(d[:len(d)-2])
					m, _ := strconv.Atoi(d[len(d)-2:])
					nums[h], nums[m] = true, true
				}
			}
		}
		hasNumWord := false
		for _, nw := range fuzzNumWords {
			hasNumWord = hasNumWord || strings.Contains(low, nw)
		}
		if w.HasTime {
			h := w.Hour
			ok := nums[h] || nums[h-12] || (h == 0 && nums[12]) || hasNumWord
			if strings.Contains(low, "setengah") || strings.Contains(low, "stgh") || strings.Contains(low, "stengah") {
				ok = ok || nums[h+1] || nums[h+1-12] || (h == 23 && nums[12])
			}
			if !ok {
				t.Fatalf("ReadWhen(%q) hour %d not in the text", s, h)
			}
			if h < 0 || h > 23 || w.Minute < 0 || w.Minute > 59 {
				t.Fatalf("ReadWhen(%q) = %02d:%02d", s, h, w.Minute)
			}
			if w.Minute != 0 && !nums[w.Minute] && w.Minute != 30 {
				t.Fatalf("ReadWhen(%q) minute %d not in the text", s, w.Minute)
			}
		}
		hasDayWord := false
		for _, dw := range fuzzDayWords {
			hasDayWord = hasDayWord || strings.Contains(low, dw)
		}
		if w.HasDate && !hasDayWord {
			if len(nums) == 0 {
				t.Fatalf("ReadWhen(%q) read a day from no digit and no day word: %s", s, show(w))
			}
			// "jam 12 malam" moves the day one forward.
			if d := w.Date.Day(); !nums[d] && !(w.HasTime && w.Hour == 0 && nums[w.Date.AddDate(0, 0, -1).Day()]) {
				t.Fatalf("ReadWhen(%q) day %d not in the text: %s", s, d, show(w))
			}
		}
		if w.HasDate && w.HasTime && !w.At.Equal(time.Date(w.Date.Year(), w.Date.Month(), w.Date.Day(), w.Hour, w.Minute, 0, 0, wibZone)) {
			t.Fatalf("ReadWhen(%q): At %v is not Date %v at %02d:%02d", s, w.At, w.Date, w.Hour, w.Minute)
		}
	})
}
