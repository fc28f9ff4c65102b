package postgres_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

func TestKanalScope(t *testing.T) {
	st := storetest.SeededStore(t)
	for _, c := range []struct {
		kode string
		code domain.ErrorCode
	}{
		{"", ""}, {"34.04.11.2002", ""}, {"34.04.11", ""}, {"34.04", ""}, {"34", ""},
		{"34.04.11.9999", domain.ENOTFOUND}, {"34.04.99", domain.ENOTFOUND}, {"34.05", domain.ENOTFOUND}, {"35", domain.ENOTFOUND},
		{"34.0", domain.ENOTFOUND}, {"34.04.", domain.EINVALID}, {"Ngemplak", domain.EINVALID}, {"34.04.11.2002.1", domain.EINVALID},
	} {
		err := st.CheckScope(ctx, c.kode)
		if (c.code == "") != (err == nil) || (err != nil && domain.ErrorCodeOf(err) != c.code) {
			t.Errorf("CheckScope(%q) = %v, want code %q", c.kode, err, c.code)
		}
		// A refusal is a rule, with a text for each surface.
		var de *domain.Error
		if err != nil && (!errors.As(err, &de) || de.Rule == nil || !strings.HasPrefix(de.Rule.Key, "kanal_scope_")) {
			t.Errorf("CheckScope(%q) refused without a rule: %v", c.kode, err)
		}
	}
	// A kabupaten in the region table counts without its kecamatan.
	if _, err := st.DB().Exec(`INSERT INTO kabupaten (kode, nama, provinsi_kode) VALUES ('34.05', 'Bantul', '34')`); err != nil {
		t.Fatal(err)
	}
	if err := st.CheckScope(ctx, "34.05"); err != nil {
		t.Errorf("kabupaten of the region table: %v", err)
	}

	sms := domain.Phone("+6281200000009")
	if err := st.SetKanal(ctx, "sms:ngemplak", "34.04.11", &sms); err != nil {
		t.Fatal(err)
	}
	if err := st.SetKanal(ctx, "sms:ngemplak", "34.04.12", nil); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Fatalf("unknown scope set: %v", err)
	}
	if err := st.SetKanal(ctx, "sms:ngemplak", "34.04", nil); err != nil { // nil keeps the number
		t.Fatal(err)
	}
	wa := "34.04.11.2002"
	if err := st.TouchKanal(ctx, []postgres.KanalRun{{Nama: "whatsapp:+6281200000001", Nomor: "+6281200000001", Cakupan: &wa},
		{Nama: "sms:ngemplak"}}); err != nil {
		t.Fatal(err)
	}
	list, err := st.Kanals(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("%+v %v", list, err)
	}
	if k := list[0]; k.Nama != "sms:ngemplak" || k.Cakupan != "34.04" || k.Nomor != sms || !k.Aktif {
		t.Errorf("touched without a scope: %+v", k)
	}
	if k := list[1]; k.Nama != "whatsapp:+6281200000001" || k.Cakupan != wa || k.Nomor != "+6281200000001" || !k.Aktif {
		t.Errorf("touched with a scope: %+v", k)
	}
	bad := "34.04.99"
	if err := st.TouchKanal(ctx, []postgres.KanalRun{{Nama: "sms:lain", Cakupan: &bad}}); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Errorf("a start with an unknown scope: %v", err)
	}
	scopes, err := st.KanalScopes(ctx)
	if err != nil || len(scopes) != 2 || scopes["sms:ngemplak"] != "34.04" || scopes[`whatsapp:+6281200000001`] != wa {
		t.Fatalf("scopes %v %v", scopes, err)
	}
}

// A start records which scope and number came from the environment; the
// touches after it change neither them nor the CLI's setting; a start
// without them clears the mark.
func TestKanalEnvAtStart(t *testing.T) {
	st := storetest.SeededStore(t)
	kec := "34.04.11"
	kanal := func() postgres.Kanal {
		t.Helper()
		list, err := st.Kanals(ctx)
		if err != nil || len(list) != 1 {
			t.Fatalf("%+v %v", list, err)
		}
		return list[0]
	}
	if err := st.StartKanal(ctx, []postgres.KanalRun{{Nama: "sms:ngemplak", Nomor: "+6281200000002", NomorEnv: true, Cakupan: &kec}}); err != nil {
		t.Fatal(err)
	}
	if k := kanal(); k.Cakupan != kec || k.Nomor != "+6281200000002" || !k.CakupanEnv || !k.NomorEnv {
		t.Fatalf("started: %+v", k)
	}
	cli := domain.Phone("+6281200000009")
	if err := st.SetKanal(ctx, "sms:ngemplak", "34.04", &cli); err != nil {
		t.Fatal(err)
	}
	if err := st.TouchKanal(ctx, []postgres.KanalRun{{Nama: "sms:ngemplak"}}); err != nil {
		t.Fatal(err)
	}
	if k := kanal(); k.Cakupan != "34.04" || k.Nomor != cli || !k.CakupanEnv || !k.NomorEnv {
		t.Fatalf("touched after the CLI: %+v", k)
	}
	if err := st.StartKanal(ctx, []postgres.KanalRun{{Nama: "sms:ngemplak"}}); err != nil {
		t.Fatal(err)
	}
	if k := kanal(); k.Cakupan != "34.04" || k.Nomor != cli || k.CakupanEnv || k.NomorEnv {
		t.Fatalf("started without the environment's: %+v", k)
	}
}

// kanalFixture: channels of every scope over Ngemplak, active, and one
// that no process has run for ten minutes.
func kanalFixture(t *testing.T, st *postgres.Store) {
	t.Helper()
	scope := func(s string) *string { return &s }
	if err := st.TouchKanal(ctx, []postgres.KanalRun{
		{Nama: "whatsapp:+6281200000001", Nomor: "+6281200000001", Cakupan: scope("34.04")},
		{Nama: "sms:kecamatan", Nomor: "+6281200000002", Cakupan: scope("34.04.11")},
		{Nama: "sms:bimo", Nomor: "+6281200000003", Cakupan: scope("34.04.11.2002")},
		{Nama: "whatsapp:+6281200000004", Nomor: "+6281200000004", Cakupan: scope("34.04.11.2002")},
		{Nama: "whatsapp:+6281200000005", Nomor: "+6281200000005", Cakupan: scope("34.04.11.2001")},
		{Nama: "whatsapp:+6281200000006", Nomor: "+6281200000006"},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE kanal SET seen_at = now() - interval '10 minutes' WHERE nama = 'whatsapp:+6281200000005'`); err != nil {
		t.Fatal(err)
	}
}

// A contact who wrote keeps their channel while it runs; one who never
// wrote, or whose channel runs no more, gets the narrowest active channel
// covering their desa, WhatsApp before SMS; a pinned channel stays.
func TestBroadcastChannelRule(t *testing.T) {
	st := storetest.SeededStore(t)
	people := []struct{ phone, desa, channel string }{
		{"+6281300000001", "34.04.11.2002", "whatsapp:+6281200000006"}, // wrote on an active number: keeps it
		{"+6281300000002", "34.04.11.2002", ""},                        // imported, never wrote
		{"+6281300000003", "34.04.11.2002", "whatsapp:+6281200000005"}, // its number runs no more
		{"+6281300000004", "34.04.11.2002", "sms:dulu"},                // pinned by a facilitator
		{"+6281300000005", "34.04.11.2001", ""},                        // its desa's number is not running
		{"+6281300000006", "34.04.11.2003", "sim"},                     // seeded on the simulator
	}
	for _, p := range people {
		if _, err := st.DB().Exec(`INSERT INTO contacts (phone, name, desa_kode, gender, channel, channel_pinned, consent_at, registered_at)
			VALUES ($1, 'Warga', $2, 'L', $3, $3 = 'sms:dulu', now(), now())`, p.phone, p.desa, p.channel); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Now().Add(48 * time.Hour)
	meet := func(code, desa string) {
		createMeeting(t, st, domain.Meeting{Code: code, Type: domain.MeetingMusdesPerencanaan, DesaKode: desa, Audience: domain.AudienceDesa, StartsAt: at, Place: "Balai"})
	}
	channels := func(code string) map[string]string { return invitedOn(t, st, code) }
	// No channel recorded (as before this rule): the stored channel, and
	// nothing for who has none.
	meet("R-KANAL1", "34.04.11.2002")
	if got := channels("R-KANAL1"); got["+6281300000003"] != "whatsapp:+6281200000005" || got["+6281300000002"] != "" {
		t.Fatalf("without channels recorded: %v", got)
	}
	kanalFixture(t, st)
	meet("R-KANAL2", "34.04.11.2002")
	meet("R-KANAL3", "34.04.11.2001")
	meet("R-KANAL4", "34.04.11.2003")
	got := channels("R-KANAL2")
	for k, v := range channels("R-KANAL3") {
		got[k] = v
	}
	for k, v := range channels("R-KANAL4") {
		got[k] = v
	}
	for phone, want := range map[string]string{
		"+6281300000001": "whatsapp:+6281200000006",
		"+6281300000002": "whatsapp:+6281200000004", // the desa's WhatsApp before its SMS
		"+6281300000003": "whatsapp:+6281200000004",
		"+6281300000004": "sms:dulu",
		"+6281300000005": "sms:kecamatan", // the kecamatan's SMS before the kabupaten's WhatsApp
		"+6281300000006": "sms:kecamatan",
		"+6281100000001": "", // the demo's KPMD organised the meetings: not invited to them (fanOut)
	} {
		if got[phone] != want {
			t.Errorf("%s invited on %q, want %q", phone, got[phone], want)
		}
	}
}

// invitedOn is the channel each invitation of meeting code was queued on,
// by phone.
func invitedOn(t *testing.T, st *postgres.Store, code string) map[string]string {
	t.Helper()
	rows, err := st.DB().Query(`SELECT to_phone, channel FROM outbound_messages WHERE text LIKE '%' || $1`, code)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var to, ch string
		if err := rows.Scan(&to, &ch); err != nil {
			t.Fatal(err)
		}
		out[to] = ch
	}
	return out
}

// The simulator (SIM_ENABLED) runs unscoped, yet pushes only those who
// wrote on it: a contact on another channel, or on none, never gets it.
func TestPushNeverToTheSimulator(t *testing.T) {
	st := storetest.SeededStore(t)
	desa := "34.04.11.2002"
	if err := st.TouchKanal(ctx, []postgres.KanalRun{{Nama: "sim"}, {Nama: "sms:bimo", Cakupan: &desa}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO contacts (phone, name, desa_kode, gender, channel, consent_at, registered_at) VALUES
		('+6281300000021', 'Warga', '34.04.11.2001', 'L', 'sms:mati', now(), now()),
		('+6281300000022', 'Warga', '34.04.11.2001', 'L', '', now(), now()),
		('+6281300000023', 'Warga', '34.04.11.2001', 'L', 'sim', now(), now()),
		('+6281300000024', 'Warga', '34.04.11.2002', 'L', '', now(), now())`); err != nil {
		t.Fatal(err)
	}
	createMeeting(t, st, domain.Meeting{Code: "R-SIM1", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2001",
		Audience: domain.AudienceDesa, StartsAt: time.Now().Add(48 * time.Hour), Place: "Balai"})
	createMeeting(t, st, domain.Meeting{Code: "R-SIM2", Type: domain.MeetingMusdesPerencanaan, DesaKode: desa,
		Audience: domain.AudienceDesa, StartsAt: time.Now().Add(48 * time.Hour), Place: "Balai"})
	got := invitedOn(t, st, "R-SIM1")
	for k, v := range invitedOn(t, st, "R-SIM2") {
		got[k] = v
	}
	for phone, want := range map[string]string{
		"+6281300000021": "sms:mati", // no real channel covers 34.04.11.2001: the stored one
		"+6281300000022": "",
		"+6281300000023": "sim", // wrote on the simulator, which runs
		"+6281300000024": "sms:bimo",
	} {
		if got[phone] != want {
			t.Errorf("%s invited on %q, want %q", phone, got[phone], want)
		}
	}
}

// The board shows the desa's own numbers when it has any, otherwise the
// narrowest active channels' covering it; a channel not running is not shown.
func TestBoardNumberOfScope(t *testing.T) {
	st := storetest.SeededStore(t)
	before, err := st.PublicDesaOf(ctx, "34.04.11.2001")
	if err != nil || before.Contact.WA != "" || before.Contact.SMS != "" {
		t.Fatalf("before: %+v %v", before, err)
	}
	kanalFixture(t, st)
	for kode, want := range map[string]postgres.DesaContact{
		"34.04.11.2001": {WA: "+6281200000001", SMS: "+6281200000002"}, // its own WhatsApp runs no more: the kabupaten's
		"34.04.11.2002": {WA: postgres.DemoBoardWA, SMS: postgres.DemoBoardSMS},
		"34.04.11.2003": {WA: "+6281200000001", SMS: "+6281200000002"},
	} {
		d, err := st.PublicDesaOf(ctx, kode)
		if err != nil || d.Contact != want {
			t.Errorf("%s shows %+v (%v), want %+v", kode, d.Contact, err, want)
		}
	}
	if err := st.SetDesaContact(ctx, "34.04.11.2002", postgres.DesaContact{}); err != nil {
		t.Fatal(err)
	}
	d, err := st.PublicDesaOf(ctx, "34.04.11.2002")
	if want := (postgres.DesaContact{WA: "+6281200000004", SMS: "+6281200000003"}); err != nil || d.Contact != want {
		t.Errorf("without its own numbers: %+v (%v), want %+v", d.Contact, err, want)
	}
}

// What WhatsApp could not deliver goes to the narrowest active SMS gateway
// scoped over the contact's desa, else to the fallback gateway.
func TestFallbackToScopedSMS(t *testing.T) {
	st := storetest.SeededStore(t)
	kanalFixture(t, st)
	for _, q := range []string{
		`INSERT INTO contacts (phone, name, desa_kode, gender, channel, consent_at, registered_at) VALUES
			('+6281300000011', 'Warga', '34.04.11.2002', 'L', 'whatsapp:+6281200000006', now(), now()),
			('+6281300000012', 'Warga', '34.04.11.2001', 'L', 'whatsapp:+6281200000006', now(), now())`,
		`INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority, status)
			SELECT 'whatsapp:+6281200000006', phone, id, 'x', 'push', 5, 'failed' FROM contacts WHERE phone IN ('+6281300000011', '+6281300000012')`,
		`INSERT INTO outbound_messages (channel, to_phone, text, kind, priority, status)
			VALUES ('whatsapp:+6281200000006', '+6281300000013', 'x', 'push', 5, 'failed')`,
	} {
		if _, err := st.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	n, err := st.RerouteToSMS(ctx, "sms:cadangan", time.Hour, 48*time.Hour)
	if err != nil || n != 3 {
		t.Fatalf("moved %d, %v", n, err)
	}
	for phone, want := range map[string]string{"+6281300000011": "sms:bimo", "+6281300000012": "sms:kecamatan", "+6281300000013": "sms:cadangan"} {
		var got string
		if err := st.DB().Get(&got, `SELECT channel FROM outbound_messages WHERE to_phone = $1 AND rerouted_from = 'whatsapp:+6281200000006'`, phone); err != nil || got != want {
			t.Errorf("%s rerouted to %q (%v), want %s", phone, got, err, want)
		}
	}
}
