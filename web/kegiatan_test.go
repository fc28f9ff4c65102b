package web_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

const kegiatanPath = "/desa/34.04.11.2002/kegiatan/K-KEJAM3"

// addReport stores a report on the demo kegiatan as the holder of phone
// would by chat.
func addReport(t *testing.T, s *site, phone string, r domain.ProgressReport) {
	t.Helper()
	ctx := context.Background()
	ph, err := domain.ParsePhone(phone)
	if err != nil {
		t.Fatal(err)
	}
	turn, err := s.st.BeginTurn(ctx, ph)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	k, err := turn.Kegiatan(ctx, "K-KEJAM3")
	if err != nil {
		t.Fatal(err)
	}
	r.KegiatanID = k.ID
	if err := turn.CreateReport(ctx, r, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// demoTPK is the demo kegiatan's TPK member.
const demoTPK = "+6281100000002"

// reportWithPin adds a second report to the demo kegiatan, as its TPK
// member would by chat: 60%, a pin, workers, and a note that names a
// resident (which the public page must not show).
func reportWithPin(t *testing.T, s *site) {
	lat, lng, workers, women, days := -7.7312, 110.4471, 12, 4, 60
	addReport(t, s, demoTPK, domain.ProgressReport{Percent: 60, Note: "Pak Rahmat Hidayat mengawasi pengecoran",
		Lat: &lat, Lng: &lng, Workers: &workers, Women: &women, PersonDays: &days})
}

// noResidentIn fails when a page shows a demo resident's name or number,
// or one of the extra texts.
func noResidentIn(t *testing.T, path, body string, extra ...string) {
	t.Helper()
	for _, pd := range append(personalData(), extra...) {
		if strings.Contains(body, pd) {
			t.Errorf("%s shows %q", path, pd)
		}
	}
	// First names alone, as words ("Agus" is not "Agustus").
	for _, p := range demo().People {
		first, _, _ := strings.Cut(p.Name, " ")
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(first) + `\b`).MatchString(body) {
			t.Errorf("%s names %q", path, first)
		}
	}
}

// A kegiatan's own public page: its money, the work done next to the
// money paid in words, where it is, its tranches with their dates, its
// reports over time with their photos and workers, the accountability
// meeting — and no one's name or number.
func TestKegiatanPage(t *testing.T) {
	s := newSite(t)
	reportWithPin(t, s)
	c := s.client(t)
	req, _ := http.NewRequest("GET", s.srv.URL+kegiatanPath, nil)
	code, body, h := c.do(req)
	if code != 200 {
		t.Fatalf("kegiatan page %d: %s", code, body)
	}
	for _, want := range []string{
		"Perbaikan jalan Dusun Kejambon", "K-KEJAM3", "sedang dikerjakan",
		"Pekerjaan 60% selesai, dana 40% sudah dibayar: pekerjaan yang selesai lebih banyak daripada dana yang dibayar.",
		"Rp 150.000.000", "Rp 60.000.000 (40%)", "Belum cair</th><td>Rp 90.000.000",
		"TPK (Tim Pelaksana Kegiatan) desa, 1 anggota",
		// The pin: a plain link to the coordinates, the phone's map app,
		// and a map loaded only when opened.
		`href="https://www.openstreetmap.org/?mlat=-7.731200&amp;mlon=110.447100#map=17/-7.731200/110.447100"`, "-7.731200, 110.447100",
		`href="geo:-7.731200,110.447100?q=-7.731200,110.447100"`, `<a href="?peta=1#lokasi" id="tampilkan-peta">`,
		`<td class="nw">Tahap 2 (40%)</td><td class="nw">Rp 60.000.000</td><td>belum cair</td>`,
		"12 pekerja dari desa, 4 perempuan", "60 hari orang kerja",
		"<b>35% selesai</b>", "<b>60% selesai</b>", `src="/foto/`, `alt="pemadatan tanah"`,
		"Musyawarah Desa Pertanggungjawaban", "Hadir 46 orang, 19 perempuan", "Membahas: seluruh kegiatan desa",
		"Sumber dana tidak dicatat",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("kegiatan page lacks %q", want)
		}
	}
	// The tranche paid says its date in the desa's zone.
	if !regexp.MustCompile(`<td class="nw">Tahap 1 \(40%\)</td><td class="nw">Rp 60\.000\.000</td><td>\d+ [A-Z][a-z]+ 20\d\d</td>`).MatchString(body) {
		t.Error("tranche 1 without its date")
	}
	// Reports in order of time: 35% before 60%.
	if strings.Index(body, "<b>35% selesai</b>") > strings.Index(body, "<b>60% selesai</b>") {
		t.Error("reports not in order of time")
	}
	// The map is framed only when asked for, and only then may the page
	// frame OpenStreetMap.
	if csp := h.Get("Content-Security-Policy"); strings.Contains(body, "<iframe") || strings.Contains(csp, "frame-src") {
		t.Errorf("a map nobody asked for: CSP %q", csp)
	}
	req, _ = http.NewRequest("GET", s.srv.URL+kegiatanPath+"?peta=1", nil)
	_, withMap, h := c.do(req)
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-src https://www.openstreetmap.org") || !strings.Contains(csp, "default-src 'self'") ||
		!strings.Contains(withMap, `<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=110.443100%2C-7.735200%2C110.451100%2C-7.727200&amp;layer=mapnik&amp;marker=-7.731200%2C110.447100"`) ||
		!strings.Contains(withMap, `id="koordinat"`) {
		t.Errorf("the map asked for: CSP %q", csp)
	}
	noResidentIn(t, kegiatanPath, body, "Rahmat Hidayat", "mengawasi pengecoran", "Pemadatan tanah selesai 100 m")
	svgs := checkCharts(t, body)
	if len(svgs) != 2 || !strings.Contains(svgs[0].Desc, "Pekerjaan selesai: 60% selesai. Dana dibayar: 40% dibayar: Rp 60.000.000 dari Rp 150.000.000.") ||
		!regexp.MustCompile(`^\d+ [A-Z][a-z]{2} 20\d\d: 35% selesai\. \d+ [A-Z][a-z]{2} 20\d\d: 60% selesai\.$`).MatchString(svgs[1].Desc) {
		t.Errorf("kegiatan charts: %+v", svgs)
	}

	// The board links to it; lower case codes work; another desa's code,
	// or an unknown one, is not found.
	_, board := c.get("/desa/34.04.11.2002")
	if !strings.Contains(board, `href="`+kegiatanPath+`"`) {
		t.Error("the board does not link to the kegiatan page")
	}
	if code, _ := c.get(strings.ToLower(kegiatanPath)[:len("/desa/34.04.11.2002/kegiatan/")] + "k-kejam3"); code != 200 {
		t.Errorf("lower case code: %d", code)
	}
	for _, p := range []string{"/desa/33.74.01.2001/kegiatan/K-KEJAM3", "/desa/34.04.11.2002/kegiatan/K-NOPE22", "/desa/34.04.11.2002/kegiatan/%3Cscript%3E"} {
		if code, body := c.get(p); code != 404 || !strings.Contains(body, "tidak ada") {
			t.Errorf("%s: %d", p, code)
		}
	}
}

// Without a pin the page says so and frames nothing, even when asked.
func TestKegiatanPageWithoutPin(t *testing.T) {
	s := newSite(t)
	req, _ := http.NewRequest("GET", s.srv.URL+kegiatanPath, nil)
	req.URL.RawQuery = "peta=1"
	code, body, h := s.client(t).do(req)
	if code != 200 || !strings.Contains(body, "Lokasi belum dilaporkan") || strings.Contains(body, "<iframe") ||
		strings.Contains(h.Get("Content-Security-Policy"), "frame-src") {
		t.Fatalf("%d, CSP %q: %s", code, h.Get("Content-Security-Policy"), body)
	}
	if !strings.Contains(body, "Pekerjaan 35% selesai, dana 40% sudah dibayar: dana yang dibayar lebih banyak daripada pekerjaan yang selesai") {
		t.Error("work next to money not said in words")
	}
}

// The board's charts: money for the desa and each kegiatan, attendance
// with its women, gagasan by dusun and by women — each a valid SVG with
// its figures in words, counted as the store counts them.
func TestBoardCharts(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	_, board := c.get("/desa/34.04.11.2002")
	svgs := checkCharts(t, board)
	if len(svgs) != 4 {
		t.Fatalf("%d charts on the board", len(svgs))
	}
	if !strings.Contains(svgs[3].Desc, "Kehadiran rapat: perempuan") {
		t.Errorf("women's share chart: %q", svgs[3].Desc)
	}
	if !strings.Contains(svgs[0].Desc, "Seluruh desa: cair Rp 60.000.000 dari Rp 150.000.000 (40%). Perbaikan jalan Dusun Kejambon: cair Rp 60.000.000 dari Rp 150.000.000 (40%).") {
		t.Errorf("money chart: %q", svgs[0].Desc)
	}
	if !strings.Contains(svgs[1].Desc, "Musyawarah Desa Pertanggungjawaban: 46 hadir, 19 perempuan (41%)") {
		t.Errorf("attendance chart: %q", svgs[1].Desc)
	}
	var rows []struct {
		Dusun string `db:"dusun"`
		N     int    `db:"n"`
	}
	if err := s.st.DB().Select(&rows, `SELECT du.nama AS dusun, count(*) AS n FROM gagasan g JOIN dusun du ON du.id = g.dusun_id
		WHERE g.desa_kode = '34.04.11.2002' AND g.status <> 'DITARIK' GROUP BY du.nama`); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("demo gagasan in %d dusun", len(rows))
	}
	// A dusun with fewer gagasan than the public minimum (3) shows no
	// women's count: its few titles are public.
	for _, r := range rows {
		want := "Dusun " + r.Dusun + ": " + strconv.Itoa(r.N) + " gagasan, "
		if r.N < domain.DefaultMinPublicCount {
			want = "Dusun " + r.Dusun + ": " + strconv.Itoa(r.N) + " gagasan (terlalu sedikit untuk dihitung dari perempuan)"
		}
		if !strings.Contains(svgs[2].Desc, want) {
			t.Errorf("dusun chart lacks %q: %q", want, svgs[2].Desc)
		}
	}
	// With all of them in one dusun, the women's gagasan add up to the
	// board's own count.
	if _, err := s.st.DB().Exec(`UPDATE gagasan SET dusun_id = (SELECT id FROM dusun WHERE desa_kode = '34.04.11.2002' AND nama = 'Bimo')
		WHERE desa_kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	_, board = c.get("/desa/34.04.11.2002")
	svgs = checkCharts(t, board)
	m := regexp.MustCompile(`(\d+) di antaranya dari perempuan`).FindStringSubmatch(board)
	sum := 0
	for _, w := range regexp.MustCompile(`, (\d+) dari perempuan`).FindAllStringSubmatch(svgs[2].Desc, -1) {
		n, _ := strconv.Atoi(w[1])
		sum += n
	}
	if m == nil || m[1] != strconv.Itoa(sum) || sum == 0 {
		t.Errorf("women's gagasan: board %v, chart %d", m, sum)
	}
	// The print view draws them too.
	_, print := c.get("/desa/34.04.11.2002/cetak")
	if len(checkCharts(t, print)) != 4 {
		t.Error("the print view lacks the charts")
	}
}

// svgChart is what checkCharts read of one chart.
type svgChart struct {
	XMLName    xml.Name `xml:"svg"`
	Role       string   `xml:"role,attr"`
	Labelledby string   `xml:"aria-labelledby,attr"`
	ViewBox    string   `xml:"viewBox,attr"`
	Title      struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"title"`
	DescEl struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"desc"`
	Rects []struct {
		Width string `xml:"width,attr"`
	} `xml:"rect"`
	Texts []string `xml:"text"`
	Desc  string   `xml:"-"`
}

var svgRe = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// checkCharts parses every SVG of a page as XML (well-formed, in the SVG
// namespace), and checks that it is an image named by its title and
// described by its desc, that each bar fits the drawing, and that every
// figure drawn is in the desc.
func checkCharts(t *testing.T, page string) []svgChart {
	t.Helper()
	var out []svgChart
	for _, raw := range svgRe.FindAllString(page, -1) {
		var c svgChart
		d := xml.NewDecoder(strings.NewReader(raw))
		d.Strict = true
		if err := d.Decode(&c); err != nil {
			t.Errorf("invalid SVG: %v\n%s", err, raw)
			continue
		}
		if _, err := d.Token(); err != io.EOF {
			t.Errorf("SVG with trailing content: %v", err)
		}
		c.Desc = strings.TrimSpace(c.DescEl.Text)
		if c.XMLName.Space != "http://www.w3.org/2000/svg" || c.Role != "img" || c.Title.Text == "" || c.Desc == "" ||
			c.Labelledby != c.Title.ID+" "+c.DescEl.ID || c.Title.ID == "" || c.DescEl.ID == "" {
			t.Errorf("SVG without its text alternative: %+v", c)
		}
		var w float64
		if f := strings.Fields(c.ViewBox); len(f) == 4 {
			w, _ = strconv.ParseFloat(f[2], 64)
		}
		for _, r := range c.Rects {
			x, err := strconv.ParseFloat(r.Width, 64)
			if err != nil || x < 0 || x > w {
				t.Errorf("bar width %q in a drawing %v wide", r.Width, w)
			}
		}
		// Every row's figures (the text lines after the legend's two) are
		// in the desc: nothing is said only by the drawing.
		for _, tx := range c.Texts[2:] {
			if !strings.Contains(c.Desc, strings.TrimSuffix(tx, "…")) {
				t.Errorf("%q drawn but not in the desc %q", tx, c.Desc)
			}
		}
		out = append(out, c)
	}
	return out
}

// A handed-over kegiatan: its handover, its Tim Pemelihara counted, the
// maintenance report with the asset's condition in words, the handover
// meeting — and still no name.
func TestKegiatanPageHandedOver(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	addReport(t, s, demoTPK, domain.ProgressReport{Percent: 100})
	now := time.Now()
	if _, err := s.st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
		VALUES ('R-SERAH2', 'MUSDES_SERAH_TERIMA', '34.04.11.2002', 'DESA', $1, 'Balai Desa Bimomartani', 'SELESAI', 30, 12)`, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.st.HandOver(ctx, "K-KEJAM3", []domain.Phone{"+6281100000012"}, now.Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	addReport(t, s, "+6281100000012", domain.ProgressReport{Percent: 100, Condition: domain.ConditionRusakRingan, Note: "retak di ujung timur"})
	_, body := s.client(t).get(kegiatanPath)
	for _, want := range []string{
		"sudah diserahterimakan kepada masyarakat", "<th scope=\"row\">Diserahterimakan</th>", "Tim Pemelihara, 1 anggota",
		"pemeliharaan: kondisi <b>rusak ringan</b>", "<b>100% selesai</b>",
		"Musyawarah Desa Serah Terima", "Hadir 30 orang, 12 perempuan",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("handed-over page lacks %q", want)
		}
	}
	noResidentIn(t, kegiatanPath, body, "retak di ujung timur")
	// The progress chart draws progress only, not the maintenance report.
	if svgs := checkCharts(t, body); len(svgs) != 2 || strings.Count(svgs[1].Desc, "selesai") != 2 {
		t.Errorf("progress over time: %+v", svgs)
	}
}
