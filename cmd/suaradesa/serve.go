package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"path/filepath"
	"sync"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/sim"
	"github.com/suaradesa/suaradesa/bot/sms/android"
	"github.com/suaradesa/suaradesa/bot/sms/gammu"
	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
	"github.com/suaradesa/suaradesa/web"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	goredis "github.com/redis/go-redis/v9"
	"go.mau.fi/whatsmeow/store/sqlstore"
)

// serve starts the parts in order — Postgres (migrated), Redis, media, the
// pipeline and dispatcher, the HTTP server — and stops them in reverse.
func serve(ctx context.Context, cfg Config, log *slog.Logger) error {
	if err := flow.CheckCatalog(); err != nil {
		return fmt.Errorf("message catalog: %w", err)
	}
	st, err := retry(ctx, log, "postgres", func() (*postgres.Store, error) {
		return postgres.Open(ctx, cfg.DatabaseURL, cfg.DBMaxConns)
	})
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx, log)
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		log.Info("schema migrated", "applied", applied)
	}
	if err := applyCatalogTexts(ctx, st); err != nil {
		return err
	}

	if _, err := goredis.ParseURL(cfg.RedisURL); err != nil {
		return fmt.Errorf("REDIS_URL: %w", err)
	}
	rdb, err := retry(ctx, log, "redis", func() (*goredis.Client, error) { return redis.Connect(ctx, cfg.RedisURL) })
	if err != nil {
		return err
	}
	defer rdb.Close()
	sessions := redis.New(rdb, redis.Options{})

	mediaDir := filepath.Join(cfg.DataDir, "media")
	files, err := media.NewLocal(mediaDir, cfg.MediaMaxMB<<20)
	if err != nil {
		return err
	}

	metrics := bot.NewMetrics(st)
	disp := &bot.Dispatcher{Store: st, Log: log, MediaDir: mediaDir, Metrics: metrics}
	pipe := &bot.Pipeline{Store: st, Sessions: sessions, Media: files, Log: log, Wake: disp.Wake, Timeout: cfg.SessionTimeout,
		Reminders: cfg.Reminders, Metrics: metrics, Controller: cfg.Controller, Scopes: &bot.Scopes{Store: st, Log: log}}
	var running kanalRuns // the channels this process runs, for the kanal table

	mux := http.NewServeMux()
	w := &web.Server{Store: st, Media: files, Log: log, SimEnabled: cfg.SimEnabled, SecureCookies: cfg.SecureCookies(), PublicURL: cfg.PublicURL,
		TrustForwardedFor: cfg.TrustForwardedFor, Wake: disp.WakeAll, MinPublicCount: cfg.MinPublicCount,
		Checks: []web.Check{
			{Name: "postgres", Fn: st.Ping},
			{Name: "redis", Fn: sessions.Ping},
		}}
	if cfg.SimEnabled {
		simCh := &sim.Channel{Pipeline: pipe, Outbox: st, Log: log, Token: cfg.SimToken, MediaDir: mediaDir, MaxMedia: cfg.MediaMaxMB << 20,
			GroupGap: cfg.SimGroupGap}
		// The store records the simulated groups (wa_groups); the
		// configured ones are announced at each start, as the WhatsApp
		// adapter's are after it connects.
		simCh.GroupStore = bot.GroupRecords{Store: st}
		if err := simCh.LoadGroups(ctx, cfg.SimGroups); err != nil {
			log.Warn("simulated groups", "err", err)
		}
		simCh.Register(mux)
		disp.Add(simCh)
		running.add(simCh.Name(), "")
		disp.OnSent = func(channel string, to []domain.Phone) {
			if channel == sim.Name {
				simCh.Notify(to...)
			}
		}
		log.Info("simulator enabled", "url", "http://"+cfg.HTTPAddr+"/sim", "token", cfg.SimToken != "")
	}

	// Channels connect until the HTTP side is down, then stop.
	chanCtx, stopChannels := context.WithCancel(context.WithoutCancel(ctx))
	defer stopChannels()
	var wg sync.WaitGroup
	if cfg.WhatsAppEnabled {
		adapters, devices, err := startWhatsApp(chanCtx, cfg, st, pipe, log, &wg)
		if err != nil {
			return err
		}
		for _, a := range adapters {
			disp.Add(a)
			_, number := bot.ChannelKind(a.Name())
			running.add(a.Name(), domain.Phone(number))
			w.Channels = append(w.Channels, web.Check{Name: a.Name(), Fn: a.Ready})
		}
		w.WhatsApp = &whatsappPanel{adapters: adapters, pairing: &whatsapp.Pairing{NewClient: func() (whatsapp.QRClient, error) {
			return whatsapp.NewClient(devices.NewDevice(), log), nil
		}}}
	}

	for _, g := range cfg.Androids {
		phone := android.New(g.Config, pipe, st, log)
		phone.Register(mux)
		disp.Add(phone)
		running.add(phone.Name(), "")
		log.Info("sms android gateway enabled", "channel", phone.Name(), "webhook", phone.WebhookPath())
	}
	for _, g := range cfg.Gammus {
		modem, err := retry(ctx, log, "gammu database "+g.Name, func() (*gammu.Adapter, error) { return gammu.Open(ctx, g, pipe, st, log) })
		if err != nil {
			return err
		}
		defer modem.Close()
		disp.Add(modem)
		running.add(modem.Name(), "")
		w.Channels = append(w.Channels, web.Check{Name: modem.Name(), Fn: modem.Ready})
		wg.Add(1)
		go func() {
			defer wg.Done()
			modem.Run(chanCtx)
		}()
		log.Info("sms gammu gateway enabled", "channel", modem.Name(), "schema", modem.Version())
	}
	if cfg.Cloud.PhoneNumberID != "" {
		cloud := whatsappcloud.New(cfg.Cloud, pipe, st, log)
		cloud.Register(mux)
		disp.Add(cloud)
		running.add(cloud.Name(), "")
		log.Info("whatsapp cloud api enabled", "channel", cloud.Name(), "webhook", "/whatsapp/cloud/"+cfg.Cloud.PhoneNumberID+"/webhook")
	}

	w.Register(mux)
	for _, c := range w.Channels {
		// 1 ready, 0 not: alert on a channel here (or on /readyz's body);
		// /readyz itself stays 200 while Postgres and Redis are up.
		metrics.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "suaradesa_channel_ready",
			Help: "Whether a channel (a WhatsApp number, a Gammu modem) is ready: 1 or 0.", ConstLabels: prometheus.Labels{"channel": c.Name}},
			func() float64 {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				if c.Fn(ctx) != nil {
					return 0
				}
				return 1
			}))
	}

	// The channels' scopes and numbers from the environment, at start only:
	// refused when it names a region that does not exist.
	if err := st.StartKanal(ctx, running.with(cfg.ChannelEnv)); err != nil {
		stopChannels()
		wg.Wait()
		return err
	}
	dispCtx, stopDisp := context.WithCancel(context.WithoutCancel(ctx))
	wg.Add(1)
	go func() {
		defer wg.Done()
		touchKanal(dispCtx, st, log, running)
	}()
	wg.Add(2)
	go func() {
		defer wg.Done()
		disp.Run(dispCtx)
	}()
	go func() {
		defer wg.Done()
		(&bot.Reminders{Store: st, Log: log, Wake: disp.WakeAll, MinPublicCount: cfg.MinPublicCount}).Run(dispCtx)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		(&bot.Retention{Store: st, Media: files, Log: log, Periods: cfg.Retention}).Run(dispCtx)
	}()
	// The fallback round runs without an SMS channel too: it queues the
	// personal copies of group posts that failed (bot.Fallback).
	wg.Add(1)
	go func() {
		defer wg.Done()
		(&bot.Fallback{Store: st, Log: log, Channel: cfg.SMSFallback, After: cfg.FallbackAfter, Wake: disp.Wake, WakeAll: disp.WakeAll}).Run(dispCtx)
	}()
	if cfg.SMSFallback != "" {
		log.Info("sms fallback for pushes and broadcasts", "channel", cfg.SMSFallback, "after", cfg.FallbackAfter)
	}

	// stopBackground ends what runs beside the public HTTP server — the
	// dispatcher and schedulers, the channels, the metrics listener — and
	// waits for all of it, on every way out of serve.
	var msrv *http.Server
	stopBackground := func() {
		stopDisp()
		stopChannels()
		if msrv != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			if err := msrv.Shutdown(ctx); err != nil {
				log.Warn("metrics shutdown", "err", err)
				_ = msrv.Close()
			}
			cancel()
		}
		wg.Wait()
	}
	if cfg.MetricsAddr != "" {
		// Metrics and the profiler on a listener of their own, never on
		// the public one; the profiler only on a loopback address.
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			stopBackground()
			return fmt.Errorf("listening on METRICS_ADDR %s: %w", cfg.MetricsAddr, err)
		}
		pm := http.NewServeMux()
		pm.Handle("GET /metrics", promhttp.HandlerFor(metrics.Registry, promhttp.HandlerOpts{}))
		if isLoopback(cfg.MetricsAddr) {
			pm.HandleFunc("/debug/pprof/", pprof.Index)
			pm.HandleFunc("/debug/pprof/profile", pprof.Profile)
			pm.HandleFunc("/debug/pprof/trace", pprof.Trace)
		}
		msrv = &http.Server{Handler: pm, ReadHeaderTimeout: 10 * time.Second}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := msrv.Serve(mln); !errors.Is(err, http.ErrServerClosed) {
				log.Warn("metrics listener", "err", err)
			}
		}()
		log.Info("metrics", "addr", "http://"+mln.Addr().String()+"/metrics", "pprof", isLoopback(cfg.MetricsAddr))
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		stopBackground()
		return fmt.Errorf("listening on %s: %w", cfg.HTTPAddr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "addr", "http://"+ln.Addr().String())

	select {
	case <-ctx.Done():
	case err := <-errc:
		stopBackground()
		return err
	}
	// Graceful: finish the requests (messages) in hand, then the batch the
	// dispatcher holds.
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("http shutdown", "err", err)
	}
	stopBackground()
	return nil
}

// startWhatsApp connects every paired WhatsApp number this process can
// hold (one process per number); each is a channel of its own.
func startWhatsApp(ctx context.Context, cfg Config, st *postgres.Store, pipe *bot.Pipeline, log *slog.Logger, wg *sync.WaitGroup) ([]*whatsapp.Adapter, *sqlstore.Container, error) {
	devices, err := whatsapp.OpenDevices(ctx, st.DB().DB, log)
	if err != nil {
		return nil, nil, err
	}
	all, err := devices.GetAllDevices(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("listing whatsapp devices: %w", err)
	}
	if len(all) == 0 {
		log.Warn("WHATSAPP_ENABLED but no number is paired: run `suaradesa whatsapp pair`")
	}
	pace := whatsapp.DefaultPace()
	pace.DailyCap, pace.RampStart = cfg.WhatsAppDailyCap, cfg.WhatsAppRampStart
	pace.PerSecond, pace.PerMinute = cfg.WhatsAppPerSecond, cfg.WhatsAppPerMinute
	var adapters []*whatsapp.Adapter
	for _, d := range all {
		phone, err := whatsapp.DevicePhone(d)
		if err != nil {
			continue
		}
		release, err := whatsapp.HoldNumber(ctx, st.DB().DB, phone)
		if errors.Is(err, whatsapp.ErrHeldElsewhere) {
			log.Info("whatsapp number served by another process", "phone", phone.Masked())
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		cli := whatsapp.NewClient(d, log)
		wcfg := whatsapp.Config{MaxAge: cfg.WhatsAppMaxAge, Pace: pace, MaxMedia: cfg.MediaMaxMB << 20}
		// The groups the number is in, their members and settings (wa_groups).
		wcfg.Groups = bot.GroupRecords{Store: st}
		a := whatsapp.New(phone, cli, cli.Store.LIDs, st, pipe, log, wcfg)
		whatsapp.Attach(cli, a)
		adapters = append(adapters, a)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer release()
			whatsapp.Run(ctx, cli, a)
		}()
		log.Info("whatsapp number connecting", "channel", a.Name())
	}
	return adapters, devices, nil
}

// whatsappPanel shows the admin site this process's WhatsApp numbers and
// pairs new ones.
type whatsappPanel struct {
	adapters []*whatsapp.Adapter
	pairing  *whatsapp.Pairing
}

func (p *whatsappPanel) Numbers() []web.WhatsAppNumber {
	var out []web.WhatsAppNumber
	for _, a := range p.adapters {
		_, phone := bot.ChannelKind(a.Name())
		out = append(out, web.WhatsAppNumber{Phone: phone, State: string(a.State())})
	}
	return out
}

func (p *whatsappPanel) StartPairing(ctx context.Context) error { return p.pairing.Start(ctx) }

func (p *whatsappPanel) Pairing() (string, string) {
	code, st := p.pairing.Current()
	return code, string(st)
}

// retry calls open until it succeeds or a minute passes: at boot the
// database may start after the service.
func retry[T any](ctx context.Context, log *slog.Logger, what string, open func() (T, error)) (T, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		v, err := open()
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			return v, err
		}
		log.Warn("waiting for "+what, "err", err)
		select {
		case <-ctx.Done():
			return v, ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}
