package progres

import (
	"fmt"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Legacy reads a progress report session written before this package
// (flow.Legacy; delete with flows/flow/legacy.go). The old keys: code,
// title, last, early_percent, percent, reason, condition, photos (ids
// joined by ","), captions (joined by "\x1f"; "" when none was written),
// note, note_voice, workers, women, days, lat, lng.
func (r *report) Legacy(d map[string]string) error {
	*r = report{Code: d["code"], Title: d["title"], Reason: d["reason"], Condition: domain.Condition(d["condition"]), Note: d["note"]}
	var err error
	ints := []struct {
		key string
		p   **int
	}{{"early_percent", &r.Early}, {"percent", &r.Percent}, {"workers", &r.Workers}, {"women", &r.Women}, {"days", &r.Days}}
	for _, n := range ints {
		if *n.p, err = flow.LegacyInt(d, n.key); err != nil {
			return err
		}
	}
	if last, err := flow.LegacyInt(d, "last"); err != nil {
		return err
	} else if last != nil {
		r.Last = *last
	}
	if r.Voice, err = flow.LegacyID(d, "note_voice"); err != nil {
		return err
	}
	if r.Lat, err = flow.LegacyFloat(d, "lat"); err != nil {
		return err
	}
	if r.Lng, err = flow.LegacyFloat(d, "lng"); err != nil {
		return err
	}
	if r.Photos, err = flow.LegacyIDList(d, "photos"); err != nil {
		return err
	}
	var caps []string
	if d["captions"] != "" {
		caps = strings.Split(d["captions"], "\x1f")
	}
	if len(caps) > len(r.Photos) {
		return fmt.Errorf("legacy captions: %d for %d photos", len(caps), len(r.Photos))
	}
	if len(r.Photos) > 0 {
		// The old code wrote no caption for a photo held before LAPOR, so
		// the captions written belong to the last photos.
		r.Captions = append(make([]string, len(r.Photos)-len(caps)), caps...)
	}
	return nil
}
