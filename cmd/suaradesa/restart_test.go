package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// process is the real binary serving on a free port.
type process struct {
	t    *testing.T
	bin  string
	env  []string
	addr string
	cmd  *exec.Cmd
	logs *storetest.LogBuffer
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "suaradesa")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func (p *process) start() {
	p.t.Helper()
	p.logs = &storetest.LogBuffer{}
	p.cmd = exec.Command(p.bin, "serve")
	p.cmd.Env = append(append(os.Environ(), "SIM_ENABLED=true"), p.env...) // the tests speak through /sim
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + p.addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("service did not become ready:\n%s", p.logs)
}

func (p *process) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
}

func (p *process) post(from, text, id string) (int, error) {
	body, _ := json.Marshal(map[string]string{"from": from, "text": text, "id": id})
	resp, err := http.Post("http://"+p.addr+"/sim/inbound", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

type polled struct {
	Messages []struct {
		Seq  int64  `json:"seq"`
		Text string `json:"text"`
	} `json:"messages"`
	Last int64 `json:"last"`
}

// collect gathers every message to a number: the first within 30 s (a
// reply claimed by the killed process waits out its 15 s lease), then until
// none comes for quiet.
func (p *process) collect(to string, quiet time.Duration) []string {
	p.t.Helper()
	var texts []string
	var after int64
	for {
		wait := quiet
		if len(texts) == 0 {
			wait = 30 * time.Second
		}
		resp, err := http.Get(fmt.Sprintf("http://%s/sim/outbound?to=%s&after=%d&wait=%s", p.addr, to, after, wait))
		if err != nil {
			p.t.Fatal(err)
		}
		var out polled
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil {
			p.t.Fatal(err)
		}
		if len(out.Messages) == 0 {
			return texts
		}
		for _, m := range out.Messages {
			texts = append(texts, m.Text)
		}
		after = out.Last
	}
}

// TestKillAndRestart kills the service with SIGKILL in the middle of
// conversations and starts it again: every message it accepted gets its
// replies exactly once, no record is lost, and residents carry on.
func TestKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dbURL := storetest.URL(t)
	ru, err := url.Parse(storetest.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	ru.Path = "/7" // a database of its own: the service uses the default key prefix
	redisURL := ru.String()
	rdb, err := redis.Connect(context.Background(), redisURL)
	if err != nil {
		t.Fatal(err)
	}
	rdb.FlushDB(context.Background())
	rdb.Close()
	env := []string{"DATABASE_URL=" + dbURL, "REDIS_URL=" + redisURL, "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=warn"}
	ctx := context.Background()
	var out bytes.Buffer
	getenv := func(k string) string {
		for _, kv := range env {
			if strings.HasPrefix(kv, k+"=") {
				return strings.TrimPrefix(kv, k+"=")
			}
		}
		return ""
	}
	if err := run(ctx, []string{"seed", "demo"}, getenv, &out, &out); err != nil {
		t.Fatalf("seed: %v\n%s", err, out.String())
	}
	addr := freeAddr(t)
	p := &process{t: t, bin: buildBinary(t), env: append(env, "HTTP_ADDR="+addr), addr: addr}
	p.start()
	t.Cleanup(p.kill)

	// One resident half way through registration.
	for i, text := range []string{"halo", "ya", "Wartini"} {
		if code, err := p.post("081234560001", text, fmt.Sprint("a", i)); err != nil || code != 202 {
			t.Fatalf("post %q: %d %v", text, code, err)
		}
	}
	// Many residents writing at once while the process is killed: each
	// client sends again (same id) until it is accepted, as channels do.
	const n = 40
	accepted := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := fmt.Sprintf("0812345%05d", 10000+i)
			for try := 0; try < 200; try++ {
				code, err := p.post(from, "halo", "first")
				if err == nil && code == 202 {
					accepted[i] = true
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	if code, err := p.post("081234560001", "1", "a3"); err != nil || code != 202 {
		t.Fatalf("post desa: %d %v", code, err)
	}
	p.kill()
	p.start()
	wg.Wait()

	for i := range n {
		if !accepted[i] {
			t.Fatalf("resident %d never accepted", i)
		}
		got := p.collect(fmt.Sprintf("0812345%05d", 10000+i), 150*time.Millisecond)
		if len(got) != 1 || !strings.Contains(got[0], "Selamat datang") {
			t.Fatalf("resident %d got %d replies: %q", i, len(got), got)
		}
	}
	// The half-registered resident carries on where they were.
	if code, _ := p.post("081234560001", "1", "a4"); code != 202 {
		t.Fatal("post dusun")
	}
	if code, _ := p.post("081234560001", "1", "a5"); code != 202 {
		t.Fatal("post gender")
	}
	// A reply the killed process had claimed goes out when its lease ends
	// (15 s), after the replies sent meanwhile: wait until nothing is
	// pending, then every reply must be there exactly once.
	st, err := postgres.Open(ctx, dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		var pending int
		if err := st.DB().Get(&pending, `SELECT count(*) FROM outbound_messages WHERE to_phone = '+6281234560001' AND status IN ('queued', 'sending')`); err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d replies still pending", pending)
		}
	}
	got := p.collect("081234560001", 300*time.Millisecond)
	want := []string{"Selamat datang", "Pilih bahasa", "desa mana", "Dusun mana", "perempuan atau laki-laki", "Pendaftaran selesai", "Menu"}
	if len(got) != len(want) {
		t.Fatalf("got %d replies, want %d: %q", len(got), len(want), got)
	}
	for _, w := range want {
		n := 0
		for _, g := range got {
			if strings.Contains(g, w) {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%q arrived %d times in %q", w, n, got)
		}
	}
}
