package web

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/suara"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Suara warga on the admin meeting page (the count so far, or the kept
// one; a button to open it) and on the public board once closed (counts
// only, small ones as "< 3"). The vote informs the musyawarah; it does
// not decide, and both pages say so.

// voteView is a vote's count as a page shows it; counts are text so that
// the board can show small ones as "< 3".
type voteView struct {
	Code       string
	Type       domain.MeetingType
	StartsAt   time.Time
	ClosesAt   time.Time
	TZ         string
	Closed     bool
	Ballots    string
	Audience   string
	Turnout    int
	Women, Men string
	AudWomen   string
	AudMen     string
	Rows       []voteRowView
	Dusun      []voteDusunView
	// ShowTurnout is false on the board when so few voted that the
	// turnout would tell their number.
	ShowTurnout bool
}

type voteRowView struct {
	Rank, N                int
	Code, Title            string
	Points, First          string
	WomenPoints, MenPoints string
	WomenFirst, MenFirst   string
}

type voteDusunView struct {
	Nama, Ballots string
	Top           string // the title with the most points there
}

// newVoteView shows a count; count renders each number (as is on the
// admin site, domain.PublicCount on the board). With min > 0 (the board),
// a group of fewer than min ballots (all of them, the women's, the men's,
// a dusun's) shows no count per gagasan and no turnout: its points would
// tell how one or two residents chose.
func newVoteView(m domain.Meeting, v domain.Vote, r domain.VoteResult, dusun map[int64]string, now time.Time, count func(int) string, min int) voteView {
	of := func(t domain.Tally) func(int) string {
		if min > 0 && t.Ballots < min {
			return func(int) string { return "–" }
		}
		return count
	}
	all, women, men := of(r.All), of(r.Women), of(r.Men)
	vv := voteView{Code: m.Code, Type: m.Type, StartsAt: m.StartsAt, ClosesAt: v.ClosesAt, TZ: m.TZ, Closed: !v.Open(now),
		Ballots: count(r.All.Ballots), Audience: strconv.Itoa(r.Audience), Turnout: r.Turnout(),
		Women: count(r.Women.Ballots), Men: count(r.Men.Ballots), AudWomen: strconv.Itoa(r.AudienceWomen), AudMen: strconv.Itoa(r.AudienceMen)}
	vv.ShowTurnout = min <= 0 || r.All.Ballots >= min
	for _, it := range r.Order {
		i := it - 1
		vv.Rows = append(vv.Rows, voteRowView{Rank: r.Rank[i], N: it, Code: r.Items[i].Code, Title: r.Items[i].Title,
			Points: all(r.All.Points[i]), First: all(r.All.First[i]),
			WomenPoints: women(r.Women.Points[i]), MenPoints: men(r.Men.Points[i]),
			WomenFirst: women(r.Women.First[i]), MenFirst: men(r.Men.First[i])})
	}
	for id, t := range r.ByDusun {
		d := voteDusunView{Nama: dusun[id], Ballots: count(t.Ballots)}
		best := -1
		for i, p := range t.Points {
			if best < 0 || p > t.Points[best] {
				best = i
			}
		}
		if best >= 0 && (min <= 0 || t.Ballots >= min) {
			d.Top = r.Items[best].Title
		}
		if d.Nama == "" {
			d.Nama = "(dusun " + strconv.FormatInt(id, 10) + ")"
		}
		vv.Dusun = append(vv.Dusun, d)
	}
	sort.Slice(vv.Dusun, func(i, j int) bool { return vv.Dusun[i].Nama < vv.Dusun[j].Nama })
	return vv
}

// adminVote loads a meeting's vote for its admin page: the view (nil when
// none) and why it cannot be opened now ("" when it can).
func (s *Server) adminVote(r *http.Request, m *domain.Meeting, agenda int) (*voteView, string, error) {
	v, res, err := s.Store.MeetingVote(r.Context(), m.ID)
	if err != nil {
		return nil, "", err
	}
	why := whyNot(domain.CheckVoteOpen(*m, agenda, v != nil, s.now()))
	if v == nil || res == nil {
		return nil, why, nil
	}
	names, err := s.Store.DusunNames(r.Context(), m.DesaKode)
	if err != nil {
		return nil, "", err
	}
	vv := newVoteView(*m, *v, *res, names, s.now(), strconv.Itoa, 0)
	return &vv, why, nil
}

// meetingVoteOpen opens a meeting's suara warga from the admin site,
// after a confirmation page: the ballot goes to the whole audience.
func (s *Server) meetingVoteOpen(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.confirmed(w, r, "Buka suara warga?", "Kirim daftar gagasan rapat "+m.Code+" ke setiap warga yang diundang, "+
		"untuk diurutkan sampai 3 pilihan. Suara ditutup saat rapat mulai; hasilnya bahan musyawarah, bukan keputusan.",
		"Ya, kirim suara warga", "/admin/rapat/"+m.Code) {
		return
	}
	n, err := s.Store.OpenVoteByCode(r.Context(), m.Code, s.now(),
		func(m *domain.Meeting, items []domain.VoteItem, closes time.Time) postgres.Texts {
			texts := postgres.Texts{}
			for _, l := range flow.Langs {
				texts[l] = suara.BallotText(l, m, items, closes)
			}
			return texts
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/rapat/"+m.Code+"#suara", "Suara warga dikirim ke "+strconv.Itoa(n)+" warga.")
}

// boardVotes are a desa's closed votes as the board shows them.
func (s *Server) boardVotes(r *http.Request, desaKode string) ([]voteView, error) {
	closed, err := s.Store.ClosedVotes(r.Context(), desaKode, 3)
	if err != nil {
		return nil, err
	}
	min := s.minCount()
	count := func(n int) string { return domain.PublicCount(n, min) }
	out := make([]voteView, len(closed))
	for i, c := range closed {
		out[i] = newVoteView(c.Meeting, c.Vote, c.Result, c.Dusun, s.now(), count, min)
	}
	return out, nil
}
