package main

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/sim"
	"github.com/suaradesa/suaradesa/bot/sms/android"
	"github.com/suaradesa/suaradesa/bot/sms/gammu"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Config is the service's configuration: defaults, then the environment.
// Every variable is listed in the README.
type Config struct {
	DatabaseURL string
	RedisURL    string
	HTTPAddr    string
	DataDir     string
	SimEnabled  bool
	SimToken    string
	// SimGroups are the simulated WhatsApp groups the simulator starts
	// with (SIM_GROUPS: a JSON file), SimGroupGap the least time between
	// two posts to one of them (SIM_GROUP_GAP, a minute as on WhatsApp).
	SimGroups   []sim.GroupSpec
	SimGroupGap time.Duration
	// TrustForwardedFor: a reverse proxy on this host appends the client's
	// address to X-Forwarded-For; the login limits count that address.
	TrustForwardedFor bool
	SessionTimeout    time.Duration
	DBMaxConns        int
	MediaMaxMB        int
	LogLevel          string
	LogFormat         string

	WhatsAppEnabled   bool
	WhatsAppMaxAge    time.Duration
	WhatsAppDailyCap  int
	WhatsAppRampStart time.Time
	// WhatsAppPerSecond and WhatsAppPerMinute are each whatsmeow number's
	// ceiling over all its conversations (README, "Pacing").
	WhatsAppPerSecond int
	WhatsAppPerMinute int

	Cloud whatsappcloud.Config // enabled when PhoneNumberID is set

	Reminders postgres.ReminderPlan

	// SMS gateways, one per desa or kecamatan: SMS_ANDROID_* and SMS_GAMMU_*,
	// then SMS_ANDROID_2_* … SMS_ANDROID_9_* for more phones (likewise Gammu).
	Androids []AndroidGateway
	Gammus   []gammu.Config
	// SMSFallback is the SMS channel that takes the pushes and broadcasts
	// WhatsApp could not deliver (default: the first SMS gateway); after
	// FallbackAfter still queued on WhatsApp, they go by SMS.
	SMSFallback   string
	FallbackAfter time.Duration
	// ChannelEnv are the scopes and numbers the environment gives channels,
	// by channel name: SMS_ANDROID[_N]_SCOPE and _NUMBER, SMS_GAMMU[_N]_…,
	// WHATSAPP_CLOUD_SCOPE and _NUMBER (a scope "-" is everywhere). They
	// win over `suaradesa kanal cakupan` at each start.
	ChannelEnv map[string]postgres.KanalRun

	// MinPublicCount: household counts below it show as "< N" on public pages.
	MinPublicCount int
	// MetricsAddr, when set, is a listener of its own for /metrics and, on
	// a loopback address only, Go's profiler (/debug/pprof/); the public
	// listener serves neither.
	MetricsAddr string
	// PublicURL is where users reach the service (https://… behind a TLS
	// proxy); the admin cookie is Secure when it is https.
	PublicURL string

	// Retention: message texts and unattached files older than these are purged.
	Retention postgres.Retention
	// Controller is the data controller the consent text names.
	Controller string
}

// AndroidGateway is one phone running SMS Gateway for Android.
type AndroidGateway struct {
	android.Config
	WebhookURL string // our public webhook URL, for register-webhooks
}

// gatewaySuffixes name the numbered gateway variables: SMS_ANDROID_URL,
// SMS_ANDROID_2_URL, … SMS_ANDROID_9_URL.
var gatewaySuffixes = []string{"", "_2", "_3", "_4", "_5", "_6", "_7", "_8", "_9"}

func loadGateways(c *Config, getenv func(string) string) error {
	names := map[string]bool{}
	unique := func(name string) error {
		if names[name] {
			return fmt.Errorf("two SMS gateways are named %q: set SMS_…_NAME", name)
		}
		names[name] = true
		return nil
	}
	for _, sfx := range gatewaySuffixes {
		v := func(name string) string { return getenv("SMS_ANDROID" + sfx + "_" + name) }
		if v("URL") != "" {
			g := AndroidGateway{Config: android.Config{Name: v("NAME"), URL: v("URL"), User: v("USER"), Password: v("PASSWORD"),
				SigningKey: v("SIGNING_KEY")}, WebhookURL: v("WEBHOOK_URL")}
			if g.Name == "" {
				g.Name = "android" + strings.TrimPrefix(sfx, "_")
			}
			if g.User == "" || g.Password == "" || g.SigningKey == "" {
				return fmt.Errorf("SMS_ANDROID%s_URL needs SMS_ANDROID%s_USER, SMS_ANDROID%s_PASSWORD and SMS_ANDROID%s_SIGNING_KEY", sfx, sfx, sfx, sfx)
			}
			if err := unique(g.Name); err != nil {
				return err
			}
			c.Androids = append(c.Androids, g)
			if err := c.channelEnv(bot.ChannelName(bot.KindSMS, g.Name), "SMS_ANDROID"+sfx, getenv); err != nil {
				return err
			}
		}
		g := func(name string) string { return getenv("SMS_GAMMU" + sfx + "_" + name) }
		if g("URL") != "" {
			cfg := gammu.Config{Name: g("NAME"), URL: g("URL"), PhoneID: g("PHONE_ID")}
			if cfg.Name == "" {
				cfg.Name = "gammu" + strings.TrimPrefix(sfx, "_")
			}
			if err := unique(cfg.Name); err != nil {
				return err
			}
			c.Gammus = append(c.Gammus, cfg)
			if err := c.channelEnv(bot.ChannelName(bot.KindSMS, cfg.Name), "SMS_GAMMU"+sfx, getenv); err != nil {
				return err
			}
		}
	}
	c.SMSFallback = getenv("SMS_FALLBACK")
	if c.SMSFallback == "" {
		switch {
		case len(c.Androids) > 0:
			c.SMSFallback = bot.ChannelName(bot.KindSMS, c.Androids[0].Name)
		case len(c.Gammus) > 0:
			c.SMSFallback = bot.ChannelName(bot.KindSMS, c.Gammus[0].Name)
		}
	} else if kind, name := bot.ChannelKind(c.SMSFallback); c.SMSFallback != "off" && (kind != bot.KindSMS || !names[name]) {
		return fmt.Errorf("SMS_FALLBACK %q is not a configured SMS gateway (sms:NAME) or off", c.SMSFallback)
	}
	if c.SMSFallback == "off" {
		c.SMSFallback = ""
	}
	c.FallbackAfter = time.Hour
	if v := getenv("SMS_FALLBACK_AFTER"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("SMS_FALLBACK_AFTER %q is not a duration such as 1h", v)
		}
		c.FallbackAfter = d
	}
	return nil
}

func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL:       "postgres://suaradesa@127.0.0.1:5432/suaradesa?sslmode=disable",
		RedisURL:          "redis://127.0.0.1:6379/0",
		HTTPAddr:          "127.0.0.1:8080",
		DataDir:           ".data/files",
		SessionTimeout:    30 * time.Minute,
		DBMaxConns:        20,
		MediaMaxMB:        10,
		LogLevel:          "info",
		LogFormat:         "text",
		WhatsAppMaxAge:    6 * time.Hour,
		WhatsAppDailyCap:  300,
		WhatsAppPerSecond: 1,
		WhatsAppPerMinute: 30,
	}
	str := func(name string, dst *string) {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	str("DATABASE_URL", &c.DatabaseURL)
	str("REDIS_URL", &c.RedisURL)
	str("HTTP_ADDR", &c.HTTPAddr)
	str("DATA_DIR", &c.DataDir)
	str("SIM_TOKEN", &c.SimToken)
	str("LOG_LEVEL", &c.LogLevel)
	str("LOG_FORMAT", &c.LogFormat)
	str("METRICS_ADDR", &c.MetricsAddr)
	str("PUBLIC_URL", &c.PublicURL)
	str("DATA_CONTROLLER", &c.Controller)
	str("WHATSAPP_CLOUD_PHONE_NUMBER_ID", &c.Cloud.PhoneNumberID)
	str("WHATSAPP_CLOUD_TOKEN", &c.Cloud.AccessToken)
	str("WHATSAPP_CLOUD_APP_SECRET", &c.Cloud.AppSecret)
	str("WHATSAPP_CLOUD_VERIFY_TOKEN", &c.Cloud.VerifyToken)
	str("WHATSAPP_CLOUD_TEMPLATE", &c.Cloud.Template)
	str("WHATSAPP_CLOUD_TEMPLATE_PREFIX", &c.Cloud.TemplatePrefix)
	str("WHATSAPP_CLOUD_API_BASE", &c.Cloud.APIBase)
	plan := "24h,2h"
	str("MEETING_REMINDERS", &plan)
	reminders, err := postgres.ParseReminderPlan(plan)
	if err != nil {
		return c, fmt.Errorf("MEETING_REMINDERS: %s", domain.ErrorMessageOf(err))
	}
	c.Reminders = reminders
	if err := loadGateways(&c, getenv); err != nil {
		return c, err
	}
	if c.Cloud.PhoneNumberID != "" {
		if err := c.channelEnv(bot.ChannelName(bot.KindWhatsAppCloud, c.Cloud.PhoneNumberID), "WHATSAPP_CLOUD", getenv); err != nil {
			return c, err
		}
	}
	if c.Cloud.PhoneNumberID != "" && (c.Cloud.AccessToken == "" || c.Cloud.AppSecret == "" || c.Cloud.VerifyToken == "") {
		return c, fmt.Errorf("WHATSAPP_CLOUD_PHONE_NUMBER_ID needs WHATSAPP_CLOUD_TOKEN, WHATSAPP_CLOUD_APP_SECRET and WHATSAPP_CLOUD_VERIFY_TOKEN")
	}
	if v := getenv("SESSION_TIMEOUT"); v != "" {
		if c.SessionTimeout, err = time.ParseDuration(v); err != nil || c.SessionTimeout <= 0 {
			return c, fmt.Errorf("SESSION_TIMEOUT %q is not a duration such as 30m", v)
		}
	}
	c.Retention = postgres.Retention{Messages: 365 * 24 * time.Hour, Media: 180 * 24 * time.Hour}
	for name, dst := range map[string]*time.Duration{"RETENTION_MESSAGES": &c.Retention.Messages, "RETENTION_MEDIA": &c.Retention.Media} {
		if v := getenv(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d < 24*time.Hour {
				return c, fmt.Errorf("%s %q is not a duration of a day or more, such as 8760h", name, v)
			}
			*dst = d
		}
	}
	if v := getenv("WHATSAPP_MAX_AGE"); v != "" {
		if c.WhatsAppMaxAge, err = time.ParseDuration(v); err != nil || c.WhatsAppMaxAge <= 0 {
			return c, fmt.Errorf("WHATSAPP_MAX_AGE %q is not a duration such as 6h", v)
		}
	}
	if v := getenv("WHATSAPP_RAMP_START"); v != "" {
		if c.WhatsAppRampStart, err = time.Parse("2006-01-02", v); err != nil {
			return c, fmt.Errorf("WHATSAPP_RAMP_START %q is not a date such as 2026-11-28", v)
		}
	}
	if c.WhatsAppEnabled, err = boolEnv(getenv, "WHATSAPP_ENABLED", false); err != nil {
		return c, err
	}
	if c.TrustForwardedFor, err = boolEnv(getenv, "TRUST_X_FORWARDED_FOR", false); err != nil {
		return c, err
	}
	c.MinPublicCount = 3
	for name, dst := range map[string]*int{"DB_MAX_CONNS": &c.DBMaxConns, "MEDIA_MAX_MB": &c.MediaMaxMB, "WHATSAPP_DAILY_CAP": &c.WhatsAppDailyCap,
		"PUBLIC_MIN_COUNT": &c.MinPublicCount, "WHATSAPP_MAX_PER_SECOND": &c.WhatsAppPerSecond, "WHATSAPP_MAX_PER_MINUTE": &c.WhatsAppPerMinute} {
		if v := getenv(name); v != "" {
			if *dst, err = strconv.Atoi(v); err != nil || *dst <= 0 {
				return c, fmt.Errorf("%s %q is not a positive number", name, v)
			}
		}
	}
	if c.SimEnabled, err = boolEnv(getenv, "SIM_ENABLED", false); err != nil {
		return c, err
	}
	if path := getenv("SIM_GROUPS"); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("SIM_GROUPS: %w", err)
		}
		if c.SimGroups, err = sim.ParseGroupSpecs(raw); err != nil {
			return c, fmt.Errorf("SIM_GROUPS %s: %w", path, err)
		}
	}
	if v := getenv("SIM_GROUP_GAP"); v != "" {
		if c.SimGroupGap, err = time.ParseDuration(v); err != nil || c.SimGroupGap <= 0 {
			return c, fmt.Errorf("SIM_GROUP_GAP %q is not a duration such as 1m", v)
		}
	}
	if err := checkExposure(c, getenv); err != nil {
		return c, err
	}
	c.Cloud.MaxAge = c.WhatsAppMaxAge
	return c, nil
}

// minSimToken is the shortest SIM_TOKEN accepted: the simulator lets its
// holder speak as any number.
const minSimToken = 16

// checkExposure refuses the combinations that would expose the service:
// the simulator open to whoever reaches it, an admin cookie that is not
// Secure on a public address, the profiler off this host. A loopback
// address is no proof of safety: behind a reverse proxy every request is
// local, so PUBLIC_URL, not HTTP_ADDR, says whether users come from afar.
func checkExposure(c Config, getenv func(string) string) error {
	if getenv("PPROF_ADDR") != "" {
		return fmt.Errorf("PPROF_ADDR is replaced by METRICS_ADDR (metrics and, on a loopback address, the profiler)")
	}
	if c.SimToken != "" && len(c.SimToken) < minSimToken {
		return fmt.Errorf("SIM_TOKEN has %d characters: use at least %d (e.g. openssl rand -hex 16)", len(c.SimToken), minSimToken)
	}
	loopback := isLoopback(c.HTTPAddr)
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return fmt.Errorf("PUBLIC_URL %q is not an address such as https://suaradesa.example.id", c.PublicURL)
		}
		if u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
			return fmt.Errorf("PUBLIC_URL %q is not https: admin passwords and cookies would cross the network in clear", c.PublicURL)
		}
	} else if !loopback {
		return fmt.Errorf("HTTP_ADDR %s is not a loopback address: set PUBLIC_URL (https://…), so that the admin cookie is Secure", c.HTTPAddr)
	}
	if c.SimEnabled && c.SimToken == "" && (!loopback || c.PublicURL != "") {
		return fmt.Errorf("SIM_ENABLED on a service others reach (HTTP_ADDR %s, PUBLIC_URL %q) needs SIM_TOKEN: the simulator lets anyone speak as any number", c.HTTPAddr, c.PublicURL)
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return fmt.Errorf("METRICS_ADDR %q is not an address such as 127.0.0.1:9090", c.MetricsAddr)
		}
		if c.MetricsAddr == c.HTTPAddr {
			return fmt.Errorf("METRICS_ADDR is HTTP_ADDR (%s): metrics need a listener of their own", c.HTTPAddr)
		}
	}
	return nil
}

// SecureCookies: the admin cookie is Secure when users come by https.
func (c Config) SecureCookies() bool { return strings.HasPrefix(c.PublicURL, "https://") }

func boolEnv(getenv func(string) string, name string, def bool) (bool, error) {
	switch v := getenv(name); v {
	case "":
		return def, nil
	case "1", "true", "on", "yes":
		return true, nil
	case "0", "false", "off", "no":
		return false, nil
	default:
		return false, fmt.Errorf("%s %q is not true or false", name, v)
	}
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && isLoopbackHost(host)
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
