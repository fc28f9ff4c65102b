package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"github.com/skip2/go-qrcode"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// reachView is how a board tells residents to reach the bot: the desa's
// numbers as people dial them, a wa.me link with HALO typed, and a QR code
// of that link (of an sms: link when the desa has no WhatsApp number).
type reachView struct {
	WA, SMS string // as dialled: 0811-0000-9000
	WALink  string
	// SMSLink is an sms: link, which html/template would refuse as a
	// string; it is made of an E.164 number and HALO only.
	SMSLink template.URL
	// QR is the code as inline SVG; QRData the same as a data: URL, for
	// the printed pages' margins.
	QR     template.HTML
	QRData string
	QRFor  string // what the code opens, in words
}

// startWord is what a resident sends first: any message starts the
// registration, HALO is the one printed.
const startWord = "HALO"

func newReach(c postgres.DesaContact) reachView {
	var v reachView
	if c.WA != "" {
		v.WA = dialled(c.WA)
		v.WALink = "https://wa.me/" + strings.TrimPrefix(string(c.WA), "+") + "?text=" + startWord
	}
	if c.SMS != "" {
		v.SMS = dialled(c.SMS)
		v.SMSLink = template.URL("sms:" + string(c.SMS) + "?body=" + url.QueryEscape(startWord))
	}
	link := v.WALink
	v.QRFor = "membuka WhatsApp ke " + v.WA + " dengan pesan " + startWord
	if link == "" {
		link = string(v.SMSLink)
		v.QRFor = "membuka SMS ke " + v.SMS + " dengan pesan " + startWord
	}
	if link != "" {
		svg := qrSVG(link)
		v.QR = template.HTML(svg)
		v.QRData = "data:image/svg+xml," + url.PathEscape(svg)
	}
	return v
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
