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
	// turnout would tell their number; ShowGender is false while the vote
	// is open or when a gender's group is too small (voteViewOf).
	ShowTurnout bool
	ShowGender  bool
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
// fewer than min ballots in all show no count per gagasan and no turnout,
// and the breakdowns follow splitMin.
func newVoteView(m domain.Meeting, v domain.Vote, r domain.VoteResult, dusun map[int64]string, now time.Time, count func(int) string, min int) voteView {
	return voteViewOf(m, v, r, dusun, now, count, min, min)
}

// voteViewOf is newVoteView with the totals' minimum (min) apart from
// the breakdowns' (splitMin). A breakdown is shown only once the vote
// closed, and only whole: when any group of a split (women, men, those of
// neither; a dusun, those of none) has fewer than splitMin ballots, none
// of its groups is shown, since the totals less the others would give
// the small group's points back.
func voteViewOf(m domain.Meeting, v domain.Vote, r domain.VoteResult, dusun map[int64]string, now time.Time,
	count func(int) string, min, splitMin int) voteView {
	all := count
	if min > 0 && r.All.Ballots < min {
		all = func(int) string { return "–" }
	}
	closed := !v.Open(now)
	vv := voteView{Code: m.Code, Type: m.Type, StartsAt: m.StartsAt, ClosesAt: v.ClosesAt, TZ: m.TZ, Closed: closed,
		Ballots: count(r.All.Ballots), Audience: strconv.Itoa(r.Audience), Turnout: r.Turnout(),
		AudWomen: strconv.Itoa(r.AudienceWomen), AudMen: strconv.Itoa(r.AudienceMen)}
	vv.ShowTurnout = min <= 0 || r.All.Ballots >= min
	vv.ShowGender = closed && wholeSplit(splitMin, r.All.Ballots, r.Women.Ballots, r.Men.Ballots)
	if vv.ShowGender {
		vv.Women, vv.Men = count(r.Women.Ballots), count(r.Men.Ballots)
	}
	for _, it := range r.Order {
		i := it - 1
		row := voteRowView{Rank: r.Rank[i], N: it, Code: r.Items[i].Code, Title: r.Items[i].Title,
			Points: all(r.All.Points[i]), First: all(r.All.First[i])}
		if vv.ShowGender {
			row.WomenPoints, row.MenPoints = count(r.Women.Points[i]), count(r.Men.Points[i])
			row.WomenFirst, row.MenFirst = count(r.Women.First[i]), count(r.Men.First[i])
		}
		vv.Rows = append(vv.Rows, row)
	}
	groups := make([]int, 0, len(r.ByDusun))
	for _, t := range r.ByDusun {
		groups = append(groups, t.Ballots)
	}
	if !closed || !wholeSplit(splitMin, r.All.Ballots, groups...) {
		return vv
	}
	for id, t := range r.ByDusun {
		d := voteDusunView{Nama: dusun[id], Ballots: count(t.Ballots)}
		best := -1
		for i, p := range t.Points {
			if best < 0 || p > t.Points[best] {
				best = i
			}
		}
		if best >= 0 {
			d.Top = r.Items[best].Title
		}
		if d.Nama == "" {
			d.Nama = adminText("vote_dusun_unnamed", map[string]any{"id": id})
		}
		vv.Dusun = append(vv.Dusun, d)
	}
	sort.Slice(vv.Dusun, func(i, j int) bool { return vv.Dusun[i].Nama < vv.Dusun[j].Nama })
	return vv
}

// wholeSplit tells whether a split of total ballots into groups may be
// shown (domain.WholeSplit).
func wholeSplit(min, total int, groups ...int) bool { return domain.WholeSplit(min, total, groups...) }

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
	// Exact counts for the desa's officials, but no breakdown while the
	// vote is open, and none with a group under the board's minimum.
	vv := voteViewOf(*m, *v, *res, names, s.now(), strconv.Itoa, 0, s.minCount())
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
	// The rules are checked before the confirmation: no question about a
	// vote that would be refused (the store checks again as it opens).
	agenda, err := s.Store.MeetingAgenda(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, _, err := s.Store.MeetingVote(r.Context(), m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := domain.CheckVoteOpen(*m, len(agenda), v != nil, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	aud, err := s.Store.MeetingAudience(r.Context(), *m)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.confirmed(w, r, adminText("vote_open_title", nil), adminText("vote_open_question", map[string]any{"code": m.Code, "n": aud}),
		adminText("vote_open_button", nil), "/admin/rapat/"+m.Code) {
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
	done(w, r, "/admin/rapat/"+m.Code+"#suara", adminText("vote_opened", map[string]any{"n": n}))
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
