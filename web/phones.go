package web

import (
	"github.com/nyaruka/phonenumbers"

	"github.com/suaradesa/suaradesa/domain"
)

// The numbers a facilitator types (a role's holder, a board's WhatsApp and
// SMS numbers) are checked harder than the numbers the chat receives:
// domain.ParsePhone only asks whether a number is possible (gateways hand
// over odd forms, and a sender's number exists by definition), while a
// typed number must be a valid Indonesian one by the numbering plan that
// libphonenumber (nyaruka/phonenumbers, already used by domain) carries.
// "12345" passes ParsePhone as +6212345; it fails here.

// typedPhone parses a number a facilitator typed: a valid Indonesian
// number, in any usual form (0812…, +62812…, 62812…, with spaces or dashes).
func typedPhone(s string) (domain.Phone, error) {
	p, err := domain.ParsePhone(s)
	if err != nil {
		return "", err
	}
	n, err := phonenumbers.Parse(string(p), domain.DefaultRegion)
	if err != nil || !phonenumbers.IsValidNumberForRegion(n, domain.DefaultRegion) {
		return "", rulePhoneNotIndonesian.Err(s)
	}
	return p, nil
}

// boardPhoneDigits is the shortest national number a board may print:
// libphonenumber still takes the oldest postpaid mobile numbers of 9 digits
// after the 0 (0812 3456 78), but a number bought for the bot today has
// 10 to 12, and residents pay for every SMS sent to a wrong one.
const boardPhoneDigits = 10

// boardPhone parses a number for a desa's board: a valid Indonesian mobile
// number (the bot's SIM; SMS reaches only mobiles) of today's length.
func boardPhone(channel, s string) (domain.Phone, error) {
	p, err := typedPhone(s)
	if err != nil {
		return "", ruleDesaNumber.Err(channel, s)
	}
	n, _ := phonenumbers.Parse(string(p), domain.DefaultRegion)
	switch phonenumbers.GetNumberType(n) {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
	default:
		return "", ruleDesaNumberNotMobile.Err(channel, s)
	}
	if len(phonenumbers.GetNationalSignificantNumber(n)) < boardPhoneDigits {
		return "", ruleDesaNumberShort.Err(channel, s)
	}
	return p, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	rulePhoneNotIndonesian  = domain.NewRule("phone_not_indonesian", domain.EINVALID, "%q is not a valid Indonesian phone number")
	ruleDesaNumberNotMobile = domain.NewRule("desa_number_not_mobile", domain.EINVALID, "%s number %q is not a mobile number")
	ruleDesaNumberShort     = domain.NewRule("desa_number_short", domain.EINVALID, "%s number %q is too short for a mobile number")
)
