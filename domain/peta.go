package domain

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The social map (peta sosial) of a dusun, drawn at its meeting before ideas
// are gathered: what the dusun has (potensi), what troubles it (masalah), the
// limits of its natural, human and other resources; the criteria its people
// agreed for a poor and a very poor household; and how many households fall
// in each (Rumah Tangga Miskin, RTM). Counts only: the service keeps no list
// of poor households. A desa's map is its dusun maps taken together.

// MapKind is the kind of a map item.
type MapKind string

// Map item kinds.
const (
	MapPotensi      MapKind = "POTENSI"
	MapMasalah      MapKind = "MASALAH"
	MapBatasAlam    MapKind = "KETERBATASAN_SDA" // natural resources
	MapBatasManusia MapKind = "KETERBATASAN_SDM" // human resources
	MapBatasLain    MapKind = "KETERBATASAN_LAIN"
)

// MapKinds lists the kinds in the order they are offered.
var MapKinds = []MapKind{MapMasalah, MapPotensi, MapBatasAlam, MapBatasManusia, MapBatasLain}

// Valid tells whether k is a known kind.
func (k MapKind) Valid() bool {
	for _, x := range MapKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Answerable tells whether a gagasan can answer an item of this kind:
// it solves a problem or develops a potential.
func (k MapKind) Answerable() bool { return k == MapMasalah || k == MapPotensi }

// Limits of map text.
const (
	MaxMapTitleLen     = 80
	MaxMapDescLen      = 500
	MaxCriterionLen    = 160
	MaxCriteriaPerList = 20
	MaxHouseholdsDusun = 20000
)

// MapItem is one item of a dusun's map. A resident's suggestion waits
// (Suggested) until a KPMD confirms it; a removed item stays, marked, so
// that the history and the gagasan pointing at it keep their meaning.
type MapItem struct {
	ID          int64      `db:"id"`
	DusunID     int64      `db:"dusun_id"`
	DusunNama   string     `db:"dusun_nama"`
	DesaKode    string     `db:"desa_kode"`
	Kind        MapKind    `db:"kind"`
	Title       string     `db:"title"`
	Description string     `db:"description"`
	PhotoID     *int64     `db:"photo_id"`
	Lat         *float64   `db:"lat"`
	Lng         *float64   `db:"lng"`
	Suggested   bool       `db:"suggested"`
	RemovedAt   *time.Time `db:"removed_at"`
	CreatedAt   time.Time  `db:"created_at"`
}

// Validate checks an item before it is stored.
func (m *MapItem) Validate() error {
	m.Title = strings.Join(strings.Fields(m.Title), " ")
	m.Description = strings.TrimSpace(m.Description)
	switch {
	case !m.Kind.Valid():
		return ruleMapKindUnknown.Err(m.Kind)
	case m.DusunID == 0:
		return ruleMapNeedsDusun.Err()
	case utf8.RuneCountInString(m.Title) < 3:
		return ruleMapTitleShort.Err()
	case utf8.RuneCountInString(m.Title) > MaxMapTitleLen:
		return ruleMapTitleLong.Err(MaxMapTitleLen)
	case utf8.RuneCountInString(m.Description) > MaxMapDescLen:
		return ruleMapDescLong.Err(MaxMapDescLen)
	}
	return nil
}

// PovertyLevel is a category of the community's own poverty criteria.
type PovertyLevel string

// Levels.
const (
	SangatMiskin PovertyLevel = "SANGAT_MISKIN"
	Miskin       PovertyLevel = "MISKIN"
)

// PovertyLevels lists the levels, the poorest first.
var PovertyLevels = []PovertyLevel{SangatMiskin, Miskin}

// Criterion is one criterion a dusun agreed for a level ("rumah berlantai
// tanah", "tidak punya lahan").
type Criterion struct {
	ID      int64        `db:"id"`
	DusunID int64        `db:"dusun_id"`
	Level   PovertyLevel `db:"level"`
	Text    string       `db:"text"`
}

// ValidateCriterion checks a criterion's text.
func ValidateCriterion(level PovertyLevel, text string) (string, error) {
	text = strings.Join(strings.Fields(text), " ")
	if level != SangatMiskin && level != Miskin {
		return "", ruleLevelUnknown.Err(level)
	}
	if utf8.RuneCountInString(text) < 3 || utf8.RuneCountInString(text) > MaxCriterionLen {
		return "", ruleCriterionLength.Err(MaxCriterionLen)
	}
	return text, nil
}

// RTMCount is how many households of a dusun its meeting counted in each
// level, and in all (Total is optional: zero when not counted).
type RTMCount struct {
	DusunID      int64 `db:"dusun_id"`
	SangatMiskin int   `db:"sangat_miskin"`
	Miskin       int   `db:"miskin"`
	Total        int   `db:"total"`
}

// Validate checks the counts: none negative, none above the dusun's size,
// and the poor no more than all households when the total is known.
func (c RTMCount) Validate() error {
	for _, n := range []int{c.SangatMiskin, c.Miskin, c.Total} {
		if n < 0 || n > MaxHouseholdsDusun {
			return ruleHouseholdsDusunRange.Err(MaxHouseholdsDusun)
		}
	}
	if c.Total > 0 && c.SangatMiskin+c.Miskin > c.Total {
		return ruleHouseholdsPoorMoreDusun.Err(c.SangatMiskin+c.Miskin, c.Total)
	}
	return nil
}

// DusunMap is a dusun's whole map.
type DusunMap struct {
	Dusun    Dusun
	Items    []MapItem // active, confirmed
	Criteria []Criterion
	Count    *RTMCount // nil until counted
}

// DesaMap is derived from its dusun maps, never entered twice: the items
// of all, the counts summed over the dusun that counted.
type DesaMap struct {
	Dusun   []DusunMap
	Count   RTMCount // sums; DusunID is 0
	Counted int      // how many dusun have counts
}

// DeriveDesaMap builds a desa's map from its dusun maps.
func DeriveDesaMap(dusun []DusunMap) DesaMap {
	d := DesaMap{Dusun: dusun}
	for _, m := range dusun {
		if m.Count == nil {
			continue
		}
		d.Counted++
		d.Count.SangatMiskin += m.Count.SangatMiskin
		d.Count.Miskin += m.Count.Miskin
		d.Count.Total += m.Count.Total
	}
	return d
}

// ItemsOf returns the items of one kind, over all dusun.
func (d DesaMap) ItemsOf(k MapKind) []MapItem {
	var out []MapItem
	for _, m := range d.Dusun {
		for _, it := range m.Items {
			if it.Kind == k {
				out = append(out, it)
			}
		}
	}
	return out
}

// DefaultMinPublicCount is the smallest household count a public page
// shows as a number.
const DefaultMinPublicCount = 3

// PublicMin is the minimum in use for the setting min (PUBLIC_MIN_COUNT):
// min itself, or DefaultMinPublicCount when it is not set (<= 0). The
// board and the chat's vote result read the one setting through it.
func PublicMin(min int) int {
	if min <= 0 {
		return DefaultMinPublicCount
	}
	return min
}

// PublicCount shows a count on a public page: a count from 1 to below min
// is "< min", so that a household cannot be singled out in a small dusun.
// Zero is zero: nobody to single out.
func PublicCount(n, min int) string {
	min = PublicMin(min)
	if n > 0 && n < min {
		return "< " + strconv.Itoa(min)
	}
	return strconv.Itoa(n)
}

// WholeSplit tells whether a split of total into groups (and the rest, in
// none of them) may be shown: no group, the rest included, has between 1
// and min-1 (none shown would give one back by subtraction). min <= 0
// shows every split.
func WholeSplit(min, total int, groups ...int) bool {
	rest := total
	for _, g := range append(groups, -1) {
		if g == -1 {
			g = rest
		}
		if min > 0 && g > 0 && g < min {
			return false
		}
		rest -= g
	}
	return true
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMapKindUnknown          = NewRule("map_kind_unknown", EINVALID, "jenis isi peta %q tidak dikenal")
	ruleMapNeedsDusun           = NewRule("map_needs_dusun", EINVALID, "isi peta harus milik satu dusun")
	ruleMapTitleShort           = NewRule("map_title_short", EINVALID, "judul isi peta paling sedikit 3 huruf")
	ruleMapTitleLong            = NewRule("map_title_long", EINVALID, "judul isi peta paling banyak %d huruf")
	ruleMapDescLong             = NewRule("map_desc_long", EINVALID, "uraian isi peta paling banyak %d huruf")
	ruleLevelUnknown            = NewRule("level_unknown", EINVALID, "tingkat %q tidak dikenal")
	ruleCriterionLength         = NewRule("criterion_length", EINVALID, "kriteria terdiri dari 3 sampai %d huruf")
	ruleHouseholdsDusunRange    = NewRule("households_dusun_range", EINVALID, "jumlah rumah tangga antara 0 dan %d")
	ruleHouseholdsPoorMoreDusun = NewRule("households_poor_more_dusun", EINVALID, "rumah tangga miskin (%d) lebih banyak dari seluruh rumah tangga (%d)")
)
