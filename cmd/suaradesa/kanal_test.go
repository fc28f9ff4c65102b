package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

func TestCLIKanal(t *testing.T) {
	cmd := cli(t)
	if _, err := cmd("seed", "demo"); err != nil {
		t.Fatal(err)
	}
	// No service set it: no warning.
	if out, err := cmd("kanal", "cakupan", "sms:bimo", "34.04.11.2002", "--nomor", "0812 0000 0003"); err != nil ||
		!strings.Contains(out, "sms:bimo serves 34.04.11.2002") || strings.Contains(out, "warning") {
		t.Fatalf("cakupan: %v %s", err, out)
	}
	if out, err := cmd("kanal", "cakupan", "whatsapp:+6281200000001", "34.04"); err != nil || !strings.Contains(out, "34.04") {
		t.Fatalf("cakupan of a kabupaten: %v %s", err, out)
	}
	if _, err := cmd("kanal", "cakupan", "sms:lain", "34.04.99"); err == nil || !strings.Contains(errorText(err), "region 34.04.99 does not exist") {
		t.Fatalf("a kecamatan that does not exist: %v", err)
	}
	if _, err := cmd("kanal", "cakupan", "sms:lain", "Ngemplak"); err == nil || !strings.Contains(errorText(err), `scope "Ngemplak" is not a region code`) {
		t.Fatalf("a name for a code: %v", err)
	}
	if _, err := cmd("kanal", "cakupan", "telegram", "34.04"); !errors.Is(err, errUsage) {
		t.Fatalf("an unknown kind of channel: %v", err)
	}
	if _, err := cmd("kanal", "cakupan", "sms:bimo", "34.04", "--nomor", "123"); err == nil || !strings.Contains(errorText(err), "phone") {
		t.Fatalf("a bad number: %v", err)
	}
	if _, err := cmd("kanal", "cakupan", "sms:bimo", "34.04", "--nama", "x"); !errors.Is(err, errUsage) {
		t.Fatalf("an unknown flag: %v", err)
	}
	if _, err := cmd("kanal"); !errors.Is(err, errUsage) {
		t.Fatalf("kanal alone: %v", err)
	}
	row := func(name string) string {
		t.Helper()
		out, err := cmd("kanal", "list")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 0 && f[0] == name {
				return strings.Join(f, " ")
			}
		}
		return ""
	}
	// The WhatsApp number's is its name's; nothing runs: not active.
	if got := row("sms:bimo"); got != "sms:bimo 34.04.11.2002 (Desa Bimomartani) +6281200000003 no" {
		t.Errorf("sms:bimo listed as %q", got)
	}
	if got := row("whatsapp:+6281200000001"); got != "whatsapp:+6281200000001 34.04 +6281200000001 no" {
		t.Errorf("whatsapp listed as %q", got)
	}
	if _, err := cmd("kanal", "cakupan", "sms:bimo", "-", "--nomor", "-"); err != nil {
		t.Fatal(err)
	}
	if got := row("sms:bimo"); got != "sms:bimo everywhere - no" {
		t.Errorf("cleared: %q", got)
	}
}

func TestConfigChannelScopes(t *testing.T) {
	env := map[string]string{
		"SMS_ANDROID_URL": "http://10.0.0.5:8080", "SMS_ANDROID_USER": "sms", "SMS_ANDROID_PASSWORD": "p", "SMS_ANDROID_SIGNING_KEY": "k",
		"SMS_ANDROID_SCOPE": "34.04.11.2002", "SMS_ANDROID_NUMBER": "0812 0000 0003",
		"SMS_GAMMU_2_URL": "postgres://smsd@127.0.0.1/smsd", "SMS_GAMMU_2_SCOPE": "-",
		"WHATSAPP_CLOUD_PHONE_NUMBER_ID": "1234", "WHATSAPP_CLOUD_TOKEN": "t", "WHATSAPP_CLOUD_APP_SECRET": "s", "WHATSAPP_CLOUD_VERIFY_TOKEN": "v",
		"WHATSAPP_CLOUD_NUMBER": "+6281200000007",
	}
	c, err := loadConfig(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	android, gammu, cloud := c.ChannelEnv["sms:android"], c.ChannelEnv["sms:gammu2"], c.ChannelEnv["whatsappcloud:1234"]
	if android.Cakupan == nil || *android.Cakupan != "34.04.11.2002" || android.Nomor != "+6281200000003" {
		t.Errorf("android %+v", android)
	}
	if gammu.Cakupan == nil || *gammu.Cakupan != "" || cloud.Cakupan != nil || cloud.Nomor != "+6281200000007" || len(c.ChannelEnv) != 3 {
		t.Errorf("gammu %+v, cloud %+v, all %v", gammu, cloud, c.ChannelEnv)
	}
	runs := kanalRuns{{Nama: "sim"}, {Nama: "sms:android"}, {Nama: "whatsappcloud:1234"}}.with(c.ChannelEnv)
	if runs[0].Cakupan != nil || *runs[1].Cakupan != "34.04.11.2002" || runs[1].Nomor != "+6281200000003" || runs[2].Nomor != "+6281200000007" {
		t.Errorf("runs %+v", runs)
	}
	env["SMS_ANDROID_NUMBER"] = "123"
	if _, err := loadConfig(envOf(env)); err == nil || !strings.Contains(err.Error(), "SMS_ANDROID_NUMBER") {
		t.Errorf("a bad number: %v", err)
	}
}

// serve records the channels it runs with the environment's scopes, and
// refuses to start on a scope that does not exist.
func TestServeRecordsChannels(t *testing.T) {
	env := sharedServers(t, 14)
	seedEnv(t, env)
	env = append(env, "HTTP_ADDR="+freeAddr(t), "SIM_ENABLED=true",
		"SMS_ANDROID_URL=http://127.0.0.1:9", "SMS_ANDROID_USER=sms", "SMS_ANDROID_PASSWORD=p", "SMS_ANDROID_SIGNING_KEY=k",
		"SMS_ANDROID_NAME=ngemplak", "SMS_ANDROID_SCOPE=34.04.11", "SMS_ANDROID_NUMBER=+6281200000002")
	getenv := func(k string) string { return envValue(env, k) }
	cfg, err := loadConfig(getenv)
	if err != nil {
		t.Fatal(err)
	}
	st, err := postgres.Open(context.Background(), cfg.DatabaseURL, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	kanalTouchEvery = 20 * time.Millisecond
	defer func() { kanalTouchEvery = postgres.KanalTouchEvery }()
	var list []postgres.Kanal
	for start := time.Now(); len(list) < 2; time.Sleep(50 * time.Millisecond) {
		if list, err = st.Kanals(context.Background()); err != nil && !strings.Contains(err.Error(), "kanal") {
			t.Fatal(err)
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("channels not recorded: %+v %v", list, err)
		}
	}
	if len(list) != 2 || list[0] != (postgres.Kanal{Nama: "sim", Aktif: true, UpdatedAt: list[0].UpdatedAt}) ||
		list[1].Nama != "sms:ngemplak" || list[1].Cakupan != "34.04.11" || list[1].Nomor != domain.Phone("+6281200000002") ||
		!list[1].Aktif || !list[1].CakupanEnv || !list[1].NomorEnv {
		t.Fatalf("recorded %+v", list)
	}

	// The CLI's change holds while serve runs (it says it still runs the
	// channel, without the environment's scope and number), with a
	// warning that the next start sets them again.
	var out bytes.Buffer
	if err := run(context.Background(), []string{"kanal", "cakupan", "sms:ngemplak", "34.04", "--nomor", "0812-0000-0009"}, getenv, &out, &out); err != nil ||
		!strings.Contains(out.String(), "sms:ngemplak's scope is set by its service's environment (…_SCOPE) at each start") ||
		!strings.Contains(out.String(), "sms:ngemplak's number is set by its service's environment (…_NUMBER) at each start") {
		t.Fatalf("kanal cakupan while serve runs: %v\n%s", err, out.String())
	}
	var changed time.Time
	if err := st.DB().Get(&changed, `SELECT updated_at FROM kanal WHERE nama = 'sms:ngemplak'`); err != nil {
		t.Fatal(err)
	}
	for start, ticked := time.Now(), false; !ticked; time.Sleep(20 * time.Millisecond) { // a tick well after the change
		if err := st.DB().Get(&ticked, `SELECT seen_at > $1::timestamptz + interval '100 milliseconds' FROM kanal WHERE nama = 'sms:ngemplak'`, changed); err != nil {
			t.Fatal(err)
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("serve stopped saying it runs sms:ngemplak")
		}
	}
	if list, err = st.Kanals(context.Background()); err != nil || list[1].Cakupan != "34.04" || list[1].Nomor != domain.Phone("+6281200000009") {
		t.Fatalf("after the ticks: %+v %v", list, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}

	cfg.ChannelEnv["sms:ngemplak"] = postgres.KanalRun{Nama: "sms:ngemplak", Cakupan: new("34.04.99")}
	err = serve(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(errorText(err), "region 34.04.99 does not exist") {
		t.Fatalf("a scope that does not exist: %v", err)
	}
}
