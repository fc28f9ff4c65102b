package sms_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/bot/sms"
	"github.com/suaradesa/suaradesa/flows"
)

// TestCatalogSegments prints what every catalog message costs by SMS
// (go test -v ./bot/sms -run CatalogSegments) and holds them to a ceiling:
// nothing over five SMS, and the short answers in one.
func TestCatalogSegments(t *testing.T) {
	total, over := 0, 0
	for _, k := range flows.Keys(flows.LangID) {
		text := sms.ToGSM7(flows.Render(flows.LangID, k, nil))
		n, gsm7 := sms.Segments(text)
		if !gsm7 {
			t.Errorf("%s is not GSM-7 after conversion", k)
		}
		t.Logf("%-26s %d SMS  %3d chars", k, n, len([]rune(text)))
		if n > 5 {
			t.Errorf("%s costs %d SMS", k, n)
		}
		if n > sms.MaxSegments {
			over++
			// A message over the budget must have a short SMS variant.
			short := sms.ToGSM7(flows.Render(flows.LangID, k+"_sms", nil))
			if m, _ := sms.Segments(short); !flows.HasKey(flows.LangID, k+"_sms") || m > sms.MaxSegments {
				t.Errorf("%s costs %d SMS and has no SMS variant within %d", k, n, sms.MaxSegments)
			}
		}
		total++
	}
	for _, k := range []flows.Key{flows.MsgConsentHint, flows.MsgAskName, flows.MsgEmpty, flows.MsgUnknown, flows.MsgCanceled, flows.MsgNeedNumber} {
		if n, _ := sms.Segments(sms.ToGSM7(flows.Render(flows.LangID, k, nil))); n != 1 {
			t.Errorf("%s should fit one SMS, costs %d", k, n)
		}
	}
	t.Logf("%d messages, %d over %d SMS (each with a shorter _sms variant)", total, over, sms.MaxSegments)
}
