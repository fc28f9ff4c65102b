package flows_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/daftar"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/gagasan"
	"github.com/suaradesa/suaradesa/flows/rapat"
)

// fuzzState is the typed state FuzzStep starts a flow that has one from,
// varied by kind and text as the map of the flows without one is; nil for
// those flows.
func fuzzState(name, text string, kind uint8) json.RawMessage {
	var v any
	switch name {
	case gagasan.Name, gagasan.NameDetail, gagasan.NameUntuk:
		hh := 10
		s := gagasan.State{Code: "G-7KM4XA", Category: domain.CategoryEkonomi, Title: text, Households: &hh, PhotoID: int64(kind)}
		if kind%4 == 1 || name == gagasan.NameUntuk {
			s.For = &gagasan.Resident{DesaKode: "34.04.11.2002"}
		}
		if kind%4 == 1 {
			s.For.Name = "Mbah Painem"
		}
		if kind%5 == 2 && s.For != nil { // a cadre of two desa, asked which
			s.For.DesaKode = ""
			s.Desa = &flow.DesaChoice{Within: []string{"34.04.11.2002", "34.04.11.2001"}, Cands: []string{text}}
		}
		v = s
	case rapat.FlowUndang, rapat.FlowRapat, rapat.FlowHasil, rapat.FlowFotoBA:
		now := time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC) // FuzzStep's
		s := rapat.State{Code: "R-HHHHHH", Desa: "34.04.11.2002", Type: domain.MeetingMusdus, Audience: domain.AudienceDesa,
			When: now.Add(48 * time.Hour), Place: "Balai", Agenda: text, Waiting: []rapat.Waiting{{ID: 1, Title: text}},
			Next: int(kind % 3)}
		if kind%7 == 0 {
			s.Asking = rapat.WhenAnswers{Date: "2026-11-29", Suggest: "19:30", PM: true}
		}
		if kind%5 == 2 { // a cadre of two desa, asked which
			s.Pick = &flow.DesaChoice{Within: []string{"34.04.11.2002", "34.04.11.2001"}, Cands: []string{text}}
		}
		v = s
	case daftar.Name:
		d := daftar.State{Desa: "34.04.11.2002"}
		d.Cands = []string{text}
		if kind%3 == 1 {
			d.Proposed = "34.04.11.2002"
		}
		v = d
	default:
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// gagasanState reads the gagasan being written from a session.
func gagasanState(t *testing.T, sess flow.Session) gagasan.State {
	t.Helper()
	var s gagasan.State
	if err := json.Unmarshal(sess.State, &s); err != nil {
		t.Fatalf("gagasan state %q: %v", sess.State, err)
	}
	return s
}

// daftarState reads the registration being answered from a session.
func daftarState(t *testing.T, sess flow.Session) daftar.State {
	t.Helper()
	var s daftar.State
	if len(sess.State) == 0 {
		return s
	}
	if err := json.Unmarshal(sess.State, &s); err != nil {
		t.Fatalf("daftar state %q: %v", sess.State, err)
	}
	return s
}
