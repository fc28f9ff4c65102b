package flows_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// A newcomer who greets in Basa Jawa or Basa Sunda reads the consent in
// it, before any question about language; a name given instead of a choice
// keeps it, and a choice at the question wins over it.
func TestFirstMessageChoosesConsentLanguage(t *testing.T) {
	welcome := func(lang string) string {
		first, _, _ := strings.Cut(flow.Render(lang, flow.MsgWelcome, flow.A{"pengendali": "UPK"}), "\n")
		return first
	}
	for _, tc := range []struct {
		first, lang string
	}{
		{"kula nuwun", flow.LangJV},
		{"Sugeng enjing, nyuwun sewu badhe tanglet", flow.LangJV},
		{"punten, abdi hoyong ngiring", flow.LangSU},
		{"halo", flow.LangID},
	} {
		t.Run(tc.first, func(t *testing.T) {
			c := newConversation(t)
			others := []string{}
			for _, l := range flow.Langs {
				if l != tc.lang {
					others = append(others, welcome(l))
				}
			}
			c.run([]msg{
				{text: tc.first, want: []string{welcome(tc.lang)}, notWant: others},
				{text: "emm", want: []string{flow.Render(tc.lang, flow.MsgConsentHint, nil)}},
				{text: "ya", commands: []string{"GiveConsent"}},
				// A name instead of a language: the guess stays.
				{text: "Sri Lestari"},
			})
			if tc.lang != flow.LangID && (c.contact == nil || c.contact.Lang != tc.lang) {
				t.Fatalf("language after a skipped question: %+v", c.contact)
			}
		})
	}
	// A choice at the question wins: greeted in Javanese, chose Indonesian.
	c := newConversation(t)
	c.run([]msg{{text: "kula nuwun"}, {text: "ya"}, {text: "1"}})
	if c.contact.Lang != flow.LangID {
		t.Fatalf("chose Bahasa Indonesia, got %q", c.contact.Lang)
	}
}
