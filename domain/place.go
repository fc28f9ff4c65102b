package domain

import (
	"regexp"
	"strings"
	"time"
)

// Kecamatan is the sub-district; all its desa meet in the MAD.
type Kecamatan struct {
	Kode     string `db:"kode"`
	Nama     string `db:"nama"`
	TimeZone string `db:"tz"` // IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
}

// Location returns the kecamatan's time zone, WIB when it is unknown.
func (k Kecamatan) Location() *time.Location {
	if loc, err := time.LoadLocation(k.TimeZone); err == nil {
		return loc
	}
	return time.FixedZone("WIB", 7*3600)
}

// Desa is a village, keyed by its Kemendagri kode wilayah (33.74.01.2001).
type Desa struct {
	Kode          string `db:"kode"`
	Nama          string `db:"nama"`
	KecamatanKode string `db:"kecamatan_kode"`
	// Lang is the language its residents get until they choose one.
	Lang string `db:"lang"`
}

// Dusun is a hamlet inside a desa.
type Dusun struct {
	ID       int64  `db:"id"`
	DesaKode string `db:"desa_kode"`
	Nama     string `db:"nama"`
}

var (
	desaKodeRe = regexp.MustCompile(`^\d{2}\.\d{2}\.\d{2}\.\d{4}$`)
)

// ValidateDesaKode checks the form of a desa kode wilayah (NN.NN.NN.NNNN).
func ValidateDesaKode(kode string) error {
	if !desaKodeRe.MatchString(kode) {
		return ruleDesaKodeForm.Err(kode)
	}
	return nil
}

// Provinsi is a province, from Kemendagri's region list; its time zone is
// that of every kecamatan in it.
type Provinsi struct {
	Kode     string `db:"kode"`
	Nama     string `db:"nama"`
	TimeZone string `db:"tz"`
}

// DesaPlace is a desa with the names of its kecamatan and kabupaten: what
// a resident choosing among desa of the same name needs to tell them apart.
type DesaPlace struct {
	Desa
	Kecamatan string `db:"kecamatan_nama"`
	Kabupaten string `db:"kabupaten_nama"`
}

// Kabupaten is a kabupaten or kota: the kecamatan whose codes begin with
// its code (34.04 holds 34.04.11).
type Kabupaten struct {
	Kode         string `db:"kode"`
	Nama         string `db:"nama"`
	ProvinsiKode string `db:"provinsi_kode"`
}

// KabupatenKodeOf returns the kabupaten part of a kecamatan's or a desa's
// code (34.04 of 34.04.11 and of 34.04.11.2002), "" when it has none.
func KabupatenKodeOf(kode string) string {
	parts := strings.SplitN(kode, ".", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[0] + "." + parts[1]
}

// InScope tells whether a region code lies within a scope: a code prefix
// that is a whole number of parts (34, 34.04, 34.04.11 or a desa's code),
// "" meaning everywhere. 34.04.1 is no scope of 34.04.11.
func InScope(kode, scope string) bool {
	if scope == "" {
		return true
	}
	return kode == scope || strings.HasPrefix(kode, scope+".")
}

// KecamatanKodeOf returns the kecamatan part of a desa kode (33.74.01).
func KecamatanKodeOf(desaKode string) string {
	if i := strings.LastIndexByte(desaKode, '.'); i > 0 {
		return desaKode[:i]
	}
	return ""
}

// TimeZoneFor maps the Indonesian names of the three time zones to IANA names.
func TimeZoneFor(s string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "WIB", "ASIA/JAKARTA", "":
		return "Asia/Jakarta", nil
	case "WITA", "ASIA/MAKASSAR":
		return "Asia/Makassar", nil
	case "WIT", "ASIA/JAYAPURA":
		return "Asia/Jayapura", nil
	}
	return "", ruleTimeZoneUnknown.Err(s)
}

// ZoneAbbrev returns WIB, WITA or WIT for an IANA name.
func ZoneAbbrev(tz string) string {
	switch tz {
	case "Asia/Makassar":
		return "WITA"
	case "Asia/Jayapura":
		return "WIT"
	}
	return "WIB"
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleDesaKodeForm    = NewRule("desa_kode_form", EINVALID, "desa kode %q is not of the form 33.74.01.2001")
	ruleTimeZoneUnknown = NewRule("time_zone_unknown", EINVALID, "time zone %q is not WIB, WITA or WIT")
)
