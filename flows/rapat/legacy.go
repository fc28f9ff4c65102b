package rapat

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Legacy reads the answers of an undang, rapat or hasil session written
// before this package (flow.Legacy; delete with flows/flow/legacy.go). The
// old keys: code, desa, type, audience, dusun, when and when_confirm
// (RFC 3339), place, agenda, agenda_ids (ids joined by ","), waiting
// ("id:title" lines), edit ("1"), when_date, when_hour, when_suggest,
// when_pm and when_roll ("1"), and for an outcome attended, women, i and
// dec ("code=stage" or "code=stage=reason" lines).
func (s *State) Legacy(d map[string]string) error {
	*s = State{Code: d["code"], Desa: d["desa"], Type: domain.MeetingType(d["type"]), Audience: domain.Audience(d["audience"]),
		Place: d["place"], Agenda: d["agenda"], Edit: d["edit"] != "",
		Asking: WhenAnswers{Date: d["when_date"], Hour: d["when_hour"], Suggest: d["when_suggest"], PM: d["when_pm"] != "", Roll: d["when_roll"] != ""}}
	var err error
	if s.DusunID, err = flow.LegacyID(d, "dusun"); err != nil {
		return err
	}
	if s.When, err = legacyTime(d, "when"); err != nil {
		return err
	}
	if s.Asking.Confirm, err = legacyTime(d, "when_confirm"); err != nil {
		return err
	}
	for key, p := range map[string]*int{"attended": &s.Attended, "women": &s.Women, "i": &s.Next} {
		n, err := flow.LegacyInt(d, key)
		if err != nil {
			return err
		}
		if n != nil {
			*p = *n
		}
	}
	if s.AgendaIDs, err = flow.LegacyIDList(d, "agenda_ids"); err != nil {
		return err
	}
	for _, line := range strings.Split(d["waiting"], "\n") {
		if line == "" {
			continue
		}
		id, title, _ := strings.Cut(line, ":")
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return fmt.Errorf("legacy waiting: %w", err)
		}
		s.Waiting = append(s.Waiting, Waiting{ID: n, Title: title})
	}
	for _, line := range strings.Split(strings.TrimSpace(d["dec"]), "\n") {
		parts := strings.SplitN(line, "=", 3)
		if len(parts) < 2 {
			continue // as the old code skipped it
		}
		dec := flow.Decision{GagasanCode: parts[0], To: domain.Status(parts[1])}
		if len(parts) == 3 {
			dec.Note = parts[2]
		}
		s.Decisions = append(s.Decisions, dec)
	}
	return nil
}

// legacyTime reads an older session's time, written as RFC 3339.
func legacyTime(d map[string]string, key string) (time.Time, error) {
	v := d[key]
	if v == "" {
		return time.Time{}, nil
	}
	at, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("legacy %s: %w", key, err)
	}
	return at, nil
}
