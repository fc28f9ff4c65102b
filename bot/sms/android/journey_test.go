package android_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
	"github.com/suaradesa/suaradesa/store/postgres"
)

var update = flag.Bool("update", false, "rewrite the golden transcript in testdata")

var (
	codeRe = regexp.MustCompile(`\b([GRKA])-[ACEFGHJKMNPRTWXY34679]{6}\b`)
	dateRe = regexp.MustCompile(`\b\d{2}/\d{2}/\d{4}\b`)
)

// TestSMSJourney runs a resident's whole journey by SMS only, typed as a
// villager types — register step by step, a gagasan, its status, a meeting
// invitation answered, the
// progress of the kegiatan it became, opting out — through the real
// pipeline and a fake phone, and keeps the transcript with the SMS count of
// every reply in testdata/sms_journey.txt (go test -update rewrites it).
func TestSMSJourney(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	const who = "+6281234567401"
	var b strings.Builder
	seen := 0
	at := 0
	cost := 0 // the SMS the resident received
	say := func(text string) {
		t.Helper()
		at++
		f.post(t, "sms:received", received(who, text, fmt.Sprint("m", at), fmt.Sprint("t", at)), f.now, "")
		fmt.Fprintf(&b, "> %s\n", text)
		cost += collect(t, f, who, &seen, &b)
	}
	event := func(what string, do func()) {
		t.Helper()
		fmt.Fprintf(&b, "# %s\n", what)
		do()
		f.disp.Wake(f.a.Name())
		cost += collect(t, f, who, &seen, &b)
	}

	// The budget: registering, one gagasan in one message, its status and
	// an invitation answered cost at most 12 SMS in all.
	say("halo")
	say("ya setuju")
	say("wati")
	say("bimomartani")
	say("kejambon")
	say("perempuan")
	say("GAGASAN Lampu jalan di pertigaan Kejambon gelap, rawan kecelakaan")
	say("status")
	registered := cost
	code := codeRe.FindString(strings.Join(f.p.texts(who), "\n"))
	event("a facilitator moves the gagasan to the next stage", func() {
		if _, _, err := f.st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: domain.StatusDibahas, Note: "Dibahas di Musdus Kejambon", By: "test",
			Notice: flows.StatusChangedText}); err != nil {
			t.Fatal(err)
		}
	})
	news := cost - registered
	event("the KPMD invites the desa to a meeting", func() {
		turn, err := f.st.BeginTurn(ctx, "+6281100000001")
		if err != nil {
			t.Fatal(err)
		}
		m := domain.Meeting{Code: "R-JJJJJJ", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002", DesaNama: "Bimomartani",
			Audience: domain.AudienceDesa, StartsAt: time.Date(2030, 1, 15, 2, 0, 0, 0, time.UTC), Place: "Balai Desa", TZ: "Asia/Jakarta"}
		if _, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{flow.LangID: flows.InviteText(flow.LangID, m)}, nil, postgres.DefaultReminders); err != nil {
			t.Fatal(err)
		}
		if err := turn.Commit(); err != nil {
			t.Fatal(err)
		}
	})
	say("hadir insyaallah")
	// The stage news is not of the budget: it is news the resident asked for.
	if core := cost - news; core > 12 {
		t.Errorf("registering, a gagasan, its status and an invitation answered cost %d SMS; the budget is 12", core)
	}
	fmt.Fprintf(&b, "# %d SMS to register, send a gagasan, ask its status and answer an invitation\n", cost-news)
	say("JADWAL")
	event("the gagasan is funded and becomes a kegiatan", func() {
		for _, s := range []domain.Status{domain.StatusUsulanDesa, domain.StatusVerifikasi, domain.StatusPrioritasMAD, domain.StatusDidanai} {
			if _, _, err := f.st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: s, By: "test"}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-JJJJJJ", GagasanCode: code, Budget: 25000000,
			TPK:    []domain.Phone{"+6281100000002"},
			Notice: flows.StatusChangedText}); err != nil {
			t.Fatal(err)
		}
	})
	say("PROGRES")
	say("1")
	say("IKUTI K-JJJJJJ")
	say("GAGASAN")
	say("LEWATI")
	say("BATAL")
	say("BERHENTI")

	got := b.String()
	golden := "testdata/sms_journey.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Fatalf("the SMS journey changed; review and run with -update.\n--- got:\n%s", got)
	}
}

// collect appends the replies that reached the phone since the last look,
// each with its SMS count, and checks each is GSM-7 within the budget.
func collect(t *testing.T, f *fixture, who string, seen *int, b *strings.Builder) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	last, quietSince := -1, time.Now()
	for time.Now().Before(deadline) {
		n := len(f.p.texts(who))
		if n != last {
			last, quietSince = n, time.Now()
		}
		if n > *seen && time.Since(quietSince) > 300*time.Millisecond {
			break
		}
		f.disp.Wake(f.a.Name())
		time.Sleep(20 * time.Millisecond)
	}
	texts := f.p.texts(who)
	if len(texts) == *seen {
		t.Fatalf("no reply after:\n%s", b.String())
	}
	cost := 0
	for _, text := range texts[*seen:] {
		n, gsm7 := smstext.Segments(text)
		cost += n
		if !gsm7 || n > smstext.MaxSegments {
			t.Fatalf("reply costs %d SMS (gsm7=%v): %q", n, gsm7, text)
		}
		norm := dateRe.ReplaceAllString(codeRe.ReplaceAllString(text, "$1-XXXXXX"), "dd/mm/yyyy")
		fmt.Fprintf(b, "< [%d SMS] %s\n", n, strings.ReplaceAll(norm, "\n", "\n  "))
	}
	*seen = len(texts)
	return cost
}
