package main

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/bot/sms/android"
	"github.com/suaradesa/suaradesa/bot/sms/gammu"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Config is the service's configuration: defaults, then the environment.
// Every variable is listed in the README.
type Config struct {
	DatabaseURL    string
	RedisURL       string
	HTTPAddr       string
	DataDir        string
	SimEnabled     bool
	SimToken       string
	SessionTimeout time.Duration
	DBMaxConns     int
	MediaMaxMB     int
	LogLevel       string
	LogFormat      string

	WhatsAppEnabled   bool
	WhatsAppMaxAge    time.Duration
	WhatsAppDailyCap  int
	WhatsAppRampStart time.Time

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

	// MinPublicCount: household counts below it show as "< N" on public pages.
	MinPublicCount int
	// PprofAddr serves Go's profiler there when set (e.g. 127.0.0.1:6060).
	PprofAddr string

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
		}
	}
	c.SMSFallback = getenv("SMS_FALLBACK")
	if c.SMSFallback == "" {
		switch {
		case len(c.Androids) > 0:
			c.SMSFallback = "sms:" + c.Androids[0].Name
		case len(c.Gammus) > 0:
			c.SMSFallback = "sms:" + c.Gammus[0].Name
		}
	} else if c.SMSFallback != "off" && !names[strings.TrimPrefix(c.SMSFallback, "sms:")] {
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
		DatabaseURL:      "postgres://suaradesa@127.0.0.1:5432/suaradesa?sslmode=disable",
		RedisURL:         "redis://127.0.0.1:6379/0",
		HTTPAddr:         "127.0.0.1:8080",
		DataDir:          ".data/files",
		SessionTimeout:   30 * time.Minute,
		DBMaxConns:       20,
		MediaMaxMB:       10,
		LogLevel:         "info",
		LogFormat:        "text",
		WhatsAppMaxAge:   6 * time.Hour,
		WhatsAppDailyCap: 300,
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
	str("PPROF_ADDR", &c.PprofAddr)
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
	c.MinPublicCount = 3
	for name, dst := range map[string]*int{"DB_MAX_CONNS": &c.DBMaxConns, "MEDIA_MAX_MB": &c.MediaMaxMB, "WHATSAPP_DAILY_CAP": &c.WhatsAppDailyCap,
		"PUBLIC_MIN_COUNT": &c.MinPublicCount} {
		if v := getenv(name); v != "" {
			if *dst, err = strconv.Atoi(v); err != nil || *dst <= 0 {
				return c, fmt.Errorf("%s %q is not a positive number", name, v)
			}
		}
	}
	loopback := isLoopback(c.HTTPAddr)
	if c.SimEnabled, err = boolEnv(getenv, "SIM_ENABLED", loopback); err != nil {
		return c, err
	}
	if c.SimEnabled && !loopback && c.SimToken == "" {
		return c, fmt.Errorf("SIM_ENABLED on a public address (%s) needs SIM_TOKEN: the simulator lets anyone speak as any number", c.HTTPAddr)
	}
	c.Cloud.MaxAge = c.WhatsAppMaxAge
	return c, nil
}

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
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
