package flows

import (
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// dataSaya tells a resident everything the service keeps about them, in
// plain words (UU 27/2022's right of access).
func (t *turn) dataSaya() error {
	t.endFlow()
	pd, err := t.View.PersonalData(t.Ctx, t.Contact.ID)
	if err != nil {
		return err
	}
	key := MsgDataSaya
	if t.bySMS() && HasKey(t.Lang, key+"_sms") {
		key += "_sms"
	}
	t.Out.Replies = append(t.Out.Replies, Reply{Text: PersonalDataText(t.Lang, key, t.Contact, pd, t.location(t.Contact.DesaKode))})
	return nil
}

// PersonalDataText is what DATA SAYA shows; a facilitator's export for a
// written request uses the same words. Dates are in loc, the zone of the
// person's kecamatan.
func PersonalDataText(lang string, key Key, c *domain.Contact, pd domain.PersonalData, loc *time.Location) string {
	none := Render(lang, MsgNone, nil)
	list := func(xs []string) string {
		if len(xs) == 0 {
			return none
		}
		return strings.Join(xs, ", ")
	}
	gender := Render(lang, "gender_unknown", nil)
	switch c.Gender {
	case domain.GenderFemale:
		gender = Render(lang, "gender_p", nil)
	case domain.GenderMale:
		gender = Render(lang, "gender_l", nil)
	}
	var roles []string
	for _, r := range c.Roles {
		roles = append(roles, string(r.Role))
	}
	consent, registered := none, none
	if c.ConsentAt != nil {
		consent = ShortDateText(lang, c.ConsentAt.In(loc))
	}
	if c.RegisteredAt != nil {
		registered = ShortDateText(lang, c.RegisteredAt.In(loc))
	}
	cl := c.Lang
	if !ValidLang(cl) {
		cl = LangID
	}
	return Render(lang, key, A{
		"name": c.Name, "phone": string(c.Phone), "desa": pd.DesaNama, "dusun": orNone(pd.DusunNama, none), "gender": gender,
		"registered": registered, "consent": consent, "roles": list(roles), "gagasan": list(pd.Gagasan),
		"rsvp": pd.RSVPs, "aduan": list(pd.Complaints), "channels": list(pd.Channels),
		"bahasa": Render(lang, Key("lang_"+cl), nil), "suara": pd.VoiceNotes,
	})
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
