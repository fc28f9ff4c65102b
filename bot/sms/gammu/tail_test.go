package gammu_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/bot/sms"
	"github.com/suaradesa/suaradesa/bot/sms/gammu"
)

// smsdRow is an inbox row as gammu-smsd 1.42 inserts it (SAVE_INBOX_SMS_INSERT):
// "Text" the part's own text as hex UCS-2 (%E), "TextDecoded" (%T) the
// decoded text of every part in part 1 when it had them all at once and
// an empty text in the others, "ReceivingDateTime" the SMSC's time stamp, which is
// old when the modem was off. Schema 18 adds the grouping columns.
type smsdRow struct {
	udh, own, decoded string
	seq, total        int
	ageMinutes        int
}

func hexUCS2(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

func smsdInsert(t *testing.T, smsd *sqlx.DB, v18 bool, from string, messageID int, r smsdRow) {
	t.Helper()
	cols := `"ReceivingDateTime", "Text", "SenderNumber", "Coding", "SMSCNumber", "UDH", "Class", "TextDecoded", "RecipientID", "Status"`
	vals := `LOCALTIMESTAMP(0) - make_interval(mins => $1), $2, $3, 'Default_No_Compression', '+62816124', $4, -1, $5, 'modem1', -1`
	args := []any{r.ageMinutes, hexUCS2(r.own), from, r.udh, r.decoded}
	if v18 {
		cols += `, "MessageID", "SequencePosition", "PartCount"`
		vals += `, $6, $7, $8`
		args = append(args, messageID, r.seq, r.total)
	}
	smsd.MustExec(`INSERT INTO inbox (`+cols+`) VALUES (`+vals+`)`, args...)
}

// A long SMS whose first part holds the whole text: its empty later parts,
// stored after the first was handled (the modem was off for two hours, so
// each part is already past PartsWait), belong to it and never make a
// message of their own ("Pesan kosong").
func TestGammuEmptyLaterParts(t *testing.T) {
	for _, v18 := range []bool{false, true} {
		t.Run(fmt.Sprintf("v18=%v", v18), func(t *testing.T) {
			f := newFixture(t, func(smsd *sqlx.DB) {
				if v18 { // the columns upstream's schema 18 adds to inbox
					smsd.MustExec(`ALTER TABLE inbox ADD COLUMN "InsertIntoDB" timestamp(0) NOT NULL DEFAULT LOCALTIMESTAMP(0),
						ADD COLUMN "MessageID" integer NOT NULL DEFAULT 0, ADD COLUMN "SequencePosition" integer NOT NULL DEFAULT 1,
						ADD COLUMN "PartCount" integer NOT NULL DEFAULT 1; UPDATE gammu SET "Version" = 18`)
				}
			})
			ctx := context.Background()
			const kpmd = "+6281100000001" // registered: the text is logged
			idea := "GAGASAN Saluran irigasi di Dusun Kejambon sudah rusak sejak banjir tahun lalu, sawah tiga puluh keluarga kekurangan air setiap kemarau. " +
				"Mohon diperbaiki dengan pasangan batu sepanjang kira-kira tiga ratus meter, dan pintu airnya diganti karena sudah berkarat dan bocor di musim hujan. Kelompok tani siap gotong royong mengangkut batu dan pasir dari sungai."
			parts, _ := sms.Split(idea)
			if len(parts) != 3 {
				t.Fatalf("the test idea should take 3 SMS, takes %d", len(parts))
			}
			row := func(seq int, decoded string) smsdRow {
				return smsdRow{udh: gammu.UDH(0x51, 3, seq), own: parts[seq-1], decoded: decoded, seq: seq, total: 3, ageMinutes: 120}
			}
			// Part 1 is in; gammu-smsd writes parts 2 and 3 a moment later.
			smsdInsert(t, f.smsd, v18, kpmd, 0, row(1, idea))
			if n, err := f.a.PollInbox(ctx); err != nil || n != 1 {
				t.Fatalf("first poll = %d, %v; want the whole message from part 1", n, err)
			}
			smsdInsert(t, f.smsd, v18, kpmd, 1, row(2, ""))
			smsdInsert(t, f.smsd, v18, kpmd, 1, row(3, ""))
			if n, err := f.a.PollInbox(ctx); err != nil || n != 0 {
				t.Fatalf("poll of the empty later parts = %d, %v; want none handled", n, err)
			}
			// The same when part 1 is fresh: it holds more than one SMS can,
			// so it is whole without waiting for the others.
			fresh := row(1, idea)
			fresh.udh, fresh.ageMinutes = gammu.UDH(0x52, 3, 1), 0
			smsdInsert(t, f.smsd, v18, kpmd, 0, fresh)
			if n, err := f.a.PollInbox(ctx); err != nil || n != 1 {
				t.Fatalf("fresh whole part 1 = %d, %v", n, err)
			}
			late := row(3, "")
			late.udh, late.ageMinutes = gammu.UDH(0x52, 3, 3), 0
			smsdInsert(t, f.smsd, v18, kpmd, 3, late)
			if n, err := f.a.PollInbox(ctx); err != nil || n != 0 {
				t.Fatalf("a late empty part = %d, %v", n, err)
			}
			var unprocessed int
			_ = f.smsd.Get(&unprocessed, `SELECT count(*) FROM inbox WHERE NOT "Processed"`)
			if unprocessed != 0 {
				t.Fatalf("%d inbox rows left unprocessed", unprocessed)
			}
			var logged []string
			if err := f.st.DB().Select(&logged, `SELECT coalesce(text, '') FROM inbound_messages WHERE channel = 'sms:modem' ORDER BY id`); err != nil {
				t.Fatal(err)
			}
			if len(logged) != 2 || logged[0] != idea || logged[1] != idea {
				t.Fatalf("the pipeline got %q; want the idea twice, nothing else", logged)
			}
			f.sendAll(t)
			for _, m := range f.outbox(t, kpmd) {
				for _, p := range m.Parts {
					if strings.Contains(p.Text, "Pesan kosong") {
						t.Fatalf("an empty part was answered: %q", p.Text)
					}
				}
			}
		})
	}
}
