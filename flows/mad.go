package flows

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// madTitleWidth bounds a proposal's title in a MAD result post: one line
// on a phone.
const madTitleWidth = 48

// MADResultTexts is a MAD Penetapan's result for one desa, posted into the
// desa's linked groups, in every language: the date of the MAD, the
// desa's funded proposals with their budgets, the forwarded ones with
// where they go, and link (the kecamatan's board) for the rest. No names.
func MADResultTexts(r domain.MADDesaResult, link string) map[string]string {
	out := make(map[string]string, len(flow.Langs))
	for _, l := range flow.Langs {
		out[l] = MADResultText(l, r, link)
	}
	return out
}

// MADResultText is MADResultTexts in one language.
func MADResultText(lang string, r domain.MADDesaResult, link string) string {
	var parts []string
	if len(r.Funded) == 0 {
		parts = append(parts, flow.Render(lang, flow.MsgGroupMADNoneFunded, nil))
	} else {
		parts = append(parts, flow.Render(lang, flow.MsgGroupMADFunded, flow.A{"list": madLines(lang, flow.MsgGroupMADLine, r.Funded)}))
	}
	if len(r.Forwarded) > 0 {
		parts = append(parts, flow.Render(lang, flow.MsgGroupMADForwarded, flow.A{"list": madLines(lang, flow.MsgGroupMADForwardLine, r.Forwarded)}))
	}
	return flow.Render(lang, flow.MsgGroupMAD, flow.A{"date": flow.DateText(lang, r.At), "desa": r.DesaNama,
		"lines": strings.Join(parts, "\n"), "link": link})
}

// madLines numbers a desa's proposals in the MAD's order, one a line.
func madLines(lang string, key flow.Key, items []domain.MADOutcome) string {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = flow.Render(lang, key, flow.A{"n": i + 1, "title": flow.ShortenWords(it.Title, madTitleWidth),
			"budget": domain.FormatRupiah(it.Budget), "to": it.ForwardTo})
	}
	return strings.Join(lines, "\n")
}
