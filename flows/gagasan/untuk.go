package gagasan

import (
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// startUntuk starts GAGASAN UNTUK: a KPMD (or facilitator) filing for a
// resident met at a dusun meeting who has no phone. It asks who the
// gagasan is for, then runs the guided flow in the resident's name.
func (t *turn) startUntuk() error {
	t.endFlow()
	desas := flow.KPMDDesas(t.Contact)
	if len(desas) == 0 {
		t.Say(flow.MsgNotKPMD, flow.A{"word": "GAGASAN UNTUK"})
		return nil
	}
	if len(desas) > 1 {
		// A cadre of several desa says which one the resident lives in.
		t.GoTo(NameUntuk, "desa")
		t.s.For = &Resident{}
		t.s.Desa = &flow.DesaChoice{Within: desas}
		if ok, err := t.AskDesa(t.s.Desa); err != nil || !ok {
			t.endFlow()
			return err
		}
		return nil
	}
	t.GoTo(NameUntuk, "name")
	t.s.For = &Resident{DesaKode: desas[0]}
	t.Say(flow.MsgUntukAskName, nil)
	return nil
}

// untukDesa reads the resident's desa (a cadre of several), then asks
// the name, or goes on with the name given with the keyword.
func (t *turn) untukDesa() error {
	if t.s.Desa == nil {
		return flow.ErrDamaged
	}
	d, ok, err := t.ReadDesa(t.s.Desa)
	if err != nil || !ok {
		return err
	}
	t.s.Desa = nil
	t.s.For.DesaKode = d.Kode
	t.Sess.Step = "name"
	if name := t.s.For.Name; name != "" {
		t.Text = name
		return t.untukName()
	}
	t.Say(flow.MsgUntukAskName, nil)
	return nil
}

// startUntukFor starts GAGASAN UNTUK with the resident's name given
// ("gagasan untuk mbah karto"); rest, what followed the name, answers the
// dusun question when it names the resident's dusun.
func (t *turn) startUntukFor(name, rest string) error {
	if err := t.startUntuk(); err != nil || t.Sess.Flow != NameUntuk {
		return err
	}
	if t.Sess.Step == "desa" {
		// Asked after the desa.
		t.s.For.Name = name
		t.keepToldGagasan(rest)
		return nil
	}
	t.Out.Replies = t.Out.Replies[:len(t.Out.Replies)-1] // the name is known: not asked
	t.keepToldGagasan(rest)
	t.Text = name
	if err := t.untukName(); err != nil || t.Sess.Step != "dusun" || rest == "" {
		return err
	}
	dusuns, err := t.View.Dusuns(t.Ctx, t.s.For.DesaKode)
	if err != nil {
		return err
	}
	if m := flow.MatchNames(rest, flow.DusunNames(dusuns)); len(m) == 1 {
		t.Out.Replies = t.Out.Replies[:len(t.Out.Replies)-1] // the dusun is known: not asked
		t.Text = dusuns[m[0]].Nama
		return t.untukDusun()
	}
	return nil
}

// honorifics start a person's name ("mbah karto", "bu sri", "ceu imas").
var honorifics = map[string]bool{
	"mbah": true, "pak": true, "bapak": true, "bu": true, "ibu": true, "mas": true, "mbak": true, "kang": true,
	"teh": true, "ceu": true, "nyi": true, "aki": true, "nini": true, "eyang": true, "mak": true, "mbok": true,
	"bude": true, "pakde": true, "bi": true, "mang": true, "lik": true, "yu": true, "kakek": true, "nenek": true,
}

// nameEnd are the words after a name that tell about the person ("mbah
// painem dari sambiroto", "bu sri tetangga saya").
var nameEnd = map[string]bool{"dari": true, "saking": true, "ti": true, "di": true, "ing": true, "teng": true, "ten": true,
	"tetangga": true, "tanggi": true, "tatangga": true, "warga": true, "yang": true, "sing": true, "ingkang": true, "nu": true,
	"dusun": true, "dukuh": true, "rt": true, "gak": true, "tidak": true, "ora": true, "mboten": true, "teu": true}

// forWhom reads "untuk mbah karto" (kangge, kanggo, buat) after GAGASAN:
// the name of the resident a gagasan is for, when what follows the word
// is a person's name (a title of address, then at most three words), and
// what follows the name ("untuk mbah painem, tetangga saya gak punya hp":
// the name ends at a comma, or after one word past the title when more
// follow).
func forWhom(text string) (name, rest string, ok bool) {
	ws := strings.Fields(text)
	if len(ws) < 3 {
		return "", "", false
	}
	switch strings.ToLower(ws[0]) {
	case "untuk", "utk", "kangge", "kanggo", "buat":
	default:
		return "", "", false
	}
	if !honorifics[strings.ToLower(strings.Trim(ws[1], ".,"))] {
		return "", "", false
	}
	end := len(ws)
	for i := 2; i < len(ws) && i <= 4; i++ {
		if nameEnd[strings.ToLower(ws[i])] {
			end = i
			break
		}
		if strings.ContainsAny(ws[i], ",.:;") {
			end = i + 1
			break
		}
	}
	if end > 5 {
		end = 3 // "untuk mbah painem tetangga saya …": the title and one word
	}
	name = strings.Trim(strings.Join(ws[1:end], " "), ",.:;- ")
	rest = strings.TrimSpace(strings.Trim(strings.Join(ws[end:], " "), ",.:;- "))
	if _, err := domain.CleanName(name); err != nil || flow.HasCode(name) {
		return "", "", false
	}
	return name, rest, true
}

func (t *turn) untukStep() error {
	if t.s.For == nil || t.s.For.DesaKode == "" && t.Sess.Step != "desa" {
		return flow.ErrDamaged // every step is about the KPMD's desa
	}
	switch t.Sess.Step {
	case "desa":
		return t.untukDesa()
	case "name":
		return t.untukName()
	case "dusun":
		return t.untukDusun()
	case "gender":
		t.untukGender()
	case "phone":
		return t.untukPhone()
	default:
		t.endFlow()
		return t.startUntuk()
	}
	return nil
}

// untukName reads the resident's name, then asks their dusun.
func (t *turn) untukName() error {
	r := t.s.For
	name, err := domain.CleanName(t.Text)
	if _, num := answer.Number(t.Text); err != nil || num {
		t.Say(flow.MsgNameInvalid, nil)
		return nil
	}
	r.Name = name
	dusuns, err := t.View.Dusuns(t.Ctx, r.DesaKode)
	if err != nil {
		return err
	}
	if len(dusuns) == 0 {
		t.Sess.Step = "gender"
		t.Say(flow.MsgUntukAskGender, flow.A{"name": name})
		return nil
	}
	t.Sess.Step = "dusun"
	t.Say(flow.MsgUntukAskDusun, flow.A{"name": name, "list": flow.Numbered(flow.DusunNames(dusuns))})
	return nil
}

// untukDusun reads the resident's dusun, which the gagasan's own dusun
// starts as.
func (t *turn) untukDusun() error {
	r := t.s.For
	dusuns, err := t.View.Dusuns(t.Ctx, r.DesaKode)
	if err != nil {
		return err
	}
	du, ok := t.MatchDusun(dusuns)
	if !ok {
		return nil
	}
	if du.ID != 0 {
		r.DusunID, r.DusunNama = du.ID, du.Nama
		t.s.DusunID, t.s.DusunNama = du.ID, du.Nama
	}
	t.Sess.Step = "gender"
	t.Say(flow.MsgUntukAskGender, flow.A{"name": r.Name})
	return nil
}

// untukGender reads the resident's gender, then asks for a relative's
// number.
func (t *turn) untukGender() {
	g, ok := flow.ParseGender(t.Text)
	if !ok {
		t.Say(flow.MsgGenderHint, nil)
		return
	}
	t.s.For.Gender = g
	t.Sess.Step = "phone"
	t.Say(flow.MsgUntukAskPhone, flow.A{"name": t.s.For.Name})
}

// untukPhone reads a relative's number to tell of the gagasan (or a
// skip), then asks the gagasan's first question not yet answered by the
// words that came with the name.
func (t *turn) untukPhone() error {
	if !answer.Skip(t.Text) {
		p, err := domain.ParsePhone(t.Text)
		if err != nil {
			t.Say(flow.MsgUntukPhoneBad, nil)
			return nil
		}
		t.s.For.Phone = p
	}
	t.Sess.Flow, t.Sess.Step = Name, "category"
	t.Say(flow.MsgUntukStart, flow.A{"name": t.s.For.Name})
	if t.s.Category != "" {
		t.Sess.Step = t.next(guidedSteps, "category")
		return t.ask(t.Sess.Step)
	}
	t.Say(flow.MsgAskCategory, nil)
	return nil
}

// keepToldGagasan keeps the gagasan told after the resident's name
// ("gagasan untuk mbah karto, wonge wis sepuh ra duwe hp. njaluk lampu
// dalan neng gang ngarep omahe, peteng banget") as its description, with
// a title from the sentence that names what is asked for (as the
// one-message gagasan's) and the category its words name: those are not
// asked again. Words about the resident alone ("tetangga saya gak punya
// hp", a dusun) are no gagasan: one sentence must name what it is about.
func (t *turn) keepToldGagasan(rest string) {
	if ContentWords(rest) < 4 {
		return
	}
	about := ""
	for _, s := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(".\n!?", r) }) {
		if _, ok := categoryIn(s); ok {
			about = s
			break
		}
	}
	if about == "" {
		return
	}
	t.s.Desc = flow.CutRunes(rest, domain.MaxDescriptionLen)
	t.s.Title = titleFrom(t.Lang, strings.TrimSpace(about))
	if c, ok := categoryIn(rest); ok {
		t.s.Category = c
	}
}

// categoryIn is the one category the words of a text name ("lampu dalan"
// is infrastructure), of any length.
func categoryIn(text string) (domain.Category, bool) {
	var found domain.Category
	for _, w := range strings.Fields(answer.Normal(text)) {
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
