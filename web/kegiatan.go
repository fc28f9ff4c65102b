package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// kegiatanData is a kegiatan's public page: its money, its work over time
// and where it is, with no name or number of anyone.
type kegiatanData struct {
	*postgres.KegiatanPage
	Paid, Remaining int64
	PaidPercent     int64
	// WorkMoney is the work done next to the money paid, in words.
	WorkMoney string
	// Charts: work done against money paid, and the progress over time.
	Progress, History chart
	Pin               *postgres.PublicReport
	Map               mapLinks
	// ShowMap: the visitor asked for the map (?peta=1); only then is it
	// framed, so that no visit loads a map nobody asked for.
	ShowMap bool
	// Workers is the latest report that counted workers; Days sums the
	// person-days of every report (each counts those since the one before).
	Workers *postgres.PublicReport
	Days    int
}

// mapLinks are a pin's ways to a map: a plain link to the coordinates
// (always), the phone's map app (geo:), and an embedded map the visitor
// asks for (loaded only then, and only where the browser can reach it).
type mapLinks struct {
	Coords string
	OSM    template.URL
	Geo    template.URL
	Embed  template.URL
}

// historyRows is how many reports the progress chart draws at most (the
// latest): half a year of weekly reports. The list below it has them all.
const historyRows = 26

// mapEmbedOrigin is the only site a page may frame: OpenStreetMap's map.
const mapEmbedOrigin = "https://www.openstreetmap.org"

func pinLinks(lat, lng float64) mapLinks {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	la, lo := f(lat), f(lng)
	d := 0.004 // about 450 m around the pin
	bbox := f(lng-d) + "," + f(lat-d) + "," + f(lng+d) + "," + f(lat+d)
	return mapLinks{
		Coords: la + ", " + lo,
		OSM:    template.URL(mapEmbedOrigin + "/?mlat=" + la + "&mlon=" + lo + "#map=17/" + la + "/" + lo),
		Geo:    template.URL("geo:" + la + "," + lo + "?q=" + la + "," + lo),
		Embed:  template.URL(mapEmbedOrigin + "/export/embed.html?bbox=" + url.QueryEscape(bbox) + "&layer=mapnik&marker=" + la + "%2C" + lo),
	}
}

// workMoneyText says the work done next to the money paid:
// "Pekerjaan 35% selesai, dana 40% sudah dibayar."
func workMoneyText(done int, paid int64) string {
	s := "Pekerjaan " + strconv.Itoa(done) + "% selesai, dana " + strconv.FormatInt(paid, 10) + "% sudah dibayar"
	switch gap := paid - int64(done); {
	case gap > 0:
		s += ": dana yang dibayar lebih banyak daripada pekerjaan yang selesai (dana tiap tahap dibayar di muka untuk bahan dan upah)"
	case gap < 0:
		s += ": pekerjaan yang selesai lebih banyak daripada dana yang dibayar"
	}
	return s + "."
}

func (s *Server) kegiatanPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.Store.KegiatanPageOf(r.Context(), r.PathValue("kode"), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	k := p.Kegiatan
	d := kegiatanData{KegiatanPage: p, Paid: k.Disbursed()}
	d.Remaining = k.Budget - d.Paid
	d.PaidPercent = percentOf(d.Paid, k.Budget)
	d.WorkMoney = workMoneyText(k.Percent, d.PaidPercent)
	d.Progress = chart{ID: "grafik-kemajuan", Title: "Pekerjaan selesai dan dana dibayar", Legend: [2]string{"Seluruhnya", "Sudah"}, Max: 100,
		Rows: []chartRow{
			{Label: "Pekerjaan selesai", Whole: 100, Part: int64(k.Percent), Text: strconv.Itoa(k.Percent) + "% selesai"},
			{Label: "Dana dibayar", Whole: 100, Part: d.PaidPercent, Text: strconv.FormatInt(d.PaidPercent, 10) + "% dibayar: " + domain.FormatRupiah(d.Paid) + " dari " + domain.FormatRupiah(k.Budget)},
		}}
	d.History = chart{ID: "grafik-riwayat", Title: "Kemajuan pekerjaan dari laporan ke laporan", Legend: [2]string{"Seluruh pekerjaan", "Selesai"}, Max: 100}
	for i := range p.Reports {
		rep := &p.Reports[i]
		if rep.PersonDays != nil {
			d.Days += *rep.PersonDays
		}
		if rep.Workers != nil {
			d.Workers = rep
		}
		if !rep.Maintenance() {
			d.History.Rows = append(d.History.Rows, chartRow{Label: flow.ShortDateText(flow.LangID, rep.At.In(location(p.Kecamatan.TimeZone))),
				Whole: 100, Part: int64(rep.Percent), Text: strconv.Itoa(rep.Percent) + "% selesai"})
		}
	}
	d.History = d.History.latest(historyRows, "laporan")
	if d.Pin = p.Pin(); d.Pin != nil {
		d.Map = pinLinks(*d.Pin.Lat, *d.Pin.Lng)
	}
	d.ShowMap = d.Pin != nil && r.URL.Query().Get("peta") == "1"
	pg := page{Title: k.Title + " · Desa " + p.Desa.Nama, Data: d}
	if d.ShowMap {
		pg.FrameSrc = mapEmbedOrigin
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	s.render(w, http.StatusOK, "kegiatan", pg)
}

// conditionText is a handed-over asset's condition in words ("rusak ringan").
func conditionText(c domain.Condition) string {
	return flow.Render(flow.LangID, flow.Key("cond_"+strings.ToLower(string(c))), nil)
}

// kegiatanStatusText is a kegiatan's state in words.
func kegiatanStatusText(st domain.KegiatanStatus) string {
	return wordOf(map[domain.KegiatanStatus]string{
		domain.KegiatanBerjalan:   "sedang dikerjakan",
		domain.KegiatanSelesai:    "selesai dikerjakan",
		domain.KegiatanDiserahkan: "sudah diserahterimakan kepada masyarakat",
	}, st)
}

// numberText is a volume as Indonesians write it: "12,5" (nothing when nil).
func numberText(v *float64) string {
	if v == nil {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(*v, 'f', -1, 64), ".", ",", 1)
}
