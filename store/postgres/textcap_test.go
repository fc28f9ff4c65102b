package postgres_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// Every way an inbound message is logged keeps at most MaxStoredText
// characters of its text, cut on a character boundary and marked.
func TestInboundTextCapped(t *testing.T) {
	st := storetest.SeededStore(t)
	kpmd := domain.MustPhone("081100000001") // a contact: texts are kept
	long := strings.Repeat("sawah é ", 100_000/9)
	in := func(id string) postgres.Inbound {
		return postgres.Inbound{Channel: "sim", ExtID: id, Phone: kpmd, Text: long}
	}
	turn, _, _, err := st.BeginLoggedTurn(ctx, in("alone"))
	if err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	turn, err = st.BeginTurn(ctx, kpmd)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := turn.LogInbound(ctx, in("with-file")); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	b, err := st.BeginBatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.LoggedTurns(ctx, []postgres.Inbound{in("batch")}); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	if err := st.DB().Select(&texts, `SELECT text FROM inbound_messages WHERE ext_id IN ('alone', 'with-file', 'batch')`); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 3 {
		t.Fatalf("%d logged", len(texts))
	}
	for _, text := range texts {
		kept := strings.TrimSuffix(text, postgres.TextCutMark)
		if kept == text || utf8.RuneCountInString(kept) != postgres.MaxStoredText || !strings.HasPrefix(long, kept) {
			t.Fatalf("stored %d characters; want the first %d and the mark", utf8.RuneCountInString(text), postgres.MaxStoredText)
		}
	}
	if s := postgres.StoredText("pendek é"); s != "pendek é" {
		t.Fatalf("a short text became %q", s)
	}
}
