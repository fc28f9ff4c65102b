package postgres_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// An anonymous complaint is stored, and forwarded to the facilitator,
// with the sender's registered name and number taken out of the text in
// every way people write them (the persona's "kula Sumarni 081255550011");
// another person's name and number, and a complaint under the sender's
// name, are kept as written.
func TestAnonymousComplaintHidesSender(t *testing.T) {
	st := storetest.SeededStore(t)
	phone := domain.MustPhone("081234567021")
	register(t, st, phone, "G-999999") // registered as "Siti"
	hidden := map[string]string{
		"lampu mati, kula Siti 081234567021 sampun lapor": "lampu mati, kula … … sampun lapor",
		"SITI, wa 0812-3456-7021 / +62 812 3456 7021":     "…, wa … / …",
		"hubungi siti di 6281234567021.":                  "hubungi … di ….",
		"Bu Sitiani 081234567099 ngertos":                 "Bu Sitiani 081234567099 ngertos",
		"telp (0812) 3456-7021":                           "telp …",
		"nomer anak 0812345670219, kula siti":             "nomer anak 0812345670219, kula …",
	}
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	for in, want := range hidden {
		if got, err := turn.HideSender(ctx, in); err != nil || got != want {
			t.Errorf("HideSender(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	const raw = "lampu mati, kula Siti 0812 3456 7021 sampun lapor"
	for _, anon := range []bool{true, false} {
		code := map[bool]string{true: "A-AAAAAA", false: "A-CCCCCC"}[anon]
		if _, err := turn.CreateComplaint(ctx, domain.Complaint{Code: code, DesaKode: "34.04.11.2002", Anonymous: anon, Text: raw},
			"Aduan baru "+code+" dari warga:\n"+raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"A-AAAAAA": "lampu mati, kula … … sampun lapor", "A-CCCCCC": raw} {
		c, err := st.ComplaintByCode(ctx, code)
		if err != nil || c.Text != want {
			t.Errorf("%s stored %q, %v; want %q", code, c.Text, err, want)
		}
		var sent string
		if err := st.DB().Get(&sent, `SELECT text FROM outbound_messages WHERE kind = 'push' AND text LIKE '%' || $1 || '%'`, code); err != nil {
			t.Fatal(err)
		}
		if sent != "Aduan baru "+code+" dari warga:\n"+want {
			t.Errorf("%s sent to the facilitator as %q", code, sent)
		}
	}
}
