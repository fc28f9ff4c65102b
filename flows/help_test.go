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
// resident's (never UNDANG, HASIL, FOTO BA, GAGASAN UNTUK, the group's
// HUBUNGKAN/LEPASKAN GRUP or LAPOR), a KPMD also the cadre's (the group
// commands and PESAN PRIBADI among them), a TPK member also LAPOR, a
// facilitator both, the role's first; by the menu's number, by the word
// and by a sentence alike. By SMS a resident's help is one SMS in every
// language, and a cadre's or TPK's at most two: their own commands and a
// pointer to the resident's (BANTUAN WARGA), which answers the resident's
// alone.
func TestHelpPerRole(t *testing.T) {
	cadre := []string{"UNDANG", "HASIL", "FOTO BA", "GAGASAN UNTUK", "HUBUNGKAN DESA", "HUBUNGKAN DUSUN", "LEPASKAN GRUP", "PESAN PRIBADI"}
	staff := append(slices.Clone(cadre), "LAPOR")
	roles := []struct {
		name  string
		roles []domain.RoleAssignment
		want  []string
	}{
		{"resident", nil, nil},
		{"KPMD", []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}, cadre},
		{"TPK", []domain.RoleAssignment{{Role: domain.RoleTPK, DesaKode: "34.04.11.2002"}}, []string{"LAPOR"}},
		{"facilitator", []domain.RoleAssignment{{Role: domain.RoleFasilitator, DesaKode: "34.04.11.2002"}}, staff},
	}
	resident := []string{"GAGASAN", "STATUS", "JADWAL", "ADUAN", "HAPUS DATA"}
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
					bySMS := strings.HasPrefix(channel, "sms:")
					residents := got
					if bySMS && r.roles != nil {
						// The resident's commands on request.
						if !strings.Contains(got, "BANTUAN WARGA") {
							t.Errorf("%s %s %q: no pointer to BANTUAN WARGA:\n%s", lang, r.name, ask, got)
						}
						w, err := flows.Step(context.Background(), env, c.fx, c.contact, c.sess, flow.Input{Channel: channel, Text: "bantuan warga"})
						if err != nil || len(w.Replies) != 1 {
							t.Fatalf("%s %s BANTUAN WARGA: %d replies, %v", lang, r.name, len(w.Replies), err)
						}
						residents = w.Replies[0].Text
						for _, s := range staff {
							if strings.Contains(residents, s) {
								t.Errorf("%s %s: BANTUAN WARGA shows %s:\n%s", lang, r.name, s, residents)
							}
						}
						if n, _ := smstext.Segments(smstext.ToGSM7(residents)); n != 1 {
							t.Errorf("%s %s: BANTUAN WARGA costs %d SMS, want 1", lang, r.name, n)
						}
					}
					for _, w := range resident {
						if !strings.Contains(residents, w) {
							t.Errorf("%s %s %s %q: help lacks %s:\n%s", lang, channel, r.name, ask, w, residents)
						}
					}
					for _, w := range staff {
						if has, want := strings.Contains(got, w), slices.Contains(r.want, w); has != want {
							t.Errorf("%s %s %s %q: %s shown %v, want %v:\n%s", lang, channel, r.name, ask, w, has, want, got)
						}
					}
					if r.roles != nil && !bySMS && strings.Index(got, r.want[0]) > strings.Index(got, "STATUS") {
						t.Errorf("%s %s %q: the resident's commands come before the role's:\n%s", lang, r.name, ask, got)
					}
					n, _ := smstext.Segments(smstext.ToGSM7(got))
					if bySMS && r.roles == nil && n != 1 {
						t.Errorf("%s: a resident's help costs %d SMS, want 1: %q", lang, n, got)
					}
					if bySMS && n > 2 {
						t.Errorf("%s: a %s's help costs %d SMS, want at most 2: %q", lang, r.name, n, got)
					}
					t.Logf("%s %-24s %-11s %d chars, %d SMS", lang, channel, r.name, len([]rune(got)), n)
				}
			}
		}
	}
}

// TestMenuPerRole: MENU lists a resident's four items to everyone, then a
// cadre's main actions (UNDANG, HASIL, SUARA, PETA, GAGASAN UNTUK) to a
// KPMD or facilitator and LAPOR to a TPK member or facilitator, numbered
// on; a number starts its command; a number of a role's item chosen by
// someone whose menu lacks it is refused as such, in every language.
func TestMenuPerRole(t *testing.T) {
	kpmdRole := []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}}
	tpkRole := []domain.RoleAssignment{{Role: domain.RoleTPK, DesaKode: "34.04.11.2002"}}
	facRole := []domain.RoleAssignment{{Role: domain.RoleFasilitator, DesaKode: "34.04.11.2002"}}
	cadreWords := []string{"(UNDANG)", "(HASIL)", "(SUARA)", "(PETA)", "(GAGASAN UNTUK)"}
	for _, lang := range flow.Langs {
		for _, tc := range []struct {
			name   string
			roles  []domain.RoleAssignment
			items  int
			shows  []string
			hidden []string
		}{
			{"resident", nil, 4, []string{"(GAGASAN)", "(BANTUAN)"}, append(slices.Clone(cadreWords), "(LAPOR)")},
			{"KPMD", kpmdRole, 9, cadreWords, []string{"(LAPOR)"}},
			{"TPK", tpkRole, 5, []string{"5. ", "(LAPOR)"}, cadreWords},
			{"facilitator", facRole, 10, append(slices.Clone(cadreWords), "(LAPOR)"), nil},
		} {
			c := newConversation(t).registered(domain.GenderFemale)
			c.contact.Lang, c.contact.Roles = lang, tc.roles
			menu := replyText(c.send(0, msg{text: "MENU"}))
			if n := len(flow.ListItems(menu)); n != tc.items {
				t.Errorf("%s %s: %d items, want %d:\n%s", lang, tc.name, n, tc.items, menu)
			}
			for _, w := range tc.shows {
				if !strings.Contains(menu, w) {
					t.Errorf("%s %s: menu lacks %s:\n%s", lang, tc.name, w, menu)
				}
			}
			for _, w := range tc.hidden {
				if strings.Contains(menu, w) {
					t.Errorf("%s %s: menu shows %s:\n%s", lang, tc.name, w, menu)
				}
			}
		}
		// A number starts its command: the KPMD's 5 is UNDANG, 9 GAGASAN
		// UNTUK; the facilitator's 10 is LAPOR.
		for _, tc := range []struct {
			roles []domain.RoleAssignment
			n     string
			flow  string
		}{{kpmdRole, "5", "undang"}, {kpmdRole, "6", "HASIL R-xxxxxx"}, {kpmdRole, "9", "untuk"}, {facRole, "10", "lapor"}} {
			c := withMeetings(newConversation(t).registered(domain.GenderFemale))
			c.contact.Lang, c.contact.Roles = lang, tc.roles
			res := c.send(0, msg{text: tc.n})
			// HASIL without a code asks for it, and says how.
			if res.Session.Flow != tc.flow && !strings.Contains(replyText(res), tc.flow) && !(tc.flow == "lapor" && strings.Contains(replyText(res), "LAPOR")) {
				t.Errorf("%s: %s chose %q: flow %q, want %q: %s", lang, tc.roles[0].Role, tc.n, res.Session.Flow, tc.flow, replyText(res))
			}
		}
		// Refused: a role's number without the role; beyond every menu,
		// the range.
		for _, tc := range []struct {
			roles []domain.RoleAssignment
			n     string
			want  string
		}{{nil, "5", "TPK"}, {nil, "7", "TPK"}, {tpkRole, "6", "TPK"}, {kpmdRole, "10", "TPK"}, {nil, "12", "1"}} {
			c := newConversation(t).registered(domain.GenderFemale)
			c.contact.Lang, c.contact.Roles = lang, tc.roles
			res := c.send(0, msg{text: tc.n, want: []string{tc.want}})
			if len(res.Commands) != 0 || !res.Session.Idle() {
				t.Errorf("%s: %q by %v started something: %+v %q", lang, tc.n, tc.roles, res.Commands, res.Session.Flow)
			}
			if tc.want == "TPK" && !strings.Contains(replyText(res), tc.n) {
				t.Errorf("%s: %q refused without its number: %s", lang, tc.n, replyText(res))
			}
		}
	}
}
