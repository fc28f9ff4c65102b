package main

import (
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/suaradesa/suaradesa/bot/sms/android"
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

	Android           android.Config // enabled when URL is set
	AndroidWebhookURL string         // our public webhook URL, for register-webhooks
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
	str("WHATSAPP_CLOUD_PHONE_NUMBER_ID", &c.Cloud.PhoneNumberID)
	str("WHATSAPP_CLOUD_TOKEN", &c.Cloud.AccessToken)
	str("WHATSAPP_CLOUD_APP_SECRET", &c.Cloud.AppSecret)
	str("WHATSAPP_CLOUD_VERIFY_TOKEN", &c.Cloud.VerifyToken)
	str("WHATSAPP_CLOUD_TEMPLATE", &c.Cloud.Template)
	str("WHATSAPP_CLOUD_API_BASE", &c.Cloud.APIBase)
	plan := "24h,2h"
	str("MEETING_REMINDERS", &plan)
	reminders, err := postgres.ParseReminderPlan(plan)
	if err != nil {
		return c, fmt.Errorf("MEETING_REMINDERS: %s", domain.ErrorMessageOf(err))
	}
	c.Reminders = reminders
	c.Android.Name = "android"
	str("SMS_ANDROID_NAME", &c.Android.Name)
	str("SMS_ANDROID_URL", &c.Android.URL)
	str("SMS_ANDROID_USER", &c.Android.User)
	str("SMS_ANDROID_PASSWORD", &c.Android.Password)
	str("SMS_ANDROID_SIGNING_KEY", &c.Android.SigningKey)
	str("SMS_ANDROID_WEBHOOK_URL", &c.AndroidWebhookURL)
	if c.Android.URL != "" && (c.Android.User == "" || c.Android.Password == "" || c.Android.SigningKey == "") {
		return c, fmt.Errorf("SMS_ANDROID_URL needs SMS_ANDROID_USER, SMS_ANDROID_PASSWORD and SMS_ANDROID_SIGNING_KEY")
	}
	if c.Cloud.PhoneNumberID != "" && (c.Cloud.AccessToken == "" || c.Cloud.AppSecret == "" || c.Cloud.VerifyToken == "") {
		return c, fmt.Errorf("WHATSAPP_CLOUD_PHONE_NUMBER_ID needs WHATSAPP_CLOUD_TOKEN, WHATSAPP_CLOUD_APP_SECRET and WHATSAPP_CLOUD_VERIFY_TOKEN")
	}
	if v := getenv("SESSION_TIMEOUT"); v != "" {
		if c.SessionTimeout, err = time.ParseDuration(v); err != nil || c.SessionTimeout <= 0 {
			return c, fmt.Errorf("SESSION_TIMEOUT %q is not a duration such as 30m", v)
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
	for name, dst := range map[string]*int{"DB_MAX_CONNS": &c.DBMaxConns, "MEDIA_MAX_MB": &c.MediaMaxMB, "WHATSAPP_DAILY_CAP": &c.WhatsAppDailyCap} {
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
