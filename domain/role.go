package domain

import "strings"

// Role is what a contact may do in a desa beyond what every resident may.
type Role string

// Roles of the program (docs/GLOSSARY.md, "People and roles").
const (
	RoleKPMD        Role = "KPMD"
	RoleTPK         Role = "TPK"
	RoleTV          Role = "TV"
	RoleTPU         Role = "TPU"
	RoleFasilitator Role = "FASILITATOR"
)

// Roles lists every role, in a stable order.
var Roles = []Role{RoleKPMD, RoleTPK, RoleTV, RoleTPU, RoleFasilitator}

// ParseRole reads a role name in any case.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToUpper(strings.TrimSpace(s)))
	for _, known := range Roles {
		if r == known {
			return r, nil
		}
	}
	return "", ruleRoleUnknown.Err(s)
}

// RoleAssignment grants a role in one desa.
type RoleAssignment struct {
	Phone    Phone  `db:"phone"`
	Role     Role   `db:"role"`
	DesaKode string `db:"desa_kode"`
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleRoleUnknown = NewRule("role_unknown", EINVALID, "unknown role %q (one of KPMD, TPK, TV, TPU, FASILITATOR)")
)
