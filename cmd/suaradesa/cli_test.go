package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/storetest"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfig(t *testing.T) {
	c, err := loadConfig(envOf(nil))
	// The simulator is off unless SIM_ENABLED says so (it was on by
	// default on a loopback address, which a reverse proxy makes every
	// request; see TestConfigExposure).
	if err != nil || c.HTTPAddr != "127.0.0.1:8080" || c.SimEnabled || c.SessionTimeout.Minutes() != 30 {
		t.Fatalf("defaults %+v, %v", c, err)
	}
	// A WhatsApp number's ceiling: 1 a second, 30 a minute unless set.
	if c.WhatsAppPerSecond != 1 || c.WhatsAppPerMinute != 30 {
		t.Fatalf("whatsapp ceiling %d/s %d/min", c.WhatsAppPerSecond, c.WhatsAppPerMinute)
	}
	if c, err := loadConfig(envOf(map[string]string{"WHATSAPP_MAX_PER_MINUTE": "20"})); err != nil || c.WhatsAppPerMinute != 20 {
		t.Fatalf("WHATSAPP_MAX_PER_MINUTE=20: %d, %v", c.WhatsAppPerMinute, err)
	}
	if _, err := loadConfig(envOf(map[string]string{"WHATSAPP_MAX_PER_SECOND": "0"})); err == nil {
		t.Fatal("a ceiling of 0 accepted")
	}
	if c, _ := loadConfig(envOf(map[string]string{"HTTP_ADDR": "0.0.0.0:80", "SIM_ENABLED": ""})); c.SimEnabled {
		t.Fatal("simulator on by default on a public address")
	}
	if _, err := loadConfig(envOf(map[string]string{"HTTP_ADDR": "0.0.0.0:80", "SIM_ENABLED": "true"})); err == nil {
		t.Fatal("simulator on a public address without a token accepted")
	}
	if _, err := loadConfig(envOf(map[string]string{"WHATSAPP_CLOUD_PHONE_NUMBER_ID": "1"})); err == nil {
		t.Fatal("cloud api without its secrets accepted")
	}
	if c, err := loadConfig(envOf(map[string]string{"WHATSAPP_ENABLED": "yes", "WHATSAPP_RAMP_START": "2026-11-01"})); err != nil || !c.WhatsAppEnabled || c.WhatsAppRampStart.Day() != 1 {
		t.Fatalf("whatsapp config %+v %v", c, err)
	}
	if _, err := loadConfig(envOf(map[string]string{"SMS_ANDROID_URL": "http://10.0.0.5:8080"})); err == nil {
		t.Fatal("sms gateway without credentials accepted")
	}
	gateways := map[string]string{
		"SMS_ANDROID_URL": "http://10.0.0.5:8080", "SMS_ANDROID_USER": "sms", "SMS_ANDROID_PASSWORD": "p", "SMS_ANDROID_SIGNING_KEY": "k",
		"SMS_ANDROID_2_NAME": "sindu", "SMS_ANDROID_2_URL": "http://10.0.0.6:8080", "SMS_ANDROID_2_USER": "sms", "SMS_ANDROID_2_PASSWORD": "p", "SMS_ANDROID_2_SIGNING_KEY": "k",
		"SMS_GAMMU_URL": "postgres://smsd@127.0.0.1/smsd", "SMS_GAMMU_PHONE_ID": "modem1",
	}
	c, err = loadConfig(envOf(gateways))
	if err != nil || len(c.Androids) != 2 || c.Androids[0].Name != "android" || c.Androids[1].Name != "sindu" ||
		len(c.Gammus) != 1 || c.Gammus[0].Name != "gammu" || c.Gammus[0].PhoneID != "modem1" || c.SMSFallback != "sms:android" || c.FallbackAfter != time.Hour {
		t.Fatalf("gateways %+v %+v %q, %v", c.Androids, c.Gammus, c.SMSFallback, err)
	}
	gateways["SMS_FALLBACK"] = "sms:gammu"
	if c, err := loadConfig(envOf(gateways)); err != nil || c.SMSFallback != "sms:gammu" {
		t.Fatalf("SMS_FALLBACK %q %v", c.SMSFallback, err)
	}
	gateways["SMS_FALLBACK"] = "sms:nowhere"
	if _, err := loadConfig(envOf(gateways)); err == nil {
		t.Fatal("a fallback to an unknown gateway accepted")
	}
	gateways["SMS_FALLBACK"] = "gammu" // a gateway's name is not its channel's
	if _, err := loadConfig(envOf(gateways)); err == nil {
		t.Fatal("a fallback without sms: accepted (its messages would wait for a channel that does not exist)")
	}
	gateways["SMS_FALLBACK"], gateways["SMS_GAMMU_NAME"] = "", "sindu"
	if _, err := loadConfig(envOf(gateways)); err == nil {
		t.Fatal("two gateways with one name accepted")
	}
	if c, err := loadConfig(envOf(map[string]string{"MEETING_REMINDERS": "48h, 3h"})); err != nil || c.Reminders["H-2"] != 48*time.Hour || c.Reminders["J-3"] != 3*time.Hour {
		t.Fatalf("reminders %v %v", c.Reminders, err)
	}
	if c, err := loadConfig(envOf(map[string]string{"WHATSAPP_MAX_AGE": "2h"})); err != nil || c.Cloud.MaxAge != 2*time.Hour || c.WhatsAppMaxAge != 2*time.Hour {
		t.Fatalf("WHATSAPP_MAX_AGE for both WhatsApp channels: %v %v", c.Cloud.MaxAge, err)
	}
	if _, err := loadConfig(envOf(map[string]string{"MEETING_REMINDERS": "besok"})); err == nil {
		t.Fatal("bad MEETING_REMINDERS accepted")
	}
	if _, err := loadConfig(envOf(map[string]string{"SESSION_TIMEOUT": "soon"})); err == nil {
		t.Fatal("bad SESSION_TIMEOUT accepted")
	}
}

// cli runs the program's commands on a throwaway database and data folder,
// as a shell would.
func cli(t *testing.T) func(args ...string) (string, error) {
	env := envOf(map[string]string{"DATABASE_URL": storetest.URL(t), "DATA_DIR": t.TempDir()})
	t.Cleanup(func() {
		// The default data folder, relative to the package: files written
		// there end up committed.
		if _, err := os.Stat(".data"); err == nil {
			t.Error("cmd/suaradesa/.data exists: a test wrote to the default DATA_DIR instead of t.TempDir()")
		}
	})
	return func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), args, env, &out, &out)
		return out.String(), err
	}
}

func TestCLI(t *testing.T) {
	cmd := cli(t)
	if out, err := cmd("help"); err != nil || !strings.Contains(out, "set-status") {
		t.Fatalf("help: %v %s", err, out)
	}
	if _, err := cmd("frobnicate"); !errors.Is(err, errUsage) {
		t.Fatalf("unknown command: %v", err)
	}
	if out, err := cmd("seed", "demo"); err != nil || !strings.Contains(out, "+6281100000001") {
		t.Fatalf("seed: %v %s", err, out)
	}
	csv := filepath.Join(t.TempDir(), "desa.csv")
	if err := os.WriteFile(csv, []byte("kode,nama,kecamatan,dusun\n34.04.17.2001,Argomulyo,Cangkringan,Banaran\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd("desa", "import", csv); err != nil || !strings.Contains(out, "1 desa") {
		t.Fatalf("import: %v %s", err, out)
	}
	if out, err := cmd("role", "grant", "0812 3456 7001", "kpmd", "34.04.17.2001"); err != nil || !strings.Contains(out, "+6281234567001 is now KPMD") {
		t.Fatalf("grant: %v %s", err, out)
	}
	if out, err := cmd("role", "list", "34.04.17.2001"); err != nil || !strings.Contains(out, "KPMD") {
		t.Fatalf("list: %v %s", err, out)
	}
	if _, err := cmd("role", "grant", "0812", "KPMD", "34.04.17.2001"); err == nil || !strings.Contains(errorText(err), "phone") {
		t.Fatalf("bad phone: %v", err)
	}
	if _, err := cmd("role", "grant", "081234567001", "KEPALA", "34.04.17.2001"); err == nil || !strings.Contains(errorText(err), "unknown role") {
		t.Fatalf("bad role: %v", err)
	}
	if out, err := cmd("role", "revoke", "081234567001", "KPMD", "34.04.17.2001"); err != nil || !strings.Contains(out, "no longer") {
		t.Fatalf("revoke: %v %s", err, out)
	}
	if _, err := cmd("gagasan", "set-status", "G-MMMMMM", "DIBAHAS"); err == nil || !strings.Contains(errorText(err), "no gagasan") {
		t.Fatalf("unknown gagasan: %v", err)
	}
	if _, err := cmd("gagasan", "set-status", "G-MMMMMM", "DIMAKAN"); err == nil || !strings.Contains(errorText(err), "unknown stage") {
		t.Fatalf("unknown stage: %v", err)
	}
	if _, err := cmd("rapat", "hasil", "R-MMMMMM", "--hadir", "10", "--perempuan", "4"); err == nil || !strings.Contains(errorText(err), "no meeting") {
		t.Fatalf("outcome of an unknown meeting: %v", err)
	}
	if _, err := cmd("kegiatan", "create", "--gagasan", "G-MMMMMM", "--budget", "150000000", "--tpk", "081100000002"); err == nil || !strings.Contains(errorText(err), "no gagasan") {
		t.Fatalf("kegiatan of an unknown gagasan: %v", err)
	}
	if _, err := cmd("kegiatan", "create", "--gagasan", "G-MMMMMM", "--budget", "banyak", "--tpk", "081100000002"); err == nil || !strings.Contains(errorText(err), "whole Rupiah") {
		t.Fatalf("bad budget: %v", err)
	}
	if _, err := cmd("kegiatan", "cair", "K-MMMMMM", "2"); err == nil || !strings.Contains(errorText(err), "no kegiatan") {
		t.Fatalf("tranche of an unknown kegiatan: %v", err)
	}
	if out, err := cmd("kegiatan", "list"); err != nil || !strings.Contains(out, "BUDGET") {
		t.Fatalf("kegiatan list: %v %s", err, out)
	}
	if _, err := cmd("aduan", "set-status", "A-MMMMMM", "SELESAI"); err == nil || !strings.Contains(errorText(err), "no complaint") {
		t.Fatalf("unknown complaint: %v", err)
	}
	if _, err := cmd("kegiatan", "create", "--gagasan"); !errors.Is(err, errUsage) {
		t.Fatalf("flag without value: %v", err)
	}
	if _, err := cmd("sms", "android", "register-webhooks"); err == nil || !strings.Contains(errorText(err), "SMS_ANDROID_URL") {
		t.Fatalf("register-webhooks unconfigured: %v", err)
	}
	if _, err := cmd("kontak", "kanal", "+6281234599999", "sms:android"); err == nil || !strings.Contains(errorText(err), "no contact") {
		t.Fatalf("kontak kanal of nobody: %v", err)
	}
	if _, err := cmd("kontak", "kanal", "+6281234599999", "telegram"); !errors.Is(err, errUsage) {
		t.Fatalf("kontak kanal telegram: %v", err)
	}
	if out, err := cmd("rapat", "list"); err != nil || !strings.Contains(out, "CODE") {
		t.Fatalf("rapat list: %v %s", err, out)
	}
}

func TestAdminCreate(t *testing.T) {
	ctx := context.Background()
	vars := map[string]string{"DATABASE_URL": storetest.URL(t), "DATA_DIR": t.TempDir(), "SUARADESA_ADMIN_PASSWORD": "rahasia-panjang-1"}
	cmd := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, args, envOf(vars), &out, &out)
		return out.String(), err
	}
	if _, err := cmd("seed", "demo"); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd("admin", "create", "budi", "--role", "fasilitator", "--kecamatan", "34.04.11"); err != nil || !strings.Contains(out, "budi can log in") {
		t.Fatalf("create: %v %s", err, out)
	}
	if _, err := cmd("admin", "create", "budi", "--role", "FASILITATOR", "--kecamatan", "34.04.11"); err == nil || !strings.Contains(errorText(err), "exists") {
		t.Fatalf("created twice: %v", err)
	}
	// The kabupaten roles take a kabupaten, whose row may be missing: its
	// kecamatan on the service are enough; one without any is refused.
	if out, err := cmd("admin", "create", "fkab", "--role", "fasilitator_kab", "--kabupaten", "34.04"); err != nil || !strings.Contains(out, "FASILITATOR_KAB of kabupaten 34.04") {
		t.Fatalf("create F-Kab: %v %s", err, out)
	}
	if _, err := cmd("admin", "create", "akab", "--role", "AUDITOR_KAB", "--kabupaten", "35.01"); err == nil || !strings.Contains(errorText(err), "no kecamatan of kabupaten 35.01") {
		t.Fatalf("kabupaten without kecamatan: %v", err)
	}
	if _, err := cmd("admin", "create", "akab", "--role", "AUDITOR_KAB", "--kecamatan", "34.04.11"); err == nil || !strings.Contains(errorText(err), "belongs to a kabupaten") {
		t.Fatalf("kabupaten role on a kecamatan: %v", err)
	}
	if _, err := cmd("admin", "create", "akab", "--role", "FASILITATOR", "--kabupaten", "34.04"); err == nil || !strings.Contains(errorText(err), "belongs to a kecamatan") {
		t.Fatalf("kecamatan role on a kabupaten: %v", err)
	}
	if _, err := cmd("admin", "create", "akab", "--role", "AUDITOR_KAB", "--kabupaten", "34.04", "--kecamatan", "34.04.11"); !errors.Is(err, errUsage) {
		t.Fatalf("both kabupaten and kecamatan: %v", err)
	}
	vars["SUARADESA_ADMIN_PASSWORD"] = "pendek"
	if _, err := cmd("admin", "create", "ani", "--role", "TV", "--kecamatan", "34.04.11"); err == nil || !strings.Contains(errorText(err), "10 characters") {
		t.Fatalf("short password: %v", err)
	}
	if _, err := cmd("admin", "create", "ani", "--role", "TV"); !errors.Is(err, errUsage) {
		t.Fatalf("without kecamatan: %v", err)
	}
}

// TestKatalogAndDesaLanguage: the catalog goes out as CSV and a reviewed
// file comes back (refused whole when broken), applied from the next start;
// a desa's default language is set by CLI.
func TestKatalogAndDesaLanguage(t *testing.T) {
	cmd := cli(t)
	t.Cleanup(flow.ResetCorrections)
	if _, err := cmd("seed", "demo"); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd("desa", "bahasa", "34.04.11.2001", "jv"); err != nil || !strings.Contains(out, "Basa Jawa") {
		t.Fatalf("desa bahasa: %v %s", err, out)
	}
	// The numbers its board shows: set, cleared with "-", refused when no number.
	if out, err := cmd("desa", "nomor", "34.04.11.2001", "0812-3456-7000", "-"); err != nil || !strings.Contains(out, "WhatsApp +6281234567000, SMS -") {
		t.Fatalf("desa nomor: %v %s", err, out)
	}
	if _, err := cmd("desa", "nomor", "34.04.11.2001", "halo", "-"); !errors.Is(err, errUsage) {
		t.Fatalf("desa nomor with no number: %v", err)
	}
	if _, err := cmd("desa", "nomor", "34.04.99.2002", "-", "-"); err == nil || !strings.Contains(errorText(err), "tidak ada") {
		t.Fatalf("desa nomor of no desa: %v", err)
	}
	if _, err := cmd("desa", "bahasa", "34.04.11.2001", "fr"); !errors.Is(err, errUsage) {
		t.Fatalf("unknown language: %v", err)
	}
	if _, err := cmd("desa", "bahasa", "34.04.99.2002", "su"); err == nil || !strings.Contains(errorText(err), "tidak ada") {
		t.Fatalf("unknown desa: %v", err)
	}
	file := filepath.Join(t.TempDir(), "katalog.csv")
	if _, err := cmd("katalog", "ekspor", file); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(file)
	if out, err := cmd("katalog", "impor", file); err != nil || !strings.Contains(out, "0 teks") {
		t.Fatalf("unchanged import: %v %s", err, out)
	}
	old := "Matur nuwun, {name}. Pandhaftaran sampun rampung."
	if !strings.Contains(string(raw), old) {
		t.Fatal("the export lacks the Javanese text")
	}
	reviewed := strings.Replace(string(raw), old, "Matur nuwun sanget, {name}. Sampun kadhaftar.", 1)
	if err := os.WriteFile(file, []byte(reviewed), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd("katalog", "impor", file); err != nil || !strings.Contains(out, "1 teks") {
		t.Fatalf("reviewed import: %v %s", err, out)
	}
	broken := strings.Replace(reviewed, "Matur nuwun sanget, {name}.", "Matur nuwun sanget, {nama}.", 1)
	_ = os.WriteFile(file, []byte(broken), 0o600)
	if _, err := cmd("katalog", "impor", file); err == nil || !strings.Contains(errorText(err), "jv/registered") {
		t.Fatalf("broken import: %v", err)
	}
	// The stored review is what the next start applies (the broken file
	// changed nothing).
	out, err := cmd("katalog", "ekspor")
	if err != nil || !strings.Contains(out, "Matur nuwun sanget, {name}. Sampun kadhaftar.") {
		t.Fatalf("export after import: %v", err)
	}
}

// SIM_GROUPS names a file of simulated groups, read and checked at start;
// SIM_GROUP_GAP is a positive duration.
func TestConfigSimGroups(t *testing.T) {
	c, err := loadConfig(envOf(map[string]string{"SIM_GROUPS": "../../configs/demo-sim-groups.json", "SIM_GROUP_GAP": "10s"}))
	if err != nil || len(c.SimGroups) != 1 || c.SimGroups[0].JID != "rt03-kejambon@g.us" || c.SimGroupGap != 10*time.Second {
		t.Fatalf("demo groups: %+v %v, %v", c.SimGroups, c.SimGroupGap, err)
	}
	bad := filepath.Join(t.TempDir(), "groups.json")
	if err := os.WriteFile(bad, []byte(`[{"jid":"rt03","name":"x","members":["081100000001"]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range []map[string]string{{"SIM_GROUPS": bad}, {"SIM_GROUPS": bad + ".none"}, {"SIM_GROUP_GAP": "0s"}, {"SIM_GROUP_GAP": "sebentar"}} {
		if _, err := loadConfig(envOf(env)); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
}
