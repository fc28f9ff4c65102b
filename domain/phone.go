package domain

import (
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Phone is a phone number in E.164 form (+62812…). A contact is a person keyed
// by this number, whatever channel they write on.
type Phone string

// DefaultRegion is the region assumed for numbers typed without a country code.
const DefaultRegion = "ID"

// ParsePhone normalises the forms Indonesians type (0812…, 62812…, +62 812…,
// 0812-3456-7890) into E.164. It refuses text that is not a possible number.
func ParsePhone(s string) (Phone, error) {
	if p, ok := parsedPhones.get(s); ok {
		return p, nil
	}
	p, err := parsePhone(s)
	if err == nil {
		parsedPhones.put(s, p)
	}
	return p, err
}

// parsedPhones remembers recent parses: channels hand the same numbers
// over again and again (every message of a conversation, every poll of the
// simulator), and the library's parse is heavy on regular expressions
// (6% of the service's CPU under `make bench`). Parsing is a pure function
// of the text, so the memory is exact; it forgets everything when full.
var parsedPhones = phoneMemo{m: map[string]Phone{}}

type phoneMemo struct {
	mu sync.Mutex
	m  map[string]Phone
}

const phoneMemoSize = 10_000

func (c *phoneMemo) get(s string) (Phone, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.m[s]
	return p, ok
}

func (c *phoneMemo) put(s string, p Phone) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= phoneMemoSize {
		clear(c.m)
	}
	c.m[s] = p
}

func parsePhone(s string) (Phone, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return "", rulePhoneEmpty.Err()
	}
	if len(raw) > 32 {
		return "", rulePhoneTooLong.Err()
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, raw)
	// "62812…" without a plus is how numbers arrive from many gateways.
	if !strings.HasPrefix(raw, "+") && strings.HasPrefix(digits, "62") && len(digits) >= 10 {
		raw = "+" + digits
	}
	num, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil {
		return "", rulePhoneNotNumber.Err()
	}
	if !phonenumbers.IsPossibleNumber(num) {
		return "", rulePhoneImpossible.Err()
	}
	return Phone(phonenumbers.Format(num, phonenumbers.E164)), nil
}

// MustPhone parses s and panics on error; for tests and fixed demo data only.
func MustPhone(s string) Phone {
	p, err := ParsePhone(s)
	if err != nil {
		panic(err)
	}
	return p
}

func (p Phone) String() string { return string(p) }

// Masked hides the middle of the number for logs and facilitator lists:
// +62812****7001.
func (p Phone) Masked() string {
	s := string(p)
	if len(s) < 9 {
		return "****"
	}
	return s[:6] + strings.Repeat("*", len(s)-10) + s[len(s)-4:]
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	rulePhoneEmpty      = NewRule("phone_empty", EINVALID, "phone number is empty")
	rulePhoneTooLong    = NewRule("phone_too_long", EINVALID, "phone number is too long")
	rulePhoneNotNumber  = NewRule("phone_not_number", EINVALID, "not a phone number")
	rulePhoneImpossible = NewRule("phone_impossible", EINVALID, "not a possible phone number")
)
