package domain

import "github.com/nyaruka/phonenumbers"

// The numbers a facilitator types (a role's holder, a board's WhatsApp and
// SMS numbers) are checked harder than the numbers the chat receives:
// domain.ParsePhone only asks whether a number is possible (gateways hand
// over odd forms, and a sender's number exists by definition), while a
// typed number must be a valid Indonesian one by the numbering plan that
// libphonenumber (nyaruka/phonenumbers) carries.
// "12345" passes ParsePhone as +6212345; it fails here.

// ParseTypedPhone parses a number a facilitator typed: a valid Indonesian
// number, in any usual form (0812…, +62812…, 62812…, with spaces or dashes).
func ParseTypedPhone(s string) (Phone, error) {
	p, err := ParsePhone(s)
	if err != nil {
		return "", err
	}
	n, err := phonenumbers.Parse(string(p), DefaultRegion)
	if err != nil || !phonenumbers.IsValidNumberForRegion(n, DefaultRegion) {
		return "", rulePhoneNotIndonesian.Err(s)
	}
	return p, nil
}

// ParseMobilePhone parses a typed number that must reach a person by chat
// (an elected KPMD, TPK or TPU): ParseTypedPhone's number, and a mobile one.
func ParseMobilePhone(s string) (Phone, error) {
	p, err := ParseTypedPhone(s)
	if err != nil {
		return "", err
	}
	if !isMobile(p) {
		return "", rulePhoneNotMobile.Err(s)
	}
	return p, nil
}

// isMobile tells whether a valid Indonesian number is a mobile one.
func isMobile(p Phone) bool {
	n, _ := phonenumbers.Parse(string(p), DefaultRegion)
	switch phonenumbers.GetNumberType(n) {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return true
	}
	return false
}

// boardPhoneDigits is the shortest national number a board may print:
// libphonenumber still takes the oldest postpaid mobile numbers of 9 digits
// after the 0 (0812 3456 78), but a number bought for the bot today has
// 10 to 12, and residents pay for every SMS sent to a wrong one.
const boardPhoneDigits = 10

// ParseBoardPhone parses a number for a desa's board: a valid Indonesian mobile
// number (the bot's SIM; SMS reaches only mobiles) of today's length.
func ParseBoardPhone(channel, s string) (Phone, error) {
	p, err := ParseTypedPhone(s)
	if err != nil {
		return "", ruleDesaNumber.Err(channel, s)
	}
	if !isMobile(p) {
		return "", ruleDesaNumberNotMobile.Err(channel, s)
	}
	n, _ := phonenumbers.Parse(string(p), DefaultRegion)
	if len(phonenumbers.GetNationalSignificantNumber(n)) < boardPhoneDigits {
		return "", ruleDesaNumberShort.Err(channel, s)
	}
	return p, nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleDesaNumber          = NewRule("desa_number_invalid", EINVALID, "%s number %q is not a phone number")
	rulePhoneNotMobile      = NewRule("phone_not_mobile", EINVALID, "%q is not a mobile number")
	rulePhoneNotIndonesian  = NewRule("phone_not_indonesian", EINVALID, "%q is not a valid Indonesian phone number")
	ruleDesaNumberNotMobile = NewRule("desa_number_not_mobile", EINVALID, "%s number %q is not a mobile number")
	ruleDesaNumberShort     = NewRule("desa_number_short", EINVALID, "%s number %q is too short for a mobile number")
)
