package flows

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// FlowPeta is the social map: a KPMD (or facilitator) maps a dusun; a
// resident reads their dusun's map and may suggest an item.
const FlowPeta = "peta"

func canMap(c *domain.Contact) bool {
	return c.HasRole(domain.RoleKPMD, c.DesaKode) || c.HasRole(domain.RoleFasilitator, c.DesaKode)
}

func (t *turn) startPeta() error {
	t.endFlow()
	if !canMap(t.Contact) {
		return t.residentMap()
	}
	dusuns, err := t.View.Dusuns(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	switch len(dusuns) {
	case 0:
		t.say(MsgPetaNoDusun, nil)
		return nil
	case 1:
		t.goTo(FlowPeta, "menu")
		t.Sess.Data["dusun"] = strconv.FormatInt(dusuns[0].ID, 10)
		t.Sess.Data["dusun_nama"] = dusuns[0].Nama
		return t.petaMenu()
	}
	t.goTo(FlowPeta, "dusun")
	t.say(MsgPetaAskDusun, A{"list": numbered(dusunNames(dusuns))})
	return nil
}

func (t *turn) dusunID() int64 {
	id, _ := strconv.ParseInt(t.Sess.Data["dusun"], 10, 64)
	return id
}

// petaNext offers the menu again after a change: without the summary,
// which would not show the change yet (it is stored after this step).
func (t *turn) petaNext() error {
	t.Sess.Step = "menu"
	t.say(MsgPetaMenuNext, nil)
	return nil
}

// petaMenu shows the dusun's map in short and what can be done.
func (t *turn) petaMenu() error {
	m, err := t.View.DusunMap(t.Ctx, t.dusunID())
	if err != nil {
		return err
	}
	sug, err := t.View.MapSuggestions(t.Ctx, t.dusunID())
	if err != nil {
		return err
	}
	counts := map[domain.MapKind]int{}
	for _, it := range m.Items {
		counts[it.Kind]++
	}
	t.Sess.Step = "menu"
	t.say(MsgPetaMenu, A{"dusun": t.Sess.Data["dusun_nama"], "n": len(sug), "summary": Render(t.Lang, MsgPetaSummary, A{
		"masalah": counts[domain.MapMasalah], "potensi": counts[domain.MapPotensi],
		"batas":    counts[domain.MapBatasAlam] + counts[domain.MapBatasManusia] + counts[domain.MapBatasLain],
		"kriteria": len(m.Criteria), "rtm": t.countText(m.Count),
	})})
	return nil
}

func (t *turn) countText(c *domain.RTMCount) string {
	if c == nil {
		return Render(t.Lang, MsgPetaNoCount, nil)
	}
	total := ""
	if c.Total > 0 {
		total = Render(t.Lang, MsgPetaCountTotal, A{"n": c.Total})
	}
	return Render(t.Lang, MsgPetaCountLine, A{"sm": c.SangatMiskin, "m": c.Miskin, "total": total})
}

func (t *turn) kindNames(kinds []domain.MapKind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = MapKindText(t.Lang, k)
	}
	return out
}

// readMapTitle reads a title of 3 to 80 characters, or asks again.
func (t *turn) readMapTitle(again Key) (string, bool) {
	title := strings.Join(strings.Fields(t.Text), " ")
	if utf8.RuneCountInString(title) < 3 || utf8.RuneCountInString(title) > domain.MaxMapTitleLen || !hasLetter(title) {
		t.say(again, nil)
		return "", false
	}
	return title, true
}

func (t *turn) petaStep() error {
	d := t.Sess.Data
	if strings.HasPrefix(t.Sess.Step, "r_") {
		return t.residentMapStep()
	}
	if t.Sess.Step != "dusun" && t.dusunID() <= 0 {
		return flow.ErrDamaged // every other step is about a dusun chosen
	}
	if w := strings.ToUpper(t.Text); (w == "SELESAI" || w == "KEMBALI") && t.Sess.Step != "menu" && t.Sess.Step != "criteria" && t.Sess.Step != "dusun" {
		return t.petaMenu()
	}
	switch t.Sess.Step {
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, t.Contact.DesaKode)
		if err != nil {
			return err
		}
		du, ok := t.matchDusun(dusuns)
		if !ok {
			return nil
		}
		d["dusun"], d["dusun_nama"] = strconv.FormatInt(du.ID, 10), du.Nama
		return t.petaMenu()
	case "menu":
		if strings.EqualFold(t.Text, "SELESAI") {
			t.endFlow()
			t.say(MsgMenu, nil)
			return nil
		}
		n, ok := t.choice(6)
		if !ok {
			return nil
		}
		return t.petaMenuChoice(n)
	case "kind":
		n, ok := t.choice(len(domain.MapKinds))
		if !ok {
			return nil
		}
		d["kind"] = string(domain.MapKinds[n-1])
		t.Sess.Step = "title"
		t.say(MsgPetaAskTitle, nil)
	case "title":
		title, ok := t.readMapTitle(MsgPetaTitleBad)
		if !ok {
			return nil
		}
		d["title"] = title
		t.Sess.Step = "desc"
		t.say(MsgPetaAskDesc, nil)
	case "desc":
		if !answer.Skip(t.Text) {
			d["desc"] = cutRunes(strings.TrimSpace(t.Text), domain.MaxMapDescLen)
		}
		t.Sess.Step = "photo"
		t.say(MsgPetaAskPhoto, nil)
	case "photo":
		switch {
		case t.In.Media != nil && t.In.Media.Kind == MediaImage:
			d["photo"] = strconv.FormatInt(t.In.Media.ID, 10)
		case !answer.Skip(t.Text):
			t.say(MsgPetaAskPhoto, nil)
			return nil
		}
		t.Sess.Step = "pin"
		t.say(MsgPetaAskPin, nil)
	case "pin":
		it := domain.MapItem{DusunID: t.dusunID(), Kind: domain.MapKind(d["kind"]), Title: d["title"], Description: d["desc"], PhotoID: int64Ptr(d["photo"])}
		switch {
		case t.In.Location != nil:
			lat, lng := t.In.Location.Lat, t.In.Location.Lng
			it.Lat, it.Lng = &lat, &lng
		case !answer.Skip(t.Text):
			t.say(MsgPetaAskPin, nil)
			return nil
		}
		if err := it.Validate(); err != nil {
			// Only a damaged session gets here.
			return t.petaMenu()
		}
		t.cmd(AddMapItem{Item: it})
		t.say(MsgPetaSaved, A{"dusun": d["dusun_nama"], "kind": MapKindText(t.Lang, it.Kind), "title": it.Title})
		for _, k := range []string{"kind", "title", "desc", "photo"} {
			delete(d, k)
		}
		return t.petaNext()
	case "pick", "sug_pick":
		items, err := t.petaItems(t.Sess.Step == "sug_pick")
		if err != nil {
			return err
		}
		n, ok := t.choice(len(items))
		if !ok {
			return nil
		}
		d["item"], d["item_title"] = strconv.FormatInt(items[n-1].ID, 10), items[n-1].Title
		if t.Sess.Step == "pick" {
			t.Sess.Step = "action"
			t.say(MsgPetaItemAction, A{"title": items[n-1].Title})
		} else {
			t.Sess.Step = "sug_action"
			t.say(MsgPetaSugAction, A{"title": items[n-1].Title})
		}
	case "action":
		n, ok := t.choice(3)
		if !ok {
			return nil
		}
		switch n {
		case 1:
			t.Sess.Step = "new_title"
			t.say(MsgPetaAskNewTitle, nil)
		case 2:
			t.Sess.Step = "new_desc"
			t.say(MsgPetaAskNewDesc, nil)
		case 3:
			t.cmd(ChangeMapItem{DusunID: t.dusunID(), ID: mustInt64(d["item"]), Action: "remove"})
			t.say(MsgPetaRemoved, A{"title": d["item_title"]})
			return t.petaNext()
		}
	case "new_title":
		title, ok := t.readMapTitle(MsgPetaTitleBad)
		if !ok {
			return nil
		}
		t.cmd(ChangeMapItem{DusunID: t.dusunID(), ID: mustInt64(d["item"]), Action: "edit", Title: title})
		t.say(MsgPetaEdited, A{"title": title})
		return t.petaNext()
	case "new_desc":
		desc := cutRunes(strings.TrimSpace(t.Text), domain.MaxMapDescLen)
		if utf8.RuneCountInString(desc) < 3 {
			t.say(MsgPetaAskNewDesc, nil)
			return nil
		}
		t.cmd(ChangeMapItem{DusunID: t.dusunID(), ID: mustInt64(d["item"]), Action: "edit", Desc: desc})
		t.say(MsgPetaEdited, A{"title": d["item_title"]})
		return t.petaNext()
	case "sug_action":
		n, ok := t.choice(2)
		if !ok {
			return nil
		}
		action, done := "confirm", "sug_accepted"
		if n == 2 {
			action, done = "reject", "sug_rejected"
		}
		t.cmd(ChangeMapItem{DusunID: t.dusunID(), ID: mustInt64(d["item"]), Action: action})
		t.say(MsgPetaSugDone, A{"title": d["item_title"], "done": Render(t.Lang, Key(done), nil)})
		return t.petaNext()
	case "level":
		n, ok := t.choice(2)
		if !ok {
			return nil
		}
		d["level"] = string(domain.PovertyLevels[n-1])
		return t.showCriteria()
	case "criteria":
		return t.criteriaStep()
	case "count":
		nums := numbersIn(t.Text)
		if len(nums) < 2 || len(nums) > 3 {
			t.say(MsgPetaCountBad, nil)
			return nil
		}
		c := domain.RTMCount{DusunID: t.dusunID(), SangatMiskin: nums[0], Miskin: nums[1]}
		if len(nums) == 3 {
			c.Total = nums[2]
		}
		if c.Validate() != nil {
			t.say(MsgPetaCountBad, nil)
			return nil
		}
		t.cmd(SetRTMCount{Count: c})
		t.say(MsgPetaCountSaved, A{"dusun": d["dusun_nama"]})
		return t.petaNext()
	default:
		return t.petaMenu()
	}
	return nil
}

func (t *turn) petaMenuChoice(n int) error {
	d := t.Sess.Data
	switch n {
	case 1:
		t.Sess.Step = "kind"
		t.say(MsgPetaAskKind, A{"list": numbered(t.kindNames(domain.MapKinds))})
	case 2, 5:
		items, err := t.petaItems(n == 5)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			if n == 5 {
				t.say(MsgPetaSugNone, nil)
			} else {
				t.say(MsgPetaEmpty, A{"dusun": d["dusun_nama"]})
			}
			return t.petaMenu()
		}
		names := make([]string, len(items))
		for i, it := range items {
			names[i] = MapKindText(t.Lang, it.Kind) + ": " + it.Title
		}
		if n == 5 {
			t.Sess.Step = "sug_pick"
			t.say(MsgPetaSugPick, A{"list": numbered(names)})
		} else {
			t.Sess.Step = "pick"
			t.say(MsgPetaPick, A{"list": numbered(names)})
		}
	case 3:
		t.Sess.Step = "level"
		t.say(MsgPetaAskLevel, nil)
	case 4:
		t.Sess.Step = "count"
		t.say(MsgPetaAskCount, A{"dusun": d["dusun_nama"]})
	case 6:
		m, err := t.View.DusunMap(t.Ctx, t.dusunID())
		if err != nil {
			return err
		}
		t.say(MsgPetaFull, A{"dusun": d["dusun_nama"], "items": t.itemsByKind(m.Items, domain.MapKinds),
			"criteria": t.criteriaText(m.Criteria), "rtm": t.countText(m.Count)})
		return t.petaMenu()
	}
	return nil
}

// petaItems lists the dusun's confirmed items, or its suggestions.
func (t *turn) petaItems(suggestions bool) ([]domain.MapItem, error) {
	if suggestions {
		return t.View.MapSuggestions(t.Ctx, t.dusunID())
	}
	m, err := t.View.DusunMap(t.Ctx, t.dusunID())
	return m.Items, err
}

// itemsByKind writes the titles of each kind on a line.
func (t *turn) itemsByKind(items []domain.MapItem, kinds []domain.MapKind) string {
	var lines []string
	for _, k := range kinds {
		var titles []string
		for _, it := range items {
			if it.Kind == k {
				titles = append(titles, it.Title)
			}
		}
		list := Render(t.Lang, MsgPetaNone, nil)
		if len(titles) > 0 {
			list = strings.Join(titles, "; ")
		}
		lines = append(lines, MapKindText(t.Lang, k)+": "+list)
	}
	return strings.Join(lines, "\n")
}

func (t *turn) criteriaText(cs []domain.Criterion) string {
	var b strings.Builder
	for _, l := range domain.PovertyLevels {
		var texts []string
		for _, c := range cs {
			if c.Level == l {
				texts = append(texts, c.Text)
			}
		}
		if len(texts) > 0 {
			b.WriteString("Kriteria " + LevelText(t.Lang, l) + ": " + strings.Join(texts, "; ") + "\n")
		}
	}
	return b.String()
}

func (t *turn) levelCriteria() ([]domain.Criterion, error) {
	m, err := t.View.DusunMap(t.Ctx, t.dusunID())
	if err != nil {
		return nil, err
	}
	var out []domain.Criterion
	for _, c := range m.Criteria {
		if string(c.Level) == t.Sess.Data["level"] {
			out = append(out, c)
		}
	}
	return out, nil
}

func (t *turn) showCriteria() error {
	cs, err := t.levelCriteria()
	if err != nil {
		return err
	}
	texts := make([]string, len(cs))
	for i, c := range cs {
		texts[i] = c.Text
	}
	list := Render(t.Lang, MsgPetaNone, nil)
	if len(texts) > 0 {
		list = numbered(texts)
	}
	t.Sess.Step = "criteria"
	t.say(MsgPetaCriteria, A{"level": LevelText(t.Lang, domain.PovertyLevel(t.Sess.Data["level"])), "dusun": t.Sess.Data["dusun_nama"], "list": list})
	return nil
}

// criteriaStep adds a criterion per message; HAPUS n removes the n-th;
// SELESAI goes back to the menu.
func (t *turn) criteriaStep() error {
	word, arg, _ := strings.Cut(strings.TrimSpace(t.Text), " ")
	kw := strings.ToUpper(word)
	arg = strings.TrimSpace(arg)
	if (kw == "SELESAI" || kw == "KEMBALI") && arg == "" {
		return t.petaNext()
	}
	cs, err := t.levelCriteria()
	if err != nil {
		return err
	}
	if kw == "HAPUS" {
		n, ok := answer.Number(arg)
		if !ok || n < 1 || n > len(cs) {
			t.say(MsgChoiceRange, A{"max": max(len(cs), 1)})
			return nil
		}
		t.cmd(RemoveCriterion{DusunID: t.dusunID(), ID: cs[n-1].ID})
		t.say(MsgPetaCriterionDel, A{"text": cs[n-1].Text})
		return nil
	}
	level := domain.PovertyLevel(t.Sess.Data["level"])
	text, err := domain.ValidateCriterion(level, t.Text)
	if err != nil || len(cs) >= domain.MaxCriteriaPerList || !hasLetter(text) {
		t.say(MsgPetaCriterionBad, nil)
		return nil
	}
	t.cmd(AddCriterion{DusunID: t.dusunID(), Level: level, Text: text})
	t.say(MsgPetaCriterionAdd, A{"n": len(cs) + 1})
	return nil
}

// residentMap shows a resident their dusun's map, titles only, and offers
// to suggest an item.
func (t *turn) residentMap() error {
	if t.Contact.DusunID == 0 {
		t.say(MsgPetaNoDusunSelf, nil)
		return nil
	}
	m, err := t.View.DusunMap(t.Ctx, t.Contact.DusunID)
	if err != nil {
		return err
	}
	t.goTo(FlowPeta, "r_offer")
	if len(m.Items) == 0 {
		t.say(MsgPetaResidentNone, A{"dusun": m.Dusun.Nama})
		return nil
	}
	var kinds []domain.MapKind
	for _, k := range domain.MapKinds {
		for _, it := range m.Items {
			if it.Kind == k {
				kinds = append(kinds, k)
				break
			}
		}
	}
	t.say(MsgPetaResident, A{"dusun": m.Dusun.Nama, "items": t.itemsByKind(m.Items, kinds)})
	return nil
}

var suggestKinds = []domain.MapKind{domain.MapMasalah, domain.MapPotensi, domain.MapBatasLain}

func (t *turn) residentMapStep() error {
	d := t.Sess.Data
	switch t.Sess.Step {
	case "r_offer":
		if n, ok := answer.Number(t.Text); !ok || n != 1 {
			// Anything else is a message of its own, read as if idle.
			t.endFlow()
			return t.dispatch()
		}
		t.Sess.Step = "r_kind"
		t.say(MsgPetaSugKind, nil)
	case "r_kind":
		n, ok := t.choice(len(suggestKinds))
		if !ok {
			return nil
		}
		d["kind"] = string(suggestKinds[n-1])
		t.Sess.Step = "r_title"
		t.say(MsgPetaSugTitle, nil)
	case "r_title":
		title, ok := t.readMapTitle(MsgPetaTitleBad)
		if !ok {
			return nil
		}
		t.cmd(AddMapItem{Item: domain.MapItem{DusunID: t.Contact.DusunID, Kind: domain.MapKind(d["kind"]), Title: title}, Suggest: true})
		t.endFlow()
		t.say(MsgPetaSugThanks, A{"title": title})
	}
	return nil
}

func mustInt64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
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
