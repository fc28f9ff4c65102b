package flow

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// KPMDDesa returns the desa where the contact may invite and file for
// residents: one where they are KPMD or facilitator.
func KPMDDesa(c *domain.Contact) (string, bool) {
	for _, r := range c.Roles {
		if r.Role == domain.RoleKPMD || r.Role == domain.RoleFasilitator {
			return r.DesaKode, true
		}
	}
	return "", false
}

// KPMDDesas lists every desa where the contact is KPMD or facilitator,
// once each, in the order of their roles.
func KPMDDesas(c *domain.Contact) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range c.Roles {
		if (r.Role == domain.RoleKPMD || r.Role == domain.RoleFasilitator) && !seen[r.DesaKode] {
			seen[r.DesaKode] = true
			out = append(out, r.DesaKode)
		}
	}
	return out
}

// IsCadre tells whether the contact gets a cadre's commands in BANTUAN
// and MENU: a KPMD or facilitator of any desa.
func IsCadre(c *domain.Contact) bool {
	return c.HasRole(domain.RoleKPMD, "") || c.HasRole(domain.RoleFasilitator, "")
}

// IsTPK tells whether the contact gets a TPK's commands in BANTUAN and
// MENU: a TPK member or a facilitator.
func IsTPK(c *domain.Contact) bool {
	return c.HasRole(domain.RoleTPK, "") || c.HasRole(domain.RoleFasilitator, "")
}

// MayManage tells whether the contact may manage the meetings of a desa.
func MayManage(c *domain.Contact, desaKode string) bool {
	return c.HasRole(domain.RoleKPMD, desaKode) || c.HasRole(domain.RoleFasilitator, desaKode)
}

// ParseGender reads an answer to the gender question (registration's, and
// a KPMD's about a resident); 3 (or skipping) is the empty gender.
func ParseGender(s string) (domain.Gender, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "P", "W":
		return domain.GenderFemale, true
	case "L":
		return domain.GenderMale, true
	}
	if answer.Skip(s) || answer.YesNo(s) == answer.No {
		return domain.GenderUnknown, true
	}
	// "kula estri", "wedok", "1 perempuan", "lalaki", "pameget": the words
	// of one gender (and perhaps its number), none of the other.
	female, male, other := false, false, false
	for _, w := range strings.Fields(answer.Normal(strings.ReplaceAll(s, "-", " "))) {
		switch w {
		case "1", "perempuan", "wanita", "ibu", "estri", "istri", "wedok", "wadon", "cewek", "cewe", "putri", "awewe", "mojang", "nyonya":
			female = true
		case "2", "laki", "lelaki", "pria", "bapak", "kakung", "pameget", "lanang", "jaler", "lalaki", "cowok", "cowo", "putra", "pamegat":
			male = true
		case "3":
			other = true
		}
	}
	switch {
	case female && !male && !other:
		return domain.GenderFemale, true
	case male && !female && !other:
		return domain.GenderMale, true
	case other && !female && !male:
		return domain.GenderUnknown, true
	}
	return "", false
}

// UpperFirst writes the first letter of a title as a capital: the public
// board shows "Lampu jalan …", as most residents type "lampu jalan …".
func UpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
