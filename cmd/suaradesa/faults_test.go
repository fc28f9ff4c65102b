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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// registration is what a new resident sends, and the replies it must get,
// each exactly once and in this order.
var (
	registration = []string{"halo", "ya", "Warga", "1", "1", "1"}
	registered   = []string{"Selamat datang", "Pilih bahasa", "desa mana", "Dusun mana", "perempuan atau laki-laki", "Pendaftaran selesai", "Menu"}
)

// deliver posts a message until a process accepts it, as a channel
// redelivers: pick chooses the process for each try.
func deliver(pick func(try int) *process, from, text, id string, giveUp time.Duration) bool {
	deadline := time.Now().Add(giveUp)
	for try := 0; time.Now().Before(deadline); try++ {
		if code, err := pick(try).post(from, text, id); err == nil && code == 202 {
			return true
		}
		refusedPosts.Add(1)
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// refusedPosts counts the posts a service did not accept (it was down or
// could not store them): proof that a fault happened under load.
var refusedPosts atomic.Int64

// waitDrained waits until no outbound message is queued or being sent.
func waitDrained(t *testing.T, dbURL string, within time.Duration) {
	t.Helper()
	st, err := postgres.Open(context.Background(), dbURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for deadline := time.Now().Add(within); ; time.Sleep(200 * time.Millisecond) {
		var pending int
		if err := st.DB().Get(&pending, `SELECT count(*) FROM outbound_messages WHERE status IN ('queued', 'sending')`); err != nil {
			if time.Now().After(deadline) {
				t.Fatal(err)
			}
			continue
		}
		if pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages still pending", pending)
		}
	}
}

// checkOnce asserts that want arrive exactly once each, in order.
func checkOnce(t *testing.T, who string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s got %d replies, want %d: %q", who, len(got), len(want), got)
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Fatalf("%s reply %d is %q, want %q (all: %q)", who, i, got[i], w, got)
		}
	}
}

func seedEnv(t *testing.T, env []string) {
	t.Helper()
	getenv := func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"seed", "demo"}, getenv, &out, &out); err != nil {
		t.Fatalf("seed: %v\n%s", err, out.String())
	}
}

// sharedServers gives the test a database of its own on the test
// Postgres and a Redis database of its own.
func sharedServers(t *testing.T, redisDB int) []string {
	t.Helper()
	dbURL := storetest.URL(t)
	ru, err := url.Parse(storetest.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	ru.Path = "/" + strconv.Itoa(redisDB)
	rdb, err := redis.Connect(context.Background(), ru.String())
	if err != nil {
		t.Fatal(err)
	}
	rdb.FlushDB(context.Background())
	rdb.Close()
	return []string{"DATABASE_URL=" + dbURL, "REDIS_URL=" + ru.String(), "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=error"}
}

// seededService starts the binary on shared servers (Redis database
// redisDB) with the demo data; it is killed when the test ends.
func seededService(t *testing.T, redisDB int) (*process, []string) {
	t.Helper()
	env := sharedServers(t, redisDB)
	seedEnv(t, env)
	addr := freeAddr(t)
	p := &process{t: t, bin: buildBinary(t), env: append(env, "HTTP_ADDR="+addr), addr: addr}
	p.start()
	t.Cleanup(p.kill)
	return p, env
}

func envValue(env []string, k string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, k+"="); ok {
			return v
		}
	}
	return ""
}

// TestTwoProcesses runs two services on one Postgres and Redis, each
// resident's messages spread across both: every message is handled once,
// in order, and every reply sent once.
func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	env := sharedServers(t, 8)
	seedEnv(t, env)
	bin := buildBinary(t)
	var ps []*process
	for range 2 {
		addr := freeAddr(t)
		p := &process{t: t, bin: bin, env: append(env, "HTTP_ADDR="+addr), addr: addr}
		p.start()
		t.Cleanup(p.kill)
		ps = append(ps, p)
	}
	const n = 20
	var wg sync.WaitGroup
	var lost atomic.Int32
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := fmt.Sprintf("0812346%05d", i)
			for k, text := range registration {
				// Message k goes to process (i+k)%2, so consecutive messages
				// of one resident land on different processes.
				if !deliver(func(try int) *process { return ps[(i+k+try)%2] }, from, text, fmt.Sprint("m", k), 30*time.Second) {
					lost.Add(1)
					return
				}
				// The next message after this one's reply, as a person would.
				ps[(i+k+1)%2].collectN(from, k)
			}
		}()
	}
	wg.Wait()
	if lost.Load() > 0 {
		t.Fatalf("%d messages never accepted", lost.Load())
	}
	waitDrained(t, envValue(env, "DATABASE_URL"), 60*time.Second)
	for i := range n {
		from := fmt.Sprintf("0812346%05d", i)
		checkOnce(t, from, ps[i%2].collect(from, 300*time.Millisecond), registered)
	}
}

// collectN waits until the k-th message's first reply is there.
func (p *process) collectN(to string, k int) {
	want := k + 1
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		resp, err := http.Get(fmt.Sprintf("http://%s/sim/outbound?to=%s&after=0&wait=2s", p.addr, url.QueryEscape(to)))
		if err != nil {
			return
		}
		var out polled
		_ = jsonDecode(resp, &out)
		if len(out.Messages) >= want {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestRedisFlushedUnderLoad empties Redis while residents are half way
// through registering: conversations restart with a clear message, no
// record is lost, every accepted message gets a reply, the service goes on.
func TestRedisFlushedUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	p, env := seededService(t, 9)
	const n = 30
	var half, wg sync.WaitGroup
	half.Add(n)
	flushed := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := fmt.Sprintf("0812347%05d", i)
			for k, text := range registration {
				if k == 3 {
					half.Done()
					<-flushed
				}
				if !deliver(func(int) *process { return p }, from, text, fmt.Sprint("m", k), 30*time.Second) {
					t.Errorf("%s: %q never accepted", from, text)
					return
				}
				p.collectN(from, k)
			}
		}()
	}
	half.Wait()
	rdb, err := redis.Connect(context.Background(), envValue(env, "REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	rdb.FlushDB(context.Background())
	rdb.Close()
	close(flushed)
	wg.Wait()
	waitDrained(t, envValue(env, "DATABASE_URL"), 60*time.Second)
	st, err := postgres.Open(context.Background(), envValue(env, "DATABASE_URL"), 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var unanswered, contacts, lostNotices int
	_ = st.DB().Get(&unanswered, `SELECT count(*) FROM inbound_messages i WHERE NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.inbound_id = i.id)`)
	_ = st.DB().Get(&contacts, `SELECT count(*) FROM contacts WHERE phone LIKE '+62812347%'`)
	_ = st.DB().Get(&lostNotices, `SELECT count(DISTINCT to_phone) FROM outbound_messages WHERE text LIKE '%percakapan sebelumnya terputus%'`)
	if unanswered != 0 || contacts != n || lostNotices != n {
		t.Fatalf("unanswered %d, contacts %d (want %d: consent is a record), told of the lost conversation %d", unanswered, contacts, n, lostNotices)
	}
	// The service goes on: a new resident registers from start to end.
	for k, text := range registration {
		if !deliver(func(int) *process { return p }, "081234799999", text, fmt.Sprint("z", k), 10*time.Second) {
			t.Fatal("not accepted after the flush")
		}
		p.collectN("081234799999", k)
	}
	checkOnce(t, "new resident", p.collect("081234799999", 300*time.Millisecond), registered)
}

// privateServers starts a Postgres and Redis of the test's own (the
// shared ones must not be restarted under other tests).
func privateServers(t *testing.T) (env []string, stopPG, startPG func()) {
	t.Helper()
	script, _ := filepath.Abs(filepath.Join("..", "..", "scripts", "services.sh"))
	dir, err := os.MkdirTemp("", "suaradesa-fault-")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o755)
	port := func() string {
		_, p, _ := net.SplitHostPort(freeAddr(t))
		return p
	}
	pg, rd := port(), port()
	if out, err := exec.Command("bash", script, "start", dir, pg, rd, "persist").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "" && os.Getenv("REQUIRE_BROWSER") == "" && os.Getenv(storetest.RequireServers) == "" {
			t.Skipf("cannot start a private Postgres here: %v\n%s", err, out)
		}
		t.Fatalf("private servers: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("bash", script, "stop", dir).Run(); os.RemoveAll(dir) })
	env = []string{"DATABASE_URL=postgres://suaradesa@127.0.0.1:" + pg + "/suaradesa?sslmode=disable",
		"REDIS_URL=redis://127.0.0.1:" + rd + "/0", "DATA_DIR=" + t.TempDir(), "LOG_LEVEL=error"}
	return env, func() {
			if out, err := exec.Command("bash", script, "pg-stop", dir).CombinedOutput(); err != nil {
				t.Errorf("pg-stop: %v\n%s", err, out)
			}
		}, func() {
			if out, err := exec.Command("bash", script, "start", dir, pg, rd, "persist").CombinedOutput(); err != nil {
				t.Errorf("pg start: %v\n%s", err, out)
			}
		}
}

// TestPostgresRestartUnderLoad stops Postgres while residents register and
// starts it again: the service waits and recovers without a restart of its
// own; nothing accepted is lost, no reply is sent twice.
func TestPostgresRestartUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	env, stopPG, startPG := privateServers(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"migrate"}, func(k string) string { return envValue(env, k) }, &out, &out); err != nil {
		t.Fatalf("migrate: %v %s", err, out.String())
	}
	seedEnv(t, env)
	addr := freeAddr(t)
	p := &process{t: t, bin: buildBinary(t), env: append(env, "HTTP_ADDR="+addr), addr: addr}
	p.start()
	t.Cleanup(p.kill)
	pid := p.cmd.Process.Pid
	const n = 20
	var wg sync.WaitGroup
	var notAccepted, accepted atomic.Int32
	// Postgres stops when a third of the messages are in, while the rest
	// are being sent.
	third := make(chan struct{})
	var once sync.Once
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := fmt.Sprintf("0812348%05d", i)
			for k, text := range registration {
				if !deliver(func(int) *process { return p }, from, text, fmt.Sprint("m", k), 60*time.Second) {
					notAccepted.Add(1)
					return
				}
				if int(accepted.Add(1)) >= n*len(registration)/3 {
					once.Do(func() { close(third) })
				}
				p.collectN(from, k)
			}
		}()
	}
	<-third
	stopPG()
	// While it is down, new residents write too (the others may be
	// waiting for replies): their messages must be refused, not lost.
	refusedPosts.Store(0)
	const late = 5
	for i := range late {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !deliver(func(int) *process { return p }, fmt.Sprintf("0812349%05d", i), "halo", "late", 60*time.Second) {
				notAccepted.Add(1)
			}
		}()
	}
	time.Sleep(3 * time.Second)
	refusedWhileDown := refusedPosts.Load()
	startPG()
	wg.Wait()
	if refusedWhileDown == 0 {
		t.Fatal("no message was refused while Postgres was down: the fault missed the load")
	}
	t.Logf("%d posts refused while Postgres was down, each redelivered", refusedWhileDown)
	if notAccepted.Load() > 0 {
		t.Fatalf("%d messages never accepted after Postgres came back", notAccepted.Load())
	}
	waitDrained(t, envValue(env, "DATABASE_URL"), 90*time.Second)
	for i := range n {
		from := fmt.Sprintf("0812348%05d", i)
		checkOnce(t, from, p.collect(from, 300*time.Millisecond), registered)
	}
	for i := range late {
		from := fmt.Sprintf("0812349%05d", i)
		checkOnce(t, from, p.collect(from, 300*time.Millisecond), registered[:1])
	}
	if p.cmd.Process.Pid != pid || p.cmd.ProcessState != nil {
		t.Fatal("the service restarted")
	}
	resp, err := http.Get("http://" + p.addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("not ready after Postgres came back: %v", err)
	}
	resp.Body.Close()
}

func jsonDecode(resp *http.Response, v any) error {
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
