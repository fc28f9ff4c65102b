package peta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// showMenu shows the dusun's map in short and what can be done.
func showMenu(t *flow.Turn, st *state) error {
	m, err := t.View.DusunMap(t.Ctx, st.Dusun)
	if err != nil {
		return err
	}
	sug, err := t.View.MapSuggestions(t.Ctx, st.Dusun)
	if err != nil {
		return err
	}
	counts := map[domain.MapKind]int{}
	for _, it := range m.Items {
		counts[it.Kind]++
	}
	t.Sess.Step = "menu"
	t.Say(MsgMenu, flow.A{"dusun": st.DusunName, "n": len(sug), "summary": flow.Render(t.Lang, MsgSummary, flow.A{
		"masalah": counts[domain.MapMasalah], "potensi": counts[domain.MapPotensi],
		"batas":    counts[domain.MapBatasAlam] + counts[domain.MapBatasManusia] + counts[domain.MapBatasLain],
		"kriteria": len(m.Criteria), "rtm": countText(t.Lang, m.Count),
	})})
	return nil
}

// showMenuNext offers the menu again after a change: without the summary,
// which would not show the change yet (it is stored after this step).
func showMenuNext(t *flow.Turn) error {
	t.Sess.Step = "menu"
	t.Say(MsgMenuNext, nil)
	return nil
}

func countText(lang string, c *domain.RTMCount) string {
	if c == nil {
		return flow.Render(lang, MsgNoCount, nil)
	}
	total := ""
	if c.Total > 0 {
		total = flow.Render(lang, MsgCountTotal, flow.A{"n": c.Total})
	}
	return flow.Render(lang, MsgCountLine, flow.A{"sm": c.SangatMiskin, "m": c.Miskin, "total": total})
}

func kindNames(lang string, kinds []domain.MapKind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = flow.MapKindText(lang, k)
	}
	return out
}

// readTitle reads a title of 3 to 80 characters, or asks again.
func readTitle(t *flow.Turn) (string, bool) {
	title := strings.Join(strings.Fields(t.Text), " ")
	if utf8.RuneCountInString(title) < 3 || utf8.RuneCountInString(title) > domain.MaxMapTitleLen || !flow.HasLetter(title) {
		t.Say(MsgTitleBad, nil)
		return "", false
	}
	return title, true
}

// listItems lists the dusun's confirmed items, or its suggestions.
func listItems(t *flow.Turn, st *state, suggestions bool) ([]domain.MapItem, error) {
	if suggestions {
		return t.View.MapSuggestions(t.Ctx, st.Dusun)
	}
	m, err := t.View.DusunMap(t.Ctx, st.Dusun)
	return m.Items, err
}

// itemsByKind writes the titles of each kind on a line.
func itemsByKind(lang string, items []domain.MapItem, kinds []domain.MapKind) string {
	var lines []string
	for _, k := range kinds {
		var titles []string
		for _, it := range items {
			if it.Kind == k {
				titles = append(titles, it.Title)
			}
		}
		list := flow.Render(lang, MsgNone, nil)
		if len(titles) > 0 {
			list = strings.Join(titles, "; ")
		}
		lines = append(lines, flow.MapKindText(lang, k)+": "+list)
	}
	return strings.Join(lines, "\n")
}

func criteriaText(lang string, cs []domain.Criterion) string {
	var b strings.Builder
	for _, l := range domain.PovertyLevels {
		var texts []string
		for _, c := range cs {
			if c.Level == l {
				texts = append(texts, c.Text)
			}
		}
		if len(texts) > 0 {
			b.WriteString("Kriteria " + flow.LevelText(lang, l) + ": " + strings.Join(texts, "; ") + "\n")
		}
	}
	return b.String()
}

// levelCriteria lists the dusun's criteria of the level chosen.
func levelCriteria(t *flow.Turn, st *state) ([]domain.Criterion, error) {
	m, err := t.View.DusunMap(t.Ctx, st.Dusun)
	if err != nil {
		return nil, err
	}
	var out []domain.Criterion
	for _, c := range m.Criteria {
		if c.Level == st.Level {
			out = append(out, c)
		}
	}
	return out, nil
}

func showCriteria(t *flow.Turn, st *state) error {
	cs, err := levelCriteria(t, st)
	if err != nil {
		return err
	}
	texts := make([]string, len(cs))
	for i, c := range cs {
		texts[i] = c.Text
	}
	list := flow.Render(t.Lang, MsgNone, nil)
	if len(texts) > 0 {
		list = flow.Numbered(texts)
	}
	t.Sess.Step = "criteria"
	t.Say(MsgCriteria, flow.A{"level": flow.LevelText(t.Lang, st.Level), "dusun": st.DusunName, "list": list})
	return nil
}

// criteriaStep adds a criterion per message; HAPUS n removes the n-th;
// SELESAI goes back to the menu.
func criteriaStep(t *flow.Turn, st *state) error {
	word, arg, _ := strings.Cut(strings.TrimSpace(t.Text), " ")
	kw := strings.ToUpper(word)
	arg = strings.TrimSpace(arg)
	if (kw == "SELESAI" || kw == "KEMBALI") && arg == "" {
		return showMenuNext(t)
	}
	cs, err := levelCriteria(t, st)
	if err != nil {
		return err
	}
	if kw == "HAPUS" {
		n, ok := answer.Number(arg)
		if !ok || n < 1 || n > len(cs) {
			t.Say(flow.MsgChoiceRange, flow.A{"max": max(len(cs), 1)})
			return nil
		}
		t.Cmd(flow.RemoveCriterion{DusunID: st.Dusun, ID: cs[n-1].ID})
		t.Say(MsgCriterionDel, flow.A{"text": cs[n-1].Text})
		return nil
	}
	text, err := domain.ValidateCriterion(st.Level, t.Text)
	if err != nil || len(cs) >= domain.MaxCriteriaPerList || !flow.HasLetter(text) {
		t.Say(MsgCriterionBad, nil)
		return nil
	}
	t.Cmd(flow.AddCriterion{DusunID: st.Dusun, Level: st.Level, Text: text})
	t.Say(MsgCriterionAdd, flow.A{"n": len(cs) + 1})
	return nil
}

// numbersIn returns the whole numbers in s, in order ("4, 20 dan 180").
func numbersIn(s string) []int {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}
