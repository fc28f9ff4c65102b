package sms_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// Length budgets per channel. A WhatsApp message has room for 4,096
// characters, but a resident reads it on a small screen; an SMS costs the
// service money per 153 characters and reaches a cheap phone in parts.
const (
	whatsappBudget = 1200 // characters, placeholders filled with samples
)

// listPlaceholders hold lists whose length depends on the data; an SMS
// reply with a long list is paged (LAGI), so they count as one line.
var listPlaceholders = map[string]bool{"list": true, "items": true, "history": true, "tranches": true, "criteria": true, "text": true, "summary": true}

// sample fills every placeholder of a template with a value of a
// realistic length: names, places and codes as long as real ones.
func sample(tpl string) flow.A {
	a := flow.A{}
	for _, p := range flow.Placeholders(tpl) {
		a[p] = strings.Repeat("x", 14)
		if listPlaceholders[p] {
			a[p] = strings.Repeat("y", 40)
		}
	}
	return a
}

// TestCatalogSegments holds every message of every language to the budget
// of each channel, and prints what each costs by SMS
// (go test -v ./bot/sms -run CatalogSegments): on WhatsApp at most
// whatsappBudget characters; by SMS within three segments (smstext.MaxSegments)
// or with a shorter _sms variant within three, which is what SMS sends, and
// the short answers in one.
func TestCatalogSegments(t *testing.T) {
	for _, lang := range flow.Langs {
		total, over, most := 0, 0, 0
		for _, k := range flow.Keys(flow.LangID) {
			tpl, ok := flow.Text(lang, k)
			if !ok {
				t.Errorf("%s: %s missing", lang, k)
				continue
			}
			full := flow.Render(lang, k, sample(tpl))
			if n := len([]rune(full)); n > whatsappBudget {
				t.Errorf("%s/%s: %d characters on WhatsApp, budget %d", lang, k, n, whatsappBudget)
			}
			if strings.HasSuffix(string(k), "_sms") {
				continue
			}
			text := smstext.ToGSM7(full)
			n, gsm7 := smstext.Segments(text)
			if !gsm7 {
				t.Errorf("%s/%s is not GSM-7 after conversion", lang, k)
			}
			t.Logf("%s %-26s %d SMS  %3d chars", lang, k, n, len([]rune(text)))
			most = max(most, n)
			if n > smstext.MaxSegments {
				over++
				// A message over the budget must have a short SMS variant.
				stpl, ok := flow.Text(lang, k+"_sms")
				short := smstext.ToGSM7(flow.Render(lang, k+"_sms", sample(stpl)))
				if m, _ := smstext.Segments(short); !ok || m > smstext.MaxSegments {
					t.Errorf("%s/%s costs %d SMS and has no SMS variant within %d", lang, k, n, smstext.MaxSegments)
				}
			}
			total++
		}
		for _, k := range []flow.Key{flow.MsgConsentHint, flow.MsgAskName, flow.MsgEmpty, flow.MsgUnknown, flow.MsgCanceled, flow.MsgNeedNumber} {
			if n, _ := smstext.Segments(smstext.ToGSM7(flow.Render(lang, k, nil))); n != 1 {
				t.Errorf("%s/%s should fit one SMS, costs %d", lang, k, n)
			}
		}
		t.Logf("%s: %d messages, %d over %d SMS (each with a shorter _sms variant), longest %d SMS", lang, total, over, smstext.MaxSegments, most)
	}
}
