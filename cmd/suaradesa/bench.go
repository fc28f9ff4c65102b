package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// benchScript is what each simulated resident says, one message after the
// reply to the one before: registration, a gagasan, its status, the
// meetings, an answer to an invitation. {i} is the resident's number. The
// desa and dusun are named, not numbered: with more than flow.MaxDesaList
// desa in scope (BENCH_DATA=scale) the desa question takes a name only,
// and the scale data set gives Bimomartani more dusun than the demo's.
var benchScript = []string{"halo", "ya", "Warga {i}", "Bimomartani", "Kejambon", "1",
	"GAGASAN Perbaikan jalan dusun nomor {i}", "STATUS", "JADWAL", "HADIR"}

type benchConfig struct {
	url         string
	token       string
	residents   int
	concurrency int
	pid         int
	dbConns     int
	timeout     time.Duration
	think       time.Duration
	burst       int
	burstSpeed  float64
}

type benchResult struct {
	msgs, errs int
	took       time.Duration
	latencies  []time.Duration
}

// bench drives a running service through the simulator with N residents
// at a given concurrency, then measures the floor — the same number of
// messages at the same concurrency, each one Postgres transaction
// inserting one row and one Redis round trip — and prints one line.
func bench(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(out)
	bc := benchConfig{}
	fs.StringVar(&bc.url, "url", "http://"+cfg.HTTPAddr, "the service's base URL")
	fs.StringVar(&bc.token, "token", cfg.SimToken, "the simulator's token, when it has one")
	fs.IntVar(&bc.residents, "residents", 500, "simulated residents")
	fs.IntVar(&bc.concurrency, "concurrency", 200, "residents writing at once")
	fs.IntVar(&bc.pid, "pid", 0, "the service's process id, for its peak memory")
	fs.IntVar(&bc.dbConns, "db-conns", cfg.DBMaxConns, "Postgres connections of the floor (the service's pool size)")
	fs.DurationVar(&bc.timeout, "timeout", 30*time.Second, "longest wait for one reply")
	fs.DurationVar(&bc.think, "think", time.Second, "the paced run's pause after each reply (0: no paced run)")
	fs.IntVar(&bc.burst, "burst", 60, "residents of the burst on one WhatsApp number (0: no burst)")
	fs.Float64Var(&bc.burstSpeed, "burst-speed", 10, "how many times faster than real the burst's time runs")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if bc.residents < 1 || bc.concurrency < 1 || bc.think < 0 || bc.burst < 0 || bc.burstSpeed < 1 {
		return fmt.Errorf("%w: residents and concurrency must be positive", errUsage)
	}
	fmt.Fprintf(out, "bench: %d residents x %d messages, %d at once, against %s\n", bc.residents, len(benchScript), bc.concurrency, bc.url)
	svc := runService(ctx, bc, 0, 0)
	fmt.Fprintf(out, "service: %d messages in %s, %d errors\n", svc.msgs, svc.took.Round(time.Millisecond), svc.errs)
	// The paced run: as many residents as the concurrency, each pausing
	// after every reply as a person reading and typing would; its latency
	// is the service's, not the queue's.
	var paced benchResult
	if bc.think > 0 {
		paced = runService(ctx, benchConfig{url: bc.url, token: bc.token, residents: bc.concurrency, concurrency: bc.concurrency,
			timeout: bc.timeout}, bc.residents, bc.think)
		fmt.Fprintf(out, "paced: %d residents at once, %s after each reply: %d messages, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors\n",
			bc.concurrency, bc.think, paced.msgs, pct(paced.latencies, 50), pct(paced.latencies, 95), pct(paced.latencies, 99), paced.errs)
	}
	floor, err := runFloor(ctx, cfg, bc, svc.msgs, 0)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	fmt.Fprintf(out, "floor: %d transactions + Redis round trips in %s\n", floor.msgs, floor.took.Round(time.Millisecond))
	var pacedFloor benchResult
	if bc.think > 0 {
		if pacedFloor, err = runFloor(ctx, cfg, bc, bc.concurrency*len(benchScript), bc.think); err != nil {
			return fmt.Errorf("paced floor: %w", err)
		}
		fmt.Fprintf(out, "paced floor: %d residents at once, %s between messages, one transaction + one Redis round trip each: p50 %.1f ms, p99 %.1f ms\n",
			bc.concurrency, bc.think, pct(pacedFloor.latencies, 50), pct(pacedFloor.latencies, 99))
	}
	var burst burstResult
	if bc.burst > 0 {
		if burst, err = runBurst(ctx, cfg, bc.burst, bc.burstSpeed); err != nil {
			return fmt.Errorf("burst: %w", err)
		}
		fmt.Fprintf(out, "burst: %d residents write within a minute to one WhatsApp number (default pacing, time x%g): %d replies sent in %s; reply p50 %.1f s, p95 %.1f s; registered and gagasan sent p50 %.0f s, p95 %.0f s; %d errors\n",
			bc.burst, bc.burstSpeed, burst.sends, burst.took.Round(time.Second), pct(burst.waits, 50)/1000, pct(burst.waits, 95)/1000,
			pct(burst.done, 50)/1000, pct(burst.done, 95)/1000, burst.errs)
	}
	rate := float64(svc.msgs) / svc.took.Seconds()
	floorRate := float64(floor.msgs) / floor.took.Seconds()
	line := fmt.Sprintf("bench: msgs_per_s=%.0f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f floor_msgs_per_s=%.0f ratio=%.2f peak_rss_mb=%s errors=%d",
		rate, pct(svc.latencies, 50), pct(svc.latencies, 95), pct(svc.latencies, 99), floorRate, rate/floorRate, peakRSS(bc.pid), svc.errs+paced.errs+burst.errs)
	if bc.think > 0 {
		line += fmt.Sprintf(" paced_p50_ms=%.1f paced_p95_ms=%.1f paced_p99_ms=%.1f paced_floor_p99_ms=%.1f",
			pct(paced.latencies, 50), pct(paced.latencies, 95), pct(paced.latencies, 99), pct(pacedFloor.latencies, 99))
	}
	if bc.burst > 0 {
		line += fmt.Sprintf(" burst_reply_p95_s=%.1f burst_done_p95_s=%.0f", pct(burst.waits, 95)/1000, pct(burst.done, 95)/1000)
	}
	fmt.Fprintln(out, line)
	return nil
}

func pct(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return math.NaN()
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return float64(s[max(i, 0)].Microseconds()) / 1000
}

// peakRSS reads the service's high-water resident memory from /proc.
func peakRSS(pid int) string {
	if pid <= 0 {
		return "unknown"
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return strconv.Itoa(kb / 1024)
		}
	}
	return "unknown"
}

// runService plays the residents, numbered from first+1, each pausing think
// after every reply.
func runService(ctx context.Context, bc benchConfig, first int, think time.Duration) benchResult {
	run := make([]byte, 3)
	_, _ = rand.Read(run)
	prefix := "0819" + fmt.Sprintf("%02d", int(run[0])%100) // a run's numbers do not meet an earlier run's
	client := &http.Client{Timeout: bc.timeout + 5*time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: bc.concurrency * 2}}
	var (
		mu   sync.Mutex
		res  benchResult
		next atomic.Int64
		wg   sync.WaitGroup
	)
	start := time.Now()
	for range bc.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > bc.residents || ctx.Err() != nil {
					return
				}
				i += first
				phone := fmt.Sprintf("%s%06d", prefix, i)
				lat, errs := resident(ctx, client, bc, hex.EncodeToString(run), phone, i, think)
				mu.Lock()
				res.latencies = append(res.latencies, lat...)
				res.msgs += len(lat) + errs
				res.errs += errs
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.took = time.Since(start)
	return res
}

// resident sends the script, each message after the previous one's reply;
// latency is from the message accepted to its first reply available.
func resident(ctx context.Context, client *http.Client, bc benchConfig, run, phone string, i int, think time.Duration) ([]time.Duration, int) {
	var lat []time.Duration
	errs := 0
	var after int64
	for k, text := range benchScript {
		if think > 0 {
			// People do not all write at the same instant: each starts
			// within the first pause, and pauses think, give or take
			// half, after every reply.
			if k == 0 {
				time.Sleep(mrand.N(think))
			} else {
				time.Sleep(think/2 + mrand.N(think))
			}
		}
		text = strings.ReplaceAll(text, "{i}", strconv.Itoa(i))
		body, _ := json.Marshal(map[string]string{"from": phone, "text": text, "id": fmt.Sprintf("bench-%s-%d-%d", run, i, k)})
		req, _ := http.NewRequestWithContext(ctx, "POST", bc.url+"/sim/inbound", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if bc.token != "" {
			req.Header.Set("Authorization", "Bearer "+bc.token)
		}
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			errs++
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			errs++
			continue
		}
		last, err := waitReply(ctx, client, bc, phone, after)
		if err != nil {
			errs++
			continue
		}
		after = last
		lat = append(lat, time.Since(t0))
	}
	return lat, errs
}

func waitReply(ctx context.Context, client *http.Client, bc benchConfig, phone string, after int64) (int64, error) {
	deadline := time.Now().Add(bc.timeout)
	for time.Now().Before(deadline) {
		u := fmt.Sprintf("%s/sim/outbound?to=%s&after=%d&wait=%s", bc.url, url.QueryEscape(phone), after, min(time.Until(deadline), 25*time.Second).Round(time.Second))
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		if bc.token != "" {
			req.Header.Set("Authorization", "Bearer "+bc.token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return after, err
		}
		var out struct {
			Messages []json.RawMessage `json:"messages"`
			Last     int64             `json:"last"`
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil {
			return after, err
		}
		if len(out.Messages) > 0 {
			return out.Last, nil
		}
	}
	return after, errors.New("no reply in time")
}

// runFloor is the least the no-loss guarantee needs per message: one
// Postgres transaction that inserts one row, and one Redis round trip. With
// think > 0 it is the paced run's floor: the same residents at once, each
// pausing as the paced run's do between its messages, and it measures the
// latency of each message.
func runFloor(ctx context.Context, cfg Config, bc benchConfig, n int, think time.Duration) (benchResult, error) {
	// The same driver settings and pool size as the service's.
	st, err := postgres.Open(ctx, cfg.DatabaseURL, bc.dbConns)
	if err != nil {
		return benchResult{}, err
	}
	defer st.Close()
	db := st.DB()
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, phone text NOT NULL, text text NOT NULL, at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return benchResult{}, err
	}
	opts, err := goredis.ParseURL(cfg.RedisURL)
	if err != nil {
		return benchResult{}, err
	}
	opts.PoolSize = bc.concurrency
	rdb := goredis.NewClient(opts)
	defer rdb.Close()
	var (
		next atomic.Int64
		errs atomic.Int64
		wg   sync.WaitGroup
		mu   sync.Mutex
		lat  []time.Duration
	)
	op := func(i int64) {
		phone := fmt.Sprintf("floor-%d", i)
		tx, err := db.BeginTx(ctx, nil)
		if err == nil {
			if _, err = tx.ExecContext(ctx, `INSERT INTO bench_floor (phone, text) VALUES ($1, 'halo')`, phone); err == nil {
				err = tx.Commit()
			} else {
				_ = tx.Rollback()
			}
		}
		if err == nil {
			err = rdb.Set(ctx, "bench:floor:"+phone, "1", time.Minute).Err()
		}
		if err != nil {
			errs.Add(1)
		}
	}
	start := time.Now()
	for range bc.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ; k++ {
				i := next.Add(1)
				if int(i) > n {
					return
				}
				if think > 0 { // as the paced run's residents pause
					if k == 0 {
						time.Sleep(mrand.N(think))
					} else {
						time.Sleep(think/2 + mrand.N(think))
					}
				}
				t0 := time.Now()
				op(i)
				if think > 0 {
					mu.Lock()
					lat = append(lat, time.Since(t0))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	_, _ = db.ExecContext(ctx, `DROP TABLE bench_floor`)
	if e := errs.Load(); e > 0 {
		return benchResult{}, fmt.Errorf("%d floor operations failed", e)
	}
	return benchResult{msgs: n, took: took, latencies: lat}, nil
}
