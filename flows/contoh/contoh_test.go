package contoh_test

import (
	"context"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
)

func TestContoh(t *testing.T) {
	now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
	c := &domain.Contact{ID: 7, ConsentAt: &now, RegisteredAt: &now}
	env := flows.Env{Now: now}
	res, err := flows.Step(context.Background(), env, nil, c, flows.Session{}, flows.Input{Text: "CONTOH"})
	if err != nil || res.Session.Flow != "contoh" || len(res.Replies) != 1 {
		t.Fatalf("CONTOH: %+v %v", res, err)
	}
	res, err = flows.Step(context.Background(), env, nil, c, res.Session, flows.Input{Text: "kucing"})
	if err != nil || res.Session.Flow != "" || res.Replies[0].Text != "Jawaban Bapak/Ibu: kucing." {
		t.Fatalf("answer: %+v %v", res, err)
	}
}
