package flows

import (
	"errors"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/suara"
)

// FlowPilih keeps a numbered list of records (the meetings HADIR asked
// about, the gagasan STATUS listed) answerable by its numbers in the next
// message: "1" then means the first item, not the menu's first choice.
const FlowPilih = "pilih"

// offerPick remembers the codes of a list just shown; step says what a
// pick does ("status", "HADIR", "TIDAK").
func (t *turn) offerPick(step string, codes []string) {
	if len(codes) == 0 {
		return
	}
	t.goTo(FlowPilih, step)
	t.Sess.Data["codes"] = strings.Join(codes, ",")
}

// pilihStep reads a pick from the remembered list; anything else is read
// as a new message.
func (t *turn) pilihStep() error {
	if t.Sess.Step == stepJenis {
		return t.jenisStep()
	}
	// A ballot received after the list was shown is the newest thing the
	// resident read: numbers go to it.
	if newer, err := suara.NewerThanList(t.Turn); newer || err != nil {
		if err != nil {
			return err
		}
		t.endFlow()
		return t.dispatch()
	}
	codes := strings.Split(t.Sess.Data["codes"], ",")
	step := t.Sess.Step
	// "sing nomer 1 dibusak mawon" after STATUS's list: TARIK of that
	// gagasan, which asks before it withdraws.
	if n, ok := answer.DeletePick(t.Text); ok && step == "status" && t.In.Media == nil && n >= 1 && n <= len(codes) {
		t.endFlow()
		return t.startTarik(codes[n-1])
	}
	i, ok := answer.Choice(t.Text, optionsOf(codes, codes))
	if !ok && t.In.Media == nil && (step == string(domain.RSVPHadir) || step == string(domain.RSVPTidak)) {
		// "nu dusun", "sing dusun", "rapat dusun": the only meeting of
		// that audience in the list.
		var err error
		if i, ok, err = t.pickByAudience(codes); err != nil {
			return err
		}
	}
	if !ok || t.In.Media != nil {
		t.endFlow()
		return t.dispatch()
	}
	switch step {
	case "status":
		return t.status(codes[i])
	case string(domain.RSVPHadir), string(domain.RSVPTidak):
		return t.rsvp(domain.RSVP(step), codes[i])
	}
	t.endFlow()
	return t.dispatch()
}

// pickByAudience reads a meeting named by its audience in a short answer
// to "Rapat mana?" ("nu dusun", "sing dusun", "rapat desa", "ingkang
// perempuan"): the index of the only listed meeting of that audience.
func (t *turn) pickByAudience(codes []string) (int, bool, error) {
	aud, ok := answer.MeetingAudience(t.Text)
	if !ok {
		return 0, false, nil
	}
	found := -1
	for i, code := range codes {
		m, err := t.View.Meeting(t.Ctx, code)
		if errors.Is(err, domain.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, false, err
		}
		if string(m.Audience) == aud {
			if found >= 0 {
				return 0, false, nil // two of them: the number says which
			}
			found = i
		}
	}
	return found, found >= 0, nil
}
