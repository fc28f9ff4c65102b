package flows

import "github.com/suaradesa/suaradesa/domain"

// mapChoices are the items a gagasan of the contact's dusun may answer.
func (t *turn) mapChoices() ([]domain.MapItem, string, error) {
	home := t.homeDusun()
	if home == 0 {
		return nil, "", nil
	}
	m, err := t.View.DusunMap(t.Ctx, home)
	if err != nil {
		return nil, "", err
	}
	var out []domain.MapItem
	for _, it := range m.Items {
		if it.Kind.Answerable() {
			out = append(out, it)
		}
	}
	return out, m.Dusun.Nama, nil
}
