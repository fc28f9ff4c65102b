package main

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"github.com/suaradesa/suaradesa/store/media/mediatest"
)

// vmHWM is a process's peak resident memory in MB, from /proc.
func vmHWM(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

// plantPhoto stores a file as a progress photo of the demo report, as if
// it had arrived before arrival checks existed, and returns its media id.
func plantPhoto(t *testing.T, env []string, data []byte, mime string) int64 {
	t.Helper()
	db, err := sqlx.Open("postgres", envValue(env, "DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	id, err := mediatest.PlantPhoto(db, filepath.Join(envValue(env, "DATA_DIR"), "media"), data, "."+strings.TrimPrefix(mime, "image/"))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestPhotoBombMemory serves, from the real binary, a 381 KB PNG of
// 7000×7000 16-bit RGBA (392 MB decoded) and a 12-megapixel camera JPEG to
// public requests: six first requests at once, then every width again. The
// process stays under 300 MB at its peak, the bomb is answered "cannot be
// shown" and the photo is served.
func TestPhotoBombMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	p, env := seededService(t, 11)
	bomb := plantPhoto(t, env, mediatest.BombPNG(7000, 7000), "image/png")
	var camera bytes.Buffer
	if err := jpeg.Encode(&camera, image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	photo := plantPhoto(t, env, camera.Bytes(), "image/jpeg")
	camera = bytes.Buffer{}
	pid := p.cmd.Process.Pid
	before := vmHWM(t, pid)

	get := func(id int64, width int) int {
		resp, err := http.Get(fmt.Sprintf("http://%s/foto/%d?w=%d", p.addr, id, width))
		if err != nil {
			t.Error(err)
			return 0
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	burst := func(id int64, widths ...int) []int {
		codes := make([]int, len(widths))
		var wg sync.WaitGroup
		for i, w := range widths {
			wg.Add(1)
			go func() { defer wg.Done(); codes[i] = get(id, w) }()
		}
		wg.Wait()
		return codes
	}
	first := burst(bomb, 1024, 1024, 1024, 1024, 1024, 1024)
	afterBurst := vmHWM(t, pid)
	t.Logf("bomb: six first requests at once answered %v; peak RSS %d MB before, %d MB after", first, before, afterBurst)
	for _, w := range []int{320, 640, 1024, 320, 640, 1024} {
		if code := get(bomb, w); code != http.StatusUnprocessableEntity {
			t.Errorf("bomb at w=%d answered %d, want 422", w, code)
		}
	}
	// Then everything at once: the camera photo, a PNG just within the
	// budget (4000×4000 RGBA, 61 MB decoded), a long screenshot (1100×14000)
	// and a JPEG whose header claims 60000×60000, each at every width twice.
	atBudget := plantPhoto(t, env, mediatest.BlankPNG(4000, 4000, 8, 6), "image/png")
	tall := plantPhoto(t, env, mediatest.BlankPNG(1100, 14000, 8, 0), "image/png")
	jpegBomb := plantPhoto(t, env, mediatest.BombJPEG(60000, 60000), "image/jpeg")
	want := map[int64]int{photo: 200, atBudget: 200, tall: 200, jpegBomb: http.StatusUnprocessableEntity}
	var wg sync.WaitGroup
	for id, code := range want {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := burst(id, 320, 640, 1024, 320, 640, 1024); !slices.Equal(got, []int{code, code, code, code, code, code}) {
				t.Errorf("photo %d answered %v, want %d", id, got, code)
			}
		}()
	}
	wg.Wait()
	peak := vmHWM(t, pid)
	t.Logf("after the bombs again and large photos at every width at once: peak RSS %d MB", peak)
	if peak > 300 {
		t.Fatalf("public photo requests took the process to %d MB (over 300 MB)", peak)
	}
	// The bombs' verdicts are remembered on disk: they are not judged again.
	if verdicts, _ := filepath.Glob(filepath.Join(envValue(env, "DATA_DIR"), "resized", "*-1024.gagal")); len(verdicts) != 2 {
		t.Errorf("verdicts at 1024 px: %v, want the two bombs'", verdicts)
	}
}
