package domain

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Money is whole Rupiah in an int64: the programme's amounts have no
// sen. FormatRupiah is the one way an amount is written for people
// (board, admin site, chat, CLI) and ParseRupiah the one way one is read
// from them.

// MaxRupiah is the largest amount ParseRupiah accepts: Rp 10 triliun, far
// above any kecamatan's allocation, so that a slip of zeros is refused
// rather than stored.
const MaxRupiah int64 = 10_000_000_000_000

// FormatRupiah writes a whole-Rupiah amount as people read it:
// Rp 150.000.000.
func FormatRupiah(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-Rp " + b.String()
	}
	return "Rp " + b.String()
}

// ParseRupiah reads an amount of Rupiah as people write it: "Rp 150.000.000",
// "150.000.000,-", "150000000", "IDR 150,000,000", "150 juta", "1,5 M",
// "75jt", "2 M 500 juta", "Rp 150.000.000,00", "150 000 000". The reading:
//
//   - "." followed by groups of three digits groups thousands (Indonesian);
//     a comma is the decimal sign, except that groups of three digits after
//     commas with no unit word ("150,000,000", "150,000") group thousands
//     (an amount of Rupiah never has three decimals). With both signs, the
//     last is the decimal sign.
//   - Unit words multiply: ribu (rb, k, rebu, ewu), juta (jt, yuta), miliar
//     (M, milyar), triliun (T); several parts add up when their units go
//     down ("1 M 250 jt"). A number after a unit with none of its own is
//     refused, not guessed ("1 juta 500").
//   - Rp, IDR and rupiah may stand before or after.
//
// It refuses what is not a positive whole amount up to MaxRupiah: no
// amount, words it does not know, a negative amount, zero, sen, or more
// than Rp 10 triliun. It never panics.
func ParseRupiah(s string) (int64, error) {
	show := strings.TrimSpace(s)
	if utf8.RuneCountInString(show) > 40 {
		show = string([]rune(show)[:40]) + "…"
	}
	if strings.TrimSpace(s) == "" {
		return 0, ruleMoneyEmpty.Err()
	}
	if len(s) > 100 {
		return 0, ruleMoneyUnreadable.Err(show)
	}
	toks, negative, ok := moneyTokens(strings.ToLower(s))
	if !ok {
		return 0, ruleMoneyUnreadable.Err(show)
	}
	if negative {
		return 0, ruleMoneyNegative.Err()
	}
	total, err := moneyParts(toks)
	if err != nil {
		if errors.Is(err, errMoneyFraction) {
			return 0, ruleMoneyFraction.Err(show)
		}
		return 0, ruleMoneyUnreadable.Err(show)
	}
	switch {
	case total.Sign() == 0:
		return 0, ruleMoneyZero.Err()
	case total.Cmp(big.NewInt(MaxRupiah)) > 0:
		return 0, ruleMoneyTooLarge.Err(show)
	}
	return total.Int64(), nil
}

// moneyToken is a number as written (digits with its signs) or a unit
// (its power of ten).
type moneyToken struct {
	num    string
	unit   int  // for a unit (num == "")
	spaced bool // a number written in groups with spaces
	// afterSpace: only white space stands between it and the token
	// before.
	afterSpace bool
}

// moneyUnits are the unit words, by their power of ten.
var moneyUnits = map[string]int{
	"k": 3, "rb": 3, "ribu": 3, "rebu": 3, "ewu": 3, "rébu": 3,
	"jt": 6, "juta": 6, "yuta": 6,
	"m": 9, "miliar": 9, "milyar": 9, "mlyr": 9, "mly": 9,
	"t": 12, "triliun": 12, "trilyun": 12,
}

// moneyTokens splits a lower-case text into numbers and units. Currency
// words and the signs between numbers (spaces, ".", ",", ",-") are left
// out; a minus sign or "minus" before the first number marks the amount
// negative; anything else makes the text unreadable.
func moneyTokens(s string) (toks []moneyToken, negative, ok bool) {
	rs := []rune(s)
	space := false // only white space since the last token
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsSpace(r) && !(r >= '0' && r <= '9') && !unicode.IsLetter(r) {
			space = false
		}
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || (rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && rs[j+1] >= '0' && rs[j+1] <= '9') {
				j++
			}
			toks = append(toks, moneyToken{num: string(rs[i:j]), afterSpace: space})
			i, space = j, true
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			i, space = j, true
			switch u, isUnit := moneyUnits[w]; {
			case isUnit:
				toks = append(toks, moneyToken{unit: u})
			case w == "rp" || w == "idr" || w == "rupiah":
			case w == "minus" && !hasNumber(toks):
				negative = true
			default:
				return nil, false, false
			}
		case r == '-' || r == '−' || r == '–':
			if !hasNumber(toks) {
				negative = true
			}
			i++
		case r == '.' || r == ',' || unicode.IsSpace(r):
			i++
		default:
			return nil, false, false
		}
	}
	return toks, negative, true
}

func hasNumber(toks []moneyToken) bool {
	for _, t := range toks {
		if t.num != "" {
			return true
		}
	}
	return false
}

// What moneyParts finds wrong, before ParseRupiah words it as a rule's
// refusal: an amount with sen, or no amount.
var (
	errMoneyFraction = errors.New("not whole Rupiah")
	errMoneyInvalid  = errors.New("not an amount")
)

// moneyParts adds up the parts of an amount: one number alone, or numbers
// each with its unit, the units going down.
func moneyParts(toks []moneyToken) (*big.Int, error) {
	// Digits written in groups of three with spaces ("150 000 000") are
	// one number: a first group of one to three digits, then threes.
	var joined []moneyToken
	for _, t := range toks {
		if n := len(joined); n > 0 && t.afterSpace && len(t.num) == 3 && onlyDigits(t.num) && onlyDigits(joined[n-1].num) &&
			(joined[n-1].spaced || len(joined[n-1].num) <= 3) {
			joined[n-1].num += t.num
			joined[n-1].spaced = true
			continue
		}
		joined = append(joined, t)
	}
	type part struct {
		num     string
		unit    int
		hasUnit bool
	}
	var parts []part
	for i := 0; i < len(joined); {
		if joined[i].num == "" {
			return nil, errMoneyInvalid // a unit with no number before it
		}
		p := part{num: joined[i].num}
		i++
		if i < len(joined) && joined[i].num == "" {
			p.unit, p.hasUnit = joined[i].unit, true
			i++
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return nil, errMoneyInvalid
	}
	total := new(big.Int)
	for i, p := range parts {
		// Several parts each have a unit, smaller than the one before:
		// "1 juta 500" and "150 200" are not guessed.
		if len(parts) > 1 && (!p.hasUnit || i > 0 && p.unit >= parts[i-1].unit) {
			return nil, errMoneyInvalid
		}
		mant, frac, ok := moneyNumber(p.num, p.hasUnit)
		if !ok {
			return nil, errMoneyInvalid
		}
		// value = mant × 10^(unit − frac), which must be whole.
		ten := big.NewInt(10)
		if exp := p.unit - frac; exp >= 0 {
			mant.Mul(mant, new(big.Int).Exp(ten, big.NewInt(int64(exp)), nil))
		} else {
			var rem big.Int
			mant.QuoRem(mant, new(big.Int).Exp(ten, big.NewInt(int64(-exp)), nil), &rem)
			if rem.Sign() != 0 {
				return nil, errMoneyFraction
			}
		}
		total.Add(total, mant)
	}
	return total, nil
}

func onlyDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// moneyNumber reads one written number as mant × 10^-frac (see ParseRupiah
// for which sign groups and which is the decimal sign).
func moneyNumber(s string, unit bool) (mant *big.Int, frac int, ok bool) {
	dot, comma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	var intPart, fracPart string
	switch {
	case dot < 0 && comma < 0:
		intPart = s
	case dot >= 0 && comma >= 0:
		dec, group := byte(','), "."
		if dot > comma {
			dec, group = '.', ","
		}
		i := strings.LastIndexByte(s, dec)
		intPart, fracPart = s[:i], s[i+1:]
		// Three digits after the last sign are a group, never decimals:
		// "150.000,000" is not read as Rp 150.000.
		if strings.Contains(fracPart, group) || !grouped(intPart, group) || len(fracPart) == 3 {
			return nil, 0, false
		}
	case dot >= 0:
		switch {
		case grouped(s, "."):
			intPart = s
		case strings.Count(s, ".") == 1:
			intPart, fracPart = s[:dot], s[dot+1:]
		default:
			return nil, 0, false
		}
	default:
		switch {
		case strings.Count(s, ",") > 1 && grouped(s, ","), !unit && grouped(s, ","):
			intPart = s
		case strings.Count(s, ",") == 1:
			intPart, fracPart = s[:comma], s[comma+1:]
		default:
			return nil, 0, false
		}
	}
	digits := strings.NewReplacer(".", "", ",", "").Replace(intPart) + fracPart
	if !onlyDigits(digits) {
		return nil, 0, false
	}
	mant, ok = new(big.Int).SetString(digits, 10)
	return mant, len(fracPart), ok
}

// grouped tells whether s is digits in groups of three after a first group
// of one to three, joined by sep, with at least one sep.
func grouped(s, sep string) bool {
	parts := strings.Split(s, sep)
	if len(parts) < 2 || len(parts[0]) < 1 || len(parts[0]) > 3 || !onlyDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !onlyDigits(p) {
			return false
		}
	}
	return true
}

// Rules ParseRupiah refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMoneyEmpty      = NewRule("money_empty", EINVALID, "no amount of Rupiah written")
	ruleMoneyUnreadable = NewRule("money_unreadable", EINVALID, "%q is no amount of Rupiah")
	ruleMoneyNegative   = NewRule("money_negative", EINVALID, "an amount of Rupiah is not negative")
	ruleMoneyZero       = NewRule("money_zero", EINVALID, "the amount must be more than Rp 0")
	ruleMoneyFraction   = NewRule("money_fraction", EINVALID, "%q is not whole Rupiah")
	ruleMoneyTooLarge   = NewRule("money_too_large", EINVALID, "%q is more than Rp 10 triliun")
)
