package flows_test

import (
	"bytes"
	"context"
	"maps"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// stepAt runs one message for a registered KPMD (with meetings) at a
// session in state "flow|step", its typed state as FuzzStep builds it.
func stepAt(t *testing.T, state, lang, text string) (flow.Session, flow.Result) {
	t.Helper()
	name, step, _ := strings.Cut(state, "|")
	now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
	contact := &domain.Contact{ID: 7, DesaKode: "34.04.11.2002", DusunID: 11, ConsentAt: &now, RegisteredAt: &now, Lang: lang,
		Roles: []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}}
	sess := flow.Session{Flow: name, Step: step, At: now.Add(-time.Minute), Data: map[string]string{}}
	if typed[name] {
		sess.Data, sess.State = nil, typedStates[name]
		if st := fuzzState(name, "Jalan Kejambon", 20); st != nil {
			sess.State = st
		}
	}
	n := 0
	env := flow.Env{Now: now, NewCode: func(k domain.CodeKind) string { n++; return string(k) + "-TEST" + strconv.Itoa(n) }}
	fx := newFixture()
	withMeetings(&conversation{fx: fx})
	in := sess
	in.Data = maps.Clone(sess.Data)
	res, err := flows.Step(context.Background(), env, fx, contact, in, flow.Input{Channel: "sim", Text: text})
	if err != nil {
		t.Fatalf("%s %q: %v", state, text, err)
	}
	return sess, res
}

// TestThanksAtEveryStep: thanks as residents write it, in the three
// languages, at every step of every flow and when idle, is answered with a
// short "you're welcome" in the resident's language and moves nothing: the
// flow, its step and its answers stay, no command is given, and it is never
// taken as a title, a name, a place or "not understood". Where no question
// waits (idle, a list shown, an offer) the reply is that alone; where one
// waits it asks to answer it. The offer to add detail to a gagasan closes
// on thanks instead, with its own words.
func TestThanksAtEveryStep(t *testing.T) {
	texts := []string{"matur nuwun", "maturnuwun", "suwun", "nuwun", "hatur nuhun", "nuhun", "makasih", "trims", "tq",
		"terima kasih ya pak", "Matur nuwun sanget 🙏", "makasihh bu", "hatur nuhun pisan kang", "terimakasih banyak"}
	welcome := map[string]string{flow.LangID: "Sama-sama.", flow.LangJV: "Sami-sami.", flow.LangSU: "Sami-sami."}
	soft := map[string]bool{"|": true, "pilih|status": true, "pilih|HADIR": true, "pilih|TIDAK": true, "pilih|jenis": true,
		"hasil|ba_photo": true, "fotoba|photo": true, "fotoba|more": true, "fotoba|confirm": true, "peta|r_offer": true, "privasi|others": true}
	langs := []string{flow.LangID, flow.LangJV, flow.LangSU}
	for i, state := range fuzzStates() {
		if state == "nosuch|step" {
			continue
		}
		for j, text := range texts {
			lang := langs[(i+j)%3]
			before, res := stepAt(t, state, lang, text)
			got := replyText(res)
			if state == "detail|offer" || state == "detail|addask" {
				if res.Session.Flow != "" || !strings.Contains(got, "G-7KM4XA") || len(res.Commands) != 0 {
					t.Errorf("%s %s %q: %s|%s %q %v; want the offer closed", state, lang, text, res.Session.Flow, res.Session.Step, got, commandNames(res))
				}
				continue
			}
			if len(res.Replies) != 1 || !strings.HasPrefix(got, welcome[lang]) {
				t.Errorf("%s %s %q: replied %q; want one reply opening %q", state, lang, text, got, welcome[lang])
			}
			goOn := flow.Render(lang, flow.MsgWhoGoOn, nil)
			if soft[state] && got != welcome[lang] || !soft[state] && got != welcome[lang]+" "+goOn {
				t.Errorf("%s %s %q: replied %q", state, lang, text, got)
			}
			after := res.Session
			if after.Flow != before.Flow || after.Step != before.Step || !bytes.Equal(after.State, before.State) || !maps.Equal(after.Data, before.Data) {
				t.Errorf("%s %s %q: the session moved to %s|%s (state %s)", state, lang, text, after.Flow, after.Step, after.State)
			}
			if len(res.Commands) != 0 {
				t.Errorf("%s %s %q: commands %s", state, lang, text, commandNames(res))
			}
		}
	}
}

// TestThanksOpenedByAnAnswer: "nggih matur nuwun" where a yes is asked is
// the yes, as before; where it is no answer it is thanks; thanks in a
// sentence that says more is read as that sentence.
func TestThanksOpenedByAnAnswer(t *testing.T) {
	_, res := stepAt(t, "tarik|confirm", flow.LangJV, "nggih matur nuwun")
	if res.Session.Flow == "tarik" || strings.Contains(replyText(res), "Sami-sami") {
		t.Errorf("tarik|confirm %q: %s|%s %q; want the yes read", "nggih matur nuwun", res.Session.Flow, res.Session.Step, replyText(res))
	}
	_, res = stepAt(t, "gagasan|title", flow.LangID, "oke makasih")
	if res.Session.Step != "title" || !strings.HasPrefix(replyText(res), "Sama-sama.") {
		t.Errorf("gagasan|title %q: %s|%s %q; want thanks, the title still asked", "oke makasih", res.Session.Flow, res.Session.Step, replyText(res))
	}
	_, res = stepAt(t, "|", flow.LangID, "oke makasih")
	if replyText(res) != "Sama-sama." {
		t.Errorf("idle %q: %q", "oke makasih", replyText(res))
	}
	_, res = stepAt(t, "gagasan|title", flow.LangID, "terima kasih, jalan kejambon mohon diperbaiki")
	if res.Session.Step == "title" || strings.Contains(replyText(res), "Sama-sama") {
		t.Errorf("gagasan|title with a title after thanks: %s|%s %q", res.Session.Flow, res.Session.Step, replyText(res))
	}
}

// TestDetailOfferDoneWords: at the offer to add detail ("… atau MENU bila
// sudah cukup"), "sampun", "mpun", "atos", "tos", "cekap", "cukup", "udah"
// and thanks mean no more: the offer closes politely and the category is
// not asked. A yes, 1 or "mau nambah" still starts the detail.
func TestDetailOfferDoneWords(t *testing.T) {
	start := msg{text: "GAGASAN saluran irigasi sambiroto rusak perlu didandosi", commands: []string{"CreateGagasan"}}
	langs := []string{flow.LangID, flow.LangJV, flow.LangSU}
	for i, text := range []string{"sampun", "mpun", "atos", "tos", "cekap", "cukup", "udah", "sudah", "udh", "sdh", "sampun nggih",
		"nggih sampun", "udah itu aja", "oke makasih", "ya makasih", "tos weh", "sampun cekap", "wis", "udah pak", "sampun, matur nuwun"} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = langs[i%3]
		c.run([]msg{start})
		res := c.send(1, msg{text: text})
		if res.Session.Flow != "" || !strings.Contains(replyText(res), "G-TEST01") || len(res.Commands) != 0 {
			t.Errorf("%q: %s|%s %q %s; want the offer closed", text, res.Session.Flow, res.Session.Step, replyText(res), commandNames(res))
		}
	}
	for _, text := range []string{"1", "ya", "nggih", "ok", "mau nambah", "muhun", "iya mau"} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.run([]msg{start})
		if res := c.send(1, msg{text: text}); res.Session.Step != "category" {
			t.Errorf("%q: %s|%s %q; want the category asked", text, res.Session.Flow, res.Session.Step, replyText(res))
		}
	}
}
