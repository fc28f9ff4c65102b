package gammu_test

import (
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/bot/sms/gammu"
	"github.com/suaradesa/suaradesa/flows/smstext"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// debianSchema reads the tables gammu-smsd's Debian package ships
// (scripts/test.sh installs it and sets GAMMU_SCHEMA).
func debianSchema(t *testing.T) string {
	path := os.Getenv("GAMMU_SCHEMA")
	if path == "" {
		path = "/usr/share/doc/gammu-smsd/examples/pgsql.sql"
	}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		if _, gz := os.Stat(path + ".gz"); gz == nil {
			f, err = os.Open(path + ".gz")
		}
	}
	if err != nil {
		if os.Getenv("GAMMU_SCHEMA") != "" {
			t.Fatalf("GAMMU_SCHEMA: %v", err)
		}
		t.Skipf("Gammu's schema is not installed (apt-get install gammu-smsd): %v", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(f.Name(), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	// The script predates plpgsql being built in; the rest runs as shipped.
	return strings.Replace(string(b), "CREATE LANGUAGE plpgsql;", "", 1)
}

// gammuDB creates Gammu's tables in a schema of their own and returns a
// URL that reaches them, and a handle that plays gammu-smsd's part.
func gammuDB(t *testing.T) (string, *sqlx.DB) {
	url := storetest.URL(t)
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE SCHEMA gammu; SET search_path = gammu; ` + debianSchema(t)); err != nil {
		t.Fatalf("loading Debian's schema: %v", err)
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	url += sep + "search_path=gammu"
	smsd, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { smsd.Close() })
	return url, smsd
}

type fixture struct {
	a    *gammu.Adapter
	st   *postgres.Store
	smsd *sqlx.DB
	disp *bot.Dispatcher
}

func newFixture(t *testing.T, prepare func(smsd *sqlx.DB)) *fixture {
	url, smsd := gammuDB(t)
	if prepare != nil {
		prepare(smsd)
	}
	h := bottest.New(t, bottest.Options{})
	a, err := gammu.Open(context.Background(), gammu.Config{Name: "modem", URL: url, PartsWait: time.Hour}, h.Pipe, h.Store, h.Log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	h.Disp.Add(a)
	return &fixture{a: a, st: h.Store, smsd: smsd, disp: h.Disp}
}

// receive stores a part in the inbox as gammu-smsd does.
func (f *fixture) receive(t *testing.T, from, udh, text string) {
	t.Helper()
	_, err := f.smsd.Exec(`INSERT INTO inbox ("SenderNumber", "UDH", "TextDecoded", "Text", "RecipientID", "Coding")
		VALUES ($1, $2, $3, '', 'modem1', 'Default_No_Compression')`, from, udh, text)
	if err != nil {
		t.Fatal(err)
	}
}

// outbox is what we handed to gammu-smsd for a number: each message's
// parts in order.
type outMsg struct {
	ID    int64
	Parts []gammu.Part
	Multi bool
}

func (f *fixture) outbox(t *testing.T, to string) []outMsg {
	t.Helper()
	var heads []struct {
		ID     int64  `db:"ID"`
		Text   string `db:"TextDecoded"`
		Coding string `db:"Coding"`
		UDH    string `db:"UDH"`
		Multi  bool   `db:"MultiPart"`
	}
	if err := f.smsd.Select(&heads, `SELECT "ID", "TextDecoded", "Coding", coalesce("UDH", '') AS "UDH", "MultiPart"
		FROM outbox WHERE "DestinationNumber" = $1 ORDER BY "ID"`, to); err != nil {
		t.Fatal(err)
	}
	var out []outMsg
	for _, h := range heads {
		m := outMsg{ID: h.ID, Multi: h.Multi, Parts: []gammu.Part{{Text: h.Text, Coding: h.Coding, UDH: h.UDH}}}
		var rest []gammu.Part
		if err := f.smsd.Select(&rest, `SELECT "TextDecoded" AS text, "Coding" AS coding, coalesce("UDH", '') AS udh
			FROM outbox_multipart WHERE "ID" = $1 ORDER BY "SequencePosition"`, h.ID); err != nil {
			t.Fatal(err)
		}
		m.Parts = append(m.Parts, rest...)
		out = append(out, m)
	}
	return out
}

// sendAll is the dispatcher's work until nothing is queued for the channel.
func (f *fixture) sendAll(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	for range 20 {
		claim, err := f.st.ClaimOutbound(ctx, f.a.Name(), 100, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if claim == nil {
			return
		}
		var outcomes []postgres.SendOutcome
		for _, m := range claim.Messages {
			ext, err := f.a.Send(ctx, bot.Message{ID: m.ID, To: m.To, Text: m.Text, Kind: m.Kind})
			if err != nil {
				t.Fatal(err)
			}
			outcomes = append(outcomes, postgres.SendOutcome{ID: m.ID, ExtID: ext})
		}
		if err := claim.Finish(ctx, outcomes); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGammuJourney(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	if f.a.Version() != 17 {
		t.Fatalf("Debian's schema is version %d here", f.a.Version())
	}
	const kpmd = "+6281100000001" // registered in the demo data

	// A long SMS in two parts, the second stored first, with a part of
	// another message still missing.
	idea := "GAGASAN Saluran irigasi di Dusun Kejambon sudah rusak sejak banjir tahun lalu, sawah tiga puluh keluarga kekurangan air setiap kemarau. Mohon diperbaiki dengan pasangan batu sepanjang kira-kira tiga ratus meter."
	parts, _ := smstext.Split(idea)
	if len(parts) != 2 {
		t.Fatalf("the test idea should take 2 SMS, takes %d", len(parts))
	}
	f.receive(t, kpmd, gammu.UDH(0x42, 2, 2), parts[1])
	f.receive(t, kpmd, gammu.UDH(0x42, 2, 1), parts[0])
	f.receive(t, "+6281100000009", gammu.UDH(0x43, 2, 1), "HALO ")
	n, err := f.a.PollInbox(ctx)
	if err != nil || n != 1 {
		t.Fatalf("PollInbox = %d, %v; want the one whole message", n, err)
	}
	var logged []string
	if err := f.st.DB().Select(&logged, `SELECT text FROM inbound_messages WHERE channel = 'sms:modem' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(logged) != 1 || logged[0] != idea {
		t.Fatalf("the pipeline got %q, want the rebuilt idea", logged)
	}
	var unprocessed int
	_ = f.smsd.Get(&unprocessed, `SELECT count(*) FROM inbox WHERE NOT "Processed"`)
	if unprocessed != 1 {
		t.Fatalf("%d inbox rows left unprocessed, want the lone part", unprocessed)
	}
	// Polling again handles nothing twice.
	if n, err := f.a.PollInbox(ctx); err != nil || n != 0 {
		t.Fatalf("second poll = %d, %v", n, err)
	}

	// The reply goes to the outbox; registering in one message gives a
	// long welcome, written as a multipart SMS.
	f.receive(t, "+6281234500077", "", "halo")
	if _, err := f.a.PollInbox(ctx); err != nil {
		t.Fatal(err)
	}
	f.sendAll(t)
	out := f.outbox(t, "+6281234500077")
	if len(out) != 1 || !out[0].Multi || len(out[0].Parts) < 2 {
		t.Fatalf("welcome outbox = %+v; want one multipart message", out)
	}
	var rebuilt strings.Builder
	for i, p := range out[0].Parts {
		c, ok, err := gammu.ParseUDH(p.UDH)
		if err != nil || !ok || c.Seq != i+1 || c.Total != len(out[0].Parts) || p.Coding != "Default_No_Compression" {
			t.Fatalf("part %d = %+v (%+v %v %v)", i+1, p, c, ok, err)
		}
		rebuilt.WriteString(p.Text)
	}
	if !strings.HasPrefix(rebuilt.String(), "Suara Desa") || !strings.Contains(rebuilt.String(), "YA atau TIDAK") {
		t.Fatalf("rebuilt welcome %q", rebuilt.String())
	}
	// The idea's reply went out too, as a single SMS.
	if k := f.outbox(t, kpmd); len(k) == 0 || k[0].Multi || k[0].Parts[0].UDH != "" {
		t.Fatalf("kpmd outbox = %+v", k)
	}

	// A resend after a crash (same outbound id) hands over nothing new.
	var ourID int64
	_ = f.st.DB().Get(&ourID, `SELECT id FROM outbound_messages WHERE to_phone = '+6281234500077'`)
	ext, err := f.a.Send(ctx, bot.Message{ID: ourID, To: "+6281234500077", Text: "lagi"})
	if err != nil || ext == "" || len(f.outbox(t, "+6281234500077")) != 1 {
		t.Fatalf("resend = %q, %v; outbox has %d", ext, err, len(f.outbox(t, "+6281234500077")))
	}

	// gammu-smsd sends: the rows move to sentitems, one per part; then the
	// delivery reports arrive. Every part delivered: "delivered".
	smsdSends(t, f.smsd, "+6281234500077", "DeliveryOK")
	smsdSends(t, f.smsd, kpmd, "SendingError")
	if err := f.a.PollStatus(ctx); err != nil {
		t.Fatal(err)
	}
	statusOf := func(to string) string {
		var s string
		_ = f.st.DB().Get(&s, `SELECT status FROM outbound_messages WHERE to_phone = $1 ORDER BY id LIMIT 1`, to)
		return s
	}
	if s := statusOf("+6281234500077"); s != "delivered" {
		t.Fatalf("welcome status %q, want delivered", s)
	}
	if s := statusOf(kpmd); s != "failed" {
		t.Fatalf("kpmd reply status %q, want failed", s)
	}
	// Once sent, a resend still finds it (in sentitems).
	if _, err := f.a.Send(ctx, bot.Message{ID: ourID, To: "+6281234500077", Text: "lagi"}); err != nil {
		t.Fatal(err)
	}
	var total int
	_ = f.smsd.Get(&total, `SELECT count(*) FROM outbox`)
	if total != 0 {
		t.Fatalf("the resend of a sent message queued %d rows", total)
	}
}

// smsdSends plays gammu-smsd: the outbox rows for to move to sentitems, one
// row per part, with the given status.
func smsdSends(t *testing.T, smsd *sqlx.DB, to, status string) {
	t.Helper()
	tx := smsd.MustBegin()
	tx.MustExec(`INSERT INTO sentitems ("ID", "SequencePosition", "DestinationNumber", "TextDecoded", "Text", "UDH", "Coding",
			"SenderID", "CreatorID", "Status")
		SELECT o."ID", 1, o."DestinationNumber", o."TextDecoded", '', coalesce(o."UDH", ''), o."Coding", 'modem1', o."CreatorID", $2
		FROM outbox o WHERE o."DestinationNumber" = $1
		UNION ALL
		SELECT o."ID", m."SequencePosition", o."DestinationNumber", m."TextDecoded", '', coalesce(m."UDH", ''), m."Coding", 'modem1', o."CreatorID", $2
		FROM outbox o JOIN outbox_multipart m ON m."ID" = o."ID" WHERE o."DestinationNumber" = $1`, to, status)
	tx.MustExec(`DELETE FROM outbox_multipart WHERE "ID" IN (SELECT "ID" FROM outbox WHERE "DestinationNumber" = $1)`, to)
	tx.MustExec(`DELETE FROM outbox WHERE "DestinationNumber" = $1`, to)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestGammuSchemaVersions(t *testing.T) {
	// Version 18 adds columns (outbox SendDays, inbox grouping); what we
	// read and write is unchanged.
	f := newFixture(t, func(smsd *sqlx.DB) {
		smsd.MustExec(`ALTER TABLE outbox ADD COLUMN "SendDays" varchar(20) NOT NULL DEFAULT '';
			ALTER TABLE inbox ADD COLUMN "MultipartGroup" text NOT NULL DEFAULT '';
			UPDATE gammu SET "Version" = 18`)
	})
	if f.a.Version() != 18 {
		t.Fatalf("version %d", f.a.Version())
	}
	f.receive(t, "+6281234500078", "", "halo")
	if n, err := f.a.PollInbox(context.Background()); err != nil || n != 1 {
		t.Fatalf("PollInbox on v18 = %d, %v", n, err)
	}
	f.sendAll(t)
	if len(f.outbox(t, "+6281234500078")) != 1 {
		t.Fatal("no reply in the v18 outbox")
	}

	// An older schema is refused with what to do.
	url, smsd := gammuDB(t)
	smsd.MustExec(`UPDATE gammu SET "Version" = 16`)
	_, err := gammu.Open(context.Background(), gammu.Config{Name: "old", URL: url}, nil, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(err.Error(), "need 17") {
		t.Fatalf("version 16 opened: %v", err)
	}
}

func TestGammuReady(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	if err := f.a.Ready(ctx); err == nil {
		t.Fatal("ready without gammu-smsd running")
	}
	f.smsd.MustExec(`INSERT INTO phones ("ID", "IMEI", "IMSI", "Client", "TimeOut", "Send", "Receive")
		VALUES ('modem1', '350000000000001', '510100000000001', 'Gammu 1.42.0', LOCALTIMESTAMP(0) + interval '15 seconds', true, true)`)
	if err := f.a.Ready(ctx); err != nil {
		t.Fatalf("not ready with a fresh phones row: %v", err)
	}
}
