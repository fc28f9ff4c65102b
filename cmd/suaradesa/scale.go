package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/web"
)

// seedScale: seed scale [--fraction F] loads the kabupaten-scale data set
// (postgres.FullScale, or F times it) on a migrated database, once.
func (a *admin) seedScale(ctx context.Context, args []string, log *slog.Logger, out io.Writer) error {
	fs := flag.NewFlagSet("seed scale", flag.ContinueOnError)
	fs.SetOutput(out)
	fraction := fs.Float64("fraction", 1, "the share of the full data set to load (0.01: a tiny one, for tests)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *fraction <= 0 || *fraction > 10 {
		return fmt.Errorf("%w: seed scale [--fraction F]", errUsage)
	}
	if _, err := a.store.Migrate(ctx, log); err != nil {
		return err
	}
	files, err := media.NewLocal(filepath.Join(a.cfg.DataDir, "media"), a.cfg.MediaMaxMB<<20)
	if err != nil {
		return err
	}
	p, err := files.Put(configs.DemoPhotos()[0], "image/jpeg")
	if err != nil {
		return err
	}
	hash, err := web.HashPassword(demoAdminPassword)
	if err != nil {
		return err
	}
	size := postgres.FullScale.Times(*fraction)
	start := time.Now()
	c, err := a.store.SeedScale(ctx, size, start, postgres.Media{SHA256: p.SHA256, Mime: p.Mime, Kind: p.Kind, Size: p.Size, Path: p.Path}, hash)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "scale data set loaded in %s: kabupaten %s, %d kecamatan, %d desa, %d dusun, %d residents (%d role holders), "+
		"%d gagasan (%d history rows), %d meetings (%d invitations), %d kegiatan (%d reports, %d photos), %d complaints; "+
		"admin site logins %s<kecamatan> (%s.01 …) / %s\n",
		time.Since(start).Round(100*time.Millisecond), postgres.ScaleKabupaten, c.Kecamatan, c.Desa, c.Dusun, c.Residents, c.RoleHolders,
		c.Gagasan, c.History, c.Meetings, c.Invitations, c.Kegiatan, c.Reports, c.Photos, c.Complaints,
		postgres.ScaleAdminPrefix, postgres.ScaleKabupaten, demoAdminPassword)
	return nil
}

// scalePage is one page the scale report times.
type scalePage struct{ name, path string }

// benchScale: bench scale [--requests 50] reports on the scale data set:
// the busiest kecamatan's board, print view and its facilitator's five
// busiest admin pages through the real web handler, the fan-outs of a
// kecamatan, of the kabupaten and to every resident, and the database's
// size. It ends with one line of key=value figures.
func benchScale(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench scale", flag.ContinueOnError)
	fs.SetOutput(out)
	requests := fs.Int("requests", 50, "requests per page")
	kab := fs.String("kabupaten", postgres.ScaleKabupaten, "the kabupaten measured")
	fanouts := fs.Bool("fanout", true, "time the fan-outs too")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *requests < 1 {
		return fmt.Errorf("%w: bench scale [--requests 50] [--kabupaten 34.04]", errUsage)
	}
	st, err := postgres.Open(ctx, cfg.DatabaseURL, cfg.DBMaxConns)
	if err != nil {
		return err
	}
	defer st.Close()
	t, err := st.ScaleTargetsOf(ctx, *kab)
	if err != nil {
		return err
	}
	if t.Admin == "" || t.KPMD == "" || t.Meeting == "" {
		return fmt.Errorf("kecamatan %s has no facilitator login, KPMD or meeting: load the scale data set (seed scale)", t.Kecamatan)
	}
	files, err := media.NewLocal(filepath.Join(cfg.DataDir, "media"), cfg.MediaMaxMB<<20)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	srv := &web.Server{Store: st, Media: files, Log: slog.New(slog.DiscardHandler)}
	srv.Register(mux)
	hs := httptest.NewServer(mux)
	defer hs.Close()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	// The facilitator logs in as a browser does.
	resp, err := client.PostForm(hs.URL+"/admin/masuk", url.Values{"username": {t.Admin}, "password": {demoAdminPassword}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/admin/" || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("logging in as %s: %s at %s (the scale data set's password is the demo's)", t.Admin, resp.Status, resp.Request.URL.Path)
	}
	fmt.Fprintf(out, "scale: kabupaten %s; kecamatan %s (facilitator %s), desa %s, meeting %s; %d requests a page\n",
		*kab, t.Kecamatan, t.Admin, t.Desa, t.Meeting, *requests)
	var figures []string
	for _, p := range []scalePage{
		{"board", "/desa/" + t.Desa}, {"print", "/desa/" + t.Desa + "/cetak"},
		{"home", "/admin/"}, {"gagasan", "/admin/gagasan"}, {"meetings", "/admin/rapat"},
		{"meeting", "/admin/rapat/" + t.Meeting}, {"people", "/admin/warga"},
	} {
		lat, size, err := timePage(ctx, client, hs.URL+p.path, *requests)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.path, err)
		}
		fmt.Fprintf(out, "page %-8s %-34s p50 %6.1f ms, p95 %6.1f ms (%d kB)\n", p.name, p.path, pct(lat, 50), pct(lat, 95), size>>10)
		figures = append(figures, fmt.Sprintf("%s_p50_ms=%.1f %s_p95_ms=%.1f", p.name, pct(lat, 50), p.name, pct(lat, 95)))
	}
	// Participation figures (postgres.ParticipationIn) for the kecamatan
	// and for the kabupaten, this year's cycle.
	for _, q := range []struct{ name, scope string }{{"participation_kec", t.Kecamatan}, {"participation_kab", *kab}} {
		var lat []time.Duration
		now := time.Now()
		for i := -2; i < *requests; i++ {
			t0 := time.Now()
			if _, err := st.ParticipationIn(ctx, q.scope, now.Year(), now); err != nil {
				return fmt.Errorf("participation of %s: %w", q.scope, err)
			}
			if i >= 0 {
				lat = append(lat, time.Since(t0))
			}
		}
		fmt.Fprintf(out, "query %-17s %-25s p50 %6.1f ms, p95 %6.1f ms\n", q.name, q.scope, pct(lat, 50), pct(lat, 95))
		figures = append(figures, fmt.Sprintf("%s_p50_ms=%.1f", q.name, pct(lat, 50)))
	}
	// The size before the fan-outs, whose rows are deleted again but
	// leave dead rows until a vacuum.
	size, err := st.DatabaseSize(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "database: %d MB\n", size>>20)
	figures = append(figures, fmt.Sprintf("db_mb=%d", size>>20))
	for _, f := range []struct {
		name, what string
		desa       []string
		aud        domain.Audience
		typ        domain.MeetingType
	}{
		{"kecamatan", "MAD sosialisasi of kecamatan " + t.Kecamatan + ": its role holders", []string{t.Desa}, domain.AudienceMAD, domain.MeetingMADSosialisasi},
		{"kabupaten", fmt.Sprintf("MAD sosialisasi in all %d kecamatan: every role holder", len(t.KecamatanDesa)),
			t.KecamatanDesa, domain.AudienceMAD, domain.MeetingMADSosialisasi},
		{"residents", fmt.Sprintf("Musdes sosialisasi in all %d desa: every resident", len(t.AllDesa)),
			t.AllDesa, domain.AudienceDesa, domain.MeetingMusdesSosialisasi},
	} {
		if !*fanouts {
			break
		}
		n, took, err := timeFanOut(ctx, st, domain.Phone(t.KPMD), f.desa, f.aud, f.typ)
		if err != nil {
			return fmt.Errorf("fan-out %s: %w", f.name, err)
		}
		fmt.Fprintf(out, "fan-out %-9s %s: %d invited in %s (%.0f a second)\n", f.name, f.what, n, took.Round(time.Millisecond),
			float64(n)/took.Seconds())
		figures = append(figures, fmt.Sprintf("fanout_%s_n=%d fanout_%s_ms=%d", f.name, n, f.name, took.Milliseconds()))
	}
	fmt.Fprintln(out, "scale: "+strings.Join(figures, " "))
	return nil
}

// timePage gets a page n times, after two requests that warm the caches,
// and returns each request's time and the page's size.
func timePage(ctx context.Context, client *http.Client, u string, n int) ([]time.Duration, int, error) {
	var lat []time.Duration
	size := 0
	for i := -2; i < n; i++ {
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return nil, 0, err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(t0)
		if err != nil {
			return nil, 0, err
		}
		if resp.StatusCode != http.StatusOK || resp.Request.URL.String() != u {
			return nil, 0, fmt.Errorf("%s at %s", resp.Status, resp.Request.URL)
		}
		if i >= 0 {
			lat = append(lat, took)
		}
		size = len(b)
	}
	return lat, size, nil
}

// timeFanOut creates one meeting in each desa, as UNDANG does (one turn,
// the store's fan-out: every invitation queued), times it to the commit,
// then removes the meetings and their messages again.
func timeFanOut(ctx context.Context, st *postgres.Store, by domain.Phone, desa []string, aud domain.Audience,
	typ domain.MeetingType) (int, time.Duration, error) {
	text := postgres.Texts{"id": "Undangan untuk Bapak/Ibu {nama}: rapat sosialisasi.", "jv": "Ulem kagem Bapak/Ibu {nama}: rapat sosialisasi.",
		"su": "Uleman kanggo Bapa/Ibu {nama}: rapat sosialisasi."}
	post := postgres.Texts{"id": "Undangan rapat sosialisasi: balas HADIR ke nomor ini secara pribadi."}
	var codes []string
	defer func() {
		if len(codes) > 0 {
			_, _ = st.DropMeetings(context.WithoutCancel(ctx), codes)
		}
	}()
	start := time.Now()
	turn, err := st.BeginTurn(ctx, by)
	if err != nil {
		return 0, 0, err
	}
	defer turn.Rollback()
	total := 0
	for _, d := range desa {
		code := domain.NewCode(domain.CodeRapat, nil)
		n, err := turn.CreateMeeting(ctx, domain.Meeting{Code: code, Type: typ, DesaKode: d, Audience: aud,
			StartsAt: start.Add(14 * 24 * time.Hour), Place: "Balai Desa"}, nil, text, post, postgres.DefaultReminders)
		if err != nil {
			return 0, 0, err
		}
		codes = append(codes, code)
		total += n
	}
	if err := turn.Commit(); err != nil {
		return 0, 0, err
	}
	return total, time.Since(start), nil
}
