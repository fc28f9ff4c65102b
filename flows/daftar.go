package flows

import (
	"strconv"
	"strings"

	"github.com/lithammer/fuzzysearch/fuzzy"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// registration runs the consent and registration flow for a contact who has
// not finished it. Nothing is stored before consent.
func (t *turn) registration(kw string, whole bool) error {
	if l := t.Sess.Data["desa_lang"]; ValidLang(l) {
		// The contact has no desa yet to take its language from.
		t.Lang = l
	}
	if t.In.NotKept != "" {
		// A photo or voice note before consent was dropped unstored: said
		// after the reply, so that the consent text comes first.
		defer t.say(MsgMediaNotKept, nil)
	}
	if kw == "BATAL" && whole {
		t.endFlow()
		t.say(MsgRegisterCanceled, nil)
		return nil
	}
	// "DAFTAR Nama#Desa#Dusun[#P/L]" registers in one message (the SMS
	// habit). Before consent the fields wait in the session, not in the
	// records, until the resident answers YA.
	if kw == "DAFTAR" {
		if _, arg := splitKeyword(t.Text); strings.Contains(arg, "#") {
			if t.Contact == nil {
				t.goTo(FlowDaftar, "consent")
				t.Sess.Data["quick"] = cutRunes(arg, 200)
				t.sayWelcome()
				return nil
			}
			t.goTo(FlowDaftar, "name")
			return t.quickRegister(arg)
		}
	}
	if t.Sess.Flow != FlowDaftar {
		t.goTo(FlowDaftar, "")
		// A first message that carries a gagasan ("gagasan sumur bor dusun
		// kidul kering tiap kemarau") waits in the session, not in the
		// records, and is saved once the resident has registered.
		_, arg := splitKeyword(t.Text)
		if kw != "GAGASAN" {
			// "sugeng siang, kula badhe usul sumur bor …"
			if w, rest := answer.Request(t.Text); w == "GAGASAN" {
				kw, arg = w, rest
			}
		}
		if kw == "GAGASAN" && arg != "" && !vagueTitle(arg) {
			t.Sess.Data["pending"] = cutRunes(arg, domain.MaxDescriptionLen)
		}
		if t.Contact == nil {
			t.Sess.Step = "consent"
			t.sayWelcome()
			return nil
		}
		// Consent given earlier; the rest was not finished.
		t.Sess.Step = "name"
		t.say(MsgAskName, nil)
		return nil
	}
	switch t.Sess.Step {
	case "consent":
		switch answer.YesNo(t.Text) {
		case answer.Yes:
			t.cmd(GiveConsent{})
			t.Sess.Step = "name"
			if quick := t.Sess.Data["quick"]; quick != "" {
				delete(t.Sess.Data, "quick")
				return t.quickRegister(quick)
			}
			// One question for the language, then the rest in it. On SMS
			// the name is asked at once, with the language as a choice
			// beside it: every question costs the resident an SMS.
			t.Sess.Step = "lang"
			if t.bySMS() {
				t.say(MsgAskNameOrLang, nil)
			} else {
				t.say(MsgAskLang, nil)
			}
		case answer.No:
			t.endFlow()
			t.say(MsgConsentDeclined, nil)
		default:
			// A gagasan sent while consent is asked waits with it.
			if w, rest := answer.Request(t.Text); w == "GAGASAN" && rest != "" && !vagueTitle(rest) && t.Sess.Data["pending"] == "" {
				t.Sess.Data["pending"] = cutRunes(rest, domain.MaxDescriptionLen)
			} else if k, a := splitKeyword(t.Text); (k == "GAGASAN" || k == "USUL" || k == "IDE") && a != "" && !vagueTitle(a) && t.Sess.Data["pending"] == "" {
				t.Sess.Data["pending"] = cutRunes(a, domain.MaxDescriptionLen)
			}
			t.say(MsgConsentHint, nil)
		}
		return nil
	case "lang":
		lang, ok := parseLang(t.Text)
		if !ok {
			// A name instead of a choice skips the question: the desa's
			// default language applies, and the name is taken.
			if _, num := answer.Number(t.Text); !num {
				if name, err := domain.CleanName(nameFrom(t.Text)); err == nil {
					t.Sess.Data["name"] = name
					return t.askDesa()
				}
			}
			t.say(MsgChoiceRange, A{"max": len(Langs)})
			t.say(MsgAskLang, nil)
			return nil
		}
		t.cmd(SetLang{Lang: lang})
		t.Lang = lang
		t.Sess.Data["lang"] = lang
		t.Sess.Step = "name"
		t.say(MsgAskName, nil)
		return nil
	case "name":
		if t.Text == "" {
			t.say(MsgNeedText, nil)
			t.say(MsgAskName, nil)
			return nil
		}
		if t.Sess.Data["ubah"] != "" && answer.Skip(t.Text) {
			t.Sess.Data["name"] = t.Contact.Name
			return t.askDesa()
		}
		name, err := domain.CleanName(nameFrom(t.Text))
		if err != nil {
			t.say(MsgNameInvalid, nil)
			return nil
		}
		t.Sess.Data["name"] = name
		return t.askDesa()
	case "desa":
		return t.pickDesa()
	case "dusun":
		return t.pickRegDusun()
	case "gender":
		g, ok := parseGender(t.Text)
		if !ok {
			t.say(MsgGenderHint, nil)
			return nil
		}
		dusunID, _ := strconv.ParseInt(t.Sess.Data["dusun"], 10, 64)
		name := t.Sess.Data["name"]
		ubah := t.Sess.Data["ubah"] != ""
		desa, pending := t.Sess.Data["desa"], t.Sess.Data["pending"]
		t.cmd(Register{Name: name, DesaKode: desa, DusunID: dusunID, Gender: g})
		t.endFlow()
		if ubah {
			t.say(MsgDataUpdated, A{"name": name})
			return nil
		}
		return t.registered(name, desa, dusunID, g, pending)
	}
	// An unknown step (an old session): start again.
	t.endFlow()
	return t.registration(kw, whole)
}

// nameIntro are the words before a name ("nama saya Euis", "nami abdi
// Euis", "asma kula Sumarni", "jeneng kula Karto").
var nameIntro = map[string]bool{"nama": true, "saya": true, "kula": true, "abdi": true, "adalah": true, "yaiku": true,
	"ingkang": true, "panggil": true, "panggilan": true, "namaku": true, "jenengku": true, "aku": true, "kulo": true,
	"inggih": true, "menika": true, "niki": true, "ieu": true, "ya": true, "sumuhun": true}

// nameFrom is the name in an answer to "what is your name?".
func nameFrom(text string) string {
	words := strings.Fields(text)
	for len(words) > 1 && (nameIntro[answer.Normal(words[0])] || answer.Normal(words[0]) == "") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

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
		t.say(MsgAskName, nil)
		return nil
	}
	t.Sess.Data["name"] = name
	desas, err := t.View.Desas(t.Ctx)
	if err != nil {
		return err
	}
	m := MatchNames(parts[1], desaNames(desas))
	if len(m) != 1 {
		return t.askDesa()
	}
	d := desas[m[0]]
	t.Sess.Data["desa"], t.Sess.Data["desa_nama"] = d.Kode, d.Nama
	dusuns, err := t.View.Dusuns(t.Ctx, d.Kode)
	if err != nil {
		return err
	}
	dusunID := int64(0)
	if len(dusuns) > 0 {
		dm := MatchNames(parts[2], dusunNames(dusuns))
		if len(dm) != 1 {
			t.Sess.Step = "dusun"
			t.say(MsgAskDusun, A{"desa": d.Nama, "list": numbered(dusunNames(dusuns))})
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
	pending := t.Sess.Data["pending"]
	t.cmd(Register{Name: name, DesaKode: d.Kode, DusunID: dusunID, Gender: g})
	t.endFlow()
	return t.registered(name, d.Kode, dusunID, g, pending)
}

// registered ends a registration: the welcome, then the gagasan the
// resident's first message carried, saved now that they have consented
// (or, without one, the way to the menu).
func (t *turn) registered(name, desaKode string, dusunID int64, g domain.Gender, pending string) error {
	t.say(MsgRegistered, A{"name": name})
	if pending == "" {
		t.menuHint()
		return nil
	}
	c := *t.Contact
	c.Name, c.DesaKode, c.DusunID, c.Gender = name, desaKode, dusunID, g
	t.Contact = &c
	t.say(MsgPendingKept, nil)
	return t.quickGagasan(pending)
}

func (t *turn) askDesa() error {
	desas, err := t.View.Desas(t.Ctx)
	if err != nil {
		return err
	}
	if len(desas) == 0 {
		t.endFlow()
		t.say(MsgNoDesa, nil)
		return nil
	}
	t.Sess.Step = "desa"
	t.say(MsgAskDesa, A{"list": numbered(desaNames(desas))})
	return nil
}

func (t *turn) pickDesa() error {
	desas, err := t.View.Desas(t.Ctx)
	if err != nil {
		return err
	}
	// Candidates of a previous ambiguous answer are offered by number.
	choices := desas
	if c := t.Sess.Data["cands"]; c != "" {
		choices = filterDesa(desas, strings.Split(c, ","))
	}
	if n, ok := answer.Number(t.Text); ok {
		if n < 1 || n > len(choices) {
			t.say(MsgChoiceRange, A{"max": len(choices)})
			return nil
		}
		return t.chooseDesa(choices[n-1], "")
	}
	if t.Text == "" {
		t.say(MsgNeedText, nil)
		t.say(MsgAskDesa, A{"list": numbered(desaNames(desas))})
		return nil
	}
	matches := MatchNames(t.Text, desaNames(desas))
	switch len(matches) {
	case 0:
		delete(t.Sess.Data, "cands")
		t.say(MsgDesaNotFound, A{"text": cutRunes(t.Text, 40), "list": numbered(desaNames(desas))})
		return nil
	case 1:
		return t.chooseDesa(desas[matches[0]], t.Text)
	}
	kodes := make([]string, len(matches))
	names := make([]string, len(matches))
	for i, m := range matches {
		kodes[i] = desas[m].Kode
		names[i] = desas[m].Nama
	}
	t.Sess.Data["cands"] = strings.Join(kodes, ",")
	t.say(MsgDesaChoose, A{"list": numbered(names)})
	return nil
}

// chooseDesa takes the desa d; a dusun named in the same answer
// ("bimomartani, dusun kejambon") is taken too.
func (t *turn) chooseDesa(d domain.Desa, answer string) error {
	delete(t.Sess.Data, "cands")
	dusuns, err := t.View.Dusuns(t.Ctx, d.Kode)
	if err != nil {
		return err
	}
	t.Sess.Data["desa"] = d.Kode
	t.Sess.Data["desa_nama"] = d.Nama
	// A resident who skipped the language question gets the desa's, from
	// the next question on (registration() applies it on later turns).
	if t.Sess.Data["lang"] == "" && t.Sess.Data["ubah"] == "" && ValidLang(d.Lang) {
		t.Sess.Data["desa_lang"] = d.Lang
		t.Lang = d.Lang
	}
	if len(dusuns) == 0 {
		t.Sess.Data["dusun"] = "0"
		t.Sess.Step = "gender"
		t.say(MsgAskGender, nil)
		return nil
	}
	if m := MatchNames(withoutName(answer, d.Nama), dusunNames(dusuns)); len(m) == 1 {
		t.Sess.Data["dusun"] = strconv.FormatInt(dusuns[m[0]].ID, 10)
		t.Sess.Step = "gender"
		t.say(MsgAskGender, nil)
		return nil
	}
	t.Sess.Step = "dusun"
	t.say(MsgAskDusun, A{"desa": d.Nama, "list": numbered(dusunNames(dusuns))})
	return nil
}

// withoutName is text without the words that spell name ("bimo martani,
// dusun kejambon" without Bimomartani is "dusun kejambon").
func withoutName(text, name string) string {
	n := normName(name)
	var rest []string
	for _, w := range strings.Fields(text) {
		nw := normName(w)
		if nw == "" || len(nw) >= 3 && strings.Contains(n, nw) || fuzzy.LevenshteinDistance(nw, n) <= 2 {
			continue
		}
		rest = append(rest, w)
	}
	return strings.Join(rest, " ")
}

func (t *turn) pickRegDusun() error {
	dusuns, err := t.View.Dusuns(t.Ctx, t.Sess.Data["desa"])
	if err != nil {
		return err
	}
	d, ok := t.matchDusun(dusuns)
	if !ok {
		return nil
	}
	t.Sess.Data["dusun"] = strconv.FormatInt(d.ID, 10)
	t.Sess.Step = "gender"
	t.say(MsgAskGender, nil)
	return nil
}

func desaNames(ds []domain.Desa) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Nama
	}
	return out
}

func filterDesa(desas []domain.Desa, kodes []string) []domain.Desa {
	var out []domain.Desa
	for _, k := range kodes {
		for _, d := range desas {
			if d.Kode == k {
				out = append(out, d)
			}
		}
	}
	if len(out) == 0 {
		return desas
	}
	return out
}

// sayWelcome asks for consent, naming the data controller.
func (t *turn) sayWelcome() {
	controller := t.Env.Controller
	if controller == "" {
		controller = DefaultController
	}
	t.say(MsgWelcome, A{"pengendali": controller})
}

// DefaultController is the data controller named in the consent text when
// none is configured: the program's unit in the kecamatan.
const DefaultController = "Unit Pengelola Kegiatan (UPK) kecamatan"
