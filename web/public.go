package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

type indexData struct {
	Kecamatan []kecamatanDesa
	Sim       bool
	// Query is the search typed (?q=); Found counts the desa shown for it.
	Query string
	Found int
	// All counts every desa, whatever the search.
	All int
	// Shown counts the desa listed for a search: at most searchLimit of
	// the Found.
	Shown int
}

// searchLimit is how many desa a search lists at most: a short query
// matches hundreds in a province, and the page asks for more letters.
const searchLimit = 50

type kecamatanDesa struct {
	domain.Kecamatan
	Desa []domain.Desa
}

// index lists every desa by kecamatan, with a search (a GET form, no
// JavaScript) that keeps the desa whose name or whose kecamatan's name is
// like what was typed (nameMatch): a whole kecamatan when its name is.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	kec, err := s.Store.ListKecamatan(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The desa list comes from memory: the page is public, and a search
	// reads every name.
	desa, err := s.Store.CachedDesa(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 100 {
		q = q[:100]
	}
	data := indexData{Sim: s.SimEnabled, Query: q, All: len(desa)}
	want := searchKey(q)
	byKec := make(map[string][]domain.Desa, len(kec))
	for _, d := range desa {
		byKec[d.KecamatanKode] = append(byKec[d.KecamatanKode], d.Desa)
	}
	for _, k := range kec {
		kd := kecamatanDesa{Kecamatan: k}
		if want == "" || nameMatch(want, k.Nama) {
			kd.Desa = byKec[k.Kode]
		} else {
			for _, d := range byKec[k.Kode] {
				if nameMatch(want, d.Nama) {
					kd.Desa = append(kd.Desa, d)
				}
			}
			if len(kd.Desa) == 0 {
				continue
			}
		}
		data.Found += len(kd.Desa)
		if want != "" {
			// A search lists searchLimit desa at most; the rest are
			// counted.
			if room := searchLimit - data.Shown; len(kd.Desa) > room {
				kd.Desa = kd.Desa[:max(room, 0)]
			}
			if len(kd.Desa) == 0 {
				continue
			}
			data.Shown += len(kd.Desa)
		}
		data.Kecamatan = append(data.Kecamatan, kd)
	}
	s.render(w, http.StatusOK, "index", page{Title: "Papan Informasi Desa", Data: data})
}

// searchKey is a name as the search compares it: lower case, letters and
// digits only, the old spellings read as today's (oe → u, dj → j, tj → c,
// …), and the words "desa", "kelurahan", "kecamatan" typed with a name left
// out.
func searchKey(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "desa", "kelurahan", "kel", "kecamatan", "kec", "kapanewon", "distrik":
			continue
		}
		b.WriteString(w)
	}
	return oldSpelling.Replace(b.String())
}

var oldSpelling = strings.NewReplacer("oe", "u", "dj", "j", "tj", "c", "sj", "sy", "nj", "ny", "ch", "kh")

// nameMatch tells whether a searched key (searchKey) finds a name: a part
// of it, or, from four letters on, the name or a word of it with a letter
// or two wrong (one up to six letters, two beyond). A number is never
// guessed.
func nameMatch(key, name string) bool {
	n := searchKey(name)
	if key == "" || strings.Contains(n, key) {
		return true
	}
	if utf8.RuneCountInString(key) < 4 || strings.ContainsAny(key, "0123456789") {
		return false
	}
	allowed := 1
	if utf8.RuneCountInString(key) > 6 {
		allowed = 2
	}
	if editDistance(key, n) <= allowed {
		return true
	}
	for _, w := range strings.Fields(name) {
		if wk := searchKey(w); wk != "" && editDistance(key, wk) <= allowed {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// boardData is a desa's board, with its gagasan grouped by stage in the
// order of the program's cycle.
type boardData struct {
	*postgres.Board
	Stages []stageGroup
	// ComplaintCounts in the order of their stages, empty ones left out,
	// with how long they have waited.
	ComplaintCounts []complaintCount
	Map             mapView
	Charts          *boardCharts
	Summary         boardSummary
	Reach           reachView
	// PrintedAt is when the page was made, in the desa's zone, for paper.
	PrintedAt time.Time
	// PageCSS puts the board's numbers and QR code in every printed
	// page's margins.
	PageCSS template.CSS
	// Votes are the desa's closed suara warga, counts only.
	Votes []voteView
	// BAPhotos are the signed berita acara a facilitator let on.
	BAPhotos []postgres.BoardBAPhoto
	// Participation is the desa's cycle (?tahun=), counts and shares only.
	Participation *boardParticipation
}

// boardSummary is the board's first screen: the next meeting, the desa's
// money and its gagasan counted by stage.
type boardSummary struct {
	Next                    *postgres.BoardMeeting
	Budget, Paid, Remaining int64
	GagasanTotal            int
}

// mapView is a desa's social map as the board shows it: counts only, a
// small count as "< 3".
type mapView struct {
	Dusun   []dusunView
	Total   domain.RTMCount
	Counted int
	Min     int
	// Linked gagasan by code: the board's gagasan list names what each answers.
	Answers map[string]string
	// DesaKinds is the desa's map: every dusun's items by kind.
	DesaKinds []desaKind
}

type desaKind struct {
	Kind  domain.MapKind
	Count int
}

type dusunView struct {
	Nama     string
	Kinds    []kindView
	Criteria []criteriaView
	Count    *domain.RTMCount
}

type kindView struct {
	Kind  domain.MapKind
	Items []itemView
}

type itemView struct {
	domain.MapItem
	Answers []postgres.BoardGagasan
}

type criteriaView struct {
	Level domain.PovertyLevel
	Texts []string
}

func buildMapView(m *postgres.DesaMap, min int) mapView {
	v := mapView{Total: m.Count, Counted: m.Counted, Min: min, Answers: map[string]string{}}
	for _, k := range domain.MapKinds {
		if n := len(m.ItemsOf(k)); n > 0 {
			v.DesaKinds = append(v.DesaKinds, desaKind{k, n})
		}
	}
	for _, du := range m.Dusun {
		dv := dusunView{Nama: du.Dusun.Nama, Count: du.Count}
		for _, k := range domain.MapKinds {
			kv := kindView{Kind: k}
			for _, it := range du.Items {
				if it.Kind == k {
					kv.Items = append(kv.Items, itemView{MapItem: it, Answers: m.Answers[it.ID]})
					for _, g := range m.Answers[it.ID] {
						v.Answers[g.Code] = it.Title
					}
				}
			}
			if len(kv.Items) > 0 {
				dv.Kinds = append(dv.Kinds, kv)
			}
		}
		for _, l := range domain.PovertyLevels {
			cv := criteriaView{Level: l}
			for _, c := range du.Criteria {
				if c.Level == l {
					cv.Texts = append(cv.Texts, c.Text)
				}
			}
			if len(cv.Texts) > 0 {
				dv.Criteria = append(dv.Criteria, cv)
			}
		}
		v.Dusun = append(v.Dusun, dv)
	}
	return v
}

type stageGroup struct {
	Status  domain.Status
	Gagasan []gagasanItem
	// N counts every gagasan of the stage; Gagasan is the newest few.
	N int
}

// More tells whether the stage has more than the board lists.
func (g stageGroup) More() bool { return g.N > len(g.Gagasan) }

type complaintCount struct {
	Status domain.ComplaintStatus
	N      int
	// Days is how long the oldest has waited since it was filed, or for
	// finished ones the days they took on average.
	Days int
}

func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	b, err := s.Store.Board(r.Context(), r.PathValue("kode"), s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := s.Store.DesaMapOf(r.Context(), b.Desa.Kode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	data := boardData{Board: b, Map: buildMapView(m, s.minCount()), Reach: newReach(b.Desa.Kode, b.Contact),
		PrintedAt: now.In(location(b.Kecamatan.TimeZone))}
	data.PageCSS = printMargins(b.Desa, data.Reach)
	if data.Charts, err = s.boardCharts(r.Context(), b); err != nil {
		s.fail(w, r, err)
		return
	}
	if data.Participation, err = s.boardParticipation(r, b); err != nil {
		s.fail(w, r, err)
		return
	}
	if data.Votes, err = s.boardVotes(r, b.Desa.Kode); err != nil {
		s.fail(w, r, err)
		return
	}
	if data.BAPhotos, err = s.Store.BoardBAPhotos(r.Context(), b.Desa.Kode, boardBAPhotos); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, st := range domain.Statuses {
		g := stageGroup{Status: st, N: b.StageCounts[st]}
		for _, x := range b.Gagasan {
			if x.Status == st {
				g.Gagasan = append(g.Gagasan, gagasanItem{G: x, TZ: b.Kecamatan.TimeZone, Answers: data.Map.Answers[x.Code]})
			}
		}
		if g.N > 0 {
			data.Stages = append(data.Stages, g)
			data.Summary.GagasanTotal += g.N
		}
	}
	for _, st := range domain.ComplaintStatuses {
		for _, w := range b.ComplaintWaits {
			if w.Status != st || w.N == 0 {
				continue
			}
			c := complaintCount{Status: st, N: w.N, Days: int(now.Sub(w.Oldest).Hours() / 24)}
			if st == domain.ComplaintSelesai {
				c.Days = int(math.Round(w.AvgDays))
			}
			data.ComplaintCounts = append(data.ComplaintCounts, c)
		}
	}
	if len(b.Upcoming) > 0 {
		data.Summary.Next = &b.Upcoming[0]
	}
	for _, k := range b.Kegiatan {
		data.Summary.Budget += k.Budget
		data.Summary.Paid += k.Disbursed()
	}
	data.Summary.Remaining = data.Summary.Budget - data.Summary.Paid
	p := page{Title: "Papan Informasi Desa " + b.Desa.Nama, Data: data, Print: strings.HasSuffix(r.URL.Path, "/cetak")}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "board", p)
}

// printMargins is the @page rule that prints the board's name, its numbers
// and its QR code in the margin of every page (Chromium's page-margin
// boxes): the paper on the wall is often a single page torn off.
func printMargins(d domain.Desa, r reachView) template.CSS {
	var b strings.Builder
	line := "Desa " + d.Nama
	if r.WA != "" {
		line += " · WhatsApp " + r.WA
	}
	if r.SMS != "" {
		line += " · SMS " + r.SMS
	}
	if r.WA != "" || r.SMS != "" {
		line += " · kirim " + startWord
	}
	const font = ";font:9pt system-ui,sans-serif"
	b.WriteString("@media print{@page{@bottom-left{content:" + cssString(line) + font + ";width:155mm}")
	b.WriteString("@bottom-right{content:" + cssString("hal. ") + " counter(page) " + cssString(" dari ") + " counter(pages)" + font + ";width:25mm;text-align:right}")
	if r.QR != "" {
		// A code of 20 mm in a margin of 24 mm: scannable from a
		// phone held close to the wall.
		b.WriteString("margin-top:24mm;@top-right{content:url(" + cssString(r.QR) + ");width:20mm;height:20mm}")
	}
	b.WriteString("}}")
	return template.CSS(b.String())
}

// cssString quotes text as a CSS string: anything but letters, digits and
// a few safe signs is escaped, so no name can end the rule.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune(" .,:-+%/=?&_", r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// gagasanItem is a gagasan in a public list (the part _public.html draws).
type gagasanItem struct {
	G  postgres.BoardGagasan
	TZ string
	// Answers is the mapped problem or potential it answers.
	Answers string
	// ShowStage names the gagasan's stage: in a list of every stage.
	ShowStage bool
}

// gagasanPerPage is the length of a page of a desa's gagasan.
const gagasanPerPage = 20

type publicGagasanList struct {
	Desa     domain.Desa
	Status   domain.Status // "" for every stage
	Items    []gagasanItem
	Total    int
	From, To int
	Page     int
	Pages    int
	Prev     string
	Next     string
}

// publicGagasanList is the full list of a desa's gagasan, of one stage (tahap)
// or all, a page (hal) at a time, newest first.
func (s *Server) publicGagasanList(w http.ResponseWriter, r *http.Request) {
	d, err := s.publicDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	var st domain.Status
	if t := q.Get("tahap"); t != "" {
		if st, err = domain.ParseStatus(t); err != nil || st == domain.StatusDitarik {
			s.refuse(w, "Tahap tidak dikenal. Pilih tahap dari papan informasi.")
			return
		}
	}
	pg := 1
	if h := q.Get("hal"); h != "" {
		if pg, err = strconv.Atoi(h); err != nil || pg < 1 || pg > 100000 {
			s.refuse(w, "Nomor halaman tidak dikenal.")
			return
		}
	}
	gs, total, err := s.Store.PublicGagasan(r.Context(), d.Desa.Kode, st, (pg-1)*gagasanPerPage, gagasanPerPage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := publicGagasanList{Desa: d.Desa, Status: st, Total: total, Page: pg, Pages: max(1, (total+gagasanPerPage-1)/gagasanPerPage)}
	for _, g := range gs {
		data.Items = append(data.Items, gagasanItem{G: g, TZ: d.Kecamatan.TimeZone, ShowStage: st == ""})
	}
	if len(gs) > 0 {
		data.From, data.To = (pg-1)*gagasanPerPage+1, (pg-1)*gagasanPerPage+len(gs)
	}
	link := func(n int) string {
		v := url.Values{}
		if st != "" {
			v.Set("tahap", string(st))
		}
		if n > 1 {
			v.Set("hal", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return "/desa/" + d.Desa.Kode + "/gagasan"
		}
		return "/desa/" + d.Desa.Kode + "/gagasan?" + v.Encode()
	}
	if pg > 1 {
		data.Prev = link(min(pg-1, (total+gagasanPerPage-1)/gagasanPerPage))
	}
	if pg*gagasanPerPage < total {
		data.Next = link(pg + 1)
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "gagasan_publik", page{Title: "Gagasan warga Desa " + d.Desa.Nama, Data: data})
}

type gagasanPageData struct {
	Desa domain.Desa
	TZ   string
	G    *postgres.PublicGagasanPage
	// Next is the coming meeting with the gagasan on its agenda (nil
	// when none is scheduled).
	Next *domain.Meeting
}

// gagasanPage is a gagasan's own page, the link the bot can send.
func (s *Server) gagasanPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.publicDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	g, err := s.Store.PublicGagasanOf(r.Context(), d.Desa.Kode, strings.ToUpper(r.PathValue("code")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next, err := s.Store.NextMeetingOn(r.Context(), d.Desa.Kode, g.Code, s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "gagasan_halaman", page{Title: g.Title + " · Desa " + d.Desa.Nama,
		Data: gagasanPageData{Desa: d.Desa, TZ: d.Kecamatan.TimeZone, G: g, Next: next}})
}

// publicDesa is the desa of a public page's path, with its kecamatan.
func (s *Server) publicDesa(r *http.Request) (*postgres.PublicDesa, error) {
	return s.Store.PublicDesaOf(r.Context(), r.PathValue("kode"))
}

// refuse answers a public page's bad input with a short reason.
func (s *Server) refuse(w http.ResponseWriter, msg string) {
	s.render(w, http.StatusBadRequest, "error", page{Title: "Tidak dapat diproses", Error: msg})
}
