package bot

import (
	"strings"

	"github.com/suaradesa/suaradesa/flows/smstext"
)

// A channel's name, as stored with messages and contacts, is its kind and,
// for a kind that can have several channels, what tells them apart:
// "sim", "whatsapp:+6281234567001", "whatsappcloud:1234567890", "sms:bimo".
const (
	KindSim           = "sim"
	KindWhatsApp      = "whatsapp"
	KindWhatsAppCloud = "whatsappcloud"
	KindSMS           = "sms"
)

// ChannelName is the name of the channel of a kind with an id ("sms",
// "bimo" → "sms:bimo"); without an id it is the kind.
func ChannelName(kind, id string) string {
	if id == "" {
		return kind
	}
	return kind + ":" + id
}

// ChannelKind splits a channel's name into its kind and id: "sms:bimo" →
// "sms", "bimo"; "sim" → "sim", "".
func ChannelKind(name string) (kind, id string) {
	kind, id, _ = strings.Cut(name, ":")
	return kind, id
}

// ValidChannelName tells whether a name is one of the kinds above, with an
// id where the kind has several channels.
func ValidChannelName(name string) bool {
	switch kind, id := ChannelKind(name); kind {
	case KindSim:
		return id == ""
	case KindWhatsApp, KindWhatsAppCloud, KindSMS:
		return id != ""
	}
	return false
}

// SMSSegments is the text budget of a channel as the flows get it
// (flows.Env.SMSSegments): the most SMS a reply may cost on an SMS gateway,
// 0 (no budget) on the others.
func SMSSegments(channel string) int {
	if kind, _ := ChannelKind(channel); kind == KindSMS {
		return smstext.MaxSegments
	}
	return 0
}
