package flows_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

// UBAH DATA as residents write it: a keep sentence at any step keeps the
// value, and a changed name is shown old → new before it is saved.
func TestUbahDataKeepWords(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Lang = "su"
	c.run([]msg{
		{text: "UBAH DATA", want: []string{"LEWATI"}},
		{text: "tetep weh", want: []string{"Desa ayeuna: Bimomartani", "LEWATI"}, notWant: []string{"Tetep Weh"}},
		{text: "sarua", want: []string{"istri atanapi pameget"}},
		{text: "lewati", want: []string{"Data parantos diénggalkeun"}, commands: []string{"Register"}},
	})
	if c.contact.Name != "Siti" || c.contact.DesaKode != "34.04.11.2002" || c.contact.DusunID != 11 || c.contact.Gender != domain.GenderMale {
		t.Fatalf("keep words changed the data: %+v", c.contact)
	}
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "namina mah sami keneh", want: []string{"Desa ayeuna"}},
		{text: "tetep", want: []string{"istri atanapi pameget"}},
		{text: "sarua", want: []string{"Data parantos diénggalkeun"}, notWant: []string{"Namina"}},
	})
	if c.contact.Name != "Siti" || c.contact.Gender != domain.GenderMale {
		t.Fatalf("after keep: %+v", c.contact)
	}
	// A new name is shown old → new and saved on YA.
	c.run([]msg{
		{text: "UBAH DATA"},
		{text: "Siti Aminah"},
		{text: "sami"},
		{text: "2", want: []string{"Siti → Siti Aminah", "YA"}, commands: []string{}},
		{text: "teu", want: []string{"Saha nami"}, commands: []string{}},
		{text: "Siti Aminah Sari", want: []string{"Siti → Siti Aminah Sari"}, commands: []string{}},
		{text: "ya", want: []string{"Siti Aminah Sari. Data parantos"}, commands: []string{"Register"}},
	})
	if c.contact.Name != "Siti Aminah Sari" {
		t.Fatalf("name %q", c.contact.Name)
	}
}
