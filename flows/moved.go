package flows

import (
	"strconv"

	"github.com/suaradesa/suaradesa/flows/daftar"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/gagasan"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// The helpers below moved with the gagasan flow (flows/gagasan) or to
// flows/flow; the flows still in this package call them by their old
// names until they move too.

func vagueTitle(text string) bool       { return gagasan.VagueTitle(text) }
func contentWords(text string) int      { return gagasan.ContentWords(text) }
func upperFirst(s string) string        { return flow.UpperFirst(s) }
func shorten(s string, n int) string    { return flow.Shorten(s, n) }
func parseLang(s string) (string, bool) { return flow.ParseLang(s) }

// DefaultController is the data controller named in the consent text when
// none is configured (daftar.DefaultController).
const DefaultController = daftar.DefaultController

func intPtr(s string) *int {
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}

func int64Ptr(s string) *int64 {
	if s == "" || s == "0" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil
	}
	return &n
}

// The texts of meetings are rendered by flows/rapat.
var (
	InviteText    = rapat.InviteText
	ReminderText  = rapat.ReminderText
	ReminderTexts = rapat.ReminderTexts
)

func (t *turn) desaName(kode string) (string, error) { return t.DesaName(kode) }
