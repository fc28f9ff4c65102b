package web

import (
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"github.com/skip2/go-qrcode"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// reachView is how a board tells residents to reach the bot: the desa's
// numbers as people dial them, a wa.me link with "HALO <the desa's code>"
// typed, and a QR code of that link (of an sms: link when the desa has no
// WhatsApp number). The code places a newcomer in the desa at once
// (answer.BoardHello): they only confirm it.
type reachView struct {
	WA, SMS string // as dialled: 0811-0000-9000
	WALink  string
	// SMSLink is an sms: link, which html/template would refuse as a
	// string; it is made of an E.164 number and the escaped start text.
	SMSLink template.URL
	// QR is the address of the code's image (an SVG the page and every
	// printed page's margin share, fetched once and cached); "" when the
	// desa has no number.
	QR    string
	QRFor string // what the code opens, in words
	// Start is the message the links type: "HALO" and the desa's code.
	Start string
}

// startWord is what a resident sends first: any message starts the
// registration, HALO is the one printed, and the links add the desa's
// code to it.
const startWord = "HALO"

func newReach(kode string, c postgres.DesaContact) reachView {
	v := reachView{Start: startWord + " " + kode}
	// A space as %20: WhatsApp and phones' SMS apps read it; some take
	// "+" literally.
	text := strings.ReplaceAll(url.QueryEscape(v.Start), "+", "%20")
	if c.WA != "" {
		v.WA = dialled(c.WA)
		v.WALink = "https://wa.me/" + strings.TrimPrefix(string(c.WA), "+") + "?text=" + text
		v.QRFor = "membuka WhatsApp ke " + v.WA + " dengan pesan " + v.Start
	}
	if c.SMS != "" {
		v.SMS = dialled(c.SMS)
		v.SMSLink = template.URL("sms:" + string(c.SMS) + "?body=" + text)
		if v.WA == "" {
			v.QRFor = "membuka SMS ke " + v.SMS + " dengan pesan " + v.Start
		}
	}
	if c.WA != "" || c.SMS != "" {
		// The numbers in the address: a changed number is a new image,
		// never a stale one from a cache.
		v.QR = "/desa/" + kode + "/qr.svg?n=" + strings.ReplaceAll(string(c.WA)+string(c.SMS), "+", "")
	}
	return v
}

// qrLink is what the desa's QR code opens.
func (v reachView) qrLink() string {
	if v.WALink != "" {
		return v.WALink
	}
	return string(v.SMSLink)
}

// qr serves a desa's QR code (404 when it has no number).
func (s *Server) qr(w http.ResponseWriter, r *http.Request) {
	d, err := s.publicDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	link := newReach(d.Desa.Kode, d.Contact).qrLink()
	if link == "" {
		s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "desa %s has no number", d.Desa.Kode))
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = io.WriteString(w, qrSVG(link))
}

// dialled writes a number as Indonesians dial it (0811-0000-9000).
func dialled(p domain.Phone) string {
	n, err := phonenumbers.Parse(string(p), domain.DefaultRegion)
	if err != nil {
		return string(p)
	}
	return phonenumbers.Format(n, phonenumbers.NATIONAL)
}

// qrCodes keeps the SVG of each link: a desa's numbers seldom change.
var qrCodes sync.Map

// qrSVG draws a QR code as one SVG path, a run of dark modules per line,
// with its quiet zone: sharp at any size, on screen and paper, and about
// 2 KB. Its own size (76 px, 20 mm) is what a printed page's margin shows;
// on the page, CSS sizes it.
func qrSVG(text string) string {
	if s, ok := qrCodes.Load(text); ok {
		return s.(string)
	}
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		// Only text too long for a QR code fails; a link is short.
		return ""
	}
	bits := q.Bitmap()
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="76" height="76" viewBox="0 0 %d %d" shape-rendering="crispEdges" aria-hidden="true"><path fill="#fff" d="M0 0h%dv%dH0z"/><path d="`,
		len(bits), len(bits), len(bits), len(bits))
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	qrCodes.Store(text, b.String())
	return b.String()
}
