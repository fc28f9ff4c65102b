// Command suaradesa is the one binary of Suara Desa: the service and its
// administration commands. Run "suaradesa help" for the list.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/suaradesa/suaradesa/bot/sms/android"
	"github.com/suaradesa/suaradesa/domain"
)

const usage = `suaradesa — village development by WhatsApp and SMS

Usage:
  suaradesa serve                                 run the service (migrates first)
  suaradesa migrate                               apply database migrations
  suaradesa seed demo                             load the demo kecamatan, desa and people (idempotent)
  suaradesa wilayah import KODE                   load a province (34), kabupaten (34.04) or kecamatan (34.04.11)
                                                  with its desa from Kemendagri's list (embedded; idempotent)
  suaradesa seed scale [--fraction 1]             load the kabupaten-scale data set (Sleman: 300 desa, 100,000 residents; once)
  suaradesa desa import FILE.csv [--tz WIB]       import desa and dusun (kode,nama,kecamatan,dusun)
  suaradesa desa bahasa DESA_KODE id|jv|su        the language a desa's residents get until they choose (BAHASA)
  suaradesa desa nomor DESA_KODE WA|- SMS|-       the WhatsApp and SMS numbers its board shows ("-" for none)
  suaradesa katalog ekspor [FILE.csv]             the message catalog, one row per key: id, jv, su (for review)
  suaradesa katalog impor FILE.csv                store a reviewed catalog (used from the next start)
  suaradesa role grant PHONE ROLE DESA_KODE       roles: KPMD, TPK, TV, TPU, FASILITATOR
  suaradesa role revoke PHONE ROLE DESA_KODE
  suaradesa role list [DESA_KODE]                 SOURCE: the meeting whose election granted the role ("-": by hand)
  suaradesa gagasan list [DESA_KODE]
  suaradesa gagasan set-status CODE STATUS [--note TEXT]
  suaradesa kegiatan create --gagasan G-… --budget RUPIAH --tpk +62…[,+62…] [--volume N --unit m]
  suaradesa kegiatan list [DESA_KODE]
  suaradesa kegiatan cair K-… N                    record tranche N disbursed (the rules may refuse)
  suaradesa kegiatan serah-terima K-… --pemelihara +62…[,+62…]   hand over to a Tim Pemelihara
  suaradesa aduan set-status A-… STATUS [--note TEXT]
  suaradesa rapat list [DESA_KODE]
  suaradesa rapat hasil R-CODE --hadir N --perempuan N
  suaradesa alokasi KODE_KECAMATAN TAHUN JUMLAH [--stop-at-first] [--mkp 0.667]
                                                  a kecamatan's BLM allocation for a year's MAD (JUMLAH as people
                                                  write it: 750000000, 750.000.000, 750 juta, 1,5 M): skip a
                                                  proposal that does not fit (default) or stop at it; MKP share (0: off)
  suaradesa alokasi list [KODE]                   the allocations, newest year first
  suaradesa sms android register-webhooks [NAME]   tell the SMS phones where to post their events
  suaradesa admin create USER --role FASILITATOR|TPU|TV|AUDITOR --kecamatan KODE [--desa KODE]
  suaradesa admin create USER --role FASILITATOR_KAB|AUDITOR_KAB --kabupaten KODE
                                                  an admin site login (password from SUARADESA_ADMIN_PASSWORD or stdin)
  suaradesa bench [--residents 500 --concurrency 200 --pid PID]   load a running service; print msgs/s, latency, floor ratio
  suaradesa bench scale [--requests 50]           on the scale data set: page p50/p95, fan-outs, database size
  suaradesa kontak kanal PHONE CHANNEL|auto       pin the channel of a person's pushes (sms:NAME, whatsapp:+62…)
  suaradesa kanal cakupan CHANNEL KODE|- [--nomor +62…|-]   the region a channel's number serves (34.04, 34.04.11,
                                                  34.04.11.2002; "-" everywhere) and the number residents write to
  suaradesa kanal list                            the channels with their scope, number and whether they run
  suaradesa whatsapp pair [--phone +62…]          pair a number by QR code (or a pairing code)
  suaradesa whatsapp status                       list the paired numbers
  suaradesa whatsapp logout PHONE

Configuration comes from the environment (see README): DATABASE_URL,
REDIS_URL, HTTP_ADDR, PUBLIC_URL, DATA_DIR, SIM_ENABLED, SIM_TOKEN, SIM_GROUPS, METRICS_ADDR,
SESSION_TIMEOUT, ...
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "suaradesa:", errorText(err))
		os.Exit(exitCode(err))
	}
}

// errUsage reports a command line that does not parse.
var errUsage = errors.New("usage")

func errorText(err error) string {
	if errors.Is(err, errUsage) {
		return err.Error() + "\n\n" + usage
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Message
	}
	return err.Error()
}

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// run is the whole program: it parses args, reads the configuration from
// getenv and runs one subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, log)
	case "migrate":
		return withStore(ctx, cfg, func(a *admin) error { return a.migrate(ctx, log, stdout) })
	case "seed":
		switch {
		case len(args) == 2 && args[1] == "demo":
			return withStore(ctx, cfg, func(a *admin) error { return a.seedDemo(ctx, log, stdout) })
		case len(args) >= 2 && args[1] == "scale":
			return withStore(ctx, cfg, func(a *admin) error { return a.seedScale(ctx, args[2:], log, stdout) })
		}
		if len(args) == 1 {
			return withStore(ctx, cfg, func(a *admin) error { return a.seedDemo(ctx, log, stdout) })
		}
		return fmt.Errorf("%w: seed demo | seed scale [--fraction F]", errUsage)
	case "wilayah":
		return withStore(ctx, cfg, func(a *admin) error { return a.wilayah(ctx, args[1:], stdout) })
	case "desa":
		return withStore(ctx, cfg, func(a *admin) error { return a.desa(ctx, args[1:], stdout) })
	case "katalog":
		return withStore(ctx, cfg, func(a *admin) error { return a.katalog(ctx, args[1:], stdout) })
	case "role":
		return withStore(ctx, cfg, func(a *admin) error { return a.role(ctx, args[1:], stdout) })
	case "bench":
		if len(args) > 1 && args[1] == "scale" {
			return benchScale(ctx, cfg, args[2:], stdout)
		}
		return bench(ctx, cfg, args[1:], stdout)
	case "admin":
		return withStore(ctx, cfg, func(a *admin) error { return a.adminCmd(ctx, args[1:], os.Stdin, getenv, stdout) })
	case "kontak":
		return withStore(ctx, cfg, func(a *admin) error { return a.kontak(ctx, args[1:], stdout) })
	case "kanal":
		return withStore(ctx, cfg, func(a *admin) error { return a.kanal(ctx, args[1:], stdout) })
	case "gagasan":
		return withStore(ctx, cfg, func(a *admin) error { return a.gagasan(ctx, args[1:], stdout) })
	case "kegiatan":
		return withStore(ctx, cfg, func(a *admin) error { return a.kegiatan(ctx, args[1:], stdout) })
	case "aduan":
		return withStore(ctx, cfg, func(a *admin) error { return a.aduan(ctx, args[1:], stdout) })
	case "sms":
		return smsCmd(ctx, cfg, args[1:], log, stdout)
	case "rapat":
		return withStore(ctx, cfg, func(a *admin) error { return a.rapat(ctx, args[1:], stdout) })
	case "alokasi":
		return withStore(ctx, cfg, func(a *admin) error { return a.alokasi(ctx, args[1:], stdout) })
	case "whatsapp":
		return withStore(ctx, cfg, func(a *admin) error { return a.whatsappCmd(ctx, args[1:], log, stdout) })
	}
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(cfg.LogLevel))); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// smsCmd: sms android register-webhooks [NAME] tells each configured phone
// (or the one named) to post its events to our webhook.
func smsCmd(ctx context.Context, cfg Config, args []string, log *slog.Logger, stdout io.Writer) error {
	if len(args) < 2 || len(args) > 3 || args[0] != "android" || args[1] != "register-webhooks" {
		return fmt.Errorf("%w: sms android register-webhooks [NAME]", errUsage)
	}
	if len(cfg.Androids) == 0 {
		return errors.New("no phone configured: set SMS_ANDROID_URL and its credentials")
	}
	done := 0
	for _, g := range cfg.Androids {
		if len(args) == 3 && args[2] != g.Name {
			continue
		}
		phone := android.New(g.Config, nil, nil, log)
		if g.WebhookURL == "" {
			return fmt.Errorf("set the public URL of %s for phone %s (SMS_ANDROID…_WEBHOOK_URL)", phone.WebhookPath(), g.Name)
		}
		if err := phone.RegisterWebhooks(ctx, g.WebhookURL); err != nil {
			return fmt.Errorf("phone %s: %w", g.Name, err)
		}
		fmt.Fprintf(stdout, "phone %s now posts %s to %s\n", g.Name, strings.Join(android.Events, ", "), g.WebhookURL)
		done++
	}
	if done == 0 {
		return fmt.Errorf("no phone is named %q", args[2])
	}
	return nil
}
