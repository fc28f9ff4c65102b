package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The MAD page of a MAD_PRIORITAS or MAD_PENETAPAN meeting
// (store/postgres/mad.go): the kecamatan's allocation for the meeting's
// year, the proposals that reach the MAD by desa, the ranking (an order,
// or scores per criterion) with a preview of the cut and the MKP check,
// and on a MAD Penetapan where each unfunded proposal goes and the desa's
// delegates. Who reads it is one rule with its export (madReaders): the
// facilitators who run the MAD and the auditors; a TPU works on one desa
// and the Tim Verifikasi's part ends with its verdict (the result is
// public on the board's kecamatan page).

// delegateRows is how many delegate rows the Penetapan form offers per
// desa (the programme sends three, women among them).
const delegateRows = 3

type madData struct {
	M     *postgres.MADMeeting
	Alloc *domain.Allocation
	// ShareText is the MKP setting as the form shows it ("0,667"),
	// AmountField the allocation's ("" when none).
	ShareText, AmountField string
	Criteria               []domain.MADCriterion
	Desa                   []madCandidates
	// NoBudget lists the proposals without a budget (ranking waits for
	// them).
	NoBudget []postgres.MADCandidate
	// Ranking is the one recorded on this meeting (nil: none yet).
	Ranking *postgres.MADRanking
	// Result is the cut shown: a preview, else the recorded ranking's.
	Result    *madResult
	IsPreview bool
	// Method, Ranks and Scores fill the ranking form.
	Method string
	Ranks  map[string]string
	Scores map[string]map[string]string
	// RankWhy says why no ranking can be recorded now ("": it can).
	RankWhy string
	// Penetapan: the meeting is a MAD Penetapan; PenWhy why its form is
	// not offered now ("": it is); Decided: it was recorded.
	Penetapan bool
	PenWhy    string
	Decided   bool
	// StaleWhy says why the recorded ranking may not be decided as it is
	// ("": it may).
	StaleWhy  string
	Forward   map[string][2]string // code → destination, reason
	Delegates []madDelegates
	// FromPrioritas: the order offered is the MAD Prioritas's.
	FromPrioritas bool
	// ReasonDefault is why an unfunded proposal is not funded when its
	// reason is left empty (in Indonesian here; each sender reads it in
	// their language).
	ReasonDefault string
	Now           string
}

// madCandidates is a desa's proposals at the MAD.
type madCandidates struct {
	Kode, Nama string
	Items      []postgres.MADCandidate
}

// madResult is a cut as the page shows it.
type madResult struct {
	Items      []madRow
	Used, Left int64
	Funded     int
	Unfunded   int
	MKP        []madMKP
	SkipToFit  bool
	Allocation int64
	MKPOff     bool
}

type madRow struct {
	Rank                  int
	Code, Title, DesaNama string
	Budget                int64
	Score                 string
	Funded                bool
	ForwardTo, Reason     string
	Status                domain.Status
}

type madMKP struct {
	domain.DesaMKP
	Nama string
}

// madDelegates is a desa's delegates: the rows of the form, or those
// recorded, with the count of women.
type madDelegates struct {
	Kode, Nama string
	Rows       []domain.Delegate
	Women      int
}

// madFor loads the MAD meeting of the path that the user may see.
func (s *Server) madFor(r *http.Request) (*postgres.MADMeeting, error) {
	m, err := s.meetingFor(r)
	if err != nil {
		return nil, err
	}
	return s.Store.MADMeetingByCode(r.Context(), m.Code)
}

func (s *Server) madPage(w http.ResponseWriter, r *http.Request) {
	var form url.Values
	if ref := refusedOf(r); ref != nil {
		form = ref.Form
	}
	s.madShow(w, r, form, nil)
}

// madShow renders the MAD page; form (nil: none) is what was typed (a
// preview's or a refused form's), preview a cut not recorded.
func (s *Server) madShow(w http.ResponseWriter, r *http.Request, form url.Values, preview *domain.MADResult) {
	ctx := r.Context()
	m, err := s.madFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := madData{M: m, Penetapan: m.Type == domain.MeetingMADPenetapan, ShareText: "0,667", Method: string(domain.MADUrutan),
		Ranks: map[string]string{}, Scores: map[string]map[string]string{}, Forward: map[string][2]string{},
		ReasonDefault: flows.ForwardReasonDefault(flow.LangID)}
	if a, err := s.Store.AllocationOf(ctx, m.KecamatanKode, m.Year); err == nil {
		d.AmountField = strconv.FormatInt(a.Amount, 10)
		d.Alloc, d.ShareText = &a, strings.Replace(strconv.FormatFloat(float64(a.MKPShare)/1000, 'f', 3, 64), ".", ",", 1)
	} else if domain.ErrorCodeOf(err) != domain.EINVALID {
		s.fail(w, r, err)
		return
	}
	if d.Criteria, err = s.Store.MADCriteria(ctx, m.KecamatanKode); err != nil {
		s.fail(w, r, err)
		return
	}
	cands, err := s.Store.MADCandidates(ctx, m.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range cands {
		if n := len(d.Desa); n == 0 || d.Desa[n-1].Kode != c.DesaKode {
			d.Desa = append(d.Desa, madCandidates{Kode: c.DesaKode, Nama: c.DesaNama})
		}
		d.Desa[len(d.Desa)-1].Items = append(d.Desa[len(d.Desa)-1].Items, c)
		if c.Budget == nil {
			d.NoBudget = append(d.NoBudget, c)
		}
	}
	d.Ranking, err = s.Store.MADRankingOf(ctx, m.ID)
	if err != nil && !errorIsNotFound(err) {
		s.fail(w, r, err)
		return
	}
	d.Decided = d.Ranking != nil && d.Ranking.DecidedAt != nil
	if d.Penetapan && d.Ranking != nil && !d.Decided {
		// A ranking made under an allocation, budgets or proposals that
		// have changed since is not offered for the Penetapan.
		if err := s.Store.MADRankingCurrent(ctx, d.Ranking); err != nil {
			if rule, _ := domain.RuleOf(err); rule == nil {
				s.fail(w, r, err)
				return
			}
			d.StaleWhy = refusalText(err)
		}
	}
	names := map[string]string{}
	for _, x := range d.Desa {
		names[x.Kode] = x.Nama
	}
	// What the ranking form starts from: what was typed, else this
	// meeting's ranking, else (a Penetapan) the MAD Prioritas's order.
	source := d.Ranking
	if source == nil && d.Penetapan {
		if p, err := s.Store.LatestMADRanking(ctx, m.KecamatanKode, m.Year, domain.MeetingMADPrioritas); err == nil {
			source, d.FromPrioritas = p, true
		}
	}
	if source != nil {
		d.Method = string(source.Method)
		for _, it := range source.Items {
			d.Ranks[it.Code] = strconv.Itoa(it.Rank)
			d.Scores[it.Code] = map[string]string{}
			for k, v := range it.Scores() {
				d.Scores[it.Code][k] = strconv.Itoa(v)
			}
			names[it.DesaKode] = it.DesaNama
		}
		if d.FromPrioritas {
			d.Method = string(domain.MADUrutan)
		}
	}
	if q := r.URL.Query().Get("cara"); q == string(domain.MADUrutan) || q == string(domain.MADSkor) {
		d.Method = q
	}
	if form != nil {
		if c := form.Get("cara"); c != "" {
			d.Method = c
		}
		for _, c := range cands {
			d.Ranks[c.Code] = form.Get("r_" + c.Code)
			d.Scores[c.Code] = map[string]string{}
			for _, k := range d.Criteria {
				d.Scores[c.Code][k.Key] = form.Get("s_" + c.Code + "_" + k.Key)
			}
		}
	}
	switch {
	case preview != nil:
		d.Result, d.IsPreview = resultOf(*preview, names, d.Alloc), true
	case d.Ranking != nil:
		d.Result = recordedResult(d.Ranking)
	}
	d.RankWhy = s.madRankWhy(m, d)
	d.PenWhy = s.madPenWhy(m, d)
	d.Delegates = delegatesOf(d, names, form)
	if d.Ranking != nil {
		for _, it := range d.Ranking.Items {
			if !it.Funded {
				f := [2]string{domain.DefaultForwardTo, ""}
				if form != nil {
					f = [2]string{form.Get("ke_" + it.Code), form.Get("alasan_" + it.Code)}
				}
				d.Forward[it.Code] = f
			}
		}
	}
	s.render(w, http.StatusOK, "admin_mad", s.adminPage(r, "MAD "+m.Code, d))
}

func errorIsNotFound(err error) bool { return domain.ErrorCodeOf(err) == domain.ENOTFOUND }

// madRankWhy says why no ranking may be recorded now ("": it may).
func (s *Server) madRankWhy(m *postgres.MADMeeting, d madData) string {
	switch {
	case d.Decided:
		return refusalText(ruleMADDecidedView.Err(m.Code))
	case d.Alloc == nil:
		return refusalText(ruleMADAllocFirst.Err(m.Year))
	case len(d.Desa) == 0:
		return refusalText(ruleMADNoCandidates.Err())
	case len(d.NoBudget) > 0:
		return refusalText(ruleMADBudgetsFirst.Err(len(d.NoBudget)))
	case m.Status == domain.MeetingCanceled:
		return refusalText(ruleMADCanceledView.Err(m.Code))
	}
	return whyNot(domain.CheckOutcomeTime(m.Code, m.StartsAt, s.now()))
}

// madPenWhy says why the Penetapan form is not offered ("": it is).
func (s *Server) madPenWhy(m *postgres.MADMeeting, d madData) string {
	switch {
	case !d.Penetapan || d.Decided:
		return ""
	case d.Ranking == nil:
		return refusalText(ruleMADRankFirst.Err())
	case d.StaleWhy != "":
		return d.StaleWhy
	}
	return whyNot(domain.CheckOutcomeTime(m.Code, m.StartsAt, s.now()))
}

// resultOf is a preview's cut as the page shows it.
func resultOf(res domain.MADResult, names map[string]string, a *domain.Allocation) *madResult {
	out := &madResult{Used: res.Used, Left: res.Left, Funded: res.Funded, Unfunded: res.Unfunded}
	if a != nil {
		out.SkipToFit, out.Allocation, out.MKPOff = a.SkipToFit, a.Amount, a.MKPShare == 0
	}
	for _, it := range res.Items {
		row := madRow{Rank: it.Rank, Code: it.Code, Title: it.Title, DesaNama: names[it.DesaKode], Budget: it.Budget, Funded: it.Funded}
		if it.Scores != nil {
			row.Score = scoreText(float64(it.Points) / 100)
		}
		out.Items = append(out.Items, row)
	}
	for _, x := range res.MKP {
		out.MKP = append(out.MKP, madMKP{DesaMKP: x, Nama: names[x.DesaKode]})
	}
	return out
}

// recordedResult is a recorded ranking as the page shows it, with the MKP
// check made again from its items.
func recordedResult(rk *postgres.MADRanking) *madResult {
	out := &madResult{SkipToFit: rk.SkipToFit, Allocation: rk.Allocation, MKPOff: rk.MKPShare == 0}
	names := map[string]string{}
	var items []domain.MADItem
	for _, it := range rk.Items {
		row := madRow{Rank: it.Rank, Code: it.Code, Title: it.Title, DesaNama: it.DesaNama, Budget: it.Budget, Funded: it.Funded,
			ForwardTo: it.ForwardTo, Reason: it.ForwardReason, Status: it.Status}
		if it.Score != nil {
			row.Score = scoreText(*it.Score)
		}
		if it.Funded {
			out.Used += it.Budget
			out.Funded++
		} else {
			out.Unfunded++
		}
		out.Items = append(out.Items, row)
		names[it.DesaKode] = it.DesaNama
		items = append(items, domain.MADItem{DesaKode: it.DesaKode, FromMKP: it.FromMKP})
	}
	out.Left = rk.Allocation - out.Used
	for _, x := range domain.CheckMKP(items, rk.MKPShare) {
		out.MKP = append(out.MKP, madMKP{DesaMKP: x, Nama: names[x.DesaKode]})
	}
	return out
}

func scoreText(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1)
}

// delegatesOf is the delegates part of the page: those recorded, else the
// form's rows for each desa with proposals in the ranking.
func delegatesOf(d madData, names map[string]string, form url.Values) []madDelegates {
	var out []madDelegates
	if d.Decided {
		for _, x := range d.Ranking.Delegates {
			if n := len(out); n == 0 || out[n-1].Kode != x.DesaKode {
				out = append(out, madDelegates{Kode: x.DesaKode, Nama: names[x.DesaKode]})
			}
			last := &out[len(out)-1]
			last.Rows = append(last.Rows, x)
			if x.Gender == domain.GenderFemale {
				last.Women++
			}
		}
		return out
	}
	if d.Ranking == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, it := range d.Ranking.Items {
		if seen[it.DesaKode] {
			continue
		}
		seen[it.DesaKode] = true
		md := madDelegates{Kode: it.DesaKode, Nama: it.DesaNama}
		for i := 1; i <= delegateRows; i++ {
			md.Rows = append(md.Rows, domain.Delegate{DesaKode: it.DesaKode, Name: form.Get(delegateField(it.DesaKode, i, "nama")),
				Gender: domain.Gender(form.Get(delegateField(it.DesaKode, i, "jk"))), Position: form.Get(delegateField(it.DesaKode, i, "jabatan"))})
		}
		out = append(out, md)
	}
	return out
}

func delegateField(desa string, i int, what string) string {
	return "u_" + desa + "_" + strconv.Itoa(i) + "_" + what
}

// madAllocation sets the kecamatan's allocation for the meeting's year.
func (s *Server) madAllocation(w http.ResponseWriter, r *http.Request) {
	m, err := s.madFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	amount, err := domain.ParseRupiah(r.PostFormValue("jumlah"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	share, ok := postgres.ShareMilli(r.PostFormValue("mkp"))
	if !ok {
		s.fail(w, r, ruleMADShareForm.Err())
		return
	}
	a := domain.Allocation{KecamatanKode: m.KecamatanKode, Year: m.Year, Amount: amount, SkipToFit: r.PostFormValue("potong") != "berhenti", MKPShare: share}
	if err := s.Store.SetAllocation(r.Context(), a, "web "+userOf(r).Username); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/rapat/"+m.Code+"/mad", adminText("mad_allocation_set", map[string]any{"year": m.Year, "amount": domain.FormatRupiah(amount)}))
}

// madCriteria replaces the kecamatan's criteria: each row's key, name and
// weight; a row without a name is left out.
func (s *Server) madCriteria(w http.ResponseWriter, r *http.Request) {
	m, err := s.madFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var cs []domain.MADCriterion
	for i := 1; i <= domain.MaxCriteria; i++ {
		n := strconv.Itoa(i)
		label := strings.TrimSpace(r.PostFormValue("l_" + n))
		if label == "" {
			continue
		}
		weight, err := formInt(r, "w_"+n)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		cs = append(cs, domain.MADCriterion{Key: strings.TrimSpace(r.PostFormValue("k_" + n)), Label: label, Weight: weight})
	}
	if err := s.Store.SetMADCriteria(r.Context(), m.KecamatanKode, cs); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/rapat/"+m.Code+"/mad", adminText("mad_criteria_set", nil))
}

// madRank previews (aksi=pratinjau) or records the ranking typed.
func (s *Server) madRank(w http.ResponseWriter, r *http.Request) {
	m, err := s.madFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in := postgres.RankingInput{MeetingCode: m.Code, Method: domain.MADMethod(r.PostFormValue("cara")), By: "web " + userOf(r).Username,
		Now: s.now(), Notice: flows.StatusChangedText, Ranks: map[string]int{}, Scores: map[string]map[string]int{}}
	cands, err := s.Store.MADCandidates(r.Context(), m.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cs, err := s.Store.MADCriteria(r.Context(), m.KecamatanKode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range cands {
		switch in.Method {
		case domain.MADUrutan:
			n, err := formInt(r, "r_"+c.Code)
			if err != nil {
				s.fail(w, r, ruleMADRankNumber.Err(c.Code))
				return
			}
			in.Ranks[c.Code] = n
		case domain.MADSkor:
			sc := map[string]int{}
			for _, k := range cs {
				n, err := formInt(r, "s_"+c.Code+"_"+k.Key)
				if err != nil {
					s.fail(w, r, ruleMADScoreNumber.Err(c.Code, k.Label))
					return
				}
				sc[k.Key] = n
			}
			in.Scores[c.Code] = sc
		}
	}
	if r.PostFormValue("aksi") == "pratinjau" {
		res, err := s.Store.PreviewRanking(r.Context(), in)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.madShow(w, r, r.PostForm, &res)
		return
	}
	res, err := s.Store.RecordRanking(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/rapat/"+m.Code+"/mad", adminText("mad_ranked", map[string]any{"funded": res.Funded, "n": len(res.Items)}))
}

// madPenetapan records the MAD Penetapan after a confirmation: where each
// unfunded proposal goes and why, and the desa's delegates (rows without a
// name are left out).
func (s *Server) madPenetapan(w http.ResponseWriter, r *http.Request) {
	m, err := s.madFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rk, err := s.Store.MADRankingOf(r.Context(), m.ID)
	if errorIsNotFound(err) {
		err = ruleMADRankFirst.Err()
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := postgres.Penetapan{MeetingCode: m.Code, Forwards: map[string]domain.Forward{}, By: "web " + userOf(r).Username, Now: s.now(),
		Notice: flows.StatusChangedText, DefaultReason: flows.ForwardReasonDefault, Post: func(d domain.MADDesaResult) postgres.Texts {
			return flows.MADResultTexts(d, s.publicURL(r)+"/kecamatan/"+d.KecamatanKode)
		}}
	funded, desa := 0, map[string]bool{}
	for _, it := range rk.Items {
		if it.Funded {
			funded++
		} else {
			p.Forwards[it.Code] = domain.Forward{To: r.PostFormValue("ke_" + it.Code), Reason: r.PostFormValue("alasan_" + it.Code)}
		}
		if desa[it.DesaKode] {
			continue
		}
		desa[it.DesaKode] = true
		for i := 1; i <= delegateRows; i++ {
			name := strings.TrimSpace(r.PostFormValue(delegateField(it.DesaKode, i, "nama")))
			if name == "" {
				continue
			}
			p.Delegates = append(p.Delegates, domain.Delegate{DesaKode: it.DesaKode, Name: name,
				Gender: domain.Gender(r.PostFormValue(delegateField(it.DesaKode, i, "jk"))), Position: r.PostFormValue(delegateField(it.DesaKode, i, "jabatan"))})
		}
	}
	// Check before asking: a refused form is shown again as typed.
	for _, d := range p.Delegates {
		if err := d.Validate(); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	for code, f := range p.Forwards {
		if f.To == "" {
			f.To = domain.DefaultForwardTo
		}
		if strings.TrimSpace(f.Reason) == "" {
			f.Reason = p.DefaultReason(flow.LangID)
		}
		if err := f.Validate(code); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	q := adminText("mad_penetapan_question", map[string]any{"code": m.Code, "funded": funded, "forwarded": len(rk.Items) - funded})
	if !s.confirmed(w, r, adminText("mad_penetapan_title", nil), q, adminText("mad_penetapan_button", nil), "/admin/rapat/"+m.Code+"/mad") {
		return
	}
	res, err := s.Store.RecordPenetapan(r.Context(), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wake()
	done(w, r, "/admin/rapat/"+m.Code+"/mad", adminText("mad_decided", map[string]any{"funded": res.Funded, "forwarded": res.Forwarded, "told": res.Notified, "posted": res.Posted}))
}

// publicURL is where residents reach this service, without a trailing
// slash: PUBLIC_URL, else the address of request r.
func (s *Server) publicURL(r *http.Request) string {
	if s.PublicURL != "" {
		return strings.TrimRight(s.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// Rules this file refuses with, or explains by (their Indonesian texts:
// web/catalog/id.toml).
var (
	ruleMADDecidedView  = domain.NewRule("mad_decided_view", domain.ECONFLICT, "the MAD Penetapan of %s was recorded")
	ruleMADAllocFirst   = domain.NewRule("mad_alloc_first", domain.EINVALID, "set the kecamatan's allocation for %d first")
	ruleMADNoCandidates = domain.NewRule("mad_no_candidates", domain.EINVALID, "no proposal found LAYAK by the Tim Verifikasi")
	ruleMADBudgetsFirst = domain.NewRule("mad_budgets_first", domain.EINVALID, "%d proposals have no budget yet")
	ruleMADCanceledView = domain.NewRule("mad_canceled_view", domain.EINVALID, "meeting %s was cancelled")
	ruleMADRankFirst    = domain.NewRule("mad_rank_first", domain.EINVALID, "record the ranking first")
	ruleMADShareForm    = domain.NewRule("mad_share_form", domain.EINVALID, "the MKP share is a number from 0 to 1")
	ruleMADRankNumber   = domain.NewRule("mad_rank_number", domain.EINVALID, "the rank of %s is a whole number")
	ruleMADScoreNumber  = domain.NewRule("mad_score_number", domain.EINVALID, "the score of %s for %s is a whole number 0 to 100")
)
