package flows

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// The steps of the guided gagasan flow, in order, and of the detail flow
// that follows a one-message gagasan.
var (
	gagasanSteps = []string{"category", "map", "title", "description", "dusun", "location", "households", "poor", "photo", "confirm"}
	detailSteps  = []string{"category", "map", "households", "poor", "photo", "done"}
	// editChoices maps the numbers of the UBAH list to steps.
	editChoices = []string{"category", "title", "description", "dusun", "location", "households", "photo"}
)

func (t *turn) startGagasan(text string) error {
	held := t.takeHeld()
	if caption := t.takeCaption(); text == "" {
		text = caption
	}
	t.endFlow()
	if held != "" {
		t.Sess.Data["photo"] = held
	}
	if text != "" && !vagueTitle(text) {
		return t.quickGagasan(text)
	}
	if text != "" {
		// "Gagasan lagi", "usul dong", "gagasan saya ada 2": not a title.
		t.say(MsgTitleTooVague, nil)
	}
	t.goTo(FlowGagasan, "category")
	t.say(MsgAskCategory, nil)
	return nil
}

// quickGagasan saves "GAGASAN <text>" at once (the SMS habit) and offers to
// add detail.
func (t *turn) quickGagasan(text string) error {
	desc := text
	if utf8.RuneCountInString(desc) > domain.MaxDescriptionLen {
		desc = cutRunes(desc, domain.MaxDescriptionLen)
		t.say(MsgTooLong, A{"n": domain.MaxDescriptionLen})
	}
	g := domain.Gagasan{
		Code:        t.Env.NewCode(domain.CodeGagasan),
		DesaKode:    t.Contact.DesaKode,
		Category:    domain.CategoryLainnya,
		Title:       titleFrom(t.Lang, text),
		Description: desc,
		Status:      domain.StatusDiajukan,
	}
	if t.Contact.DusunID != 0 {
		id := t.Contact.DusunID
		g.DusunID = &id
	}
	if t.In.Media != nil && t.In.Media.Kind == MediaImage {
		id := t.In.Media.ID
		g.PhotoID = &id
	} else if held := t.Sess.Data["photo"]; held != "" {
		g.PhotoID = int64Ptr(held)
	}
	if err := t.saveGagasan(g); err != nil {
		return err
	}
	t.goTo(FlowDetail, "offer")
	t.Sess.Data["code"] = g.Code
	if g.PhotoID != nil {
		t.say(MsgQuickSavedPhoto, nil) // no photo offered: it has one
	} else {
		t.say(MsgQuickSaved, nil)
	}
	return nil
}

func (t *turn) saveGagasan(g domain.Gagasan) error {
	if err := g.Validate(); err != nil {
		// Only a damaged or outdated session gets here: start again cleanly.
		t.endFlow()
		t.say(MsgGagasanIncomplete, nil)
		return nil
	}
	t.cmd(CreateGagasan{Gagasan: g})
	dusun := ""
	if g.DusunID != nil {
		dusuns, err := t.View.Dusuns(t.Ctx, g.DesaKode)
		if err != nil {
			return err
		}
		for _, d := range dusuns {
			if d.ID == *g.DusunID {
				dusun = d.Nama
			}
		}
	}
	gender := t.Contact.Gender
	if g.ForName != "" {
		gender = g.ForGender
		kabar := ""
		if g.NotifyPhone != "" {
			kabar = Render(t.Lang, MsgUntukKabar, nil)
			t.cmd(NotifyNumber{Channel: g.NotifyChannel, Phone: domain.Phone(g.NotifyPhone),
				Text: Render(t.Lang, MsgUntukRelative, A{"name": g.ForName, "code": g.Code, "title": g.Title})})
		}
		t.say(MsgUntukSaved, A{"name": g.ForName, "code": g.Code, "kabar": kabar})
	} else {
		t.say(MsgGagasanSaved, A{"code": g.Code})
	}
	if g.PhotoID != nil {
		t.say(MsgPhotoAttached, nil)
	}
	next := MsgNextMeeting
	if gender == domain.GenderFemale {
		next = MsgNextMeetingMKP
	}
	t.say(next, A{"dusun": dusun, "code": g.Code})
	return nil
}

// notTitleWords are the words of a message like "gagasan lagi", "usul
// dong", "gagasan saya ada 2" or a greeting: none names an idea.
var notTitleWords = map[string]bool{
	"saya": true, "ada": true, "lagi": true, "mau": true, "ingin": true, "baru": true, "punya": true, "kirim": true,
	"sebuah": true, "usul": true, "usulan": true, "gagasan": true, "ide": true, "boleh": true, "bisa": true, "tolong": true,
	"halo": true, "hallo": true, "hai": true, "assalamualaikum": true, "selamat": true, "pagi": true, "siang": true,
	"sore": true, "malam": true, "ya": true, "ok": true, "tidak": true, "yang": true, "ini": true, "itu": true, "nggih": true,
	"inggih": true, "kula": true, "abdi": true, "gadah": true, "badhe": true, "bade": true, "gaduh": true, "wonten": true,
	"aya": true, "satu": true, "dua": true, "tiga": true, "apa": true, "bagaimana": true, "caranya": true, "dulu": true,
}

// vagueTitle tells whether the text of "GAGASAN <text>" names no idea:
// nothing is left of it but such words, numbers and fillers.
func vagueTitle(text string) bool {
	if strings.HasSuffix(strings.TrimSpace(text), "?") && len(strings.Fields(text)) <= 6 {
		return true // "kula wau pripun?": a question, not an idea
	}
	return contentWords(text) == 0
}

// contentWords counts the words of text that may name an idea: not
// notTitleWords, numbers or fillers.
func contentWords(text string) int {
	n := 0
	for _, w := range strings.Fields(answer.Normal(text)) {
		if notTitleWords[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		n++
	}
	return n
}

// dusunNamedIn returns the one dusun whose name stands as a word in
// text; none when no dusun, or more than one, is named.
func dusunNamedIn(text string, dusuns []domain.Dusun) (domain.Dusun, bool) {
	padded := " " + strings.Join(answer.Words(text), " ") + " "
	var found []domain.Dusun
	for _, du := range dusuns {
		if n := strings.Join(answer.Words(du.Nama), " "); n != "" && strings.Contains(padded, " "+n+" ") {
			found = append(found, du)
		}
	}
	if len(found) != 1 {
		return domain.Dusun{}, false
	}
	return found[0], true
}

// upperFirst writes the first letter of a title as a capital: the public
// board shows "Lampu jalan …", as most residents type "lampu jalan …".
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// titleFrom makes a title from the first words of a one-message gagasan,
// or a plain one in lang when they are too few.
func titleFrom(lang, text string) string {
	first := text
	if i := strings.IndexAny(first, ".\n!?"); i >= 3 {
		first = first[:i]
	}
	first = upperFirst(strings.Join(strings.Fields(first), " "))
	if utf8.RuneCountInString(first) <= 60 {
		if utf8.RuneCountInString(first) < 3 {
			return Render(lang, MsgDefaultTitle, nil)
		}
		return first
	}
	cut := cutRunes(first, 60)
	if i := strings.LastIndexByte(cut, ' '); i > 20 {
		cut = cut[:i]
	}
	return cut + "…"
}

func (t *turn) gagasanStep() error {
	step := t.Sess.Step
	switch step {
	case "confirm":
		return t.confirmGagasan()
	case "edit":
		n, ok := t.choose(MsgAskEdit, nil)
		if !ok {
			return nil
		}
		t.Sess.Data["edit"] = "1"
		t.Sess.Step = editChoices[n-1]
		return t.askField(t.Sess.Step)
	}
	ok, err := t.readField(step)
	if err != nil || !ok {
		return err
	}
	next := nextStep(gagasanSteps, step, t.Sess.Data)
	if t.Sess.Data["edit"] == "1" && !(step == "households" && next == "poor") {
		next = "confirm"
	}
	t.Sess.Step = next
	return t.askField(next)
}

func (t *turn) detailStep() error {
	step := t.Sess.Step
	if step == "offer" {
		if n, ok := answer.Number(t.Text); (ok && n == 1) || answer.YesNo(t.Text) == answer.Yes || answer.More(t.Text) || strings.EqualFold(t.Text, "DETAIL") {
			t.Sess.Step = "category"
			return t.askField("category")
		}
		t.endFlow()
		t.say(MsgMenu, nil)
		return nil
	}
	ok, err := t.readField(step)
	if err != nil || !ok {
		return err
	}
	next := nextStep(detailSteps, step, t.Sess.Data)
	if next != "done" {
		t.Sess.Step = next
		return t.askField(next)
	}
	d := t.Sess.Data
	code := d["code"]
	t.cmd(UpdateGagasanDetail{
		Code:           code,
		Category:       domain.Category(d["cat"]),
		Households:     intPtr(d["hh"]),
		PoorHouseholds: intPtr(d["poor"]),
		PhotoID:        int64Ptr(d["photo"]),
		MapItemID:      int64Ptr(d["map"]),
	})
	t.endFlow()
	t.say(MsgDetailDone, A{"code": code})
	return nil
}

// nextStep returns the step after cur, skipping the poor-household question
// when no household count was given.
func nextStep(steps []string, cur string, data map[string]string) string {
	for i, s := range steps {
		if s == cur && i+1 < len(steps) {
			next := steps[i+1]
			if next == "poor" && (data["hh"] == "" || data["hh"] == "0") {
				return nextStep(steps, next, data)
			}
			// A photo sent earlier with a caption answers the photo question.
			if next == "photo" && data["photo"] != "" && data["edit"] == "" {
				return nextStep(steps, next, data)
			}
			return next
		}
	}
	return steps[len(steps)-1]
}

func (t *turn) askField(step string) error {
	switch step {
	case "category":
		t.say(MsgAskCategory, nil)
	case "title":
		t.say(MsgAskTitle, nil)
	case "description":
		t.say(MsgAskDescription, nil)
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, t.gagasanDesa())
		if err != nil {
			return err
		}
		if len(dusuns) == 0 {
			t.Sess.Step = nextStep(gagasanSteps, "dusun", t.Sess.Data)
			return t.askField(t.Sess.Step)
		}
		// "Jalan dusun Sambiroto berlubang": the title already says where.
		if d := t.Sess.Data; d["edit"] == "" && d["dusun"] == "" {
			if du, ok := dusunNamedIn(d["title"]+" "+d["desc"], dusuns); ok {
				d["dusun"], d["dusun_nama"] = strconv.FormatInt(du.ID, 10), du.Nama
				t.Sess.Step = nextStep(gagasanSteps, "dusun", d)
				return t.askField(t.Sess.Step)
			}
		}
		t.say(MsgAskGagasanDusun, A{"list": numbered(dusunNames(dusuns))})
	case "map":
		items, dusun, err := t.mapChoices()
		if err != nil {
			return err
		}
		if len(items) == 0 {
			steps := gagasanSteps
			if t.Sess.Flow == FlowDetail {
				steps = detailSteps
			}
			t.Sess.Step = nextStep(steps, "map", t.Sess.Data)
			return t.askField(t.Sess.Step)
		}
		names := make([]string, 0, len(items)+1)
		for _, it := range items {
			names = append(names, MapKindText(t.Lang, it.Kind)+": "+it.Title)
		}
		names = append(names, Render(t.Lang, "map_other", nil))
		t.say(MsgAskMapLink, A{"dusun": dusun, "list": numbered(names)})
	case "location":
		t.say(MsgAskLocation, nil)
	case "households":
		t.say(MsgAskHouseholds, nil)
	case "poor":
		t.say(MsgAskPoor, A{"n": t.Sess.Data["hh"]})
	case "photo":
		t.say(MsgAskPhoto, nil)
	case "confirm":
		return t.summary()
	}
	return nil
}

// readField reads the answer to a step into the session; false means the
// answer was not accepted and the question has been asked again.
func (t *turn) readField(step string) (bool, error) {
	d := t.Sess.Data
	// A photo with a caption answers a text question with its caption, and
	// the photo is kept for the gagasan.
	if t.In.Media != nil && t.In.Media.Kind == MediaImage && step != "photo" {
		if d["photo"] == "" {
			d["photo"] = strconv.FormatInt(t.In.Media.ID, 10)
		}
		if t.Text == "" {
			t.say(MsgNeedText, nil)
			return false, t.askField(step)
		}
	}
	if t.In.Location != nil && step != "location" {
		// A pin sent early is kept for the location step.
		d["lat"] = strconv.FormatFloat(t.In.Location.Lat, 'f', 6, 64)
		d["lng"] = strconv.FormatFloat(t.In.Location.Lng, 'f', 6, 64)
		if t.Text == "" {
			t.say(MsgNeedText, nil)
			return false, t.askField(step)
		}
	}
	if t.In.Media != nil && t.In.Media.Kind == MediaAudio && step == "description" {
		// A voice note tells the problem; someone writes it down later.
		d["desc_voice"] = strconv.FormatInt(t.In.Media.ID, 10)
		d["desc"] = cutRunes(t.Text, domain.MaxDescriptionLen)
		t.say(MsgVoiceKept, nil)
		return true, nil
	}
	if t.In.Media != nil && t.In.Media.Kind != MediaImage && t.Text == "" {
		t.say(MsgNeedText, nil)
		return false, t.askField(step)
	}
	switch step {
	case "category":
		c, ok := parseCategory(t.Text)
		if !ok {
			c, ok = categoryNamed(t.Text)
		}
		if !ok {
			if i, picked := answer.Choice(t.Text, questionOptions(t.Lang, MsgAskCategory, nil)); picked && i < len(domain.Categories) {
				c, ok = domain.Categories[i], true
			}
		}
		if !ok {
			t.say(MsgChoiceRange, A{"max": len(domain.Categories)})
			return false, t.askField(step)
		}
		d["cat"] = string(c)
	case "map":
		items, _, err := t.mapChoices()
		if err != nil {
			return false, err
		}
		labels := make([]string, 0, len(items)+1)
		for _, it := range items {
			labels = append(labels, it.Title)
		}
		opts := optionsOf(append(labels, Render(t.Lang, "map_other", nil)), nil)
		opts[len(opts)-1].Words = []string{"lainnya", "lain", "sanesipun", "sanes", "sanés", "lianna", "anu sanés", "tidak ada di peta"}
		if answer.Skip(t.Text) {
			// "tidak ada", "gak tau": none of the map's items.
			t.Text = strconv.Itoa(len(opts))
		}
		n, ok := t.chooseFrom(opts)
		if !ok {
			return false, nil
		}
		delete(d, "map")
		delete(d, "map_title")
		if n <= len(items) {
			d["map"] = strconv.FormatInt(items[n-1].ID, 10)
			d["map_title"] = items[n-1].Title
		}
	case "title":
		title := upperFirst(strings.Join(strings.Fields(t.Text), " "))
		if utf8.RuneCountInString(title) > domain.MaxTitleLen {
			title = cutRunes(title, domain.MaxTitleLen)
			t.say(MsgTooLong, A{"n": domain.MaxTitleLen})
		}
		if utf8.RuneCountInString(title) < 3 || !hasLetter(title) {
			t.say(MsgTitleInvalid, nil)
			return false, nil
		}
		d["title"] = title
	case "description":
		desc := t.Text
		if utf8.RuneCountInString(desc) > domain.MaxDescriptionLen {
			desc = cutRunes(desc, domain.MaxDescriptionLen)
			t.say(MsgTooLong, A{"n": domain.MaxDescriptionLen})
		}
		if utf8.RuneCountInString(desc) < 3 || !hasLetter(desc) {
			t.say(MsgDescInvalid, nil)
			return false, nil
		}
		d["desc"] = desc
		delete(d, "desc_voice")
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, t.gagasanDesa())
		if err != nil {
			return false, err
		}
		du, ok := t.matchDusun(dusuns)
		if !ok {
			return false, nil
		}
		d["dusun"] = strconv.FormatInt(du.ID, 10)
		d["dusun_nama"] = du.Nama
	case "location":
		switch {
		case t.In.Location != nil:
			d["lat"] = strconv.FormatFloat(t.In.Location.Lat, 'f', 6, 64)
			d["lng"] = strconv.FormatFloat(t.In.Location.Lng, 'f', 6, 64)
		case answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
			delete(d, "lat")
			delete(d, "lng")
		default:
			t.say(MsgAskLocation, nil)
			return false, nil
		}
	case "households", "poor":
		if answer.Skip(t.Text) {
			delete(d, map[string]string{"households": "hh", "poor": "poor"}[step])
			if step == "households" {
				delete(d, "poor")
			}
			break
		}
		n, ok := firstCount(t.Text)
		if !ok || n > domain.MaxHouseholds {
			t.say(MsgNeedNumber, nil)
			return false, nil
		}
		if step == "households" {
			d["hh"] = strconv.Itoa(n)
			if p, _ := strconv.Atoi(d["poor"]); p > n {
				delete(d, "poor")
			}
		} else {
			if hh, _ := strconv.Atoi(d["hh"]); n > hh {
				t.say(MsgPoorTooMany, A{"n": hh})
				return false, nil
			}
			d["poor"] = strconv.Itoa(n)
		}
	case "photo":
		switch {
		case t.In.Media != nil && t.In.Media.Kind == MediaImage:
			d["photo"] = strconv.FormatInt(t.In.Media.ID, 10)
		case answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
			delete(d, "photo")
		default:
			t.say(MsgPhotoNeedImage, nil)
			return false, nil
		}
	}
	return true, nil
}

func (t *turn) summary() error {
	d := t.Sess.Data
	location := Render(t.Lang, MsgNone, nil)
	if d["lat"] != "" {
		location = Render(t.Lang, MsgHasPin, nil)
	}
	households := Render(t.Lang, MsgNone, nil)
	if d["hh"] != "" && d["poor"] != "" {
		households = Render(t.Lang, MsgHouseholdsPoor, A{"n": d["hh"], "poor": d["poor"]})
	} else if d["hh"] != "" {
		households = Render(t.Lang, MsgHouseholdsLine, A{"n": d["hh"]})
	}
	photo := Render(t.Lang, MsgNone, nil)
	if d["photo"] != "" {
		photo = Render(t.Lang, MsgHasPhoto, nil)
	}
	dusun := d["dusun_nama"]
	if dusun == "" {
		dusun = Render(t.Lang, MsgNone, nil)
	}
	desc := shorten(d["desc"], 200)
	if d["desc_voice"] != "" && desc == "" {
		desc = Render(t.Lang, MsgVoiceWord, nil)
	}
	t.say(MsgSummary, A{
		"category":    Render(t.Lang, categoryKeys[d["cat"]], nil),
		"title":       d["title"],
		"description": desc,
		"dusun":       dusun,
		"location":    location,
		"households":  households,
		"photo":       photo,
	})
	if d["map_title"] != "" {
		t.say(MsgMapLinkLine, A{"title": d["map_title"]})
	}
	if t.filing() {
		home := d["for_dusun_nama"]
		if home == "" {
			home = Render(t.Lang, MsgNone, nil)
		}
		t.say(MsgUntukLine, A{"name": d["for_name"], "dusun": home})
	}
	t.say(MsgConfirmHint, nil)
	return nil
}

func (t *turn) confirmGagasan() error {
	if strings.EqualFold(t.Text, "UBAH") {
		t.Sess.Step = "edit"
		t.say(MsgAskEdit, nil)
		return nil
	}
	if answer.YesNo(t.Text) != answer.Yes && !strings.EqualFold(t.Text, "KIRIM") {
		t.say(MsgConfirmHint, nil)
		return nil
	}
	d := t.Sess.Data
	g := domain.Gagasan{
		Code:           t.Env.NewCode(domain.CodeGagasan),
		DesaKode:       t.gagasanDesa(),
		Category:       domain.Category(d["cat"]),
		Title:          d["title"],
		Description:    d["desc"],
		Households:     intPtr(d["hh"]),
		PoorHouseholds: intPtr(d["poor"]),
		PhotoID:        int64Ptr(d["photo"]),
		DusunID:        int64Ptr(d["dusun"]),
		MapItemID:      int64Ptr(d["map"]),
		Status:         domain.StatusDiajukan,
	}
	if g.DusunID == nil && t.homeDusun() != 0 {
		id := t.homeDusun()
		g.DusunID = &id
	}
	if t.filing() {
		g.ForName, g.ForGender, g.ForDusunID = d["for_name"], domain.Gender(d["for_gender"]), int64Ptr(d["for_dusun"])
		if d["for_phone"] != "" {
			g.NotifyPhone, g.NotifyChannel = d["for_phone"], t.In.Channel
		}
	}
	g.VoiceID = int64Ptr(d["desc_voice"])
	if d["lat"] != "" {
		lat, _ := strconv.ParseFloat(d["lat"], 64)
		lng, _ := strconv.ParseFloat(d["lng"], 64)
		g.Lat, g.Lng = &lat, &lng
	}
	t.endFlow()
	return t.saveGagasan(g)
}

// categoryWords are the things residents name instead of a category
// ("dalan, dalane bolong2" is about infrastructure).
var categoryWords = func() map[string]domain.Category {
	m := map[string]domain.Category{}
	for c, ws := range map[domain.Category]string{
		domain.CategoryInfrastruktur: "jalan dalan margi jembatan kreteg irigasi saluran selokan got drainase sumur air banyu toya cai lampu listrik talud gorong cor aspal balai mck",
		domain.CategoryEkonomi:       "usaha modal pasar dagang warung ternak umkm pinjam",
		domain.CategoryPendidikan:    "sekolah paud tk guru buku perpustakaan kursus sinau",
		domain.CategoryKesehatan:     "posyandu puskesmas bidan sehat gizi stunting obat jamban",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = c
		}
	}
	return m
}()

// categoryNamed is the one category a short answer's words name, if any.
func categoryNamed(s string) (domain.Category, bool) {
	ws := strings.Fields(answer.Normal(s))
	if len(ws) > 6 {
		return "", false
	}
	var found domain.Category
	for _, w := range ws {
		c, ok := categoryWords[strings.TrimSuffix(strings.TrimSuffix(w, "nya"), "e")]
		if !ok {
			continue
		}
		if found != "" && c != found {
			return "", false
		}
		found = c
	}
	return found, found != ""
}

func parseCategory(s string) (domain.Category, bool) {
	if n, ok := answer.Number(s); ok {
		if n >= 1 && n <= len(domain.Categories) {
			return domain.Categories[n-1], true
		}
		return "", false
	}
	w := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case w == "":
		return "", false
	case strings.HasPrefix(w, "INFRA"), strings.HasPrefix(w, "SARANA"), w == "JALAN":
		return domain.CategoryInfrastruktur, true
	case strings.HasPrefix(w, "EKONOMI"), w == "USAHA":
		return domain.CategoryEkonomi, true
	case strings.HasPrefix(w, "PENDIDIKAN"), w == "SEKOLAH":
		return domain.CategoryPendidikan, true
	case strings.HasPrefix(w, "KESEHATAN"):
		return domain.CategoryKesehatan, true
	case strings.HasPrefix(w, "LAIN"):
		return domain.CategoryLainnya, true
	}
	return "", false
}

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
