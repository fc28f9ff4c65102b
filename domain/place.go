package domain

import (
	"regexp"
	"slices"
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

// provinsiZones are the provinces not in WIB, by Kemendagri code, after
// Keputusan Presiden 41/1987 on Indonesia's time zones: WITA for Bali, the
// Nusa Tenggara, South, East and North Kalimantan (Kalimantan Utara was cut
// from Kalimantan Timur) and all of Sulawesi; WIT for Maluku and every
// Papua province (the four made in 2022 too). Sumatra, Java, Kalimantan
// Barat and Kalimantan Tengah are WIB.
var provinsiZones = map[string]string{
	"51": "Asia/Makassar", // Bali
	"52": "Asia/Makassar", // Nusa Tenggara Barat
	"53": "Asia/Makassar", // Nusa Tenggara Timur
	"63": "Asia/Makassar", // Kalimantan Selatan
	"64": "Asia/Makassar", // Kalimantan Timur
	"65": "Asia/Makassar", // Kalimantan Utara
	"71": "Asia/Makassar", // Sulawesi Utara
	"72": "Asia/Makassar", // Sulawesi Tengah
	"73": "Asia/Makassar", // Sulawesi Selatan
	"74": "Asia/Makassar", // Sulawesi Tenggara
	"75": "Asia/Makassar", // Gorontalo
	"76": "Asia/Makassar", // Sulawesi Barat
	"81": "Asia/Jayapura", // Maluku
	"82": "Asia/Jayapura", // Maluku Utara
	"91": "Asia/Jayapura", // Papua
	"92": "Asia/Jayapura", // Papua Barat
	"93": "Asia/Jayapura", // Papua Selatan
	"94": "Asia/Jayapura", // Papua Tengah
	"95": "Asia/Jayapura", // Papua Pegunungan
	"96": "Asia/Jayapura", // Papua Barat Daya
}

// wibProvinsi are the provinces in WIB: Sumatra (11–19, 21), Java (31–36),
// Kalimantan Barat (61) and Kalimantan Tengah (62).
var wibProvinsi = []string{"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"}

// ProvinsiTimeZone returns the IANA time zone of a province by its code
// (34 → Asia/Jakarta), false for a code it does not know: a new province
// must be placed in its zone here, never guessed.
func ProvinsiTimeZone(kode string) (string, bool) {
	if tz, ok := provinsiZones[kode]; ok {
		return tz, true
	}
	if slices.Contains(wibProvinsi, kode) {
		return "Asia/Jakarta", true
	}
	return "", false
}

var wilayahKodeRe = regexp.MustCompile(`^\d{2}(\.\d{2}){0,2}$`)

// ValidateWilayahKode checks the form of a region code that an import
// names: a province (34), a kabupaten (34.04) or a kecamatan (34.04.11).
func ValidateWilayahKode(kode string) error {
	if !wilayahKodeRe.MatchString(kode) {
		return ruleWilayahKodeForm.Err(kode)
	}
	return nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleDesaKodeForm    = NewRule("desa_kode_form", EINVALID, "desa kode %q is not of the form 33.74.01.2001")
	ruleTimeZoneUnknown = NewRule("time_zone_unknown", EINVALID, "time zone %q is not WIB, WITA or WIT")
	ruleWilayahKodeForm = NewRule("wilayah_kode_form", EINVALID, "region code %q is not a province, kabupaten or kecamatan code (34, 34.04 or 34.04.11)")
)
