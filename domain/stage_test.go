package domain_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// Who hears of a gagasan's stage change, where, and in which language.
func TestWhoHearsStage(t *testing.T) {
	sid := int64(7)
	jv, empty := "jv", ""
	sender := func(lang string, desa *string, channel string, optedOut bool) *domain.StageSender {
		return &domain.StageSender{ID: 7, Phone: "+6281234567001", Lang: lang, DesaLang: desa, Channel: channel, OptedOut: optedOut}
	}
	own := domain.Gagasan{Code: "G-AAAAAA", SenderID: &sid}
	filed := domain.Gagasan{Code: "G-BBBBBB", ForName: "Mbah Sri", NotifyPhone: "+6281234567002", NotifyChannel: "sms:modem"}
	tests := []struct {
		name     string
		g        domain.Gagasan
		sender   *domain.StageSender
		ok       bool
		channel  string
		phone    domain.Phone
		contact  bool
		lang     string
		desaLang string
	}{
		{"sender in their own language", own, sender("su", &jv, "whatsapp", false), true, "whatsapp", "+6281234567001", true, "su", "id"},
		{"sender without a choice: their desa's", own, sender("", &jv, "sim", false), true, "sim", "+6281234567001", true, "jv", "su"},
		{"sender without a desa: Indonesian", own, sender("", nil, "sim", false), true, "sim", "+6281234567001", true, "id", "jv"},
		{"a desa language left empty stays empty", own, sender("", &empty, "sim", false), true, "sim", "+6281234567001", true, "", "jv"},
		{"opted out: no one", own, sender("id", nil, "sim", true), false, "", "", false, "", "id"},
		{"never wrote: no one", own, sender("id", nil, "", false), false, "", "", false, "", "id"},
		{"sender unknown: no one", own, nil, false, "", "", false, "", "id"},
		{"filed for a resident: the relative, in the desa's language", filed, nil, true, "sms:modem", "+6281234567002", false, "jv", "jv"},
		{"filed for a resident without a number: no one", domain.Gagasan{ForName: "Mbah Sri"}, nil, false, "", "", false, "", "jv"},
		{"a number without a channel: no one", domain.Gagasan{ForName: "Mbah Sri", NotifyPhone: "+6281234567002"}, nil, false, "", "", false, "", "jv"},
	}
	for _, tt := range tests {
		l, ok := domain.WhoHearsStage(tt.g, tt.sender, tt.desaLang)
		if ok != tt.ok || l.Channel != tt.channel || l.Phone != tt.phone || (l.Contact != nil) != tt.contact || l.Lang != tt.lang {
			t.Errorf("%s: got %+v, %v", tt.name, l, ok)
		}
		if l.Contact != nil && *l.Contact != 7 {
			t.Errorf("%s: contact %d, want 7", tt.name, *l.Contact)
		}
	}
}

// Who hears that a complaint moved, where, and in which language.
func TestWhoHearsComplaint(t *testing.T) {
	jv := "jv"
	tests := []struct {
		name   string
		sender *domain.StageSender
		ok     bool
		lang   string
	}{
		{"sender in their own language", &domain.StageSender{ID: 7, Phone: "+6281234567001", Lang: "su", DesaLang: &jv, Channel: "sim"}, true, "su"},
		{"sender without a choice: their desa's", &domain.StageSender{ID: 7, Phone: "+6281234567001", DesaLang: &jv, Channel: "sim"}, true, "jv"},
		{"sender without a desa: Indonesian", &domain.StageSender{ID: 7, Phone: "+6281234567001", Channel: "sim"}, true, "id"},
		{"opted out: still told, about their own complaint", &domain.StageSender{ID: 7, Phone: "+6281234567001", DesaLang: &jv, Channel: "sim", OptedOut: true}, true, "jv"},
		{"no sender (data deleted): no one", nil, false, ""},
	}
	for _, tt := range tests {
		l, ok := domain.WhoHearsComplaint(tt.sender)
		if ok != tt.ok || l.Lang != tt.lang {
			t.Errorf("%s: got %+v, %v", tt.name, l, ok)
			continue
		}
		if ok && (l.Contact == nil || *l.Contact != 7 || l.Phone != "+6281234567001" || l.Channel != "sim") {
			t.Errorf("%s: told %+v", tt.name, l)
		}
	}
}
