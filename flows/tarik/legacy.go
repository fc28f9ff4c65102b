package tarik

import "strings"

// Legacy reads a withdrawal session written before this package
// (flow.Legacy; delete with flows/flow/legacy.go). The old keys: codes
// (the gagasan listed, joined by ","), code and title (the one to confirm).
func (s *state) Legacy(d map[string]string) error {
	*s = state{Code: d["code"], Title: d["title"]}
	if c := d["codes"]; c != "" {
		s.Codes = strings.Split(c, ",")
	}
	return nil
}
