package sim_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
)

// TestTranscripts runs every testdata/*.txt conversation through the
// simulator's HTTP contract. Lines:
//
//	> PHONE text        a resident sends text ([foto] caption, [lokasi], [long])
//	< text              the replies since the last send contain text
//	= name REGEXP       capture from those replies into {name}
//	! set-status CODE STATUS NOTE   a facilitator moves a gagasan
//	~ flush-redis       Redis loses every session
func TestTranscripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 3 {
		t.Fatalf("found %d transcripts", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			t.Parallel()
			runTranscript(t, file)
		})
	}
}

func runTranscript(t *testing.T, file string) {
	s := startServer(t)
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vars := map[string]string{}
	expand := func(s string) string {
		for k, v := range vars {
			s = strings.ReplaceAll(s, "{"+k+"}", v)
		}
		return s
	}
	var last string
	var got []outMsg
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		op, rest, _ := strings.Cut(line, " ")
		rest = expand(rest)
		switch op {
		case ">":
			phone, text, _ := strings.Cut(rest, " ")
			p, err := domain.ParsePhone(phone)
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			last = string(p)
			msg := inbound{From: phone}
			switch {
			case strings.HasPrefix(text, "[foto]"):
				msg.Text = strings.TrimSpace(strings.TrimPrefix(text, "[foto]"))
				msg.Image = map[string]any{"mime": "image/jpeg", "data_base64": testJPEG(t)}
			case text == "[lokasi]":
				msg.Location = map[string]any{"lat": -7.71, "lng": 110.45}
			case text == "[long]":
				msg.Text = strings.Repeat("Jalan rusak parah sekali ", 400) // 10,000 characters
			default:
				msg.Text = text
			}
			code, body := s.post(t, msg)
			if code != 202 || body["duplicate"] != false {
				t.Fatalf("line %d: POST → %d %v", n, code, body)
			}
			got = s.replies(t, last)
			if len(got) == 0 {
				t.Fatalf("line %d: no reply to %q", n, text)
			}
		case "<":
			if joined := joinTexts(got); !strings.Contains(joined, rest) {
				t.Fatalf("line %d: replies lack %q; got:\n%s", n, rest, joined)
			}
		case "=":
			name, expr, _ := strings.Cut(rest, " ")
			m := regexp.MustCompile(expr).FindString(joinTexts(got))
			if m == "" {
				t.Fatalf("line %d: %s not found in:\n%s", n, expr, joinTexts(got))
			}
			vars[name] = m
		case "!":
			parts := strings.SplitN(rest, " ", 4)
			if len(parts) < 3 || parts[0] != "set-status" {
				t.Fatalf("line %d: bad action %q", n, rest)
			}
			note := ""
			if len(parts) == 4 {
				note = parts[3]
			}
			_, notified, err := s.Store.SetGagasanStatus(context.Background(), parts[1], domain.Status(parts[2]), note, "test",
				func(g domain.Gagasan, lang string) string { return flows.StatusChangedText(lang, g, note) })
			if err != nil || !notified {
				t.Fatalf("line %d: set-status: notified=%v err=%v", n, notified, err)
			}
			got = s.replies(t, last)
		case "~":
			keys, _ := s.Redis.Keys(context.Background(), s.Prefix+"*").Result()
			if len(keys) > 0 {
				s.Redis.Del(context.Background(), keys...)
			}
		default:
			t.Fatalf("line %d: unknown op %q", n, op)
		}
	}
}
