package gagasan

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// The steps of the guided gagasan flow, in order, and of the detail flow
// that follows a one-message gagasan.
var (
	guidedSteps = []string{"category", "map", "title", "description", "dusun", "location", "households", "poor", "photo", "confirm"}
	detailSteps = []string{"category", "map", "households", "poor", "photo", "done"}
)

// editSteps are the steps that ask again the parts of flow.EditMenu.
var editSteps = map[flow.Key]string{
	flow.MsgEditCategory: "category", flow.MsgEditTitle: "title", flow.MsgEditDescription: "description",
	flow.MsgEditDusun: "dusun", flow.MsgEditLocation: "location", flow.MsgEditHouseholds: "households",
	flow.MsgEditPhoto: "photo", flow.MsgEditForName: "forname",
}

// askEdit asks which part to change (UBAH): EditMenu's parts, and the
// resident's name when the gagasan is filed for one.
func (t *turn) askEdit() {
	text := t.Render(flow.MsgAskEdit, nil)
	if t.filing() {
		text += "\n" + strconv.Itoa(len(flow.EditMenu.Items)+1) + ". " + t.Render(flow.MsgEditForName, nil)
	}
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: text})
}

// editOptions are the answers to askEdit, in every language.
func (t *turn) editOptions() []answer.Option {
	opts := flow.QuestionOptions(t.Lang, flow.MsgAskEdit, nil)
	if t.filing() {
		name := answer.Option{Label: flow.Render(t.Lang, flow.MsgEditForName, nil)}
		for _, l := range flow.Langs {
			name.Words = append(name.Words, flow.Render(l, flow.MsgEditForName, nil))
		}
		opts = append(opts, name)
	}
	return opts
}

func (t *turn) guidedStep() error {
	step := t.Sess.Step
	switch step {
	case "confirm":
		return t.confirm()
	case "edit":
		n, ok := t.ChooseFrom(t.editOptions())
		if !ok {
			return nil
		}
		t.s.Edit = true
		t.Sess.Step = "forname"
		if item, ok := flow.EditMenu.Pick(n); ok {
			t.Sess.Step = editSteps[item.Label]
		}
		return t.ask(t.Sess.Step)
	case "cancel":
		return t.cancelAnswer()
	}
	if freeStep[step] && t.In.Media == nil && refusal(t.Text) && !saysBatal(t.Text) {
		// "mboten sida" is no title: cancel the draft?
		t.askCancel()
		return nil
	}
	ok, err := t.readField(step)
	if err != nil || !ok {
		return err
	}
	next := t.next(guidedSteps, step)
	if t.s.Edit && !(step == "households" && next == "poor") {
		next = "confirm"
	}
	t.Sess.Step = next
	return t.ask(next)
}

func (t *turn) detailStep() error {
	step := t.Sess.Step
	if step == "offer" {
		// "sampun", "udah itu aja", "tos", "oke makasih": no more, where
		// the offer says "MENU bila sudah cukup".
		if thanks, _ := answer.Thanked(t.Text); t.s.Code != "" && (answer.Done(t.Text) || thanks) {
			code := t.s.Code
			t.endFlow()
			t.Say(flow.MsgOfferClosed, flow.A{"code": code})
			return nil
		}
		if n, ok := answer.Number(t.Text); (ok && n == 1) || answer.YesNo(t.Text) == answer.Yes || answer.More(t.Text) || strings.EqualFold(t.Text, "DETAIL") {
			t.Sess.Step = "category"
			return t.ask("category")
		}
		if t.addText() {
			return nil
		}
		if t.In.Media != nil && t.In.Media.Kind == flow.MediaImage {
			// A photo at the offer ("niki fotone …") is not its end:
			// read afresh, it is offered to the gagasan (fotogagasan).
			t.endFlow()
			return t.Again()
		}
		if code := t.s.Code; code != "" && closing(t.Text) {
			// "mpun cekap matur nuwun": the offer ends, politely.
			t.endFlow()
			t.Say(flow.MsgOfferClosed, flow.A{"code": code})
			return nil
		}
		t.endFlow()
		t.Say(flow.MsgMenu, nil)
		return nil
	}
	if step == "addask" {
		return t.addAnswer()
	}
	ok, err := t.readField(step)
	if err != nil || !ok {
		return err
	}
	next := t.next(detailSteps, step)
	if next != "done" {
		t.Sess.Step = next
		return t.ask(next)
	}
	s := t.s
	t.Cmd(flow.UpdateGagasanDetail{
		Code:           s.Code,
		Category:       s.Category,
		Households:     s.Households,
		PoorHouseholds: s.Poor,
		PhotoID:        idPtr(s.PhotoID),
		MapItemID:      idPtr(s.MapID),
	})
	t.endFlow()
	t.Say(flow.MsgDetailDone, flow.A{"code": s.Code})
	return nil
}

// addText keeps a message sent right after a one-message gagasan was
// saved that is more of it (its second half, "eh, lain, lokasina di RT
// 03") as the sender's words added to its description: nothing a person
// writes there is dropped. The offer stays open for more.
func (t *turn) addText() bool {
	text := strings.TrimSpace(t.Text)
	if t.s.Code == "" || t.In.Media != nil || t.In.Location != nil || !flow.HasLetter(text) ||
		ContentWords(text) < 2 || answer.YesNo(text) != answer.Unclear || answer.Skip(text) || answer.Done(text) ||
		answer.Thanks(text) || closing(text) {
		return false
	}
	if ContentWords(text) < minDetailWords || request(text) {
		// A few words, or a request ("mau ubah judulnya"): more of the
		// gagasan only if the sender says so.
		t.s.Extra = flow.CutRunes(text, domain.MaxDescriptionLen)
		t.Sess.Step = "addask"
		t.Say(flow.MsgAddTextAsk, flow.A{"code": t.s.Code})
		return true
	}
	t.Cmd(flow.AddGagasanText{Code: t.s.Code, Text: flow.CutRunes(text, domain.MaxDescriptionLen)})
	t.Say(flow.MsgTextAdded, flow.A{"code": t.s.Code})
	return true
}

// minDetailWords is the fewest content words a message at the detail
// offer needs to be added to the description without asking.
const minDetailWords = 4

// addAnswer reads the answer to "add this message to G-…?": YA adds it,
// TIDAK ends the offer; anything else is read as at the offer.
func (t *turn) addAnswer() error {
	extra := t.s.Extra
	t.s.Extra = ""
	t.Sess.Step = "offer"
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		t.Cmd(flow.AddGagasanText{Code: t.s.Code, Text: extra})
		t.Say(flow.MsgTextAdded, flow.A{"code": t.s.Code})
		return nil
	case answer.No:
		code := t.s.Code
		t.endFlow()
		t.Say(flow.MsgOfferClosed, flow.A{"code": code})
		return nil
	}
	return t.detailStep()
}

// next returns the step after cur, skipping the poor-household question
// when no household count was given, and the photo question when a photo
// came earlier.
func (t *turn) next(steps []string, cur string) string {
	for i, s := range steps {
		if s == cur && i+1 < len(steps) {
			next := steps[i+1]
			// The poor read with the households ("15 kk, yg miskin 6").
			if next == "poor" && (t.s.Households == nil || *t.s.Households == 0 || t.s.Poor != nil && !t.s.Edit) {
				return t.next(steps, next)
			}
			// The title and description told with the resident's name
			// (GAGASAN UNTUK) are not asked again.
			if (next == "title" && t.s.Title != "" || next == "description" && t.s.Desc != "") && t.filing() && !t.s.Edit {
				return t.next(steps, next)
			}
			// A photo sent earlier with a caption answers the photo question.
			if next == "photo" && t.s.PhotoID != 0 && !t.s.Edit {
				return t.next(steps, next)
			}
			return next
		}
	}
	return steps[len(steps)-1]
}

// steps are the steps of the flow the contact is in.
func (t *turn) steps() []string {
	if t.Sess.Flow == NameDetail {
		return detailSteps
	}
	return guidedSteps
}

// ask asks the question of step (or passes a question with nothing to
// ask: a desa without dusun, a dusun without a map).
func (t *turn) ask(step string) error {
	switch step {
	case "category":
		t.Say(flow.MsgAskCategory, nil)
	case "title":
		if t.filing() {
			t.Say(flow.MsgAskTitleUntuk, flow.A{"name": t.s.For.Name})
		} else {
			t.Say(flow.MsgAskTitle, nil)
		}
	case "description":
		t.Say(flow.MsgAskDescription, nil)
	case "dusun":
		return t.askDusun()
	case "map":
		return t.askMapLink()
	case "location":
		t.Say(flow.MsgAskLocation, nil)
	case "forname":
		t.Say(flow.MsgUntukAskName, nil)
	case "households":
		t.Say(flow.MsgAskHouseholds, nil)
	case "poor":
		t.Say(flow.MsgAskPoor, flow.A{"n": countText(t.s.Households)})
	case "photo":
		t.Say(flow.MsgAskPhoto, nil)
	case "confirm":
		return t.summary()
	case "cancel":
		t.Say(flow.MsgCancelDraft, flow.A{"n": t.answers()})
	}
	return nil
}

// askDusun asks where the gagasan is, unless the desa has no dusun or
// the title already says ("Jalan dusun Sambiroto berlubang").
func (t *turn) askDusun() error {
	dusuns, err := t.View.Dusuns(t.Ctx, t.desa())
	if err != nil {
		return err
	}
	if len(dusuns) == 0 {
		t.Sess.Step = t.next(guidedSteps, "dusun")
		return t.ask(t.Sess.Step)
	}
	if !t.s.Edit && t.filing() && t.s.DusunID != 0 {
		// GAGASAN UNTUK asked the resident's dusun: the gagasan's is the
		// same unless changed at the summary (UBAH).
		t.Sess.Step = t.next(guidedSteps, "dusun")
		return t.ask(t.Sess.Step)
	}
	if !t.s.Edit && t.s.DusunID == 0 {
		if du, ok := dusunNamedIn(t.s.Title+" "+t.s.Desc, dusuns); ok {
			t.s.DusunID, t.s.DusunNama = du.ID, du.Nama
			t.Sess.Step = t.next(guidedSteps, "dusun")
			return t.ask(t.Sess.Step)
		}
	}
	t.Say(flow.MsgAskGagasanDusun, flow.A{"list": flow.Numbered(flow.DusunNames(dusuns))})
	return nil
}

// askMapLink offers the items of the dusun's social map the gagasan may
// answer; none to offer passes the question.
func (t *turn) askMapLink() error {
	items, dusun, err := t.mapChoices()
	if err != nil {
		return err
	}
	if len(items) == 0 {
		t.Sess.Step = t.next(t.steps(), "map")
		return t.ask(t.Sess.Step)
	}
	names := make([]string, 0, len(items)+1)
	for _, it := range items {
		names = append(names, flow.MapKindText(t.Lang, it.Kind)+": "+it.Title)
	}
	names = append(names, flow.Render(t.Lang, "map_other", nil))
	t.Say(flow.MsgAskMapLink, flow.A{"dusun": dusun, "list": flow.Numbered(names)})
	return nil
}

// mapChoices are the items a gagasan of the contact's dusun may answer.
func (t *turn) mapChoices() ([]domain.MapItem, string, error) {
	home := t.homeDusun()
	if home == 0 {
		return nil, "", nil
	}
	m, err := t.View.DusunMap(t.Ctx, home)
	if err != nil {
		return nil, "", err
	}
	var out []domain.MapItem
	for _, it := range m.Items {
		if it.Kind.Answerable() {
			out = append(out, it)
		}
	}
	return out, m.Dusun.Nama, nil
}

// countText is a count for a message, "" when not given.
func countText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// readField reads the answer to a step into the state; false means the
// answer was not accepted and the question has been asked again.
func (t *turn) readField(step string) (bool, error) {
	if ok, done, err := t.readAttachment(step); done {
		return ok, err
	}
	switch step {
	case "category":
		return t.readCategory(), nil
	case "map":
		return t.readMapLink()
	case "title":
		return t.readTitle(), nil
	case "description":
		return t.readDescription(), nil
	case "dusun":
		return t.readDusun()
	case "location":
		return t.readLocation(), nil
	case "forname":
		return t.readForName(), nil
	case "households":
		return t.readHouseholds(), nil
	case "poor":
		return t.readPoor(), nil
	case "photo":
		return t.readPhoto(), nil
	}
	return true, nil
}

// readAttachment reads what came with an answer besides its words: a
// photo or a pin sent early is kept for its own step, a voice note tells
// the description. done reports that the answer was settled here (ok:
// accepted, or not and the question was asked again).
func (t *turn) readAttachment(step string) (ok, done bool, err error) {
	media := t.In.Media
	// A photo with a caption answers a text question with its caption, and
	// the photo is kept for the gagasan.
	if media != nil && media.Kind == flow.MediaImage && step != "photo" {
		if t.s.PhotoID == 0 {
			t.s.PhotoID = media.ID
		}
		if t.Text == "" {
			t.Say(flow.MsgNeedText, nil)
			return false, true, t.ask(step)
		}
	}
	if t.In.Location != nil && step != "location" {
		// A pin sent early is kept for the location step.
		t.keepPin()
		if t.Text == "" {
			t.Say(flow.MsgNeedText, nil)
			return false, true, t.ask(step)
		}
	}
	if media != nil && media.Kind == flow.MediaAudio && step == "description" {
		// A voice note tells the problem; someone writes it down later.
		t.s.VoiceID = media.ID
		t.s.Desc = flow.CutRunes(t.Text, domain.MaxDescriptionLen)
		t.Say(flow.MsgVoiceKept, nil)
		return true, true, nil
	}
	if media != nil && media.Kind != flow.MediaImage && t.Text == "" {
		t.Say(flow.MsgNeedText, nil)
		return false, true, t.ask(step)
	}
	return false, false, nil
}

// keepPin keeps the pin that came with the message as the gagasan's
// location, to six decimals (about 10 cm).
func (t *turn) keepPin() {
	round := func(x float64) float64 {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
		return r
	}
	t.s.Pin = &domain.Location{Lat: round(t.In.Location.Lat), Lng: round(t.In.Location.Lng)}
}

// readCategory reads "Gagasan ini tentang apa?": a number, a category's
// name, or the thing the gagasan is about ("dalan bolong").
func (t *turn) readCategory() bool {
	c, ok := parseCategory(t.Text)
	if !ok {
		c, ok = categoryNamed(t.Text)
	}
	if !ok {
		if i, picked := answer.Choice(t.Text, flow.QuestionOptions(t.Lang, flow.MsgAskCategory, nil)); picked && i < len(domain.Categories) {
			c, ok = domain.Categories[i], true
		}
	}
	if !ok {
		t.Say(flow.MsgChoiceRange, flow.A{"max": len(domain.Categories)})
		t.Say(flow.MsgAskCategory, nil)
		return false
	}
	t.s.Category = c
	return true
}

// otherWords name the last item of the map question: none of the map's.
var otherWords = []string{"lainnya", "lain", "sanesipun", "sanes", "sanés", "lianna", "anu sanés", "tidak ada di peta"}

// readMapLink reads which item of the dusun's social map the gagasan
// answers, or none ("lainnya", "tidak ada").
func (t *turn) readMapLink() (bool, error) {
	items, _, err := t.mapChoices()
	if err != nil {
		return false, err
	}
	labels := make([]string, 0, len(items)+1)
	for _, it := range items {
		labels = append(labels, it.Title)
	}
	opts := flow.OptionsOf(append(labels, flow.Render(t.Lang, "map_other", nil)), nil)
	opts[len(opts)-1].Words = otherWords
	if answer.Skip(t.Text) {
		// "tidak ada", "gak tau": none of the map's items.
		t.Text = strconv.Itoa(len(opts))
		t.skipped()
	}
	n, ok := t.ChooseFrom(opts)
	if !ok {
		return false, nil
	}
	t.s.MapID, t.s.MapTitle = 0, ""
	if n <= len(items) {
		t.s.MapID, t.s.MapTitle = items[n-1].ID, items[n-1].Title
	}
	return true, nil
}

// readTitle reads the gagasan's title, cut to its longest.
func (t *turn) readTitle() bool {
	title := flow.UpperFirst(strings.Join(strings.Fields(t.Text), " "))
	if utf8.RuneCountInString(title) > domain.MaxTitleLen {
		title = flow.CutRunes(title, domain.MaxTitleLen)
		t.Say(flow.MsgTooLong, flow.A{"n": domain.MaxTitleLen})
	}
	if utf8.RuneCountInString(title) < 3 || !flow.HasLetter(title) {
		t.Say(flow.MsgTitleInvalid, nil)
		return false
	}
	t.s.Title = title
	return true
}

// readForName reads a new name for the resident a gagasan is filed for.
func (t *turn) readForName() bool {
	name, err := domain.CleanName(t.Text)
	if _, num := answer.Number(t.Text); err != nil || num || !t.filing() {
		t.Say(flow.MsgNameInvalid, nil)
		return false
	}
	t.s.For.Name = name
	return true
}

// readDescription reads the problem or potential the gagasan answers; a
// written one replaces a voice note.
func (t *turn) readDescription() bool {
	desc := t.Text
	if utf8.RuneCountInString(desc) > domain.MaxDescriptionLen {
		desc = flow.CutRunes(desc, domain.MaxDescriptionLen)
		t.Say(flow.MsgTooLong, flow.A{"n": domain.MaxDescriptionLen})
	}
	if utf8.RuneCountInString(desc) < 3 || !flow.HasLetter(desc) {
		t.Say(flow.MsgDescInvalid, nil)
		return false
	}
	t.s.Desc, t.s.VoiceID = desc, 0
	return true
}

// readDusun reads the dusun the gagasan is for.
func (t *turn) readDusun() (bool, error) {
	dusuns, err := t.View.Dusuns(t.Ctx, t.desa())
	if err != nil {
		return false, err
	}
	du, ok := t.MatchDusun(dusuns)
	if !ok {
		return false, nil
	}
	t.s.DusunID, t.s.DusunNama = du.ID, du.Nama
	return true, nil
}

// readLocation reads a pin, or a skip or no.
func (t *turn) readLocation() bool {
	switch {
	case t.In.Location != nil:
		t.keepPin()
	case declined(t.Text):
		t.s.Pin = nil
		t.skipped()
	default:
		t.Say(flow.MsgAskLocation, nil)
		return false
	}
	return true
}

// skipped counts a skip of an optional question (not one at UBAH, which
// only goes back to the summary).
func (t *turn) skipped() {
	if !t.s.Edit {
		t.s.Skipped++
	}
}

// declined tells whether an answer skips an optional question.
func declined(text string) bool {
	return answer.Skip(text) || answer.YesNo(text) == answer.No
}

// readHouseholds reads how many households benefit, or a skip (which
// drops the poor households with it).
func (t *turn) readHouseholds() bool {
	if answer.Skip(t.Text) {
		t.s.Households, t.s.Poor = nil, nil
		t.skipped()
		return true
	}
	if n, poor, ok := answer.CountPoor(t.Text); ok && n <= domain.MaxHouseholds {
		t.s.Households, t.s.Poor = &n, &poor
		return true
	}
	n, ok := t.readHouseholdCount()
	if !ok {
		return false
	}
	t.s.Households = &n
	if t.s.Poor != nil && *t.s.Poor > n {
		t.s.Poor = nil
	}
	return true
}

// readPoor reads how many of those households are poor: no more than all.
func (t *turn) readPoor() bool {
	if answer.Skip(t.Text) {
		t.s.Poor = nil
		t.skipped()
		return true
	}
	n, ok := t.readHouseholdCount()
	if !ok {
		return false
	}
	hh := 0
	if t.s.Households != nil {
		hh = *t.s.Households
	}
	if n > hh {
		t.Say(flow.MsgPoorTooMany, flow.A{"n": hh})
		return false
	}
	t.s.Poor = &n
	return true
}

// readHouseholdCount reads a count of households ("sekitar 40 KK").
// A number that names a place ("eh, lain, lokasina di RT 03") is no
// count: the words are kept as detail of the gagasan and the question
// asked again.
func (t *turn) readHouseholdCount() (int, bool) {
	n, ok := answer.Count(t.Text)
	if !ok && len(answer.Numbers(t.Text)) > 0 && ContentWords(t.Text) >= 2 {
		t.keepNote()
	}
	if !ok || n > domain.MaxHouseholds {
		t.Say(flow.MsgNeedNumber, nil)
		return 0, false
	}
	return n, true
}

// keepNote keeps the sender's words that answer no question as detail of
// the gagasan: added to the description being written, or to the saved
// gagasan's in the detail flow.
func (t *turn) keepNote() {
	text := strings.TrimSpace(t.Text)
	switch {
	case t.Sess.Flow == NameDetail && t.s.Code != "":
		t.Cmd(flow.AddGagasanText{Code: t.s.Code, Text: flow.CutRunes(text, domain.MaxDescriptionLen)})
	case t.s.Desc == "":
		t.s.Desc = flow.CutRunes(text, domain.MaxDescriptionLen)
	default:
		t.s.Desc = flow.CutRunes(t.s.Desc+"\n"+text, domain.MaxDescriptionLen)
	}
	t.Say(flow.MsgNoteKept, nil)
}

// readPhoto reads a photo, or a skip or no.
func (t *turn) readPhoto() bool {
	switch {
	case t.In.Media != nil && t.In.Media.Kind == flow.MediaImage:
		t.s.PhotoID = t.In.Media.ID
	case declined(t.Text):
		t.s.PhotoID = 0
		t.skipped()
	default:
		t.Say(flow.MsgPhotoNeedImage, nil)
		return false
	}
	return true
}

// summary shows the gagasan before it is sent.
func (t *turn) summary() error {
	s := t.s
	none := flow.Render(t.Lang, flow.MsgNone, nil)
	location := none
	if s.Pin != nil {
		location = flow.Render(t.Lang, flow.MsgHasPin, nil)
	}
	households := none
	if s.Households != nil && s.Poor != nil {
		households = flow.Render(t.Lang, flow.MsgHouseholdsPoor, flow.A{"n": countText(s.Households), "poor": countText(s.Poor)})
	} else if s.Households != nil {
		households = flow.Render(t.Lang, flow.MsgHouseholdsLine, flow.A{"n": countText(s.Households)})
	}
	photo := none
	if s.PhotoID != 0 {
		photo = flow.Render(t.Lang, flow.MsgHasPhoto, nil)
	}
	dusun := s.DusunNama
	if dusun == "" {
		dusun = none
	}
	desc := flow.Shorten(s.Desc, 200)
	if s.VoiceID != 0 && desc == "" {
		desc = flow.Render(t.Lang, flow.MsgVoiceWord, nil)
	}
	t.Say(flow.MsgSummary, flow.A{
		"category":    flow.Render(t.Lang, flow.CategoryKeys[string(s.Category)], nil),
		"title":       s.Title,
		"description": desc,
		"dusun":       dusun,
		"location":    location,
		"households":  households,
		"photo":       photo,
	})
	if s.MapTitle != "" {
		t.Say(flow.MsgMapLinkLine, flow.A{"title": s.MapTitle})
	}
	if t.filing() {
		home := s.For.DusunNama
		if home == "" {
			home = none
		}
		t.Say(flow.MsgUntukLine, flow.A{"name": s.For.Name, "dusun": home})
		if s.For.Phone != "" {
			t.Say(flow.MsgUntukPhoneLine, flow.A{"name": s.For.Name, "phone": string(s.For.Phone)})
		}
	}
	t.Say(flow.MsgConfirmHint, nil)
	return nil
}
