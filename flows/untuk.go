package flows

import (
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// FlowUntuk is a KPMD (or facilitator) filing a gagasan for a resident met
// at a dusun meeting who has no phone: GAGASAN UNTUK. It asks who the
// gagasan is for, then runs the gagasan flow in the resident's name.
const FlowUntuk = "untuk"

func (t *turn) startUntuk() error {
	t.endFlow()
	desa, ok := kpmdDesa(t.Contact)
	if !ok {
		t.say(MsgNotKPMD, A{"word": "GAGASAN UNTUK"})
		return nil
	}
	t.goTo(FlowUntuk, "name")
	t.Sess.Data["for_desa"] = desa
	t.say(MsgUntukAskName, nil)
	return nil
}

func (t *turn) untukStep() error {
	d := t.Sess.Data
	switch t.Sess.Step {
	case "name":
		name, err := domain.CleanName(t.Text)
		if _, num := answer.Number(t.Text); err != nil || num {
			t.say(MsgNameInvalid, nil)
			return nil
		}
		d["for_name"] = name
		dusuns, err := t.View.Dusuns(t.Ctx, d["for_desa"])
		if err != nil {
			return err
		}
		if len(dusuns) == 0 {
			t.Sess.Step = "gender"
			t.say(MsgUntukAskGender, A{"name": name})
			return nil
		}
		t.Sess.Step = "dusun"
		t.say(MsgUntukAskDusun, A{"name": name, "list": numbered(dusunNames(dusuns))})
	case "dusun":
		dusuns, err := t.View.Dusuns(t.Ctx, d["for_desa"])
		if err != nil {
			return err
		}
		du, ok := t.matchDusun(dusuns)
		if !ok {
			return nil
		}
		if du.ID != 0 {
			d["for_dusun"] = strconv.FormatInt(du.ID, 10)
			// The gagasan's own dusun starts as the resident's.
			d["dusun"], d["dusun_nama"], d["for_dusun_nama"] = d["for_dusun"], du.Nama, du.Nama
		}
		t.Sess.Step = "gender"
		t.say(MsgUntukAskGender, A{"name": d["for_name"]})
	case "gender":
		g, ok := parseGender(t.Text)
		if !ok {
			t.say(MsgGenderHint, nil)
			return nil
		}
		d["for_gender"] = string(g)
		t.Sess.Step = "phone"
		t.say(MsgUntukAskPhone, A{"name": d["for_name"]})
	case "phone":
		if !answer.Skip(t.Text) {
			p, err := domain.ParsePhone(t.Text)
			if err != nil {
				t.say(MsgUntukPhoneBad, nil)
				return nil
			}
			d["for_phone"] = string(p)
		}
		t.Sess.Flow, t.Sess.Step = FlowGagasan, "category"
		t.say(MsgUntukStart, A{"name": d["for_name"]})
		t.say(MsgAskCategory, nil)
	default:
		t.endFlow()
		return t.startUntuk()
	}
	return nil
}

// parseGender reads an answer to the gender question; 3 (or skipping) is
// the empty gender.
func parseGender(s string) (domain.Gender, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "P", "W":
		return domain.GenderFemale, true
	case "L":
		return domain.GenderMale, true
	}
	if answer.Skip(s) || answer.YesNo(s) == answer.No {
		return domain.GenderUnknown, true
	}
	// "kula estri", "wedok", "1 perempuan", "lalaki", "pameget": the words
	// of one gender (and perhaps its number), none of the other.
	female, male, other := false, false, false
	for _, w := range strings.Fields(answer.Normal(strings.ReplaceAll(s, "-", " "))) {
		switch w {
		case "1", "perempuan", "wanita", "ibu", "estri", "istri", "wedok", "wadon", "cewek", "cewe", "putri", "awewe", "mojang", "nyonya":
			female = true
		case "2", "laki", "lelaki", "pria", "bapak", "kakung", "pameget", "lanang", "jaler", "lalaki", "cowok", "cowo", "putra", "pamegat":
			male = true
		case "3":
			other = true
		}
	}
	switch {
	case female && !male && !other:
		return domain.GenderFemale, true
	case male && !female && !other:
		return domain.GenderMale, true
	case other && !female && !male:
		return domain.GenderUnknown, true
	}
	return "", false
}

// filing tells whether the gagasan in the session is filed for a resident.
func (t *turn) filing() bool { return t.Sess.Data["for_name"] != "" }

// gagasanDesa is the desa of the gagasan in the session: the KPMD's when
// filing for a resident, else the sender's.
func (t *turn) gagasanDesa() string {
	if t.filing() {
		return t.Sess.Data["for_desa"]
	}
	return t.Contact.DesaKode
}

// homeDusun is the dusun of the person the gagasan is from.
func (t *turn) homeDusun() int64 {
	if t.filing() {
		return mustInt64(t.Sess.Data["for_dusun"])
	}
	return t.Contact.DusunID
}

// mustInt64 reads a number kept in the session (0 when none).
func mustInt64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
