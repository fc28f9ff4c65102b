package gagasan

import (
	"fmt"
	"slices"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Legacy reads the answers of a gagasan, detail or untuk session written
// before this package (flow.Legacy; delete with flows/flow/legacy.go).
// The old keys: code, cat, map, map_title, title, desc, desc_voice, dusun,
// dusun_nama, lat, lng, hh, poor, photo, edit ("1"), and for_desa,
// for_name, for_dusun, for_dusun_nama, for_gender, for_phone when a KPMD
// files for a resident.
func (s *State) Legacy(d map[string]string) error {
	var err error
	if s.Households, err = flow.LegacyInt(d, "hh"); err != nil {
		return err
	}
	if s.Poor, err = flow.LegacyInt(d, "poor"); err != nil {
		return err
	}
	if err := flow.LegacyIDs(d, map[string]*int64{"map": &s.MapID, "desc_voice": &s.VoiceID, "dusun": &s.DusunID, "photo": &s.PhotoID}); err != nil {
		return err
	}
	lat, err := flow.LegacyFloat(d, "lat")
	if err != nil {
		return err
	}
	lng, err := flow.LegacyFloat(d, "lng")
	if err != nil {
		return err
	}
	if lat != nil && lng != nil {
		s.Pin = &domain.Location{Lat: *lat, Lng: *lng}
	}
	s.Category = domain.Category(d["cat"])
	if s.Category != "" && !slices.Contains(domain.Categories, s.Category) {
		return fmt.Errorf("legacy cat: %q", s.Category)
	}
	s.Code, s.MapTitle, s.Title, s.Desc, s.DusunNama = d["code"], d["map_title"], d["title"], d["desc"], d["dusun_nama"]
	s.Edit = d["edit"] != ""
	if d["for_desa"] == "" {
		return nil
	}
	r := &Resident{Name: d["for_name"], DesaKode: d["for_desa"], DusunNama: d["for_dusun_nama"],
		Gender: domain.Gender(d["for_gender"]), Phone: domain.Phone(d["for_phone"])}
	if r.DusunID, err = flow.LegacyID(d, "for_dusun"); err != nil {
		return err
	}
	s.For = r
	return nil
}
