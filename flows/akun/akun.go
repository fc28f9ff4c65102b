// Package akun is a resident's own account: the language of replies
// (BAHASA) and everything kept about them (DATA SAYA).
package akun

import (
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// BahasaName is the language flow's name in the session.
const BahasaName = "bahasa"

// Bahasa is a resident choosing their language: "BAHASA JAWA" (or 2) sets
// it at once; BAHASA alone asks.
var Bahasa = &flow.Typed[none]{Called: BahasaName, Words: []string{"BAHASA"},
	Stages: []flow.Step[none]{{Spec: flow.Pick("pick"), Run: pickStep}},
	Starter: func(t *flow.Turn, _, arg string) (bool, error) {
		t.EndFlow()
		if lang, ok := flow.ParseLang(arg); ok {
			t.SetLang(lang)
			return true, nil
		}
		t.GoTo(BahasaName, "pick")
		t.Say(flow.MsgAskLang, nil)
		return true, nil
	}}

// pickStep: which language.
func pickStep(t *flow.Turn, _ *none) error {
	lang, ok := flow.ParseLang(t.Text)
	if !ok {
		t.Say(flow.MsgChoiceRange, flow.A{"max": len(flow.Langs)})
		t.Say(flow.MsgAskLang, nil)
		return nil
	}
	t.EndFlow()
	t.SetLang(lang)
	return nil
}

// DataSaya tells a resident everything the service keeps about them, in
// plain words (UU 27/2022's right of access).
func DataSaya(t *flow.Turn) error {
	t.EndFlow()
	pd, err := t.View.PersonalData(t.Ctx, t.Contact.ID)
	if err != nil {
		return err
	}
	key := flow.MsgDataSaya
	if t.BySMS() && flow.HasKey(t.Lang, key+"_sms") {
		key += "_sms"
	}
	// How their group's posts reach them, and the words that change it.
	pesan := t.Render(flow.MsgPesanGrup, nil)
	if pd.WantsPersonal {
		pesan = t.Render(flow.MsgPesanYa, nil)
	}
	text := PersonalDataText(t.Lang, key, t.Contact, pd, t.Location(t.Contact.DesaKode)) + "\n" + t.Render(flow.MsgDataSayaPesan, flow.A{"pesan": pesan})
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: text})
	return nil
}

// PersonalDataText is what DATA SAYA shows; a facilitator's export for a
// written request uses the same words. Dates are in loc, the zone of the
// person's kecamatan.
func PersonalDataText(lang string, key flow.Key, c *domain.Contact, pd domain.PersonalData, loc *time.Location) string {
	none := flow.Render(lang, flow.MsgNone, nil)
	list := func(xs []string) string {
		if len(xs) == 0 {
			return none
		}
		return strings.Join(xs, ", ")
	}
	gender := flow.Render(lang, "gender_unknown", nil)
	switch c.Gender {
	case domain.GenderFemale:
		gender = flow.Render(lang, "gender_p", nil)
	case domain.GenderMale:
		gender = flow.Render(lang, "gender_l", nil)
	}
	var roles []string
	for _, r := range c.Roles {
		roles = append(roles, string(r.Role))
	}
	consent, registered := none, none
	if c.ConsentAt != nil {
		consent = flow.ShortDateText(lang, c.ConsentAt.In(loc))
	}
	if c.RegisteredAt != nil {
		registered = flow.ShortDateText(lang, c.RegisteredAt.In(loc))
	}
	cl := c.Lang
	if !flow.ValidLang(cl) {
		cl = flow.LangID
	}
	return flow.Render(lang, key, flow.A{
		"name": c.Name, "phone": string(c.Phone), "desa": pd.DesaNama, "dusun": orNone(pd.DusunNama, none), "gender": gender,
		"registered": registered, "consent": consent, "roles": list(roles), "gagasan": list(pd.Gagasan),
		"rsvp": pd.RSVPs, "aduan": list(pd.Complaints), "channels": list(pd.Channels),
		"bahasa": flow.Render(lang, flow.Key("lang_"+cl), nil), "suara": pd.VoiceNotes, "votes": list(pd.Votes),
	})
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
