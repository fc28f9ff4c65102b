package bot_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

func TestChannelNames(t *testing.T) {
	for _, tc := range []struct {
		name, kind, id string
		valid          bool
		sms            int
	}{
		{"sim", bot.KindSim, "", true, 0},
		{"sms:bimo", bot.KindSMS, "bimo", true, smstext.MaxSegments},
		{"whatsapp:+6281234567001", bot.KindWhatsApp, "+6281234567001", true, 0},
		{"whatsappcloud:1234567890", bot.KindWhatsAppCloud, "1234567890", true, 0},
		{"sms:", bot.KindSMS, "", false, smstext.MaxSegments},
		{"sim:x", bot.KindSim, "x", false, 0},
		{"whatsapp", bot.KindWhatsApp, "", false, 0},
		{"telegram:1", "telegram", "1", false, 0},
		{"", "", "", false, 0},
	} {
		kind, id := bot.ChannelKind(tc.name)
		if kind != tc.kind || id != tc.id || bot.ValidChannelName(tc.name) != tc.valid || bot.SMSSegments(tc.name) != tc.sms {
			t.Errorf("%q: kind %q id %q valid %v sms %d", tc.name, kind, id, bot.ValidChannelName(tc.name), bot.SMSSegments(tc.name))
		}
		if tc.valid && bot.ChannelName(kind, id) != tc.name {
			t.Errorf("%q: rebuilt as %q", tc.name, bot.ChannelName(kind, id))
		}
	}
}
