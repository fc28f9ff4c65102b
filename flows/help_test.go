package flows_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// BANTUAN shows each person the commands that are theirs: a resident the
// resident's (never UNDANG, HASIL, FOTO BA, GAGASAN UNTUK or LAPOR), a KPMD also
// the cadre's, a TPK member also LAPOR, a facilitator both; by the menu's
// number, by the word and by a sentence alike. By SMS a resident's help is
// one SMS in every language.
func TestHelpPerRole(t *testing.T) {
	staff := []string{"UNDANG", "HASIL", "FOTO BA", "GAGASAN UNTUK", "LAPOR"}
	roles := []struct {
		name  string
		roles []domain.RoleAssignment
		want  []string
	}{
		{"resident", nil, nil},
		{"KPMD", []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}, []string{"UNDANG", "HASIL", "FOTO BA", "GAGASAN UNTUK"}},
		{"TPK", []domain.RoleAssignment{{Role: domain.RoleTPK, DesaKode: "34.04.11.2002"}}, []string{"LAPOR"}},
		{"facilitator", []domain.RoleAssignment{{Role: domain.RoleFasilitator, DesaKode: "34.04.11.2002"}}, staff},
	}
	for _, lang := range flow.Langs {
		for _, channel := range []string{"whatsapp:+6281100009999", "sms:bimo"} {
			for _, r := range roles {
				for _, ask := range []string{"BANTUAN", "4", "bingung"} {
					c := newConversation(t).registered(domain.GenderFemale)
					c.contact.Lang, c.contact.Roles = lang, r.roles
					env := flow.Env{Now: c.now}
					if strings.HasPrefix(channel, "sms:") {
						env.SMSSegments = smstext.MaxSegments // as the pipeline sets it for an SMS channel
					}
					res, err := flows.Step(context.Background(), env, c.fx, c.contact, c.sess, flow.Input{Channel: channel, Text: ask})
					if err != nil || len(res.Replies) != 1 {
						t.Fatalf("%s %s %s %q: %d replies, %v", lang, channel, r.name, ask, len(res.Replies), err)
					}
					got := res.Replies[0].Text
					for _, w := range []string{"GAGASAN", "STATUS", "JADWAL", "ADUAN", "HAPUS DATA"} {
						if !strings.Contains(got, w) {
							t.Errorf("%s %s %s %q: help lacks %s:\n%s", lang, channel, r.name, ask, w, got)
						}
					}
					for _, w := range staff {
						if has, want := strings.Contains(got, w), slices.Contains(r.want, w); has != want {
							t.Errorf("%s %s %s %q: %s shown %v, want %v:\n%s", lang, channel, r.name, ask, w, has, want, got)
						}
					}
					n, _ := smstext.Segments(smstext.ToGSM7(got))
					if strings.HasPrefix(channel, "sms:") && r.roles == nil && n != 1 {
						t.Errorf("%s: a resident's help costs %d SMS, want 1: %q", lang, n, got)
					}
					t.Logf("%s %-24s %-11s %d chars, %d SMS", lang, channel, r.name, len([]rune(got)), n)
				}
			}
		}
	}
}
