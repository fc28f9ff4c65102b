package gammu

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Concat is the concatenation information element of a User Data Header
// (3GPP TS 23.040 §9.2.3.24.1 and .8): the parts of one long message share
// Ref and Total; Seq counts from 1.
type Concat struct {
	Ref   int
	Total int
	Seq   int
}

// ParseUDH reads the concatenation element from a UDH as Gammu stores it
// (hex, length byte first). ok is false when the header has none (a single
// message, or other elements only); err reports a malformed header.
func ParseUDH(udh string) (c Concat, ok bool, err error) {
	udh = strings.TrimSpace(udh)
	if udh == "" {
		return Concat{}, false, nil
	}
	b, err := hex.DecodeString(udh)
	if err != nil {
		return Concat{}, false, fmt.Errorf("udh %q: %w", udh, err)
	}
	if len(b) < 1 || int(b[0]) != len(b)-1 {
		return Concat{}, false, fmt.Errorf("udh %q: length byte does not match", udh)
	}
	ies := b[1:]
	for len(ies) > 0 {
		if len(ies) < 2 || len(ies) < 2+int(ies[1]) {
			return Concat{}, false, errors.New("udh: information element runs past the header")
		}
		id, data := ies[0], ies[2:2+int(ies[1])]
		ies = ies[2+int(ies[1]):]
		switch {
		case id == 0x00 && len(data) == 3:
			c = Concat{Ref: int(data[0]), Total: int(data[1]), Seq: int(data[2])}
		case id == 0x08 && len(data) == 4:
			c = Concat{Ref: int(data[0])<<8 | int(data[1]), Total: int(data[2]), Seq: int(data[3])}
		default:
			continue
		}
		if c.Total < 1 || c.Seq < 1 || c.Seq > c.Total {
			return Concat{}, false, fmt.Errorf("udh: part %d of %d", c.Seq, c.Total)
		}
		return c, true, nil
	}
	return Concat{}, false, nil
}

// UDH encodes the 8-bit-reference concatenation header of part seq of total.
func UDH(ref, total, seq int) string {
	return fmt.Sprintf("050003%02X%02X%02X", byte(ref), byte(total), byte(seq))
}
