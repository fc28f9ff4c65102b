package daftar

import (
	"strings"

	"github.com/lithammer/fuzzysearch/fuzzy"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/gagasan"
)

// lang is the language registration speaks: the one chosen at the
// language question, else the one the first message was written in, else
// the desa's; "" when none is known.
func (s State) lang() string {
	for _, l := range []string{s.Lang, s.Guess, s.DesaLang} {
		if flow.ValidLang(l) {
			return l
		}
	}
	return ""
}

// Lang is the language registration speaks to the contact of ft, whose
// session is in it ("" when none is known): a question answered during
// the consent is answered in it.
func Lang(ft *flow.Turn) string {
	s, err := flow.Load[State](ft)
	if err != nil {
		return ""
	}
	return s.lang()
}

// registration runs the consent and registration flow for a contact who has
// not finished it. Nothing is stored before consent.
func (t *turn) registration() error {
	kw, whole := t.kw, t.arg == ""
	// The contact has no desa yet to take its language from: the one
	// chosen at the language question, else the desa's (the board's, or
	// the one picked after the question was skipped).
	if l := t.s.lang(); l != "" {
		t.Lang = l
	}
	if t.In.NotKept != "" {
		// A photo or voice note before consent was dropped unstored: said
		// after the reply, so that the consent text comes first.
		defer t.Say(flow.MsgMediaNotKept, nil)
	}
	if kw == "BATAL" && whole {
		t.endFlow()
		t.Say(flow.MsgRegisterCanceled, nil)
		return nil
	}
	if kode, ok := answer.BoardHello(t.Text); ok {
		return t.boardHello(kode)
	}
	// "DAFTAR Nama#Desa#Dusun[#P/L]" registers in one message (the SMS
	// habit). Before consent the fields wait in the session, not in the
	// records, until the resident answers YA.
	if kw == "DAFTAR" {
		if arg := t.arg; strings.Contains(arg, "#") {
			if t.Contact == nil {
				t.GoTo(Name, "consent")
				t.s.Quick = flow.CutRunes(arg, 200)
				t.sayWelcome()
				return nil
			}
			t.GoTo(Name, "name")
			return t.quickRegister(arg)
		}
	}
	if t.Sess.Flow != Name {
		return t.startRegistration()
	}
	switch t.Sess.Step {
	case "consent":
		return t.consentStep()
	case "lang":
		return t.langStep()
	case "name":
		return t.nameStep()
	case "desa":
		return t.pickDesa()
	case "dusun":
		return t.pickRegDusun()
	case "gender":
		return t.genderStep()
	case "confirm":
		return t.confirmStep()
	}
	// An unknown step (an old session): start again.
	t.endFlow()
	return t.registration()
}

// boardHello reads "HALO 34.04.11.2002", the message a desa's board link
// and QR code make residents send: the resident is placed in that desa
// (when the number written to serves it), gets its language until they
// choose one, and confirms it with YA where the desa is asked. Sent again
// in the middle of registration, the question waiting is asked again.
func (t *turn) boardHello(kode string) error {
	d, ok, err := t.DesaInScope(&t.s.DesaChoice, kode)
	if err != nil {
		return err
	}
	if ok {
		t.s.Proposed = d.Kode
		if t.s.Lang == "" && !t.s.Change && flow.ValidLang(d.Lang) {
			t.s.DesaLang = d.Lang
			t.Lang = d.Lang
		}
	}
	if t.Sess.Flow != Name {
		return t.startRegistration()
	}
	switch t.Sess.Step {
	case "consent":
		t.sayWelcome()
	case "lang":
		if t.BySMS() {
			t.Say(flow.MsgAskNameOrLang, nil)
		} else {
			t.Say(flow.MsgAskLang, nil)
		}
	case "name":
		t.Say(flow.MsgAskName, nil)
	default: // the desa, or past it: the desa again
		return t.askDesa()
	}
	return nil
}

// startRegistration asks for consent, or for the name when consent was
// given earlier and the rest not finished.
func (t *turn) startRegistration() error {
	t.GoTo(Name, "")
	// A first message that carries a gagasan ("gagasan sumur bor dusun
	// kidul kering tiap kemarau") waits in the session, not in the
	// records, and is saved once the resident has registered.
	kw, arg := t.kw, t.arg
	if kw != "GAGASAN" {
		// "sugeng siang, kula badhe usul sumur bor …"
		if w, rest := answer.Request(t.Text); w == "GAGASAN" {
			kw, arg = w, rest
		}
	}
	if kw == "GAGASAN" && arg != "" && !gagasan.VagueTitle(arg) {
		t.s.Pending = flow.CutRunes(arg, domain.MaxDescriptionLen)
	}
	if t.Contact == nil {
		// "kula nuwun", "punten": the consent in the language they wrote.
		if g := answer.GuessLang(t.Text); g != "" && t.s.Lang == "" {
			t.s.Guess = g
			t.Lang = g
		}
		t.Sess.Step = "consent"
		t.sayWelcome()
		return nil
	}
	// Consent given earlier; the rest was not finished.
	t.Sess.Step = "name"
	t.Say(flow.MsgAskName, nil)
	return nil
}

// consentStep reads the answer to the consent text: YA stores the contact
// and asks for the language (or goes on with a DAFTAR message's fields).
func (t *turn) consentStep() error {
	switch answer.YesNo(t.Text) {
	case answer.Yes:
		t.Cmd(flow.GiveConsent{})
		t.Sess.Step = "name"
		if quick := t.s.Quick; quick != "" {
			t.s.Quick = ""
			return t.quickRegister(quick)
		}
		// One question for the language, then the rest in it. On SMS
		// the name is asked at once, with the language as a choice
		// beside it: every question costs the resident an SMS.
		t.Sess.Step = "lang"
		if t.BySMS() {
			t.Say(flow.MsgAskNameOrLang, nil)
		} else {
			t.Say(flow.MsgAskLang, nil)
		}
	case answer.No:
		t.endFlow()
		t.Say(flow.MsgConsentDeclined, nil)
	default:
		// A gagasan sent while consent is asked waits with it.
		if t.s.Pending == "" {
			if w, rest := answer.Request(t.Text); w == "GAGASAN" && rest != "" && !gagasan.VagueTitle(rest) {
				t.s.Pending = flow.CutRunes(rest, domain.MaxDescriptionLen)
			} else if k, a := t.kw, t.arg; (k == "GAGASAN" || k == "USUL" || k == "IDE") && a != "" && !gagasan.VagueTitle(a) {
				t.s.Pending = flow.CutRunes(a, domain.MaxDescriptionLen)
			}
		}
		t.Say(flow.MsgConsentHint, nil)
	}
	return nil
}

// langStep reads the language; a name instead skips the question.
func (t *turn) langStep() error {
	lang, ok := flow.ParseLang(t.Text)
	if !ok {
		// A name instead of a choice skips the question: the desa's
		// default language applies, and the name is taken.
		if _, num := answer.Number(t.Text); !num {
			if name, err := domain.CleanName(nameFrom(t.Text)); err == nil {
				t.s.Name = name
				if g := t.s.Guess; flow.ValidLang(g) {
					// They wrote in it before being asked.
					t.Cmd(flow.SetLang{Lang: g})
					t.s.Lang = g
				}
				return t.askDesa()
			}
		}
		t.Say(flow.MsgChoiceRange, flow.A{"max": len(flow.Langs)})
		t.Say(flow.MsgAskLang, nil)
		return nil
	}
	t.Cmd(flow.SetLang{Lang: lang})
	t.Lang = lang
	t.s.Lang = lang
	t.Sess.Step = "name"
	t.Say(flow.MsgAskName, nil)
	return nil
}

// nameStep reads the resident's name (UBAH DATA: a skip keeps it).
func (t *turn) nameStep() error {
	if t.Text == "" {
		t.Say(flow.MsgNeedText, nil)
		t.Say(flow.MsgAskName, nil)
		return nil
	}
	if t.s.Change && keeps(t.Text) {
		t.s.Name = t.Contact.Name
		return t.askDesa()
	}
	name, err := domain.CleanName(nameFrom(t.Text))
	if err != nil {
		t.Say(flow.MsgNameInvalid, nil)
		return nil
	}
	t.s.Name = name
	return t.askDesa()
}

// genderStep reads the last, optional question and registers.
func (t *turn) genderStep() error {
	g, ok := flow.ParseGender(t.Text)
	if t.s.Change && keeps(t.Text) {
		g, ok = t.Contact.Gender, true
	}
	if !ok {
		t.Say(flow.MsgGenderHint, nil)
		return nil
	}
	if t.s.Change && t.s.Name != t.Contact.Name {
		return t.askConfirm(g)
	}
	return t.save(g)
}

// save registers the answers (UBAH DATA: replaces the old ones).
func (t *turn) save(g domain.Gender) error {
	dusunID := t.s.DusunID
	name := t.s.Name
	ubah := t.s.Change
	desa, pending := t.s.Desa, t.s.Pending
	t.Cmd(flow.Register{Name: name, DesaKode: desa, DusunID: dusunID, Gender: g})
	t.endFlow()
	if ubah {
		t.Say(flow.MsgDataUpdated, flow.A{"name": name})
		return nil
	}
	return t.registered(name, desa, dusunID, g, pending)
}

// nameIntro are the words before a name ("nama saya Euis", "nami abdi
// Euis", "asma kula Sumarni", "jeneng kula Karto").
var nameIntro = map[string]bool{"nama": true, "saya": true, "kula": true, "abdi": true, "adalah": true, "yaiku": true,
	"ingkang": true, "panggil": true, "panggilan": true, "namaku": true, "jenengku": true, "aku": true, "kulo": true,
	"inggih": true, "menika": true, "niki": true, "ieu": true, "ya": true, "sumuhun": true}

// nameFrom is the name in an answer to "what is your name?": after the
// words that introduce it, up to a comma, a bracket or an "or" ("asma
// kula Sumiyati, mbah sumi" is Sumiyati; what follows is a nickname,
// which no field keeps).
func nameFrom(text string) string {
	words := strings.Fields(text)
	for len(words) > 1 && (nameIntro[answer.Normal(words[0])] || answer.Normal(words[0]) == "") {
		words = words[1:]
	}
	for i, w := range words {
		if i > 0 && nameEnd[strings.ToLower(w)] {
			words = words[:i]
			break
		}
		if cut := strings.IndexAny(w, ",;(/"); cut >= 0 && (cut > 0 || i > 0) {
			words = append(words[:i], w[:cut])
			break
		}
	}
	return strings.TrimRight(strings.Join(words, " "), " .!,;")
}

// nameEnd are the words after which a name ends ("Suparmi atau bu
// parmi", "Sumiyati utawi mbah Sumi", "Ujang atawa kang Ujang").
var nameEnd = map[string]bool{"atau": true, "utawi": true, "utawa": true, "atawa": true, "atanapi": true, "alias": true,
	"panggil": true, "panggilan": true, "dipanggil": true, "nelah": true, "/": true}

// quickRegister reads "Nama#Desa#Dusun[#P/L]"; what it cannot read it asks
// for, one step at a time, as the guided flow does.
func (t *turn) quickRegister(arg string) error {
	parts := strings.Split(arg, "#")
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	name, err := domain.CleanName(parts[0])
	if err != nil {
		t.Sess.Step = "name"
		t.Say(flow.MsgAskName, nil)
		return nil
	}
	t.s.Name = name
	all, err := t.DesaChoices(&t.s.DesaChoice)
	if err != nil {
		return err
	}
	m := flow.FindDesa(all, parts[1])
	if len(m) != 1 {
		if strings.TrimSpace(parts[1]) == "" || len(all) <= flow.MaxDesaList {
			return t.askDesa()
		}
		// The name read as the answer to "which desa?": the few it may
		// mean, or not found.
		t.Sess.Step = "desa"
		t.Text = parts[1]
		return t.pickDesa()
	}
	d := all[m[0]]
	t.s.Desa, t.s.DesaNama = d.Kode, d.Nama
	dusuns, err := t.View.Dusuns(t.Ctx, d.Kode)
	if err != nil {
		return err
	}
	dusunID := int64(0)
	if len(dusuns) > 0 {
		dm := flow.MatchNames(parts[2], flow.DusunNames(dusuns))
		if len(dm) != 1 {
			t.Sess.Step = "dusun"
			t.Say(flow.MsgAskDusun, flow.A{"desa": d.Nama, "list": flow.Numbered(flow.DusunNames(dusuns))})
			return nil
		}
		dusunID = dusuns[dm[0]].ID
	}
	var g domain.Gender
	switch strings.ToUpper(strings.TrimSpace(parts[3])) {
	case "P", "PEREMPUAN", "W":
		g = domain.GenderFemale
	case "L", "LAKI-LAKI", "LAKI", "PRIA":
		g = domain.GenderMale
	}
	pending := t.s.Pending
	t.Cmd(flow.Register{Name: name, DesaKode: d.Kode, DusunID: dusunID, Gender: g})
	t.endFlow()
	return t.registered(name, d.Kode, dusunID, g, pending)
}

// registered ends a registration: the welcome, then the gagasan the
// resident's first message carried, saved now that they have consented
// (or, without one, the way to the menu).
func (t *turn) registered(name, desaKode string, dusunID int64, g domain.Gender, pending string) error {
	if dusunID == 0 {
		// No dusun question named the desa: the welcome does (a typo,
		// "sidomulio", shows where it placed the resident).
		desa, err := t.DesaName(desaKode)
		if err != nil {
			return err
		}
		t.Say(flow.MsgRegisteredDesa, flow.A{"name": name, "desa": desa})
	} else {
		t.Say(flow.MsgRegistered, flow.A{"name": name})
	}
	if pending == "" {
		t.MenuHint()
		return nil
	}
	c := *t.Contact
	c.Name, c.DesaKode, c.DusunID, c.Gender = name, desaKode, dusunID, g
	t.Contact = &c
	t.Say(flow.MsgPendingKept, nil)
	return gagasan.Quick(t.Turn, pending)
}

func (t *turn) askDesa() error {
	if ok, err := t.movedDesa(); ok || err != nil {
		return err
	}
	ok, err := t.AskDesa(&t.s.DesaChoice)
	if err != nil {
		return err
	}
	if !ok {
		t.endFlow()
		return nil
	}
	t.Sess.Step = "desa"
	t.sayCurrentDesa()
	return nil
}

func (t *turn) pickDesa() error {
	if ok, err := t.keepDesa(); err != nil || ok {
		return err
	}
	d, ok, err := t.ReadDesa(&t.s.DesaChoice)
	if err != nil || !ok {
		return err
	}
	ans := t.Text
	if _, num := answer.Number(ans); num || answer.YesNo(ans) == answer.Yes {
		ans = "" // a number or YA names no dusun
	}
	if id := t.s.NamedDusun; id != 0 {
		return t.chooseDesa(d.Desa, "", id)
	}
	return t.chooseDesa(d.Desa, ans, 0)
}

// chooseDesa takes the desa d; a dusun named in the same answer
// ("bimomartani, dusun kejambon") is taken too, as is the dusun dusunID
// of d (the desa was chosen by its dusun's name).
func (t *turn) chooseDesa(d domain.Desa, answer string, dusunID int64) error {
	t.s.DesaChoice = flow.DesaChoice{}
	dusuns, err := t.View.Dusuns(t.Ctx, d.Kode)
	if err != nil {
		return err
	}
	t.s.Desa = d.Kode
	t.s.DesaNama = d.Nama
	// A resident who skipped the language question gets the desa's, from
	// the next question on (registration() applies it on later turns).
	if t.s.Lang == "" && !t.s.Change && flow.ValidLang(d.Lang) {
		t.s.DesaLang = d.Lang
		t.Lang = d.Lang
	}
	if len(dusuns) == 0 {
		t.s.DusunID = 0
		t.Sess.Step = "gender"
		t.Say(flow.MsgAskGender, nil)
		return nil
	}
	for _, u := range dusuns {
		if dusunID != 0 && u.ID == dusunID {
			return t.dusunTaken(u.ID)
		}
	}
	if m := flow.MatchNames(withoutName(answer, d.Nama), flow.DusunNames(dusuns)); len(m) == 1 {
		return t.dusunTaken(dusuns[m[0]].ID)
	}
	t.Sess.Step = "dusun"
	t.Say(flow.MsgAskDusun, flow.A{"desa": d.Nama, "list": flow.Numbered(flow.DusunNames(dusuns))})
	return nil
}

// dusunTaken takes the dusun id and asks the next question.
func (t *turn) dusunTaken(id int64) error {
	t.s.DusunID = id
	t.Sess.Step = "gender"
	t.Say(flow.MsgAskGender, nil)
	return nil
}

// withoutName is text without the words that spell name ("bimo martani,
// dusun kejambon" without Bimomartani is "kejambon": "dusun" goes too).
func withoutName(text, name string) string {
	n := flow.NormName(name)
	var rest []string
	for _, w := range strings.Fields(text) {
		nw := flow.NormName(w)
		if nw == "" || len(nw) >= 3 && strings.Contains(n, nw) || fuzzy.LevenshteinDistance(nw, n) <= 2 {
			continue
		}
		rest = append(rest, w)
	}
	return strings.Join(rest, " ")
}

func (t *turn) pickRegDusun() error {
	dusuns, err := t.View.Dusuns(t.Ctx, t.s.Desa)
	if err != nil {
		return err
	}
	if back, err := t.otherDesa(dusuns); back || err != nil {
		return err
	}
	if t.s.Change && keeps(t.Text) && t.s.Desa == t.Contact.DesaKode && t.Contact.DusunID != 0 {
		t.s.DusunID = t.Contact.DusunID
		t.Sess.Step = "gender"
		t.Say(flow.MsgAskGender, nil)
		return nil
	}
	d, ok := t.MatchDusun(dusuns)
	if !ok {
		return nil
	}
	t.s.DusunID = d.ID
	t.Sess.Step = "gender"
	t.Say(flow.MsgAskGender, nil)
	return nil
}

// sayWelcome asks for consent, naming the data controller.
func (t *turn) sayWelcome() {
	controller := t.Env.Controller
	if controller == "" {
		controller = DefaultController
	}
	t.Say(flow.MsgWelcome, flow.A{"pengendali": controller})
}

// DefaultController is the data controller named in the consent text when
// none is configured: the program's unit in the kecamatan.
const DefaultController = "Unit Pengelola Kegiatan (UPK) kecamatan"
