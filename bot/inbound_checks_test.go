package bot_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// seededPipeline is the pipeline on the demo data, without a dispatcher.
func seededPipeline(t *testing.T) (*bot.Pipeline, *postgres.Store) {
	h := bottest.New(t, bottest.Options{})
	return h.Pipe, h.Store
}

// A pin off the Earth (lat 1e308, NaN, -91), as a forged or buggy webhook
// of any channel may carry, or (0, 0) as a phone without a GPS fix sends, never reaches the gagasan: the pipeline drops
// it, answers a pin sent alone with a clear notice and leaves the
// conversation where it was; a pin beside a text lets the text through.
func TestInvalidPinsAreDropped(t *testing.T) {
	ctx := context.Background()
	pipe, st := seededPipeline(t)
	const who = domain.Phone("+6281234500321")
	const channel = "whatsappcloud:+6281100009999"
	n := 0
	var lastID int64
	send := func(text string, loc *domain.Location) []string {
		t.Helper()
		n++
		if _, err := pipe.Handle(ctx, bot.Inbound{Channel: channel, ExtID: "m" + strconv.Itoa(n), From: who, Text: text, Location: loc}); err != nil {
			t.Fatalf("%q %v: %v", text, loc, err)
		}
		var replies []struct {
			ID   int64  `db:"id"`
			Text string `db:"text"`
		}
		if err := st.DB().Select(&replies, `SELECT id, text FROM outbound_messages WHERE to_phone = $1 AND id > $2 ORDER BY id`, string(who), lastID); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range replies {
			out = append(out, r.Text)
			lastID = r.ID
		}
		return out
	}
	for _, s := range []string{"halo", "ya", "1", "Tukiyem", "1", "1", "1",
		"GAGASAN", "2", "Kandang kambing bersama", "Kandang bersama agar kambing kelompok ternak tidak berkeliaran", "1"} {
		send(s, nil)
	}
	notice := flow.Render(flow.LangID, flow.MsgBadLocation, nil)
	for _, bad := range []domain.Location{{Lat: 1e308, Lng: 110.4}, {Lat: math.NaN(), Lng: 110.4}, {Lat: -91, Lng: 110.4},
		{Lat: -7.7, Lng: math.Inf(1)}, {Lat: -7.7, Lng: 181}, {Lat: 0, Lng: 0}, {Lat: math.Copysign(0, -1), Lng: 0}} {
		got := send("", &bad)
		if len(got) != 1 || got[0] != notice {
			t.Fatalf("pin %v answered %q; want the notice %q", bad, got, notice)
		}
	}
	// The location question is still open: a good pin answers it.
	if got := send("", &domain.Location{Lat: -7.7, Lng: 110.4}); len(got) == 0 || strings.Contains(got[0], notice) {
		t.Fatalf("good pin answered %q", got)
	}
	// A bad pin with a text: the text is the answer (households skipped).
	if got := send("LEWATI", &domain.Location{Lat: math.NaN(), Lng: math.NaN()}); len(got) == 0 || got[0] == notice {
		t.Fatalf("text beside a bad pin answered %q", got)
	}
	send("LEWATI", nil) // photo
	if got := send("YA", nil); len(got) == 0 || !strings.Contains(got[0], "G-") {
		t.Fatalf("gagasan not filed: %q", got)
	}
	var lat, lng sql.NullFloat64
	if err := st.DB().QueryRow(`SELECT g.lat, g.lng FROM gagasan g JOIN contacts c ON c.id = g.sender_id WHERE c.phone = $1`, string(who)).Scan(&lat, &lng); err != nil {
		t.Fatal(err)
	}
	if lat.Float64 != -7.7 || lng.Float64 != 110.4 {
		t.Fatalf("gagasan at %v, %v; want the good pin -7.7, 110.4", lat, lng)
	}
	// Every message, the refused pins too, is logged once.
	var logged int
	_ = st.DB().Get(&logged, `SELECT count(*) FROM inbound_messages WHERE phone = $1`, string(who))
	if logged != n {
		t.Fatalf("%d messages logged, want %d", logged, n)
	}
}

// A message id longer than an index entry can hold (a peer's bug) would
// fail its insert at every redelivery: it is stored as its hash, and
// still dedupes.
func TestLongMessageIDStored(t *testing.T) {
	ctx := context.Background()
	pipe, _ := seededPipeline(t)
	b := make([]byte, 8000)
	_, _ = rand.Read(b)
	in := bot.Inbound{Channel: "sms:bimo", ExtID: hex.EncodeToString(b), From: "+6281234500322", Text: "halo"}
	if acc, err := pipe.Handle(ctx, in); err != nil || acc.Duplicate {
		t.Fatalf("a 16,000-character id: %+v %v", acc, err)
	}
	if acc, err := pipe.Handle(ctx, in); err != nil || !acc.Duplicate {
		t.Fatalf("the same id again: %+v %v", acc, err)
	}
}
