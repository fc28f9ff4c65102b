package peta

import (
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Legacy reads a social map session written before this package
// (flow.Legacy; delete with flows/flow/legacy.go). The old keys: dusun,
// dusun_nama, kind, title, desc, photo, item, item_title, level.
func (s *state) Legacy(d map[string]string) error {
	*s = state{DusunName: d["dusun_nama"], Kind: domain.MapKind(d["kind"]), Title: d["title"], Desc: d["desc"],
		ItemTitle: d["item_title"], Level: domain.PovertyLevel(d["level"])}
	var photo int64
	if err := flow.LegacyIDs(d, map[string]*int64{"dusun": &s.Dusun, "item": &s.Item, "photo": &photo}); err != nil {
		return err
	}
	if photo != 0 {
		s.Photo = &photo
	}
	return nil
}
