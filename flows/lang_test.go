package flows_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/peta"
)

// leakedIndonesian are texts that once reached Javanese and Sundanese
// readers in Indonesian because the code wrote them inline.
var leakedIndonesian = []string{"seluruh KK", "(nama warga)", "Membahas gagasan", "Gagasan warga"}

// TestNoIndonesianInJavaneseOrSundanese walks the replies that once
// carried Indonesian (the social map's count, the invitation preview and
// its agenda, the title of a gagasan too short to name itself) in Basa
// Jawa and Basa Sunda: each reads the catalog text of its language.
func TestNoIndonesianInJavaneseOrSundanese(t *testing.T) {
	for _, lang := range []string{flow.LangJV, flow.LangSU} {
		t.Run(lang, func(t *testing.T) {
			in := func(key flow.Key, args flow.A) string { return flow.Render(lang, key, args) }
			none := func(m []string) []string { return append(m, leakedIndonesian...) }

			c := withMeetings(kpmd(newConversation(t)))
			c.contact.Lang = lang
			c.run([]msg{
				{text: "UNDANG"}, {text: "1"}, {text: "2"}, {text: "kejambon"}, {text: "25/12 09.00"}, {text: "Balai Dusun Kejambon"},
				{text: "1,2", want: []string{in(flow.MsgPreviewName, nil), in(flow.MsgAgendaGagasan, flow.A{"titles": "Jalan Kejambon; Sumur bor"})},
					notWant: none(nil)},
				{text: "BATAL"},
			})
			// Two letters are too few for a title.
			res := c.run2([]msg{{text: "GAGASAN ab", notWant: none(nil), commands: []string{"CreateGagasan"}}})
			if g := res.Commands[0].(flow.CreateGagasan).Gagasan; g.Title != in(flow.MsgDefaultTitle, nil) {
				t.Errorf("title %q", g.Title)
			}

			p := kpmd(newConversation(t))
			p.contact.Lang = lang
			p.fx.maps = map[int64]*domain.DusunMap{11: {Dusun: domain.Dusun{ID: 11, Nama: "Kejambon"}, Count: &domain.RTMCount{SangatMiskin: 4, Miskin: 20, Total: 180}}}
			p.run([]msg{
				{text: "PETA"},
				{text: "1", want: []string{in(peta.MsgCountTotal, flow.A{"n": 180})}, notWant: none(nil)},
			})
		})
	}
}

// TestAgendaReadInEachLanguage: an agenda of picked gagasan is stored in
// Indonesian, like the board shows it, and every invitation reads it in
// its reader's language; an agenda the KPMD wrote is never translated.
func TestAgendaReadInEachLanguage(t *testing.T) {
	m := domain.Meeting{Code: "R-AAAAAA", Type: domain.MeetingMusdus, DesaNama: "Bimomartani", Audience: domain.AudienceDesa,
		TZ: "Asia/Jakarta", Place: "Balai", Agenda: flow.Render(flow.LangID, flow.MsgAgendaGagasan, flow.A{"titles": "Talud; Sumur"})}
	for _, lang := range flow.Langs {
		want := flow.Render(lang, flow.MsgAgendaGagasan, flow.A{"titles": "Talud; Sumur"})
		if got := flows.InviteText(lang, m); !strings.Contains(got, want) {
			t.Errorf("%s: the invitation lacks %q:\n%s", lang, want, got)
		}
	}
	m.Agenda = "Membahas anggaran posyandu"
	if got := flows.InviteText(flow.LangJV, m); !strings.Contains(got, m.Agenda) {
		t.Errorf("a written agenda changed: %s", got)
	}
}
