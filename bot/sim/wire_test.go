package sim_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"testing"
)

// TestOutboundWireBytes pins GET /sim/outbound byte for byte, as the
// README's contract writes it: the keys, their order, a null media_url,
// the time as RFC 3339, one JSON document and a newline. Clients that
// read it with a fixed schema (the chat page, load tools) see no change.
func TestOutboundWireBytes(t *testing.T) {
	s := startServer(t)
	const to = "+6281234567031"
	if code, _ := s.post(t, inbound{From: to, Text: "halo", ID: "w1"}); code != 202 {
		t.Fatalf("inbound %d", code)
	}
	s.replies(t, to) // the reply is sent
	get := func(after int64, wait string) string {
		t.Helper()
		resp, err := s.client.Get(fmt.Sprintf("%s/sim/outbound?to=%s&after=%d&wait=%s", s.URL, url.QueryEscape(to), after, wait))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("GET outbound: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		return string(b)
	}
	raw := get(0, "0s")
	var body struct {
		Messages []struct {
			Seq  int64
			To   string
			Text string
			At   string
		}
		Last int64
	}
	if err := json.Unmarshal([]byte(raw), &body); err != nil || len(body.Messages) == 0 {
		t.Fatalf("%v: %s", err, raw)
	}
	m := body.Messages[0]
	text, _ := json.Marshal(m.Text)
	want := `{"messages":[{"seq":` + strconv.FormatInt(m.Seq, 10) + `,"to":"` + to + `","text":` + string(text) +
		`,"media_url":null,"at":"` + m.At + `"}`
	if len(body.Messages) == 1 {
		want += `],"last":` + strconv.FormatInt(body.Last, 10) + "}\n"
	}
	if len(raw) < len(want) || raw[:len(want)] != want {
		t.Fatalf("GET /sim/outbound\n got %s\nwant %s", raw, want)
	}
	if empty := get(body.Last, "0s"); empty != `{"messages":[],"last":`+strconv.FormatInt(body.Last, 10)+"}\n" {
		t.Fatalf("empty poll %q", empty)
	}
}
