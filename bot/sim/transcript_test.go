package sim_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/web"
)

// TestTranscripts runs every testdata/*.txt conversation through the
// simulator's HTTP contract. Lines:
//
//	> PHONE text        a resident sends text ([foto] caption, [pdf], [lokasi], [long])
//	< text              the replies since the last send contain text
//	<1 text             the first of them contains text
//	<! text             none of them contains text
//	<media              one of them carries an image the simulator serves
//	! kegiatan G-… RUPIAH TPK   a funded gagasan becomes kegiatan {kcode}
//	= name REGEXP       capture from those replies into {name}
//	! set-status CODE STATUS NOTE   a facilitator moves a gagasan
//	~ flush-redis       Redis loses every session
//	? PHONE             the messages to PHONE since its last look (one at least)
//	?! PHONE            no message to PHONE
//	@ clock DURATION    the pipeline's clock moves ahead by DURATION
//	@ after-close DURATION  the clock is DURATION after the newest vote closed
//	@ remind KIND       the reminders run when the newest of KIND (H-1, J-2) falls due
//	W PATH text         the web page at PATH (the public board) contains text
//	W! PATH text        it does not
func TestTranscripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 4 {
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
			case text == "[pdf]":
				// A berita acara scanned to PDF, sent as a file.
				msg.Image = map[string]any{"mime": "application/pdf", "data_base64": base64.StdEncoding.EncodeToString([]byte("%PDF-1.4\n%scan\n"))}
			case text == "[suara]":
				// A voice note: Ogg's capture pattern is enough for the sniffer.
				msg.Audio = map[string]any{"mime": "audio/ogg", "data_base64": base64.StdEncoding.EncodeToString(append([]byte("OggS\x00\x02"), make([]byte, 64)...))}
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
		case "<!":
			if joined := joinTexts(got); strings.Contains(joined, rest) {
				t.Fatalf("line %d: replies hold %q; got:\n%s", n, rest, joined)
			}
		case "<media":
			found := false
			for _, m := range got {
				if m.MediaURL == nil {
					continue
				}
				resp, err := s.client.Get(s.URL + *m.MediaURL)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				found = resp.StatusCode == 200 && strings.HasPrefix(resp.Header.Get("Content-Type"), "image/")
			}
			if !found {
				t.Fatalf("line %d: no reply carries an image; got:\n%s", n, joinTexts(got))
			}
		case "<1":
			if len(got) == 0 || !strings.Contains(got[0].Text, rest) {
				t.Fatalf("line %d: the first reply lacks %q; got:\n%s", n, rest, joinTexts(got))
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
			if k, ok := strings.CutPrefix(rest, "kegiatan "); ok {
				f := strings.Fields(k)
				budget, _ := strconv.ParseInt(f[1], 10, 64)
				kg, err := s.Store.CreateKegiatan(context.Background(), postgres.NewKegiatan{Code: "K-TTTTTT", GagasanCode: f[0], Budget: budget,
					TPK:    []domain.Phone{domain.MustPhone(f[2])},
					Notice: flows.StatusChangedText})
				if err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				vars["kcode"] = kg.Code
				got = s.replies(t, last)
				continue
			}
			parts := strings.SplitN(rest, " ", 4)
			// set-status-quiet: the change must reach nobody.
			quiet := len(parts) > 0 && parts[0] == "set-status-quiet"
			if quiet {
				parts[0] = "set-status"
			}
			if len(parts) < 3 || parts[0] != "set-status" {
				t.Fatalf("line %d: bad action %q", n, rest)
			}
			note := ""
			if len(parts) == 4 {
				note = parts[3]
			}
			_, notified, err := s.Store.SetGagasanStatus(context.Background(), postgres.StageMove{Code: parts[1], To: domain.Status(parts[2]), Note: note,
				By: "test", Notice: flows.StatusChangedText})
			if err != nil || notified == quiet {
				t.Fatalf("line %d: set-status: notified=%v err=%v", n, notified, err)
			}
			if !quiet {
				got = s.replies(t, last)
			}
		case "?", "?!":
			p, err := domain.ParsePhone(rest)
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			last = string(p)
			if op == "?!" {
				if more := s.poll(t, last, 500*time.Millisecond); len(more) != 0 {
					t.Fatalf("line %d: %s got %q", n, last, joinTexts(more))
				}
				continue
			}
			got = s.replies(t, last)
			if len(got) == 0 {
				t.Fatalf("line %d: nothing for %s", n, last)
			}
		case "@":
			what, arg, _ := strings.Cut(rest, " ")
			switch what {
			case "clock":
				d, err := time.ParseDuration(arg)
				if err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				s.offset.Add(int64(d))
			case "after-close":
				// The clock moves to d after the newest vote closed ("@
				// after-close 1h"): a step that depends on the close does
				// not depend on the hour the test runs at.
				d, err := time.ParseDuration(arg)
				if err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				var closes time.Time
				if err := s.Store.DB().Get(&closes, `SELECT max(closes_at) FROM votes`); err != nil {
					t.Fatalf("line %d: no vote: %v", n, err)
				}
				s.offset.Store(int64(time.Until(closes.Add(d))))
			case "remind":
				// The reminders run a minute after the newest one of this kind falls due.
				var due time.Time
				if err := s.Store.DB().Get(&due, `SELECT max(due_at) FROM reminders WHERE kind = $1`, arg); err != nil {
					t.Fatalf("line %d: no %s reminder: %v", n, arg, err)
				}
				r := &bot.Reminders{Store: s.Store, Now: func() time.Time { return due.Add(time.Minute) }}
				if k, err := r.RunOnce(context.Background()); err != nil || k == 0 {
					t.Fatalf("line %d: %s reminder not sent (%d, %v)", n, arg, k, err)
				}
			case "close-votes":
				// The job closes the votes a minute after the last one is due.
				var due time.Time
				if err := s.Store.DB().Get(&due, `SELECT max(closes_at) FROM votes`); err != nil {
					t.Fatalf("line %d: no vote: %v", n, err)
				}
				r := &bot.Reminders{Store: s.Store, Now: func() time.Time { return due.Add(time.Minute) }}
				if k, err := r.RunOnce(context.Background()); err != nil || k == 0 {
					t.Fatalf("line %d: votes not closed (%d, %v)", n, k, err)
				}
			case "no-trace":
				// Nothing in the schema holds any of the words (the number
				// without its leading 0, the name), after the retention job
				// forgot the confirmation it sent.
				if _, err := s.Store.Purge(context.Background(), postgres.Retention{}, time.Now().Add(2*time.Hour)); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				assertNoTrace(t, s, strings.Split(arg, "|"), nil)
			case "desa-lang":
				kode, lang, _ := strings.Cut(arg, " ")
				if err := s.Store.SetDesaLang(context.Background(), kode, lang); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
			case "voice-notes":
				// Voice notes waiting to be written down, each with its record.
				var k int
				if err := s.Store.DB().Get(&k, `SELECT count(*) FROM voice_notes v JOIN media m ON m.id = v.media_id
					WHERE v.transcribed_at IS NULL AND m.kind = 'audio' AND num_nonnulls(v.gagasan_id, v.complaint_id, v.report_id) = 1`); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				if strconv.Itoa(k) != arg {
					t.Fatalf("line %d: %d voice notes waiting, want %s", n, k, arg)
				}
			case "ba-photos":
				// A meeting's berita acara photos kept (every one sent), and
				// whether the meeting holds the newest: "@ ba-photos R-… 2".
				code, want, _ := strings.Cut(arg, " ")
				var k int
				var newest bool
				if err := s.Store.DB().QueryRow(`SELECT count(p.id), COALESCE(bool_or(p.media_id = m.ba_media_id AND p.sent_at = m.ba_sent_at), false)
					FROM meetings m LEFT JOIN meeting_ba_photos p ON p.meeting_id = m.id WHERE m.code = $1`, code).Scan(&k, &newest); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				if strconv.Itoa(k) != want || k > 0 && !newest {
					t.Fatalf("line %d: %s keeps %d berita acara photos (the meeting holds the newest: %v), want %s", n, code, k, newest, want)
				}
			case "ba-show":
				// A facilitator lets the meeting's berita acara onto the
				// board, having seen its last page.
				m, err := s.Store.MeetingByCode(context.Background(), arg)
				if err != nil || m.BAMediaID == nil {
					t.Fatalf("line %d: %s has no berita acara photo (%v)", n, arg, err)
				}
				sets, err := s.Store.BAPhotos(context.Background(), m.ID)
				if err != nil || len(sets.Current) == 0 {
					t.Fatalf("line %d: %s's pages: %+v, %v", n, arg, sets, err)
				}
				if err := s.Store.ShowBAPhoto(context.Background(), arg, sets.Current[len(sets.Current)-1].MediaID, true, "Dewi Lestari", time.Now()); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
			default:
				t.Fatalf("line %d: unknown @ %q", n, what)
			}
		case "W", "W!":
			path, want, _ := strings.Cut(rest, " ")
			mux := http.NewServeMux()
			(&web.Server{Store: s.Store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}).Register(mux)
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			page := html.UnescapeString(rec.Body.String())
			if rec.Code != 200 || strings.Contains(page, want) != (op == "W") {
				t.Fatalf("line %d: %s (%d) contains %q: %v", n, path, rec.Code, want, strings.Contains(page, want))
			}
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
