package daftar

import (
	"strings"

	"github.com/suaradesa/suaradesa/flows/flow"
)

// Legacy reads the answers of a registration written before this package
// (flow.Legacy; delete with flows/flow/legacy.go). The old keys: quick,
// pending, lang, desa_lang, name, desa, desa_nama, dusun ("0" for none),
// cands (desa codes joined by ","), ubah ("1").
func (s *State) Legacy(d map[string]string) error {
	id, err := flow.LegacyID(d, "dusun")
	if err != nil {
		return err
	}
	*s = State{Quick: d["quick"], Pending: d["pending"], Lang: d["lang"], DesaLang: d["desa_lang"], Name: d["name"],
		Desa: d["desa"], DesaNama: d["desa_nama"], DusunID: id, Change: d["ubah"] != ""}
	if c := d["cands"]; c != "" {
		s.Cands = strings.Split(c, ",")
	}
	return nil
}
