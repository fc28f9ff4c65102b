package rapat

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Decision options of HASIL, by number.
const (
	decideOn      = 1 // moves on to the next stage
	decideReject  = 2 // rejected, with a reason
	decideNotYet  = 3 // not decided: stays where it is
	decideOptions = 3
)

// decisionWords are the words that name a decision option besides its
// label, in the three languages ("belum, minggu depan dibahas lagi").
var decisionWords = []struct {
	pick  int
	words []string
}{
	// Not decided comes first: "belum lanjut" is not decided.
	{decideNotYet, []string{"belum", "dereng", "durung", "acan", "ditunda", "tunda", "pending", "dibahas lagi", "minggu depan",
		"mengke", "engke", "diundur", "mundur"}},
	{decideReject, []string{"ditolak", "tolak", "menolak", "dipuntolak", "ditampik", "ditulak", "tidak lanjut", "mboten lanjut",
		"henteu lanjut", "gagal"}},
	{decideOn, []string{"lanjut", "lanjutkan", "dilanjutkan", "lajeng", "dipunlajengaken", "teras", "diteraskeun", "diterima",
		"setuju", "disetujui", "disarujukan", "disarujuk", "ditampi", "terus", "diteruskan"}},
}

// readDecisionPick reads a decision on a gagasan: its number, its label
// (in any language) or the words that name it. The option's words are
// read before any keyword: "lanjut" is option 1 here, not LANJUT.
func (t *turn) readDecisionPick(args flow.A) (int, bool) {
	if n, ok := answer.Number(t.Text); ok {
		return n, n >= 1 && n <= decideOptions
	}
	if i, ok := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskDecision, args)); ok {
		return i + 1, true
	}
	padded := " " + strings.Join(answer.Words(t.Text), " ") + " "
	for _, d := range decisionWords {
		for _, w := range d.words {
			if strings.Contains(padded, " "+w+" ") {
				return d.pick, true
			}
		}
	}
	return 0, false
}

// decisionArgs fill the decision question for gagasan g.
func (t *turn) decisionArgs(g domain.Gagasan) flow.A {
	to, _ := nextStage(g.Status)
	return flow.A{"gcode": g.Code, "title": g.Title, "next": flow.Render(t.Lang, flow.StageKeys[string(to)], nil)}
}

// womenWords name the women among those who came ("ibu2nya 9").
var womenWords = []string{"ibu", "perempuan", "wanita", "estri", "istri", "putri", "awewe", "awéwé", "mbok", "emak", "pr"}

// attendedAndWomen reads "yg dtg 23 org, ibu2nya 9": two numbers, the
// second naming the women; ok is false when the text is not such.
func attendedAndWomen(text string) (attended, women int, ok bool) {
	ns := answer.Numbers(text)
	if len(ns) != 2 || ns[1] > ns[0] {
		return 0, 0, false
	}
	for _, w := range answer.Words(text) {
		for _, ww := range womenWords {
			if w == ww || len(ww) > 2 && strings.HasPrefix(w, ww) {
				return ns[0], ns[1], true
			}
		}
	}
	return 0, 0, false
}
