package aduan

import "github.com/suaradesa/suaradesa/flows/flow"

// Legacy reads a complaint session written before this package
// (flow.Legacy; delete with flows/flow/legacy.go). The old keys: text,
// photo and voice (media ids).
func (s *state) Legacy(d map[string]string) error {
	*s = state{Text: d["text"]}
	return flow.LegacyIDs(d, map[string]*int64{"photo": &s.Photo, "voice": &s.Voice})
}
