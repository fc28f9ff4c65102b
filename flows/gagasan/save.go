package gagasan

import (
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Quick saves "GAGASAN <text>" at once (the SMS habit) and offers to add
// detail; registration calls it for the gagasan a first message carried.
func Quick(ft *flow.Turn, text string) error {
	return fresh(ft, func(t *turn) error { return t.quick(text) })
}

func (t *turn) quick(text string) error {
	desc := text
	if utf8.RuneCountInString(desc) > domain.MaxDescriptionLen {
		desc = flow.CutRunes(desc, domain.MaxDescriptionLen)
		t.Say(flow.MsgTooLong, flow.A{"n": domain.MaxDescriptionLen})
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
	if t.In.Media != nil && t.In.Media.Kind == flow.MediaImage {
		id := t.In.Media.ID
		g.PhotoID = &id
	} else {
		g.PhotoID = idPtr(t.s.PhotoID)
	}
	if err := t.saveGagasan(g); err != nil {
		return err
	}
	t.GoTo(NameDetail, "offer")
	t.s.Code = g.Code
	if g.PhotoID != nil {
		t.Say(flow.MsgQuickSavedPhoto, nil) // no photo offered: it has one
	} else {
		t.Say(flow.MsgQuickSaved, nil)
	}
	return nil
}

func (t *turn) saveGagasan(g domain.Gagasan) error {
	if err := g.Validate(); err != nil {
		// Only a damaged or outdated session gets here: start again cleanly.
		t.endFlow()
		t.Say(flow.MsgGagasanIncomplete, nil)
		return nil
	}
	t.Cmd(flow.CreateGagasan{Gagasan: g})
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
			kabar = flow.Render(t.Lang, flow.MsgUntukKabar, nil)
			t.Cmd(flow.NotifyNumber{Channel: g.NotifyChannel, Phone: domain.Phone(g.NotifyPhone),
				Text: flow.Render(t.Lang, flow.MsgUntukRelative, flow.A{"name": g.ForName, "code": g.Code, "title": g.Title})})
		}
		t.Say(flow.MsgUntukSaved, flow.A{"name": g.ForName, "code": g.Code, "kabar": kabar})
	} else {
		t.Say(flow.MsgGagasanSaved, flow.A{"code": g.Code})
	}
	if g.PhotoID != nil {
		t.Say(flow.MsgPhotoAttached, nil)
	}
	next := flow.MsgNextMeeting
	if gender == domain.GenderFemale {
		next = flow.MsgNextMeetingMKP
	}
	args := flow.A{"dusun": dusun, "code": g.Code}
	if dusun == "" {
		// A desa with no dusun (every imported one): the Musyawarah Desa.
		desa, err := t.DesaName(g.DesaKode)
		if err != nil {
			return err
		}
		next, args["desa"] = flow.MsgNextMusdes, desa
		if gender == domain.GenderFemale {
			next = flow.MsgNextMusdesMKP
		}
	}
	t.Say(next, args)
	return nil
}

// confirm reads the answer to the summary: YA (KIRIM) saves the gagasan,
// UBAH asks which part to change.
func (t *turn) confirm() error {
	if strings.EqualFold(t.Text, "UBAH") {
		t.Sess.Step = "edit"
		t.askEdit()
		return nil
	}
	if answer.YesNo(t.Text) != answer.Yes && !strings.EqualFold(t.Text, "KIRIM") {
		t.Say(flow.MsgConfirmHint, nil)
		return nil
	}
	s := t.s
	g := domain.Gagasan{
		Code:           t.Env.NewCode(domain.CodeGagasan),
		DesaKode:       t.desa(),
		Category:       s.Category,
		Title:          s.Title,
		Description:    s.Desc,
		Households:     s.Households,
		PoorHouseholds: s.Poor,
		PhotoID:        idPtr(s.PhotoID),
		DusunID:        idPtr(s.DusunID),
		MapItemID:      idPtr(s.MapID),
		VoiceID:        idPtr(s.VoiceID),
		Status:         domain.StatusDiajukan,
	}
	if g.DusunID == nil {
		g.DusunID = idPtr(t.homeDusun())
	}
	if t.filing() {
		r := s.For
		g.ForName, g.ForGender, g.ForDusunID = r.Name, r.Gender, idPtr(r.DusunID)
		if r.Phone != "" {
			g.NotifyPhone, g.NotifyChannel = string(r.Phone), t.In.Channel
		}
	}
	if s.Pin != nil {
		lat, lng := s.Pin.Lat, s.Pin.Lng
		g.Lat, g.Lng = &lat, &lng
	}
	t.endFlow()
	return t.saveGagasan(g)
}

// idPtr is a record's id, nil for none (0).
func idPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
