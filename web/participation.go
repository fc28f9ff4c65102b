package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Participation counted (issue 19 §4): a cycle's figures of a desa on its
// board, and of each desa (or each kecamatan) on the admin home
// (postgres.ParticipationIn; README, "Participation figures").

// participationView is one place's figures as a page shows them: counts
// as text, so that the board shows small ones as "< 3", and shares in
// percent, "" where the board hides one (shareText).
type participationView struct {
	Kode, Nama                                          string
	Residents, ResidentsWomen, ResidentsWomenPct        string
	Gagasan, GagasanWomen, GagasanMKP, GagasanMap       string
	Meetings, Attended, AttendedWomen, AttendedWomenPct string
	Votes                                               string
	Audience, Ballots, Turnout                          string
	AudienceWomen, BallotsWomen, TurnoutWomen           string
	AudienceMen, BallotsMen, TurnoutMen                 string
	Complaints, ComplaintsDue, ComplaintsAnswered       string
	AnsweredPct                                         string
	// Any is false when nothing at all was counted.
	Any bool
}

// newParticipationView shows p: count renders each count (as is on the
// admin site, domain.PublicCount on the board), and min > 0 hides a part
// whose rest is a small count, and every share whose part or rest is one
// (the board): "Warga terdaftar: 10, perempuan 8" would give the two men
// back as surely as a share would (partText).
func newParticipationView(p domain.Participation, count func(int) string, min int) participationView {
	part := func(n int, wholes ...int) string { return partText(count, min, n, wholes...) }
	return participationView{Kode: p.Kode, Nama: p.Nama,
		Residents: count(p.Residents), ResidentsWomen: part(p.ResidentsWomen, p.Residents),
		ResidentsWomenPct: shareText(min, p.ResidentsWomen, p.Residents),
		Gagasan:           count(p.Gagasan), GagasanWomen: count(p.GagasanWomen), GagasanMKP: count(p.GagasanMKP),
		GagasanMap: count(p.GagasanMap),
		Meetings:   strconv.Itoa(p.Meetings), Attended: count(p.Attended), AttendedWomen: part(p.AttendedWomen, p.Attended),
		AttendedWomenPct: shareText(min, p.AttendedWomen, p.Attended),
		Votes:            strconv.Itoa(p.Votes),
		Audience:         count(p.VoteAudience), Ballots: part(p.Ballots, p.VoteAudience), Turnout: shareText(min, p.Ballots, p.VoteAudience),
		AudienceWomen: part(p.VoteAudienceWomen, p.VoteAudience), BallotsWomen: part(p.BallotsWomen, p.VoteAudienceWomen, p.Ballots),
		TurnoutWomen: shareText(min, p.BallotsWomen, p.VoteAudienceWomen),
		AudienceMen:  part(p.VoteAudienceMen, p.VoteAudience), BallotsMen: part(p.BallotsMen, p.VoteAudienceMen, p.Ballots),
		TurnoutMen: shareText(min, p.BallotsMen, p.VoteAudienceMen),
		Complaints: count(p.Complaints), ComplaintsDue: count(p.ComplaintsDue), ComplaintsAnswered: part(p.ComplaintsAnswered, p.ComplaintsDue),
		AnsweredPct: shareText(min, p.ComplaintsAnswered, p.ComplaintsDue),
		Any:         p.Residents+p.Gagasan+p.Meetings+p.Votes+p.Complaints > 0,
	}
}

// partText is a part of one or more wholes as a page shows it: count(part),
// or "" — not said — when (min > 0) the rest of a whole is a small count
// and the part is not (a small part is count's "< 3" already): the part
// and the whole would give the rest back.
func partText(count func(int) string, min, part int, wholes ...int) string {
	if min > 0 && (part <= 0 || part >= min) {
		for _, w := range wholes {
			if !wholeSplit(min, w, part) {
				return ""
			}
		}
	}
	return count(part)
}

// shareText is part of whole in percent ("54%"); "" when there is no
// whole, or (min > 0) when the part or the rest is a small count, which
// the share and the whole would give back (wholeSplit).
func shareText(min, part, whole int) string {
	if whole <= 0 || !wholeSplit(min, whole, part) {
		return ""
	}
	return strconv.Itoa(domain.Percent(part, whole)) + "%"
}

// shareIn is a share in brackets after a count (" (54%)"), or nothing.
func shareIn(pct string) string {
	if pct == "" {
		return ""
	}
	return " (" + pct + ")"
}

// womenShareChart draws the women's share of each figure that has one
// (residents, gagasan, attendance, ballots), each bar out of 100%; a
// share the board hides has no bar, only its words.
func womenShareChart(id string, year int, p domain.Participation, count func(int) string, min int) chart {
	c := chart{ID: id, Title: "Bagian perempuan, tahun " + strconv.Itoa(year), Legend: [2]string{"Seluruhnya", "Perempuan"}, Max: 100}
	for _, f := range []struct {
		label       string
		part, whole int
		noun        string
	}{
		{"Warga terdaftar", p.ResidentsWomen, p.Residents, "warga"},
		{"Gagasan", p.GagasanWomen, p.Gagasan, "gagasan"},
		{"Kehadiran rapat", p.AttendedWomen, p.Attended, "hadir"},
		{"Pemberi suara warga", p.BallotsWomen, p.Ballots, "suara"},
	} {
		if f.whole == 0 {
			continue
		}
		r := chartRow{Label: f.label, Whole: 100, Text: count(f.whole) + " " + f.noun}
		if part := partText(count, min, f.part, f.whole); part != "" {
			r.Text = "perempuan " + part + " dari " + r.Text
		}
		if pct := shareText(min, f.part, f.whole); pct != "" {
			r.Part = int64(domain.Percent(f.part, f.whole))
			r.Text += shareIn(pct)
		}
		c.Rows = append(c.Rows, r)
	}
	return c
}

// cycleYear is the cycle a page shows: ?tahun= when it is a year from
// 2000 to next year, else this year in the zone tz.
func cycleYear(r *http.Request, now time.Time, tz string) int {
	this := now.In(location(tz)).Year()
	if y, err := strconv.Atoi(r.URL.Query().Get("tahun")); err == nil && y >= 2000 && y <= this+1 {
		return y
	}
	return this
}

// boardParticipation is the desa's participation block on its board.
type boardParticipation struct {
	Year, ThisYear int
	P              participationView
	Chart          chart
}

func (s *Server) boardParticipation(r *http.Request, b *postgres.Board) (*boardParticipation, error) {
	now := s.now()
	year := cycleYear(r, now, b.Kecamatan.TimeZone)
	rep, err := s.Store.ParticipationIn(r.Context(), b.Desa.Kode, year, now)
	if err != nil {
		return nil, err
	}
	min := s.minCount()
	count := func(n int) string { return domain.PublicCount(n, min) }
	bp := &boardParticipation{Year: year, ThisYear: now.In(location(b.Kecamatan.TimeZone)).Year(),
		P: newParticipationView(rep.Total, count, min), Chart: womenShareChart("grafik-perempuan", year, rep.Total, count, min)}
	return bp, nil
}

// homeParticipation is the participation table of the admin home: a row
// per desa (a kecamatan's scope) or per kecamatan (a kabupaten's), and
// the total.
type homeParticipation struct {
	Year      int
	Years     []int
	ByKec     bool
	Rows      []participationView
	Total     participationView
	Chart     chart
	Attending chart
}

func (s *Server) homeParticipation(r *http.Request, scope string) (*homeParticipation, error) {
	now := s.now()
	tz := userOf(r).TZ
	year := cycleYear(r, now, tz)
	rep, err := s.Store.ParticipationIn(r.Context(), scope, year, now)
	if err != nil {
		return nil, err
	}
	this := now.In(location(tz)).Year()
	hp := &homeParticipation{Year: year, Years: []int{this, this - 1, this - 2}, ByKec: strings.Count(scope, ".") < 2,
		Total: newParticipationView(rep.Total, strconv.Itoa, 0), Chart: womenShareChart("grafik-perempuan", year, rep.Total, strconv.Itoa, 0)}
	hp.Attending = chart{ID: "grafik-hadir-desa", Title: "Kehadiran rapat dan perempuan di antaranya, tahun " + strconv.Itoa(year),
		Legend: [2]string{"Hadir", "Perempuan"}}
	for _, p := range rep.Rows {
		hp.Rows = append(hp.Rows, newParticipationView(p, strconv.Itoa, 0))
		if p.Attended > 0 {
			hp.Attending.Rows = append(hp.Attending.Rows, chartRow{Label: p.Nama, Whole: int64(p.Attended), Part: int64(p.AttendedWomen),
				Text: strconv.Itoa(p.Attended) + " hadir dalam " + strconv.Itoa(p.Meetings) + " rapat, " + strconv.Itoa(p.AttendedWomen) +
					" perempuan (" + strconv.Itoa(p.AttendedWomenPercent()) + "%)"})
		}
	}
	return hp, nil
}
